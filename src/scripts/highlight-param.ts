/**
 * The query a result link hands to the document page, so the page can mark
 * its words (src/scripts/highlight.ts): `?tu-khoa=<query>` before the
 * #fragment. The page's address for citing stays the plain one (the cite
 * buttons use the canonical URL, never location).
 */
export const HIGHLIGHT_PARAM = 'tu-khoa';

/** `href` with the query added (nothing added for an empty query). */
export function withHighlight(href: string, query: string): string {
  if (!query) return href;
  const hash = href.indexOf('#');
  const base = hash >= 0 ? href.slice(0, hash) : href;
  const fragment = hash >= 0 ? href.slice(hash) : '';
  return `${base}${base.includes('?') ? '&' : '?'}${HIGHLIGHT_PARAM}=${encodeURIComponent(query)}${fragment}`;
}

/** The query asked for in a page's own address ('' when none). */
export function highlightQuery(search: string): string {
  return (new URLSearchParams(search).get(HIGHLIGHT_PARAM) ?? '').normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, 200);
}
