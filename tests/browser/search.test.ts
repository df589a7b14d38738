/**
 * The search page against the built site (issue 6, docs/decisions/0601,
 * 0602): ranked results for accent-free and đ queries, number-symbols,
 * filters, sort, sub-results that open at their provision, the URL as
 * state, empty and no-result states, keyboard and a 360 px screen.
 *
 * Expected rankings are derived from the built pages themselves (which
 * documents hold a phrase), so the tests say what the order must be, not a
 * copy of today's output.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { pathOf, readDocumentsJson, useSite } from '../support/site.ts';

const site = useSite();
const SEARCH = '/tim-kiem/';
const DOCUMENT_PATH = /^\/van-ban\/[a-z0-9-]+\/[a-z0-9-]+\/[a-z0-9.-]+\/$/;
const NQ_09 = '/van-ban/tinh-uy-quang-ninh/2017/09-nq-tu/';
const NQ_205 = '/van-ban/hdnd-tinh-quang-ninh/2024/205-nq-hdnd/';

interface ShownResult {
  href: string;
  title: string;
  facts: string;
  badge: string | null;
  subs: Array<{ href: string; label: string; excerpt: string; marks: string[] }>;
  excerpt: string | null;
}

/** Wait until the search has answered (results or a no-result message), then read what is shown. */
async function shown(page: Page): Promise<{ status: string; results: ShownResult[] }> {
  await page.waitForFunction(
    () => {
      const status = document.getElementById('search-status')?.textContent ?? '';
      return status !== '' && !status.startsWith('Đang tìm') && (document.querySelector('#search-results > li') || !document.getElementById('search-empty')?.hidden);
    },
    null,
    { timeout: 30_000 },
  );
  return page.evaluate(() => ({
    status: document.getElementById('search-status')?.textContent ?? '',
    results: [...document.querySelectorAll('#search-results > li')].map((li) => ({
      href: li.querySelector('.result__title a')?.getAttribute('href') ?? '',
      title: li.querySelector('.result__title')?.textContent ?? '',
      facts: [...li.querySelectorAll('.result__facts dd')].map((d) => d.textContent).join(' · '),
      badge: li.querySelector('.result__badge')?.textContent ?? null,
      subs: [...li.querySelectorAll('.result__subs > li')].map((s) => ({
        href: s.querySelector('a')?.getAttribute('href') ?? '',
        label: s.querySelector('a')?.textContent ?? '',
        excerpt: s.querySelector('.result__excerpt')?.textContent ?? '',
        marks: [...s.querySelectorAll('mark')].map((m) => m.textContent ?? ''),
      })),
      excerpt: li.querySelector(':scope > .result__excerpt')?.textContent ?? null,
    })),
  }));
}

async function search(q: string): Promise<{ page: Page; results: ShownResult[]; status: string; problemList: () => string[] }> {
  const opened = await site.open(`${SEARCH}?q=${encodeURIComponent(q)}`);
  return { ...(await shown(opened.page)), page: opened.page, problemList: opened.problemList };
}

/** Fold like the search does: no marks, đ -> d, lower case, letters and digits only. */
const fold = (w: string) => w.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** The document's text as indexed (the article minus what search ignores), as words. */
function documentWords(url: string): string[] {
  const html = readFileSync(join(site.distDir, url, 'index.html'), 'utf8');
  const body = html.slice(html.indexOf('<div class="doc__body">'), html.indexOf('<section class="doc-citations"'));
  const text = body
    .replace(/<(span|div) class="(prov-tools|cited-by-note)[^"]*"[^>]*>.*?<\/\1>/gs, ' ')
    // Inline elements join their text to the words around them ("quả<a>Nghị" is one word, as in the source); blocks separate.
    .replace(/<\/?(a|span|ins|del|em|strong|b|i|mark|abbr|q|code)\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/g, ' ');
  return text.split(/\s+/).filter(Boolean);
}

