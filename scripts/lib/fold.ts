/**
 * Folding Vietnamese text: the one place tone marks, vowel marks and đ are
 * dropped or matched loosely (docs/decisions/1006-one-concept-one-module.md).
 *
 * Vietnamese letters carry two kinds of marks. In NFD they are combining
 * characters after the base letter:
 *   - tone marks (dấu thanh), one per syllable: grave ◌̀, acute ◌́, tilde ◌̃,
 *     hook above ◌̉, dot below ◌̣;
 *   - vowel marks (dấu phụ), part of the letter: ă (breve), â ê ô (circumflex),
 *     ơ ư (horn).
 * đ/Đ is a letter of its own (not d + a mark): NFD leaves it whole, so every
 * fold that drops marks maps it to d/D by hand.
 *
 * Pure functions without imports: the site's browser scripts (src/scripts)
 * bundle this file too.
 */

/** The five combining tone marks: grave, acute, tilde, hook above, dot below. */
export const TONE_MARKS = '\u0300\u0301\u0303\u0309\u0323';

const TONE_RE = new RegExp(`[${TONE_MARKS}]`, 'g');
const MARK_RE = /\p{M}/gu;

/**
 * Drop tone marks only. Keeps vowel marks, đ, case, spaces and punctuation;
 * returns NFC. "Quỵ định" -> "Quy định", "Tỉnh ủy" -> "Tinh uy", "Đảng" -> "Đang".
 * For comparing words whose tones OCR damaged but whose letters it kept.
 */
export function stripTones(text: string): string {
  return text.normalize('NFD').replace(TONE_RE, '').normalize('NFC');
}

/** How many tone marks `text` carries (a well-formed syllable has at most one). */
export function countTones(text: string): number {
  return text.normalize('NFD').match(TONE_RE)?.length ?? 0;
}

/**
 * Fold to ASCII letters: drop every combining mark (tones and vowel marks)
 * and write đ/Đ as d/D. Keeps case, digits, spaces and punctuation; returns
 * NFC (other non-ASCII characters, "…" or "“", stay as they are).
 * "Đảng bộ tỉnh" -> "Dang bo tinh". The base of slugs (scripts/lib/slug.ts).
 */
export function foldToAscii(text: string): string {
  return text.normalize('NFD').replace(MARK_RE, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

/**
 * Fold a word for search comparison, as Pagefind folds (plus đ -> d, which
 * Pagefind does not fold): no marks, đ -> d, lower case, and only letters
 * and digits kept. "Đảng," -> "dang", "205/NQ-HĐND" -> "205nqhdnd".
 */
export function foldForSearch(word: string): string {
  return foldToAscii(word).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** True when `text` carries any Vietnamese mark or đ (a reader who typed them means them). */
export function hasMarks(text: string): boolean {
  return /[đĐ]/.test(text) || /\p{M}/u.test(text.normalize('NFD'));
}

/** Vowels by toneless letter: the tone-insensitive pattern matches any of them. */
const TONED: Record<string, string> = {
  a: 'aàáảãạ', ă: 'ăằắẳẵặ', â: 'âầấẩẫậ', e: 'eèéẻẽẹ', ê: 'êềếểễệ', i: 'iìíỉĩị', o: 'oòóỏõọ',
  ô: 'ôồốổỗộ', ơ: 'ơờớởỡợ', u: 'uùúủũụ', ư: 'ưừứửữự', y: 'yỳýỷỹỵ',
};
const TONELESS = new Map<string, string>(Object.entries(TONED).flatMap(([base, all]) => [...all].map((c): [string, string] => [c, base])));

/**
 * Regex source matching `words` whatever tone each vowel carries (OCR puts
 * wrong ones: "Quỵ định" for "Quy định"), đ also as d, any run of white
 * space between words. Vowel marks must match: the pattern of "Quyết định"
 * matches "Quyêt định" (ê kept, tone free), not "Quyet định". Lower-case
 * output: use it with the `i` flag for any case.
 */
export function toneInsensitivePattern(words: string): string {
  return [...words.normalize('NFC').toLowerCase()]
    .map((ch) => {
      const base = TONELESS.get(ch);
      if (base) return `[${TONED[base]}]`;
      if (ch === 'đ') return '[đd]';
      if (ch === ' ') return '\\s+';
      return ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    })
    .join('');
}

const LOWER_ASCII = /[a-z]/;

/**
 * Is the text written in capitals (a header's names, the type, a chapter's
 * name)? Its letters, at least two, are all upper case; digits and marks
 * do not count.
 */
export function isUpperCase(text: string): boolean {
  // A lower-case ASCII letter is a letter that upper-casing changes (no letter maps to nothing): most lines end here.
  if (LOWER_ASCII.test(text)) return false;
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toLocaleUpperCase('vi');
}
