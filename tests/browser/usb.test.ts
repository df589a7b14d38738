/**
 * The USB edition (issue 7) in Chromium, opened through file:// from a folder
 * whose path has spaces and Vietnamese letters, as a commune office would open
 * it from a stick. Uses the global setup's build (scripts/build.ts writes the
 * USB edition beside dist: `<dist>-usb`, and its zip), copied to
 * `<tmp>/Lưu trữ nghị quyết/`. No request may fail and the console must stay
 * free of errors on every page.
 *
 * Searches are compared with the web build over http (same build, same
 * query): the USB copy must give the same ranked results, linking to the
 * same documents and provisions, and opening there.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { defaultUsbDir, usbZipOf } from '../../scripts/build/pipeline.ts';
import { startStaticServer, type StaticServer } from '../../scripts/build/static-server.ts';
import { listFiles, treeDigest, treeSize } from '../../scripts/build/tree.ts';
import { auditUsb } from '../../scripts/usb/audit.ts';
import { buildUsbEdition } from '../../scripts/usb/transform.ts';
import { ZIP_TOP_FOLDER, zipFolder } from '../../scripts/usb/zip.ts';
import { allProblems, launchBrowser, watchPage, type PageProblems } from '../support/browser.ts';

const siteUrl = inject('siteUrl');
const distDir = inject('distDir');
const usbDir = defaultUsbDir(distDir);

const temp = mkdtempSync(join(tmpdir(), 'archive-usb-'));
/** The copy, where a reader might put it. */
const copy = join(temp, 'Lưu trữ nghị quyết');
const copyUrl = `${pathToFileURL(copy).href}/`;

const NQ09 = 'van-ban/tinh-uy-quang-ninh/2017/09-nq-tu/';

let browser: Browser;
let usbServer: StaticServer;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  if (!existsSync(join(usbDir, 'index.html'))) {
    throw new Error(`no USB edition at ${usbDir}: the build (scripts/build.ts, stage "usb") writes it beside ${distDir}`);
  }
  cpSync(usbDir, copy, { recursive: true });
  browser = await launchBrowser();
  usbServer = await startStaticServer(copy);
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await usbServer?.close();
  rmSync(temp, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  problems: PageProblems;
  /** Every file:// URL the page asked for. */
  requests: string[];
}

async function openUrl(url: string): Promise<Opened> {
  const context = await browser.newContext({ locale: 'vi-VN', permissions: ['clipboard-read', 'clipboard-write'] });
  contexts.push(context);
  const page = await context.newPage();
  const problems = watchPage(page);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  // Network idle: a link clicked while the favicon still loads would abort it (a failed request).
  await page.goto(url, { waitUntil: 'networkidle' });
  return { page, problems, requests };
}

/** A file of the copy, by its path in the site (`van-ban/x/` is its index.html), through file://. */
const openFile = (sitePath: string, suffix = '') => openUrl(`${copyUrl}${sitePath.replace(/(^|\/)$/, '$1index.html')}${suffix}`);

