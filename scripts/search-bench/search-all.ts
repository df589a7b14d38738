/**
 * Run a list of queries on one edition of a built archive, in order. Each
 * query in a fresh browser context by default (empty cache: a reader who
 * arrives from a shared link), or all on one page (the browser test: ranking
 * only, quicker). Either way each query is opened by its URL, never typed
 * into a page that searched before: in one page a query ranks differently
 * after other queries (measured: 5 of 61 judged queries, ADR 1102), and the
 * figures must not depend on the order of the judged set.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { prepareContext, rankedSearch, type Edition, type RankedSearch } from './search-page.ts';

export interface SearchAllOptions {
  /** Documents to read per query (default 10). */
  depth?: number;
  /** A fresh context per query (default true). */
  fresh?: boolean;
  /** Also note what each page loaded (bytes-loaded.ts). */
  resources?: boolean;
}

async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'vi-VN' });
  await prepareContext(context);
  return { context, page: await context.newPage() };
}

export async function searchAll(browser: Browser, edition: Edition, queries: readonly string[], options: SearchAllOptions = {}): Promise<RankedSearch[]> {
  const fresh = options.fresh ?? true;
  const out: RankedSearch[] = [];
  let shared: { context: BrowserContext; page: Page } | null = null;
  try {
    for (const query of queries) {
      const opened = fresh ? await newPage(browser) : (shared ??= await newPage(browser));
      try {
        out.push(await rankedSearch(opened.page, edition, query, { depth: options.depth, resources: options.resources }));
      } finally {
        if (fresh) await opened.context.close();
      }
    }
  } finally {
    await shared?.context.close();
  }
  return out;
}

/** Median of numbers (the mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface AnswerTimes {
  /** Queries with results whose first result was timed. */
  timed: number;
  medianMs: number | null;
  maxMs: number | null;
}

/** First-result times over the searches that found something. */
export function answerTimes(searches: readonly RankedSearch[]): AnswerTimes {
  const times = searches.filter((s) => !s.none && s.answeredMs !== null).map((s) => s.answeredMs!);
  return { timed: times.length, medianMs: median(times), maxMs: times.length > 0 ? Math.max(...times) : null };
}
