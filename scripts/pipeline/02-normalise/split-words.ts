/**
 * Words split by a PDF text extractor: "chính quy ền", "Giám đố c S ở N ội v ụ",
 * "Quy ết đị nh". The extractor breaks a syllable at a glyph it placed apart
 * (a vowel with its diacritic), so the pieces sit on one line, one space apart.
 *
 * A join removes one space and nothing else, and only with evidence (figures
 * in docs/decisions/1007-pdf-text-artefacts.md):
 * - the document is a PDF text layer: lone onset consonants ("s", "ph", "N")
 *   before a vowel-initial piece are frequent in it;
 * - the joined form is a well-formed Vietnamese syllable, and
 * - either the joined form occurs unsplit elsewhere in the same document, or
 *   the first piece is a bare onset consonant that cannot stand alone and the
 *   second starts with a vowel ("th ần" -> "thần").
 * Broken glyph mappings ("Thjnh", "cic") are not split words; they stay, for
 * the OCR-suspect report.
 */
import { isVietnameseSyllable } from '../01-decode/syllable.ts';
import type { Line } from './index.ts';

export interface Join {
  sourceLine: number;
  /** The pieces as the source has them ("quy ền"). */
  pieces: string;
  /** The joined word ("quyền"). */
  joined: string;
}

