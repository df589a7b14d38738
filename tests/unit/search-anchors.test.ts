/**
 * Table cells get a word break between them before Pagefind indexes the page
 * (src/scripts/search-anchors.ts, ADR 0602): Pagefind joins the text of
 * adjacent cells into one word otherwise ("SttLOẠI", Hà Nội price tables).
 */
import { describe, expect, it } from 'vitest';
import { separateTableCells } from '../../src/scripts/search-anchors.ts';

describe('table cells for the search index', () => {
  it('puts a line break between adjacent cells, header or body, and changes nothing else', () => {
    const html =
      '<table><thead><tr><th scope="col">Stt</th><th scope="col" colspan="2">LOẠI NHÀ</th></tr></thead>' +
      '<tbody><tr><td>1</td><td>Nhà &lt;td&gt; 1 tầng</td></tr><tr><th>a</th><td>b</td></tr></tbody></table><p>x</p>';
    const out = separateTableCells(html);
    expect(out).toBe(
      '<table><thead><tr><th scope="col">Stt</th>\n<th scope="col" colspan="2">LOẠI NHÀ</th></tr></thead>' +
        '<tbody><tr><td>1</td>\n<td>Nhà &lt;td&gt; 1 tầng</td></tr><tr><th>a</th>\n<td>b</td></tr></tbody></table><p>x</p>',
    );
    // Only whitespace was added: the text and the tags are the same.
    expect(out.replace(/\n/g, '')).toBe(html);
    expect(separateTableCells(out)).toBe(out);
  });
});
