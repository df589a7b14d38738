/**
 * The archive past one machine (issue 12, docs/decisions/1201-shards.md):
 * two shards of the shipped archive, split by the issuer's province, each
 * built as a complete site with its own Pagefind index, joined on one
 * origin; the site's own search box (/tim-kiem/ of the root shard, which
 * merges the other shard's index: mergeIndex) finds documents of both.
 *
 * Small shards (up to 10 documents each, chosen by the rule) keep it fast;
 * the global build of the browser project is not used.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../../scripts/build/static-server.ts';
import { buildShards, shardIndexPath, type ShardsResult } from '../../scripts/shards/build-shards.ts';
import { allProblems, launchBrowser, watchPage } from '../support/browser.ts';
import { PROJECT_ROOT } from '../support/paths.ts';

const QUERY = 'ngân sách';

let work = '';
let built: ShardsResult;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'archive-shards-'));
  built = await buildShards(join(PROJECT_ROOT, 'content'), work, [
    { name: 'quang-ninh', keys: ['Quảng Ninh'] },
    { name: 'ha-giang', keys: ['Hà Giang'] },
  ], 10);
  for (const s of built.shards) console.log(`[shards] ${s.name}: ${s.urls.length} documents, build ${s.buildSeconds.toFixed(1)} s, index ${s.indexBytes} bytes`);
  server = await startStaticServer(built.joinedDir);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work && !process.env.ARCHIVE_TEST_KEEP) rmSync(work, { recursive: true, force: true });
});

/** Every result the search page shows for the current query (its "more" button pressed until gone), as document URLs. */
async function allResults(page: Page): Promise<string[]> {
  await page.waitForFunction(() => {
    const status = document.getElementById('search-status')?.textContent ?? '';
    return status !== '' && !status.startsWith('Đang tìm') && (document.querySelector('#search-results > li') !== null || !document.getElementById('search-empty')!.hidden);
  }, null, { timeout: 30_000 });
  const more = page.locator('#search-more');
  while (await more.isVisible()) {
    const shown = await page.locator('#search-results > li').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('#search-results > li').length > n || (document.getElementById('search-more') as HTMLButtonElement).hidden, shown);
  }
  // A result's link carries the query for highlighting (?...): the document's URL is its path.
  return page.$$eval('#search-results .result__title a', (links) => links.map((l) => new URL(l.getAttribute('href') ?? '', location.href).pathname));
}

/** The shard's documents whose built page holds the query, by URL. */
function holding(shard: ShardsResult['shards'][number]): string[] {
  const dist = join(work, 'shards', shard.name, 'dist');
  return shard.urls.filter((url) => readFileSync(join(dist, url, 'index.html'), 'utf8').includes(QUERY));
}

describe('two shards joined in one search box', () => {
  it('finds documents of both shards, and a result of the merged shard opens its page', async () => {
    const [a, b] = built.shards;
    const expectedA = holding(a!);
    const expectedB = holding(b!);
    // The query is chosen to be in both shards; if the corpus changes so it is not, the test says so.
    expect(expectedA.length).toBeGreaterThan(0);
    expect(expectedB.length).toBeGreaterThan(0);

    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    const problems = watchPage(page);
    // Bytes of the first merged search, per shard and kind (engine: pagefind.js and wasm; index; fragments).
    const fetched: Record<string, number> = {};
    page.on('response', async (response) => {
      const path = new URL(response.url()).pathname;
      const shard = path.startsWith(`/kho/${b!.name}/pagefind/`) ? b!.name : path.startsWith('/pagefind/') ? a!.name : null;
      const body = shard ? await response.body().catch(() => null) : null;
      if (!shard || !body) return;
      const kind = path.includes('/fragment/') ? 'fragments' : /pagefind\.js$|\.wasm|wasm\./.test(path) ? 'engine' : 'index';
      fetched[`${shard} ${kind}`] = (fetched[`${shard} ${kind}`] ?? 0) + body.length;
    });
    await page.goto(`${server.url}${built.searchPath}`, { waitUntil: 'load' });
    // The root shard's page names the other shard's index; nothing else.
    expect(JSON.parse((await page.locator('#search-form').getAttribute('data-pagefind-merge')) ?? '[]')).toEqual([shardIndexPath(b!.name)]);
    await page.fill('#q', QUERY);
    await page.press('#q', 'Enter');
    await page.waitForURL((u) => u.searchParams.get('q') === QUERY);
    const hrefs = await allResults(page);
    console.log(`[shards] first merged search "${QUERY}": ${hrefs.length} results; bytes fetched: ${JSON.stringify(fetched)}`);
    // Both indexes answered the one search.
    expect(Object.keys(fetched).some((k) => k.startsWith(`${b!.name} `))).toBe(true);

    // Every document of either shard that holds the phrase is found, at its own URL (Pagefind also
    // finds pages holding both words apart), and every result is a document of one of the shards.
    expect(hrefs).toEqual(expect.arrayContaining([...expectedA, ...expectedB]));
    const known = new Set([...a!.urls, ...b!.urls]);
    expect(hrefs.filter((href) => !known.has(href))).toEqual([]);

    // A result of the merged shard is a link to its page on the joined site.
    const [response] = await Promise.all([page.waitForNavigation(), page.locator(`#search-results .result__title a[href^="${expectedB[0]}?"]`).click()]);
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe(expectedB[0]);
    expect(((await page.locator('h1').first().textContent()) ?? '').trim()).not.toBe('');
    expect(allProblems(problems)).toEqual([]);
    await context.close();
  });
});