const VOWEL = /[aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/iu;
const STARTS_WITH_VOWEL = new RegExp(`^${VOWEL.source}`, 'iu');
/** VOWEL_UNITS[u] is 1 when the code unit u, alone, starts with a vowel (STARTS_WITH_VOWEL, case folded as it folds). */
const VOWEL_UNITS = (() => {
  const table = new Uint8Array(0x10000);
  for (let u = 0; u < 0x10000; u++) if (STARTS_WITH_VOWEL.test(String.fromCharCode(u))) table[u] = 1;
  return table;
})();
/** Onset consonants; a token that is only one of these cannot be a Vietnamese word. */
const ONSET = /^(?:ngh|ng|nh|ch|gh|kh|ph|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)$/iu;
const EDGE_PUNCT = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;
/** First piece: letters, perhaps after an opening quote or bracket. */
const FIRST = /^([\p{Ps}\p{Pi}"'“‘]*)(\p{L}+)$/u;
/** Last piece: letters, perhaps before closing punctuation. */
const LAST = /^(\p{L}+)([\p{P}\p{S}]*)$/u;

/** A document is treated as a PDF text layer from this many lone onsets before a vowel-initial piece per 1000 words. */
export const PDF_LAYER_MIN_PER_MILLE = 0.25;
/** … and at least this many of them. */
const PDF_LAYER_MIN_COUNT = 1;

// Case is mapped with toLowerCase()/toUpperCase(): Unicode's SpecialCasing has no rule for Vietnamese
// (only Lithuanian, Turkish and Azeri), so they give what toLocale…Case('vi') gives, without a locale lookup per word.

/** (No onset is longer than three letters, each one UTF-16 unit even case-folded: the length check only saves the scan.) */
const isOnsetOnly = (s: string): boolean => s.length <= 3 && s.length > 0 && ONSET.test(s);
const isLower = (s: string): boolean => s === s.toLowerCase();
const isUpper = (s: string): boolean => s === s.toUpperCase();
const isCapitalised = (s: string): boolean => isLower(s.slice(1)) && /^\p{Lu}/u.test(s);

/** Lone onsets ("s", "ph") followed by a vowel-initial piece, per 1000 words of text. */
export function splitFragmentRate(lines: readonly Line[]): { fragments: number; words: number; perMille: number } {
  let fragments = 0;
  let words = 0;
  for (const l of lines) {
    if (l.table || l.gap) continue;
    // The tokens of l.text.split(' '), walked without splitting: only a token of one to three units can be a lone onset.
    const text = l.text;
    let start = 0;
    for (;;) {
      words++;
      const end = text.indexOf(' ', start);
      if (end < 0) break;
      const len = end - start;
      // The next token's first code unit: a vowel is one unit, and an empty token has none (NaN: no vowel).
      if (len > 0 && len <= 3 && VOWEL_UNITS[text.charCodeAt(end + 1)] === 1 && ONSET.test(text.slice(start, end))) fragments++;
      start = end + 1;
    }
  }
  return { fragments, words, perMille: words === 0 ? 0 : (fragments * 1000) / words };
}

export function looksLikePdfTextLayer(lines: readonly Line[]): boolean {
  const r = splitFragmentRate(lines);
  return r.fragments >= PDF_LAYER_MIN_COUNT && r.perMille >= PDF_LAYER_MIN_PER_MILLE;
}

interface Lexicon {
  /** Lower-cased words that occur whole in the text (edge punctuation aside). */
  intact: Set<string>;
  /** … of which those that occur other than right after a lone onset ("oạt" in "h oạt" is a piece, not a word). */
  alone: Set<string>;
}

function lexicon(lines: readonly Line[]): Lexicon {
  const intact = new Set<string>();
  const alone = new Set<string>();
  for (const l of lines) {
    if (l.table || l.gap) continue;
    let prev = '';
    for (const t of l.text.split(' ')) {
      const core = t.replace(EDGE_PUNCT, '');
      if (/^\p{L}+$/u.test(core)) {
        const w = core.toLowerCase();
        intact.add(w);
        if (!isOnsetOnly(prev)) alone.add(w);
      }
      prev = t;
    }
  }
  return { intact, alone };
}

/**
 * Joins split words in place (each Line's text) when the document looks like
 * a PDF text layer; returns the joins made, in order.
 */
export function joinSplitWords(lines: Line[]): Join[] {
  if (!looksLikePdfTextLayer(lines)) return [];
  const lex = lexicon(lines);
  const joins: Join[] = [];
  for (const line of lines) {
    if (line.table || line.gap) continue;
    const toks = line.text.split(' ');
    const out: string[] = [];
    let changed = false;
    for (let i = 0; i < toks.length; ) {
      const hit = joinAt(toks, i, out[out.length - 1], lex);
      if (hit) {
        out.push(hit.token);
        joins.push({ sourceLine: line.sourceLine, pieces: toks.slice(i, i + hit.length).join(' '), joined: hit.token });
        i += hit.length;
        changed = true;
      } else {
        out.push(toks[i] as string);
        i++;
      }
    }
    if (changed) line.text = out.join(' ');
  }
  return joins;
}

/** The join of toks[i] and toks[i + 1], or null. (No word split in three was found in the corpus; see the ADR.) */
function joinAt(toks: readonly string[], i: number, before: string | undefined, lex: Lexicon): { token: string; length: number } | null {
  const first = FIRST.exec(toks[i] ?? '');
  const last = LAST.exec(toks[i + 1] ?? '');
  if (!first || !last) return null;
  const x = first[2] as string;
  const y = last[1] as string;
  if (!casesAgree(x, y)) return null;
  const word = x + y;
  if (!isVietnameseSyllable(word)) return null;
  if (!pairJoins(x, y, before, toks[i + 2], lex.alone.has(word.toLowerCase()), lex)) return null;
  return { token: (first[1] ?? '') + word + (last[2] ?? ''), length: 2 };
}

/** Whether pieces x and y (between the tokens `before` and `after`, as the line stands so far) are one word. */
function pairJoins(x: string, y: string, before: string | undefined, after: string | undefined, seen: boolean, lex: Lexicon): boolean {
  const has = (w: string): boolean => lex.intact.has(w.toLowerCase());
  const isWord = (w: string): boolean => lex.alone.has(w.toLowerCase());
  const prev = before !== undefined && /^\p{L}+$/u.test(before) ? before : null;
  const next = (after ?? '').replace(EDGE_PUNCT, '');
  // A lone onset between two pieces ("việ c áp", "cô ng ích", "ều ch ỉnh") belongs to one of them:
  // the side whose joined form the document has elsewhere wins; when both or neither do, no join.
  if (isOnsetOnly(y) && STARTS_WITH_VOWEL.test(next) && isVietnameseSyllable(y + next)) return seen && !has(y + next);
  if (isOnsetOnly(x) && prev !== null && isVietnameseSyllable(prev + x)) {
    // "các h oạt", "quan h ệ": the piece before is a whole word and the one after is none, so the onset goes after.
    const onsetGoesAfter = isWord(prev) && !isWord(y);
    if (has(prev + x) && !onsetGoesAfter) return false; // "việ c áp": the "c" closes "việc"
    if (!STARTS_WITH_VOWEL.test(y) && !isWord(prev)) return false; // "thự c hi ện": "thự" is no word, the "c" may close it
  }
  if (seen) return true;
  // No evidence in the document: only a bare onset before a vowel ("th ần", "S ở"), not a unit after a number ("5 m ở").
  return isOnsetOnly(x) && STARTS_WITH_VOWEL.test(y) && isLower(y) && !/\d$/.test(before ?? '');
}

/** Pieces of one word: the second in lower case, or both in upper case ("N ội", "N ỘI"; not "UBND TP"). */
function casesAgree(x: string, y: string): boolean {
  if (isLower(y)) return isLower(x) || isCapitalised(x);
  return isUpper(x) && isUpper(y);
}

/** One quality note per document listing its joins: "quy ền→quyền (3), …". */
export function joinsNote(joins: readonly Join[]): { message: string; text: string } | null {
  if (joins.length === 0) return null;
  const counts = new Map<string, number>();
  for (const j of joins) {
    const key = `${j.pieces}→${j.joined}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const list = [...counts].map(([k, n]) => (n > 1 ? `${k} (${n})` : k)).join(', ');
  return {
    message: `nối ${joins.length} chữ bị tách khi trích văn bản từ PDF (bỏ dấu cách thừa, không đổi chữ): ${list}`,
    text: list,
  };
}
