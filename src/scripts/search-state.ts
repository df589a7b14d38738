/**
 * The search page's state is its URL: ?q=&nam=&co-quan=&loai=&tinh-trang=&sap-xep=
 * (docs/decisions/0202-search-page.md). Pure functions.
 */

/** URL parameter -> Pagefind filter key (src/components/SearchMetadata.astro). */
export const FILTER_PARAMS = { nam: 'year', 'co-quan': 'issuer', loai: 'type', 'tinh-trang': 'tinh-trang' } as const;
export type FilterParam = keyof typeof FILTER_PARAMS;

/** URL value of the sort menu -> date direction (relevance when absent). */
export const SORTS: Record<string, 'asc' | 'desc'> = { 'moi-nhat': 'desc', 'cu-nhat': 'asc' };

export interface SearchState {
  q: string;
  filters: Partial<Record<FilterParam, string>>;
  sort: string;
}

export function readState(search: string | URLSearchParams): SearchState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const filters: SearchState['filters'] = {};
  for (const p of Object.keys(FILTER_PARAMS) as FilterParam[]) {
    const v = params.get(p)?.trim();
    if (v) filters[p] = v;
  }
  const sort = params.get('sap-xep') ?? '';
  return {
    q: (params.get('q') ?? '').normalize('NFC').replace(/\s+/g, ' ').trim(),
    filters,
    sort: sort in SORTS ? sort : '',
  };
}

/** Query string with empty values left out, in a fixed order ("" when nothing is set). */
export function stateToSearch(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const p of Object.keys(FILTER_PARAMS) as FilterParam[]) {
    const v = state.filters[p];
    if (v) params.set(p, v);
  }
  if (state.sort) params.set('sap-xep', state.sort);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Pagefind's filters object for a state. */
export function pagefindFilters(state: SearchState): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [param, key] of Object.entries(FILTER_PARAMS)) {
    const v = state.filters[param as FilterParam];
    if (v) out[key] = v;
  }
  return out;
}

export function hasFilters(state: SearchState): boolean {
  return Object.keys(state.filters).length > 0;
}

export function sameState(a: SearchState, b: SearchState): boolean {
  return stateToSearch(a) === stateToSearch(b);
}
