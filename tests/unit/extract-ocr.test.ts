/**
 * OCR of scanned pages (ADR 1504) on the real scans of the corpus files:
 * 11 (HĐND Hà Nội, NQ 12/2025), 13 (Bộ Công an, CV 3980), 14 (Trường ĐH Công
 * Thương, KH 753) and 09 (a scan whose text layer is garbage OCR). Only page 1
 * of each is read, once, in beforeAll. Skipped, saying why, only when the
 * tools are missing (.ci/run installs them).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findTools, ocrTurnedOff, whyNoOcr } from '../../scripts/pipeline/00-extract/tools.ts';
import { ocrPdfPages, type OcrResult } from '../../scripts/pipeline/00-extract/ocr.ts';
import { ExtractError } from '../../scripts/pipeline/00-extract/types.ts';
import { readDocument } from '../../scripts/pipeline/read-document.ts';

const NQ12 = '11_hanoi_hdnd_nq_12_2025_scan.pdf';
const CV3980 = '13_bca_cv_3980_2025_scan.pdf';
const KH753 = '14_dhct_hcm_kh_753_2026_scan.pdf';
const GM560 = '09_lamdong_ubnd_gm_560_2025_badocr.pdf';

/** The shipped copy in content/sources, else the shared originals beside the clone. */
function original(name: string): Uint8Array {
  for (const dir of ['content/sources', '../shared/corpus-files']) {
    const file = join(dir, name);
    if (existsSync(file)) return readFileSync(file);
  }
  throw new Error(`${name} is neither in content/sources nor in ../shared/corpus-files`);
}

const MOTTO = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const lines = (r: OcrResult): string[] => r.pages[0]!.text.split('\n');
/** Index of the first line matching, -1 when none. */
const at = (ls: string[], re: RegExp): number => ls.findIndex((l) => re.test(l));

describe('findTools', () => {
  it('ARCHIVE_OCR=0 turns OCR off without touching antiword, and an empty PATH finds nothing', async () => {
    const off = { ...process.env, ARCHIVE_OCR: '0' };
    expect(ocrTurnedOff(off)).toBe(true);
    expect(ocrTurnedOff({ ARCHIVE_OCR: '1' })).toBe(false);
    expect((await findTools(off)).ocr).toBeNull();
    expect((await findTools(off)).antiword).toEqual((await findTools()).antiword);
    expect(await whyNoOcr(off)).toMatch(/ARCHIVE_OCR=0/);
    expect(await findTools({ PATH: '/nonexistent' })).toEqual({ ocr: null, antiword: null });
    expect(await whyNoOcr({ PATH: '/nonexistent' })).toMatch(/poppler-utils/);
  });

  it('is asked once per run: the same env gives the same answer object', async () => {
    expect(findTools()).toBe(findTools());
  });

  it('a scan with OCR off is refused as tool-missing, naming the file', async () => {
    const tools = await findTools({ PATH: '/nonexistent' });
    const err = await ocrPdfPages(new Uint8Array(), 'x.pdf', [1], tools).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExtractError);
    expect((err as ExtractError).problem).toBe('tool-missing');
    expect((err as ExtractError).file).toBe('x.pdf');
  });
});

