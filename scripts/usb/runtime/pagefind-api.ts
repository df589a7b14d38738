/**
 * Pagefind's API as the USB edition's classic bundle exposes it on
 * `globalThis.__archivePagefind` (what src/scripts/pagefind-loader.ts uses
 * there instead of importing /pagefind/pagefind.js), and the result-URL
 * mapping it reads from `globalThis.__archiveResultHref`:
 *
 * - the same functions as Pagefind's module (options, init, search,
 *   debouncedSearch, preload, filters, destroy, mergeIndex, createInstance);
 * - `baseUrl` is "/" unless the caller sets one: Pagefind's default base
 *   comes from its own folder's URL, and joined with a `file:///` URL it
 *   gives `/file:/…`. Results so stay root-relative (`/van-ban/x/`), as on
 *   the web, and the page's one mapping function (`resultHref`) asks
 *   `__archiveResultHref` to turn them into the copy's files.
 */
import { fragmentPart, resultUrl } from './assets.ts';

type Options = Record<string, unknown>;

interface SearchResponse {
  results: unknown[];
  [key: string]: unknown;
}

/** The functions of Pagefind's module that take part here. */
export interface PagefindModule {
  options(o: Options): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, o?: Options): Promise<SearchResponse | null>;
  debouncedSearch(term: string | null, o?: Options, ms?: number): Promise<SearchResponse | null>;
  preload(term: string, o?: Options): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  destroy(): Promise<void>;
  mergeIndex(path: string, o?: Options): Promise<void>;
  createInstance(o?: Options): Omit<PagefindModule, 'createInstance'>;
}

/**
 * `__archiveResultHref(url, fragment)`: a root-relative result URL (and a
 * provision id) as the URL of the copy's file: `/van-ban/x/` + `II.3` ->
 * `file:///…/van-ban/x/index.html#II.3`.
 */
export function resultHrefIn(siteRoot: string): (url: string, fragment: string | null) => string {
  return (url, fragment) => {
    const mapped = resultUrl(url, siteRoot);
    return fragment ? `${mapped.replace(/#.*$/s, '')}#${fragmentPart(fragment)}` : mapped;
  };
}

type Api = Omit<PagefindModule, 'createInstance'>;

function wrapApi(pf: Api, initialOptions: Options): Api {
  // Pagefind's module replaces (does not merge) options given before init: always pass the whole set.
  let given: Options = { baseUrl: '/', ...initialOptions };
  let sent = false;
  const ready = async () => {
    if (!sent) {
      sent = true;
      await pf.options(given);
    }
  };
  return {
    async options(o) {
      given = { ...given, ...o };
      sent = true;
      await pf.options(given);
    },
    async init() {
      await ready();
      await pf.init();
    },
    async search(term, o) {
      await ready();
      return pf.search(term, o);
    },
    async debouncedSearch(term, o, ms) {
      await ready();
      return pf.debouncedSearch(term, o, ms);
    },
    async preload(term, o) {
      await ready();
      await pf.preload(term, o);
    },
    async filters() {
      await ready();
      return pf.filters();
    },
    async destroy() {
      sent = false;
      given = { baseUrl: '/', ...initialOptions };
      await pf.destroy();
    },
    async mergeIndex(path, o) {
      await ready();
      await pf.mergeIndex(path, o);
    },
  };
}

export function usbPagefind(pf: PagefindModule): PagefindModule {
  return {
    ...wrapApi(pf, {}),
    createInstance(o: Options = {}) {
      return wrapApi(pf.createInstance({ baseUrl: '/', ...o }), {});
    },
  };
}
