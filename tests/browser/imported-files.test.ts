/**
 * Issue 15, files as offices keep them (docs/decisions/1505-original-files-on-the-site.md),
 * on the global setup's build of the shipped archive:
 * - QĐ 01/2025/QĐ-UBND, imported from its PDF (01_hanoi_ubnd_qd_01_2025.pdf),
 *   shows its official header in two columns (ADR 1402), its annex tables as
 *   tables, says its text was read from the PDF's text layer, and offers the
 *   PDF itself, byte for byte, over http and from the USB edition (file://);
 * - every document imported from a PDF, DOCX or DOC carries its own file,
 *   untouched, in both editions, and its page says how it was read;
 * - a text read by OCR warns, on a phone without opening anything, and links
 *   to its quality page; the warning is printed with the text;
 * - axe finds nothing serious on those pages, on a phone and a wide screen.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { defaultUsbDir } from '../../scripts/build/pipeline.ts';
import { formatSize } from '../../src/lib/downloads.ts';
import { readDocumentsJson, useSite, type DocumentRecord } from '../support/site.ts';

const site = useSite();
const contentDir = inject('contentDir');
const usbDir = defaultUsbDir(site.distDir);
const usbUrl = `${pathToFileURL(usbDir).href}/`;

type DocRecord = DocumentRecord;
const documents = readDocumentsJson(site.distDir);
const imported = documents.filter((d) => /\.(pdf|docx|doc)$/i.test(d.source_file));

const QD01_FILE = '01_hanoi_ubnd_qd_01_2025.pdf';
function qd01(): DocRecord {
  const doc = documents.find((d) => d.source_file === QD01_FILE);
  if (!doc) throw new Error(`no published document was read from ${QD01_FILE} (content/sources must hold it)`);
  return doc;
}
const sourceBytes = (file: string) => readFileSync(join(contentDir, 'sources', file));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** The original beside a document page, in a built folder. */
const publishedFile = (root: string, d: DocRecord) => join(root, ...d.url.split('/').filter(Boolean), `van-ban-goc${extname(d.source_file).toLowerCase()}`);

const PHONE = { width: 360, height: 740 };
const WIDE = { width: 1280, height: 800 };

async function openAt(path: string, viewport: { width: number; height: number }) {
  const opened = await site.open(path);
  await opened.page.setViewportSize(viewport);
  // Loaded again at that size: the metadata panel folds on load, on phones only.
  await opened.page.reload({ waitUntil: 'load' });
  return opened;
}

