/**
 * Legal status on the pages, end to end (issue 13, ADR 1302). A copy of
 * content/ gets two documents, made from the real HĐND tỉnh Gia Lai
 * resolution 60/2017 (content/sources/060_..., itself a repeal: "Điều 1. Bãi
 * bỏ Nghị quyết số 43/2012/NQ-HĐND ...") with a new number and date:
 * - A repeals a whole archive document of HĐND tỉnh Gia Lai (the one whose
 *   number and date the shipped build's documents.json knows);
 * - B repeals one khoản of an archive document of another province's HĐND.
 * Built once into a temporary site (and its USB edition). The shipped
 * archive of the global setup is the same content without A and B: there the
 * marks must be absent.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { allProblems, launchBrowser, watchPage } from '../support/browser.ts';
import { PROJECT_ROOT } from '../support/paths.ts';
import { useSite } from '../support/site.ts';
import { useTempSite } from '../support/temp-site.ts';

interface DocRecord {
  id: string;
  url: string;
  number_symbol: string | null;
  date: string | null;
  issuer: string | null;
  province: string | null;
  title: string | null;
  provisional: boolean;
}

const shippedDist = inject('distDir');
const shipped = JSON.parse(readFileSync(join(shippedDist, 'data', 'documents.json'), 'utf8')) as DocRecord[];
const known = (d: DocRecord) => !d.provisional && d.number_symbol !== null && d.date !== null && d.title !== null;
const byId = (a: DocRecord, b: DocRecord) => (a.id < b.id ? -1 : 1);

// A's target: an HĐND tỉnh Gia Lai document with its own number and date.
const target = shipped.filter((d) => d.issuer === 'HĐND tỉnh Gia Lai' && known(d)).sort(byId)[0];
// B's target: another province's HĐND resolution with a numbered khoản (read from its built page).
const khoanOf = (d: DocRecord) => /<section[^>]*\sid="(dieu-(\d+)\.(\d+))"/.exec(readFileSync(join(shippedDist, d.url, 'index.html'), 'utf8'));
const partTarget = shipped
  .filter((d) => d.issuer?.startsWith('HĐND tỉnh ') && d.issuer !== 'HĐND tỉnh Gia Lai' && d.province && known(d) && /NQ-HĐND/.test(d.number_symbol!))
  .sort(byId)
  .find((d) => khoanOf(d) !== null);

const dmy = (iso: string) => iso.split('-').reverse().map((x, i) => (i < 2 ? String(Number(x)) : x)).join('/');
const lowerFirst = (s: string) => s.toLocaleLowerCase('vi');

/** A new resolution in the form of the real 060 text: new header, title, Điều 1 and closing. */
function repealing(opts: { province: string; number: string; year: number; title: string; article1: string }): string {
  const src = readFileSync(join(PROJECT_ROOT, 'content', 'sources', '060_gialai_hdnd_61_2017_nq_hdnd.txt'), 'utf8');
  const upper = opts.province.toLocaleUpperCase('vi');
  const header = ['HỘI ĐỒNG NHÂN DÂN', `TỈNH ${upper}`, '-------', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', '---------------', `Số: ${opts.number}`, `${opts.province}, ngày 12 tháng 7 năm ${opts.year}`].join('\n');
  const lines = src.split('\n');
  const at = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix));
  const title = at('VIỆC BÃI BỎ');
  const enacting = at('HỘI ĐỒNG NHÂN DÂN TỈNH GIA LAI');
  const article1 = at('Điều 1.');
  const article2 = at('Điều 2.');
  if ([title, enacting, article1, article2].includes(-1)) throw new Error('060_gialai_hdnd_61_2017_nq_hdnd.txt no longer has the expected lines');
  const out = [
    header,
    ...lines.slice(1, title),
    opts.title.toLocaleUpperCase('vi'),
    `HỘI ĐỒNG NHÂN DÂN TỈNH ${upper}`,
    'KHÓA XI, KỲ HỌP THỨ SÁU',
    ...lines.slice(enacting + 2, article1),
    `Điều 1. ${opts.article1}`,
    ...lines.slice(article2),
  ].join('\n');
  const closing = /Hội đồng nhân\s+dân tỉnh khóa XI, Kỳ họp thứ Ba thông qua ngày 13 tháng 7 năm 2017 và có hiệu\s+lực từ ngày 23 tháng 7 năm 2017/;
  if (!closing.test(out)) throw new Error('060_gialai_hdnd_61_2017_nq_hdnd.txt no longer has the expected closing sentence');
  return out.replace(closing, `Hội đồng nhân dân tỉnh khóa XI, Kỳ họp thứ Sáu thông qua ngày 12 tháng 7 năm ${opts.year} và có hiệu lực từ ngày 22 tháng 7 năm ${opts.year}`);
}

