/**
 * Runs a query plan (src/scripts/search-query.ts) against Pagefind and
 * merges the answers into one ranked list of documents
 * (docs/decisions/0601-search-vietnamese.md).
 *
 * Tiers, best first; relevance (search-rank.ts: Pagefind's BM25 score of the
 * words, raised by the number of phrase occurrences) orders the documents
 * within a tier (ADR 1101):
 *   0  the document's own number-symbol is the query ("205/NQ-HĐND", "176")
 *   1  the phrase as typed, marks and all (either tone placement)
 *   2  the phrase, marks folded (any đ-spelling)
 *   3  every word somewhere (any đ-spelling; Pagefind also matches word prefixes)
 * With a date sort, the same documents come in date order instead.
 */
import type { PagefindApi, PagefindFragment, PagefindResult, PagefindSearchOptions } from './pagefind-loader';
import type { QueryPlan } from './search-query';
import { RANK, rankPages, refinePages, type TextCounts } from './search-rank';
import { holdsPhrase, matchPage } from './search-subresults';
import { applyFilters, facetCounts, filterIndex, type FacetCounts } from './search-facets';

export const TIER = { ownNumber: 0, exactPhrase: 1, phrase: 2, allWords: 3 } as const;

export interface RankedPage {
  id: string;
  /** A Pagefind result for this page (its data() loads the page's fragment). */
  result: PagefindResult;
  tier: number;
  /** Best Pagefind score over the searches that found the page. */
  score: number;
  /** Hit locations from every search, ascending. */
  locations: number[];
  /** Ties are broken on Pagefind's page id (a digest of the page), so an index always gives one order. */
  key: string;
  /** Best Pagefind score of the AND searches (the phrase searches score every page 1). */
  wordScore: number;
  /** Hit locations of the AND searches, ascending (phrase occurrences are counted from them). */
  wordLocations: number[];
  /** The page's fragment, loaded once (ranking reads it, the results page shows it). */
  data(): Promise<PagefindFragment>;
}

function rankedPage(result: PagefindResult, tier: number): RankedPage {
  let fragment: Promise<PagefindFragment> | null = null;
  return {
    id: result.id,
    result,
    tier,
    score: result.score,
    locations: [],
    key: result.id,
    wordScore: 0,
    wordLocations: [],
    data: () => (fragment ??= result.data()),
  };
}

/** The second ranking pass (search-rank.ts): read the first pages' texts and order them again. */
async function refine(list: RankedPage[], plan: QueryPlan): Promise<RankedPage[]> {
  const top = list.slice(0, RANK.refineDepth);
  const datas = await Promise.all(top.map((p) => p.data()));
  const counts: TextCounts[] = top.map((p, i) => {
    const d = datas[i]!;
    const m = matchPage(d.content, d.anchors, p.locations, plan.tokens);
    const occurrences = plan.tokens.length < 2 ? m.wordHits : p.tier === TIER.exactPhrase ? m.exactPhrases : m.phrases;
    return {
      occurrences,
      length: m.words,
      inSubject: holdsPhrase(d.meta.subject ?? '', plan.tokens),
      inHeadings: d.anchors.filter((a) => a.title && holdsPhrase(a.title, plan.tokens)).length,
    };
  });
  return [...refinePages(top, counts), ...list.slice(RANK.refineDepth)];
}

export interface QueryOptions {
  filters?: Record<string, string>;
  /** Sort by date ("desc": newest first) instead of relevance. */
  dateOrder?: 'asc' | 'desc' | null;
}

// Pagefind's exactDiacritics is an instance option: searches must not interleave while it is on.
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

async function searchAll(pf: PagefindApi, terms: string[], options: PagefindSearchOptions): Promise<PagefindResult[][]> {
  const out: PagefindResult[][] = [];
  for (const term of terms) out.push((await pf.search(term, options))?.results ?? []);
  return out;
}

/** Pages in date order for the filters (a filter-only search: no index chunks, just the sort). */
async function dateOrderOf(pf: PagefindApi, filters: Record<string, string>, dir: 'asc' | 'desc'): Promise<PagefindResult[]> {
  return (await pf.search(null, { filters, sort: { date: dir } }))?.results ?? [];
}

