/**
 * Filter counts for the current query (ADR 1101): how many of the query's
 * documents each year, issuer, type and status holds.
 *
 * The query runs unfiltered; the filters are applied here, from a map of each
 * page's filter values built once per visit with filter-only searches (one per
 * value; they read Pagefind's filter chunks, no word index). For a key, the
 * count of a value is taken over the documents that pass every OTHER active
 * filter, so the menu says what choosing that value would give.
 */
import type { PagefindApi } from './pagefind-loader';

/** Page id -> its value for each filter key (one value per key on this site). */
export type FilterIndex = Map<string, Record<string, string>>;
export type FacetCounts = Record<string, Record<string, number>>;

let building: Promise<FilterIndex> | null = null;

/** Each page's filter values (memoised per Pagefind instance). */
export function filterIndex(pf: PagefindApi): Promise<FilterIndex> {
  building ??= (async () => {
    const index: FilterIndex = new Map();
    const available = await pf.filters();
    for (const key of Object.keys(available).sort()) {
      for (const value of Object.keys(available[key] ?? {}).sort()) {
        const found = (await pf.search(null, { filters: { [key]: value } }))?.results ?? [];
        for (const r of found) {
          let values = index.get(r.id);
          if (!values) index.set(r.id, (values = {}));
          values[key] = value;
        }
      }
    }
    return index;
  })();
  building.catch(() => (building = null));
  return building;
}

function passes(values: Record<string, string> | undefined, filters: Record<string, string>, except: string | null): boolean {
  for (const [key, wanted] of Object.entries(filters)) {
    if (key === except) continue;
    if (values?.[key] !== wanted) return false;
  }
  return true;
}

/** The ids that pass every filter. */
export function applyFilters<T extends { id: string }>(pages: T[], index: FilterIndex, filters: Record<string, string>): T[] {
  if (Object.keys(filters).length === 0) return pages;
  return pages.filter((p) => passes(index.get(p.id), filters, null));
}

/** Per key and value: documents of `ids` with that value that pass the other filters. */
export function facetCounts(ids: Iterable<string>, index: FilterIndex, filters: Record<string, string>, keys: string[]): FacetCounts {
  const counts: FacetCounts = Object.fromEntries(keys.map((k) => [k, {}]));
  for (const id of ids) {
    const values = index.get(id);
    if (!values) continue;
    for (const key of keys) {
      const value = values[key];
      if (value === undefined || !passes(values, filters, key)) continue;
      const c = counts[key]!;
      c[value] = (c[value] ?? 0) + 1;
    }
  }
  return counts;
}
