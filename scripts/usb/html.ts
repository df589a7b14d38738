/**
 * One page of the USB edition: every URL that points into the site written
 * relative to the page (folders as their index.html), module scripts turned
 * into classic ones, and the Pagefind bundle put before any script that
 * loads Pagefind. Parsed with htmlparser2's tokenizer (a real HTML
 * tokenizer: attribute values may hold `>`), and changed by splicing the
 * original text, so everything not touched stays byte for byte.
 * See docs/decisions/0701-usb-edition.md.
 */
import { QuoteType, Tokenizer } from 'htmlparser2';
import { rewriteCss } from './css.ts';
import { applyEdits } from './edits.ts';
import { rewriteScriptStrings } from './js-strings.ts';
import { isRootAbsolute, rewriteUrl, type RewrittenUrl, type SiteTree } from './site-tree.ts';
import { USB_OFFLINE_ATTR } from './published-zip.ts';

interface Attr {
  name: string;
  /** Raw value (entities not decoded), '' when there is none. */
  raw: string;
  /** Where the attribute's value starts and ends, quotes included (-1 without a value). */
  valueFrom: number;
  valueTo: number;
}

interface Tag {
  name: string;
  /** The `<` of the start tag, and just after its `>`. */
  from: number;
  to: number;
  attrs: Attr[];
  /** For script and style: the raw text inside, and just after the end tag. */
  textFrom?: number;
  textTo?: number;
  closeTo?: number;
}

/** Attributes that hold one URL, on any element. */
const URL_ATTRS = new Set(['href', 'xlink:href', 'src', 'action', 'formaction', 'poster', 'cite', 'background', 'longdesc', 'manifest', 'data-pagefind-bundle']);
/**
 * Attributes that look like a site path but are text, not something the
 * browser loads: the citation's address (src/scripts/cite.js prints it; when
 * no public site is configured it is the page's path, and a USB copy must
 * never cite a file:// address).
 */
export const KEPT_ATTRS = new Set(['data-cite-url']);

const JS_TYPES = new Set(['', 'text/javascript', 'application/javascript', 'module']);

/** The global a page script checks to get Pagefind in the USB edition (src/scripts/pagefind-loader.ts). */
export const PAGEFIND_GLOBAL = '__archivePagefind';
/** The global the page's result-URL mapping checks (src/scripts/pagefind-loader.ts `resultHref`). */
export const RESULT_HREF_GLOBAL = '__archiveResultHref';
/** Where the classic Pagefind bundle lives in the USB edition (it replaces Pagefind's module of that name). */
export const PAGEFIND_BUNDLE = 'pagefind/pagefind.js';

export interface ClassicScript {
  /** The classic script's code. */
  code: string;
  /** True when the code asks for Pagefind (mentions PAGEFIND_GLOBAL). */
  usesPagefind: boolean;
}

export interface PageHooks {
  /** A module script of the site (relative path) as a classic script written at the same path. */
  classicModule(file: string): Promise<ClassicScript>;
  /** An inline module script, as classic code (for a page at `file`). */
  classicInlineModule(code: string, file: string): Promise<ClassicScript>;
}

export interface PageResult {
  html: string;
  /** Every URL met (rewritten or not), for the audit and to know which files are used. */
  urls: RewrittenUrl[];
  /** Site files that are now classic scripts referenced by this page. */
  classicScripts: string[];
  /** Attributes whose root-absolute value was kept on purpose (KEPT_ATTRS) or left alone (unknown data-*), as `name=value`. */
  keptRootAbsolute: string[];
  problems: string[];
}

export function decodeEntities(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9a-f]+|#\d+|amp|quot|apos|lt|gt);/gi, (m, e: string) => {
    const lower = e.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' }[lower] ?? m;
  });
}

