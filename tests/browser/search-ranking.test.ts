/**
 * Ranking, highlight and filter counts on the built site (issue 11, ADR 1101).
 *
 * The document a reader expects first is derived from the built pages: the
 * one whose text holds the query as a phrase most often (words folded as the
 * search folds them), which for the three queries of the issue is the
 * resolution on administrative reform (27 times), the 2017 resolution naming
 * Vân Đồn (11 times) and the Thành ủy resolution on its Đảng bộ (20 times).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { foldForSearch } from '../../scripts/lib/fold.ts';
import { pathOf, readDocumentsJson, useSite } from '../support/site.ts';

const site = useSite();

/** Words of a document page's text (the article), tags and entities dropped. */
function articleWords(distDir: string, url: string): string[] {
  const html = readFileSync(join(distDir, url, 'index.html'), 'utf8');
  const article = /<article class="doc"[\s\S]*?<\/article>/.exec(html)?.[0] ?? '';
  const text = article
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&[a-z]+;/g, ' ');
  return text.split(/\s+/).map(foldForSearch).filter(Boolean);
}

function phraseCount(words: string[], phrase: string[]): number {
  let n = 0;
  for (let i = 0; i + phrase.length <= words.length; i++) if (phrase.every((p, j) => words[i + j] === p)) n++;
  return n;
}

async function results(page: Page): Promise<string[]> {
  await page.waitForFunction(() => {
    const status = document.getElementById('search-status')?.textContent ?? '';
    return status !== '' && !status.startsWith('Đang tìm') && document.querySelector('#search-results > li');
  });
  const hrefs = await page.$$eval('#search-results > li .result__title a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((h) => pathOf(h, site.url));
}

async function yearCounts(page: Page): Promise<Record<string, number>> {
  return page.$$eval('select[data-filter="year"] option', (options: HTMLOptionElement[]) =>
    Object.fromEntries(options.filter((o) => o.value).map((o) => [o.value, Number(/\((\d+)\)$/.exec(o.textContent ?? '')?.[1] ?? NaN)])),
  );
}

describe('search: the document a reader expects comes first', () => {
  for (const query of ['thu tuc hanh chinh', 'van don', 'dang bo']) {
    it(`"${query}": the document that holds the phrase most often is first`, async () => {
      const phrase = query.split(' ');
      const counted = readDocumentsJson(site.distDir)
        .map((d) => ({ url: d.url, n: phraseCount(articleWords(site.distDir, d.url), phrase) }))
        .sort((a, b) => b.n - a.n);
      const best = counted[0]!;
      // The phrase is that document's subject, not a passing mention.
      expect(best.n).toBeGreaterThanOrEqual(2 * counted[1]!.n);
      const { page } = await site.open(`/tim-kiem/?q=${encodeURIComponent(query)}`);
      const shown = await results(page);
      expect(shown[0]).toBe(best.url);
    });
  }
});

describe('search: the opened document marks the query', () => {
  it('a result opens its document with the query words marked, and the marks can be removed', async () => {
    const { page, problemList } = await site.open('/tim-kiem/?q=dang%20bo');
    await results(page);
    const link = page.locator('#search-results > li .result__title a').first();
    expect(await link.getAttribute('href')).toContain('tu-khoa=dang%20bo');
    await link.click();
    await page.waitForSelector('mark.search-hit');
    const marked = await page.$$eval('article.doc mark.search-hit', (ms) => ms.map((m) => m.textContent ?? ''));
    expect(marked.length).toBeGreaterThan(0);
    // Only the query's words, in any spelling: "Đảng", "bộ", "ĐẢNG", "BỘ".
    expect(new Set(marked.map(foldForSearch))).toEqual(new Set(['dang', 'bo']));
    const notice = page.locator('.search-hit-notice');
    await expect.poll(() => notice.textContent()).toMatch(/Đã đánh dấu \d+ chỗ có «dang bo»/);
    // The page's text is unchanged by the marks.
    const withMarks = await page.textContent('article.doc section');
    await notice.getByRole('button', { name: 'Bỏ đánh dấu' }).click();
    expect(await page.locator('mark.search-hit').count()).toBe(0);
    expect(await page.textContent('article.doc section')).toBe(withMarks);
    expect(new URL(page.url()).searchParams.has('tu-khoa')).toBe(false);
    expect(problemList()).toEqual([]);
  });
});

describe('search: filter counts follow the query', () => {
  it('the year menu counts the documents of the current query, and a year filter narrows the other menus', async () => {
    const { page } = await site.open('/tim-kiem/?q=hoc%20phi');
    await results(page);
    const hocPhi = await yearCounts(page);
    const total = Number(/Tìm thấy (\d+) văn bản/.exec((await page.textContent('#search-status')) ?? '')?.[1]);
    expect(Object.values(hocPhi).reduce((a, b) => a + b, 0)).toBe(total);

    await page.fill('#q', 'dang bo');
    await page.press('#q', 'Enter');
    await page.waitForFunction(() => /«dang bo»/.test(document.getElementById('search-status')?.textContent ?? ''));
    await expect.poll(() => yearCounts(page)).not.toEqual(hocPhi);
    const dangBo = await yearCounts(page);
    const dangBoTotal = Number(/Tìm thấy (\d+) văn bản/.exec((await page.textContent('#search-status')) ?? '')?.[1]);
    expect(Object.values(dangBo).reduce((a, b) => a + b, 0)).toBe(dangBoTotal);

    // Choose the year with most documents: the status says its count, and the issuer menu sums to it.
    const [year, n] = Object.entries(dangBo).sort((a, b) => b[1] - a[1])[0]!;
    await page.selectOption('select[data-filter="year"]', year);
    await page.waitForFunction((y) => (document.getElementById('search-status')?.textContent ?? '').includes(`năm ${y}`), year);
    expect(await page.textContent('#search-status')).toContain(`Tìm thấy ${n} văn bản`);
    const issuers = await page.$$eval('select[data-filter="issuer"] option', (os: HTMLOptionElement[]) =>
      os.filter((o) => o.value).map((o) => Number(/\((\d+)\)$/.exec(o.textContent ?? '')?.[1] ?? NaN)),
    );
    expect(issuers.reduce((a, b) => a + b, 0)).toBe(n);
  });
});
