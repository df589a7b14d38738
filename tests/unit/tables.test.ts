/**
 * Tables (docs/decisions/1003-tables.md): detected in the real sources by
 * evidence (pipe rows with a separator row or outer pipes, tab rows), kept
 * as one table block with every cell, lost tables shown as gaps and reported,
 * and cell text emitted as inert MDX text.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mdxToJs } from 'satteri';
import type { Block, DocumentModel, Inline, Provision } from '../../scripts/lib/model.ts';
import { blockInlines } from '../../scripts/lib/blocks.ts';
import { normalise, type Line } from '../../scripts/pipeline/02-normalise/index.ts';
import { segment } from '../../scripts/pipeline/03-segment/index.ts';
import { structure } from '../../scripts/pipeline/04-structure/index.ts';
import { buildOutline } from '../../scripts/pipeline/04-structure/outline.ts';
import { emitMdx, GAP_TEXT } from '../../scripts/pipeline/08-emit/mdx.ts';
import { annotate } from '../../scripts/pipeline/06-annotate/index.ts';

const F118 = '118_hanoi_vanbangoc_qd_01_2025_llm_md.txt';
const F123 = '123_hanoi_vanbangoc_qd_08_2025_llm_md.txt';
const F029 = '029_bacgiang_hdnd_18_2017_nq_hdnd.txt';
const source = (name: string): string => readFileSync(`content/sources/${name}`, 'utf8');
const tables = (text: string): Line[] => normalise(text).lines.filter((l) => l.table);
const SEPARATOR_ROW = /^\|?[\s:|-]+\|?$/;

const inlineText = (content: Inline[]): string => content.map((n) => (n.kind === 'text' ? n.text : n.kind === 'citation' ? n.text : n.kind === 'correction' ? n.corrected : '')).join('');
const allBlocks = (ps: Provision[]): Block[] => ps.flatMap((p) => [...p.blocks, ...allBlocks(p.children)]);

describe('detection in the real sources', () => {
  it('118: the first table of Phụ lục I has its header cells and one row per source row', () => {
    const text = source(F118);
    const first = tables(text)[0];
    expect(first?.table).toBeDefined();
    const t = first!.table!;
    // The source's own rows: the run of "|" lines starting at the table, separator rows aside.
    const raw = text.split('\n');
    const [from] = t.sourceLines;
    let to = from - 1;
    while ((raw[to] ?? '').trim().startsWith('|')) to++;
    const dataRows = raw.slice(from - 1, to).filter((l) => !SEPARATOR_ROW.test(l.trim()));
    expect(t.rows.length).toBe(dataRows.length);
    expect(t.rows[0]).toEqual(['Stt', 'LOẠI NHÀ', 'Đơn giá xây dựng (đồng/m² sàn xây dựng)']);
    // The sub-header under the spanning price cell is a header row too; the data start at "1".
    expect(t.headerRows).toBe(2);
    expect(t.rows[1]?.slice(2)).toEqual(['Chưa bao gồm VAT', 'Đã bao gồm VAT']);
    expect(t.rows[2]?.[0]).toBe('1');
    expect(t.rows.some((r) => r[1] === '- Nhà có khu phụ' && r[2] === '2.414.600')).toBe(true);
    // One Line stands for the table; its text holds every cell for text-only readers.
    expect(first!.text).toContain('Stt | LOẠI NHÀ | Đơn giá xây dựng');
    expect(first!.text).toContain('2.414.600 | 2.655.900');
  });

  it('118: groups after blank lines continue the table (the one-row group IX too); emphasis is stripped', () => {
    const third = tables(source(F118)).find((l) => l.table?.rows[0]?.[1] === 'LOẠI NHÀ, CÔNG TRÌNH XÂY DỰNG');
    const rows = third?.table?.rows ?? [];
    expect(rows.some((r) => r[0] === 'II' && r[1] === 'Nhà bán mái')).toBe(true);
    expect(rows.some((r) => r[0] === 'IX' && r[1] === 'Cây hương' && r[3] === '1.724.200')).toBe(true);
    expect(rows.some((r) => r[0] === 'X' && r[1] === 'Di chuyển mộ')).toBe(true);
    expect(rows.flat().some((c) => c.includes('*'))).toBe(false);
  });

  it('123: the two-column header without outer pipes is a table read as columns', () => {
    const lines = normalise(source(F123)).lines;
    const head = lines[0];
    expect(head?.table?.rows).toEqual([
      ['ỦY BAN NHÂN DÂN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
      ['THÀNH PHỐ HÀ NỘI', 'Độc lập - Tự do - Hạnh phúc'],
      ['Số: 08 /2025/QĐ-UBND', 'Hà Nội, ngày 25 tháng 02 năm 2025'],
    ]);
    expect(head?.table?.headerRows).toBe(2);
  });

  it('123: a header closed by a second separator row has two rows; later separators only divide groups', () => {
    const body = tables(source(F123)).find((l) => l.table?.rows[0]?.[1] === 'Định mức lao động');
    expect(body?.table?.headerRows).toBe(2);
    expect(body?.table?.rows[1]?.slice(3)).toEqual(['Cá nheo mỹ', 'Cá rô phi', 'Cá chép V1', 'Cá rô phi đỏ']);
    expect(body?.table?.rows.flat().some((c) => /^-{2,}$/.test(c))).toBe(false);
  });

  it('no table where the evidence is missing: prose with a pipe, a single tab row, rows of different widths', () => {
    expect(tables('Ghi chú: a | b\nDòng thường.')).toEqual([]);
    expect(tables('STT\tNội dung\nDòng thường.')).toEqual([]);
    expect(tables('a\tb\tc\nd\te')).toEqual([]);
    expect(tables('| a | b |\n| c | d | e | f |')).toEqual([]);
  });

  it('tab-separated rows with a consistent count are a table', () => {
    const [t] = tables('Bảng 1. Kinh phí\nSTT\tNội dung\tSố tiền (triệu đồng)\n1\tĐào tạo **nghề**\t1.200\n2\tHỗ trợ\t\nHết bảng.');
    expect(t?.table?.rows).toEqual([
      ['STT', 'Nội dung', 'Số tiền (triệu đồng)'],
      ['1', 'Đào tạo nghề', '1.200'],
      ['2', 'Hỗ trợ', ''],
    ]);
    expect(t?.table?.headerRows).toBe(0);
    expect(t?.table?.sourceLines).toEqual([2, 4]);
  });

  it('a <jsontable> placeholder is a gap line, as written', () => {
    const text = source(F029);
    const placeholders = text.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('<jsontable'));
    const gaps = normalise(text).lines.filter((l) => l.gap === 'table');
    expect(gaps.map((l) => l.text)).toEqual(placeholders);
  });
});

describe('structure', () => {
  it('029: a lost table becomes a gap block and a "lost-table" issue', () => {
    const n = normalise(source(F029));
    const { provisions, issues } = structure(segment(n.lines, n.wrapWidth), n.wrapWidth);
    const gaps = allBlocks(provisions).filter((b) => b.kind === 'gap');
    expect(gaps.length).toBeGreaterThan(0);
    const lost = issues.filter((i) => i.kind === 'lost-table');
    expect(lost.length).toBe(gaps.length);
    expect(lost[0]?.message).toMatch(/^bảng bị mất trong bản nguồn \(<jsontable name="bang_\d+"> <\/jsontable>\)$/);
  });

  it('a table ends the paragraph, and a "Bảng …" line before it becomes its caption', () => {
    const lines = normalise('1. Mức hỗ trợ như sau:\nBảng 1: Mức hỗ trợ theo đối tượng\n| Đối tượng | Mức |\n|---|---|\n| Hộ nghèo | 100% |\nCác mức trên áp dụng từ năm 2025.').lines;
    const { provisions } = buildOutline(lines, Infinity);
    const blocks = provisions[0]?.blocks ?? [];
    expect(blocks.map((b) => b.kind)).toEqual(['table', 'paragraph']);
    const table = blocks[0]?.kind === 'table' ? blocks[0].table : null;
    expect(table?.caption?.map((c) => (c.kind === 'text' ? c.text : '')).join('')).toBe('Bảng 1: Mức hỗ trợ theo đối tượng');
    expect(table?.headerRows).toBe(1);
    expect(table?.rows.map((r) => r.map(inlineText))).toEqual([['Đối tượng', 'Mức'], ['Hộ nghèo', '100%']]);
    // A line that does not name a table stays a paragraph.
    const plain = buildOutline(normalise('1. Mức hỗ trợ như sau:\n| Đối tượng | Mức |\n|---|---|\n| Hộ nghèo | 100% |').lines, Infinity);
    const t2 = plain.provisions[0]?.blocks[0];
    expect(t2?.kind === 'table' ? t2.table.caption : 'no table').toBeNull();
  });

  it('118 with a table in Điều 1: citations, corrections and OCR suspects reach the cells', () => {
    const text = source(F118).replace(
      /^(\*\*Điều 1\.\*\*.*)$/m,
      '$1\n\n| Căn cứ | Ghi chú |\n|---|---|\n| Quyết định số 56/2024/QĐ-UBND ngày 06/9/2024 | mức ápp dụng ở Thàmh phố |\n',
    );
    // Steps 02, 03, 04 and 06 (the header reader is not what this tests).
    const n = normalise(text);
    const { provisions, issues } = structure(segment(n.lines, n.wrapWidth), n.wrapWidth);
    const model: DocumentModel = {
      id: 'test-118', url: '/van-ban/test/2025/118/', provisional: true, sourceFile: F118, sourceSha256: '',
      meta: { issuer: { value: null, origin: null } } as DocumentModel['meta'], segments: { header: [], closingLines: [] },
      provisions, footnotes: [], citations: [], quality: issues,
    };
    const d = annotate(model, n.footnotes, [{ source: F118, original: 'ápp', corrected: 'áp' }]);
    const table = allBlocks(d.provisions).find((b) => b.kind === 'table');
    expect(table?.kind).toBe('table');
    const cells = table?.kind === 'table' ? table.table.rows[1] ?? [] : [];
    expect(cells[0]?.some((n) => n.kind === 'citation' && n.text.includes('56/2024/QĐ-UBND'))).toBe(true);
    expect(d.citations.some((c) => c.identity.numberSymbol === '56/2024/QĐ-UBND' && c.provision === 'dieu-1')).toBe(true);
    expect(cells[1]?.some((n) => n.kind === 'correction' && n.original === 'ápp')).toBe(true);
    expect(d.quality.some((q) => q.kind === 'correction')).toBe(true);
    expect(d.quality.some((q) => q.kind === 'ocr-suspect' && q.text === 'Thàmh' && q.provision === 'dieu-1')).toBe(true);
    expect(table && blockInlines(table).length).toBe(4);
  });
});

const HOSTILE_CELLS = ['{process.exit(1)}', '<script>alert(1)</script>', "import x from 'y'", 'export const z = 1', '} {', ''];

function docWithTable(cells: string[]): DocumentModel {
  const cell = (t: string): Inline[] => (t === '' ? [] : [{ kind: 'text', text: t }]);
  const p: Provision = {
    id: 'dieu-1', kind: 'article', label: 'Điều 1.', number: '1', heading: [],
    blocks: [
      { kind: 'paragraph', content: [{ kind: 'text', text: 'Mức thu như sau:' }] },
      { kind: 'table', table: { caption: [{ kind: 'text', text: 'Bảng 1: {caption} <b>' }], headerRows: 1, rows: [cells.map(cell), cells.slice().reverse().map(cell), ['{a}'].map(cell)] } },
      { kind: 'gap', what: 'table', placeholder: '<jsontable name="bang_1"> </jsontable>' },
    ],
    children: [],
  };
  return {
    id: 'test-doc', url: '/van-ban/x/2024/1-nq-tu/', provisional: false, sourceFile: 'x.txt', sourceSha256: '',
    meta: {} as DocumentModel['meta'], segments: { header: [], closingLines: [] },
    provisions: [p], footnotes: [], citations: [], quality: [],
  };
}

/** Top-level statements of the compiled module other than the MDX runtime's own. */
function foreignCode(js: string): string[] {
  return js
    .split('\n')
    .filter((l) => /^(import|export)\b/.test(l))
    .filter((l) => !/^import \{ (?:\w+ as _\w+(?:, )?)+ \} from "react\/jsx-runtime";$/.test(l) && l !== 'export default MDXContent;');
}