function attrValue(value: string): string {
  return `"${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
}

/** Tokenize: start tags with their attributes, and the raw text of script/style elements. */
export function scanTags(html: string): Tag[] {
  const tags: Tag[] = [];
  let tag: Tag | null = null;
  let attr: { name: string; nameFrom: number; dataFrom: number; dataTo: number } | null = null;
  let raw: Tag | null = null;
  const tokenizer = new Tokenizer(
    { decodeEntities: false },
    {
      onopentagname(start, end) {
        tag = { name: html.slice(start, end).toLowerCase(), from: start - 1, to: -1, attrs: [] };
      },
      onattribname(start, end) {
        attr = { name: html.slice(start, end).toLowerCase(), nameFrom: start, dataFrom: -1, dataTo: -1 };
      },
      onattribdata(start, end) {
        if (!attr) return;
        if (attr.dataFrom < 0) attr.dataFrom = start;
        attr.dataTo = end;
      },
      onattribentity() {},
      onattribend(quote, end) {
        if (!tag || !attr) return;
        const quoted = quote === QuoteType.Double || quote === QuoteType.Single;
        let valueFrom = -1;
        let valueTo = -1;
        let rawValue = '';
        if (quote !== QuoteType.NoValue) {
          valueTo = end;
          if (attr.dataFrom >= 0) {
            rawValue = html.slice(attr.dataFrom, attr.dataTo);
            valueFrom = quoted ? attr.dataFrom - 1 : attr.dataFrom;
          } else {
            valueFrom = quoted ? end - 2 : end; // an empty value: ""
          }
        }
        tag.attrs.push({ name: attr.name, raw: rawValue, valueFrom, valueTo });
        attr = null;
      },
      onopentagend(end) {
        if (!tag) return;
        tag.to = end + 1;
        tags.push(tag);
        if (tag.name === 'script' || tag.name === 'style') raw = tag;
        tag = null;
      },
      onselfclosingtag(end) {
        if (!tag) return;
        tag.to = end + 1;
        tags.push(tag);
        tag = null;
      },
      ontext(start, end) {
        if (!raw) return;
        if (raw.textFrom === undefined) raw.textFrom = start;
        raw.textTo = end;
      },
      onclosetag(start, end) {
        if (raw && html.slice(start, end).toLowerCase() === raw.name) {
          raw.textFrom ??= start - 2;
          raw.textTo ??= start - 2;
          raw.closeTo = end + 1;
          raw = null;
        }
      },
      oncdata() {},
      oncomment() {},
      ondeclaration() {},
      onend() {},
      onprocessinginstruction() {},
      ontextentity() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  return tags;
}

/** The end tag of a link, in any case. */
const CLOSE_A = /<\/a>/gi;

function get(tag: Tag, name: string): Attr | undefined {
  return tag.attrs.find((a) => a.name === name);
}

/** `srcset="a.png 1x, /b.png 2x"`: each candidate's URL. */
function rewriteSrcset(value: string, rewrite: (url: string) => string): string {
  return value
    .split(',')
    .map((candidate) => {
      const m = /^(\s*)(\S+)(.*)$/s.exec(candidate);
      return m ? `${m[1]}${rewrite(m[2]!)}${m[3]}` : candidate;
    })
    .join(',');
}

/** `<meta http-equiv="refresh" content="0; url=/x/">`. */
function rewriteRefresh(value: string, rewrite: (url: string) => string): string {
  const m = /^(\s*\d*\.?\d*\s*[;,]\s*(?:url\s*=\s*)?)(['"]?)(.*?)\2(\s*)$/is.exec(value);
  if (!m || m[3] === '') return value;
  return `${m[1]}${m[2]}${rewrite(m[3]!)}${m[2]}${m[4]}`;
}

/** Classic code that runs after the document is parsed, as a module script would. */
export function deferInline(code: string): string {
  return `(function(run){if(document.readyState==="loading")document.addEventListener("DOMContentLoaded",run);else run();})(function(){\n${code}\n});`;
}

export async function rewritePage(html: string, file: string, tree: SiteTree, hooks: PageHooks): Promise<PageResult> {
  const edits: Array<{ from: number; to: number; text: string }> = [];
  const urls: RewrittenUrl[] = [];
  const classicScripts: string[] = [];
  const keptRootAbsolute: string[] = [];
  const problems: string[] = [];
  const rewrite = (url: string): string => {
    const result = rewriteUrl(url, file, tree);
    urls.push(result);
    return result.url;
  };
  const setAttr = (attr: Attr, value: string) => {
    if (attr.valueFrom < 0) return;
    edits.push({ from: attr.valueFrom, to: attr.valueTo, text: attrValue(value) });
  };
  let pagefindInserted = false;
  const pagefindTag = () => {
    if (pagefindInserted) return '';
    pagefindInserted = true;
    const bundle = rewriteUrl(`/${PAGEFIND_BUNDLE}`, file, tree);
    if (bundle.missing) problems.push(`a script asks for Pagefind but the site has no ${PAGEFIND_BUNDLE}`);
    urls.push(bundle);
    return `<script defer src=${attrValue(bundle.url)}></script>`;
  };

  let skipTo = -1;
  for (const tag of scanTags(html)) {
    if (tag.from < skipTo) continue;
    if (tag.name === 'base' && get(tag, 'href')) problems.push('<base href> changes how every relative URL resolves; the USB edition cannot use it');

    // A link to something only the web build has (the USB zip): the copy shows the sentence the link carries instead.
    const offline = tag.name === 'a' ? get(tag, USB_OFFLINE_ATTR) : undefined;
    if (offline) {
      CLOSE_A.lastIndex = tag.to;
      const close = CLOSE_A.exec(html)?.index ?? -1;
      if (close < 0) {
        problems.push(`<a ${USB_OFFLINE_ATTR}> without </a>`);
        continue;
      }
      const text = decodeEntities(offline.raw).replace(/&/g, '&amp;').replace(/</g, '&lt;');
      edits.push({ from: tag.from, to: close + 4, text: `<span class="usb-offline-note">${text}</span>` });
      skipTo = close + 4;
      continue;
    }

    // Scripts: module ones become classic; inline classic ones get their URL constants rewritten.
    if (tag.name === 'script') {
      const type = decodeEntities(get(tag, 'type')?.raw ?? '').trim().toLowerCase();
      const src = get(tag, 'src');
      if (type === 'module') {
        if (src) {
          const result = rewriteUrl(decodeEntities(src.raw), file, tree);
          urls.push(result);
          if (result.target === null) {
            problems.push(`module script ${src.raw} not found in the site`);
            continue;
          }
          const classic = await hooks.classicModule(result.target);
          classicScripts.push(result.target);
          const before = classic.usesPagefind ? pagefindTag() : '';
          edits.push({ from: tag.from, to: tag.to, text: `${before}<script defer src=${attrValue(result.url)}>` });
        } else if (tag.textFrom !== undefined && tag.textTo !== undefined) {
          const classic = await hooks.classicInlineModule(html.slice(tag.textFrom, tag.textTo), file);
          const before = classic.usesPagefind ? pagefindTag() : '';
          edits.push({ from: tag.from, to: tag.to, text: `${before}<script>` });
          edits.push({ from: tag.textFrom, to: tag.textTo, text: deferInline(classic.code) });
        }
        continue;
      }
      if (src) {
        setAttr(src, rewrite(decodeEntities(src.raw)));
        continue;
      }
      if (JS_TYPES.has(type) && tag.textFrom !== undefined && tag.textTo !== undefined) {
        const code = html.slice(tag.textFrom, tag.textTo);
        const result = rewriteScriptStrings(code, file, tree);
        urls.push(...result.urls);
        if (result.code !== code) edits.push({ from: tag.textFrom, to: tag.textTo, text: result.code });
        if (code.includes(PAGEFIND_GLOBAL)) edits.push({ from: tag.from, to: tag.from, text: pagefindTag() });
      }
      continue;
    }
    if (tag.name === 'style' && tag.textFrom !== undefined && tag.textTo !== undefined) {
      const css = html.slice(tag.textFrom, tag.textTo);
      const result = rewriteCss(css, file, tree);
      urls.push(...result.urls);
      if (result.css !== css) edits.push({ from: tag.textFrom, to: tag.textTo, text: result.css });
    }
    // A module preload has nothing to load in a copy without modules.
    if (tag.name === 'link' && /(^|\s)modulepreload(\s|$)/i.test(decodeEntities(get(tag, 'rel')?.raw ?? ''))) {
      edits.push({ from: tag.from, to: tag.to, text: '' });
      continue;
    }

    for (const attr of tag.attrs) {
      const value = decodeEntities(attr.raw);
      if (URL_ATTRS.has(attr.name) || (attr.name === 'data' && tag.name === 'object')) {
        const next = rewrite(value);
        if (next !== value) setAttr(attr, next);
      } else if (attr.name === 'srcset' || attr.name === 'imagesrcset') {
        const next = rewriteSrcset(value, rewrite);
        if (next !== value) setAttr(attr, next);
      } else if (attr.name === 'style') {
        const result = rewriteCss(value, file, tree);
        urls.push(...result.urls);
        if (result.css !== value) setAttr(attr, result.css);
      } else if (attr.name === 'content' && tag.name === 'meta' && /^refresh$/i.test(decodeEntities(get(tag, 'http-equiv')?.raw ?? '').trim())) {
        const next = rewriteRefresh(value, rewrite);
        if (next !== value) setAttr(attr, next);
      } else if (isRootAbsolute(value) && value.trim().length > 1) {
        keptRootAbsolute.push(`${attr.name}=${value}`);
      }
    }
  }

  return { html: applyEdits(html, edits), urls, classicScripts, keptRootAbsolute, problems };
}