type Box = { x: number; y: number; width: number; height: number };
async function box(locator: Locator): Promise<Box> {
  const b = await locator.boundingBox();
  if (!b) throw new Error('element not rendered');
  return b;
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`));
}

/** The method a page says its text was read by (MetadataPanel's data-reading). */
const readingOf = (page: Page) => page.locator('.meta-panel dd[data-reading]').getAttribute('data-reading');

describe('QĐ 01/2025/QĐ-UBND, imported from its PDF', () => {
  it('is published under its own identity', () => {
    expect(qd01().number_symbol).toBe('01/2025/QĐ-UBND');
  });

  it('shows its official header in two columns: issuer and number left, motto and date right, type centred below', async () => {
    const { page, problemList } = await openAt(qd01().url, WIDE);
    const header = page.locator('#dau-van-ban');
    const left = header.locator('.source-header__left');
    const right = header.locator('.source-header__right');
    const centre = header.locator('.source-header__centre');
    await expect(left.innerText()).resolves.toMatch(/ỦY BAN NHÂN DÂN[\s\S]*Số:/);
    await expect(right.innerText()).resolves.toMatch(/CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM[\s\S]*Độc lập - Tự do - Hạnh phúc[\s\S]*Hà Nội, ngày 15 tháng 01 năm 2025/);
    await expect(centre.innerText()).resolves.toMatch(/^QUYẾT ĐỊNH/);
    const [l, r, c] = [await box(left), await box(right), await box(centre)];
    // Side by side: the left column ends before the right one starts, and they share the same band.
    expect(l.x + l.width).toBeLessThanOrEqual(r.x + 1);
    expect(l.y).toBeLessThan(r.y + r.height);
    expect(r.y).toBeLessThan(l.y + l.height);
    // The type and title below both columns.
    expect(c.y).toBeGreaterThanOrEqual(Math.max(l.y + l.height, r.y + r.height) - 1);
    expect(problemList()).toEqual([]);
  });

  it('on a phone, the columns stack: issuer first, then the motto', async () => {
    const { page } = await openAt(qd01().url, PHONE);
    const l = await box(page.locator('#dau-van-ban .source-header__left'));
    const r = await box(page.locator('#dau-van-ban .source-header__right'));
    expect(r.y).toBeGreaterThanOrEqual(l.y + l.height - 1);
    // Nothing wider than the screen.
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(PHONE.width);
  });

  it('shows its annex tables as tables: rows of cells, a building type beside its prices', async () => {
    const { page } = await openAt(qd01().url, WIDE);
    const tables = page.locator('.doc__body table');
    expect(await tables.count()).toBeGreaterThan(0);
    const rows = await tables.evaluateAll((ts) =>
      ts.flatMap((t) => [...(t as HTMLTableElement).rows].map((row) => [...row.cells].map((cell) => cell.innerText.replace(/\s+/g, ' ').trim()))),
    );
    expect(rows.length).toBeGreaterThan(10);
    // A row naming a kind of house ("Nhà 1 tầng, …" or "- Nhà có khu phụ") holds prices (đồng/m²) in other cells of that row.
    const priced = rows.filter((cells) => cells.some((c) => /(^|[\s-])Nhà[\s,]/.test(c)) && cells.filter((c) => /^\d{1,3}(\.\d{3})+$/.test(c)).length >= 1);
    expect(priced.length).toBeGreaterThan(3);
  });

  it('says it was read from the text layer of the original PDF', async () => {
    const { page } = await openAt(qd01().url, WIDE);
    await expect(readingOf(page)).resolves.toBe('pdf-text');
    await expect(page.locator('.meta-panel dd[data-reading]').innerText()).resolves.toBe('Văn bản được đọc từ tệp PDF gốc (lớp chữ của tệp).');
    const source = await page.locator('.doc__source').innerText();
    expect(source).toContain(QD01_FILE);
    expect(source).toContain('lớp chữ của tệp');
    // Not OCR: no warning.
    await expect(page.locator('.reading-ocr').count()).resolves.toBe(0);
  });

  it('offers the PDF itself over http: kind, pages and size in the link; the download is the source file, byte for byte', async () => {
    const original = sourceBytes(QD01_FILE);
    const { page, problemList } = await openAt(qd01().url, WIDE);
    const link = page.locator('a[data-download="source"]');
    await expect(link.innerText()).resolves.toMatch(new RegExp(`^Tải tệp gốc \\(PDF, \\d+ trang, ${formatSize(original.length).replace(/[.,]/g, '\\$&')}\\)$`));
    await expect(link.getAttribute('type')).resolves.toBe('application/pdf');
    const href = await link.evaluate((a) => (a as HTMLAnchorElement).href);
    expect(new URL(href).pathname).toBe(`${qd01().url}van-ban-goc.pdf`);
    const response = await page.request.get(href);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect(sha256(await response.body())).toBe(sha256(original));
    // A click downloads it, named after the page.
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(`${qd01().url.split('/').filter(Boolean).pop()}.pdf`);
    expect(sha256(readFileSync(await download.path()))).toBe(sha256(original));
    expect(problemList()).toEqual([]);
  });

  it('offers it from the USB edition (file://) too: a relative link to the file beside the page, which opens', async () => {
    const original = sourceBytes(QD01_FILE);
    const { page } = await site.open('/');
    await page.goto(`${usbUrl}${qd01().url.replace(/^\//, '')}index.html`, { waitUntil: 'load' });
    const link = page.locator('a[data-download="source"]');
    await expect(link.getAttribute('href')).resolves.toBe('van-ban-goc.pdf');
    const target = await link.evaluate((a) => (a as HTMLAnchorElement).href);
    expect(target.startsWith('file://')).toBe(true);
    expect(sha256(readFileSync(fileURLToPath(target)))).toBe(sha256(original));
    // From file:// Chromium ignores `download` and opens the PDF in its viewer (which saves it).
    const [response] = await Promise.all([page.waitForResponse(target), link.click()]);
    expect(response.status()).toBe(200);
    await page.waitForURL(target);
    await expect(page.evaluate(() => document.contentType)).resolves.toBe('application/pdf');
  });
});