describe('emitted MDX', () => {
  const mdx = emitMdx(docWithTable(HOSTILE_CELLS));
  const js = mdxToJs(mdx.replace(/^---[^]*?---\n/, '')).code;

  it('compiles hostile cell text to inert text', () => {
    expect(foreignCode(js)).toEqual([]);
    for (const text of [...HOSTILE_CELLS.filter((c) => c !== ''), 'Bảng 1: {caption} <b>', '{a}']) {
      expect(js).toContain(JSON.stringify(text).slice(1, -1).replace(/<\//g, '<\\/'));
    }
  });

  it('is a labelled, focusable scrolling region around a table with column headers', () => {
    expect(mdx).toContain('<div class="table-scroll" role="region" aria-label="Bảng 1: {caption} <b>" tabindex="0">');
    expect(mdx).toContain('<caption>Bảng 1: \\{caption} \\<b></caption>');
    expect(mdx).toContain('<th scope="col">\\{process.exit(1)}</th>');
    // The short last row spans the table's width.
    expect(mdx).toContain(`<td colspan="${HOSTILE_CELLS.length}">\\{a}</td>`);
    expect(mdx).toContain(`<p class="gap" role="note" title="<jsontable name=&#x22;bang_1&#x22;> </jsontable>">\\${GAP_TEXT}</p>`);
    // The label attribute is a JS string: text, not an expression.
    expect(js).toContain('"aria-label": "Bảng 1: {caption} <b>"');
  });
});
