/**
 * The search page's client: a small UI on Pagefind's JS API
 * (docs/decisions/0202-search-page.md, 0601, 0602).
 *
 * - The URL is the state (src/scripts/search-state.ts): reading it runs the
 *   search, so shared links and Back work. Enter, a filter or the sort push
 *   a history entry; typing updates the current one (the first keystrokes
 *   after a committed search push one, so Back returns to it).
 * - Pagefind comes from src/scripts/pagefind-loader.ts (the USB edition
 *   provides its own there); result links go through its `resultHref`.
 * - A query becomes several Pagefind searches (search-query.ts: đ-spellings,
 *   phrases, exact marks), merged and ranked by search-engine.ts; each
 *   document shows the provisions that hold the query (search-subresults.ts).
 */
import { loadPagefind, resultHref, type PagefindApi, type PagefindFragment } from './pagefind-loader';
import { preloadQuery, runQuery, TIER, type RankedPage } from './search-engine';
import { hasMarks } from '../../scripts/lib/fold.ts';
import { planQuery, type QueryPlan } from './search-query';
import {
  FILTER_PARAMS,
  hasFilters,
  pagefindFilters,
  readState,
  SORTS,
  stateToSearch,
  type FilterParam,
  type SearchState,
} from './search-state';
import { matchPage } from './search-subresults';
import { withHighlight } from './highlight-param';

/** Documents per batch: each loads its whole text (Pagefind fragment), so the first search stays small. */
export const PAGE_SIZE = 5;
const SUBS_SHOWN = 3;
const TYPING_DELAY_MS = 250;

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

/** An HTML fragment built by search-subresults.ts (escaped text and <mark>). */
function excerptNode(html: string): HTMLElement {
  const p = el('p', { class: 'result__excerpt' });
  p.innerHTML = html;
  return p;
}

/** Type, number-symbol, date and issuer; unknown facts said as unknown. */
function factsNode(meta: PagefindFragment['meta']): HTMLElement {
  const facts: Array<[string, string]> = [
    ['Loại văn bản', meta.type ?? 'Văn bản chưa rõ loại'],
    ['Số ký hiệu', meta.number ? `Số ${meta.number}` : 'chưa rõ số'],
    ['Ngày ban hành', meta.date ?? (meta.year ? `năm ${meta.year}` : 'chưa rõ ngày')],
    ['Cơ quan ban hành', meta.issuer ?? 'chưa rõ cơ quan ban hành'],
  ];
  const dl = el('dl', { class: 'result__facts' });
  for (const [term, value] of facts) dl.append(el('div', {}, el('dt', { class: 'visually-hidden' }, term), el('dd', {}, value)));
  return dl;
}

/** A result link that asks the document page to mark the query's words (src/scripts/highlight.ts). */
function hitHref(url: string, fragment: string | null, plan: QueryPlan): string {
  return withHighlight(resultHref(url, fragment), plan.tokens.length > 0 ? plan.text : '');
}

function renderResult(page: RankedPage, data: PagefindFragment, plan: QueryPlan): HTMLElement {
  const meta = data.meta;
  const item = el(
    'li',
    { class: 'result' },
    el('h2', { class: 'result__title' }, el('a', { href: hitHref(data.url, null, plan) }, meta.title || data.url)),
  );
  if (meta.subject) item.append(el('p', { class: 'result__subject' }, meta.subject));
  item.append(factsNode(meta));
  if (page.tier === TIER.ownNumber) {
    // An inferred number ("05-NQ/TU (suy luận)") is said to be one here too.
    const inferred = /suy luận/.test(meta.number ?? '');
    item.append(el('p', { class: 'result__badge' }, inferred ? 'Số ký hiệu này được suy luận cho văn bản này' : 'Văn bản mang số ký hiệu này'));
  }
  if (plan.tokens.length === 0) return item;

  const found = matchPage(data.content, data.anchors, page.locations, plan.tokens);
  const subs = found.subs.filter((s) => s.id !== null).slice(0, SUBS_SHOWN);
  if (subs.length === 0) {
    if (found.subs.length > 0) item.append(excerptNode(found.excerpt));
    return item;
  }
  const list = el('ul', { class: 'result__subs' });
  for (const sub of subs) {
    const link = el('a', { href: hitHref(data.url, sub.id, plan) });
    if (sub.label) link.append(el('span', { class: 'result__sub-label' }, sub.label), sub.heading ? ' ' : '');
    if (sub.heading) link.append(el('span', { class: 'result__sub-heading' }, sub.heading));
    list.append(el('li', {}, link, excerptNode(sub.excerpt)));
  }
  item.append(list);
  const others = found.subs.filter((s) => s.id !== null).length - subs.length;
  if (others > 0) item.append(el('p', { class: 'result__more' }, `Còn ${others} mục khác trong văn bản có từ khóa.`));
  return item;
}

