/**
 * Document symbols (số ký hiệu) in their three families (docs/domain.md, section 2):
 *   party      09-NQ/TU, 160-TB/TW, 25-HD/BCĐTW   number-TYPE/ISSUER
 *   state      205/NQ-HĐND, 998/QĐ-TTg            number/TYPE-ISSUER
 *   normative  13/2023/NQ-HĐND, 68/2022/QH15      number/YEAR/TYPE-ISSUER
 * OCR and typing add spaces ("09  - NQ/TU", "13- NQ/TU"); they are removed.
 */
import { stripTones } from './fold.ts';
import type { DocTypeCode, SymbolFamily } from './model.ts';

export interface ParsedSymbol {
  /** Canonical spelling: "09-NQ/TU". */
  canonical: string;
  number: string;
  /** Type code as written in the symbol ("NQ", "QĐ", "CTr"); null for "68/2022/QH15". */
  typeCode: string | null;
  issuerCode: string;
  /** Year inside the symbol (normative family only). */
  year: number | null;
  family: SymbolFamily;
}

/*
 * The grammar, as regex source pieces without capture groups, so the header
 * reader (parseSymbol) and the citation recogniser
 * (scripts/pipeline/06-annotate/citations/recognise.ts) accept the same
 * spellings. White space may surround every separator (OCR and typing add
 * it: "09  - NQ/TU", "13 / 2023 / NQ-HĐND"); the canonical form has none.
 */
/** White space around a separator. */
export const SYMBOL_SPACE = '\\s*';
/** Type code: "NQ", "QĐ", "CTr", "NĐ". */
export const SYMBOL_TYPE_CODE = '[A-ZĐ][A-Za-zĐđ]{0,4}';
/** Issuer code of a party symbol: "TU", "TW", "BCĐTW" (upper case, at least two). */
export const SYMBOL_PARTY_ISSUER = '[A-ZĐ][A-ZĐ0-9]{1,9}';
/** Issuer code of a state or normative symbol: "HĐND", "TTg", "CP", "QH15". */
export const SYMBOL_STATE_ISSUER = '[A-ZĐ][A-Za-zĐđ0-9]{0,9}';
/** A year inside a normative symbol. */
export const SYMBOL_YEAR = '(?:19|20)\\d{2}';

const S = SYMBOL_SPACE;
const group = (source: string, capture: boolean) => (capture ? `(${source})` : `(?:${source})`);

/** "-NQ/TU": what follows the number in a party symbol (shared by "18,19,26-NQ/TW"). */
export function partySuffixSource(capture = false): string {
  return `${S}-${S}${group(SYMBOL_TYPE_CODE, capture)}${S}\\/${S}${group(SYMBOL_PARTY_ISSUER, capture)}`;
}
/** Party family: number-TYPE/ISSUER. Groups (when captured): number, type, issuer. */
export function partySymbolSource(capture = false): string {
  return `${group('\\d{1,4}', capture)}${partySuffixSource(capture)}`;
}
/**
 * Issuer code of a state or normative symbol, with the further codes of a
 * joint document (văn bản liên tịch: "28/2010/TTLT-BLĐTBXH-BNV"), which are
 * upper case (OCR and typing may space the hyphens too).
 */
export const SYMBOL_STATE_ISSUERS = `${SYMBOL_STATE_ISSUER}(?:${SYMBOL_SPACE}-${SYMBOL_SPACE}[A-ZĐ][A-ZĐ0-9]{1,11}(?![\\p{L}\\d]))*`;
/** State family: number/TYPE-ISSUER. Groups: number, type, issuer. */
export function stateSymbolSource(capture = false): string {
  return `${group('\\d{1,5}', capture)}${S}\\/${S}${group(SYMBOL_TYPE_CODE, capture)}${S}-${S}${group(SYMBOL_STATE_ISSUERS, capture)}`;
}
/** Normative family: number/YEAR/TYPE-ISSUER or number/YEAR/ISSUER ("68/2022/QH15"). Groups: number, year, type (optional), issuer. */
export function normativeSymbolSource(capture = false): string {
  return `${group('\\d{1,5}', capture)}${S}\\/${S}${group(SYMBOL_YEAR, capture)}${S}\\/${S}(?:${group(SYMBOL_TYPE_CODE, capture)}${S}-${S})?${group(SYMBOL_STATE_ISSUERS, capture)}`;
}
/** Any symbol, no groups; the normative family first (its prefix reads as a state symbol's number). */
export const SYMBOL_SOURCE = `(?:${normativeSymbolSource()}|${partySymbolSource()}|${stateSymbolSource()})`;

