/**
 * The one way the site loads Pagefind, and the one place a result URL
 * becomes a link. The USB edition (file://, issue 7) plugs in here:
 *
 * - If `globalThis.__archivePagefind` is defined before the first search
 *   (the USB edition's classic-script bundle of pagefind.js sets it), that
 *   object is used; otherwise `<base>pagefind/pagefind.js` is imported at
 *   runtime (never bundled: it belongs to the index it was built with).
 * - Pagefind's result URLs stay root-relative ("/van-ban/.../"); `resultHref`
 *   turns one (plus a provision id) into an href. If
 *   `globalThis.__archiveResultHref` is defined, it does the mapping instead
 *   (the USB edition maps to the folder the copy sits in).
 *
 * Options are set once, before Pagefind initialises:
 * - `noWorker`: Pagefind runs on the main thread. Saves the 42 KB worker
 *   script on a first search, and the web and the USB edition (where Workers
 *   cannot run) use the same code path, so the browser tests cover both.
 * - `ranking.metaWeights.number`: a match in the document's own number-symbol
 *   weighs like a title match, so "205/NQ-HĐND" puts that resolution before
 *   the documents that cite it.
 *
 * An archive built as shards (docs/decisions/1201-shards.md) gives the search
 * page the other shards' index folders: each is merged before the first
 * search (`mergeIndex`), with the same ranking and excerpt options, and with
 * `baseUrl` set to the site's base so its results keep the URLs they were
 * built with (Pagefind would otherwise prefix them with the index's folder).
 * The USB edition carries one index (its own bundle) and merges nothing.
 */

/** The subset of Pagefind's JS API (1.6) the site uses. */
export interface PagefindAnchor {
  element: string;
  id: string;
  text?: string;
  /** From data-pagefind-title (provision headings, src/components/SearchAnchors.astro). */
  title?: string;
  location: number;
}

export interface PagefindFragment {
  url: string;
  content: string;
  word_count: number;
  locations: number[];
  anchors: PagefindAnchor[];
  meta: Record<string, string | undefined>;
  excerpt: string;
}

export interface PagefindResult {
  id: string;
  score: number;
  /** Word locations of the hits (into `content` split on whitespace). */
  words: number[];
  matchedMetaFields?: string[];
  data(): Promise<PagefindFragment>;
}

export interface PagefindSearchResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}

export type PagefindFilters = Record<string, string | string[]>;

export interface PagefindSearchOptions {
  filters?: PagefindFilters;
  sort?: Record<string, 'asc' | 'desc'>;
}

export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindSearchResponse | null>;
  preload(term: string, options?: PagefindSearchOptions): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  mergeIndex(indexPath: string, options?: Record<string, unknown>): Promise<void>;
}

declare global {
  // eslint-disable-next-line no-var
  var __archivePagefind: PagefindApi | undefined;
  // eslint-disable-next-line no-var
  var __archiveResultHref: ((url: string, fragment: string | null) => string) | undefined;
}

/** Options given to Pagefind before it initialises (see the module comment). */
export const PAGEFIND_OPTIONS = {
  noWorker: true,
  excerptLength: 30,
  ranking: { metaWeights: { title: 5, number: 5 } },
} as const;

let loading: Promise<PagefindApi> | null = null;

/** The site's base path, with its trailing slash ("/" unless the site lives under a subpath). */
function siteBase(): string {
  return (import.meta.env?.BASE_URL ?? '/').replace(/\/?$/, '/');
}

/** Where the web build's bundle lives: `<base>pagefind/pagefind.js`. */
export function defaultBundleUrl(): string {
  return `${siteBase()}pagefind/pagefind.js`;
}

/** What a merged index is given: the site's ranking and excerpts, its results at their own URLs. */
export function mergedIndexOptions(base: string): Record<string, unknown> {
  const { excerptLength, ranking } = PAGEFIND_OPTIONS;
  return { baseUrl: base, excerptLength, ranking };
}

/** Load (once) and initialise Pagefind, merging the other shards' indexes when there are any. */
export function loadPagefind(bundleUrl: string = defaultBundleUrl(), mergedIndexes: readonly string[] = []): Promise<PagefindApi> {
  loading ??= (async () => {
    const own = globalThis.__archivePagefind;
    const pf = own ?? ((await import(/* @vite-ignore */ bundleUrl)) as PagefindApi);
    await pf.options({ ...PAGEFIND_OPTIONS });
    if (!own) for (const index of mergedIndexes) await pf.mergeIndex(index, mergedIndexOptions(siteBase()));
    await pf.init();
    return pf;
  })();
  // A failed load may be retried (e.g. after a network error).
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

/** A provision id as a URL fragment: readable (dots and letters kept), everything else escaped. */
export function fragmentPart(id: string): string {
  return encodeURIComponent(id).replace(/%2E/gi, '.');
}

/** The href of a search result (root-relative from Pagefind) and, optionally, one of its provisions. */
export function resultHref(url: string, fragment: string | null = null): string {
  const mapped = globalThis.__archiveResultHref;
  if (mapped) return mapped(url, fragment);
  return fragment ? `${url}#${fragmentPart(fragment)}` : url;
}