/** Everything the page needs from its markup (src/pages/tim-kiem.astro). */
interface Elements {
  form: HTMLFormElement;
  input: HTMLInputElement;
  filterBox: HTMLFieldSetElement;
  filterPanel: HTMLDetailsElement;
  status: HTMLElement;
  results: HTMLOListElement;
  more: HTMLButtonElement;
  help: HTMLElement;
  noResults: HTMLElement;
}

function elements(): Elements | null {
  const form = document.getElementById('search-form') as HTMLFormElement | null;
  if (!form) return null;
  return {
    form,
    input: form.querySelector<HTMLInputElement>('input[name="q"]')!,
    filterBox: form.querySelector<HTMLFieldSetElement>('.search-filters')!,
    filterPanel: form.querySelector<HTMLDetailsElement>('.search-filters-panel')!,
    status: document.getElementById('search-status')!,
    results: document.getElementById('search-results') as HTMLOListElement,
    more: document.getElementById('search-more') as HTMLButtonElement,
    help: document.getElementById('search-help')!,
    noResults: document.getElementById('search-empty')!,
  };
}

export function startSearchPage(): void {
  const ui = elements();
  if (!ui) return;
  const { form, input, filterBox, filterPanel, status, results, more, help, noResults } = ui;
  const bundleUrl = form.dataset.pagefindBundle;
  // The other shards' indexes (ADR 1201): a JSON list of site paths written by the build.
  const mergedIndexes = form.dataset.pagefindMerge ? (JSON.parse(form.dataset.pagefindMerge) as string[]) : [];
  let filtersReady: Promise<void> | null = null;

  const pagefind = () => loadPagefind(bundleUrl, mergedIndexes);

  /** Fill the filter menus from the index (documents per value), keeping values asked for in the URL. */
  function setUpFilters(pf: PagefindApi): Promise<void> {
    filtersReady ??= fillFilters(pf);
    return filtersReady;
  }

  async function fillFilters(pf: PagefindApi): Promise<void> {
    const available = await pf.filters();
    for (const select of filterBox.querySelectorAll<HTMLSelectElement>('select[data-filter]')) {
      const key = select.dataset.filter!;
      const values = Object.entries(available[key] ?? {});
      // Years newest first; names in Vietnamese alphabetical order.
      values.sort(([a], [b]) => (key === 'year' ? b.localeCompare(a) : a.localeCompare(b, 'vi')));
      for (const [value, count] of values) {
        // A value put in by a shared URL before the index was there gets its count now.
        const existing = [...select.options].find((o) => o.value === value);
        if (existing) existing.textContent = `${value} (${count})`;
        else select.append(el('option', { value }, `${value} (${count})`));
      }
    }
    // Open on wide screens, and wherever a filter or sort is already set; folded on phones otherwise.
    const state = readState(location.search);
    filterPanel.open = window.matchMedia('(min-width: 40rem)').matches || hasFilters(state) || state.sort !== '';
    filterPanel.hidden = false;
  }

  /** The filter menus count the current query's documents; a value the query does not reach says (0). */
  function showFacetCounts(facets: Record<string, Record<string, number>>): void {
    for (const select of filterBox.querySelectorAll<HTMLSelectElement>('select[data-filter]')) {
      const counts = facets[select.dataset.filter!] ?? {};
      for (const option of select.options) {
        if (option.value) option.textContent = `${option.value} (${counts[option.value] ?? 0})`;
      }
    }
  }

  function applyStateToForm(state: SearchState, withQuery = true): void {
    if (withQuery) input.value = state.q;
    for (const select of form.querySelectorAll<HTMLSelectElement>('select')) {
      const wanted = select.name === 'sap-xep' ? state.sort : (state.filters[select.name as FilterParam] ?? '');
      // A value from a shared URL that the index does not have (yet) is still shown, so the reader sees it.
      if (wanted && ![...select.options].some((o) => o.value === wanted)) select.append(el('option', { value: wanted }, wanted));
      select.value = wanted;
    }
  }

  function formState(): SearchState {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (typeof v === 'string') params.append(k, v);
    return readState(params);
  }

  let runId = 0;
  let pending: RankedPage[] = [];
  let currentPlan: QueryPlan = planQuery('');

  async function showMore(focusFirst = false): Promise<void> {
    const batch = pending.slice(0, PAGE_SIZE);
    pending = pending.slice(PAGE_SIZE);
    const myRun = runId;
    more.disabled = true;
    const datas = await Promise.all(batch.map((p) => p.data()));
    if (myRun !== runId) return;
    const items = batch.map((p, i) => renderResult(p, datas[i]!, currentPlan));
    results.append(...items);
    more.hidden = pending.length === 0;
    more.disabled = false;
    if (focusFirst) items[0]?.querySelector('a')?.focus();
  }

  function describeFilters(state: SearchState): string {
    const labels: Record<FilterParam, string> = { nam: 'năm', 'co-quan': 'cơ quan', loai: 'loại', 'tinh-trang': 'tình trạng' };
    const parts = (Object.keys(FILTER_PARAMS) as FilterParam[]).flatMap((p) => (state.filters[p] ? [`${labels[p]} ${state.filters[p]}`] : []));
    return parts.length > 0 ? ` (lọc theo ${parts.join(', ')})` : '';
  }

  function showNoResults(state: SearchState): void {
    const tips: Array<Node | string> = [];
    const list = el('ul');
    if (state.q.split(' ').length > 1) list.append(el('li', {}, 'Bớt từ: mỗi văn bản tìm được phải chứa tất cả các từ đã gõ.'));
    if (hasMarks(state.q)) list.append(el('li', {}, 'Gõ không dấu (ví dụ «nong thon moi»): cách gõ dấu khác nhau vẫn tìm được.'));
    list.append(el('li', {}, 'Kiểm tra chính tả, hoặc dùng từ đồng nghĩa.'));
    list.append(el('li', {}, 'Tìm theo số ký hiệu, ví dụ «09-NQ/TU» hoặc «205/NQ-HĐND».'));
    if (hasFilters(state)) {
      const clear = el('button', { type: 'button', class: 'search-clear-filters' }, 'Bỏ bộ lọc và tìm lại');
      clear.addEventListener('click', () => {
        applyStateToForm({ ...state, filters: {} });
        commit();
      });
      list.append(el('li', {}, 'Bỏ bộ lọc năm, cơ quan hoặc loại văn bản. ', clear));
    }
    tips.push(el('h2', {}, 'Không tìm thấy văn bản nào'), el('p', {}, 'Hãy thử:'), list);
    noResults.replaceChildren(...tips);
    noResults.hidden = false;
  }

  async function run(state: SearchState): Promise<void> {
    const myRun = ++runId;
    const plan = planQuery(state.q);
    const filtered = hasFilters(state);
    help.hidden = plan.tokens.length > 0 || filtered;
    noResults.hidden = true;
    if (plan.tokens.length === 0 && !filtered) {
      results.replaceChildren();
      more.hidden = true;
      status.textContent = state.q ? 'Hãy gõ ít nhất một chữ hoặc số.' : '';
      return;
    }
    status.textContent = 'Đang tìm…';
    let pf: PagefindApi;
    try {
      pf = await pagefind();
    } catch (err) {
      if (myRun !== runId) return;
      status.textContent = 'Không tải được bộ tìm kiếm. Hãy tải lại trang, hoặc xem danh sách văn bản ở trang chủ.';
      console.warn('Pagefind could not be loaded', err);
      return;
    }
    void setUpFilters(pf).then(() => applyStateToForm(state, false));
    const { pages, facets } = await runQuery(pf, plan, { filters: pagefindFilters(state), dateOrder: SORTS[state.sort] ?? null });
    if (myRun !== runId) return; // a newer search has started
    await setUpFilters(pf);
    if (myRun !== runId) return;
    showFacetCounts(facets);
    currentPlan = plan;
    pending = pages;
    results.replaceChildren();
    delete results.dataset.phrase;
    const what = state.q ? ` cho «${state.q}»` : '';
    if (pages.length === 0) {
      status.textContent = `Không tìm thấy văn bản nào${what}${describeFilters(state)}.`;
      more.hidden = true;
      showNoResults(state);
      return;
    }
    // Several words that no document holds side by side: say so, the reader may have meant the phrase (ADR 1101).
    const scattered = plan.tokens.length > 1 && !plan.symbol && pages.every((p) => p.tier === TIER.allWords);
    status.textContent = scattered
      ? `Không văn bản nào có cụm «${state.q}» liền nhau${describeFilters(state)}; ${pages.length} văn bản có đủ các từ ở những chỗ khác nhau.`
      : `Tìm thấy ${pages.length} văn bản${what}${describeFilters(state)}.`;
    results.dataset.phrase = scattered ? 'none' : 'found';
    await showMore();
  }

  /** Put the form's state into the URL (a new history entry) and search. */
  function commit(): void {
    window.clearTimeout(typingTimer);
    const state = formState();
    const url = `${location.pathname}${stateToSearch(state)}`;
    if (url !== `${location.pathname}${location.search}`) history.pushState({ typing: false }, '', url);
    else history.replaceState({ typing: false }, '', url);
    void run(state);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    commit();
  });
  filterBox.addEventListener('change', commit);
  more.addEventListener('click', () => void showMore(true));

  // Typing searches after a short pause; the first pause after a committed search adds a history entry, later ones update it.
  let typingTimer: number | undefined;
  input.addEventListener('input', () => {
    window.clearTimeout(typingTimer);
    const plan = planQuery(input.value);
    void pagefind()
      .then((pf) => preloadQuery(pf, plan))
      .catch(() => undefined);
    typingTimer = window.setTimeout(() => {
      const state = formState();
      const url = `${location.pathname}${stateToSearch(state)}`;
      if ((history.state as { typing?: boolean } | null)?.typing) history.replaceState({ typing: true }, '', url);
      else if (url !== `${location.pathname}${location.search}`) history.pushState({ typing: true }, '', url);
      void run(state);
    }, TYPING_DELAY_MS);
  });
  input.addEventListener('focus', () => void pagefind().catch(() => undefined), { once: true });

  // Keyboard: "/" jumps to the box; arrows move between the box and the result links.
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement | null;
    const inField = target?.closest('input, select, textarea, button, [contenteditable]') !== null;
    if (event.key === '/' && !inField && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      input.focus();
      input.select();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...results.querySelectorAll<HTMLAnchorElement>('a[href]')];
    if (links.length === 0) return;
    const at = target instanceof HTMLAnchorElement ? links.indexOf(target) : -1;
    if (target === input && event.key === 'ArrowDown') {
      event.preventDefault();
      links[0]!.focus();
    } else if (at >= 0) {
      event.preventDefault();
      if (event.key === 'ArrowDown') links[Math.min(at + 1, links.length - 1)]!.focus();
      else if (at === 0) input.focus();
      else links[at - 1]!.focus();
    }
  });

  // Example queries in the help box run here without reloading the page.
  help.addEventListener('click', (event) => {
    const link = (event.target as HTMLElement).closest<HTMLAnchorElement>('a[data-example]');
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    input.value = link.dataset.example ?? '';
    commit();
    input.focus();
  });

  window.addEventListener('popstate', () => {
    window.clearTimeout(typingTimer);
    const state = readState(location.search);
    applyStateToForm(state);
    void run(state);
  });

  const initial = readState(location.search);
  history.replaceState({ typing: false }, '', location.href);
  applyStateToForm(initial);
  void run(initial);
  // The filter menus appear as soon as the index is there, even before a search.
  void pagefind()
    .then((pf) => setUpFilters(pf))
    .then(() => applyStateToForm(readState(location.search), false))
    .catch(() => undefined);
  if (!initial.q) input.focus();
}
