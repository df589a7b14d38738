/**
 * The search page against the built site (issue 6, docs/decisions/0601,
 * 0602): ranked results for accent-free and đ queries, number-symbols,
 * filters, sort, sub-results that open at their provision, the URL as
 * state, empty and no-result states, keyboard and a 360 px screen.
 *
 * Expected rankings are derived from the built pages themselves (which
 * documents hold a phrase), so the tests say what the order must be, not a
 * copy of today's output. The page shows results in batches ("Xem thêm kết
 * quả"); tests about every document holding a phrase page through them all.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { pathOf, readDocumentsJson, useSite } from '../support/site.ts';

const site = useSite();
const SEARCH = '/tim-kiem/';
const DOCUMENT_PATH = /^\/van-ban\/[a-z0-9-]+\/[a-z0-9-]+\/[a-z0-9.-]+\/$/;
const NQ_09 = '/van-ban/tinh-uy-quang-ninh/2017/09-nq-tu/';
const NQ_205 = '/van-ban/hdnd-tinh-quang-ninh/2024/205-nq-hdnd/';

interface ShownResult {
  href: string;
  title: string;
  facts: string;
  badge: string | null;
  /** `runs`: each run of consecutive marked words of the excerpt, as written ("Đảng, Bộ"). */
  subs: Array<{ href: string; label: string; excerpt: string; marks: string[]; runs: string[] }>;
  excerpt: string | null;
}

/** Wait until the search has answered (results or a no-result message), then read what is shown. */
async function shown(page: Page): Promise<{ status: string; results: ShownResult[] }> {
  await page.waitForFunction(
    () => {
      const status = document.getElementById('search-status')?.textContent ?? '';
      return status !== '' && !status.startsWith('Đang tìm') && (document.querySelector('#search-results > li') || !document.getElementById('search-empty')?.hidden);
    },
    null,
    { timeout: 30_000 },
  );
  return page.evaluate(() => ({
    status: document.getElementById('search-status')?.textContent ?? '',
    results: [...document.querySelectorAll('#search-results > li')].map((li) => ({
      href: li.querySelector('.result__title a')?.getAttribute('href') ?? '',
      title: li.querySelector('.result__title')?.textContent ?? '',
      facts: [...li.querySelectorAll('.result__facts dd')].map((d) => d.textContent).join(' · '),
      badge: li.querySelector('.result__badge')?.textContent ?? null,
      subs: [...li.querySelectorAll('.result__subs > li')].map((s) => ({
        href: s.querySelector('a')?.getAttribute('href') ?? '',
        label: s.querySelector('a')?.textContent ?? '',
        excerpt: s.querySelector('.result__excerpt')?.textContent ?? '',
        marks: [...s.querySelectorAll('mark')].map((m) => m.textContent ?? ''),
        runs: (() => {
          // Words of an excerpt are joined by one space: marks separated by just that are one run.
          const runs: string[] = [];
          let run: string | null = null;
          for (const node of s.querySelector('.result__excerpt')?.childNodes ?? []) {
            if (node.nodeName === 'MARK') run = run === null ? (node.textContent ?? '') : `${run} ${node.textContent ?? ''}`;
            else if (!(run !== null && node.nodeType === Node.TEXT_NODE && node.textContent === ' ')) {
              if (run !== null) runs.push(run);
              run = null;
            }
          }
          if (run !== null) runs.push(run);
          return runs;
        })(),
      })),
      excerpt: li.querySelector(':scope > .result__excerpt')?.textContent ?? null,
    })),
  }));
}

async function search(q: string): Promise<{ page: Page; results: ShownResult[]; status: string; problemList: () => string[] }> {
  const opened = await site.open(`${SEARCH}?q=${encodeURIComponent(q)}`);
  return { ...(await shown(opened.page)), page: opened.page, problemList: opened.problemList };
}

/**
 * What a reader sees by following "Xem thêm kết quả" until it goes: every
 * result, in the order shown. The page shows a first batch only (PAGE_SIZE in
 * src/scripts/search.ts); with 134 documents most queries have more, so a
 * test about all the documents holding a phrase pages through them.
 */