const skip = await whyNoOcr();
describe.skipIf(skip !== null)(`OCR of scanned pages${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let nq12: OcrResult;
  let nq12again: OcrResult;
  let cv3980: OcrResult;
  let kh753: OcrResult;
  let gm560: OcrResult;

  beforeAll(async () => {
    const tools = await findTools();
    const page1 = (name: string): Promise<OcrResult> => ocrPdfPages(original(name), name, [1], tools);
    // Two at a time: the machine has two cores.
    [nq12, cv3980] = await Promise.all([page1(NQ12), page1(CV3980)]);
    [kh753, gm560] = await Promise.all([page1(KH753), page1(GM560)]);
    nq12again = await page1(NQ12);
  }, 300_000);

  it('names the engine and both models by their digests', () => {
    expect(nq12.engine).toMatch(/^Tesseract \d+\.\d+\.\d+ \(Vietnamese [0-9a-f]{12}, vie [0-9a-f]{12}\)$/);
    expect(nq12.pages.map((p) => p.n)).toEqual([1]);
  });

  it('11 (NQ 12/2025/NQ-HĐND): issuer and number in the left column, then motto, place and date', () => {
    const ls = lines(nq12);
    const issuer = at(ls, /^HỘI ĐỒNG NHÂN DÂN$/);
    const number = at(ls, /^Số: 12\/2025\/NQ-HĐND$/);
    const motto = at(ls, new RegExp(`^${MOTTO}$`));
    const date = at(ls, /^Hà Nội, ngày 27 tháng 6 năm 2025$/);
    const type = at(ls, /^NGHỊ QUYẾT$/);
    expect(issuer).toBeGreaterThanOrEqual(0);
    expect([issuer, number, motto, date, type].every((i) => i >= 0)).toBe(true);
    expect(issuer).toBeLessThan(number);
    expect(number).toBeLessThan(motto);
    expect(motto).toBeLessThan(date);
    expect(date).toBeLessThan(type);
    expect(nq12.pages[0]!.text).toContain('Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;');
  });

  it('11: the reader takes type, number, date and issuer from the OCR text, as page 1 shows', () => {
    const model = readDocument({ file: '11_hanoi_hdnd_nq_12_2025_scan.pdf', bytes: new TextEncoder().encode(nq12.pages[0]!.text), catalog: undefined, corrections: [] });
    expect(model.meta.type.value).toBe('NQ');
    expect(model.meta.numberSymbol.value).toBe('12/2025/NQ-HĐND');
    expect(model.meta.date.value).toBe('2025-06-27');
    expect(model.meta.issuer.value?.name).toBe('HĐND thành phố Hà Nội');
    expect(model.meta.issuer.origin).toBe('header');
  });

  it('confidence is a mean word confidence in range; suspects are words of the text, each once', () => {
    for (const r of [nq12, cv3980, kh753, gm560]) {
      const page = r.pages[0]!;
      expect(page.confidence).toBeGreaterThan(80);
      expect(page.confidence).toBeLessThanOrEqual(100);
      expect(page.words).toBeGreaterThan(300);
      expect(new Set(page.suspects).size).toBe(page.suspects.length);
      for (const s of page.suspects) expect(page.text).toContain(s);
      expect(page.text).toBe(page.text.normalize('NFC'));
    }
    // 13's received-stamp and handwriting are read poorly and say so.
    expect(cv3980.pages[0]!.suspects.length).toBeGreaterThan(nq12.pages[0]!.suspects.length);
  });

  it('the same page read twice gives identical text, confidence and suspects', () => {
    const [a, b] = [nq12.pages[0]!, nq12again.pages[0]!];
    expect(b.text).toBe(a.text);
    expect(b.confidence).toBe(a.confidence);
    expect(b.suspects).toEqual(a.suspects);
    expect(nq12again.engine).toBe(nq12.engine);
  });

  it('13 (CV 3980/C04-P6): the two-line issuer, number and "V/v" summary come before the motto', () => {
    const ls = lines(cv3980);
    const ministry = at(ls, /^BỘ CÔNG AN$/);
    const agency = at(ls, /^CỤC CẢNH SÁT/);
    const number = at(ls, /^Số:.*\/C04-P6$/);
    const summary = at(ls, /^V\/v chuẩn bị tổ chức triển khai$/);
    const motto = at(ls, new RegExp(`^${MOTTO}$`));
    const date = at(ls, /^Hà Nội, ngày .* năm 2025$/);
    const to = at(ls, /^Kính gửi:/);
    expect([ministry, agency, number, summary, motto, date, to].every((i) => i >= 0)).toBe(true);
    expect(ministry).toBeLessThan(agency);
    expect(agency).toBeLessThan(number);
    expect(number).toBeLessThan(summary);
    expect(summary).toBeLessThan(motto);
    expect(motto).toBeLessThan(date);
    expect(date).toBeLessThan(to);
  });

  it('14 (KH 753/KH-DCT): the ministry and the school before the motto, then the type', () => {
    const ls = lines(kh753);
    const ministry = at(ls, /^BỘ CÔNG THƯƠNG$/);
    const school = at(ls, /^TRƯỜNG ĐẠI HỌC CÔNG THƯƠNG$/);
    const number = at(ls, /^Số: .*\/KH-DCT$/);
    const motto = at(ls, new RegExp(`^${MOTTO}$`));
    const date = at(ls, /^Thành phố .* Chí Minh, ngày .* tháng 6 năm 2026$/);
    const type = at(ls, /^KẾ HOẠCH$/);
    expect([ministry, school, number, motto, date, type].every((i) => i >= 0)).toBe(true);
    expect(ministry).toBeLessThan(school);
    expect(school).toBeLessThan(number);
    expect(number).toBeLessThan(motto);
    expect(motto).toBeLessThan(date);
    expect(date).toBeLessThan(type);
  });

  it('09 (GM 560/GM-UBND): the scan is read as Vietnamese where its text layer was ASCII garbage', () => {
    const ls = lines(gm560);
    const issuer = at(ls, /^ỦY BAN NHÂN DÂN$/);
    const province = at(ls, /^TỈNH LÂM ĐỒNG$/);
    const number = at(ls, /^Số:.*\/GM-UBND$/);
    const motto = at(ls, /^CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM$/);
    const date = at(ls, /^Lâm Đồng, ngày .* năm 2025$/);
    const type = at(ls, /^GI.Y MỜI$/);
    expect([issuer, province, number, motto, date, type].every((i) => i >= 0)).toBe(true);
    expect(issuer).toBeLessThan(province);
    expect(province).toBeLessThan(number);
    expect(number).toBeLessThan(motto);
    expect(motto).toBeLessThan(date);
    expect(date).toBeLessThan(type);
    expect(gm560.pages[0]!.text).toContain('Ủy ban nhân dân tỉnh tổ chức buổi làm việc để nghe Sở Nội vụ báo cáo');
    expect(gm560.pages[0]!.text).not.toMatch(/UY BAN NHAN DAN/);
  });

  it('a file that is not a PDF is refused as corrupt, and a poster-sized page as too large, each naming the page', async () => {
    const tools = await findTools();
    const junk = await ocrPdfPages(new TextEncoder().encode('not a pdf'), 'junk.pdf', [1], tools).catch((e: unknown) => e);
    expect(junk).toBeInstanceOf(ExtractError);
    expect((junk as ExtractError).problem).toBe('corrupt');
    const poster = await ocrPdfPages(onePagePdf(10_000, 10_000), 'poster.pdf', [1], tools).catch((e: unknown) => e);
    expect(poster).toBeInstanceOf(ExtractError);
    expect((poster as ExtractError).problem).toBe('too-large');
    expect((poster as ExtractError).reason).toMatch(/^page 1 /);
    const missing = await ocrPdfPages(onePagePdf(595, 842), 'short.pdf', [2], tools).catch((e: unknown) => e);
    expect((missing as ExtractError).problem).toBe('corrupt');
    expect((missing as ExtractError).reason).toMatch(/page 2/);
  });
});

/** A valid one-page PDF of the given size in points, blank. */
function onePagePdf(width: number, height: number): Uint8Array {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] >>`];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}