export interface QueryAnswer {
  /** The documents that pass the filters, best first (or in date order). */
  pages: RankedPage[];
  /** Per filter key and value: the query's documents that choosing it would give (search-facets.ts). */
  facets: FacetCounts;
}

export function runQuery(pf: PagefindApi, plan: QueryPlan, options: QueryOptions = {}): Promise<QueryAnswer> {
  return serial(async () => {
    const filters = options.filters ?? {};
    // The searches run unfiltered; filters and their counts are applied from one index (search-facets.ts).
    const base: PagefindSearchOptions = {};
    const dir = options.dateOrder ?? null;
    const index = await filterIndex(pf);
    const keys = Object.keys(await pf.filters()).sort();

    if (plan.tokens.length === 0) {
      // No words: every document the filters keep, newest first unless asked otherwise.
      const all = await dateOrderOf(pf, {}, dir ?? 'desc');
      const facets = facetCounts(all.map((r) => r.id), index, filters, keys);
      return { pages: applyFilters(all, index, filters).map((result) => ({ ...rankedPage(result, TIER.allWords), score: 0 })), facets };
    }

    const pages = new Map<string, RankedPage>();
    const add = (result: PagefindResult, tier: number) => {
      let page = pages.get(result.id);
      if (!page) {
        page = rankedPage(result, tier);
        pages.set(result.id, page);
      }
      page.tier = Math.min(page.tier, tier);
      page.score = Math.max(page.score, result.score);
      page.locations.push(...result.words);
      if (tier === TIER.allWords) {
        page.wordScore = Math.max(page.wordScore, result.score);
        page.wordLocations.push(...result.words);
      }
      return page;
    };

    for (const results of await searchAll(pf, plan.all, base)) {
      for (const r of results) {
        const page = add(r, TIER.allWords);
        if (plan.symbol && r.matchedMetaFields?.includes('number')) page.tier = TIER.ownNumber;
      }
    }
    for (const results of await searchAll(pf, plan.phrases, base)) for (const r of results) add(r, TIER.phrase);
    if (plan.exact.length > 0) {
      await pf.options({ exactDiacritics: true });
      try {
        for (const results of await searchAll(pf, plan.exact, base)) for (const r of results) add(r, TIER.exactPhrase);
      } finally {
        await pf.options({ exactDiacritics: false });
      }
    }

    let list = [...pages.values()];
    // A number-symbol is a whole word or nothing: "205" must not bring "2050", nor "205/NQ-HDND" a "205-QĐ/TW"
    // (Pagefind matches word prefixes and, failing a whole symbol, its pieces). Phrase searches match whole words.
    if (plan.symbol && list.some((p) => p.tier <= TIER.phrase)) list = list.filter((p) => p.tier <= TIER.phrase);
    for (const page of list) {
      page.locations = [...new Set(page.locations)].sort((a, b) => a - b);
      page.wordLocations = [...new Set(page.wordLocations)].sort((a, b) => a - b);
      // A page only a phrase search found (prefix rules differ) keeps that search's score.
      if (page.wordScore === 0) page.wordScore = page.score;
    }
    const facets = facetCounts(list.map((p) => p.id), index, filters, keys);
    list = applyFilters(list, index, filters);
    if (dir) {
      const order = new Map((await dateOrderOf(pf, filters, dir)).map((r, i) => [r.id, i]));
      return { pages: list.sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity)), facets };
    }
    // Words as Pagefind indexes them: a token like "kinh-tế" is two.
    return { pages: await refine(rankPages(list, plan.tokens.reduce((n, t) => n + Math.max(1, t.parts.length), 0)), plan), facets };
  });
}

/** Load the index chunks a query will need (while the reader is still typing). */
export async function preloadQuery(pf: PagefindApi, plan: QueryPlan): Promise<void> {
  await Promise.all(plan.all.map((term) => pf.preload(term).catch(() => undefined)));
}
