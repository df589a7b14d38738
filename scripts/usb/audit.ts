/**
 * What the USB edition must never contain, checked on the written folder
 * (the stage fails on any of it, and the tests run it too):
 *
 * - a root-absolute URL where the browser loads or follows it (href, src,
 *   srcset, action, CSS url(), meta refresh, inline scripts' path constants);
 * - a module script (Chromium refuses them from file://) or a module preload;
 * - a URL into the copy that opens nothing, or a folder URL (file:// does not
 *   open a folder's index.html by itself).
 *
 * Root-absolute values kept on purpose (the citation address, see
 * KEPT_ATTRS in html.ts) are listed, not failed; so are root-absolute values
 * of attributes not known to hold a URL (reported, so that a new URL
 * attribute gets added to html.ts; the tests require none).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cssUrls } from './css.ts';
import { decodeEntities, KEPT_ATTRS, scanTags } from './html.ts';
import { rootAbsoluteStrings } from './js-strings.ts';
import { isRootAbsolute, readSiteTree, rewriteUrl, siteTreeOf, type SiteTree } from './site-tree.ts';

export interface AuditResult {
  problems: string[];
  /** `file: name=value` of root-absolute values kept on purpose (KEPT_ATTRS). */
  kept: string[];
  /** Root-absolute values in other attributes, not known to be URLs: left alone, reported (a new URL attribute belongs in html.ts). */
  unknown: string[];
  pages: number;
  urls: number;
}

const LOADED_ATTRS = new Set(['href', 'xlink:href', 'src', 'action', 'formaction', 'poster', 'cite', 'background', 'longdesc', 'manifest', 'data', 'data-pagefind-bundle']);

interface ScannedTag {
  name: string;
  attrs: Map<string, string>;
  text?: string;
}

/** Start tags with decoded attribute values, and the text of script/style: the same tokenizer as the rewrite (html.ts). */
function scan(html: string): ScannedTag[] {
  return scanTags(html).map((t) => ({
    name: t.name,
    attrs: new Map(t.attrs.map((a) => [a.name, decodeEntities(a.raw)])),
    ...(t.textFrom !== undefined && t.textTo !== undefined ? { text: html.slice(t.textFrom, t.textTo) } : {}),
  }));
}

/** Check one URL found in `file`; `where` names its place for the message. */
function checkUrl(url: string, file: string, where: string, tree: SiteTree, problems: string[]): void {
  const value = url.trim();
  if (value === '' || value.startsWith('#')) return;
  if (isRootAbsolute(value)) {
    problems.push(`${file}: root-absolute URL in ${where}: ${value}`);
    return;
  }
  const result = rewriteUrl(value, file, tree);
  if (result.missing) problems.push(`${file}: ${where} points to nothing in the copy: ${value}`);
  else if (result.target !== null && /\/(?:[?#]|$)/.test(value)) problems.push(`${file}: folder URL without index.html in ${where}: ${value}`);
}

/** Audit the folder `dir`; `files`, when given, are its files (listFiles), so the folder is not walked again. */
export function auditUsb(dir: string, files?: readonly string[]): AuditResult {
  const tree = files ? siteTreeOf(files) : readSiteTree(dir);
  const problems: string[] = [];
  const kept: string[] = [];
  const unknown: string[] = [];
  let pages = 0;
  let urls = 0;
  const check = (url: string, file: string, where: string) => {
    urls += 1;
    checkUrl(url, file, where, tree, problems);
  };
  for (const file of tree.files) {
    if (file.endsWith('.css')) {
      for (const u of cssUrls(readFileSync(join(dir, file), 'utf8'))) check(u, file, 'CSS url()');
      continue;
    }
    if (!file.endsWith('.html')) continue;
    pages += 1;
    const html = readFileSync(join(dir, file), 'utf8');
    for (const tag of scan(html)) {
      for (const [name, value] of tag.attrs) {
        if (LOADED_ATTRS.has(name) && !(name === 'data' && tag.name !== 'object')) {
          // A canonical link names the public page, not a file of the copy (absolute when the site is configured).
          if (tag.name === 'link' && /(^|\s)canonical(\s|$)/i.test(tag.attrs.get('rel') ?? '') && !isRootAbsolute(value)) continue;
          check(value, file, `<${tag.name} ${name}>`);
        } else if (name === 'srcset' || name === 'imagesrcset') {
          for (const candidate of value.split(',')) {
            const u = candidate.trim().split(/\s+/)[0];
            if (u) check(u, file, `<${tag.name} ${name}>`);
          }
        } else if (name === 'style') {
          for (const u of cssUrls(value)) check(u, file, 'style="" url()');
        } else if (name === 'content' && tag.name === 'meta' && /^refresh$/i.test(tag.attrs.get('http-equiv') ?? '')) {
          const m = /url\s*=\s*['"]?([^'"]*)/i.exec(value);
          if (m) check(m[1]!, file, 'meta refresh');
        } else if (isRootAbsolute(value) && value.trim().length > 1) {
          if (KEPT_ATTRS.has(name)) kept.push(`${file}: ${name}=${value}`);
          else unknown.push(`${file}: <${tag.name} ${name}="${value}">`);
        }
      }
      if (tag.name === 'script') {
        const type = (tag.attrs.get('type') ?? '').trim().toLowerCase();
        if (type === 'module') problems.push(`${file}: module script${tag.attrs.has('src') ? ` ${tag.attrs.get('src')}` : ''} (Chromium refuses module scripts from file://)`);
        if (!tag.attrs.has('src') && tag.text && (type === '' || type === 'text/javascript' || type === 'application/javascript')) {
          for (const s of rootAbsoluteStrings(tag.text, tree)) problems.push(`${file}: root-absolute path in an inline script: "${s}"`);
        }
      }
      if (tag.name === 'style' && tag.text) {
        for (const u of cssUrls(tag.text)) check(u, file, '<style> url()');
      }
      if (tag.name === 'link' && /(^|\s)modulepreload(\s|$)/i.test(tag.attrs.get('rel') ?? '')) problems.push(`${file}: module preload ${tag.attrs.get('href')}`);
    }
  }
  return { problems, kept, unknown, pages, urls };
}
