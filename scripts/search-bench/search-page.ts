/**
 * The search page as a reader meets it, driven in Chromium: open
 * /tim-kiem/?q=… (over http, or the USB edition's tim-kiem/index.html from
 * file://), wait until the page reports results or none, and read the ranked
 * documents as site paths ("/van-ban/…/"), asking for more results only until
 * `depth` documents are shown. Also when the first result appeared, timed in
 * the page (docs/decisions/1102-judged-search-benchmark.md).
 *
 * Used by `npm run bench:search` (run.ts) and tests/browser/search-judged.test.ts.
 */
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page, Request } from 'playwright-core';

/** Where a built edition is opened: the web build over http, or the USB edition from its folder. */
export interface Edition {
  kind: 'http' | 'file';
  /** The site root as a URL ending in "/": `http://127.0.0.1:1234/` or `file:///…/dist-usb/`. */
  root: string;
}

export const httpEdition = (serverUrl: string): Edition => ({ kind: 'http', root: `${serverUrl.replace(/\/+$/, '')}/` });
export const fileEdition = (usbDir: string): Edition => ({ kind: 'file', root: `${pathToFileURL(usbDir).href.replace(/\/+$/, '')}/` });

/** The search page's URL for a query in an edition (the USB edition has no folder URLs). */
export function searchUrl(edition: Edition, query: string): string {
  const page = edition.kind === 'file' ? 'tim-kiem/index.html' : 'tim-kiem/';
  return `${edition.root}${page}?q=${encodeURIComponent(query)}`;
}

/**
 * A result link as the site path a judged set names: `/van-ban/x/2017/y/`.
 * Both editions: http links are root-absolute, the USB edition's are file URLs
 * of the copy's index.html files. A link outside the edition stays as it is.
 */
