/**
 * The numbering grammar on real documents (content/sources): normative levels
 * (Chương, Mục), article marker variants, quoted provisions of amending
 * documents, and annexes. Body lines are cut from the normalised text by
 * the lines that open and close them, then fed to buildOutline: the header
 * and segment readers are not under test here.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeSource } from '../../scripts/pipeline/01-decode/index.ts';
import { normalise, type Line } from '../../scripts/pipeline/02-normalise/index.ts';
import type { Segmented } from '../../scripts/pipeline/03-segment/index.ts';
import { buildOutline } from '../../scripts/pipeline/04-structure/outline.ts';
import { parseMarker } from '../../scripts/pipeline/04-structure/markers.ts';
import { structure } from '../../scripts/pipeline/04-structure/index.ts';
import type { Inline, Provision } from '../../scripts/lib/model.ts';
import { find, ids } from '../support/provisions.ts';

const SOURCES = 'content/sources';

function source(prefix: string): { lines: Line[]; wrapWidth: number } {
  const name = readdirSync(SOURCES).find((n) => n.startsWith(prefix));
  if (!name) throw new Error(`no source ${prefix}`);
  const { lines, wrapWidth } = normalise(decodeSource(new Uint8Array(readFileSync(path.join(SOURCES, name))), name).text);
  return { lines, wrapWidth };
}

/** Lines from the first matching `from` (at or after `after`) up to (not including) the next matching `to`. */
function cut(lines: Line[], from: RegExp, to: RegExp | null, after = 0): Line[] {
  const start = lines.findIndex((l, i) => i >= after && from.test(l.text));
  if (start < 0) throw new Error(`no line ${from}`);
  const end = to === null ? -1 : lines.findIndex((l, i) => i > start && to.test(l.text));
  return lines.slice(start, end < 0 ? lines.length : end);
}

function outlineOf(prefix: string, from: RegExp, to: RegExp | null) {
  const { lines, wrapWidth } = source(prefix);
  return buildOutline(cut(lines, from, to), wrapWidth);
}

const inline = (c: Inline[]): string => c.map((n) => (n.kind === 'text' ? n.text : '')).join('');
const blocksText = (p: Provision | undefined): string[] => (p ? p.blocks.map((b) => ('content' in b ? inline(b.content) : '')) : []);
const range = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => `dieu-${from + i}`);

describe('chapters and divisions', () => {
  it('090 (QĐ 03/2025 Hà Nội): Chương I-III with Mục 1-2 in Chương II, articles numbered through the document', () => {
    const r = outlineOf('090', /^CHƯƠNG I$/, /^Nơi nhận/);
    expect(r.provisions.map((p) => p.id)).toEqual(['chuong-I', 'chuong-II', 'chuong-III']);
    const [I, II, III] = r.provisions as [Provision, Provision, Provision];
    expect(I.kind).toBe('chapter');
    expect(inline(I.heading)).toBe('QUY ĐỊNH CHUNG');
    expect(I.children.map((p) => p.id)).toEqual(range(1, 3));
    expect(II.children.map((p) => p.id)).toEqual(['chuong-II.muc-1', 'chuong-II.muc-2']);
    expect(II.children.map((p) => p.kind)).toEqual(['division', 'division']);
    // The division's name runs over two lines in capitals.
    expect(inline((II.children[0] as Provision).heading)).toBe('SỬ DỤNG KINH PHÍ CHI THƯỜNG XUYÊN ĐỂ THỰC HIỆN DỰ ÁN');
    expect((II.children[0] as Provision).children.map((p) => p.id)).toEqual(range(4, 7));
    expect((II.children[1] as Provision).children.map((p) => p.id)).toEqual(range(8, 11));
    expect(III.children.map((p) => p.id)).toEqual(range(12, 14));
    expect(ids(r.provisions)).toContain('dieu-1.2.c');
    expect(r.issues.filter((q) => q.kind === 'rejected-heading')).toEqual([]);
  });

  it('130 (QĐ 28/2021/QĐ-TTg): chapter names over two lines; "Điều này" at a line start is text', () => {
    const r = outlineOf('130', /^Chương I$/, /^Nơi nhận/);
    expect(r.provisions.map((p) => p.id)).toEqual(['chuong-I', 'chuong-II', 'chuong-III']);
    expect(inline((r.provisions[0] as Provision).heading)).toBe(
      'HỖ TRỢ BẰNG TIỀN CHO NGƯỜI LAO ĐỘNG BỊ ẢNH HƯỞNG BỞI ĐẠI DỊCH COVID-19 TỪ KẾT DƯ QUỸ BẢO HIỂM THẤT NGHIỆP',
    );
    expect(r.provisions.map((c) => c.children.map((p) => p.id))).toEqual([range(1, 3), range(4, 5), range(6, 8)]);
  });

  it('066 (Quy định of NQ 69/2017 Điện Biên): Mục 1-4 named on their line and the next ones, Điều 1-15', () => {
    const r = outlineOf('066', /^Chương I$/, null);
    expect(r.provisions.map((p) => p.id)).toEqual(['chuong-I', 'chuong-II']);
    const II = r.provisions[1] as Provision;
    expect(inline(II.heading)).toBe('NHỮNG QUY ĐỊNH CỤ THỂ');
    expect(II.children.map((p) => p.id)).toEqual(['chuong-II.muc-1', 'chuong-II.muc-2', 'chuong-II.muc-3', 'chuong-II.muc-4']);
    expect(inline((II.children[0] as Provision).heading)).toMatch(/^NỘI DUNG, MỨC CHI CHO CÔNG TÁC .* TẠI CƠ SỞ CAI NGHIỆN BẮT BUỘC$/);
    expect(ids(r.provisions).filter((id) => /^dieu-\d+$/.test(id))).toEqual(range(1, 15));
  });
});