const PARTY = new RegExp(`^${partySymbolSource(true)}$`, 'u');
const STATE = new RegExp(`^${stateSymbolSource(true)}$`, 'u');
const NORMATIVE = new RegExp(`^${normativeSymbolSource(true)}$`, 'u');

export function parseSymbol(raw: string): ParsedSymbol | null {
  const text = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  let m = NORMATIVE.exec(text);
  // A joint document's issuer codes keep no spaces in the canonical form ("BNV - BTC" -> "BNV-BTC").
  if (m && m[4]) m[4] = m[4].replace(/\s+/g, '');
  if (m && m[1] && m[2] && m[4]) {
    const typeCode = m[3] ?? null;
    const canonical = `${m[1]}/${m[2]}/${typeCode ? `${typeCode}-` : ''}${m[4]}`;
    return { canonical, number: m[1], typeCode, issuerCode: m[4], year: Number(m[2]), family: 'normative' };
  }
  m = PARTY.exec(text);
  if (m && m[1] && m[2] && m[3]) {
    return { canonical: `${m[1]}-${m[2]}/${m[3]}`, number: m[1], typeCode: m[2], issuerCode: m[3], year: null, family: 'party' };
  }
  m = STATE.exec(text);
  if (m && m[3]) m[3] = m[3].replace(/\s+/g, '');
  if (m && m[1] && m[2] && m[3]) {
    return { canonical: `${m[1]}/${m[2]}-${m[3]}`, number: m[1], typeCode: m[2], issuerCode: m[3], year: null, family: 'state' };
  }
  return null;
}

/** Vietnamese names of the type codes (docs/domain.md, section 2, "Type codes"). */
export const TYPE_NAMES: Record<DocTypeCode, string> = {
  NQ: 'Nghị quyết',
  CT: 'Chỉ thị',
  QĐ: 'Quyết định',
  KL: 'Kết luận',
  CTr: 'Chương trình hành động',
  KH: 'Kế hoạch',
  TB: 'Thông báo',
  HD: 'Hướng dẫn',
  BC: 'Báo cáo',
  TTr: 'Tờ trình',
  NĐ: 'Nghị định',
  TT: 'Thông tư',
  TTLT: 'Thông tư liên tịch',
  NQLT: 'Nghị quyết liên tịch',
  QP: 'Quy định',
  L: 'Luật',
  // A công văn prints no type name; the reader knows it by its subject line (05-metadata/header.ts).
  CV: 'Công văn',
};

/** Type word at the head of a document or citation -> code. The word decides, not the code. */
export const TYPE_WORDS: Array<[RegExp, DocTypeCode]> = [
  [/^nghị\s+quyết\s+liên\s+tịch$/iu, 'NQLT'],
  [/^thông\s+tư\s+liên\s+tịch$/iu, 'TTLT'],
  [/^nghị\s+quyết$/iu, 'NQ'],
  [/^chỉ\s+thị$/iu, 'CT'],
  [/^quyết\s+định$/iu, 'QĐ'],
  [/^quy\s+định$/iu, 'QP'],
  [/^kết\s+luận$/iu, 'KL'],
  [/^chương\s+trình(?:\s+hành\s+động)?$/iu, 'CTr'],
  [/^kế\s+hoạch$/iu, 'KH'],
  [/^thông\s+báo$/iu, 'TB'],
  [/^hướng\s+dẫn$/iu, 'HD'],
  [/^báo\s+cáo(?:\s+thẩm\s+tra)?$/iu, 'BC'],
  [/^tờ\s+trình$/iu, 'TTr'],
  [/^nghị\s+định$/iu, 'NĐ'],
  [/^thông\s+tư$/iu, 'TT'],
  [/^luật$/iu, 'L'],
];

/** The type a word names; tolerant of OCR tone damage ("Quỵ định", "Quyêt định"). */
export function typeFromWord(word: string): DocTypeCode | null {
  const w = word.normalize('NFC').replace(/\s+/g, ' ').trim();
  for (const [re, code] of TYPE_WORDS) if (re.test(w)) return code;
  const toneless = stripTones(w).toLowerCase();
  for (const [re, code] of TYPE_WORDS) if (stripTones(re.source.replace(/^\^|\$$/g, '').replace(/\\s\+/g, ' ')).toLowerCase() === toneless) return code;
  return null;
}

export function isTypeCode(code: string): code is DocTypeCode {
  return Object.hasOwn(TYPE_NAMES, code);
}
