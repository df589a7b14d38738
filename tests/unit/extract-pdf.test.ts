/**
 * Step 00, PDF text layer (docs/decisions/1502-pdf-text-layer.md), on the real
 * files of the corpus: content/sources/<name> when the integration has copied
 * them there, else ../shared/corpus-files/<name>.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { joinPages, readPdf, textLayerCheck, type PdfReading } from '../../scripts/pipeline/00-extract/pdf/index.ts';
import { ExtractError } from '../../scripts/pipeline/00-extract/types.ts';
import { readDocument } from '../../scripts/pipeline/read-document.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const SOURCES = join(ROOT, 'content', 'sources');
const SHARED = join(ROOT, '..', 'shared', 'corpus-files');

function source(name: string): Uint8Array | null {
  for (const dir of [SOURCES, SHARED]) {
    const path = join(dir, name);
    if (existsSync(path)) return new Uint8Array(readFileSync(path));
  }
  return null;
}

const F01 = '01_hanoi_ubnd_qd_01_2025.pdf';
const F05 = '05_dongthap_sgddt_qd_337_2026.pdf';
const have = (name: string) => source(name) !== null;

const cache = new Map<string, Promise<PdfReading>>();
const read = (name: string) => {
  if (!cache.has(name)) cache.set(name, readPdf(source(name)!, name));
  return cache.get(name)!;
};

async function problemOf(bytes: Uint8Array, name: string): Promise<string> {
  try {
    await readPdf(bytes, name);
    return 'none';
  } catch (error) {
    expect(error).toBeInstanceOf(ExtractError);
    return (error as ExtractError).problem;
  }
}

describe.skipIf(!have(F01))('01 (Hà Nội QĐ 01/2025): header columns, stamps, words', () => {
  let lines: string[] = [];
  beforeAll(async () => {
    lines = (await read(F01)).pages[0]!.text.split('\n');
  });

  it('reads the issuer column, then the motto column, each in reading order', () => {
    const at = (re: RegExp) => lines.findIndex((l) => re.test(l));
    const issuer = at(/ỦY BAN NHÂN DÂN\**$/);
    const city = at(/^\**THÀNH PHỐ HÀ NỘI/);
    const number = at(/^Số:/);
    const motto = at(/CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    const independence = at(/Độc lập - Tự do - Hạnh phúc/);
    const date = at(/^Hà Nội, ngày/);
    expect([issuer, city, number, motto, independence, date].every((i) => i >= 0)).toBe(true);
    expect(issuer).toBeLessThan(city);
    expect(city).toBeLessThan(number);
    expect(number).toBeLessThan(motto);
    expect(motto).toBeLessThan(independence);
    expect(independence).toBeLessThan(date);
  });

  it('reads the number and date stamped into the signature fields, where the positions put them', () => {
    // "01" sits in a signature field 15 pt left of "/2025/QĐ-UBND": a gap, as printed.
    expect(lines).toContain('Số: 01 /2025/QĐ-UBND');
    expect(lines).toContain('Hà Nội, ngày 15 tháng 01 năm 2025');
  });

  it('marks wholly bold lines and keeps words whole', async () => {
    expect(lines).toContain('**QUYẾT ĐỊNH**');
    const text = (await read(F01)).text;
    expect(text).toContain('chính quyền địa phương');
    expect(text).not.toMatch(/quy ền|s ố |Quy ết|đị nh/);
  });

  it('reads the signature block as "Nơi nhận" column, then the signer column', async () => {
    const page2 = (await read(F01)).pages[1]!.text.split('\n');
    const recipients = page2.findIndex((l) => /Nơi nhận/.test(l));
    const last = page2.findIndex((l) => /Lưu: VT/.test(l));
    const signer = page2.findIndex((l) => /TM\. ỦY BAN NHÂN DÂN/.test(l));
    expect(recipients).toBeGreaterThanOrEqual(0);
    expect(last).toBeGreaterThan(recipients);
    expect(signer).toBeGreaterThan(last);
  });

  it('reads the ruled price table of annex I cell by cell', async () => {
    const rows = (await read(F01)).pages[2]!.text.split('\n').filter((l) => l.startsWith('|'));
    expect(rows[0]).toMatch(/^\| Stt \| LOẠI NHÀ \| Đơn giá xây dựng/);
    expect(rows).toContain('|  |  | Chưa bao gồm VAT | Đã bao gồm VAT |');
    expect(rows).toContain('| a | Nhà có khu phụ | 2.414.600 | 2.655.900 |');
  });

  it('is deterministic', async () => {
    const again = await readPdf(source(F01)!, F01);
    expect(again.text).toBe((await read(F01)).text);
  });
});

const F03 = '03_hanoi_ubnd_qd_70_2024.pdf';
describe.skipIf(!have(F03))('03 (Hà Nội QĐ 70/2024): white placeholder under the stamps', () => {
  it('reads what the page shows: the stamped number and date, not the template digits typed in white', async () => {
    const reading = await read(F03);
    const page1 = reading.pages[0]!.text.split('\n');
    expect(page1).toContain('Số: 70 /2024/QĐ-UBND');
    expect(page1).toContain('Hà Nội, ngày 12 tháng 12 năm 2024');
    // One stamp string fills two blanks around the printed "tháng".
    expect(reading.pages[1]!.text).toContain('có hiệu lực từ ngày 22 tháng 12 năm 2024');
  });
});

const F08 = '08_binhthuan_stp_cv_788_2025.pdf';
describe.skipIf(!have(F08))('08 (Bình Thuận CV 788, Print-to-PDF): a narrow column gap', () => {
  it('reads issuer, number and subject (V/v) before the motto, place and date', async () => {
    // The issuer ends 18.6 pt (1.5 em) before the motto starts: still two columns.
    const lines = (await read(F08)).pages[0]!.text.split('\n');
    const at = (re: RegExp) => lines.findIndex((l) => re.test(l));
    const order = [/^UBND TỈNH BÌNH THUẬN$/, /^SỞ TƯ PHÁP$/, /^Số: 788\/STP-HCBT$/, /^V\/v trình hồ sơ/, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/, /Độc lập - Tự do - Hạnh phúc/, /^Bình Thuận, ngày 16 tháng 5 năm 2025$/].map(at);
    expect(order.every((i) => i >= 0), JSON.stringify(order)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

describe.skipIf(!have(F05))('05 (Đồng Tháp QĐ 337, 78 pages): annex tables', () => {
  let reading: PdfReading;
  beforeAll(async () => {
    reading = await read(F05);
  }, 60_000);

  it('gives pipe tables with the annex columns and one row per person', () => {
    const page3 = reading.pages[2]!.text.split('\n');
    const table = page3.filter((l) => l.startsWith('|'));
    expect(table.length).toBeGreaterThan(10);
    expect(table[1]).toMatch(/^\| ---( \| ---)+ \|$/);
    const width = table[0]!.split(' | ').length;
    expect(width).toBeGreaterThanOrEqual(4);
    for (const row of table) expect(row.split(' | ').length).toBe(width);
    // The wrapped cell "Phó Hiệu / trưởng" is joined in its own row.
    expect(table.some((r) => r.includes('Trần Thị Kim Anh') && r.includes('24/05/1973') && r.includes('Phó Hiệu trưởng'))).toBe(true);
    // Drawn rules separate the two number columns; the merged header cell keeps its words together.
    expect(table[0]).toMatch(/^\| TT \| TT \| Họ và tên \| Ngày\. tháng\. năm sinh \|/);
    expect(table.some((r) => r.startsWith('| 1 | 1 | Trần Thị Kim Anh |'))).toBe(true);
  });

  it('takes page 67 (only its page number, no image) for a blank page, not a scan to OCR', () => {
    const page = reading.pages[66]!;
    expect(page.hasTextLayer).toBe(false);
    expect(page.check.ok).toBe(true);
    expect(page.check.reason).toMatch(/^blank page/);
    expect(reading.pages.filter((p) => !p.check.ok)).toEqual([]);
  });

  it('drops the page numbers and says so', () => {
    expect(reading.pages[3]!.text.split('\n')[0]).not.toMatch(/^\d+$/);
    expect(reading.notes.some((n) => n.startsWith('đã bỏ') && n.includes('số trang'))).toBe(true);
  });
});

describe('text layer check', () => {
  const texts = [
    '01_hanoi_ubnd_qd_01_2025.pdf', '02_hanoi_ubnd_qd_35_2024.pdf', '03_hanoi_ubnd_qd_70_2024.pdf', '04_hanoi_hdnd_nq_11_2025.pdf',
    '05_dongthap_sgddt_qd_337_2026.pdf', '06_dongthap_sgddt_kh_362_2026.pdf', '07_binhthuan_ubnd_qd_779_2022.pdf', '08_binhthuan_stp_cv_788_2025.pdf',
  ].filter(have);

  it.each(texts)('%s passes on every page that has text', async (name) => {
    const reading = await read(name);
    for (const page of reading.pages.filter((p) => p.hasTextLayer)) {
      expect(page.check, `page ${page.n}`).toMatchObject({ ok: true });
    }
  }, 60_000);

  it.each(['09_lamdong_ubnd_gm_560_2025_badocr.pdf', '10_lamdong_cat_ttr_298_2025_badocr.pdf'].filter(have))(
    '%s has a text layer that fails (not Vietnamese text) and is left out of the text',
    async (name) => {
      const reading = await read(name);
      expect(reading.pages[0]!.hasTextLayer).toBe(true);
      expect(reading.pages[0]!.check.ok).toBe(false);
      expect(reading.text).toBe('');
      expect(reading.notes[0]).toMatch(/^trang 1: lớp chữ không phải tiếng Việt/);
    },
  );

  it.each(['11_hanoi_hdnd_nq_12_2025_scan.pdf', '12_bgddt_cv_1849_2026_scan.pdf', '13_bca_cv_3980_2025_scan.pdf', '14_dhct_hcm_kh_753_2026_scan.pdf'].filter(have))(
    '%s (a scan) has no text layer on any page',
    async (name) => {
      const reading = await read(name);
      expect(reading.pages.length).toBe(reading.pageCount);
      for (const page of reading.pages) {
        expect(page.hasTextLayer).toBe(false);
        expect(page.check.ok).toBe(false);
        expect(page.check.reason).toMatch(/over an image covering \d+% of the page: a scan/);
      }
      expect(reading.text).toBe('');
    },
  );

  it('judges text, not its source: plain ASCII Vietnamese fails, real Vietnamese passes', () => {
    const ascii = 'UY BAN NHAN DAN TINH LAM DONG CONG HOA XA HOI CHU NGHIA VIET NAM Doc lap Tu do Hanh phuc so giay moi';
    expect(textLayerCheck(ascii).ok).toBe(false);
    const real = 'ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập Tự do Hạnh phúc giấy mời họp';
    expect(textLayerCheck(real).ok).toBe(true);
  });
});

describe('joinPages', () => {
  it('splices pages in page order, a blank line between them', () => {
    expect(joinPages([{ n: 2, text: 'hai' }, { n: 1, text: 'một\n' }, { n: 3, text: '' }])).toBe('một\n\nhai');
  });
});

describe.skipIf(!have(F01))('bad files', () => {
  it('a truncated PDF is corrupt', async () => {
    const bytes = source(F01)!;
    expect(await problemOf(bytes.slice(0, Math.floor(bytes.length / 2)), 'cut.pdf')).toBe('corrupt');
  });

  it('a PDF with broken inner structure is corrupt, not a crash', async () => {
    const bytes = source(F01)!.slice();
    // Overwrite the middle of the file (objects, xref) with zeros, keeping the envelope.
    bytes.fill(0, 1024, bytes.length - 1024);
    expect(['corrupt']).toContain(await problemOf(bytes, 'zeroed.pdf'));
  });

  it('a file that is not a PDF is not what it says', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('word/document.xml')]);
    expect(await problemOf(zip, 'renamed.pdf')).toBe('not-what-it-says');
    expect(await problemOf(new TextEncoder().encode('<!DOCTYPE html><html></html>'), 'page.pdf')).toBe('not-what-it-says');
  });

  it('an encrypted PDF (a user password is needed) is encrypted', async () => {
    expect(await problemOf(encryptedPdf(), 'locked.pdf')).toBe('encrypted');
  });

  it('a PDF with more pages than the limit is too large, before any page is read', async () => {
    expect(await problemOf(manyPagesPdf(1001), 'huge.pdf')).toBe('too-large');
  });
});

/** A minimal PDF with an xref table at the right offsets. */
function pdfOf(objects: string[], trailer: string): Uint8Array {
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((obj, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${obj}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) body += `${String(o).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} ${trailer} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

/** Standard security handler whose /U entry matches no empty password: a password is required. */
function encryptedPdf(): Uint8Array {
  const hex32 = (seed: number) => Array.from({ length: 32 }, (_, i) => ((i * 37 + seed) % 256).toString(16).padStart(2, '0')).join('');
  return pdfOf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
      `<< /Filter /Standard /V 1 /R 2 /O <${hex32(11)}> /U <${hex32(99)}> /P -44 >>`,
    ],
    `/Root 1 0 R /Encrypt 4 0 R /ID [<${hex32(5).slice(0, 32)}> <${hex32(5).slice(0, 32)}>]`,
  );
}

function manyPagesPdf(count: number): Uint8Array {
  const kids = Array.from({ length: count }, (_, i) => `${i + 3} 0 R`).join(' ');
  const pages = Array.from({ length: count }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>');
  return pdfOf(['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${count} >>`, ...pages], '/Root 1 0 R');
}