describe('article markers', () => {
  it('reads "Điều 2:" (012) and re-joins "Điều" split from its number (019)', () => {
    const colon = outlineOf('012', /^Điều 1/, /^Nghị quyết này đã được/);
    expect(colon.provisions.map((p) => p.id)).toEqual(range(1, 3));
    expect(colon.provisions.map((p) => p.label)).toEqual(['Điều 1.', 'Điều 2:', 'Điều 3:']);
    const split = outlineOf('019', /^Điều$/, /^Nghị quyết này đã được/);
    expect(split.provisions.map((p) => p.id)).toEqual(range(1, 3));
    expect(split.provisions.map((p) => p.label)).toEqual(['Điều 1.', 'Điều 2.', 'Điều 3.']);
  });

  it('parses the dash and no-space variants the format rules allow, and not a wrapped citation', () => {
    // No corpus document writes these two; the parser reads them as articles.
    expect(parseMarker('Điều 1. – Phạm vi điều chỉnh')).toMatchObject({ type: 'article', value: 1, label: 'Điều 1. –', rest: 'Phạm vi điều chỉnh' });
    expect(parseMarker('Điều 1 - Phạm vi điều chỉnh')).toMatchObject({ type: 'article', value: 1, label: 'Điều 1 -' });
    expect(parseMarker('Điều 1.Nội dung')).toMatchObject({ type: 'article', value: 1, rest: 'Nội dung' });
    expect(parseMarker('Phần thứ hai')).toMatchObject({ type: 'volume', value: 2 });
    // 024: "... điểm b, khoản 1,\nĐiều 1 như sau:" continues a citation.
    const { lines } = source('024');
    const wrapped = lines.find((l) => /^Điều 1 như sau:/.test(l.text));
    expect(wrapped).toBeDefined();
    expect(parseMarker((wrapped as Line).text)).toBeNull();
  });
});

