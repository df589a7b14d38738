/**
 * PDF text-layer artefacts on the real sources: the gazette's running heads,
 * page numbers (and lone numbers that are content), digital-signature stamps,
 * and words the extractor split. Every removal and every join is reported, and
 * a join removes spaces only.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { normalise, stripMarkup, type NormalisedText } from '../../scripts/pipeline/02-normalise/index.ts';
import { normaliseNotes } from '../../scripts/pipeline/02-normalise/notes.ts';
import { segment } from '../../scripts/pipeline/03-segment/index.ts';

const DIR = 'content/sources';
const files = readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort();
const sourceOf = (prefix: string): string => {
  const name = files.find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no source ${prefix}`);
  return readFileSync(`${DIR}/${name}`, 'utf8').normalize('NFC');
};
const cache = new Map<string, NormalisedText>();
const norm = (prefix: string): NormalisedText => {
  let n = cache.get(prefix);
  if (!n) cache.set(prefix, (n = normalise(sourceOf(prefix))));
  return n;
};
const textAt = (n: NormalisedText, sourceLine: number): string | undefined => n.lines.find((l) => l.sourceLine === sourceLine)?.text;
const GAZETTE = files.filter((f) => /^1(2[4-9]|3\d)_central_/.test(f)).map((f) => f.slice(0, 4));
const PDF_LAYERS = files.filter((f) => f.includes('_pdftext')).map((f) => f.slice(0, 4));

describe('gazette running heads', () => {
  it('124: every "CÔNG BÁO/Số 302/Ngày 02-06-2026" and its page number are removed and reported', () => {
    const n = norm('124_');
    const src = sourceOf('124_').split('\n');
    const headLines = src.flatMap((l, i) => (/^CÔNG BÁO\/Số 302\/Ngày 02-06-2026\s*$/.test(l) ? [i + 1] : []));
    expect(headLines.length).toBeGreaterThan(4);
    expect(n.removed.filter((r) => r.why === 'running head').map((r) => r.sourceLine)).toEqual(headLines);
    // The page number printed under each head (70, 71, …) goes too.
    expect(n.removed.filter((r) => r.why === 'page number').map((r) => Number(r.text))).toEqual(headLines.map((_, k) => 70 + k));
    expect(n.lines.some((l) => /CÔNG\s*BÁO\s*\/|02-06-2026/.test(l.text))).toBe(false);
    const notes = normaliseNotes(n).map((q) => q.message);
    expect(notes).toContain('đã bỏ dòng đầu trang Công báo ở dòng 1 của nguồn');
    expect(notes).toContain('đã bỏ số trang ở dòng 2 của nguồn');
  });

  it('124: the gazette number and date do not leak into the document header', () => {
    const n = norm('124_');
    expect(n.lines[0]?.text).toBe('THỦ TƯỚNG CHÍNH PHỦ');
    const header = segment(n.lines, n.wrapWidth).header.map((l) => l.text).join('\n');
    expect(header).toContain('21/CT-TTg');
    expect(header).not.toMatch(/CÔNG BÁO|302|02-06-2026/);
  });

  it('124: the e-signature stamp over the first page ("Ký bởi: CÔNG BÁO …") is removed, not read as text', () => {
    const n = norm('124_');
    expect(n.removed.filter((r) => r.why === 'signature stamp').map((r) => r.text.split(':')[0])).toEqual(['Ký bởi', 'Cơ quan', 'Ngày ký']);
    expect(n.lines.some((l) => /VĂN PHÒNG CHÍNH PHỦ|Ngày ký/.test(l.text))).toBe(false);
  });

  it.each(GAZETTE)('%s: no running head is left in the text', (prefix) => {
    const src = sourceOf(prefix).split('\n');
    const heads = src.filter((l) => /^\s*CÔNG\s*BÁO\s*\/\s*Số/.test(l)).length;
    expect(heads).toBeGreaterThan(0);
    const n = norm(prefix);
    expect(n.removed.filter((r) => r.why === 'running head')).toHaveLength(heads);
    expect(n.lines.some((l) => /CÔNG\s*BÁO\s*\/\s*Số/.test(l.text))).toBe(false);
  });
});

describe('page numbers and lone numbers that are content', () => {
  it('082: pages 2 to 9 are removed as page numbers', () => {
    const pages = norm('082_').removed.filter((r) => r.why === 'page number').map((r) => r.text);
    expect(pages).toEqual(['2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('083: the "100" cells and row numbers of a flattened table stay (no page sequence)', () => {
    const n = norm('083_');
    expect(n.removed.filter((r) => r.why === 'page number')).toEqual([]);
    expect(textAt(n, 121)).toBe('100');
    expect(textAt(n, 167)).toBe('10');
    expect(textAt(n, 254)).toBe('1');
  });

  it('086: a row number "7" between pages 12 and 13 stays; the pages go', () => {
    const n = norm('086_');
    expect(textAt(n, 497)).toBe('7');
    expect(n.removed.filter((r) => r.why === 'page number').map((r) => r.text)).toEqual(['2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13']);
  });

  it('116: the numbered empty rows "1", "2" of a form stay', () => {
    const n = norm('116_');
    for (const line of [350, 351, 462, 463]) expect(textAt(n, line)).toMatch(/^[12]$/);
  });

  it('000: the one page number of the OCR\'d markdown source, isolated by blank lines, still goes', () => {
    expect(norm('000_').removed.filter((r) => r.why === 'page number').map((r) => r.sourceLine)).toEqual([363]);
  });
});

describe('words split by the PDF extractor', () => {
  it('082: "chính quy ền địa phương" becomes "chính quyền địa phương", and the join is reported', () => {
    const n = norm('082_');
    expect(textAt(n, 16)).toBe('Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;');
    expect(n.joins).toContainEqual({ sourceLine: 16, pieces: 'quy ền', joined: 'quyền' });
    expect(textAt(n, 22)).toContain('Giám đốc Sở Nội vụ thành phố Hà Nội tại Tờ trình số');
    const note = normaliseNotes(n).find((q) => q.message.startsWith('nối '));
    expect(note?.message).toMatch(new RegExp(`^nối ${n.joins.length} chữ bị tách`));
    expect(note?.message).toContain('quy ền→quyền');
  });

  it('082: broken glyph mappings are not "fixed" (they stay for the OCR-suspect report)', () => {
    const text = norm('082_').lines.map((l) => l.text).join('\n');
    for (const word of ['Thjnh', 'Giim', 'chtnh', 'xm', 'Đҧng']) expect(text).toContain(word);
  });

  it('clean documents (000, 002, markdown renderings, gazette texts) get no join at all', () => {
    const clean = files.filter((f) => !f.includes('_pdftext'));
    expect(clean.some((f) => f.startsWith('000_')) && clean.some((f) => f.startsWith('002_'))).toBe(true);
    const joined = clean.filter((f) => norm(f).joins.length > 0);
    expect(joined).toEqual([]);
  });

  it.each(PDF_LAYERS)('%s: a join removes spaces only', (prefix) => {
    const n = norm(prefix);
    const src = sourceOf(prefix).split('\n');
    for (const l of n.lines) {
      if (l.table || l.gap) continue;
      const raw = stripMarkup(src[l.sourceLine - 1] ?? '').text;
      if (n.removed.some((r) => r.sourceLine === l.sourceLine)) continue; // stray bullets cut off
      expect(l.text.replace(/\s+/g, '')).toBe(raw.replace(/\s+/g, ''));
    }
  });
});