describe('same identity from the PDF and from the corpus text of the same document', () => {
  const pairs = [
    ['01_hanoi_ubnd_qd_01_2025.pdf', '118_hanoi_vanbangoc_qd_01_2025_llm_md.txt'],
    ['02_hanoi_ubnd_qd_35_2024.pdf', '082_hanoi_35_2024_pdftext.txt'],
    ['03_hanoi_ubnd_qd_70_2024.pdf', '086_hanoi_vanbangoc_70_2024_pdftext.txt'],
    ['04_hanoi_hdnd_nq_11_2025.pdf', '083_hanoi_nqso11_2025_pdftext.txt'],
  ].filter(([pdf, txt]) => have(pdf!) && existsSync(join(SOURCES, txt!)));

  const identity = (file: string, bytes: Uint8Array) => {
    const { meta } = readDocument({ file, bytes, catalog: undefined, corrections: [] });
    return { type: meta.type.value, number: meta.numberSymbol.value, date: meta.date.value, issuer: meta.issuer.value?.name ?? null, title: meta.title.value };
  };

  it.each(pairs)('%s reads as %s does', async (pdf, txt) => {
    const fromPdf = identity(pdf!.replace(/\.pdf$/, '.txt'), new TextEncoder().encode((await read(pdf!)).text));
    const fromTxt = identity(txt!, new Uint8Array(readFileSync(join(SOURCES, txt!))));
    expect(fromPdf.type).not.toBeNull();
    expect(fromPdf.issuer).not.toBeNull();
    expect(fromPdf.title).not.toBeNull();
    // Every fact the text version has, the PDF gives the same. The text versions of 02 and 03
    // were extracted without the stamped number and date, which the PDF reading has.
    for (const key of ['type', 'number', 'date', 'issuer', 'title'] as const) {
      if (fromTxt[key] !== null) expect(fromPdf[key], key).toBe(fromTxt[key]);
    }
  }, 60_000);

  it('01 and 04 give all five facts from the PDF', async () => {
    for (const [pdf, number, date] of [
      ['01_hanoi_ubnd_qd_01_2025.pdf', '01/2025/QĐ-UBND', '2025-01-15'],
      ['04_hanoi_hdnd_nq_11_2025.pdf', '11/2025/NQ-HĐND', '2025-06-27'],
    ] as const) {
      if (!have(pdf)) continue;
      const id = identity(pdf.replace(/\.pdf$/, '.txt'), new TextEncoder().encode((await read(pdf)).text));
      expect(id.number).toBe(number);
      expect(id.date).toBe(date);
    }
  });
});