describe('quoted provisions of amending documents', () => {
  it('116: quoted articles, clauses and points give no ids and stay text of the amending clause, in order', () => {
    const r = outlineOf('116', /^Điều 1\. Sửa đổi/, /^Điều 3\./);
    expect(ids(r.provisions)).toEqual([
      'dieu-1', 'dieu-1.1', 'dieu-1.2',
      'dieu-2', 'dieu-2.1', 'dieu-2.2', 'dieu-2.3', 'dieu-2.4', 'dieu-2.5', 'dieu-2.6',
      'dieu-2.6.a', 'dieu-2.6.b', 'dieu-2.6.c', 'dieu-2.6.d', 'dieu-2.6.dd', 'dieu-2.6.e', 'dieu-2.6.g', 'dieu-2.6.h',
      'dieu-2.7', 'dieu-2.8',
    ]);
    expect(r.issues.filter((q) => q.kind === 'rejected-heading')).toEqual([]);
    // "3. Bổ sung Điều 14a và Điều 14b ... như sau:" then the two quoted articles, one after the other.
    const added = blocksText(find(r.provisions, 'dieu-2.3'));
    expect(added[0]).toMatch(/^Bổ sung Điều 14a và Điều 14b vào sau Điều 14 như sau:$/);
    const a = added.findIndex((t) => t.startsWith('"Điều 14a. Hạn mức giao đất'));
    const b = added.findIndex((t) => t.startsWith('"Điều 14b. Hạn mức giao đất'));
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(a);
    expect(added.some((t) => t.startsWith('1. Hạn mức giao đất mới cho tổ chức tôn giáo'))).toBe(true);
  });

  it('133: a quoted "Điều 1." inside Điều 1 is text; the next article continues the numbering', () => {
    const r = outlineOf('133', /^Điều 1\. Sửa đổi/, /^KT\. BỘ TRƯỞNG/);
    expect(ids(r.provisions)).toEqual(['dieu-1', 'dieu-2', 'dieu-2.1', 'dieu-2.2']);
    const text = blocksText(find(r.provisions, 'dieu-1'));
    expect(text.some((t) => t.startsWith('“Điều 1. Phạm vi áp dụng'))).toBe(true);
  });

  it('134: clauses that introduce quotations keep their ids; the quoted point "b)" gets none', () => {
    const r = outlineOf('134', /^Điều 1\. Sửa đổi/, /^BỘ TRƯỞNG/);
    expect(ids(r.provisions)).toEqual(['dieu-1', 'dieu-1.1', 'dieu-1.2', 'dieu-1.3', 'dieu-2', 'dieu-3', 'dieu-3.1', 'dieu-3.2']);
    expect(blocksText(find(r.provisions, 'dieu-1.2')).some((t) => t.startsWith('“b) Trường hợp người sử dụng lao động'))).toBe(true);
  });

  it('121 (markdown): blockquoted amendments ("> “1. ...") give no ids', () => {
    const r = outlineOf('121', /^Điều 1\. Sửa đổi/, /^Điều 2:/);
    expect(ids(r.provisions)).toEqual(['dieu-1', ...Array.from({ length: 11 }, (_, i) => `dieu-1.${i + 1}`)]);
  });

  it('115: a quotation never closed before the next article is no quotation (its numbers are checked as numbering)', () => {
    const r = outlineOf('115', /^Điều 1\./, /^Điều 3\./);
    // "8. Sửa đổi Điều 25 như sau:" opens a quote the source never closes.
    expect(r.issues.some((q) => q.kind === 'rejected-heading' && q.text?.startsWith('2. Sở Tài chính'))).toBe(true);
    // The quote of Điều 28 that closes is text.
    expect(ids(r.provisions)).toContain('dieu-2');
    expect(ids(r.provisions).filter((id) => id.startsWith('dieu-2.'))).toEqual([]);
  });
});

describe('annexes', () => {
  it('082: a regulation after the signature becomes a provision "quy-che" holding its own outline', () => {
    const { lines, wrapWidth } = source('082');
    const signature = cut(lines, /^TM\. ỦY BAN NHÂN DÂN$/, /^ỦY BAN NHÂN DÂN$/);
    const signedAt = lines.findIndex((l) => /^TM\. ỦY BAN NHÂN DÂN$/.test(l.text));
    const letterhead = cut(lines, /^ỦY BAN NHÂN DÂN$/, /^QUY CHẾ$/, signedAt);
    const heading = cut(lines, /^QUY CHẾ$/, /^Chương I$/);
    const body = cut(lines, /^Chương I$/, /^Mүu số 01$/);
    const seg: Segmented = {
      header: [], preamble: [], decision: null, body: [], closing: [], recipientsLabel: null, recipients: [],
      signature, annexes: [{ heading, header: letterhead, lines: body }], splits: [], displacedHeader: [],
    };
    const { provisions } = structure(seg, wrapWidth);
    expect(provisions.map((p) => p.id)).toEqual(['chu-ky', 'quy-che']);
    const annex = provisions[1] as Provision;
    expect(annex.kind).toBe('annex');
    expect(inline(annex.heading)).toMatch(/^QUY CHẾ Xét tặng danh hiệu “Công dân Thủ đô ưu tú” \(Kèm theo Quyết định số/);
    expect(annex.children.map((p) => p.id)).toEqual(['quy-che.chuong-I', 'quy-che.chuong-II', 'quy-che.chuong-III', 'quy-che.chuong-IV']);
    expect(annex.children.map((c) => c.children.map((p) => p.id.replace('quy-che.', '')))).toEqual([range(1, 3), range(4, 8), range(9, 10), range(11, 12)]);
    expect(ids(provisions)).toContain('quy-che.dieu-12.4');
    // The repeated letterhead stays text of the annex; the closing rule ("-----") is decoration.
    expect(blocksText(annex)).toEqual(['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ HÀ NỘI', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']);
    expect(JSON.stringify(find(provisions, 'quy-che.dieu-12'))).not.toContain('---');
  });
});