/** Documents whose text holds the phrase (marks folded, or as written when `exact`). */
function documentsWith(phrase: string, exact = false): Set<string> {
  const norm = (w: string) => (exact ? w.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '') : fold(w));
  const want = phrase.split(' ').map(norm);
  const out = new Set<string>();
  for (const doc of readDocumentsJson(site.distDir)) {
    const words = documentWords(doc.url).map(norm);
    for (let i = 0; i + want.length <= words.length; i++) {
      if (want.every((w, j) => words[i + j] === w)) {
        out.add(doc.url);
        break;
      }
    }
  }
  return out;
}

/** Every result whose document holds the phrase comes before any that does not. */
function expectPhraseDocumentsFirst(results: ShownResult[], holders: Set<string>): void {
  const paths = results.map((r) => pathOf(r.href, site.url));
  const firstWithout = paths.findIndex((p) => !holders.has(p));
  const lastWith = paths.reduce((last, p, i) => (holders.has(p) ? i : last), -1);
  expect(holders.size).toBeGreaterThan(0);
  expect(paths.filter((p) => holders.has(p)).sort()).toEqual([...holders].sort());
  if (firstWithout >= 0) expect(lastWith).toBeLessThan(firstWithout);
}

/** The marked words of a result's first sub-result, joined. */
const firstMarks = (r: ShownResult | undefined) => (r?.subs[0]?.marks ?? []).join(' ');

beforeAll(() => {
  // The ranked expectations below need documents to tell apart: make sure the shipped site has them.
  expect(readDocumentsJson(site.distDir).length).toBeGreaterThanOrEqual(5);
});

/** Pagefind's fragments (one per indexed page): gzip, then a 12-byte signature, then JSON. */
function fragments(): Array<{ url: string; content: string; meta: Record<string, string>; filters: Record<string, string[]>; anchors: Array<{ id: string; title?: string; element: string }> }> {
  const dir = join(site.distDir, 'pagefind', 'fragment');
  return readdirSync(dir).map((name) => {
    const bytes = gunzipSync(readFileSync(join(dir, name)));
    expect(bytes.subarray(0, 12).toString()).toBe('pagefind_dcd');
    return JSON.parse(bytes.subarray(12).toString('utf8'));
  });
}

describe('search: what is indexed', () => {
  it('the documents only, each once: its text and headings, not the site chrome, outline, citation panels or metadata panel', () => {
    const docs = readDocumentsJson(site.distDir);
    const indexed = fragments();
    expect(indexed.map((f) => f.url).sort()).toEqual(docs.map((d) => d.url).sort());
    for (const f of indexed) {
      for (const chrome of ['Kho lưu trữ nghị quyết', 'Bỏ qua, đến nội dung chính', 'Mục lục', 'Thông tin văn bản', 'Văn bản dẫn chiếu', 'Được dẫn chiếu bởi', 'Tệp nguồn', 'Trích dẫn']) {
        expect(f.content, `${f.url} indexes "${chrome}"`).not.toContain(chrome);
      }
      // Every word of the text, and nothing else: the same count of words as the page's text.
      const words = documentWords(f.url).filter((w) => /[\p{L}\p{N}]/u.test(w));
      const indexedWords = f.content.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
      expect(indexedWords.length).toBe(words.length);
      // Metadata shown in results and the filters come from attributes, not from indexed text.
      expect(f.meta.title).toMatch(/^Nghị quyết/);
      expect(Object.keys(f.filters).sort()).toEqual(expect.arrayContaining(['issuer', 'type', 'year']));
      // Provisions carry their heading from the outline for sub-results (data-pagefind-title); the few
      // that the outline leaves out (deep levels) are named from their first words in the browser.
      const sections = f.anchors.filter((a) => a.element === 'section');
      expect(sections.length).toBeGreaterThan(3);
      expect(sections.filter((a) => !a.title).length).toBeLessThanOrEqual(sections.length / 10);
    }
  });
});

