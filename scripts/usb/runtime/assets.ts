/**
 * Browser side of Pagefind in the USB edition, the parts that are plain
 * functions (unit-tested in Node): which asset a URL names, how a wrapped
 * asset registers itself, base64 to bytes, and where a search result opens.
 * Bundled into the classic pagefind.js by scripts/usb/pagefind.ts.
 * See docs/decisions/0701-usb-edition.md.
 */

/** The global table the asset scripts write into: asset name -> base64. */
export const ASSET_TABLE = '__archivePagefindAssets';

/** Suffix of the classic script that carries an asset (`index/vi_x.pf_index` -> `index/vi_x.pf_index.js`). */
export const ASSET_SCRIPT_SUFFIX = '.js';

/** The text of the classic script that carries one asset. */
export function assetScript(name: string, base64: string): string {
  return `(window.${ASSET_TABLE}=window.${ASSET_TABLE}||{})[${JSON.stringify(name)}]="${base64}";\n`;
}

/**
 * The asset a URL that Pagefind fetches names, relative to Pagefind's folder
 * (`pagefind-entry.json`, `index/vi_x.pf_index`), its query (`?ts=...`) and
 * fragment dropped; null when the URL lies outside that folder (then the
 * request is not Pagefind's to answer).
 */
export function assetName(url: string, pagefindBase: string): string | null {
  const absolute = new URL(url, pagefindBase).href;
  if (!absolute.startsWith(pagefindBase)) return null;
  const rest = absolute.slice(pagefindBase.length).replace(/[?#].*$/s, '');
  if (rest === '' || rest.split('/').some((part) => part === '..' || part === '.')) return null;
  try {
    return decodeURIComponent(rest);
  } catch {
    return null;
  }
}

/** Bytes from base64, with atob (available in every browser that runs Pagefind). */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Where a result opens in this copy. Pagefind gives root-relative URLs
 * (`/van-ban/x/#II.3`, with baseUrl "/"); the copy's root is the folder that
 * holds `pagefind/`. A folder URL gets its index.html (file:// does not open
 * it by itself). Other URLs come back unchanged.
 */
export function resultUrl(url: string, siteRoot: string): string {
  if (typeof url !== 'string' || !url.startsWith('/') || url.startsWith('//')) return url;
  const target = new URL(url.slice(1), siteRoot);
  if (target.pathname.endsWith('/')) target.pathname += 'index.html';
  return target.href;
}

/** A provision id as a URL fragment, as the site writes it (src/scripts/pagefind-loader.ts): dots kept, the rest escaped. */
export function fragmentPart(id: string): string {
  return encodeURIComponent(id).replace(/%2E/gi, '.');
}
