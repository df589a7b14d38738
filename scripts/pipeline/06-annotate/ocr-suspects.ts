/**
 * Suspected OCR damage: tokens that cannot be Vietnamese syllables ("tmh",
 * "tnên", "lứứi", "COVỈD-Ỉ9", "ĐỊnh"). Lists them for an editor; changes nothing.
 */
import { isVietnameseSyllable } from '../01-decode/syllable.ts';

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

/** Verdicts per raw token: words repeat, so each is judged once (bounded memo). */
const verdicts = new Map<string, string | null>();

function suspectToken(raw: string): string | null {
  const token = raw.replace(EDGE, '');
  if (token === '' || /[/@]/.test(token) || /^https?:/.test(token)) return null;
  return token.split('-').some(partSuspect) ? token : null;
}

/** The suspect tokens of one text, in order of appearance. */
export function ocrSuspects(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\s+/)) {
    let verdict = verdicts.get(raw);
    if (verdict === undefined) {
      verdict = suspectToken(raw);
      if (verdicts.size > 100_000) verdicts.clear();
      verdicts.set(raw, verdict);
    }
    if (verdict !== null) out.push(verdict);
  }
  return out;
}