describe('search: ranked results', () => {
  it('"nông thôn mới" and "nong thon moi": documents holding the phrase first, at the provision that holds it', async () => {
    const holders = documentsWith('nông thôn mới');
    for (const q of ['nông thôn mới', 'nong thon moi']) {
      const { results, status, problemList } = await search(q);
      expect(status).toMatch(/^Tìm thấy \d+ văn bản/);
      for (const r of results) expect(pathOf(r.href, site.url)).toMatch(DOCUMENT_PATH);
      expectPhraseDocumentsFirst(results, holders);
      // The first provision shown holds the phrase, shown as written (marks and all).
      for (const r of results.filter((x) => holders.has(pathOf(x.href, site.url)))) {
        expect(fold(firstMarks(r))).toContain('nongthonmoi');
        expect(r.subs[0]!.excerpt.toLowerCase()).toMatch(/nông thôn mới/);
      }
      expect(problemList()).toEqual([]);
    }
  });

  it('"dang bo" finds "Đảng bộ" (đ folded by query expansion), and shows the real text', async () => {
    const holders = documentsWith('đảng bộ');
    const { results, problemList } = await search('dang bo');
    expectPhraseDocumentsFirst(results, holders);
    expect(results.length).toBeGreaterThan(0);
    for (const r of results.filter((x) => holders.has(pathOf(x.href, site.url)))) {
      const marks = firstMarks(r);
      expect(fold(marks)).toContain('dangbo');
      // Highlights are the document's own words, with đ and tone marks: never the folded query.
      expect(marks).toMatch(/đảng bộ/i);
    }
    expect(problemList()).toEqual([]);
  });

  it('"Đảng bộ" typed with marks ranks exact matches first', async () => {
    const exactHolders = documentsWith('đảng bộ', true);
    const { results, problemList } = await search('Đảng bộ');
    expectPhraseDocumentsFirst(results, exactHolders);
    for (const r of results.filter((x) => exactHolders.has(pathOf(x.href, site.url)))) {
      expect(firstMarks(r).toLowerCase().startsWith('đảng bộ')).toBe(true);
    }
    expect(problemList()).toEqual([]);
  });

  it('"tinh uy" finds both spellings "Tỉnh ủy" and "Tỉnh uỷ"; each spelling finds the other', async () => {
    const holders = documentsWith('tỉnh ủy');
    const { results, problemList } = await search('tinh uy');
    expectPhraseDocumentsFirst(results, holders);
    const marks = results.flatMap((r) => r.subs.flatMap((s) => s.marks)).map((m) => m.normalize('NFC').toLowerCase());
    expect(marks.some((m) => m.startsWith('ủy'))).toBe(true);
    expect(marks.some((m) => m.startsWith('uỷ'))).toBe(true);
    // Typed either way, the same documents come back, all in the phrase tier.
    const a = await search('Tỉnh uỷ');
    const b = await search('Tỉnh ủy');
    const paths = (rs: ShownResult[]) => rs.map((r) => pathOf(r.href, site.url)).sort();
    expect(paths(a.results)).toEqual(paths(results));
    expect(paths(b.results)).toEqual(paths(results));
    expectPhraseDocumentsFirst(a.results, holders);
    expect(problemList()).toEqual([]);
  });

  it('"hoà" and "hòa" find each other', async () => {
    const a = await search('hoà');
    const b = await search('hòa');
    const marks = (rs: ShownResult[]) => new Set(rs.flatMap((r) => r.subs.flatMap((s) => s.marks)).map((m) => m.toLowerCase().replace(/[^\p{L}]/gu, '')));
    for (const found of [marks(a.results), marks(b.results)]) {
      expect(found.has('hoà')).toBe(true);
      expect(found.has('hòa')).toBe(true);
    }
  });

  it('"chuyen doi so" finds "chuyển đổi số", phrase first', async () => {
    const holders = documentsWith('chuyển đổi số');
    const { results, problemList } = await search('chuyen doi so');
    expectPhraseDocumentsFirst(results, holders);
    for (const r of results.filter((x) => holders.has(pathOf(x.href, site.url)))) {
      // Folded: an unmarked query takes OCR-damaged spellings ("chuyến đối số") as they come.
      expect(fold(firstMarks(r))).toMatch(/^chuyendoiso/);
    }
    expect(problemList()).toEqual([]);
  });

  it('"205/NQ-HĐND": the resolution itself first, marked as the one with that number', async () => {
    for (const q of ['205/NQ-HĐND', '205/NQ-HDND']) {
      const { results, problemList } = await search(q);
      expect(pathOf(results[0]!.href, site.url)).toBe(NQ_205);
      expect(results[0]!.badge).toBe('Văn bản mang số ký hiệu này');
      expect(results[0]!.facts).toContain('205/NQ-HĐND');
      // Only documents holding the whole symbol: no "205-QĐ/TW", no "2050".
      for (const r of results.slice(1)) expect(r.subs.flatMap((s) => s.marks).some((m) => fold(m).startsWith('205nqhdnd'))).toBe(true);
      expect(problemList()).toEqual([]);
    }
  });

  it('"09-NQ/TU": the resolution itself first, then the documents that cite the number', async () => {
    const citing = [...documentsWith('09-NQ/TU')].filter((p) => p !== NQ_09);
    const { results, problemList } = await search('09-NQ/TU');
    expect(pathOf(results[0]!.href, site.url)).toBe(NQ_09);
    expect(results[0]!.badge).not.toBeNull();
    expect(citing.length).toBeGreaterThan(0);
    expect(results.slice(1).map((r) => pathOf(r.href, site.url)).sort()).toEqual(citing.sort());
    for (const r of results.slice(1)) expect(firstMarks(r)).toContain('09-NQ/TU');
    expect(problemList()).toEqual([]);
  });

  it('"176" finds the resolution that cites 176/NQ-HĐND, at its legal basis', async () => {
    const { results, problemList } = await search('176');
    expect(pathOf(results[0]!.href, site.url)).toBe(NQ_205);
    expect(results[0]!.subs[0]!.marks.join(' ')).toContain('176/NQ-HĐND');
    expect(results[0]!.subs.map((s) => s.href.replace(/^.*#/, ''))).toContain('can-cu');
    expect(problemList()).toEqual([]);
  });
});

describe('search: sub-results, filters, sort', () => {
  it('a sub-result names its provision and opens the document at it', async () => {
    const { page, results, problemList } = await search('chuyen doi so');
    const sub = results[0]!.subs[0]!;
    const id = decodeURIComponent(sub.href.split('#')[1] ?? '');
    expect(id).not.toBe('');
    // "Mục II.4.2 – heading" or "Điều 1, khoản 3 – heading".
    expect(sub.label).toMatch(/^(Mục|Điều|Căn cứ|Mở đầu|Phần)/);
    await Promise.all([page.waitForURL((u) => u.hash !== ''), page.locator('#search-results .result__subs a').first().click()]);
    expect(pathOf(page.url(), site.url)).toBe(pathOf(results[0]!.href, site.url));
    const target = page.locator(`[id="${id}"]`);
    await target.waitFor({ state: 'attached' });
    const where = await target.evaluate((element) => ({
      top: element.getBoundingClientRect().top,
      viewport: window.innerHeight,
      isTarget: element.matches(':target'),
      text: element.textContent ?? '',
    }));
    expect(where.isTarget).toBe(true);
    expect(where.top).toBeGreaterThanOrEqual(-1);
    expect(where.top).toBeLessThan(where.viewport);
    expect(fold(where.text)).toContain('chuyendoiso');
    expect(problemList()).toEqual([]);
  });

  it('a filter narrows the results and goes into the URL', async () => {
    const { page, results, problemList } = await search('nông thôn');
    await page.locator('.search-filters-panel:not([hidden])').waitFor();
    const issuer = page.locator('select[name="co-quan"]');
    const option = await issuer.locator('option', { hasText: 'HĐND tỉnh Quảng Ninh' }).getAttribute('value');
    expect(option).toBe('HĐND tỉnh Quảng Ninh');
    await issuer.selectOption(option!);
    await page.waitForURL((u) => u.searchParams.get('co-quan') === 'HĐND tỉnh Quảng Ninh');
    await page.waitForFunction((n) => document.querySelectorAll('#search-results > li').length < n, results.length);
    const narrowed = await shown(page);
    expect(narrowed.results.length).toBeGreaterThan(0);
    expect(narrowed.results.length).toBeLessThan(results.length);
    for (const r of narrowed.results) expect(r.facts).toContain('HĐND tỉnh Quảng Ninh');
    expect(narrowed.status).toContain('lọc theo cơ quan HĐND tỉnh Quảng Ninh');
    expect(problemList()).toEqual([]);
  });

  it('a year filter from a shared URL applies, and the sort by date orders the documents', async () => {
    const byYear = await site.open(`${SEARCH}?q=${encodeURIComponent('nghị quyết')}&nam=2017`);
    const { results } = await shown(byYear.page);
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(r.facts).toContain('2017');
    await expect(byYear.page.locator('select[name="nam"]').inputValue()).resolves.toBe('2017');

    const newest = await site.open(`${SEARCH}?q=${encodeURIComponent('nghị quyết')}&sap-xep=moi-nhat`);
    const years = (await shown(newest.page)).results.map((r) => Number(/(\d{4})/.exec(r.facts.split(' · ')[2] ?? '')?.[1] ?? 0));
    expect(years.length).toBeGreaterThan(2);
    expect([...years].sort((a, b) => b - a)).toEqual(years);
    const oldest = await site.open(`${SEARCH}?q=${encodeURIComponent('nghị quyết')}&sap-xep=cu-nhat`);
    const years2 = (await shown(oldest.page)).results.map((r) => Number(/(\d{4})/.exec(r.facts.split(' · ')[2] ?? '')?.[1] ?? 0));
    expect(years2).toEqual([...years].reverse());
    expect([...byYear.problemList(), ...newest.problemList(), ...oldest.problemList()]).toEqual([]);
  });
});

describe('search: the URL is the state', () => {
  it('?q= round-trips: shown in the box, a new search updates it, Back and Forward restore each', async () => {
    const { page, problemList } = await site.open(`${SEARCH}?q=${encodeURIComponent('nông thôn')}`);
    const first = await shown(page);
    const input = page.locator('#search-form input[type="search"]');
    await expect(input.inputValue()).resolves.toBe('nông thôn');
    expect(first.status).toContain('«nông thôn»');

    await input.fill('chuyen doi so');
    await input.press('Enter');
    await page.waitForURL((u) => u.searchParams.get('q') === 'chuyen doi so');
    await page.waitForFunction(() => document.getElementById('search-status')?.textContent?.includes('«chuyen doi so»'));

    await page.goBack();
    await page.waitForURL((u) => u.searchParams.get('q') === 'nông thôn');
    await page.waitForFunction(() => document.getElementById('search-status')?.textContent?.includes('«nông thôn»'));
    await expect(input.inputValue()).resolves.toBe('nông thôn');

    await page.goForward();
    await page.waitForFunction(() => document.getElementById('search-status')?.textContent?.includes('«chuyen doi so»'));
    await expect(input.inputValue()).resolves.toBe('chuyen doi so');
    expect(problemList()).toEqual([]);
  });

  it('typing in the box searches and keeps the URL in step', async () => {
    const { page, problemList } = await site.open(SEARCH);
    const input = page.locator('#search-form input[type="search"]');
    await input.click();
    await input.pressSequentially('dang bo', { delay: 20 });
    await page.waitForURL((u) => u.searchParams.get('q') === 'dang bo');
    const { results } = await shown(page);
    expect(results.length).toBeGreaterThan(0);
    expect(problemList()).toEqual([]);
  });

  it('the header search box of any page sends its query to the search page', async () => {
    const { page, problemList } = await site.open(NQ_09);
    // Let the document page finish its own requests first (leaving earlier would abort them, which is not a search problem).
    await page.waitForLoadState('networkidle');
    const box = page.locator('.site-header input[type="search"]');
    await box.fill('nong thon moi');
    await Promise.all([page.waitForURL((u) => u.pathname === SEARCH && u.searchParams.get('q') === 'nong thon moi'), box.press('Enter')]);
    const { results } = await shown(page);
    expect(results.length).toBeGreaterThan(0);
    expect(problemList()).toEqual([]);
  });
});

describe('search: states, keyboard, small screens', () => {
  it('with no query, says what to try, with example searches that run', async () => {
    const { page, problemList } = await site.open(SEARCH);
    const help = page.locator('#search-help');
    await expect(help.isVisible()).resolves.toBe(true);
    await expect(help.locator('a[data-example]').count()).resolves.toBeGreaterThanOrEqual(3);
    await help.locator('a[data-example="dang bo"]').click();
    await page.waitForURL((u) => u.searchParams.get('q') === 'dang bo');
    expect((await shown(page)).results.length).toBeGreaterThan(0);
    await expect(help.isVisible()).resolves.toBe(false);
    expect(problemList()).toEqual([]);
  });

  it('with no result, says so and what to try, and offers to drop the filters', async () => {
    const { page, status, results, problemList } = await search('xyzxyzxyz');
    expect(results).toEqual([]);
    expect(status).toContain('Không tìm thấy văn bản nào');
    const empty = page.locator('#search-empty');
    await expect(empty.isVisible()).resolves.toBe(true);
    await expect(empty.innerText()).resolves.toContain('Hãy thử');

    // 205/NQ-HĐND is of 2024: nothing in 2017.
    const filtered = await site.open(`${SEARCH}?q=${encodeURIComponent('205/NQ-HĐND')}&nam=2017`);
    await shown(filtered.page);
    const clear = filtered.page.locator('#search-empty button');
    await expect(clear.isVisible()).resolves.toBe(true);
    await clear.click();
    await filtered.page.waitForURL((u) => !u.searchParams.has('nam'));
    expect((await shown(filtered.page)).results.length).toBeGreaterThan(0);
    expect([...problemList(), ...filtered.problemList()]).toEqual([]);
  });

  it('works from the keyboard: "/" to the box, Enter to search, arrows through the results', async () => {
    const { page, problemList } = await site.open(SEARCH);
    await page.locator('h1').click();
    await page.keyboard.press('/');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('q');
    await page.keyboard.type('tinh uy');
    await page.keyboard.press('Enter');
    await shown(page);
    await page.keyboard.press('ArrowDown');
    const first = await page.evaluate(() => document.activeElement?.closest('#search-results') !== null && document.activeElement?.tagName);
    expect(first).toBe('A');
    await page.keyboard.press('ArrowDown');
    const second = await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.getAttribute('href'));
    await Promise.all([page.waitForURL((u) => u.pathname.startsWith('/van-ban/')), page.keyboard.press('Enter')]);
    const opened = new URL(page.url());
    const wanted = new URL(second!, `${site.url}/`);
    expect(`${opened.pathname}${opened.hash}`).toBe(`${wanted.pathname}${wanted.hash}`);
    expect(problemList()).toEqual([]);
  });

  it('fits a 360 px wide phone screen', async () => {
    const { page, problemList } = await site.open(`${SEARCH}?q=${encodeURIComponent('205/NQ-HĐND')}`);
    await page.setViewportSize({ width: 360, height: 740 });
    await shown(page);
    await page.locator('.search-filters-panel:not([hidden])').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('#search-form, #search-results, .result, .search-filters select')]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
        .map((e) => e.className || e.id),
    );
    expect(wide).toEqual([]);
    expect(problemList()).toEqual([]);
  });
});
