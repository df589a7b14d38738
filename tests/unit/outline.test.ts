/**
 * Golden tests: the whole outline (every provision id, in order) and the
 * metadata of each of the five real sources, with the traps of each.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentModel, Provision } from '../../scripts/lib/model.ts';
import { isFirstFive, loadShippedDocuments } from '../support/shipped.ts';
import { find, ids } from '../support/provisions.ts';

const docs = await loadShippedDocuments();
const bySource = (name: string): DocumentModel => {
  const d = docs.find((x) => isFirstFive(x.sourceFile) && x.sourceFile.startsWith(name));
  if (!d) throw new Error(`no document for ${name}`);
  return d;
};
const text = (p: Provision | undefined): string =>
  p ? [...p.heading, ...p.blocks.flatMap((b) => ('content' in b ? b.content : []))].map((c) => ('text' in c ? c.text : c.kind === 'target' ? c.label : c.kind === 'correction' ? c.corrected : '')).join('') : '';

describe('000: Nghị quyết 09-NQ/TU (PDF text, hard wraps, blank line after every line)', () => {
  const d = bySource('000');
  it('has parts I, II, III with II.1 to II.18 and no section "94"', () => {
    expect(ids(d.provisions)).toEqual([
      'mo-dau', 'I', 'I.1', 'I.2', 'II',
      ...Array.from({ length: 18 }, (_, i) => `II.${i + 1}`),
      'III', 'III.1', 'III.2', 'III.3', 'III.4', 'noi-nhan', 'chu-ky',
    ]);
    expect(d.quality.some((q) => q.kind === 'rejected-heading' && q.text?.startsWith('94.'))).toBe(true);
  });
  it('re-joins wrapped lines, keeping continuations that start with "- " or a number', () => {
    expect(text(find(d.provisions, 'II.16'))).toContain('Khu hành chính - kinh tế đặc biệt Vân Đồn sau khi được Quốc hội thông qua');
    expect(text(find(d.provisions, 'II.1'))).toContain('hoạt động của Ban Chỉ đạo 94. Tập trung chỉ đạo');
  });
  it('splits a heading from the text that follows it', () => {
    const p = find(d.provisions, 'II.5') as Provision;
    expect(text({ ...p, blocks: [] })).toBe('Nâng cao hiệu quả hoạt động công tác dân vận của hệ thống chính trị');
    expect(text({ ...p, heading: [] }).startsWith('Phát huy vai trò của MTTQ')).toBe(true);
    expect(text({ ...(find(d.provisions, 'II.2') as Provision), blocks: [] })).toBe(
      'Chú trọng công tác tổ chức, cán bộ; thực hiện Nghị quyết TW6 (khóa XII) gắn với tiếp tục thực hiện Nghị quyết số 19 ngày 03/3/2015 của Tỉnh ủy',
    );
  });
  it('reads its metadata from the header and signature', () => {
    expect(d.id).toBe('tinh-uy-quang-ninh-2017-09-nq-tu');
    expect(d.url).toBe('/van-ban/tinh-uy-quang-ninh/2017/09-nq-tu/');
    expect(d.meta.numberSymbol).toEqual({ value: '09-NQ/TU', origin: 'header' });
    expect(d.meta.date).toEqual({ value: '2017-12-08', origin: 'header' });
    expect(d.meta.type).toEqual({ value: 'NQ', origin: 'header' });
    expect(d.meta.issuer.value?.name).toBe('Tỉnh ủy Quảng Ninh');
    expect(d.meta.organ.value).toBe('Ban Chấp hành Đảng bộ tỉnh');
    expect(d.meta.title.value).toBe('về phương hướng, nhiệm vụ năm 2018');
    expect(d.meta.place.value).toBe('Hạ Long');
    expect(d.meta.signer).toEqual({ value: 'Nguyễn Văn Đọc', origin: 'signature' });
    expect(d.meta.signerTitle.value).toBe('BÍ THƯ');
    expect(d.meta.signingCapacity.value).toBe('T/M BAN CHẤP HÀNH');
  });
  it('keeps the recipients as a list, joining wrapped items', () => {
    const r = find(d.provisions, 'noi-nhan') as Provision;
    expect(r.blocks.map((b) => b.kind)).toEqual(Array(7).fill('bullet'));
    expect(text({ ...r, heading: [] })).toContain('Các sở, ban, ngành, Mặt trận Tổ quốc và các đoàn thể tỉnh,');
  });
});

describe('001: resolution for 2023 (OCR noise, header missing)', () => {
  const d = bySource('001');
  it('nests 2.1 ... 2.5, 3.1 ... 3.4 and 4.1 ... 4.3 under their sections', () => {
    expect(ids(d.provisions)).toEqual([
      'mo-dau', 'I', 'I.1', 'I.2', 'II', 'II.1', 'II.2', 'II.2.1', 'II.2.2', 'II.2.3', 'II.2.4', 'II.2.5',
      'II.3', 'II.3.1', 'II.3.2', 'II.3.3', 'II.3.4', 'II.4', 'II.4.1', 'II.4.2', 'II.4.3', 'II.5', 'II.6', 'II.7',
      'III', 'III.1', 'III.2', 'III.3', 'III.4', 'ket-thuc', 'noi-nhan', 'chu-ky',
    ]);
  });
  it('takes a four-line heading as the heading of 2.2. and the short line after it as its end', () => {
    const p = find(d.provisions, 'II.2.2') as Provision;
    expect(text({ ...p, blocks: [] })).toBe(
      'Tập trung xây dựng đội ngũ cán bộ, công chức, nhất là cán bộ lãnh đạo, quản lý và người đứng đầu có đủ phẩm chất, năng lực, uy tín phục vụ nhân dân và sự phát triển của địa phương gắn vói tiếp tục đỗi mới, sắp xếp tổ chức bộ máy của hệ thống chính ừị tình gọn, hoạt động hiệu lực, hiệu quả',
    );
    expect(text({ ...p, heading: [] }).startsWith('Chủ động chuẩn bị đội ngũ cán bộ kế cận và chuẩn bị nhân sự cho nhiệm kỳ 2025 - 2030 (2021 - 2026)')).toBe(true);
    // A sentence item of part III is not a heading, though its first line ends without punctuation.
    expect((find(d.provisions, 'III.1') as Provision).heading).toEqual([]);
  });
  it('marks the numbered targets (1) ... (15) of I.2 as anchors', () => {
    const targets = (find(d.provisions, 'I.2') as Provision).blocks.flatMap((b) => ('content' in b ? b.content : [])).filter((c) => c.kind === 'target');
    expect(targets.map((t) => (t.kind === 'target' ? t.id : ''))).toEqual(Array.from({ length: 15 }, (_, i) => `I.2.ct-${i + 1}`));
  });
  it('leaves unknown what the text lacks and marks inferred catalog facts', () => {
    expect(d.meta.numberSymbol.value).toBeNull();
    expect(d.meta.date.value).toBeNull();
    expect(d.meta.year).toMatchObject({ value: 2022, origin: 'catalog', inferred: true });
    expect(d.meta.issuer).toMatchObject({ origin: 'catalog' });
    expect(d.meta.title).toEqual({ value: 'về phương hướng, nhiệm vụ năm 2023', origin: 'header' });
    expect(d.url).toBe('/van-ban/tinh-uy-quang-ninh/2022/nq-chua-ro-so-1/');
  });
  it('lists OCR-damaged words in the quality report', () => {
    const suspects = d.quality.filter((q) => q.kind === 'ocr-suspect').map((q) => q.text);
    expect(suspects).toEqual(expect.arrayContaining(['tmh', 'tnên', 'xm', 'lứứi']));
    expect(suspects).not.toContain('COVID-19');
    // COVỈD-Ỉ9 is corrected by content/corrections.yaml: listed as a correction, no longer a suspect.
    expect(suspects).not.toContain('COVỈD-Ỉ9');
    expect(d.quality.some((q) => q.kind === 'correction' && q.text === 'COVỈD-Ỉ9')).toBe(true);
    const corrected = (find(d.provisions, 'mo-dau') as Provision).blocks.flatMap((b) => ('content' in b ? b.content : [])).find((c) => c.kind === 'correction');
    expect(corrected).toEqual({ kind: 'correction', original: 'COVỈD-Ỉ9', corrected: 'COVID-19', note: 'OCR nhận nhầm chữ I và số 1 thành Ỉ' });
  });
  it('removes the stray "• •" bullets from part headings', () => {
    expect(text({ ...(find(d.provisions, 'II') as Provision), blocks: [] })).toBe('NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YỂU');
  });
});

describe('002: Nghị quyết 205/NQ-HĐND (markdown-ish, articles, footnote)', () => {
  const d = bySource('002');
  it('has the preamble, dieu-1 with clauses 1 to 9 and dieu-2 with 1 and 2', () => {
    expect(ids(d.provisions)).toEqual([
      'can-cu', 'quyet-nghi', 'dieu-1',
      ...Array.from({ length: 9 }, (_, i) => `dieu-1.${i + 1}`),
      'dieu-2', 'dieu-2.1', 'dieu-2.2', 'ket-thuc', 'chu-ky',
    ]);
    expect((find(d.provisions, 'can-cu') as Provision).blocks).toHaveLength(3);
  });
  it('reads the HĐND header', () => {
    expect(d.url).toBe('/van-ban/hdnd-tinh-quang-ninh/2024/205-nq-hdnd/');
    expect(d.meta.numberSymbol.value).toBe('205/NQ-HĐND');
    expect(d.meta.date.value).toBe('2024-07-10');
    expect(d.meta.issuer.value).toEqual({ province: 'Quảng Ninh', name: 'HĐND tỉnh Quảng Ninh', slug: 'hdnd-tinh-quang-ninh', branch: 'state' });
    expect(d.meta.session.value).toBe('khóa XIV, kỳ họp thứ 19');
    expect(d.meta.title.value).toBe('Về nhiệm vụ phát triển kinh tế - xã hội 6 tháng cuối năm 2024');
    expect(d.meta.signer.value).toBe('Nguyễn Xuân Ký');
    expect(d.meta.signerTitle.value).toBe('CHỦ TỊCH');
  });
  it('moves the spliced footnote out and re-joins the paragraph it interrupted', () => {
    expect(d.footnotes.map((f) => [f.n, text({ id: '', kind: 'heading', label: '', number: '', heading: f.content, blocks: [], children: [] })])).toEqual([
      ['1', 'Nghị quyết số 108/NQ-CP ngày 10/7/2024 Phiên họp Chính phủ thường kỳ tháng 6 năm 2024 và Hội nghị trực tuyến Chính phủ với địa phương.'],
    ]);
    const clause = find(d.provisions, 'dieu-1.3') as Provision;
    const para = clause.blocks.find((b) => 'content' in b && b.content.some((c) => c.kind === 'footnoteRef'));
    expect(para).toBeDefined();
    expect(text({ ...clause, heading: [], blocks: [para!] })).toContain('trực thuộc Ủy ban nhân dân tỉnh là cơ quan hành chính');
  });
  it('re-joins a sentence broken after a comma ("cơ quan Thuế,\\n\\nHải quan")', () => {
    expect(text(find(d.provisions, 'dieu-1.2'))).toContain('phối hợp chặt chẽ với cơ quan Thuế, Hải quan, Kho bạc Nhà nước thực hiện đồng bộ');
  });
  it('re-joins a paragraph split by a blank line ("kinh\\n\\ntế")', () => {
    expect(text(find(d.provisions, 'dieu-1'))).toContain('“Nâng cao chất lượng tăng trưởng kinh tế; phát triển văn hóa');
  });
});

describe('003: resolution on administrative reform (OCR, merged two-column signature)', () => {
  const d = bySource('003');
  it('nests 2.1, 2.2, 2.2.1, 2.2.2', () => {
    expect(ids(d.provisions)).toEqual([
      'I', 'II', 'II.1', 'II.2', 'II.2.1', 'II.2.2', 'II.2.2.1', 'II.2.2.2',
      'III', ...Array.from({ length: 8 }, (_, i) => `III.${i + 1}`),
      'IV', ...Array.from({ length: 9 }, (_, i) => `IV.${i + 1}`),
      'ket-thuc', 'noi-nhan', 'chu-ky',
    ]);
  });
  it('keeps "giai đoạn 2011 -\\n2020. Trong" as one sentence', () => {
    expect(text(find(d.provisions, 'I'))).toContain('giai đoạn 2011 - 2020. Trong 10 năm qua');
  });
  it('splits the signature out of the merged recipients list', () => {
    const sig = (find(d.provisions, 'chu-ky') as Provision).blocks.map((b) => text({ ...(find(d.provisions, 'chu-ky') as Provision), heading: [], blocks: [b] }));
    // Split as read; the reader sees the editor's corrections of the OCR (content/corrections.yaml).
    expect(sig).toEqual(['T/M TỈNH ỦY', 'THƯ', 'Nguyễn Xuân Ký']);
    expect(d.quality.filter((q) => q.kind === 'correction').map((q) => q.text)).toEqual(['T/M TÌNH ỦY', 'Nguyên Xuân Ký']);
    expect(d.meta.signer).toMatchObject({ value: 'Nguyễn Xuân Ký', origin: 'signature', note: 'theo đính chính của biên tập; nguyên văn: "Nguyên Xuân Ký"' });
    const rec = text({ ...(find(d.provisions, 'noi-nhan') as Provision), heading: [] });
    expect(rec).not.toMatch(/T\/M|Nguyên Xuân Ký|THƯ/);
    expect(d.quality.filter((q) => q.message.startsWith('tách dòng bị ghép hai cột'))).toHaveLength(3);
  });
  it('records the inferred identity as inferred', () => {
    expect(d.meta.numberSymbol).toMatchObject({ value: '05-NQ/TU', origin: 'catalog', inferred: true });
    expect(d.url).toBe('/van-ban/tinh-uy-quang-ninh/2021/nq-chua-ro-so-2/');
  });
});

describe('004: Thành ủy resolution for 2021 (markdown-ish, clean)', () => {
  const d = bySource('004');
  it('has the outline of the numbering, not of the markdown heading levels', () => {
    expect(ids(d.provisions)).toEqual([
      'mo-dau', 'I', 'I.1', 'I.2', 'II', 'II.1', 'II.2', 'II.2.1', 'II.2.2', 'II.2.3', 'II.3', 'II.3.1', 'II.3.2', 'II.3.3',
      'II.4', 'II.5', 'II.6', 'II.7', 'II.7.1', 'II.7.2', 'II.7.3', 'II.8', 'II.9',
      'III', 'III.1', 'III.2', 'III.3', 'III.4', 'III.5', 'ket-thuc', 'noi-nhan', 'chu-ky',
    ]);
  });
  it('re-joins sentences broken by a page break after a connective or before a number', () => {
    expect(text(find(d.provisions, 'II.7.2'))).toContain('theo nguyên tắc “5 tại chỗ” tại Trung tâm Hành chính công');
    expect(text(find(d.provisions, 'I.2'))).toContain('Công nghiệp-Xây dựng 42,4%');
  });
  it('reads the signature split across bold lines', () => {
    expect(d.meta.signer.value).toBe('Vũ Văn Điện');
    expect(d.meta.signingCapacity.value).toBe('T/M THÀNH ỦY');
    expect(d.meta.issuer.value?.slug).toBe('thanh-uy-ha-long');
    expect(d.meta.numberSymbol.value).toBeNull();
  });
});

describe('every document', () => {
  it('has unique provision ids', () => {
    for (const d of docs) {
      const all = ids(d.provisions);
      expect(new Set(all).size).toBe(all.length);
    }
  });
});
