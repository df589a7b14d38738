/**
 * Per-page helpers made cheaper (issue 12): they must say exactly what the
 * plain versions said (the built HTML is compared byte for byte).
 */
import { describe, expect, it } from 'vitest';
import { relatedGroups } from '../../src/lib/status-data.ts';
import { formatSize } from '../../src/lib/downloads.ts';
import { compareVi } from '../../src/lib/format.ts';
import type { GraphCitation } from '../../src/lib/citations-data.ts';

const cite = (n: number, from: string, citedKey: string, type?: string) =>
  ({ from, citedKey, provision: `dieu-${n}`, ...(type ? { relation: { type, provisions: [], partial: false } } : {}) }) as unknown as GraphCitation;

describe('relatedGroups', () => {
  it('groups by relation in the shown order, one entry per other document in first-citation order, citations in text order', () => {
    const out = [cite(1, 'a', 'k1', 'basis'), cite(2, 'a', 'k2', 'repeals'), cite(3, 'a', 'k1', 'basis'), cite(4, 'a', 'k3', 'mention'), cite(5, 'a', 'k0', 'basis')];
    const inc = [cite(1, 'x', 'a', 'repeals'), cite(2, 'y', 'a'), cite(3, 'x', 'a', 'basis'), cite(4, 'z', 'a', 'repeals'), cite(5, 'x', 'a', 'repeals')];
    const groups = relatedGroups(out, inc);
    expect(groups.map((g) => g.id)).toEqual(['trang:lien-quan-in-repeals', 'trang:lien-quan-out-repeals', 'trang:lien-quan-out-basis', 'trang:lien-quan-in-basis']);
    expect(groups[0]!.entries.map((e) => [e.key, e.citations.map((c) => c.provision)])).toEqual([['x', ['dieu-1', 'dieu-5']], ['z', ['dieu-4']]]);
    expect(groups[2]!.entries.map((e) => [e.key, e.citations.map((c) => c.provision)])).toEqual([['k1', ['dieu-1', 'dieu-3']], ['k0', ['dieu-5']]]);
    expect(groups[0]!.title).toBe('Bị bãi bỏ bởi');
  });

  it('leaves mentions and citations without a relation out', () => {
    expect(relatedGroups([cite(1, 'a', 'k', 'mention'), cite(2, 'a', 'k')], [])).toEqual([]);
  });
});

describe('formatSize', () => {
  it('says bytes, KB and MB with a Vietnamese decimal comma, as toLocaleString did', () => {
    expect(formatSize(900)).toBe('900 byte');
    expect(formatSize(12 * 1024 + 300)).toBe('12 KB');
    expect(formatSize(1023 * 1024 + 600)).toBe(`${Math.round((1023 * 1024 + 600) / 1024).toLocaleString('vi-VN')} KB`);
    expect(formatSize(Math.round(1.25 * 1024 * 1024))).toBe('1,3 MB');
    expect(formatSize(2_500_000_000)).toBe(`${(2_500_000_000 / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`);
  });
});

describe('compareVi', () => {
  it('orders as localeCompare(b, "vi")', () => {
    const names = ['Đà Nẵng', 'Điện Biên', 'An Giang', 'Bắc Ninh', 'Bà Rịa - Vũng Tàu', 'đắk lắk', 'Hà Nội', 'Hà Giang', 'Ă', 'Â', 'A'];
    for (const a of names) for (const b of names) expect(Math.sign(compareVi(a, b))).toBe(Math.sign(a.localeCompare(b, 'vi')));
  });
});