export function sitePathOf(href: string, edition: Edition): string {
  const bare = new URL(href, edition.root).href.replace(/[?#].*$/s, '');
  const rootBare = new URL(edition.root).href;
  if (!bare.startsWith(rootBare)) return href;
  const path = `/${decodeURIComponent(bare.slice(rootBare.length))}`;
  return path.replace(/(^|\/)index\.html$/, '$1');
}

export interface RankedSearch {
  query: string;
  /** Documents in the order shown, as site paths; at most `depth`. */
  urls: string[];
  /** What the page said about the whole result set ("Tìm thấy 12 văn bản…", "Không tìm thấy…"). */
  status: string;
  /** The page showed no result. */
  none: boolean;
  /** ms from navigation start to the frame that first painted a result (or the "none" message). */
  answeredMs: number | null;
  /** What the page had loaded when the answer appeared (before any "more"), when asked for. */
  loaded: LoadedResource[] | null;
}

/** One file the page loaded, from the page's own timing entries (navigation and resources). */
export interface LoadedResource {
  url: string;
  /** Body bytes as received (0 or missing for file:// URLs: count those from disk). */
  encodedBodySize: number;
  transferSize: number;
}

/**
 * Installed before the page's scripts: note when the first result (or the
 * "none" box) is in the DOM, and the animation frame after that, i.e. when it
 * is painted. performance.now() counts from navigation start.
 */
function installProbe(): void {
  interface Probe {
    inserted: number | null;
    painted: number | null;
  }
  const probe: Probe = { inserted: null, painted: null };
  (globalThis as unknown as { __searchBench: Probe }).__searchBench = probe;
  // A first search of a big archive may fetch many files; keep every resource timing entry.
  performance.setResourceTimingBufferSize(10_000);
  const answered = () => {
    if (document.querySelector('#search-results > li')) return true;
    const empty = document.getElementById('search-empty');
    return empty !== null && !empty.hidden;
  };
  const observer = new MutationObserver(() => {
    if (probe.inserted !== null || !answered()) return;
    probe.inserted = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => {
      probe.painted = performance.now();
    });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
}

/** Once per context, before its first search page. */
export async function prepareContext(context: BrowserContext): Promise<void> {
  await context.addInitScript(installProbe);
}

const RESULT_ITEMS = '#search-results > li';
const RESULT_LINKS = '#search-results > li .result__title a';

/** The page has settled on an answer: results shown, or a status that is neither empty nor "searching". */
async function waitForAnswer(page: Page, timeout: number): Promise<void> {
  await page.waitForFunction(
    () => {
      if (document.querySelector('#search-results > li')) return true;
      const empty = document.getElementById('search-empty');
      if (empty && !empty.hidden) return true;
      const status = document.getElementById('search-status')?.textContent?.trim() ?? '';
      // "Tìm thấy N văn bản" comes just before the first batch is rendered: wait for it.
      return status !== '' && !/^Đang tìm|^Tìm thấy/.test(status);
    },
    undefined,
    { timeout, polling: 'raf' },
  );
}

/**
 * Search `query` on `page` (a page of a context prepared with
 * prepareContext) and return the first `depth` documents. Throws when the
 * page says the search could not run.
 */
export async function rankedSearch(
  page: Page,
  edition: Edition,
  query: string,
  options: { depth?: number; timeout?: number; resources?: boolean } = {},
): Promise<RankedSearch> {
  const depth = options.depth ?? 10;
  const timeout = options.timeout ?? 30_000;
  // file:// loads leave no resource timing entries: note every request too.
  const requested: string[] = [];
  const onRequest = (request: Request) => requested.push(request.url());
  if (options.resources) page.on('request', onRequest);
  await page.goto(searchUrl(edition, query), { waitUntil: 'domcontentloaded' });
  await waitForAnswer(page, timeout);
  // Read before "more" loads the next batch's fragments.
  page.off('request', onRequest);
  const loaded = options.resources ? withRequests(await loadedResources(page), requested) : null;
  const items = page.locator(RESULT_ITEMS);
  const more = page.locator('#search-more');
  // "Xem thêm kết quả" appends the next batch; only as often as the depth needs.
  for (let shown = await items.count(); shown > 0 && shown < depth && (await more.isVisible()); shown = await items.count()) {
    await more.click();
    await page.waitForFunction(
      ([selector, before]) => document.querySelectorAll(selector).length > before || (document.getElementById('search-more')?.hidden ?? true),
      [RESULT_ITEMS, shown] as const,
      { timeout, polling: 'raf' },
    );
  }
  const hrefs = await page.locator(RESULT_LINKS).evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  const status = ((await page.locator('#search-status').textContent()) ?? '').trim();
  if (hrefs.length === 0 && /^Không tải được/.test(status)) throw new Error(`search "${query}": ${status}`);
  const answeredMs = await page
    .waitForFunction(() => (globalThis as unknown as { __searchBench?: { painted: number | null } }).__searchBench?.painted ?? null, undefined, { timeout: 5_000 })
    .then((handle) => handle.jsonValue() as Promise<number>)
    .catch(() => null);
  return {
    query,
    urls: hrefs.slice(0, depth).map((href) => sitePathOf(href, edition)),
    status,
    none: hrefs.length === 0,
    answeredMs: answeredMs === null ? null : Math.round(answeredMs),
    loaded,
  };
}

/** The page's navigation and resource timing entries so far, sorted by URL. */
function loadedResources(page: Page): Promise<LoadedResource[]> {
  return page.evaluate(() =>
    [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
      .map((entry) => {
        const timing = entry as PerformanceResourceTiming;
        return { url: timing.name, encodedBodySize: timing.encodedBodySize, transferSize: timing.transferSize };
      })
      .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0)),
  );
}

/** Timing entries plus the requests that left none (file:// URLs), each URL once, sorted. */
function withRequests(entries: LoadedResource[], requested: string[]): LoadedResource[] {
  const seen = new Set(entries.map((entry) => entry.url));
  const extra = [...new Set(requested)].filter((url) => !seen.has(url)).map((url) => ({ url, encodedBodySize: 0, transferSize: 0 }));
  return [...entries, ...extra].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}
