/**
 * The reader on the original files of issue 15 (content/sources/NN_*, copies of
 * /work/shared/corpus-files): the identity it reads from the reader text of the
 * DOCX, DOC and PDF text layer, against what page 1 of each file shows
 * (tests/fixtures/corpus-files-golden.yaml has page 1 of all 20). What is
 * asserted here is the reader's part: bodies under a parent body (Sở, Trường,
 * Ban Chỉ đạo; docs/decisions/1506-issuers-of-departments.md), the title that
 * stops at the enacting line, the công văn's subject line, the signing
 * titles of NĐ30. The OCR files (09–14) are left to the golden test: slow.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDoc } from '../../scripts/pipeline/00-extract/doc.ts';
import { readDocx } from '../../scripts/pipeline/00-extract/docx.ts';
import { joinPages, readPdf } from '../../scripts/pipeline/00-extract/pdf/index.ts';
import { findTools } from '../../scripts/pipeline/00-extract/tools.ts';
import type { Extracted } from '../../scripts/pipeline/00-extract/types.ts';
import { readDocument } from '../../scripts/pipeline/read-document.ts';
import { canonicalIssuer, subordinateIssuer } from '../../scripts/lib/issuers.ts';
import type { DocumentModel } from '../../scripts/lib/model.ts';

const ROOT = join(import.meta.dirname, '..', '..');

function bytesOf(name: string): Uint8Array {
  for (const dir of [join(ROOT, 'content', 'sources'), join(ROOT, '..', 'shared', 'corpus-files')]) {
    const path = join(dir, name);
    if (existsSync(path)) return new Uint8Array(readFileSync(path));
  }
  throw new Error(`${name}: not in content/sources (nor ../shared/corpus-files)`);
}

/** The reader text of a file, by its own extractor (a PDF by its text layer only: these pass the layer check). */
async function extract(name: string): Promise<Extracted> {
  const bytes = bytesOf(name);
  if (name.endsWith('.docx')) return readDocx(bytes, name);
  if (name.endsWith('.doc')) return readDoc(bytes, name, await findTools());
  const pdf = await readPdf(bytes, name);
  expect(pdf.pages.every((p) => p.hasTextLayer && p.check.ok), `${name}: a page needs OCR`).toBe(true);
  return { format: 'pdf', method: 'pdf-text', text: joinPages(pdf.pages), pages: pdf.pages.length, ocr: null, notes: [], timings: [] };
}

async function read(name: string): Promise<DocumentModel> {
  const extracted = await extract(name);
  return readDocument({ file: name, bytes: bytesOf(name), catalog: undefined, corrections: [], extracted });
}

/** What page 1 shows, as [type, number, date, issuer, province]. */
function identity(d: DocumentModel): Array<string | null> {
  const m = d.meta;
  return [m.type.value, m.numberSymbol.value, m.date.value, m.issuer.value?.name ?? null, m.issuer.value?.province ?? null];
}

const antiword = (await findTools()).antiword !== null;