if (!target || !partTarget) throw new Error('the shipped archive has no HĐND tỉnh Gia Lai document with a known number and date, or no other HĐND resolution with a khoản');
// New numbers that no archive document has.
for (const n of ['77/', '78/']) if (shipped.some((d) => d.number_symbol?.startsWith(n) && d.number_symbol.endsWith('/NQ-HĐND'))) throw new Error(`pick another number than ${n}`);
const yearA = Number(target.date!.slice(0, 4)) + 1;
const numberA = `77/${yearA}/NQ-HĐND`;
const citedA = `Nghị quyết số ${target.number_symbol} ngày ${dmy(target.date!)}`;
const docA = repealing({
  province: 'Gia Lai',
  number: numberA,
  year: yearA,
  title: `Việc bãi bỏ ${citedA}`,
  article1: `Bãi bỏ ${citedA} của Hội đồng nhân dân tỉnh Gia Lai ${lowerFirst(target.title!)}.`,
});
const [, khoanId, dieu, khoan] = khoanOf(partTarget)!;
const yearB = Number(partTarget.date!.slice(0, 4)) + 1;
const numberB = `78/${yearB}/NQ-HĐND`;
const citedB = `Nghị quyết số ${partTarget.number_symbol} ngày ${dmy(partTarget.date!)}`;
const docB = repealing({
  province: partTarget.province!,
  number: numberB,
  year: yearB,
  title: `Việc bãi bỏ khoản ${khoan} Điều ${dieu} ${citedB}`,
  article1: `Bãi bỏ khoản ${khoan} Điều ${dieu} ${citedB} của Hội đồng nhân dân tỉnh ${partTarget.province}.`,
});

const site = useTempSite((content) => {
  content.write('sources/900_status_bai_bo_toan_bo.txt', docA);
  content.write('sources/901_status_bai_bo_mot_khoan.txt', docB);
});
const shippedSite = useSite();

/** The added documents as the temporary build's documents.json lists them. */
function added(number: string): DocRecord {
  const docs = JSON.parse(readFileSync(join(site.distDir, 'data', 'documents.json'), 'utf8')) as DocRecord[];
  const d = docs.find((x) => x.number_symbol === number);
  if (!d) throw new Error(`the added document ${number} was not published (held back? see the build log)`);
  return d;
}

const targetId = (page: Page) => page.evaluate(() => document.querySelector(':target')?.id ?? null);
const text = async (page: Page, selector: string) => (await page.locator(selector).innerText()).normalize('NFC');
const SCOPE = 'Tình trạng chỉ phản ánh các văn bản có trong kho lưu trữ này.';

describe('a document that repeals another archive document', () => {
  it('marks the repealed document as repealed, linking to the repealing provision', async () => {
    const a = added(numberA);
    const { page, response, problemList } = await site.open(target.url);
    expect(response?.status()).toBe(200);
    const box = page.locator('.status-box');
    await expect(box.count()).resolves.toBe(1);
    await expect(box.getAttribute('data-status')).resolves.toBe('repealed');
    const said = await text(page, '.status-box');
    expect(said).toContain('Đã bị bãi bỏ');
    expect(said).toContain(numberA);
    expect(said).toContain(SCOPE);
    // The box comes right after the title, before the metadata and the text.
    await expect(page.locator('.doc__header + .doc-layout > .status-box:first-child').count()).resolves.toBe(1);

    const by = box.locator(`a[href="${a.url}#dieu-1"]`);
    await expect(by.count()).resolves.toBe(1);
    expect((await by.innerText()).normalize('NFC')).toContain('Điều 1');

    // "Văn bản liên quan": under "Bị bãi bỏ bởi", the new document and its Điều 1.
    const group = page.locator('.related__group--in-repeals');
    await expect(group.locator(`a[href="${a.url}"]`).count()).resolves.toBe(1);
    await expect(group.locator(`a[href="${a.url}#dieu-1"]`).count()).resolves.toBe(1);

    // Search can filter on it.
    const tags = page.locator('[data-pagefind-filter*="tinh-trang"]');
    await expect(tags.getAttribute('data-tinh-trang')).resolves.toBe('Đã bị bãi bỏ');

    await Promise.all([page.waitForURL((u) => u.pathname === a.url && u.hash === '#dieu-1'), by.click()]);
    await expect(targetId(page)).resolves.toBe('dieu-1');
    // The repealing document says what it repeals.
    const repeals = page.locator('.related__group--out-repeals');
    await expect(repeals.locator(`a[href="${target.url}"]`).count()).resolves.toBe(1);
    expect(problemList()).toEqual([]);
  });

  it('the cited-document page of the repealed document says "Bị bãi bỏ bởi"', async () => {
    const a = added(numberA);
    const graph = JSON.parse(readFileSync(join(site.distDir, 'data', 'citations.json'), 'utf8')) as { citations: Array<{ from: string; targetId: string | null; citedKey: string }> };
    const key = graph.citations.find((c) => c.from === a.id && c.targetId === target.id)?.citedKey;
    expect(key).toBeTruthy();
    const { page, response, problemList } = await site.open(`/tham-chieu/${key}/`);
    expect(response?.status()).toBe(200);
    const said = await text(page, '.cited-changes');
    expect(said).toContain('Bị bãi bỏ bởi');
    expect(said).toContain(numberA);
    await expect(page.locator(`.cited-changes a[href="${a.url}#dieu-1"]`).count()).resolves.toBe(1);
    expect(problemList()).toEqual([]);
  });

  it('a repealed khoản carries a note linking to the repealing provision; the document is repealed in part', async () => {
    const b = added(numberB);
    const { page, problemList } = await site.open(partTarget.url);
    await expect(page.locator('.status-box').getAttribute('data-status')).resolves.toBe('partly-repealed');
    expect(await text(page, '.status-box')).toContain('Bị bãi bỏ một phần');
    const note = page.locator(`[id="${khoanId}"] > .status-note`);
    await expect(note.count()).resolves.toBe(1);
    await expect(note.getAttribute('data-pagefind-ignore')).resolves.toBe('all');
    expect((await note.innerText()).normalize('NFC')).toContain('Khoản này đã bị bãi bỏ bởi');
    await expect(note.locator(`a[href="${b.url}#dieu-1"]`).count()).resolves.toBe(1);
    // Only that khoản is marked.
    await expect(page.locator('.status-note').count()).resolves.toBe(1);
    expect(problemList()).toEqual([]);
  });

  it('without the added documents (the shipped archive), the marks are gone', async () => {
    for (const [doc, number] of [[target, numberA], [partTarget, numberB]] as const) {
      const { page, response, problemList } = await shippedSite.open(doc.url);
      expect(response?.status()).toBe(200);
      const box = page.locator('.status-box');
      await expect(box.count()).resolves.toBe(1);
      expect(await box.getAttribute('data-status')).not.toMatch(/repealed/);
      const said = await text(page, '.status-box');
      expect(said).not.toContain(number);
      expect(said).toContain(SCOPE);
      await expect(page.locator('.status-note').count()).resolves.toBe(0);
      await expect(page.locator('.related__group--in-repeals').count()).resolves.toBe(0);
      expect(problemList()).toEqual([]);
    }
  });
});

