/**
 * rewriteUrl (scripts/usb/site-tree.ts) does its path arithmetic on segments
 * for speed; these tests hold it to what node:path's posix join, normalize
 * and relative give, on every kind of URL a page can carry.
 */
import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rewriteUrl, siteTreeOf, type RewrittenUrl, type SiteTree } from '../../scripts/usb/site-tree.ts';

/** The rewrite written with node:path (the implementation before the segment arithmetic). */
function reference(raw: string, fromFile: string, tree: SiteTree): RewrittenUrl {
  const decode = (p: string) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  };
  const url = raw.trim();
  if (url === '' || url.startsWith('#') || url.startsWith('?') || /^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|\/\/)/.test(url)) return { url: raw, target: null, missing: false };
  const cut = url.search(/[?#]/);
  const path = cut < 0 ? url : url.slice(0, cut);
  const rest = cut < 0 ? '' : url.slice(cut);
  const fromDir = posix.dirname(fromFile) === '.' ? '' : posix.dirname(fromFile);
  const joined = path.startsWith('/') ? path.slice(1) : posix.join(fromDir, path);
  let sitePath = posix.normalize(joined === '' ? '.' : joined);
  if (sitePath === '.' || sitePath === './') sitePath = '';
  if (sitePath.startsWith('../') || sitePath === '..') return { url: raw, target: null, missing: true };
  const asDir = sitePath === '' || path.endsWith('/') || tree.dirs.has(decode(sitePath.replace(/\/$/, '')));
  const targetEncoded = asDir ? posix.join(sitePath, 'index.html') : sitePath.replace(/\/$/, '');
  const target = decode(targetEncoded);
  const missing = !tree.files.has(target);
  let relative = posix.relative(fromDir || '.', targetEncoded);
  if (relative === '') relative = posix.basename(targetEncoded);
  return { url: relative + rest, target: missing ? null : target, missing };
}

const tree = siteTreeOf([
  'index.html',
  'favicon.svg',
  '_astro/a.css',
  '_astro/page.js',
  'tim-kiem/index.html',
  'van-ban/index.html',
  'van-ban/x/index.html',
  'van-ban/x/van-ban-goc.txt',
  'van-ban/tỉnh/index.html',
  'a/b/c/d.html',
  'a/b/index.html',
]);

const FROM = ['index.html', 'tim-kiem/index.html', 'van-ban/x/index.html', 'van-ban/tỉnh/index.html', '_astro/a.css', 'a/b/c/d.html', 'a/b/index.html', 'a/b/c/e/f.html'];
const PATHS = [
  '/', '/index.html', '/van-ban/x/', '/van-ban/x', '/van-ban/x/index.html', '/van-ban/x/van-ban-goc.txt', '/van-ban/t%E1%BB%89nh/', '/van-ban/%E0%A4/',
  '/khong-co/', '/khong-co.html', '/_astro/a.css', '/favicon.svg', '//host/x', 'https://x.org/a', 'mailto:a@b', 'data:image/png;base64,AA', '#II.3', '?q=1', '',
  ' /van-ban/x/ ', 'x/', '../x/', '../../', '../../../x', './', '.', '..', 'index.html', '../index.html', 'c/d.html', '../b/c/d.html', '/a//b/', '/a/./b/../b/c/d.html',
  '/../x', '/van-ban/../tim-kiem/', 'a/b/c/../../b/', '/a/b/c/', '/a/b/c', 'van-ban-goc.txt', '/van-ban/x/#II.3', '/tim-kiem/?q=a#b', '../../van-ban/x/index.html#II.3',
];

describe('rewriteUrl', () => {
  it('gives what node:path gives, for every kind of URL from every depth', () => {
    for (const from of FROM) for (const raw of PATHS) expect([from, raw, rewriteUrl(raw, from, tree)]).toEqual([from, raw, reference(raw, from, tree)]);
  });

  it('writes folder URLs as their index.html, relative to the file', () => {
    expect(rewriteUrl('/van-ban/x/#II.3', 'tim-kiem/index.html', tree)).toEqual({ url: '../van-ban/x/index.html#II.3', target: 'van-ban/x/index.html', missing: false });
    expect(rewriteUrl('/van-ban/x/', 'van-ban/x/index.html', tree).url).toBe('index.html');
    expect(rewriteUrl('/khong-co/', 'index.html', tree)).toEqual({ url: 'khong-co/index.html', target: null, missing: true });
  });
});
