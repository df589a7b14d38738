/**
 * What a reader's first search costs: open the search page with `?q=` in a
 * fresh Chromium (empty cache), wait for results, and add up every response
 * body, split into Pagefind's own files and the rest of the page.
 */
import { launchBrowser } from './chromium.ts';
import { startStaticServer } from './static-server.ts';

export interface FirstSearch {
  query: string;
  results: number;
  pagefindRequests: number;
  pagefindBytes: number;
  pageRequests: number;
  pageBytes: number;
  seconds: number;
  error?: string;
}

export async function measureFirstSearch(distDir: string, query: string, searchPath = '/tim-kiem/'): Promise<FirstSearch> {
  const server = await startStaticServer(distDir);
  const browser = await launchBrowser();
  const measured: FirstSearch = { query, results: 0, pagefindRequests: 0, pagefindBytes: 0, pageRequests: 0, pageBytes: 0, seconds: 0 };
  const pending: Promise<void>[] = [];
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('response', (response) => {
      pending.push(
        response
          .body()
          .then((body) => {
            if (new URL(response.url()).pathname.startsWith('/pagefind/')) {
              measured.pagefindRequests += 1;
              measured.pagefindBytes += body.length;
            } else {
              measured.pageRequests += 1;
              measured.pageBytes += body.length;
            }
          })
          .catch(() => undefined),
      );
    });
    const started = Date.now();
    await page.goto(`${server.url}${searchPath}?q=${encodeURIComponent(query)}`, { waitUntil: 'load' });
    const links = page.locator('#search-results a[href]');
    await links.first().waitFor({ state: 'visible', timeout: 30_000 });
    // Let the last fragment requests of the first page of results finish.
    await page.waitForLoadState('networkidle');
    measured.seconds = (Date.now() - started) / 1000;
    measured.results = await page.locator('#search-results > li').count();
    await Promise.all(pending);
    await context.close();
  } catch (error) {
    measured.error = (error as Error).message.split('\n')[0];
  } finally {
    await browser.close();
    await server.close();
  }
  return measured;
}