describe('status box and related documents without JavaScript, over file://, and for axe', () => {
  it('are in the HTML: present and readable with JavaScript disabled', async () => {
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({ locale: 'vi-VN', javaScriptEnabled: false });
      const page = await context.newPage();
      const problems = watchPage(page);
      await page.goto(new URL(target.url, `${site.url}/`).href, { waitUntil: 'load' });
      await expect(page.locator('.status-box').isVisible()).resolves.toBe(true);
      expect(await text(page, '.status-box')).toContain('Đã bị bãi bỏ');
      await expect(page.locator('section.related h2').isVisible()).resolves.toBe(true);
      await expect(page.locator('.related__group--in-repeals a').first().isVisible()).resolves.toBe(true);
      expect(allProblems(problems)).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  const temp = mkdtempSync(join(tmpdir(), 'archive-status-usb-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('work from file:// in the USB edition, and the link to the repealing provision opens it', async () => {
    const a = added(numberA);
    const copy = join(temp, 'Lưu trữ nghị quyết');
    cpSync(`${site.distDir}-usb`, copy, { recursive: true });
    const base = `${pathToFileURL(copy).href}/`;
    const browser = await launchBrowser();
    try {
      const page = await (await browser.newContext({ locale: 'vi-VN' })).newPage();
      const problems = watchPage(page);
      await page.goto(`${base}${target.url.replace(/^\//, '')}index.html`, { waitUntil: 'networkidle' });
      expect(await text(page, '.status-box')).toContain('Đã bị bãi bỏ');
      await expect(page.locator('section.related').count()).resolves.toBe(1);
      const by = page.locator('.status-box a.status-change__by');
      const wanted = `${base}${a.url.replace(/^\//, '')}index.html`;
      await Promise.all([page.waitForURL((u) => u.href.startsWith(wanted) && u.hash === '#dieu-1'), by.click()]);
      await expect(targetId(page)).resolves.toBe('dieu-1');
      // And back through "Văn bản này bãi bỏ".
      const back = page.locator('.related__group--out-repeals a.cite-link').first();
      await Promise.all([page.waitForURL((u) => u.href.startsWith(`${base}${target.url.replace(/^\//, '')}`)), back.click()]);
      await expect(page.locator('.status-box').count()).resolves.toBe(1);
      expect(allProblems(problems)).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('axe finds no serious or critical violation on pages with a status box, related documents and a provision note', async () => {
    for (const url of [target.url, partTarget.url, added(numberA).url]) {
      const { page } = await site.open(url);
      const results = await new AxeBuilder({ page }).analyze();
      const bad = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${url}: ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
      expect(bad).toEqual([]);
    }
  });
});
