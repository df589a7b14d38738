/**
 * The site's settings an editor keeps in the repository: content/site.yaml.
 * Today one key, `public_url` (the public address of the archive), which
 * the environment variable ARCHIVE_SITE_URL overrides. The build passes the
 * result to every stage as ARCHIVE_SITE_URL (astro.config.mjs `site`, the USB
 * stage), and warns at its end when there is none.
 * See docs/decisions/1403-take-it-away.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export const SITE_SETTINGS_FILE = 'site.yaml';

export interface PublicAddress {
  /** The public address as written (an absolute http(s) URL), or null when none is set. */
  url: string | null;
  /** Where it came from. */
  from: 'env' | 'site.yaml' | null;
}

/** A usable public address, or an error naming what is wrong with it. */
export function checkPublicUrl(value: string): { url: string } | { error: string } {
  let parsed: URL;
  try {
    parsed = new URL(value.trim());
  } catch {
    return { error: `"${value}" is not an absolute URL (e.g. https://luutru.example.gov.vn/)` };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return { error: `"${value}" is not an http(s) address` };
  if (parsed.search || parsed.hash) return { error: `"${value}" has a query or fragment; give the site's address only` };
  // Kept as written: astro.config.mjs and the USB README take it as it is.
  return { url: value.trim() };
}

/**
 * The public address: ARCHIVE_SITE_URL when set (non-empty), else
 * `public_url` of <content>/site.yaml, else none. Throws on a malformed file
 * or address (a typo must not publish wrong citations).
 */
export function readPublicAddress(contentDir: string, env: Record<string, string | undefined> = process.env): PublicAddress {
  const fromEnv = env.ARCHIVE_SITE_URL?.trim();
  if (fromEnv) {
    const checked = checkPublicUrl(fromEnv);
    if ('error' in checked) throw new Error(`ARCHIVE_SITE_URL: ${checked.error}`);
    return { url: checked.url, from: 'env' };
  }
  const file = join(contentDir, SITE_SETTINGS_FILE);
  if (!existsSync(file)) return { url: null, from: null };
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not valid YAML: ${(error as Error).message}`);
  }
  if (data === null || data === undefined) return { url: null, from: null };
  if (typeof data !== 'object' || Array.isArray(data)) throw new Error(`${file}: expected "public_url: <address>"`);
  const unknown = Object.keys(data).filter((k) => k !== 'public_url');
  if (unknown.length > 0) throw new Error(`${file}: unknown setting(s) ${unknown.join(', ')} (known: public_url)`);
  const value = (data as { public_url?: unknown }).public_url;
  if (value === null || value === undefined || value === '') return { url: null, from: null };
  if (typeof value !== 'string') throw new Error(`${file}: public_url must be an address like https://luutru.example.gov.vn/`);
  const checked = checkPublicUrl(value);
  if ('error' in checked) throw new Error(`${file}: public_url: ${checked.error}`);
  return { url: checked.url, from: 'site.yaml' };
}

/** The warning printed at the end of a build without a public address (Vietnamese first: editors read it). */
export const NO_PUBLIC_ADDRESS_WARNING =
  'CẢNH BÁO: chưa đặt địa chỉ công khai (public_url trong content/site.yaml, hoặc biến ARCHIVE_SITE_URL): ' +
  'trích dẫn, kể cả trong bản USB, chỉ ghi đường dẫn (/van-ban/…), không có địa chỉ web; không có sitemap.xml. ' +
  '(warning: no public address set)';
