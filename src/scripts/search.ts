/**
 * The search page's client: a small UI on Pagefind's JS API.
 *
 * - The URL is the state: ?q=, the filters (nam, co-quan, loai) and the sort
 *   (sap-xep). Reading it runs the search, so shared links and Back work.
 * - Pagefind is loaded at runtime from /pagefind/ (written after astro build
 *   by `pagefind --site dist`), never bundled.
 * - A hit inside a provision links to that provision (#II.3): sub-results are
 *   computed from Pagefind's anchors (every element with an id), because the
 *   provision ids sit on <section>s, not on headings.
 */
import { describeProvision } from './provision-label';

// --- The part of Pagefind's API this page uses -----------------------------

interface PagefindAnchor {
  element: string;
  id: string;
  text?: string;
  location: number;
}

interface PagefindResultData {
  url: string;
  excerpt: string;
  content: string;
  locations: number[];
  anchors: PagefindAnchor[];
  meta: Record<string, string | undefined>;
}

interface PagefindSearch {
  results: Array<{ id: string; data: () => Promise<PagefindResultData> }>;
}

interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, o?: Record<string, unknown>): Promise<PagefindSearch | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

// --- URL state --------------------------------------------------------------

/** URL parameter -> Pagefind filter key (see src/components/SearchMetadata.astro). */
const FILTER_PARAMS = { nam: 'year', 'co-quan': 'issuer', loai: 'type' } as const;
type FilterParam = keyof typeof FILTER_PARAMS;

const SORTS: Record<string, Record<string, 'asc' | 'desc'>> = {
  'moi-nhat': { date: 'desc' },
  'cu-nhat': { date: 'asc' },
};

interface SearchState {
  q: string;
  filters: Partial<Record<FilterParam, string>>;
  sort: string;
}

function readState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: SearchState['filters'] = {};
  for (const p of Object.keys(FILTER_PARAMS) as FilterParam[]) {
    const v = params.get(p);
    if (v) filters[p] = v;
  }
  return { q: (params.get('q') ?? '').trim(), filters, sort: params.get('sap-xep') ?? '' };
}

