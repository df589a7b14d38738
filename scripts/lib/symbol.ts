/**
 * Document symbols (số ký hiệu) in their three families (DESIGN.md):
 *   party      09-NQ/TU, 160-TB/TW, 25-HD/BCĐTW   number-TYPE/ISSUER
 *   state      205/NQ-HĐND, 998/QĐ-TTg            number/TYPE-ISSUER
 *   normative  13/2023/NQ-HĐND, 68/2022/QH15      number/YEAR/TYPE-ISSUER
 * OCR and typing add spaces ("09  - NQ/TU", "13- NQ/TU"); they are removed.
 */
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

const CODE = '[A-ZĐ][A-Za-zĐđ]{0,4}';
const PARTY = new RegExp(`^(\\d{1,4})\\s*-\\s*(${CODE})\\s*\\/\\s*([A-ZĐ][A-ZĐ0-9]{1,9})$`, 'u');
const STATE = new RegExp(`^(\\d{1,5})\\s*\\/\\s*(${CODE})\\s*-\\s*([A-ZĐ][A-Za-zĐđ0-9]{0,9})$`, 'u');
const NORMATIVE = new RegExp(`^(\\d{1,5})\\s*\\/\\s*((?:19|20)\\d{2})\\s*\\/\\s*(?:(${CODE})\\s*-\\s*)?([A-ZĐ][A-Za-zĐđ0-9]{0,9})$`, 'u');

export function parseSymbol(raw: string): ParsedSymbol | null {
  const text = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  let m = NORMATIVE.exec(text);
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
  if (m && m[1] && m[2] && m[3]) {
    return { canonical: `${m[1]}/${m[2]}-${m[3]}`, number: m[1], typeCode: m[2], issuerCode: m[3], year: null, family: 'state' };
  }
  return null;
}

/** Vietnamese names of the type codes (DESIGN.md, "Type codes"). */
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
  QP: 'Quy định',
  L: 'Luật',
};

/** Type word at the head of a document or citation -> code. The word decides, not the code. */
export const TYPE_WORDS: Array<[RegExp, DocTypeCode]> = [
  [/^nghị\s+quyết$/iu, 'NQ'],
  [/^chỉ\s+thị$/iu, 'CT'],
  [/^quyết\s+định$/iu, 'QĐ'],
  [/^quy\s+định$/iu, 'QP'],
  [/^kết\s+luận$/iu, 'KL'],
  [/^chương\s+trình(?:\s+hành\s+động)?$/iu, 'CTr'],
  [/^kế\s+hoạch$/iu, 'KH'],
  [/^thông\s+báo$/iu, 'TB'],
  [/^hướng\s+dẫn$/iu, 'HD'],
  [/^báo\s+cáo$/iu, 'BC'],
  [/^tờ\s+trình$/iu, 'TTr'],
  [/^nghị\s+định$/iu, 'NĐ'],
  [/^thông\s+tư$/iu, 'TT'],
  [/^luật$/iu, 'L'],
];

/** Remove tone marks only (vowel qualities stay): "Quỵ định" -> "Quy đinh". */
export function stripTones(text: string): string {
  return text.normalize('NFD').replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '').normalize('NFC');
}

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