describe('departments of a province: "UBND TỈNH ĐỒNG THÁP / SỞ GIÁO DỤC VÀ ĐÀO TẠO"', { timeout: 30_000 }, () => {
  it('15 (DOCX of QĐ 337): the Sở is the issuer, and the title stops at "GIÁM ĐỐC SỞ ..."', async () => {
    const d = await read('15_dongthap_sgddt_qd_337_2026.docx');
    expect(identity(d)).toEqual(['QĐ', '337/QĐ-SGDĐT', '2026-04-14', 'Sở Giáo dục và Đào tạo tỉnh Đồng Tháp', 'Đồng Tháp']);
    expect(d.id).toBe('so-giao-duc-va-dao-tao-tinh-dong-thap-2026-337-qd-sgddt');
    expect(d.meta.title.value).toMatch(/^Về việc phê duyệt kết quả kỳ xét thăng hạng .* năm 2025$/u);
    expect(d.meta.title.value).not.toMatch(/GIÁM ĐỐC/u);
  });

  it('06 (PDF of KH 362) and 19 (its Word 97 draft): one issuer; the draft leaves number and day blank', async () => {
    const pdf = await read('06_dongthap_sgddt_kh_362_2026.pdf');
    // Number and day are stamp text (drawn-text.ts): the PDF reader's part, asserted by the golden test.
    expect([identity(pdf)[0], ...identity(pdf).slice(3)]).toEqual(['KH', 'Sở Giáo dục và Đào tạo tỉnh Đồng Tháp', 'Đồng Tháp']);
    expect(pdf.meta.title.value).toMatch(/^Đón tiếp và làm việc với Đoàn kiểm tra của Bộ Giáo dục và Đào tạo .* trên địa bàn tỉnh Đồng Tháp$/u);
    if (!antiword) return; // antiword missing: the .doc half is skipped (ADR 1503)
    const doc = await read('19_dongthap_sgddt_kh_362_2026.doc');
    expect(identity(doc)).toEqual(['KH', null, null, 'Sở Giáo dục và Đào tạo tỉnh Đồng Tháp', 'Đồng Tháp']);
    expect(doc.meta.title.value).toBe(pdf.meta.title.value);
  });

  it('16: a school under "SỞ GDĐT TỈNH ĐỒNG THÁP" (the Sở names its own province; GDĐT written out)', async () => {
    const d = await read('16_dongthap_thptcl2_kh_58_2026.docx');
    expect(identity(d)).toEqual(['KH', '58/KH-THPTCL2', '2026-04-15', 'Trường THPT Cao Lãnh 2', 'Đồng Tháp']);
    // The parent line is the same body as the issuer of 15, however abbreviated.
    expect(canonicalIssuer('SỞ GDĐT TỈNH ĐỒNG THÁP')?.slug).toBe(subordinateIssuer(canonicalIssuer('UBND TỈNH ĐỒNG THÁP'), 'SỞ GIÁO DỤC VÀ ĐÀO TẠO')?.slug);
  });

  // Signing capacities of NĐ30 (KT. without a space, HIỆU TRƯỞNG) in the segmenter's signature patterns.
  it('16: the signer under "KT.HIỆU TRƯỞNG / PHÓ HIỆU TRƯỞNG" is read', async () => {
    const d = await read('16_dongthap_thptcl2_kh_58_2026.docx');
    expect([d.meta.signingCapacity.value, d.meta.signerTitle.value, d.meta.signer.value]).toEqual(['KT.HIỆU TRƯỞNG', 'PHÓ HIỆU TRƯỞNG', 'Trần Thanh Vũ']);
  });

  it.runIf(antiword)('20: a Ban Chỉ đạo under UBND tỉnh Lâm Đồng; the title stops at "TRƯỞNG BAN CHỈ ĐẠO ..."', async () => {
    const d = await read('20_lamdong_ubnd_qd_tgv_cchc_draft.doc');
    expect(identity(d)).toEqual(['QĐ', null, null, 'Ban Chỉ đạo về phát triển KHCN, ĐMST, CĐS và Đề án 06 tỉnh Lâm Đồng', 'Lâm Đồng']);
    expect(d.meta.title.value).toBe('Về việc thành lập Tổ giúp việc về Cải cách hành chính tỉnh Lâm Đồng');
    expect(d.meta.signerTitle.value).toBe('TRƯỞNG BAN');
  });
});

describe('công văn: no type name; the "V/v" line under the number is the subject', { timeout: 30_000 }, () => {
  let d08: DocumentModel;
  beforeAll(async () => {
    d08 = await read('08_binhthuan_stp_cv_788_2025.pdf');
  }, 30_000);

  it('08: Sở Tư pháp under UBND tỉnh Bình Thuận; the subject over three lines is the title', () => {
    expect(identity(d08).slice(1)).toEqual(['788/STP-HCBT', '2025-05-16', 'Sở Tư pháp tỉnh Bình Thuận', 'Bình Thuận']);
    expect(d08.meta.title.value).toBe('V/v trình hồ sơ phê chuẩn kết quả Đại hội Đoàn Luật sư tỉnh Bình Thuận nhiệm kỳ 2024 - 2029');
  });

  it('08: the number "788/STP-HCBT" has no type code and a V/v subject line, so the type is Công văn', () => {
    expect(d08.meta.type.value).toBe('CV');
  });

  it('17 (draft): a number the subject cites ("văn số 3980/C04-P6") is subject, not the blank number; "Kính gửi" is not title', async () => {
    const d = await read('17_lamdong_ubnd_cv_3980_draft_2025.docx');
    expect(identity(d).slice(1)).toEqual([null, null, 'UBND tỉnh Lâm Đồng', 'Lâm Đồng']);
    expect(d.meta.title.value).toBe('V/v tham mưu triển khai Công văn số 3980/C04-P6 của Cục Cảnh sát điều tra tội phạm về ma túy');
    expect(d.meta.year.value).toBe(2025);
  });
});