async function showAll(page: Page): Promise<{ status: string; results: ShownResult[] }> {
  const first = await shown(page);
  const more = page.locator('#search-more');
  while (await more.isVisible()) {
    const before = await page.locator('#search-results > li').count();
    await more.click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('#search-results > li').length > n && !(document.getElementById('search-more') as HTMLButtonElement).disabled,
      before,
    );
  }
  const all = await shown(page);
  // Paging only adds: the first batch stays where it was, and the count the status gives is the count shown in the end.
  expect(all.results.slice(0, first.results.length).map((r) => r.href)).toEqual(first.results.map((r) => r.href));
  expect(all.status).toBe(first.status);
  expect(all.status).toMatch(new RegExp(`^Tìm thấy ${all.results.length} văn bản`));
  return { status: all.status, results: all.results };
}

async function searchAll(q: string): Promise<{ page: Page; results: ShownResult[]; status: string; problemList: () => string[] }> {
  const opened = await site.open(`${SEARCH}?q=${encodeURIComponent(q)}`);
  return { ...(await showAll(opened.page)), page: opened.page, problemList: opened.problemList };
}

/** Fold like the search does: no marks, đ -> d, lower case, letters and digits only. */
const fold = (w: string) => w.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The document's text as indexed (the article minus what search ignores), as words. */
function documentWords(url: string): string[] {
  const html = readFileSync(join(site.distDir, url, 'index.html'), 'utf8');
  // The text ends where the page's own sections begin: related documents (ADR 1302), then the citation panels.
  const ends = ['<section class="related"', '<section class="doc-citations"'].map((m) => html.indexOf(m)).filter((i) => i >= 0);
  const body = html.slice(html.indexOf('<div class="doc__body">'), Math.min(...ends));
  const text = body
    // Data blocks (the provisions' toolbar list, src/components/DocumentBody.astro) are not text.
    .replace(/<script\b[^>]*>.*?<\/script>/gs, ' ')
    // The site's notes on provisions (tools, "cited by", status notes: data-pagefind-ignore) are not the text.
    .replace(/<(span|div) class="(prov-tools|cited-by-note|status-note)[^"]*"[^>]*>.*?<\/\1>/gs, ' ')
    // Inline elements join their text to the words around them ("quả<a>Nghị" is one word, as in the source); blocks separate.
    .replace(/<\/?(a|span|ins|del|em|strong|b|i|mark|abbr|q|code)\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    // Entities are characters of the text, not word breaks ("&lt;jsontable" is one word).
    .replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi, (_m, dec?: string, hex?: string, name?: string) =>
      dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : (ENTITIES[name!.toLowerCase()] ?? ' '));
  return text.split(/\s+/).filter(Boolean);
}

/**
 * Words hold a phrase: consecutive words equal to the phrase's, marks folded (or as written when
 * `exact`), punctuation ignored, as Pagefind's phrase search and the sub-results count it
 * ("Trung ương Đảng, Bộ Tài chính" holds "đảng bộ").
 */
function holdsPhrase(words: string[], phrase: string, exact = false): boolean {
  const norm = (w: string) => (exact ? w.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '') : fold(w));
  const want = phrase.split(' ').map(norm);
  const have = words.map(norm);
  for (let i = 0; i + want.length <= have.length; i++) if (want.every((w, j) => have[i + j] === w)) return true;
  return false;
}

/** Documents whose text holds the phrase (marks folded, or as written when `exact`). */
function documentsWith(phrase: string, exact = false): Set<string> {
  return new Set(readDocumentsJson(site.distDir).filter((doc) => holdsPhrase(documentWords(doc.url), phrase, exact)).map((doc) => doc.url));
}

/** The first provision shown marks the phrase as one run of words (as written when `exact`). */
const firstMarksPhrase = (r: ShownResult | undefined, phrase: string, exact = false) =>
  (r?.subs[0]?.runs ?? []).some((run) => holdsPhrase(run.split(' '), phrase, exact));

/** Every result whose document holds the phrase comes before any that does not. */
function expectPhraseDocumentsFirst(results: ShownResult[], holders: Set<string>): void {
  const paths = results.map((r) => pathOf(r.href, site.url));
  const firstWithout = paths.findIndex((p) => !holders.has(p));
  const lastWith = paths.reduce((last, p, i) => (holders.has(p) ? i : last), -1);
  expect(holders.size).toBeGreaterThan(0);
  expect(paths.filter((p) => holders.has(p)).sort()).toEqual([...holders].sort());
  if (firstWithout >= 0) expect(lastWith).toBeLessThan(firstWithout);
}

