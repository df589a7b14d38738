/**
 * Build time: give each provision `<section id="II.3" data-provision="II.3">`
 * of a rendered document body a `data-pagefind-title` with its heading from
 * the outline (site.json `toc`), so that Pagefind's anchors carry the
 * provision's heading and a search hit can name and link the provision it is
 * in (docs/decisions/0602-search-indexing-and-sub-results.md). The attribute
 * is not indexed as text; it adds the title to the page's search fragment.
 *
 * Also separates adjacent table cells by a line break (`separateTableCells`):
 * Pagefind joins the text of `<th>a</th><th>b</th>` into one word ("SttLOẠI"),
 * so a word at a cell's edge could not be found.
 *
 * Only our own markup is read: the converter's section opening tags and
 * table cell tags (docs/decisions/0004); the source text is never parsed here
 * (it is escaped, so no tag can come from it).
 */

import { attribute, hasAttribute } from '../lib/html-attributes';

export interface AnchorTitleEntry {
  id: string;
  title: string;
}

/** Longest title kept (characters); longer first-words titles are cut at a word. */
export const MAX_TITLE = 90;

const SECTION_TAG = /<section((?:\s+[A-Za-z_:][-A-Za-z0-9_:.]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*>/g;

function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A heading for search results: one line, at most MAX_TITLE characters. */
export function shortTitle(title: string): string {
  const t = title.replace(/\s+/g, ' ').trim();
  if (t.length <= MAX_TITLE) return t;
  const cut = t.slice(0, MAX_TITLE);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_TITLE / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.…-]+$/, '')}…`;
}

/** Add data-pagefind-title to every provision section that has a heading in the outline (and none yet). */
export function addSearchTitles(html: string, toc: AnchorTitleEntry[]): string {
  const titles = new Map(toc.map((e) => [e.id, shortTitle(e.title)]));
  return html.replace(SECTION_TAG, (tag, attrs: string) => {
    const id = attribute(attrs, 'data-provision') ?? attribute(attrs, 'id');
    const title = id ? titles.get(id) : undefined;
    if (!title || hasAttribute(attrs, 'data-pagefind-title')) return tag;
    return `<section${attrs} data-pagefind-title="${escapeAttr(title)}">`;
  });
}

const ADJACENT_CELLS = /(<\/t[dh]>)(?=<t[dh][\s>])/g;

/**
 * Put a line break between a table cell's end and the next cell's start.
 * Whitespace between cells changes nothing on screen (table layout ignores
 * it) but is a word break for Pagefind, which otherwise indexes the last word
 * of one cell and the first of the next as one word.
 */
export function separateTableCells(html: string): string {
  return html.replace(ADJACENT_CELLS, '$1\n');
}
