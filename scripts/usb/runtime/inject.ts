/**
 * What the classic Pagefind bundle uses instead of three browser features
 * that do not work from file:// (esbuild `inject` + `define`, see
 * scripts/usb/pagefind.ts):
 *
 * - `import.meta.url` (a classic script has none): the URL of this script,
 *   from `document.currentScript` while the bundle first runs, named
 *   `pagefind.js` so Pagefind derives its folder from it as usual;
 * - `fetch` (refused for file:// URLs): for Pagefind's own assets, a loader
 *   that inserts the asset's classic script once and answers with a Response
 *   built from its bytes; every other request goes to the real fetch;
 * - `Worker` (refused from file://) is defined as undefined, so Pagefind runs
 *   on the main thread.
 */
import { ASSET_SCRIPT_SUFFIX, ASSET_TABLE, assetName, base64ToBytes } from './assets.ts';

type AssetTable = Record<string, string | undefined>;

function ownScriptUrl(): string {
  const current = document.currentScript as HTMLScriptElement | null;
  if (current?.src) return current.src;
  // Not run as a classic script (should not happen): look for it among the page's scripts.
  const scripts = Array.from(document.getElementsByTagName('script'));
  const own = scripts.reverse().find((s) => /(^|\/)pagefind\/pagefind\.js([?#].*)?$/.test(s.src));
  return own?.src ?? new URL('pagefind/pagefind.js', document.baseURI).href;
}

/** This bundle's URL, as `<folder>/pagefind.js` (Pagefind matches that name to find its folder). */
export const __archivePagefindScriptUrl: string = new URL('pagefind.js', ownScriptUrl()).href;

/** Pagefind's folder (`file:///…/pagefind/`). */
export const pagefindBase: string = new URL('./', __archivePagefindScriptUrl).href;

/** What a first search cost (read by the bench and the tests). */
export const loadStats = { scripts: 0, base64Chars: 0, bytes: 0 };

const loading = new Map<string, Promise<void>>();

function table(): AssetTable {
  const w = window as unknown as Record<string, AssetTable | undefined>;
  return (w[ASSET_TABLE] ??= {});
}

/** Insert the asset's script once; resolves when it ran (or failed to load). */
function loadAsset(name: string): Promise<void> {
  let pending = loading.get(name);
  if (!pending) {
    pending = new Promise<void>((resolve) => {
      const script = document.createElement('script');
      script.src = new URL(encodeURI(name) + ASSET_SCRIPT_SUFFIX, pagefindBase).href;
      script.async = true;
      const done = () => {
        script.remove();
        resolve();
      };
      script.onload = done;
      script.onerror = done;
      loadStats.scripts += 1;
      document.head.appendChild(script);
    });
    loading.set(name, pending);
  }
  return pending;
}

function contentType(name: string): string {
  return name.endsWith('.json') ? 'application/json' : 'application/octet-stream';
}

export async function __archivePagefindFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const name = assetName(url, pagefindBase);
  if (name === null) return globalThis.fetch(input, init);
  if (table()[name] === undefined) await loadAsset(name);
  const base64 = table()[name];
  if (base64 === undefined) return new Response(null, { status: 404, statusText: 'Not Found' });
  const bytes = base64ToBytes(base64);
  if (!loading.has(`counted:${name}`)) {
    loading.set(`counted:${name}`, Promise.resolve());
    loadStats.base64Chars += base64.length;
    loadStats.bytes += bytes.length;
  }
  return new Response(bytes, { status: 200, headers: { 'content-type': contentType(name) } });
}
