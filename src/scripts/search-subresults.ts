/**
 * Which provisions of a document hold the query, best first, each with an
 * excerpt of the real text (marks as written) and its hits marked
 * (docs/decisions/0602-search-indexing-and-sub-results.md). Pure functions.
 *
 * Works on what Pagefind gives for a page: its indexed text (`content`,
 * words split on whitespace), the positions of the elements with an id
 * (`anchors`; provision sections carry `data-pagefind-title`, their heading)
 * and the hit positions of our searches. A hit belongs to the innermost
 * provision that contains it: the last provision anchor before it.
 */
import type { PagefindAnchor } from './pagefind-loader';
import { describeProvision } from './provision-label';
import { foldForSearch } from '../../scripts/lib/fold.ts';
import { canonicalWord, type QueryToken } from './search-query';

export const EXCERPT_WORDS = 30;
/** Words shown before the first hit of an excerpt. */
const LEAD_WORDS = 8;
/** How far (in words) after an inline target "(3)" a hit still belongs to it. */
const TARGET_REACH_WORDS = 40;

export interface SubResult {
  /** The provision id (URL fragment), or null for the page itself (hits before any provision). */
  id: string | null;
  /** "Mục II.3", "Điều 1, khoản 2" ('' when the heading says it). */
  label: string;
  /** The provision's heading (or first words). */
  heading: string;
  /** HTML: escaped text with <mark>ed hits. */
  excerpt: string;
  exactPhrases: number;
  phrases: number;
  /** How many of the query's words occur here as whole words. */
  wordsFound: number;
  hits: number;
}

