/**
 * Issue 14, "take it away" (docs/decisions/1403-take-it-away.md), on the
 * global setup's build of the shipped archive:
 * - every document page offers its source text as received, byte for byte,
 *   over http and from the USB edition (file://);
 * - the USB edition's zip is published in the web build and linked from the
 *   home page and /doc-offline/; the USB copy says it is already offline;
 * - /tham-chieu/ pages of state documents not in the archive link to a
 *   vbpl.vn search for their number, marked external;
 * - a build without a public address ends with a warning.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { defaultUsbDir, usbZipOf } from '../../scripts/build/pipeline.ts';
import { readPublicAddress } from '../../scripts/build/site-config.ts';
import { PUBLISHED_ZIP_PATH } from '../../scripts/usb/published-zip.ts';
import { readDocumentsJson, useSite } from '../support/site.ts';

const site = useSite();
const contentDir = inject('contentDir');
const usbDir = defaultUsbDir(site.distDir);
const usbUrl = `${pathToFileURL(usbDir).href}/`;

const documents = readDocumentsJson(site.distDir);
const doc205 = documents.find((d) => d.source_file === '002_69de05d7962fd3a5.txt')!;
const source205 = readFileSync(join(contentDir, 'sources', '002_69de05d7962fd3a5.txt'));

describe('the source text as received', () => {
  it('205/NQ-HĐND: the page links it, and over http it is the exact bytes of its source file', async () => {
    expect(doc205.number_symbol).toBe('205/NQ-HĐND');
    const { page, problemList } = await site.open(doc205.url);
    const link = page.locator('a[data-download="source"]');
    await expect(link.innerText()).resolves.toBe('Tải văn bản gốc (.txt)');
    const href = await link.evaluate((a) => (a as HTMLAnchorElement).href);
    const response = await page.request.get(href);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^text\/plain/);
    expect(Buffer.compare(await response.body(), source205)).toBe(0);
    expect(problemList()).toEqual([]);
  });

  it('every document of the build carries its own source file, untouched', () => {
    expect(documents.length).toBeGreaterThan(100);
    for (const d of documents) {
      // The original as received, whatever its format (ADR 1505): van-ban-goc.txt, .pdf, .docx, .doc.
      const published = join(site.distDir, ...d.url.split('/').filter(Boolean), `van-ban-goc${extname(d.source_file).toLowerCase()}`);
      const original = readFileSync(join(contentDir, 'sources', d.source_file));
      expect(Buffer.compare(readFileSync(published), original), d.url).toBe(0);
    }
  });

  it('the USB edition links it relatively, and the file it opens from file:// is the source', async () => {
    const { page } = await site.open('/');
    const fileUrl = `${usbUrl}${doc205.url.replace(/^\//, '')}index.html`;
    await page.goto(fileUrl, { waitUntil: 'load' });
    const link = page.locator('a[data-download="source"]');
    await expect(link.getAttribute('href')).resolves.toBe('van-ban-goc.txt');
    const target = await link.evaluate((a) => (a as HTMLAnchorElement).href);
    expect(target.startsWith('file://')).toBe(true);
    expect(Buffer.compare(readFileSync(fileURLToPath(target)), source205)).toBe(0);
    // And the browser opens it from the stick (no server).
    await page.goto(target);
    await expect(page.evaluate(() => document.body.innerText.length)).resolves.toBeGreaterThan(1000);
  });
});

describe('the PDF (optional stage, off by default)', () => {
  it('a page links its PDF exactly when the build made one', async () => {
    const pdfs = documents.filter((d) => existsSync(join(site.distDir, ...d.url.split('/').filter(Boolean), 'van-ban.pdf')));
    // All or none: the stage prints every document page.
    expect([0, documents.length]).toContain(pdfs.length);
    const { page } = await site.open(doc205.url);
    await expect(page.locator('a[data-download="pdf"]').count()).resolves.toBe(pdfs.length > 0 ? 1 : 0);
    // Without it, the page says how to print.
    await expect(page.locator('.downloads').innerText()).resolves.toContain('Ctrl');
  });
});

describe('the USB zip', () => {
  for (const path of ['/', '/doc-offline/']) {
    it(`is linked from ${path} and downloads (HTTP 200, a zip, the build's own)`, async () => {
      const { page, problemList } = await site.open(path);
      const links = page.locator(`main a[href$="${PUBLISHED_ZIP_PATH}"]`);
      await expect(links.count()).resolves.toBe(1);
      const href = await links.first().evaluate((a) => (a as HTMLAnchorElement).href);
      const response = await page.request.get(href);
      expect(response.status()).toBe(200);
      const body = await response.body();
      expect(body.subarray(0, 2).toString('latin1')).toBe('PK');
      expect(Buffer.compare(body, readFileSync(usbZipOf(usbDir)))).toBe(0);
      expect(problemList()).toEqual([]);
    });
  }

  it('the USB edition holds no copy of itself and says it is already offline', async () => {
    expect(existsSync(join(usbDir, ...PUBLISHED_ZIP_PATH.split('/')))).toBe(false);
    const { page } = await site.open('/');
    for (const file of ['index.html', 'doc-offline/index.html']) {
      await page.goto(`${usbUrl}${file}`, { waitUntil: 'load' });
      await expect(page.locator('a[href$=".zip"]').count()).resolves.toBe(0);
      await expect(page.locator('main .usb-offline-note').innerText()).resolves.toMatch(/bản sao (đọc )?không cần mạng/);
    }
  });
});

describe('cited documents not in the archive: vbpl.vn', () => {
  const graph = JSON.parse(readFileSync(join(site.distDir, 'data', 'citations.json'), 'utf8')) as {
    cited: Array<{ url: string; numberSymbol: string | null; targetId: string | null; issuer: { branch: 'party' | 'state' } | null }>;
  };
  const missing = graph.cited.filter((c) => c.targetId === null && c.numberSymbol);
  const state = missing.find((c) => c.issuer?.branch === 'state')!;
  const party = missing.find((c) => c.issuer?.branch === 'party')!;

  it(`a state document (${state.numberSymbol}) links to a vbpl.vn search for its number, marked external`, async () => {
    const { page, problemList } = await site.open(state.url);
    const link = page.locator('main a[href^="https://vbpl.vn/"]');
    await expect(link.count()).resolves.toBe(1);
    await expect(link.innerText()).resolves.toContain('Cơ sở dữ liệu quốc gia về văn bản pháp luật (vbpl.vn)');
    const rel = (await link.getAttribute('rel'))!.split(/\s+/);
    expect(rel).toEqual(expect.arrayContaining(['external', 'noopener']));
    expect(new URL((await link.getAttribute('href'))!).searchParams.get('Keyword')).toBe(state.numberSymbol);
    await expect(page.locator('main .cited-external').innerText()).resolves.toMatch(/trang ngoài, cần kết nối Internet/);
    expect(problemList()).toEqual([]);
  });

  it(`a party document (${party.numberSymbol}) has no vbpl.vn link (the database holds state documents)`, async () => {
    const { page } = await site.open(party.url);
    await expect(page.locator('main h1').count()).resolves.toBe(1);
    await expect(page.locator('a[href*="vbpl.vn"]').count()).resolves.toBe(0);
  });
});

describe('the public address', () => {
  // The global setup writes its build log beside the temporary dist (tests/support/global-setup.ts).
  const logFile = join(dirname(site.distDir), 'build.log');
  it.skipIf(!existsSync(logFile))('a build without one ends with a warning; with one, names it', () => {
    const lines = readFileSync(logFile, 'utf8').trimEnd().split('\n');
    const tail = lines.slice(-3).join('\n');
    if (readPublicAddress(contentDir).url === null) expect(tail).toContain('chưa đặt địa chỉ công khai');
    else expect(tail).not.toContain('chưa đặt địa chỉ công khai');
  });
});
