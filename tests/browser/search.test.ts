/** The search page answers Vietnamese queries from the Pagefind index. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pathOf, useSite } from '../support/site.ts';

const site = useSite();
const SEARCH = '/tim-kiem/';
const DOCUMENT_PATH = /^\/van-ban\/[a-z0-9-]+\/[a-z0-9-]+\/[a-z0-9.-]+\/$/;

/** Links of the search results, once at least one has appeared. */
async function resultLinks(page: Page): Promise<string[]> {
  const links = page.locator('#search-results a[href]');
  await links.first().waitFor({ state: 'visible', timeout: 20_000 });
  return links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
}

function expectDocumentLinks(hrefs: string[]): void {
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) expect(pathOf(href, site.url)).toMatch(DOCUMENT_PATH);
}

describe('search page', () => {
  it('finds documents for a query typed into the search box', async () => {
    const { page, response, problemList } = await site.open(SEARCH);
    expect(response?.status()).toBe(200);
    const input = page.locator('#search-form input[type="search"]');
    await input.click();
    await input.pressSequentially('nông thôn', { delay: 20 });
    await input.press('Enter');
    const hrefs = await resultLinks(page);
    expectDocumentLinks(hrefs);
    expect(new URL(page.url()).searchParams.get('q')).toBe('nông thôn');
    expect(problemList()).toEqual([]);

    // A result opens its document.
    const first = hrefs[0] ?? '';
    const opened = await site.open(first);
    expect(opened.response?.status()).toBe(200);
    await expect(opened.page.locator('html').getAttribute('lang')).resolves.toBe('vi');
    expect(opened.problemList()).toEqual([]);
  });

  it('runs the query given in ?q= and shows it in the box', async () => {
    const { page, problemList } = await site.open(`${SEARCH}?q=${encodeURIComponent('nông thôn')}`);
    expectDocumentLinks(await resultLinks(page));
    await expect(page.locator('#search-form input[type="search"]').inputValue()).resolves.toBe('nông thôn');
    expect(problemList()).toEqual([]);
  });
});