export interface PageMatches {
  /** Provisions holding the query, best first. */
  subs: SubResult[];
  /** An excerpt for the page as a whole (its best window). */
  excerpt: string;
  /** The query as a phrase occurs in the page (marks folded / as typed). */
  phrases: number;
  exactPhrases: number;
  /** Words of the page that are a query word (whole words, any spelling). */
  wordHits: number;
  /** Words of the page's indexed text. */
  words: number;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Inline numbered targets (chỉ tiêu) have ids like "I.2.ct-15". */
export function isInlineTarget(id: string): boolean {
  return /\.ct-\d+$/.test(id);
}

/** Anchors a reader can land on: provision sections, the header block, inline targets (not footnote links). */
export function isLandingAnchor(a: PagefindAnchor): boolean {
  if (/^fn(ref)?-/.test(a.id) || a.id.includes(':')) return false;
  return a.element === 'section' || a.id === 'dau-van-ban' || isInlineTarget(a.id) || Boolean(a.title);
}

/** The header block, recipients and signature: places a hit is least useful to land on. */
export function isBoilerplate(id: string | null): boolean {
  return id === null || id === 'dau-van-ban' || id === 'noi-nhan' || id === 'chu-ky';
}

/** 0: no match; 1: same word with marks folded; 2: as typed (or the token has no marks). */
export function matchLevel(word: string, token: QueryToken, folded: string = foldForSearch(word)): 0 | 1 | 2 {
  const f = folded;
  if (f !== token.folded) {
    if (token.kind === 'word' || !f.includes(token.folded)) return 0;
    // A number or symbol may be a run of parts of a longer symbol: "176" in "176/NQ-HĐND", "NQ/TU" in "09-NQ/TU".
    const parts = word.split(/[^\p{L}\p{N}]+/u).map(foldForSearch).filter(Boolean);
    if (!containsRun(parts, token.parts)) return 0;
    if (!token.marked) return 2;
    const typed = token.raw.split(/[^\p{L}\p{N}]+/u).map(canonicalWord).join(' ');
    return word.split(/[^\p{L}\p{N}]+/u).map(canonicalWord).join(' ').includes(typed) ? 2 : 1;
  }
  if (!token.marked) return 2;
  const c = canonicalWord(word);
  return token.variants.some((v) => canonicalWord(v) === c) ? 2 : 1;
}

/** Whether `text` holds the query's words in order as whole words (any spelling): a subject, a heading. */
export function holdsPhrase(text: string, tokens: QueryToken[]): boolean {
  const words = text.split(/[\s,.;:!?()«»"“”]+/).filter((w) => w.length > 0);
  for (let i = 0; i + tokens.length <= words.length; i++) {
    if (tokens.every((t, j) => matchLevel(words[i + j]!, t) > 0)) return true;
  }
  return false;
}

function containsRun(parts: string[], run: string[]): boolean {
  if (run.length === 0 || run.length > parts.length) return false;
  for (let i = 0; i + run.length <= parts.length; i++) {
    if (run.every((r, j) => parts[i + j] === r)) return true;
  }
  return false;
}

/** A provision's first words, without its own numbering ("3-", "a)", "Điều 1."). */
export function headingWords(words: string[]): string {
  let w = words;
  if (/^Điều$/i.test(w[0] ?? '') && /^\d+[.:]?$/.test(w[1] ?? '')) w = w.slice(2);
  else if (/^(\(\d+\)|([IVXLC]+|\d+(\.\d+)*|[a-zđ])[-.)]*)$/.test(w[0] ?? '')) w = w.slice(1);
  const text = w.slice(0, 12).join(' ');
  return w.length > 12 ? `${text}…` : text;
}

interface Region {
  anchor: PagefindAnchor | null;
  start: number;
  end: number;
  hitLocs: number[];
  phraseStarts: number[];
  exactStarts: number[];
  found: Set<number>;
  exactHits: number;
}

function excerptHtml(words: string[], from: number, to: number, start: number, end: number, marked: (i: number) => boolean): string {
  const parts: string[] = [];
  for (let i = from; i < to; i++) {
    const w = escapeHtml(words[i] ?? '');
    parts.push(marked(i) ? `<mark>${w}</mark>` : w);
  }
  return `${from > start ? '… ' : ''}${parts.join(' ')}${to < end ? ' …' : ''}`;
}

/** The window start with most hits (exact hits and phrase starts count more). */
function bestWindow(hits: number[], weight: (i: number) => number, start: number, end: number): number {
  let best = start;
  let bestScore = -1;
  for (const h of hits) {
    const from = Math.max(start, Math.min(h - LEAD_WORDS, end - EXCERPT_WORDS));
    let score = 0;
    for (const m of hits) if (m >= from && m < from + EXCERPT_WORDS) score += weight(m);
    if (score > bestScore) [best, bestScore] = [from, score];
  }
  return best;
}

/**
 * Find the query in a page: per-word match levels, phrase occurrences, and
 * the provisions that hold them. `locations` are Pagefind's hits (they may
 * include word-prefix matches, used only when no whole word matches).
 */
export function matchPage(
  content: string,
  anchors: PagefindAnchor[],
  locations: number[],
  tokens: QueryToken[],
): PageMatches {
  const words = content.split(/\s+/).filter((w) => w.length > 0);
  const folded = words.map(foldForSearch);
  const n = tokens.length;
  // Match level of every word against every token (whole words only).
  const levels: Array<Uint8Array> = tokens.map((token) => {
    const out = new Uint8Array(words.length);
    let exact = false;
    for (let i = 0; i < words.length; i++) {
      out[i] = matchLevel(words[i]!, token, folded[i]!);
      if (out[i] === 2) exact = true;
    }
    // Typed with marks and found as typed: other words that only fold alike ("mọi" for "mới") are not hits here.
    if (token.marked && exact) for (let i = 0; i < out.length; i++) if (out[i] === 1) out[i] = 0;
    return out;
  });
  const level = new Map<number, { token: number; level: 1 | 2 }>();
  for (let i = 0; i < words.length; i++) {
    for (let t = 0; t < n; t++) {
      const l = levels[t]![i]!;
      if (l > 0) {
        const prev = level.get(i);
        if (!prev || l > prev.level) level.set(i, { token: t, level: l as 1 | 2 });
      }
    }
  }
  let hitLocs = [...level.keys()];
  // Pagefind found this page through word prefixes only ("hoà" in "hoàn"): show those.
  if (hitLocs.length === 0) hitLocs = locations.filter((l) => l < words.length);
  const hitSet = new Set(hitLocs);

  // Phrase occurrences (n >= 2): consecutive words matching the tokens in order.
  const phraseStarts: number[] = [];
  const exactStarts: number[] = [];
  if (n >= 2) {
    for (let i = 0; i + n <= words.length; i++) {
      let ok = true;
      let exact = true;
      for (let t = 0; t < n && ok; t++) {
        const l = levels[t]![i + t]!;
        if (l === 0) ok = false;
        else if (l === 1) exact = false;
      }
      if (ok) {
        phraseStarts.push(i);
        if (exact) exactStarts.push(i);
      }
    }
  }

  // Regions: one per landing anchor, in document order, plus the page before the first.
  const landing = anchors.filter(isLandingAnchor).sort((a, b) => a.location - b.location);
  const regions: Region[] = [];
  const regionOf = (i: number): Region | null => {
    let owner = -1;
    for (let k = 0; k < landing.length && landing[k]!.location <= i; k++) {
      // An inline target "(3)" marks a sentence, not the rest of its provision: it owns only nearby words.
      if (isInlineTarget(landing[k]!.id) && i - landing[k]!.location > TARGET_REACH_WORDS) continue;
      owner = k;
    }
    return regionsByIndex[owner + 1] ?? null;
  };
  const regionsByIndex: Region[] = [];
  const make = (anchor: PagefindAnchor | null, start: number, end: number): Region => ({
    anchor,
    start,
    end,
    hitLocs: [],
    phraseStarts: [],
    exactStarts: [],
    found: new Set(),
    exactHits: 0,
  });
  regionsByIndex.push(make(null, 0, landing[0]?.location ?? words.length));
  landing.forEach((a, k) => {
    // A provision runs to the next provision (its inline targets lie inside it); a target reaches a few words.
    const next = landing.slice(k + 1).find((b) => !isInlineTarget(b.id))?.location ?? words.length;
    const end = isInlineTarget(a.id) ? Math.min(landing[k + 1]?.location ?? words.length, a.location + TARGET_REACH_WORDS + 1) : next;
    regionsByIndex.push(make(a, a.location, end));
  });
  for (const i of hitLocs) {
    const r = regionOf(i);
    if (!r) continue;
    r.hitLocs.push(i);
    const l = level.get(i);
    if (l) {
      r.found.add(l.token);
      if (l.level === 2) r.exactHits++;
    }
  }
  for (const i of phraseStarts) regionOf(i)?.phraseStarts.push(i);
  for (const i of exactStarts) regionOf(i)?.exactStarts.push(i);
  for (const r of regionsByIndex) if (r.hitLocs.length > 0) regions.push(r);

  const exactSet = new Set(exactStarts);
  const phraseSet = new Set(phraseStarts);
  const weight = (i: number) => (exactSet.has(i) ? 6 : phraseSet.has(i) ? 4 : level.get(i)?.level === 2 ? 2 : 1);
  const marked = (i: number) => hitSet.has(i);
  const excerptOf = (r: { start: number; end: number; hitLocs: number[]; exactStarts: number[]; phraseStarts: number[] }) => {
    // An inline target's region ends where its reach ends, not at the next anchor.
    const focus = r.exactStarts[0] ?? r.phraseStarts[0];
    const from =
      focus !== undefined
        ? Math.max(r.start, Math.min(focus - LEAD_WORDS, r.end - EXCERPT_WORDS))
        : bestWindow(r.hitLocs, weight, r.start, r.end);
    return excerptHtml(words, from, Math.min(r.end, from + EXCERPT_WORDS), r.start, r.end, marked);
  };

  const subs: SubResult[] = regions.map((r) => {
    const id = r.anchor?.id ?? null;
    const label = id ? describeProvision(id) : '';
    // A fixed part ("Đầu văn bản", "Nơi nhận") is named by its label; a numbered one by its heading or first words.
    const fixedPart = label !== '' && !/^(Mục|Điều)/.test(label);
    let heading = r.anchor?.title?.trim() || (id && !fixedPart ? headingWords(words.slice(r.start, r.end)) : '');
    if (!id) heading = 'Phần đầu văn bản';
    // "Căn cứ" + "Căn cứ ban hành": the heading says it all.
    const showLabel = label && !foldForSearch(heading).startsWith(foldForSearch(label));
    return {
      id,
      label: showLabel ? label : '',
      heading,
      excerpt: excerptOf(r),
      exactPhrases: r.exactStarts.length,
      phrases: r.phraseStarts.length,
      wordsFound: r.found.size,
      hits: r.hitLocs.length,
    };
  });
  const order = new Map(regions.map((r, i) => [r, i]));
  const ranked = subs
    .map((s, i) => ({ s, r: regions[i]! }))
    .sort(
      (a, b) =>
        Number(b.s.exactPhrases > 0) - Number(a.s.exactPhrases > 0) ||
        Number(b.s.phrases > 0) - Number(a.s.phrases > 0) ||
        b.s.wordsFound - a.s.wordsFound ||
        // The text itself before the header block, recipients and signature.
        Number(isBoilerplate(a.s.id)) - Number(isBoilerplate(b.s.id)) ||
        b.s.exactPhrases - a.s.exactPhrases ||
        b.s.phrases - a.s.phrases ||
        b.r.exactHits - a.r.exactHits ||
        b.s.hits - a.s.hits ||
        order.get(a.r)! - order.get(b.r)!,
    )
    .map((x) => x.s);

  const whole = { start: 0, end: words.length, hitLocs, exactStarts, phraseStarts };
  return {
    subs: ranked,
    excerpt: hitLocs.length > 0 ? excerptOf(whole) : excerptHtml(words, 0, Math.min(words.length, EXCERPT_WORDS), 0, words.length, () => false),
    phrases: phraseStarts.length,
    exactPhrases: exactStarts.length,
    wordHits: level.size,
    words: words.length,
  };
}