/** A site path from a link of either edition: `van-ban/x/#II.3`. */
function sitePath(href: string): string {
  const url = new URL(href);
  const path = href.startsWith(copyUrl) ? url.href.slice(copyUrl.length).replace(/[?#].*$/s, '') : url.pathname.slice(1);
  return decodeURIComponent(path).replace(/(^|\/)index\.html$/, '$1') + url.hash;
}

/** The archive's documents as site paths (`van-ban/x/2017/y/`), with their year. */
function archiveDocuments(): Map<string, number | null> {
  const data = JSON.parse(readFileSync(join(copy, 'data', 'documents.json'), 'utf8')) as unknown;
  const list = (Array.isArray(data) ? data : (data as { documents: unknown[] }).documents) as Array<{ url: string; year: number | null }>;
  return new Map(list.map((d) => [d.url.replace(/^\//, ''), d.year]));
}

/** A link of the copy: a file of the copy, folder URLs written as index.html. */
const isCopyFile = (href: string) => href.startsWith(copyUrl) && /\/index\.html(#.*)?$/.test(href);

/** The stylesheet applied (file:// would refuse a root-absolute one silently but for a failed request). */
const headerBackground = (page: Page) => page.locator('.site-header').evaluate((el) => getComputedStyle(el).backgroundColor);

/**
 * How a reader reaches 09-NQ/TU from the home page, by clicks: its province, its issuer, the document.
 * The home page lists only the 10 latest documents and the provinces (ADR 1008), not 09-NQ/TU of 2017.
 */
async function homeToNq09(page: Page, base: string): Promise<void> {
  for (const path of ['tinh/quang-ninh/', 'van-ban/tinh-uy-quang-ninh/', NQ09]) {
    const target = `${base}${path}index.html`;
    // Links are relative ("2017/09-nq-tu/index.html" on the issuer page): find the one that resolves to the target.
    const links = page.locator('main a[href]');
    const at = (await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))).indexOf(target);
    expect(at, `a link to ${path} on ${page.url()}`).toBeGreaterThanOrEqual(0);
    await Promise.all([page.waitForURL(target), links.nth(at).click()]);
  }
  await expect(page.locator('h1').innerText()).resolves.toContain('09-NQ/TU');
}

/** The :target element's id. */
const targetId = (page: Page) => page.evaluate(() => document.querySelector(':target')?.id ?? null);

/** Fold as readers type: no marks, đ -> d, lower case. */
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();

describe('the USB folder', () => {
  it('holds no root-absolute URL, no module script, no folder URL and no link to nothing', () => {
    const audit = auditUsb(copy);
    expect(audit.problems).toEqual([]);
    expect(audit.unknown).toEqual([]);
    expect(audit.pages).toBeGreaterThan(10);
    // Only the citation addresses stay as the site writes them (text, never loaded).
    for (const kept of audit.kept) expect(kept).toMatch(/: data-cite-url=/);
    const files = listFiles(copy);
    expect(files).toContain('README.txt');
    expect(files).toContain('doc-offline/index.html');
    // Pagefind: its classic bundle and one script per asset; no raw asset, worker or UI bundle.
    expect(files.filter((f) => f.startsWith('pagefind/') && f !== 'pagefind/pagefind.js' && !f.endsWith('.js'))).toEqual([]);
    expect(files).not.toContain('pagefind/pagefind-worker.js');
    expect(files.filter((f) => f.startsWith('pagefind/')).length).toBeGreaterThan(5);
  });

  it('is no bigger than 1.4 times the web build', () => {
    expect(treeSize(usbDir).bytes / treeSize(distDir).bytes).toBeLessThanOrEqual(1.4);
  });

  it('is zipped in one folder with the README, file for file', () => {
    const entries = unzipSync(readFileSync(usbZipOf(usbDir)));
    const names = Object.keys(entries).sort();
    expect(names).toEqual(listFiles(usbDir).map((f) => `${ZIP_TOP_FOLDER}/${f}`));
    for (const file of ['index.html', 'README.txt', 'pagefind/pagefind.js']) {
      expect(Buffer.from(entries[`${ZIP_TOP_FOLDER}/${file}`]!).equals(readFileSync(join(usbDir, file)))).toBe(true);
    }
    const readme = Buffer.from(entries[`${ZIP_TOP_FOLDER}/README.txt`]!).toString('utf8');
    expect(readme).toContain('index.html');
    expect(readme).toContain('Mở tệp index.html');
  });

  it('is the same, byte for byte, when made again from the same build', async () => {
    const again = join(temp, 'again');
    const result = await buildUsbEdition({ distDir, outDir: again, siteUrl: process.env.ARCHIVE_SITE_URL || null });
    expect(result.problems).toEqual([]);
    const a = treeDigest(usbDir);
    const b = treeDigest(again);
    expect([...b.keys()]).toEqual([...a.keys()]);
    expect([...a].filter(([file, digest]) => b.get(file) !== digest).map(([file]) => file)).toEqual([]);
    zipFolder(again, join(temp, 'again.zip'), ZIP_TOP_FOLDER);
    expect(readFileSync(join(temp, 'again.zip')).equals(readFileSync(usbZipOf(usbDir)))).toBe(true);
  });
});

describe('reading from file://', () => {
  it('every document is reachable from the home page through the province listings, styled, and a reader\'s clicks open one', async () => {
    const { page, problems, requests } = await openFile('');
    expect(await page.title()).toContain('Kho lưu trữ nghị quyết');
    await expect(headerBackground(page)).resolves.not.toBe('rgba(0, 0, 0, 0)');
    const mainLinks = () => page.locator('main a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    const homeLinks = await mainLinks();
    expect(homeLinks.filter((href) => !isCopyFile(href))).toEqual([]);

    // 134 documents: the home page lists the provinces and the 10 latest (ADR 1008); every document is on
    // its province's listing, 50 a page (trang-2/ …). Walk them from the home page's links, from file://.
    const listing = /^tinh\/[^/]+\/(trang-\d+\/)?$/;
    const documentPath = /^van-ban\/[^/]+\/[^/]+\/[^/]+\/$/;
    const queue = [...new Set(homeLinks.map((href) => sitePath(href).replace(/#.*$/s, '')).filter((p) => listing.test(p)))];
    expect(queue.length).toBeGreaterThan(1);
    const seen = new Set(queue);
    const reached = new Set<string>();
    for (let i = 0; i < queue.length; i++) {
      await page.goto(`${copyUrl}${queue[i]}index.html`, { waitUntil: 'load' });
      await expect(headerBackground(page), queue[i]).resolves.not.toBe('rgba(0, 0, 0, 0)');
      const links = await mainLinks();
      expect(links.filter((href) => !isCopyFile(href)), queue[i]).toEqual([]);
      for (const path of links.map((href) => sitePath(href).replace(/#.*$/s, ''))) {
        if (documentPath.test(path)) reached.add(path);
        else if (listing.test(path) && !seen.has(path)) {
          seen.add(path);
          queue.push(path);
        }
      }
    }
    expect([...reached].sort()).toEqual([...archiveDocuments().keys()].sort());

    // And by a reader's clicks: home, province, issuer, the document (styled too).
    await page.goto(`${copyUrl}index.html`, { waitUntil: 'networkidle' });
    await homeToNq09(page, copyUrl);
    await expect(headerBackground(page)).resolves.not.toBe('rgba(0, 0, 0, 0)');
    expect(requests.every((url) => url.startsWith(copyUrl))).toBe(true);
    expect(allProblems(problems)).toEqual([]);
  });

  it('a document opens at a provision; its outline and the offline-reading page work', async () => {
    const { page, problems } = await openFile(NQ09, '#II.3');
    await expect(targetId(page)).resolves.toBe('II.3');
    const toc = page.locator('nav.toc a[href^="#"]').nth(2);
    const hash = await toc.getAttribute('href');
    expect(hash).toMatch(/^#./);
    await toc.click();
    await expect(targetId(page)).resolves.toBe(decodeURIComponent(hash!.slice(1)));

    const offline = page.locator('footer a', { hasText: 'Đọc trên máy không có mạng' });
    await Promise.all([page.waitForURL(`${copyUrl}doc-offline/index.html`), offline.click()]);
    await expect(page.locator('h1').innerText()).resolves.toBe('Đọc trên máy không có mạng');
    await expect(page.locator('main').innerText()).resolves.toContain('index.html');
    expect(allProblems(problems)).toEqual([]);
  });

  it("a citation link to another document's provision lands on that provision", async () => {
    // Found in the copy itself: a link in a document page to a provision (#…) of another document.
    let found: { from: string; href: string; id: string } | null = null;
    for (const file of listFiles(copy).filter((f) => /^van-ban\/.+\/index\.html$/.test(f))) {
      const html = readFileSync(join(copy, file), 'utf8');
      for (const m of html.matchAll(/<a href="([^"#:]+\/index\.html)#([^"]+)"/g)) {
        const target = new URL(m[1]!, pathToFileURL(join(copy, file))).href;
        if (target !== pathToFileURL(join(copy, file)).href && target.startsWith(`${copyUrl}van-ban/`)) {
          found = { from: file.replace(/index\.html$/, ''), href: `${m[1]}#${m[2]}`, id: decodeURIComponent(m[2]!) };
          break;
        }
      }
      if (found) break;
    }
    expect(found, 'the shipped content has a citation between two documents at provision level').not.toBeNull();
    const { page, problems } = await openFile(found!.from);
    const link = page.locator(`a[href="${found!.href}"]`).first();
    await link.scrollIntoViewIfNeeded();
    await Promise.all([page.waitForURL((u) => u.hash === `#${found!.href.split('#')[1]}`), link.click()]);
    expect(page.url().startsWith(copyUrl)).toBe(true);
    expect(sitePath(page.url())).not.toBe(found!.from);
    await expect(targetId(page)).resolves.toBe(found!.id);
    expect(allProblems(problems)).toEqual([]);
  });

  it('a cited-document page lists who cites it and leads back to the citing provision', async () => {
    const { page, problems } = await openFile('tham-chieu/');
    const cited = page.locator('main a[href$="/index.html"]').filter({ hasNotText: /^$/ }).first();
    const citedHref = await cited.evaluate((a) => (a as HTMLAnchorElement).href);
    expect(sitePath(citedHref)).toMatch(/^tham-chieu\/.+\/$/);
    await Promise.all([page.waitForURL(citedHref), cited.click()]);
    const back = page.locator('main a[href*="van-ban/"][href*="index.html#"]').first();
    const backHref = await back.evaluate((a) => (a as HTMLAnchorElement).href);
    await Promise.all([page.waitForURL(backHref), back.click()]);
    await expect(targetId(page)).resolves.toBe(decodeURIComponent(new URL(backHref).hash.slice(1)));
    expect(allProblems(problems)).toEqual([]);
  });

  it('the cite button copies the public citation, never a file:// address', async () => {
    const web = await openUrl(`${siteUrl}/${NQ09}#II.3`);
    const usb = await openFile(NQ09, '#II.3');
    const cite = async ({ page }: Opened) => {
      await page.locator('button.cite[data-cite="II.3"]').click();
      await page.locator('.cite-pop--ok, .cite-pop--fail').waitFor();
      return page.locator('.cite-pop__text').inputValue();
    };
    const fromWeb = await cite(web);
    const fromUsb = await cite(usb);
    expect(fromUsb).not.toContain('file:');
    expect(fromUsb).toMatch(/^Nghị quyết số 09-NQ\/TU ngày 08\/12\/2017 .*, mục II\.3, /);
    // Over http without a configured site the page adds its own origin; the copy has none to add, so it cites the public path.
    const publicSite = process.env.ARCHIVE_SITE_URL;
    expect(fromUsb).toBe(publicSite ? fromWeb : fromWeb.replace(siteUrl, ''));
    if (await usb.page.locator('.cite-pop--ok').count()) await expect(usb.page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(fromUsb);
    expect(allProblems(usb.problems)).toEqual([]);
  });
});

/** The ranked links of a search page: title links and provision links, as site paths, with their text. */
async function resultLinks(page: Page): Promise<Array<[string, string]>> {
  await page.locator('#search-results a[href]').first().waitFor({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  return page
    .locator('#search-results a[href]')
    .evaluateAll((as) => as.map((a) => [(a as HTMLAnchorElement).href, (a.textContent ?? '').replace(/\s+/g, ' ').trim()] as [string, string]))
    .then((links) => links.map(([href, text]) => [sitePath(href), text] as [string, string]));
}

describe('search from file://, with Pagefind from classic scripts', () => {
  for (const query of ['nong thon', 'dang bo']) {
    it(`"${query}" gives the web build's ranked results, and a result opens at its provision`, async () => {
      const q = `?q=${encodeURIComponent(query)}`;
      const web = await openUrl(`${siteUrl}/tim-kiem/${q}`);
      const usb = await openFile('tim-kiem/', q);
      const fromWeb = await resultLinks(web.page);
      const fromUsb = await resultLinks(usb.page);
      expect(fromUsb.length).toBeGreaterThan(1);
      expect(fromUsb).toEqual(fromWeb);
      await expect(usb.page.locator('#search-status').innerText()).resolves.toBe(await web.page.locator('#search-status').innerText());
      // Every result link is a file of the copy (folder URLs as index.html), with the query to mark (ADR 1101).
      const hrefs = await usb.page.locator('#search-results a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      expect(hrefs.every((href) => href.startsWith(copyUrl) && /\/index\.html\?tu-khoa=[^#]+(#.+)?$/.test(href))).toBe(true);
      // Pagefind loaded only through classic scripts of the copy: its bundle and asset scripts, no raw asset, no worker.
      const pagefindRequests = usb.requests.filter((url) => url.includes('/pagefind/'));
      expect(pagefindRequests.length).toBeGreaterThan(3);
      expect(pagefindRequests.every((url) => url.startsWith(`${copyUrl}pagefind/`) && url.endsWith('.js'))).toBe(true);
      expect(pagefindRequests.some((url) => url.includes('pagefind-worker'))).toBe(false);

      // The first provision link opens its document at that provision, which holds the query's words.
      const first = usb.page.locator('#search-results a[href*="index.html?"][href*="#"]').first();
      const href = await first.evaluate((a) => (a as HTMLAnchorElement).href);
      const id = decodeURIComponent(new URL(href).hash.slice(1));
      await Promise.all([usb.page.waitForURL(href), first.click()]);
      await expect(targetId(usb.page)).resolves.toBe(id);
      const text = fold(await usb.page.locator(`[id="${id}"]`).innerText());
      for (const word of query.split(' ')) expect(text).toMatch(new RegExp(`(^|[^a-z])${word}([^a-z]|$)`));
      expect(allProblems(usb.problems)).toEqual([]);
      expect(allProblems(web.problems)).toEqual([]);
    });
  }

  it('a filter narrows the results as on the web, and typing a new query works', async () => {
    const q = '?q=dang+bo&nam=2017';
    const web = await openUrl(`${siteUrl}/tim-kiem/${q}`);
    const usb = await openFile('tim-kiem/', q);
    const fromUsb = await resultLinks(usb.page);
    expect(fromUsb).toEqual(await resultLinks(web.page));
    const status = usb.page.locator('#search-status');
    await expect(status.innerText()).resolves.toBe(await web.page.locator('#search-status').innerText());
    // Several documents of 2017 hold "Đảng bộ" in the 134-document archive (09-NQ/TU was the only one
    // of five): every document shown is of 2017, 09-NQ/TU among them.
    const years = archiveDocuments();
    const documents = new Set(fromUsb.map(([path]) => path.replace(/#.*$/, '')));
    for (const doc of documents) expect(years.get(doc), doc).toBe(2017);
    expect(documents.has(NQ09)).toBe(true);
    await expect(usb.page.locator('select[name="nam"]').inputValue()).resolves.toBe('2017');
    const countOf = (text: string) => Number(/^Tìm thấy (\d+) văn bản/.exec(text)?.[1] ?? NaN);
    const filteredCount = countOf(await status.innerText());

    // Dropping the filter finds more (the filter narrowed the results).
    await usb.page.locator('select[name="nam"]').selectOption('');
    await expect.poll(() => status.innerText(), { timeout: 15_000 }).toMatch(/^Tìm thấy \d+ văn bản cho «dang bo»\.$/);
    expect(filteredCount).toBeGreaterThan(0);
    expect(countOf(await status.innerText())).toBeGreaterThan(filteredCount);

    // A new query typed in the box (the page keeps it in the URL: history works on file:// too).
    await usb.page.locator('input[name="q"]').fill('nông thôn');
    await usb.page.locator('input[name="q"]').press('Enter');
    await usb.page.waitForURL((u) => new URLSearchParams(u.search).get('q') === 'nông thôn');
    // The status reads "Đang tìm…" until the results are in: wait for them.
    await expect.poll(() => usb.page.locator('#search-status').innerText(), { timeout: 15_000 }).toMatch(/nông thôn/);
    expect(usb.page.url().startsWith(`${copyUrl}tim-kiem/index.html?`)).toBe(true);
    expect(allProblems(usb.problems)).toEqual([]);
  });

  it('the header search box of a document page leads to the search page of the copy', async () => {
    const { page, problems } = await openFile(NQ09);
    const box = page.locator('header input[name="q"]');
    await box.fill('chuyen doi so');
    await Promise.all([page.waitForURL((u) => u.href.startsWith(`${copyUrl}tim-kiem/index.html?`)), box.press('Enter')]);
    expect((await resultLinks(page)).length).toBeGreaterThan(0);
    expect(allProblems(problems)).toEqual([]);
  });
});

describe('the same folder over http', () => {
  it('serves pages and search too', async () => {
    const { page, problems } = await openUrl(`${usbServer.url}/tim-kiem/index.html?q=${encodeURIComponent('nong thon')}`);
    const links = await resultLinks(page);
    expect(links.length).toBeGreaterThan(1);
    const href = await page.locator('#search-results a[href*="#"]').first().evaluate((a) => (a as HTMLAnchorElement).href);
    expect(href.startsWith(`${usbServer.url}/van-ban/`)).toBe(true);
    await Promise.all([page.waitForURL(href), page.locator('#search-results a[href*="#"]').first().click()]);
    await expect(targetId(page)).resolves.toBe(decodeURIComponent(new URL(href).hash.slice(1)));
    expect(allProblems(problems)).toEqual([]);
    const home = await openUrl(`${usbServer.url}/`);
    await homeToNq09(home.page, `${usbServer.url}/`);
    expect(allProblems(home.problems)).toEqual([]);
  });
});
