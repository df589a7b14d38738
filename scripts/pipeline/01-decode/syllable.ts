/**
 * A lenient check for well-formed Vietnamese syllables, used only to score
 * candidate readings of a text (is this TCVN3? VNI? already Unicode?). It
 * accepts every real syllable and some impossible ones; what matters is that
 * mis-decoded text ("TØnh", "Vieät", "Tá»‰nh") fails it.
 */

import { countTones, stripTones, TONE_MARKS } from '../../lib/fold.ts';

const ONSETS = ['ngh', 'ng', 'nh', 'ch', 'gh', 'gi', 'kh', 'ph', 'th', 'tr', 'qu',
  'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x'];

/** Vowel nuclei with their glides (toneless). */
const NUCLEI = [
  'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y',
  'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iê', 'iu', 'oa', 'oă', 'oe',
  'oi', 'oo', 'ôi', 'ơi', 'ua', 'uâ', 'uê', 'ui', 'uô', 'uơ', 'uy', 'ưa', 'ưi', 'ươ',
  'ưu', 'yê',
  'iêu', 'oai', 'oao', 'oay', 'oeo', 'uây', 'uôi', 'uya', 'uyê', 'uyu', 'ươi', 'ươu',
  'yêu', 'uêu',
];

const CODAS = ['ch', 'ng', 'nh', 'c', 'm', 'n', 'p', 't'];

const byLength = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length).join('|');

const SYLLABLE = new RegExp(`^(?:${byLength(ONSETS)})?(?:${byLength(NUCLEI)})(?:${byLength(CODAS)})?$`);

/** The letters of the Vietnamese alphabet (lowercase, NFC), plus the Latin letters used in loanwords. */
const LETTERS: ReadonlySet<string> = (() => {
  const set = new Set<string>('abcdefghijklmnopqrstuvwxyzđ');
  for (const v of ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']) {
    set.add(v);
    for (const t of TONE_MARKS) set.add((v + t).normalize('NFC'));
  }
  return set;
})();

const seen = new Map<string, boolean>();

/** True when `word` (one syllable, any case, NFC or NFD) is a plausible Vietnamese syllable. Memoised. */
export function isVietnameseSyllable(word: string): boolean {
  const hit = seen.get(word);
  if (hit !== undefined) return hit;
  const result = checkSyllable(word);
  if (seen.size > 100_000) seen.clear();
  seen.set(word, result);
  return result;
}

function checkSyllable(word: string): boolean {
  for (const ch of word.normalize('NFC').toLowerCase()) if (!LETTERS.has(ch)) return false;
  if (countTones(word) > 1) return false;
  const bare = stripTones(word).toLowerCase();
  return SYLLABLE.test(bare);
}

const NON_ASCII = /[^\u0000-\u007f]/;
const EDGE = /^[\p{P}\p{S}\p{N}\p{Z}\u00ad]+|[\p{P}\p{S}\p{N}\p{Z}\u00ad]+$/gu;
const PLAIN_WORD = /^[A-Za-z0-9]+$/;

/**
 * Judges one whitespace-free token as read under some encoding:
 * - 'neutral' when it has no non-ASCII letter outside edge punctuation (tells nothing);
 * - 'valid' when every hyphen/slash-separated part is a Vietnamese syllable or a plain ASCII word;
 * - 'invalid' otherwise.
 */
export function judgeToken(token: string): 'valid' | 'invalid' | 'neutral' {
  const core = token.replace(EDGE, '');
  if (!NON_ASCII.test(core)) return 'neutral';
  for (const part of core.split(/[-/]/)) {
    if (part === '' || PLAIN_WORD.test(part)) continue;
    if (!isVietnameseSyllable(part)) return 'invalid';
  }
  return 'valid';
}
