/**
 * What a reader typed, turned into the Pagefind searches that answer it
 * (docs/decisions/0601-search-vietnamese.md). Pure functions, no DOM.
 *
 * Pagefind 1.6 folds tone and vowel marks (at indexing and in the query),
 * so "nong thon" finds "nông thôn" and "Tỉnh uỷ" finds "Tỉnh ủy". It does not
 * fold đ (a letter of its own), so a query word that starts with d is also
 * searched with đ ("dang" -> "đang", which finds "Đảng"): query expansion.
 * Typed tone marks still matter: a query with marks gets an extra
 * "exact" search (Pagefind's exactDiacritics), in both tone placements
 * (hoà/hòa, uỷ/ủy), whose pages rank first.
 */

import { foldForSearch, hasMarks, TONE_MARKS } from '../../scripts/lib/fold.ts';

/** NFC, single spaces, trimmed. */
export function normalizeQuery(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The word's letters and digits in lower case, marks kept, one tone placement ("Uỷ," -> "uỷ", "ủy" -> "uỷ"). */
export function canonicalWord(word: string): string {
  return placeTone(word.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''), 'new');
}

/**
 * Move the tone mark of a word-final "oa", "oe", "uy" (open syllable) to the
 * first vowel ("old": hòa, thủy) or the second ("new": hoà, thuỷ). Both
 * spellings are correct and both occur in the sources. "qu" + y is left alone.
 */
export function placeTone(word: string, style: 'old' | 'new'): string {
  const d = word.normalize('NFD');
  const m = new RegExp(`^(.*?)([oOuU])([${TONE_MARKS}]?)([aAeEyY])([${TONE_MARKS}]?)$`, 'u').exec(d);
  if (!m) return word;
  const [, head, v1, t1, v2, t2] = m as unknown as [string, string, string, string, string, string];
  const tone = t1 || t2;
  if (!tone || (t1 && t2)) return word;
  // "uy" after q is a consonant + vowel (quý), not a diphthong.
  if (/[uU]/.test(v1) && /[qQ]$/.test(head)) return word;
  // oa/oe only with y-less vowels; uy only with y.
  if (/[oO]/.test(v1) === /[yY]/.test(v2)) return word;
  const out = style === 'old' ? `${head}${v1}${tone}${v2}` : `${head}${v1}${v2}${tone}`;
  return out.normalize('NFC');
}

export type TokenKind = 'word' | 'number' | 'symbol';

export interface QueryToken {
  /** As typed (NFC). */
  raw: string;
  /** foldForSearch(raw). */
  folded: string;
  kind: TokenKind;
  /** The spellings searched for this token: the typed one first, then đ-variants. */
  variants: string[];
  /** The folded parts of a number-symbol ("09-NQ/TU" -> ["09", "nq", "tu"]); [folded] otherwise. */
  parts: string[];
  /** The reader typed marks in this token (then exact spellings rank first). */
  marked: boolean;
}

/** A number-symbol or a piece of one: "205/NQ-HĐND", "09-NQ/TU", "NQ/TU", "13/2023/NQ-HĐND". */
const SYMBOL = /^[\p{L}\p{N}]+(?:[-/.][\p{L}\p{N}]+)+$/u;

/** At most this many spellings per token and searches per query (a long query of d-words stays cheap). */
const MAX_TOKEN_VARIANTS = 4;
export const MAX_COMBOS = 8;

function withD(letter: string): string {
  return letter === 'D' ? 'Đ' : 'đ';
}

/** The đ-spellings of a token that has no đ of its own. */
function dVariants(raw: string, kind: TokenKind): string[] {
  if (/[đĐ]/.test(raw)) return [];
  if (kind === 'word') {
    // A Vietnamese syllable has d only at its start; Telex users may type "dd" for đ.
    if (/^[dD][dD]/.test(raw)) return [withD(raw[0]!) + raw.slice(2)];
    if (/^[dD]/.test(raw)) return [withD(raw[0]!) + raw.slice(1)];
    return [];
  }
  if (kind === 'symbol') {
    // Issuer and type codes with Đ: HĐND, QĐ, NĐ, BCĐ, ĐU. Each d may be đ (first two only).
    const positions = [...raw.matchAll(/[dD]/g)].map((m) => m.index!).slice(0, 2);
    const out: string[] = [];
    for (let mask = 1; mask < 1 << positions.length; mask++) {
      let s = raw;
      positions.forEach((p, i) => {
        if (mask & (1 << i)) s = s.slice(0, p) + withD(s[p]!) + s.slice(p + 1);
      });
      out.push(s);
    }
    return out;
  }
  return [];
}

export function tokenize(query: string): QueryToken[] {
  const tokens: QueryToken[] = [];
  for (const piece of normalizeQuery(query).split(' ')) {
    // Quotes and brackets around a word are not part of it; inner punctuation of a symbol is.
    const raw = piece.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    const folded = foldForSearch(raw);
    if (!folded) continue;
    const kind: TokenKind = /^\p{N}+$/u.test(raw) ? 'number' : SYMBOL.test(raw) ? 'symbol' : 'word';
    const variants = [raw, ...dVariants(raw, kind)].slice(0, MAX_TOKEN_VARIANTS);
    const parts = kind === 'symbol' ? raw.split(/[-/.]/).map(foldForSearch).filter(Boolean) : [folded];
    tokens.push({ raw, folded, kind, variants, parts, marked: hasMarks(raw) });
  }
  return tokens;
}

/**
 * Every spelling of the whole query, the typed one first, then those with
 * fewest substitutions, at most `max`.
 */
export function combinations(tokens: QueryToken[], max = MAX_COMBOS): string[][] {
  let combos: Array<{ words: string[]; changes: number }> = [{ words: [], changes: 0 }];
  for (const t of tokens) {
    const next: typeof combos = [];
    for (const c of combos) t.variants.forEach((v, i) => next.push({ words: [...c.words, v], changes: c.changes + (i > 0 ? 1 : 0) }));
    // Stable sort: fewest substitutions first; keep the list small as it grows.
    next.sort((a, b) => a.changes - b.changes);
    combos = next.slice(0, max);
  }
  return combos.map((c) => c.words);
}

export interface QueryPlan {
  /** The query as normalized (what goes into ?q=). */
  text: string;
  tokens: QueryToken[];
  /** Searches for pages holding every word (Pagefind's ranking, prefix matches included). */
  all: string[];
  /** Phrase searches (`"..."`: whole words, in order, marks folded). */
  phrases: string[];
  /** Phrase searches run with exactDiacritics (only when the query has marks): both tone placements. */
  exact: string[];
  /** One number-symbol or number: the document whose own number it is ranks first. */
  symbol: boolean;
}

/** Pagefind's phrase syntax; its own punctuation rules apply inside. */
function quoted(words: string[]): string {
  return `"${words.join(' ')}"`;
}

export function planQuery(query: string): QueryPlan {
  const text = normalizeQuery(query);
  const tokens = tokenize(text);
  if (tokens.length === 0) return { text, tokens, all: [], phrases: [], exact: [], symbol: false };
  const combos = combinations(tokens);
  const all = combos.map((words) => words.join(' '));
  const phrases = combos.map(quoted);
  const exact: string[] = [];
  if (tokens.some((t) => t.marked)) {
    const typed = tokens.map((t) => t.raw);
    for (const style of ['new', 'old'] as const) {
      const q = quoted(typed.map((w) => placeTone(w, style)));
      if (!exact.includes(q)) exact.push(q);
    }
  }
  const symbol = tokens.length === 1 && tokens[0]!.kind !== 'word';
  return { text, tokens, all, phrases, exact, symbol };
}
