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

/**
 * Files the usb stage may still leave out when a page is audited before the copy is
 * finished: scripts (module chunks no page loads) and Pagefind's stylesheets
 * (scripts/usb/transform.ts). URLs to them are checked again on the final files.
 */
export function mayBeLeftOut(file: string): boolean {
  return /\.m?js$/.test(file) || (file.startsWith('pagefind/') && file.endsWith('.css'));
}

/** A URL whose target may be left out of the copy after all (a script no page loads): checked against the final files. */
export interface DeferredUrl {
  file: string;
  where: string;
  value: string;
  target: string;
}

/** The audit of one file of the copy. */
export interface FileAudit {
  problems: string[];
  kept: string[];
  unknown: string[];
  pages: number;
  urls: number;
  /** URLs to files that `tree` may hold only for now (see `maybeDropped`), to check once the copy is final. */
  deferred: DeferredUrl[];
}

/** Check one URL found in `file`; `where` names its place for the message. */
function checkUrl(url: string, file: string, where: string, tree: SiteTree, out: FileAudit, maybeDropped?: (target: string) => boolean): void {
  const value = url.trim();
  if (value === '' || value.startsWith('#')) return;
  if (isRootAbsolute(value)) {
    out.problems.push(`${file}: root-absolute URL in ${where}: ${value}`);
    return;
  }
  const result = rewriteUrl(value, file, tree);
  if (result.missing) out.problems.push(`${file}: ${where} points to nothing in the copy: ${value}`);
  else if (result.target !== null && /\/(?:[?#]|$)/.test(value)) out.problems.push(`${file}: folder URL without index.html in ${where}: ${value}`);
  else if (result.target !== null && maybeDropped?.(result.target)) out.deferred.push({ file, where, value, target: result.target });
}

/**
 * Audit one file of the copy (an HTML page or a stylesheet; other files have nothing to check).
 * `tree` is the copy's files; with `maybeDropped`, files it names may still be left out, and
 * URLs to them come back in `deferred` (checked by `settleDeferred`).
 */
export function auditFile(file: string, text: string, tree: SiteTree, maybeDropped?: (target: string) => boolean): FileAudit {
  const out: FileAudit = { problems: [], kept: [], unknown: [], pages: 0, urls: 0, deferred: [] };
  const check = (url: string, where: string) => {
    out.urls += 1;
    checkUrl(url, file, where, tree, out, maybeDropped);
  };
  if (file.endsWith('.css')) {
    for (const u of cssUrls(text)) check(u, 'CSS url()');
    return out;
  }
  if (!file.endsWith('.html')) return out;
  out.pages += 1;
  const { problems, kept, unknown } = out;
  for (const tag of scan(text)) {
    for (const [name, value] of tag.attrs) {
      if (LOADED_ATTRS.has(name) && !(name === 'data' && tag.name !== 'object')) {
        // A canonical link names the public page, not a file of the copy (absolute when the site is configured).
        if (tag.name === 'link' && /(^|\s)canonical(\s|$)/i.test(tag.attrs.get('rel') ?? '') && !isRootAbsolute(value)) continue;
        check(value, `<${tag.name} ${name}>`);
      } else if (name === 'srcset' || name === 'imagesrcset') {
        for (const candidate of value.split(',')) {
          const u = candidate.trim().split(/\s+/)[0];
          if (u) check(u, `<${tag.name} ${name}>`);
        }
      } else if (name === 'style') {
        for (const u of cssUrls(value)) check(u, 'style="" url()');
      } else if (name === 'content' && tag.name === 'meta' && /^refresh$/i.test(tag.attrs.get('http-equiv') ?? '')) {
        const m = /url\s*=\s*['"]?([^'"]*)/i.exec(value);
        if (m) check(m[1]!, 'meta refresh');
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
      for (const u of cssUrls(tag.text)) check(u, '<style> url()');
    }
    if (tag.name === 'link' && /(^|\s)modulepreload(\s|$)/i.test(tag.attrs.get('rel') ?? '')) problems.push(`${file}: module preload ${tag.attrs.get('href')}`);
  }
  return out;
}

/** Join the audits of the files of a copy (in the order of `files`), the deferred URLs checked against them. */
export function joinAudits(files: readonly string[], audits: ReadonlyMap<string, FileAudit>): AuditResult {
  const final = new Set(files);
  const result: AuditResult = { problems: [], kept: [], unknown: [], pages: 0, urls: 0 };
  for (const file of files) {
    const audit = audits.get(file);
    if (!audit) continue;
    result.problems.push(...audit.problems);
    for (const d of audit.deferred) if (!final.has(d.target)) result.problems.push(`${d.file}: ${d.where} points to nothing in the copy: ${d.value}`);
    result.kept.push(...audit.kept);
    result.unknown.push(...audit.unknown);
    result.pages += audit.pages;
    result.urls += audit.urls;
  }
  return result;
}

/** Audit the folder `dir`; `files`, when given, are its files (listFiles), so the folder is not walked again. */
export function auditUsb(dir: string, files?: readonly string[]): AuditResult {
  const tree = files ? siteTreeOf(files) : readSiteTree(dir);
  const list = [...tree.files];
  const audits = new Map<string, FileAudit>();
  for (const file of list) {
    if (file.endsWith('.css') || file.endsWith('.html')) audits.set(file, auditFile(file, readFileSync(join(dir, file), 'utf8'), tree));
  }
  return joinAudits(list, audits);
}