/** The marked words of a result's first sub-result, joined. */
const firstMarks = (r: ShownResult | undefined) => (r?.subs[0]?.marks ?? []).join(' ');

beforeAll(() => {
  // The ranked expectations below need documents to tell apart: make sure the shipped site has them.
  expect(readDocumentsJson(site.distDir).length).toBeGreaterThanOrEqual(5);
});

/** The document's name as its page's h1 gives it ("Quyết định (chưa rõ số)"), without the subject that follows. */
function pageName(url: string): string {
  const html = readFileSync(join(site.distDir, url, 'index.html'), 'utf8');
  const h1 = /<h1 class="doc__title">(.*?)<\/h1>/s.exec(html)?.[1] ?? '';
  return h1
    .replace(/<span class="doc__subject">.*?<\/span>/s, '')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The outline's heading of each provision it lists, without its number ("" when it shows the number only). */
function outlineHeadings(url: string): Map<string, string> {
  const html = readFileSync(join(site.distDir, url, 'index.html'), 'utf8');
  const nav = /<nav class="toc"[^>]*>(.*?)<\/nav>/s.exec(html)?.[1] ?? '';
  const out = new Map<string, string>();
  for (const m of nav.matchAll(/<a href="#([^"]+)">(.*?)<\/a>/gs)) {
    out.set(decodeURIComponent(m[1]!), m[2]!.replace(/<span class="toc__label">.*?<\/span>/s, '').replace(/<[^>]+>/g, '').trim());
  }
  return out;
}

/** Pagefind's fragments (one per indexed page): gzip, then a 12-byte signature, then JSON. */
function fragments(): Array<{ url: string; content: string; meta: Record<string, string>; filters: Record<string, string[]>; anchors: Array<{ id: string; title?: string; element: string }> }> {
  const dir = join(site.distDir, 'pagefind', 'fragment');
  return readdirSync(dir).map((name) => {
    const bytes = gunzipSync(readFileSync(join(dir, name)));
    expect(bytes.subarray(0, 12).toString()).toBe('pagefind_dcd');
    return JSON.parse(bytes.subarray(12).toString('utf8'));
  });
}

describe('search: what is indexed', () => {
  it('the documents only, each once: its text and headings, not the site chrome, outline, citation panels or metadata panel', () => {
    const docs = readDocumentsJson(site.distDir);
    const indexed = fragments();
    expect(indexed.map((f) => f.url).sort()).toEqual(docs.map((d) => d.url).sort());
    for (const f of indexed) {
      for (const chrome of ['Kho lưu trữ nghị quyết', 'Bỏ qua, đến nội dung chính', 'Mục lục', 'Thông tin văn bản', 'Văn bản dẫn chiếu', 'Được dẫn chiếu bởi', 'Tệp nguồn', 'Trích dẫn']) {
        expect(f.content, `${f.url} indexes "${chrome}"`).not.toContain(chrome);
      }
      // Every word of the text, and nothing else: the same count of words as the page's text.
      const words = documentWords(f.url).filter((w) => /[\p{L}\p{N}]/u.test(w));
      const indexedWords = f.content.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
      expect(indexedWords.length).toBe(words.length);
      // Metadata shown in results and the filters come from attributes, not from indexed text. The
      // archive holds resolutions, decisions, decrees, circulars…: the result title is the page's own
      // name (its h1 without the subject), led by its own type name, which is also its type filter.
      expect(f.meta.title).toBe(pageName(f.url));
      expect(f.meta.type).toBeTruthy();
      expect(f.meta.title?.startsWith(f.meta.type!)).toBe(true);
      expect(f.filters.type).toEqual([f.meta.type]);
      expect(Object.keys(f.filters).sort()).toEqual(expect.arrayContaining(['issuer', 'type', 'year']));
      // Provisions carry their heading from the outline for sub-results (data-pagefind-title); those the
      // outline leaves out (deep levels) or names by their number only are named in the browser. (Laws and
      // decisions have many points, điểm a, b, c…, that the outline leaves out: no share is assumed.)
      // (A two-page công văn may hold only a couple of numbered items: every document has some.)
      const sections = f.anchors.filter((a) => a.element === 'section');
      expect(sections.length).toBeGreaterThan(0);
      const outline = outlineHeadings(f.url);
      for (const a of sections) expect(Boolean(a.title), `${f.url}#${a.id}: titled as the outline names it`).toBe((outline.get(a.id) ?? '') !== '');
      expect(sections.some((a) => a.title)).toBe(true);
    }
  });
});

