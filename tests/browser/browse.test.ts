/**
 * Browsing an archive of many documents from many issuers
 * (docs/decisions/1008-browsing-at-archive-scale.md): the home page (one
 * search box, counts, provinces, the latest documents), a province page, an
 * issuer page and a paginated year page, followed by clicking links.
 *
 * Built from a copy of content/ plus synthetic HĐND resolutions of three more
 * provinces (tests/support/browse-content.ts), enough to paginate one year.
 * Expected values come from the build's open data (documents.json).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addSyntheticProvinces, SYNTHETIC_PROVINCES } from '../support/browse-content.ts';
import { readDocumentsJson } from '../support/site.ts';
import { useTempSite } from '../support/temp-site.ts';

const PER_PROVINCE = 20;
const PAGE_SIZE = 50;
const LATEST = 10;

const site = useTempSite((content) => {
  addSyntheticProvinces(content, PER_PROVINCE);
});

interface Rec {
  id: string;
  url: string;
  date: string | null;
  year: number | null;
  issuer: string | null;
  type: string | null;
}

const records = (): Rec[] => readDocumentsJson(site.distDir) as unknown as Rec[];
const pathOf = (url: string) => new URL(url, 'http://x/').pathname;
/** Newest-first key of a record: its date, else its year, else nothing. */
const dateKey = (r: Rec | undefined) => r?.date ?? (r?.year != null ? String(r.year) : '');

/** Paths of the document links of a listing, in page order. */
const documentLinks = (page: Page, scope = 'main') =>
  page.locator(`${scope} a.doc-item__link`).evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));

/** The document links of a listing and of its further pages, following "Trang sau" (the page ends on the last one). */
async function followPages(page: Page): Promise<string[]> {
  const seen = await documentLinks(page);
  for (;;) {
    const next = page.locator('main nav a[rel="next"]');
    if ((await next.count()) === 0) return seen;
    const target = new URL((await next.getAttribute('href'))!, page.url()).href;
    await Promise.all([page.waitForURL(target), next.click()]);
    seen.push(...(await documentLinks(page)));
  }
}

function expectNewestFirst(paths: string[]): void {
  const byUrl = new Map(records().map((r) => [pathOf(r.url), r]));
  const keys = paths.map((p) => dateKey(byUrl.get(p)));
  expect(keys).toEqual([...keys].sort().reverse());
}

/** h1 once, and no heading level skipped on the way down. */
async function expectHeadingOrder(page: Page): Promise<void> {
  const levels = await page.locator('main :is(h1, h2, h3, h4, h5, h6)').evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
  expect(levels[0]).toBe(1);
  expect(levels.filter((l) => l === 1)).toHaveLength(1);
  levels.forEach((level, i) => {
    if (i > 0) expect(level, `heading ${i} after h${levels[i - 1]}`).toBeLessThanOrEqual(levels[i - 1]! + 1);
  });
}

async function expectNoSideScroll(page: Page): Promise<void> {
  await page.setViewportSize({ width: 360, height: 800 });
  await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
}