describe('every document imported from a PDF, DOCX or DOC', () => {
  it('there are some, QĐ 01/2025 among them', () => {
    expect(imported.map((d) => d.source_file)).toContain(QD01_FILE);
  });

  it('carries its own file beside its page, untouched, in the web build and the USB edition', () => {
    for (const d of imported) {
      const original = sha256(sourceBytes(d.source_file));
      expect(sha256(readFileSync(publishedFile(site.distDir, d))), d.url).toBe(original);
      expect(sha256(readFileSync(publishedFile(usbDir, d))), d.url).toBe(original);
    }
  });

  it('says how its text was read, matching the kind of file', async () => {
    const expected: Record<string, RegExp> = { '.pdf': /^(pdf-text|ocr|pdf-text\+ocr)$/, '.docx': /^docx$/, '.doc': /^doc$/ };
    for (const d of imported) {
      const { page } = await site.open(d.url);
      expect(await readingOf(page), d.url).toMatch(expected[extname(d.source_file).toLowerCase()]!);
      await expect(page.locator('a[data-download="source"]').innerText(), d.url).resolves.toMatch(/^Tải tệp gốc \((PDF|Word, DOCX|Word 97–2003, DOC), /);
      await page.context().close();
    }
  });
});

/** The first published document (in URL order) whose built page says it was read by OCR. */
async function ocrDocument(): Promise<DocRecord> {
  const pageHtml = (d: DocRecord) => readFileSync(join(site.distDir, ...d.url.split('/').filter(Boolean), 'index.html'), 'utf8');
  const found = [...imported].sort((a, b) => (a.url < b.url ? -1 : 1)).find((d) => /data-reading="(ocr|pdf-text\+ocr)"/.test(pageHtml(d)));
  if (!found) throw new Error('no published document was read by OCR (the scans in content/sources need tesseract with vie)');
  return found;
}

describe('a text read by OCR', () => {
  it('warns on a phone before the folded metadata, names engine and confidence, and links to its quality page', async () => {
    const d = await ocrDocument();
    const { page, problemList } = await openAt(d.url, PHONE);
    const warning = page.locator('.reading-ocr');
    await expect(warning.isVisible()).resolves.toBe(true);
    // The metadata is folded on a phone; the warning is not inside the fold.
    await expect(page.locator('.meta-panel__fold').evaluate((el) => (el as HTMLDetailsElement).open)).resolves.toBe(false);
    await expect(warning.innerText()).resolves.toMatch(/OCR[\s\S]*có thể sai/);
    const dd = await page.locator('.meta-panel dd[data-reading]').textContent();
    expect(dd).toMatch(/nhận dạng ký tự \(OCR\)[\s\S]*Tesseract[\s\S]*độ tin cậy trung bình \d{1,3}%[\s\S]*trang \d/);
    const quality = await warning.locator('a').evaluate((a) => (a as HTMLAnchorElement).href);
    expect(new URL(quality).pathname).toMatch(/^\/chat-luong-du-lieu\/[a-z0-9-]+\/$/);
    const response = await page.request.get(quality);
    expect(response.status()).toBe(200);
    expect((await response.text()).includes(d.source_file), `the quality page names ${d.source_file}`).toBe(true);
    // Nothing wider than the screen (the long engine name wraps).
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(PHONE.width);
    expect(problemList()).toEqual([]);
  });

  it('keeps the OCR note on paper, under the text', async () => {
    const d = await ocrDocument();
    const { page } = await openAt(d.url, WIDE);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.doc__source--ocr').isVisible()).resolves.toBe(true);
    await expect(page.locator('.doc__source--ocr').innerText()).resolves.toContain('OCR');
    await expect(page.locator('.reading-ocr').isVisible()).resolves.toBe(false);
    // A text not read by OCR prints no source line (ADR 1402's print view, unchanged).
    const { page: other } = await openAt(qd01().url, WIDE);
    await other.emulateMedia({ media: 'print' });
    await expect(other.locator('.doc__source').isVisible()).resolves.toBe(false);
  });
});

describe('axe: no serious or critical violation', () => {
  for (const viewport of [PHONE, WIDE]) {
    it(`QĐ 01/2025 and a document read by OCR, at ${viewport.width}px`, async () => {
      for (const d of [qd01(), await ocrDocument()]) {
        const { page } = await openAt(d.url, viewport);
        expect(await seriousViolations(page), d.url).toEqual([]);
        await page.context().close();
      }
    });
  }
});