describe('search: ranked results', () => {
  // The archive holds 134 documents: most queries find more documents than the first batch shows, so
  // these tests page through every result ("Xem thêm kết quả") and check the order a reader meets them in.
  it('"nông thôn mới" and "nong thon moi": documents holding the phrase first, at the provision that holds it', async () => {
    const holders = documentsWith('nông thôn mới');
    for (const q of ['nông thôn mới', 'nong thon moi']) {
      const { results, status, problemList } = await searchAll(q);
      expect(status).toMatch(/^Tìm thấy \d+ văn bản/);
      for (const r of results) expect(pathOf(r.href, site.url)).toMatch(DOCUMENT_PATH);
      expectPhraseDocumentsFirst(results, holders);
      // The first provision shown holds the phrase, shown as written (marks and all).
      for (const r of results.filter((x) => holders.has(pathOf(x.href, site.url)))) {
        expect(firstMarksPhrase(r, 'nong thon moi'), `${r.href}: ${r.subs[0]?.runs.join(' | ')}`).toBe(true);
        expect(r.subs[0]!.excerpt.toLowerCase()).toMatch(/nông thôn mới/);
      }
      expect(problemList()).toEqual([]);
    }
  });

  it('"dang bo" finds "Đảng bộ" (đ folded by query expansion), and shows the real text', async () => {
    const holders = documentsWith('đảng bộ');
    const { results, problemList } = await searchAll('dang bo');
    expectPhraseDocumentsFirst(results, holders);
    expect(results.length).toBeGreaterThan(0);
    for (const r of results.filter((x) => holders.has(pathOf(x.href, site.url)))) {
      // Highlights are the document's own words, with đ and tone marks: never the folded query.
      expect(firstMarksPhrase(r, 'dang bo'), `${r.href}: ${r.subs[0]?.runs.join(' | ')}`).toBe(true);
      expect(firstMarksPhrase(r, 'đảng bộ', true), `${r.href}: ${r.subs[0]?.runs.join(' | ')}`).toBe(true);
    }
    expect(problemList()).toEqual([]);
  });

  it('"Đảng bộ" typed with marks ranks exact matches first', async () => {
    const exactHolders = documentsWith('đảng bộ', true);
    const { results, problemList } = await searchAll('Đảng bộ');
    expectPhraseDocumentsFirst(results, exactHolders);
    for (const r of results.filter((x) => exactHolders.has(pathOf(x.href, site.url)))) {
      expect(firstMarksPhrase(r, 'đảng bộ', true), `${r.href}: ${r.subs[0]?.runs.join(' | ')}`).toBe(true);
    }
    expect(problemList()).toEqual([]);
  });

  it('"tinh uy" finds both spellings "Tỉnh ủy" and "Tỉnh uỷ"; each spelling finds the other', async () => {
    const holders = documentsWith('tỉnh ủy');
    // Both spellings are in the archive, so a query that found only one of them would show here.
    expect(documentsWith('tỉnh ủy', true).size).toBeGreaterThan(0);
    expect(documentsWith('tỉnh uỷ', true).size).toBeGreaterThan(0);
    const { results, problemList } = await searchAll('tinh uy');
    expectPhraseDocumentsFirst(results, holders);
    const marksOf = (rs: ShownResult[]) => rs.flatMap((r) => r.subs.flatMap((s) => s.marks)).map((m) => m.normalize('NFC').toLowerCase());
    expect(marksOf(results).some((m) => m.startsWith('ủy'))).toBe(true);
    expect(marksOf(results).some((m) => m.startsWith('uỷ'))).toBe(true);
    // Typed either way, the same documents come back, the phrase first, and each spelling finds documents
    // written the other way (shown with their own spelling).
    const a = await searchAll('Tỉnh uỷ');
    const b = await searchAll('Tỉnh ủy');
    const paths = (rs: ShownResult[]) => rs.map((r) => pathOf(r.href, site.url)).sort();
    expect(paths(a.results)).toEqual(paths(results));
    expect(paths(b.results)).toEqual(paths(results));
    for (const typed of [a, b]) {
      expectPhraseDocumentsFirst(typed.results, holders);
      expect(marksOf(typed.results).some((m) => m.startsWith('ủy'))).toBe(true);
      expect(marksOf(typed.results).some((m) => m.startsWith('uỷ'))).toBe(true);
    }
    expect([...problemList(), ...a.problemList(), ...b.problemList()]).toEqual([]);
  });

  it('"hoà" and "hòa" find each other, both placements before words that only fold alike', async () => {
    const withNew = documentsWith('hoà', true);
    const withOld = documentsWith('hòa', true);
    // Both tone placements are in the archive (otherwise this test could not tell anything).
    expect(withNew.size).toBeGreaterThan(0);
    expect(withOld.size).toBeGreaterThan(0);
    const either = new Set([...withNew, ...withOld]);
    const marks = (rs: ShownResult[]) => new Set(rs.flatMap((r) => r.subs.flatMap((s) => s.marks)).map((m) => m.toLowerCase().replace(/[^\p{L}]/gu, '')));
    for (const q of ['hoà', 'hòa']) {
      const { results, problemList } = await searchAll(q);
      // Every document with either spelling is found, typed either way, and they come before
      // those that hold only a word folding alike (hoá, hóa, hoa: Pagefind folds tones).
      expectPhraseDocumentsFirst(results, either);
      const found = marks(results);
      expect(found.has('hoà')).toBe(true);
      expect(found.has('hòa')).toBe(true);
      expect(problemList()).toEqual([]);
    }
  });

  it('"chuyen doi so" finds "chuyển đổi số", phrase first', async () => {
    const holders = documentsWith('chuyển đổi số');
    const { results, problemList } = await searchAll('chuyen doi so');
    expectPhraseDocumentsFirst(results, holders);
    for (const r of results.filter((x) => holders.has(pathOf(x.href, site.url)))) {
      // Folded: an unmarked query takes OCR-damaged spellings ("chuyến đối số") as they come. The phrase
      // is one run of marks (a lone "số" marked just before it is another run).
      expect(firstMarksPhrase(r, 'chuyen doi so'), `${r.href}: ${r.subs[0]?.runs.join(' | ')}`).toBe(true);
    }
    expect(problemList()).toEqual([]);
  });

  it('"205/NQ-HĐND": the resolution itself first, marked as the one with that number', async () => {
    for (const q of ['205/NQ-HĐND', '205/NQ-HDND']) {
      const { results, problemList } = await searchAll(q);
      expect(pathOf(results[0]!.href, site.url)).toBe(NQ_205);
      expect(results[0]!.badge).toBe('Văn bản mang số ký hiệu này');
      expect(results[0]!.facts).toContain('205/NQ-HĐND');
      // Only documents holding the whole symbol: no "205-QĐ/TW", no "2050".
      for (const r of results.slice(1)) expect(r.subs.flatMap((s) => s.marks).some((m) => fold(m).startsWith('205nqhdnd'))).toBe(true);
      expect(problemList()).toEqual([]);
    }
  });

  it('"09-NQ/TU": the resolution itself first, then the documents that cite the number', async () => {
    const citing = [...documentsWith('09-NQ/TU')].filter((p) => p !== NQ_09);
    const { results, problemList } = await searchAll('09-NQ/TU');
    expect(pathOf(results[0]!.href, site.url)).toBe(NQ_09);
    expect(results[0]!.badge).not.toBeNull();
    expect(citing.length).toBeGreaterThan(0);
    expect(results.slice(1).map((r) => pathOf(r.href, site.url)).sort()).toEqual(citing.sort());
    for (const r of results.slice(1)) expect(firstMarks(r)).toContain('09-NQ/TU');
    expect(problemList()).toEqual([]);
  });

  it('"176/NQ-HĐND" finds the resolution that cites it, at its legal basis', async () => {
    // No document of the archive bears 176/NQ-HĐND; 205/NQ-HĐND cites it in its legal basis. The bare
    // number "176" is ambiguous in 134 documents (a Hà Nội decision cites "Điều 176 Luật Đất đai"; both
    // hold the whole word and rank in the same tier by Pagefind's score, ADR 0601): a reader after the
    // resolution types its symbol.
    const citing = documentsWith('176/NQ-HĐND', true);
    expect([...citing]).toContain(NQ_205);
    const { results, problemList } = await searchAll('176/NQ-HĐND');
    expect(pathOf(results[0]!.href, site.url)).toBe(NQ_205);
    expect(results[0]!.badge).toBeNull();
    expect(results[0]!.subs[0]!.marks.join(' ')).toContain('176/NQ-HĐND');
    expect(results[0]!.subs.map((s) => s.href.replace(/^.*#/, ''))).toContain('can-cu');
    // Only documents holding the whole symbol.
    expect(results.map((r) => pathOf(r.href, site.url)).sort()).toEqual([...citing].sort());
    expect(problemList()).toEqual([]);
  });
});

describe('search: sub-results, filters, sort', () => {
  it('a sub-result names its provision and opens the document at it', async () => {
    const { page, results, problemList } = await search('chuyen doi so');
    const sub = results[0]!.subs[0]!;
    const id = decodeURIComponent(sub.href.split('#')[1] ?? '');
    expect(id).not.toBe('');
    // "Mục II.4.2 – heading" or "Điều 1, khoản 3 – heading".
    expect(sub.label).toMatch(/^(Mục|Điều|Căn cứ|Mở đầu|Phần)/);
    await Promise.all([page.waitForURL((u) => u.hash !== ''), page.locator('#search-results .result__subs a').first().click()]);
    expect(pathOf(page.url(), site.url)).toBe(pathOf(results[0]!.href, site.url));
    const target = page.locator(`[id="${id}"]`);
    await target.waitFor({ state: 'attached' });
    const where = await target.evaluate((element) => ({
      top: element.getBoundingClientRect().top,
      viewport: window.innerHeight,
      isTarget: element.matches(':target'),
      text: element.textContent ?? '',
    }));
    expect(where.isTarget).toBe(true);
    expect(where.top).toBeGreaterThanOrEqual(-1);
    expect(where.top).toBeLessThan(where.viewport);
    expect(fold(where.text)).toContain('chuyendoiso');
    expect(problemList()).toEqual([]);
  });

  it('a filter narrows the results and goes into the URL', async () => {
    const { page, results, problemList } = await search('nông thôn');
    await page.locator('.search-filters-panel:not([hidden])').waitFor();
    const issuer = page.locator('select[name="co-quan"]');
    const option = await issuer.locator('option', { hasText: 'HĐND tỉnh Quảng Ninh' }).getAttribute('value');
    expect(option).toBe('HĐND tỉnh Quảng Ninh');
    await issuer.selectOption(option!);
    await page.waitForURL((u) => u.searchParams.get('co-quan') === 'HĐND tỉnh Quảng Ninh');
    await page.waitForFunction((n) => document.querySelectorAll('#search-results > li').length < n, results.length);
    const narrowed = await shown(page);
    expect(narrowed.results.length).toBeGreaterThan(0);
    expect(narrowed.results.length).toBeLessThan(results.length);
    for (const r of narrowed.results) expect(r.facts).toContain('HĐND tỉnh Quảng Ninh');
    expect(narrowed.status).toContain('lọc theo cơ quan HĐND tỉnh Quảng Ninh');
    expect(problemList()).toEqual([]);
  });

  it('a status filter (tình trạng) keeps the documents in that state, from the build\'s own status data', async () => {
    // Which documents a later archive document changed: documents.json says (ADR 1301); the filter must show exactly those.
    const records = JSON.parse(readFileSync(join(site.distDir, 'data', 'documents.json'), 'utf8')) as Array<{ url: string; status: string }>;
    const amended = records.filter((r) => r.status === 'amended').map((r) => r.url);
    expect(amended.length).toBeGreaterThan(0);
    const opened = await site.open(`${SEARCH}?q=${encodeURIComponent('quyết định')}&tinh-trang=${encodeURIComponent('Đã được sửa đổi, bổ sung')}`);
    const { results, status } = await showAll(opened.page);
    expect(results.map((r) => pathOf(r.href, site.url)).sort()).toEqual([...amended].sort());
    expect(status).toContain('lọc theo tình trạng Đã được sửa đổi, bổ sung');
    await expect(opened.page.locator('select[name="tinh-trang"]').inputValue()).resolves.toBe('Đã được sửa đổi, bổ sung');
    expect(opened.problemList()).toEqual([]);
  });

  it('a year filter from a shared URL applies, and the sort by date orders the documents', async () => {
    const byYear = await site.open(`${SEARCH}?q=${encodeURIComponent('nghị quyết')}&nam=2017`);
    const { results } = await showAll(byYear.page);
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(r.facts).toContain('2017');
    await expect(byYear.page.locator('select[name="nam"]').inputValue()).resolves.toBe('2017');

    // The date as the results show it, as the sort key orders it (ADR 0602): ISO date, else the year, else "0000".
    const dateKey = (r: ShownResult) => {
      const shownDate = r.facts.split(' · ')[2] ?? '';
      const full = /^(\d{2})\/(\d{2})\/(\d{4})/.exec(shownDate);
      if (full) return `${full[3]}-${full[2]}-${full[1]}`;
      return /^năm (\d{4})/.exec(shownDate)?.[1] ?? '0000';
    };
    // Paged through: with 134 documents one sort's pages are not the other's reversed (documents of the
    // same date keep their own order), so each order is checked on its own, over the same documents.
    const newest = await site.open(`${SEARCH}?q=${encodeURIComponent('nghị quyết')}&sap-xep=moi-nhat`);
    const desc = (await showAll(newest.page)).results;
    const oldest = await site.open(`${SEARCH}?q=${encodeURIComponent('nghị quyết')}&sap-xep=cu-nhat`);
    const asc = (await showAll(oldest.page)).results;
    const descKeys = desc.map(dateKey);
    const ascKeys = asc.map(dateKey);
    expect(new Set(descKeys).size).toBeGreaterThan(2);
    expect(descKeys).toEqual([...descKeys].sort().reverse());
    expect(ascKeys).toEqual([...ascKeys].sort());
    expect(asc.map((r) => r.href).sort()).toEqual(desc.map((r) => r.href).sort());
    expect([...byYear.problemList(), ...newest.problemList(), ...oldest.problemList()]).toEqual([]);
  });
});

describe('search: the URL is the state', () => {
  it('?q= round-trips: shown in the box, a new search updates it, Back and Forward restore each', async () => {
    const { page, problemList } = await site.open(`${SEARCH}?q=${encodeURIComponent('nông thôn')}`);
    const first = await shown(page);
    const input = page.locator('#search-form input[type="search"]');
    await expect(input.inputValue()).resolves.toBe('nông thôn');
    expect(first.status).toContain('«nông thôn»');

    await input.fill('chuyen doi so');
    await input.press('Enter');
    await page.waitForURL((u) => u.searchParams.get('q') === 'chuyen doi so');
    await page.waitForFunction(() => document.getElementById('search-status')?.textContent?.includes('«chuyen doi so»'));

    await page.goBack();
    await page.waitForURL((u) => u.searchParams.get('q') === 'nông thôn');
    await page.waitForFunction(() => document.getElementById('search-status')?.textContent?.includes('«nông thôn»'));
    await expect(input.inputValue()).resolves.toBe('nông thôn');

    await page.goForward();
    await page.waitForFunction(() => document.getElementById('search-status')?.textContent?.includes('«chuyen doi so»'));
    await expect(input.inputValue()).resolves.toBe('chuyen doi so');
    expect(problemList()).toEqual([]);
  });

  it('typing in the box searches and keeps the URL in step', async () => {
    const { page, problemList } = await site.open(SEARCH);
    const input = page.locator('#search-form input[type="search"]');
    await input.click();
    await input.pressSequentially('dang bo', { delay: 20 });
    await page.waitForURL((u) => u.searchParams.get('q') === 'dang bo');
    const { results } = await shown(page);
    expect(results.length).toBeGreaterThan(0);
    expect(problemList()).toEqual([]);
  });

  it('the header search box of any page sends its query to the search page', async () => {
    const { page, problemList } = await site.open(NQ_09);
    // Let the document page finish its own requests first (leaving earlier would abort them, which is not a search problem).
    await page.waitForLoadState('networkidle');
    const box = page.locator('.site-header input[type="search"]');
    await box.fill('nong thon moi');
    await Promise.all([page.waitForURL((u) => u.pathname === SEARCH && u.searchParams.get('q') === 'nong thon moi'), box.press('Enter')]);
    const { results } = await shown(page);
    expect(results.length).toBeGreaterThan(0);
    expect(problemList()).toEqual([]);
  });
});

describe('search: states, keyboard, small screens', () => {
  it('with no query, says what to try, with example searches that run', async () => {
    const { page, problemList } = await site.open(SEARCH);
    const help = page.locator('#search-help');
    await expect(help.isVisible()).resolves.toBe(true);
    await expect(help.locator('a[data-example]').count()).resolves.toBeGreaterThanOrEqual(3);
    await help.locator('a[data-example="dang bo"]').click();
    await page.waitForURL((u) => u.searchParams.get('q') === 'dang bo');
    expect((await shown(page)).results.length).toBeGreaterThan(0);
    await expect(help.isVisible()).resolves.toBe(false);
    expect(problemList()).toEqual([]);
  });

  it('with no result, says so and what to try, and offers to drop the filters', async () => {
    // A word with no answer in this archive: no indexed word is it, starts with it, or begins it
    // (Pagefind answers an unknown word with the longest prefix of it that it knows: "xyzxyzxyz"
    // finds the "x" of formulas in the 134 documents, Pagefind issue #599).
    const nothing = 'zwzwzw';
    const known = new Set(fragments().flatMap((f) => [f.content, ...Object.values(f.meta)].flatMap((t) => String(t).split(/[^\p{L}\p{N}]+/u).map(fold))));
    expect([...known].filter((w) => w !== '' && (nothing.startsWith(w) || w.startsWith(nothing)))).toEqual([]);
    const { page, status, results, problemList } = await search(nothing);
    expect(results).toEqual([]);
    expect(status).toContain('Không tìm thấy văn bản nào');
    const empty = page.locator('#search-empty');
    await expect(empty.isVisible()).resolves.toBe(true);
    await expect(empty.innerText()).resolves.toContain('Hãy thử');

    // 205/NQ-HĐND is of 2024: nothing in 2017.
    const filtered = await site.open(`${SEARCH}?q=${encodeURIComponent('205/NQ-HĐND')}&nam=2017`);
    await shown(filtered.page);
    const clear = filtered.page.locator('#search-empty button');
    await expect(clear.isVisible()).resolves.toBe(true);
    await clear.click();
    await filtered.page.waitForURL((u) => !u.searchParams.has('nam'));
    expect((await shown(filtered.page)).results.length).toBeGreaterThan(0);
    expect([...problemList(), ...filtered.problemList()]).toEqual([]);
  });

  it('works from the keyboard: "/" to the box, Enter to search, arrows through the results', async () => {
    const { page, problemList } = await site.open(SEARCH);
    await page.locator('h1').click();
    await page.keyboard.press('/');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('q');
    await page.keyboard.type('tinh uy');
    await page.keyboard.press('Enter');
    await shown(page);
    await page.keyboard.press('ArrowDown');
    const first = await page.evaluate(() => document.activeElement?.closest('#search-results') !== null && document.activeElement?.tagName);
    expect(first).toBe('A');
    await page.keyboard.press('ArrowDown');
    const second = await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.getAttribute('href'));
    await Promise.all([page.waitForURL((u) => u.pathname.startsWith('/van-ban/')), page.keyboard.press('Enter')]);
    const opened = new URL(page.url());
    const wanted = new URL(second!, `${site.url}/`);
    expect(`${opened.pathname}${opened.hash}`).toBe(`${wanted.pathname}${wanted.hash}`);
    expect(problemList()).toEqual([]);
  });

  it('fits a 360 px wide phone screen', async () => {
    const { page, problemList } = await site.open(`${SEARCH}?q=${encodeURIComponent('205/NQ-HĐND')}`);
    await page.setViewportSize({ width: 360, height: 740 });
    await shown(page);
    await page.locator('.search-filters-panel:not([hidden])').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('#search-form, #search-results, .result, .search-filters select')]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
        .map((e) => e.className || e.id),
    );
    expect(wide).toEqual([]);
    expect(problemList()).toEqual([]);
  });
});
