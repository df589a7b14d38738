/**
 * URLs inside CSS (`url(...)`, `@import "..."`), rewritten for the USB
 * edition relative to the file that holds the CSS (a stylesheet, or the page
 * for <style> and style="").
 */
import { rewriteUrl, type RewrittenUrl, type SiteTree } from './site-tree.ts';

const CSS_URL = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/g;

export interface CssResult {
  css: string;
  urls: RewrittenUrl[];
}

export function rewriteCss(css: string, fromFile: string, tree: SiteTree): CssResult {
  const urls: RewrittenUrl[] = [];
  const out = css.replace(CSS_URL, (match, dq?: string, sq?: string, bare?: string, idq?: string, isq?: string) => {
    const raw = dq ?? sq ?? bare ?? idq ?? isq ?? '';
    const rewritten = rewriteUrl(raw, fromFile, tree);
    urls.push(rewritten);
    if (rewritten.url === raw) return match;
    const quoted = JSON.stringify(rewritten.url);
    return idq !== undefined || isq !== undefined ? `@import ${quoted}` : `url(${quoted})`;
  });
  return { css: out, urls };
}

/** The URLs a piece of CSS names, as written. */
export function cssUrls(css: string): string[] {
  return [...css.matchAll(CSS_URL)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '');
}