describe('browsing by province, issuer and year', () => {
  it('the home page: one search box, counts, provinces with their counts, the latest documents, years and types', async () => {
    const { page, response, problemList } = await site.open('/');
    expect(response?.status()).toBe(200);
    const all = records();
    expect(all.length).toBeGreaterThan(PAGE_SIZE);

    await expect(page.locator('input[type="search"]').count()).resolves.toBe(1);
    await expect(page.locator('form[role="search"]').count()).resolves.toBe(1);
    await expectHeadingOrder(page);
    await expect(page.getByRole('navigation', { name: 'Điều hướng chính' }).count()).resolves.toBe(1);
    await expect(page.locator('.stats').innerText()).resolves.toContain(`${all.length} văn bản`);

    // Provinces, each with its count; together they hold every document.
    const provinces = await page.locator('main a[href^="/tinh/"]').evaluateAll((links) =>
      links.map((a) => ({ name: a.textContent!.trim(), path: new URL((a as HTMLAnchorElement).href).pathname, count: Number(/\((\d+)\)/.exec(a.parentElement!.textContent!)?.[1]) })),
    );
    expect(provinces.length).toBeGreaterThanOrEqual(SYNTHETIC_PROVINCES.length + 1);
    expect(provinces.reduce((n, p) => n + p.count, 0)).toBe(all.length);
    for (const [, place] of SYNTHETIC_PROVINCES) {
      const listed = provinces.find((p) => p.name === place);
      expect(listed, place).toBeDefined();
      // At least its HĐND's documents (the province page checks the exact list).
      expect(listed!.count).toBeGreaterThanOrEqual(all.filter((r) => r.issuer === `HĐND tỉnh ${place}`).length);
    }

    // The latest documents only, newest first: the page does not list the archive.
    const latest = await documentLinks(page);
    expect(latest).toHaveLength(Math.min(LATEST, all.length));
    const newest = all.map(dateKey).sort().reverse().slice(0, LATEST);
    const byUrl = new Map(all.map((r) => [pathOf(r.url), r]));
    expect(latest.map((p) => dateKey(byUrl.get(p)))).toEqual(newest);

    // One link per year and per type, with the year's count.
    const years = [...new Set(all.map((r) => r.year))];
    for (const year of years) {
      const link = page.locator(`main a[href="/nam/${year ?? 'chua-ro'}/"]`);
      await expect(link.count()).resolves.toBe(1);
      await expect(link.locator('xpath=..').innerText()).resolves.toContain(`(${all.filter((r) => r.year === year).length})`);
    }
    await expect(page.locator('main a[href="/loai-van-ban/nghi-quyet/"]').count()).resolves.toBe(1);

    await expectNoSideScroll(page);
    expect(problemList()).toEqual([]);
  });

  it('a province link leads to its issuers and their documents by year; an issuer link to the issuer page', async () => {
    const [, place] = SYNTHETIC_PROVINCES[0]!;
    const issuer = `HĐND tỉnh ${place}`;
    const all = records();
    const ofIssuer = (name: string) => all.filter((r) => r.issuer === name).map((r) => pathOf(r.url));
    expect(ofIssuer(issuer).length).toBeGreaterThanOrEqual(PER_PROVINCE);

    const { page, problemList } = await site.open('/');
    await Promise.all([page.waitForURL('**/tinh/bac-giang/'), page.locator('main a[href^="/tinh/"]', { hasText: place }).click()]);
    await expect(page.locator('h1').innerText()).resolves.toMatch(new RegExp(`^${place}`));
    await expectHeadingOrder(page);
    // Its issuers, each with its count; the documents listed are exactly theirs, newest first, by year.
    const issuers = await page.locator('.issuer-index a').allInnerTexts();
    expect(issuers).toContain(issuer);
    for (const name of issuers) {
      await expect(page.locator('.issuer-index li', { hasText: name }).innerText()).resolves.toBe(`${name} (${ofIssuer(name).length})`);
    }
    const onProvince = await followPages(page);
    expect([...onProvince].sort()).toEqual(issuers.flatMap(ofIssuer).sort());
    expectNewestFirst(onProvince);
    await expect(page.locator('main h3').first().innerText()).resolves.toMatch(/^\d{4} \(\d+( trên trang này)?\)$/);
    await expectNoSideScroll(page);

    await page.goto(`${site.url}/tinh/bac-giang/`);
    await Promise.all([page.waitForURL('**/van-ban/hdnd-tinh-bac-giang/'), page.locator('.issuer-index').getByRole('link', { name: issuer }).click()]);
    await expect(page.locator('h1').innerText()).resolves.toMatch(new RegExp(`^${issuer}`));
    await expectHeadingOrder(page);
    // The breadcrumb leads back to the province.
    await expect(page.getByRole('navigation', { name: 'Vị trí trang' }).locator('a[href="/tinh/bac-giang/"]').count()).resolves.toBe(1);
    const onIssuer = await followPages(page);
    expect([...onIssuer].sort()).toEqual(ofIssuer(issuer).sort());
    expectNewestFirst(onIssuer);
    await expectNoSideScroll(page);
    expect(problemList()).toEqual([]);
  });

  it('a large year is paginated: 50 a page, newest first across pages, every document exactly once', async () => {
    const all = records();
    const counts = new Map<number | null, number>();
    for (const r of all) counts.set(r.year, (counts.get(r.year) ?? 0) + 1);
    const [year, count] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    expect(count).toBeGreaterThan(PAGE_SIZE);
    const pages = Math.ceil(count / PAGE_SIZE);

    const { page, problemList } = await site.open('/');
    await Promise.all([page.waitForURL(`**/nam/${year}/`), page.locator(`main a[href="/nam/${year}/"]`).click()]);
    const seen: string[] = [];
    for (let n = 1; n <= pages; n++) {
      if (n > 1) {
        await Promise.all([page.waitForURL(`**/nam/${year}/trang-${n}/`), page.getByRole('navigation', { name: 'Các trang của danh sách' }).getByRole('link', { name: 'Trang sau ›' }).click()]);
      }
      await expectHeadingOrder(page);
      await expect(page.locator('h1').innerText()).resolves.toContain(`trang ${n}/${pages}`);
      const pager = page.getByRole('navigation', { name: 'Các trang của danh sách' });
      await expect(pager.locator('a[aria-current="page"]').innerText()).resolves.toContain(String(n));
      const links = await documentLinks(page);
      expect(links).toHaveLength(n < pages ? PAGE_SIZE : count - PAGE_SIZE * (pages - 1));
      seen.push(...links);
    }
    await expect(page.getByRole('link', { name: 'Trang sau ›' }).count()).resolves.toBe(0);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(all.filter((r) => r.year === year).map((r) => pathOf(r.url)).sort());
    expectNewestFirst(seen);
    await expectNoSideScroll(page);
    expect(problemList()).toEqual([]);
  });

  it('the existing listing URLs still work: /van-ban/<issuer>/ and /loai-van-ban/<type>/ (paginated too)', async () => {
    const issuerPage = await site.open('/van-ban/tinh-uy-quang-ninh/');
    expect(issuerPage.response?.status()).toBe(200);
    await expect(documentLinks(issuerPage.page)).resolves.toContain('/van-ban/tinh-uy-quang-ninh/2017/09-nq-tu/');

    const resolutions = records().filter((r) => r.type === 'NQ').length;
    expect(resolutions).toBeGreaterThan(PAGE_SIZE);
    const typePage = await site.open('/loai-van-ban/nghi-quyet/');
    expect(typePage.response?.status()).toBe(200);
    await expect(typePage.page.locator('main .lead').innerText()).resolves.toMatch(/^\d+ văn bản/);
    const second = await site.open('/loai-van-ban/nghi-quyet/trang-2/');
    expect(second.response?.status()).toBe(200);
    await expect(documentLinks(second.page)).resolves.not.toEqual([]);
    expect([...issuerPage.problemList(), ...typePage.problemList(), ...second.problemList()]).toEqual([]);
  });
});
