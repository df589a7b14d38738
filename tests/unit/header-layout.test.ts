/**
 * The official header layout (ADR 1402): on the shipped documents, each
 * header's lines arranged in the left column (issuer, number), the right
 * column (national name, motto, place and date) and the centred block (type,
 * title, enacting line), holding exactly the header's text.
 */
import { describe, expect, it } from 'vitest';
import { mdxToJs } from 'satteri';
import type { DocumentModel } from '../../scripts/lib/model.ts';
import { layoutHeader } from '../../scripts/pipeline/05-metadata/header-layout.ts';
import { emitMdx } from '../../scripts/pipeline/08-emit/mdx.ts';
import { loadShippedDocuments } from '../support/shipped.ts';

const docs = await loadShippedDocuments();
const bySource = (prefix: string): DocumentModel => {
  const d = docs.find((x) => x.sourceFile.startsWith(prefix));
  if (!d) throw new Error(`no shipped source ${prefix}`);
  return d;
};
const sortedChars = (parts: string[]): string => [...parts.join('').replace(/\s+/g, '')].sort().join('');

describe('official header layout', () => {
  it('holds exactly the header text of every shipped document, and lays out most of them', () => {
    let laidOut = 0;
    for (const d of docs) {
      const l = d.segments.layout;
      if (!l) continue;
      laidOut++;
      expect(sortedChars([...(l.gap !== undefined ? [l.gap] : []), ...l.top, ...l.left, ...l.right, ...l.centre]), d.sourceFile).toBe(sortedChars(d.segments.header));
    }
    // Only the headers that kept neither column (party texts that start at the title) stay unarranged.
    expect(laidOut).toBeGreaterThanOrEqual(docs.length - 5);
  });

  it('205/NQ-HĐND: council and number left, national name, motto and date right, type, title and enacting line centred', () => {
    const l = bySource('002_69de05d7962fd3a5').segments.layout;
    expect(l).toEqual({
      top: [],
      left: ['HỘI ĐỒNG NHÂN DÂN', 'TỈNH QUẢNG NINH', 'Số: 205/NQ-HĐND'],
      right: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Quảng Ninh, ngày 10 tháng 7 năm 2024'],
      centre: ['NGHỊ QUYẾT', 'Về nhiệm vụ phát triển kinh tế - xã hội 6 tháng cuối năm 2024', 'HỘI ĐỒNG NHÂN DÂN TỈNH QUẢNG NINH KHÓA XIV, KỲ HỌP THỨ 19'],
    });
  });

  it('splits flattened two-column lines (122: "ỦY BAN NHÂN DÂN CỘNG HOÀ ...", "Số: 14 /2025/QĐ-UBND Hà Nội, ngày ...")', () => {
    const l = bySource('122_').segments.layout!;
    expect(l.left).toEqual(['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ HÀ NỘI', 'Số: 14 /2025/QĐ-UBND']);
    expect(l.right).toEqual(['CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Hà Nội, ngày 28 tháng 02 năm 2025']);
    expect(l.centre[0]).toBe('QUYẾT ĐỊNH');
  });

  it('a party document: committee, star and number left, "ĐẢNG CỘNG SẢN VIỆT NAM" and date right (09-NQ/TU)', () => {
    const l = bySource('000_1be5c67f345d0e91').segments.layout!;
    expect(l.left).toEqual(['TỈNH UỶ QUẢNG NINH', '*', 'Số 09 - NQ/TU']);
    expect(l.right).toEqual(['ĐẢNG CỘNG SẢN VIỆT NAM', 'Hạ Long, ngày 08 tháng 12 năm 2017']);
    expect(l.centre).toEqual(['NGHỊ QUYẾT', 'CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH', 'về phương hướng, nhiệm vụ năm 2018']);
  });

  it('a copy stamp stays above the columns (117: "SAO Y; ...", "Giờ ký: ...")', () => {
    const l = bySource('117_').segments.layout!;
    expect(l.top).toEqual(['SAO Y; Văn phòng Đoàn ĐBQH và HĐND TP Hà Nội', 'Giờ ký: 03/07/2025 15:32:39']);
    expect(l.left[0]).toBe('HỘI ĐỒNG NHÂN DÂN');
  });

  it('a web copy that lost its header table: the gap where the columns were, the rest centred (032)', () => {
    const d = bySource('032_');
    const l = d.segments.layout!;
    expect(l.gap).toBe(d.segments.header[0]);
    expect([l.left, l.right]).toEqual([[], []]);
    expect(l.centre[0]).toBe('NGHỊ QUYẾT');
    expect(l.centre.at(-1)).toMatch(/^KHÓA VI, KỲ HỌP/);
  });

  it('a header with neither column (003_7620…: title lines only) gets no layout and stays centred', () => {
    const d = bySource('003_7620ee0074b7539f');
    expect(d.segments.layout).toBeUndefined();
    expect(layoutHeader(d.segments.header)).toBeNull();
    expect(emitMdx(d)).toContain('<div class="source-header" id="dau-van-ban">');
  });

  it('emits two columns and a centred block, and hostile text in a column stays text', () => {
    const mdx = emitMdx(bySource('002_69de05d7962fd3a5'));
    expect(mdx).toMatch(/<div class="source-header__left">\s*Số: 205\/NQ-HĐND\s*<\/div>|class="source-header__left"[^]*Số: 205\/NQ-HĐND[^]*class="source-header__right"/);
    const hostile = layoutHeader(['ỦY BAN {X} EXPORT CONST A = 1', 'Số: 1/NQ-HĐND <script>', 'NGHỊ QUYẾT'])!;
    expect(hostile.left).toEqual(['ỦY BAN {X} EXPORT CONST A = 1', 'Số: 1/NQ-HĐND <script>']);
    const d = { ...bySource('002_69de05d7962fd3a5') };
    d.segments = { ...d.segments, layout: hostile };
    const js = mdxToJs(emitMdx(d).replace(/^---[^]*?---\n/, '')).code;
    expect(js.split('\n').filter((l) => /^(import|export)\b/.test(l) && !/react\/jsx-runtime|^export default MDXContent;$/.test(l))).toEqual([]);
    expect(js).toContain('ỦY BAN {X} EXPORT CONST A = 1');
  });
});
