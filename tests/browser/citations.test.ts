/**
 * Cross-links in the shipped build: a citation of a document that is not in
 * the archive leads to its cited-document page (/tham-chieu/...), which leads
 * back to the citing provision; date conflicts are shown; the index of cited
 * documents and the document pages' citation panels; every citation link of
 * the built site resolves (page and fragment). The same flows with a document
 * added to content/ are in citations-added.test.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CitationGraph } from '../../scripts/pipeline/07-link/index.ts';
import { launchBrowser } from '../support/browser.ts';
import { useSite } from '../support/site.ts';

const site = useSite();

const DOC_001 = '/van-ban/tinh-uy-quang-ninh/2022/nq-chua-ro-so-1/';
const DOC_003 = '/van-ban/tinh-uy-quang-ninh/2021/nq-chua-ro-so-2/';
const NQ_09_2017 = '/van-ban/tinh-uy-quang-ninh/2017/09-nq-tu/';
const CITED_09_2022 = '/tham-chieu/tinh-uy-quang-ninh/09-nq-tu-2022/';
const CITED_06_2021 = '/tham-chieu/tinh-uy-quang-ninh/06-nq-tu-2021/';
const CITED_05_2021 = '/tham-chieu/tinh-uy-quang-ninh/05-nq-tu-2021/';

const targetId = (page: Page) => page.evaluate(() => document.querySelector(':target')?.id ?? null);
const text = async (page: Page, selector: string) => ((await page.locator(selector).first().innerText()) ?? '').normalize('NFC');

function graph(): CitationGraph {
  return JSON.parse(readFileSync(join(site.distDir, 'data', 'citations.json'), 'utf8')) as CitationGraph;
}

describe('from a citation to its cited-document page and back', () => {
  it('001 "Nghị quyết số 09-NQ/TU ngày 05/02/2022" leads to its own page, not to the 2017 document, and back to II.4.3', async () => {
    const { page, problemList } = await site.open(DOC_001);
    const link = page.locator('[id="II.4.3"] a.citation', { hasText: 'Nghị quyết số 09-NQ/TU ngày 05/02/2022' });
    await expect(link.count()).resolves.toBe(1);
    await expect(link.getAttribute('data-unresolved')).resolves.toBe('true');

    await Promise.all([page.waitForURL((u) => u.pathname === CITED_09_2022), link.click()]);
    expect(new URL(page.url()).pathname).not.toBe(NQ_09_2017);
    const h1 = await text(page, 'h1');
    expect(h1).toContain('Nghị quyết số 09-NQ/TU');
    expect(h1).toContain('Tỉnh ủy Quảng Ninh');
    // The heading's and the breadcrumb's text (what is copied, indexed and read as one string) keep the words apart.
    expect(((await page.locator('.breadcrumb').first().textContent()) ?? '').normalize('NFC').replace(/\s+/g, ' ').trim()).toBe('Trang chủ › Văn bản được dẫn chiếu › Tỉnh ủy Quảng Ninh');
    expect(((await page.locator('h1').first().textContent()) ?? '').normalize('NFC').replace(/\s+/g, ' ').trim()).toBe('Nghị quyết số 09-NQ/TU của Tỉnh ủy Quảng Ninh');
    expect(await text(page, '.cited-status')).toContain('Chưa có trong kho');
    const facts = await text(page, '.cited-facts');
    expect(facts).toContain('05/02/2022');
    expect(facts).toContain('Cách xác định');
    // Nothing on this page links to the 2017 document that shares the number.
    const hrefs = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(hrefs).not.toContain(NQ_09_2017);

    // Back to the citing provision: the sentence is shown, the link carries the provision's fragment.
    const item = page.locator('.cited-by__item', { hasText: 'Mục II.4.3' });
    expect((await item.innerText()).normalize('NFC')).toContain('Nghị quyết số 09-NQ/TU ngày 05/02/2022');
    const back = item.locator('a.cited-by__where');
    await Promise.all([page.waitForURL((u) => u.pathname === DOC_001 && u.hash === '#II.4.3'), back.click()]);
    expect(page.url().endsWith('#II.4.3')).toBe(true);
    await expect(targetId(page)).resolves.toBe('II.4.3');

    expect(problemList()).toEqual([]);
  });

  it('works without JavaScript', async () => {
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, locale: 'vi-VN' });
      const page = await context.newPage();
      await page.goto(`${site.url}${DOC_001}`);
      await Promise.all([
        page.waitForURL((u) => u.pathname === CITED_09_2022),
        page.locator('[id="II.4.3"] a.citation', { hasText: 'Nghị quyết số 09-NQ/TU ngày 05/02/2022' }).click(),
      ]);
      await Promise.all([
        page.waitForURL((u) => u.pathname === DOC_001 && u.hash === '#II.4.3'),
        page.locator('.cited-by__item', { hasText: 'Mục II.4.3' }).locator('a.cited-by__where').click(),
      ]);
      await expect(targetId(page)).resolves.toBe('II.4.3');
    } finally {
      await browser.close();
    }
  });

  it('06-NQ/TU shows the date conflict with both dates and who gives which', async () => {
    const { page, response, problemList } = await site.open(CITED_06_2021);
    expect(response?.status()).toBe(200);
    const warning = page.locator('.cited-conflict');
    await expect(warning.count()).resolves.toBe(1);
    await expect(warning.isVisible()).resolves.toBe(true);
    const said = (await warning.innerText()).normalize('NFC');
    expect(said).toContain('mâu thuẫn');
    expect(said).toContain('17/05/2021');
    expect(said).toContain('15/07/2021');
    // Each date names the citing provisions that give it.
    const rows = warning.locator('li');
    await expect(rows.count()).resolves.toBe(2);
    expect((await rows.filter({ hasText: '17/05/2021' }).innerText()).normalize('NFC')).toContain('205/NQ-HĐND');
    await expect(rows.filter({ hasText: '15/07/2021' }).locator(`a[href^="${DOC_001}#"]`).count()).resolves.toBeGreaterThan(0);
    expect(problemList()).toEqual([]);
  });

  it('a cited document that is in the archive links to it, marked as inferred when its number is', async () => {
    const { page, problemList } = await site.open(CITED_05_2021);
    const status = page.locator('.cited-status');
    expect((await status.innerText()).normalize('NFC')).toContain('Có trong kho');
    await expect(status.locator(`a[href="${DOC_003}"]`).count()).resolves.toBe(1);
    await expect(status.locator('.badge--inferred').count()).resolves.toBe(1);
    expect(problemList()).toEqual([]);
  });

  it('unknown facts read "chưa rõ", never invented', async () => {
    // A plenum resolution is cited by name only: no number, no date.
    const { page, problemList } = await site.open('/tham-chieu/trung-uong/nghi-quyet-trung-uong-6-khoa-xii/');
    const facts = page.locator('.cited-facts dl');
    const row = async (term: string) =>
      ((await facts.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]').innerText()) ?? '').normalize('NFC');
    expect(await row('Số ký hiệu')).toBe('chưa rõ');
    expect(await row('Ngày ban hành')).toBe('chưa rõ');
    expect(await row('Năm')).toBe('chưa rõ');
    expect(problemList()).toEqual([]);
  });
});

describe('index of cited documents (/tham-chieu/)', () => {
  it('lists the issuers; an issuer\'s page lists its cited documents by type, most cited first, says what is in the archive; the index lists the date conflicts', async () => {
    const { page, response, problemList } = await site.open('/tham-chieu/');
    expect(response?.status()).toBe(200);
    const g = graph();

    // Date conflicts, on the index.
    const conflicts = (await page.locator('.cited-conflicts').innerText()).normalize('NFC');
    expect(conflicts).toContain('06-NQ/TU');
    expect(conflicts).toContain('17/05/2021');
    expect(conflicts).toContain('15/07/2021');

    // Quảng Ninh > Tỉnh ủy Quảng Ninh, to its list of cited documents (ADR 1008).
    const issuer = page.locator('.cited-province', { has: page.locator('h3', { hasText: 'Quảng Ninh' }) }).locator('a', { hasText: 'Tỉnh ủy Quảng Ninh' });
    await Promise.all([page.waitForURL((u) => u.pathname === '/tham-chieu/tinh-uy-quang-ninh/'), issuer.click()]);

    // Every cited document of the issuer is listed once, linking to its page (one page: fewer than 50).
    const listed = await page.locator('.cited-item a.cited-item__name').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(listed.sort()).toEqual(g.cited.filter((c) => c.key.startsWith('tinh-uy-quang-ninh/')).map((c) => c.url).sort());

    // Nghị quyết: 06-NQ/TU (4 citations) first.
    const group = page.locator('section.cited-type', { has: page.locator('h2', { hasText: /^Nghị quyết \(/ }) });
    const counts = await group.locator('.cited-item').evaluateAll((items) =>
      items.map((li) => Number(/(\d+) lần dẫn chiếu/.exec(li.textContent ?? '')?.[1] ?? NaN)),
    );
    expect(counts.length).toBeGreaterThan(2);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect((await group.locator('.cited-item').first().innerText()).normalize('NFC')).toContain('06-NQ/TU');

    // In the archive or not.
    const in05 = page.locator('.cited-item', { has: page.locator(`a[href="${CITED_05_2021}"]`) });
    await expect(in05.locator(`a[href="${DOC_003}"]`).count()).resolves.toBe(1);
    const missing = page.locator('.cited-item', { has: page.locator(`a[href="${CITED_09_2022}"]`) });
    expect((await missing.innerText()).normalize('NFC')).toContain('chưa có trong kho');

    expect(problemList()).toEqual([]);
  });

  it('is in the main navigation', async () => {
    const { page } = await site.open('/');
    const link = page.locator('.site-nav a', { hasText: 'Văn bản được dẫn chiếu' });
    await expect(link.getAttribute('href')).resolves.toBe('/tham-chieu/');
  });
});

describe('citation panels on document pages', () => {
  it('001 lists what it cites with its citing provisions, kinds told apart; not indexed by search', async () => {
    const { page, problemList } = await site.open(DOC_001);
    const cites = page.locator('section.doc-citations', { has: page.locator('h2', { hasText: 'Văn bản dẫn chiếu' }) });
    await expect(cites.getAttribute('data-pagefind-ignore')).resolves.toBe('all');

    const g09 = cites.locator('.cite-group', { has: page.locator(`a[href="${CITED_09_2022}"]`) });
    await expect(g09.count()).resolves.toBe(1);
    await expect(g09.locator('a[href="#II.4.3"]').count()).resolves.toBe(1);
    await expect(g09.locator('.cite-link--cited-page').count()).resolves.toBe(1);

    const g05 = cites.locator('.cite-group', { has: page.locator(`a[href="${DOC_003}"]`) });
    await expect(g05.locator('.cite-link--inferred').count()).resolves.toBe(1);

    // In the text: the two kinds of link look different (line style), inferred ones too.
    const style = (selector: string) =>
      page.locator(selector).first().evaluate((a) => {
        const s = getComputedStyle(a);
        return `${s.textDecorationStyle} ${getComputedStyle(a, '::after').content}`;
      });
    const unresolved = await style('.doc__body a.citation[data-unresolved]');
    const inferred = await style('.doc__body a.citation[data-inferred]');
    expect(unresolved).toMatch(/^dotted /);
    expect(inferred).toMatch(/^dashed /);

    expect(problemList()).toEqual([]);
  });

  it('003 shows that 001 cites it, linking to the citing provision', async () => {
    const { page, problemList } = await site.open(DOC_003);
    const by = page.locator('section.doc-citations', { has: page.locator('h2', { hasText: 'Được dẫn chiếu bởi' }) });
    await expect(by.getAttribute('data-pagefind-ignore')).resolves.toBe('all');
    await expect(by.locator(`a[href="${DOC_001}#II.4.3"]`).count()).resolves.toBe(1);
    expect(problemList()).toEqual([]);
  });

  it('a document page carries only its own citations', async () => {
    const html = readFileSync(join(site.distDir, 'van-ban', 'tinh-uy-quang-ninh', '2021', 'nq-chua-ro-so-2', 'index.html'), 'utf8');
    // 003 cites nothing; no other document's cited documents appear on its page.
    expect(html).not.toMatch(/\/tham-chieu\/[a-z0-9]/);
  });
});

describe('every citation link of the build resolves', () => {
  let pages: string[] = [];
  beforeAll(() => {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name === 'index.html' ? [join(dir, e.name)] : []));
    pages = walk(site.distDir);
  });
  afterAll(() => {
    pages = [];
  });

  it('each cited document has its page, and every link to /tham-chieu/ or from a citation reaches an existing page and id', () => {
    const g = graph();
    for (const c of g.cited) {
      expect(c.url).toMatch(/^\/tham-chieu\/[a-z0-9-]+(\/[a-z0-9-]+)+\/$/);
      expect(existsSync(join(site.distDir, c.url, 'index.html')), c.url).toBe(true);
    }
    const idsOf = new Map<string, Set<string>>();
    const ids = (file: string) => {
      let set = idsOf.get(file);
      if (!set) {
        set = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
        idsOf.set(file, set);
      }
      return set;
    };
    let checked = 0;
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      const links = [...html.matchAll(/<a\s[^>]*href="([^"]+)"[^>]*>/g)]
        .filter((m) => /class="[^"]*(citation|cite-|cited-)/.test(m[0]) || m[1]!.startsWith('/tham-chieu/'))
        .map((m) => m[1]!.replace(/&amp;/g, '&'));
      for (const link of links) {
        const [path, fragment] = link.split('#') as [string, string | undefined];
        const target = path === '' ? file : join(site.distDir, path, 'index.html');
        expect(existsSync(target), `${file}: ${link}`).toBe(true);
        if (fragment) expect(ids(target).has(decodeURIComponent(fragment)), `${file}: ${link}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
  });
});
