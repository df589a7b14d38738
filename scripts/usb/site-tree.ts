/**
 * The files of a built site and how a URL written in one of them resolves
 * to another, for the USB edition (docs/decisions/0701-usb-edition.md).
 *
 * Under file:// a URL resolves against the disk: "/" is the disk's root, not
 * the copy's, and a folder does not open its index.html. So every URL that
 * points into the site is written relative to the file that holds it, and a
 * folder URL names its index.html: `/van-ban/x/#II.3` in
 * `tim-kiem/index.html` becomes `../van-ban/x/index.html#II.3`.
 */
import { posix } from 'node:path';
import { listFiles } from '../build/tree.ts';

export interface SiteTree {
  /** Relative paths with `/` (e.g. `van-ban/x/index.html`). */
  readonly files: ReadonlySet<string>;
  /** Every folder that holds a file, '' for the root. */
  readonly dirs: ReadonlySet<string>;
}

export function siteTreeOf(files: Iterable<string>): SiteTree {
  const fileSet = new Set(files);
  const dirs = new Set<string>(['']);
  for (const file of fileSet) {
    let dir = posix.dirname(file);
    while (dir !== '.' && !dirs.has(dir)) {
      dirs.add(dir);
      dir = posix.dirname(dir);
    }
  }
  return { files: fileSet, dirs };
}

export function readSiteTree(root: string): SiteTree {
  return siteTreeOf(listFiles(root));
}

/** What became of one URL. */
export interface RewrittenUrl {
  /** The URL to write (unchanged when it does not point into the site). */
  url: string;
  /** The site file it opens (relative path), or null when it points outside the site or to nothing. */
  target: string | null;
  /** True when it points into the site but no file is there. */
  missing: boolean;
}

/** `scheme:` (https:, mailto:, data:, javascript:, file:) or `//host`: not ours to change. */
const EXTERNAL = /^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|\/\/)/;

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * Rewrite `raw`, written in the site file `fromFile`, so that it works from
 * file://: relative to `fromFile`, folders as their index.html, query and
 * fragment kept. Fragment-only and external URLs come back unchanged.
 */
export function rewriteUrl(raw: string, fromFile: string, tree: SiteTree): RewrittenUrl {
  const url = raw.trim();
  const unchanged: RewrittenUrl = { url: raw, target: null, missing: false };
  if (url === '' || url.startsWith('#') || url.startsWith('?') || EXTERNAL.test(url)) return unchanged;
  const cut = url.search(/[?#]/);
  const path = cut < 0 ? url : url.slice(0, cut);
  const rest = cut < 0 ? '' : url.slice(cut);
  const fromDir = posix.dirname(fromFile) === '.' ? '' : posix.dirname(fromFile);
  // The site path the URL names, still percent-encoded as written.
  const joined = path.startsWith('/') ? path.slice(1) : posix.join(fromDir, path);
  let sitePath = posix.normalize(joined === '' ? '.' : joined);
  if (sitePath === '.' || sitePath === './') sitePath = '';
  if (sitePath.startsWith('../') || sitePath === '..') return { url: raw, target: null, missing: true };
  const asDir = sitePath === '' || path.endsWith('/') || tree.dirs.has(decodePath(sitePath.replace(/\/$/, '')));
  const targetEncoded = asDir ? posix.join(sitePath, 'index.html') : sitePath.replace(/\/$/, '');
  const target = decodePath(targetEncoded);
  const missing = !tree.files.has(target);
  let relative = posix.relative(fromDir || '.', targetEncoded);
  if (relative === '') relative = posix.basename(targetEncoded);
  return { url: relative + rest, target: missing ? null : target, missing };
}

/** A root-absolute URL (`/x`, not `//host`): the kind that breaks under file://. */
export function isRootAbsolute(url: string): boolean {
  const u = url.trim();
  return u.startsWith('/') && !u.startsWith('//');
}
