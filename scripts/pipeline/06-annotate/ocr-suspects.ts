/**
 * Suspected OCR damage: tokens that cannot be Vietnamese syllables ("tmh",
 * "tnên", "lứứi", "COVỈD-Ỉ9", "ĐỊnh"). Lists them for an editor; changes nothing.
 */
import { isJsSpace } from '../../lib/js-space.ts';
import { isVietnameseSyllable } from '../01-decode/syllable.ts';
import { SpanMemo } from '../../lib/span-memo.ts';

const EDGE = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;
/** Short foreign words and abbreviations that occur in resolutions. */
const ALLOWED = new Set(['km', 'ha', 'kw', 'mw', 'ca', 'tp', 'tw', 'cp', 'vs', 'đ/c', 'b/cáo', 'v.v', 'ict', 'index', 'online', 'logistics', 'smart', 'e', 'pci', 'sipas', 'papi', 'par', 'ocop', 'vietgap', 'tour', 'golf', 'kios', 'vneid', 'đ', 'wifi', 'online', 'app']);

function isAllCaps(s: string): boolean {
  return s === s.toLocaleUpperCase('vi') && s !== s.toLocaleLowerCase('vi');
}

function partSuspect(part: string): boolean {
  if (part === '' || /^\d+([.,]\d+)*%?$/.test(part)) return false;
  if (!/\p{L}/u.test(part)) return false;
  const lower = part.toLocaleLowerCase('vi');
  if (ALLOWED.has(lower)) return false;
  // Letters and digits mixed inside one part: "Ỉ9" (but not "QH15", "COVID-19" parts).
  if (/\p{L}/u.test(part) && /\d/.test(part)) return /[^\x00-\x7f]/.test(part);
  if (isAllCaps(part)) {
    // ASCII acronyms (GRDP, FDI, HĐND-like) are fine; accented capitals must be syllables.
    if (/^[A-ZĐ]+$/.test(part)) return false;
    return !isVietnameseSyllable(part);
  }
  // Capitals after the first letter: "ĐỊnh", "nghiệỊ".
  if (/^.\p{Ll}*\p{Lu}/u.test(part) && !/^\p{Lu}+\p{Ll}*$/u.test(part)) return true;
  if (/\p{Ll}\p{Lu}/u.test(part)) return true;
  if (/^[a-z]+$/i.test(part) && part.length >= 5) return false; // likely a foreign word
  return !isVietnameseSyllable(part);
}

/** Verdicts per raw token: words repeat, so each is judged once, looked up where it stands (bounded memo). */
const verdicts = new SpanMemo<string | null>(100_000);

function suspectToken(raw: string): string | null {
  const token = raw.replace(EDGE, '');
  if (token === '' || /[/@]/.test(token) || /^https?:/.test(token)) return null;
  return token.split('-').some(partSuspect) ? token : null;
}


/** Whitespace other than the space: a text without it is split at its spaces by indexOf. */
const OTHER_SPACE = /[^\S ]/;

/** The suspect tokens of one text (its runs of non-space), in order of appearance. */
export function ocrSuspects(text: string): string[] {
  const out: string[] = [];
  const n = text.length;
  const spacesOnly = !OTHER_SPACE.test(text);
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || (!spacesOnly && isJsSpace(c))) {
      i++;
      continue;
    }
    const start = i;
    if (spacesOnly) {
      i = text.indexOf(' ', start);
      if (i < 0) i = n;
    } else {
      do i++;
      while (i < n && !isJsSpace(text.charCodeAt(i)));
    }
    const h = SpanMemo.hash(text, start, i);
    const e = verdicts.find(h, text, start, i);
    let verdict: string | null;
    if (e) verdict = e.value;
    else {
      const raw = text.slice(start, i);
      verdict = suspectToken(raw);
      verdicts.add(h, raw, verdict);
    }
    if (verdict !== null) out.push(verdict);
  }
  return out;
}
