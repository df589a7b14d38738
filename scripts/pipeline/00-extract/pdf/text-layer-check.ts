/**
 * Is a page's text layer Vietnamese text? A text layer is evidence, not truth:
 * an OCR layer made without the Vietnamese model reads "UY BAN NHAN DAN", a
 * wrong glyph map reads "CØNG HOÀXÃ HØI". Three measures on the page's words:
 * - marks: the share of words carrying a Vietnamese letter (ă â đ ê ô ơ ư or a
 *   tone mark); Vietnamese prose has them on most syllables, ASCII OCR on none;
 * - syllables: of the words with such letters, the share that are well-formed
 *   syllables (01-decode/syllable.ts); a wrong glyph map breaks them;
 * - garbage: letters no Vietnamese text uses (Ø, Cyrillic ҧ, private-use glyphs).
 * Thresholds and the figures they rest on: docs/decisions/1502-pdf-text-layer.md.
 */
import { judgeToken } from '../../01-decode/syllable.ts';
import type { TextLayerCheck } from './types.ts';

/** Below this many words a page says too little to judge (a page number, a lone stamp): it passes. */
export const MIN_WORDS = 12;
export const MIN_MARK_SHARE = 0.3;
export const MIN_SYLLABLE_SHARE = 0.75;
export const MAX_GARBAGE_SHARE = 0.05;

const VIETNAMESE_LETTER = /[a-zđăâêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/iu;
const MARKED = /[đăâêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/iu;
const PRIVATE_USE = /[\u{e000}-\u{f8ff}\u{f0000}-\u{ffffd}\u{100000}-\u{10fffd}\ufffd]/u;

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function textLayerCheck(pageText: string): TextLayerCheck {
  const tokens = pageText
    .replace(/\*\*/g, ' ')
    .split(/[\s|]+/)
    .filter((t) => /\p{L}/u.test(t));
  let letters = 0;
  let garbage = 0;
  for (const ch of tokens.join('')) {
    if (PRIVATE_USE.test(ch)) garbage++;
    if (!/\p{L}/u.test(ch)) continue;
    letters++;
    if (!VIETNAMESE_LETTER.test(ch)) garbage++;
  }
  if (tokens.length < MIN_WORDS) {
    return { ok: true, reason: `only ${tokens.length} words: too little text to judge` };
  }
  const marked = tokens.filter((t) => MARKED.test(t)).length;
  let valid = 0;
  let invalid = 0;
  for (const t of tokens) {
    const verdict = judgeToken(t);
    if (verdict === 'valid') valid++;
    else if (verdict === 'invalid') invalid++;
  }
  const markShare = marked / tokens.length;
  const syllableShare = valid + invalid === 0 ? 0 : valid / (valid + invalid);
  const garbageShare = letters === 0 ? 0 : garbage / letters;
  const figures = `${tokens.length} words, ${pct(markShare)} with Vietnamese letters, ${pct(syllableShare)} of those well-formed syllables, ${garbage} letters (${(garbageShare * 100).toFixed(1)}%) foreign to Vietnamese`;
  if (garbageShare > MAX_GARBAGE_SHARE) return { ok: false, reason: `letters no Vietnamese text uses (wrong glyph map or OCR): ${figures}` };
  if (markShare < MIN_MARK_SHARE) return { ok: false, reason: `too few Vietnamese letters (text without diacritics, e.g. OCR without the Vietnamese model): ${figures}` };
  if (syllableShare < MIN_SYLLABLE_SHARE) return { ok: false, reason: `too many ill-formed syllables (wrong glyph map): ${figures}` };
  return { ok: true, reason: figures };
}