/** Query string with empty values left out, in a fixed order. */
function stateToSearch(state: SearchState): string {
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

// --- Rendering helpers ------------------------------------------------------

const PAGE_SIZE = 10;
const SUB_RESULTS_PER_PAGE = 3;
const EXCERPT_WORDS = 24;
/** How far (in words) after an inline target "(3)" a hit still belongs to it. */
const TARGET_REACH_WORDS = 40;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** An HTML fragment from Pagefind's excerpt (already escaped, with <mark>) or ours. */
function excerptNode(html: string): HTMLElement {
  const p = el('p', { class: 'result__excerpt' });
  p.innerHTML = html;
  return p;
}

interface SubResult {
  id: string;
  /** How many query words occur here as whole words (Pagefind also counts prefix matches). */
  wholeTerms: number;
  hits: number;
  label: string;
  heading: string;
  excerpt: string;
}

/** Fold a word for comparison: no tone or vowel marks, đ -> d, lower case, no punctuation. */
export function fold(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Inline numbered targets (chỉ tiêu) have ids like "I.2.ct-15". */
function isInlineTarget(a: PagefindAnchor): boolean {
  return /\.ct-\d+$/.test(a.id);
}

/** Anchors that stand for a place a reader can land on (not footnote back-links). */
function isLandingAnchor(a: PagefindAnchor): boolean {
  return !/^fn(ref)?-/.test(a.id);
}

/** A provision's first words, without its own numbering ("3-", "a)", "Điều 1."). */
function headingWords(words: string[]): string {
  let w = words;
  if (w[0] === 'Điều' && /^\d+[.:]?$/.test(w[1] ?? '')) w = w.slice(2);
  else if (/^(\(\d+\)|([IVXLC]+|\d+(\.\d+)*|[a-zđ])[-.)]*)$/.test(w[0] ?? '')) w = w.slice(1);
  const text = w.slice(0, 12).join(' ');
  return w.length > 12 ? `${text}…` : text;
}

/**
 * Group a page's hits by the innermost provision that contains them, using
 * Pagefind's word locations and anchor positions.
 */
function subResults(data: PagefindResultData, terms: string[]): SubResult[] {
  const words = data.content.split(/\s+/).filter((w) => w.length > 0);
  const anchors = data.anchors.filter(isLandingAnchor).sort((a, b) => a.location - b.location);
  const hitsByAnchor = new Map<number, number[]>();
  for (const loc of data.locations) {
    let owner = -1;
    for (let i = 0; i < anchors.length && anchors[i]!.location <= loc; i++) {
      // An inline target "(3)" marks a sentence, not the rest of its provision: it owns only nearby hits.
      if (isInlineTarget(anchors[i]!) && loc - anchors[i]!.location > TARGET_REACH_WORDS) continue;
      owner = i;
    }
    if (owner < 0) continue; // a hit before any provision (title, preamble): the page result covers it
    const list = hitsByAnchor.get(owner) ?? [];
    list.push(loc);
    hitsByAnchor.set(owner, list);
  }
  const out: SubResult[] = [];
  for (const [i, locs] of hitsByAnchor) {
    const anchor = anchors[i]!;
    const end = anchors[i + 1]?.location ?? words.length;
    const termSet = new Set(terms);
    const isWhole = (l: number) => termSet.has(fold(words[l] ?? ''));
    const from = bestWindowStart(locs, isWhole, anchor.location);
    const to = Math.min(end, from + EXCERPT_WORDS);
    const hitSet = new Set(locs);
    const parts: string[] = [];
    for (let w = from; w < to; w++) {
      const word = escapeHtml(words[w] ?? '');
      parts.push(hitSet.has(w) ? `<mark>${word}</mark>` : word);
    }
    const found = new Set(locs.map((l) => fold(words[l] ?? '')));
    out.push({
      id: anchor.id,
      wholeTerms: terms.filter((t) => found.has(t)).length,
      hits: locs.length,
      label: describeProvision(anchor.id),
      // A heading's own text when the anchor is a heading; otherwise the provision's first words.
      heading:
        /^h[1-6]$/.test(anchor.element) && anchor.text ? anchor.text : headingWords(words.slice(anchor.location, end)),
      excerpt: `${from > anchor.location ? '… ' : ''}${parts.join(' ')}${to < end ? ' …' : ''}`,
    });
  }
  // Where some provisions hold whole query words, drop those matched only by word prefixes ("thôn" in "thông").
  const whole = out.filter((sub) => sub.wholeTerms > 0);
  // Provisions holding more of the query's words first, then more hits; document order breaks ties.
  return (whole.length > 0 ? whole : out).sort(
    (a, b) =>
      b.wholeTerms - a.wholeTerms || b.hits - a.hits || anchorsIndex(anchors, a.id) - anchorsIndex(anchors, b.id),
  );
}

/**
 * Where the excerpt starts: the window holding the most hits, whole-word
 * hits counting double, so "nông thôn" beats a lone "thông".
 */
function bestWindowStart(locs: number[], isWhole: (l: number) => boolean, min: number): number {
  const lead = Math.floor(EXCERPT_WORDS / 3);
  let best = Math.max(min, Math.min(...locs) - lead);
  let bestScore = -1;
  for (const l of locs) {
    const start = Math.max(min, l - lead);
    let score = 0;
    for (const m of locs) if (m >= start && m < start + EXCERPT_WORDS) score += isWhole(m) ? 2 : 1;
    if (score > bestScore) [best, bestScore] = [start, score];
  }
  return best;
}

function anchorsIndex(anchors: PagefindAnchor[], id: string): number {
  return anchors.findIndex((a) => a.id === id);
}

function renderResult(data: PagefindResultData, terms: string[]): HTMLElement {
  const meta = data.meta;
  const item = el(
    'li',
    { class: 'result' },
    el('h2', { class: 'result__title' }, el('a', { href: data.url }, meta.title || data.url)),
  );
  if (meta.subject) item.append(el('p', { class: 'result__subject' }, meta.subject));
  const facts = [meta.date ?? 'chưa rõ ngày', meta.issuer ?? 'chưa rõ cơ quan ban hành'];
  item.append(el('p', { class: 'result__meta' }, facts.join(' · ')));
  const subs = subResults(data, terms).slice(0, SUB_RESULTS_PER_PAGE);
  if (subs.length === 0) {
    item.append(excerptNode(data.excerpt));
  } else {
    const list = el('ul', { class: 'result__subs' });
    for (const sub of subs) {
      const link = el('a', { href: `${data.url}#${encodeURIComponent(sub.id).replace(/%2E/gi, '.')}` });
      if (sub.label) link.append(el('span', { class: 'result__sub-label' }, sub.label), sub.heading ? ' ' : '');
      if (sub.heading) link.append(sub.heading);
      list.append(el('li', {}, link, excerptNode(sub.excerpt)));
    }
    item.append(list);
  }
  return item;
}

// --- The page ---------------------------------------------------------------

export function startSearchPage(): void {
  const form = document.getElementById('search-form') as HTMLFormElement | null;
  if (!form) return;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const filterBox = form.querySelector<HTMLFieldSetElement>('.search-filters')!;
  const status = document.getElementById('search-status')!;
  const resultsList = document.getElementById('search-results')!;
  const moreButton = document.getElementById('search-more') as HTMLButtonElement;
  const help = document.getElementById('search-help')!;
  const bundleUrl = form.dataset.pagefindBundle ?? '/pagefind/pagefind.js';

  let pagefindPromise: Promise<Pagefind> | null = null;
  const loadPagefind = () => {
    pagefindPromise ??= import(/* @vite-ignore */ bundleUrl).then(async (pf: Pagefind) => {
      await pf.options({ excerptLength: 30 });
      await pf.init();
      return pf;
    });
    return pagefindPromise;
  };

  /** Fill the filter menus from the index (with counts), keeping values asked for in the URL. */
  async function setUpFilters(pf: Pagefind, state: SearchState): Promise<void> {
    const available = await pf.filters();
    for (const select of filterBox.querySelectorAll<HTMLSelectElement>('select[data-filter]')) {
      const key = select.dataset.filter!;
      const values = Object.entries(available[key] ?? {});
      // Years newest first; names in Vietnamese alphabetical order.
      values.sort(([a], [b]) => (key === 'year' ? b.localeCompare(a) : a.localeCompare(b, 'vi')));
      for (const [value, count] of values) {
        select.append(el('option', { value }, `${value} (${count})`));
      }
      const wanted = state.filters[select.name as FilterParam];
      if (wanted && !values.some(([v]) => v === wanted)) select.append(el('option', { value: wanted }, wanted));
    }
    filterBox.hidden = false;
  }

  function applyStateToForm(state: SearchState): void {
    input.value = state.q;
    for (const select of form!.querySelectorAll<HTMLSelectElement>('select')) {
      select.value = select.name === 'sap-xep' ? state.sort : (state.filters[select.name as FilterParam] ?? '');
    }
  }

  function formState(): SearchState {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form!)) if (typeof v === 'string') params.append(k, v);
    return readState(params.toString());
  }

  let runId = 0;
  let pending: PagefindSearch['results'] = [];
  let currentTerms: string[] = [];

  async function showMore(): Promise<void> {
    const batch = pending.slice(0, PAGE_SIZE);
    pending = pending.slice(PAGE_SIZE);
    const datas = await Promise.all(batch.map((r) => r.data()));
    for (const data of datas) resultsList.append(renderResult(data, currentTerms));
    moreButton.hidden = pending.length === 0;
  }

  async function run(state: SearchState): Promise<void> {
    const myRun = ++runId;
    const hasFilter = Object.keys(state.filters).length > 0;
    help.hidden = Boolean(state.q) || hasFilter;
    if (!state.q && !hasFilter) {
      resultsList.replaceChildren();
      moreButton.hidden = true;
      status.textContent = 'Nhập từ khóa hoặc số ký hiệu để tìm trong toàn bộ văn bản.';
      return;
    }
    status.textContent = 'Đang tìm…';
    let pf: Pagefind;
    try {
      pf = await loadPagefind();
    } catch (err) {
      status.textContent = 'Không tải được bộ tìm kiếm. Hãy tải lại trang, hoặc xem danh sách văn bản ở trang chủ.';
      console.warn('Pagefind could not be loaded from', bundleUrl, err);
      return;
    }
    const filters: Record<string, string> = {};
    for (const [param, key] of Object.entries(FILTER_PARAMS)) {
      const v = state.filters[param as FilterParam];
      if (v) filters[key] = v;
    }
    const options: Record<string, unknown> = { filters };
    if (SORTS[state.sort]) options.sort = SORTS[state.sort];
    const search = await pf.search(state.q || null, options);
    if (myRun !== runId || !search) return; // a newer search has started
    pending = search.results;
    currentTerms = [...new Set(state.q.split(/\s+/).map(fold).filter(Boolean))];
    resultsList.replaceChildren();
    const n = pending.length;
    const what = state.q ? ` cho «${state.q}»` : '';
    if (n === 0) {
      status.textContent =
        `Không tìm thấy văn bản nào${what}. Hãy thử bớt từ, gõ không dấu, tìm theo số ký hiệu (ví dụ 09-NQ/TU)` +
        (hasFilter ? ' hoặc bỏ bộ lọc.' : '.');
      moreButton.hidden = true;
      return;
    }
    status.textContent = `Tìm thấy ${n} văn bản${what}.`;
    await showMore();
  }

  /** Put the form's state into the URL (a new history entry) and search. */
  function commit(): void {
    const state = formState();
    const url = `${location.pathname}${stateToSearch(state)}`;
    if (url !== `${location.pathname}${location.search}`) history.pushState(null, '', url);
    void run(state);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    commit();
  });
  filterBox.addEventListener('change', commit);
  moreButton.addEventListener('click', () => void showMore());
  // Typing searches after a short pause and keeps the URL in step without flooding history.
  let typingTimer: number | undefined;
  input.addEventListener('input', () => {
    window.clearTimeout(typingTimer);
    typingTimer = window.setTimeout(() => {
      const state = formState();
      history.replaceState(null, '', `${location.pathname}${stateToSearch(state)}`);
      void run(state);
    }, 300);
  });
  input.addEventListener('focus', () => void loadPagefind().catch(() => undefined), { once: true });
  window.addEventListener('popstate', () => {
    const state = readState(location.search);
    applyStateToForm(state);
    void run(state);
  });

  const initial = readState(location.search);
  applyStateToForm(initial);
  void loadPagefind()
    .then((pf) => setUpFilters(pf, initial))
    .then(() => applyStateToForm(initial))
    .catch(() => undefined); // reported by run() when a search is asked for
  void run(initial);
  if (!initial.q) input.focus();
}
