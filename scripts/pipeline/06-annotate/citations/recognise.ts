/**
 * Citation recogniser: finds the documents a text cites, in every form listed
 * in docs/domain.md (section 5, "Citations"), and parses what each citation says of the
 * cited document's identity. It reads plain paragraph text (lines are already
 * re-joined, so citations broken across lines are whole again). Which issuer a
 * code like "TU" means, and which archive document fits, is decided later
 * (issuer.ts, 07-link); this module only reads.
 */
import type { DocTypeCode } from '../../../lib/model.ts';
import { toneInsensitivePattern as loose } from '../../../lib/fold.ts';
import { parseSymbol, partySuffixSource, SYMBOL_SOURCE, typeFromWord, type ParsedSymbol } from '../../../lib/symbol.ts';
import { DATE_SOURCE, parseVietnameseDate } from '../../../lib/vn-date.ts';

export interface RecognisedCitation {
  /** Offsets in the text: the span that becomes a link. */
  start: number;
  end: number;
  /** The citation as written (the span's text). */
  text: string;
  kind: 'numbered' | 'plenum' | 'law';
  /** The type word as written ("Nghị quyết", "Quy định"); it decides the type. */
  typeWord: string;
  type: DocTypeCode | null;
  /** Parsed symbol; null for unnumbered citations and bare numbers. */
  symbol: ParsedSymbol | null;
  /** A bare number without a symbol ("Nghị quyết số 19 ngày 03/3/2015"). */
  number: string | null;
  /** ISO date when the citation gives one. */
  date: string | null;
  /** "của ..." phrase naming the issuer, shared by a list when written once after it. */
  issuerPhrase: string | null;
  /** A provision of the cited document: "Điều 80" -> "dieu-80", "khoản 2 Điều 5" -> "dieu-5.2". */
  provision: string | null;
  /** For plenum resolutions: Trung ương N, khóa X. For laws: name and year. */
  plenum?: { number: number; term: string; termAsWritten: string };
  law?: { name: string; year: number };
  /** The type word disagrees with the symbol's code (kept as written, reported). */
  typeMismatch: boolean;
}

const TYPE_WORDS = ['Thông báo kết luận', 'Chương trình hành động', 'Thông tư liên tịch', 'Nghị quyết liên tịch', 'Báo cáo thẩm tra', 'Nghị quyết', 'Chỉ thị', 'Quyết định', 'Quy định', 'Kết luận', 'Chương trình', 'Kế hoạch', 'Thông báo', 'Hướng dẫn', 'Báo cáo', 'Tờ trình', 'Nghị định', 'Thông tư'];
const TYPE_WORD = `(?:${TYPE_WORDS.map(loose).join('|')})`;
/**
 * A type word, in any case and with OCR tone damage; also glued to the word
 * before it when OCR lost the space ("hiệu quảNghị quyết").
 */
const TYPE_RE = new RegExp(`(${TYPE_WORD})(?!\\p{L})`, 'giu');
/**
 * Where a type word may start (flags as TYPE_RE's, so "cased letter" either way).
 * Tested only where TYPE_RE found the word: a lookbehind before the word would be tried at every position of the text.
 */
const TYPE_START = /(?:(?<!\p{L})|(?<=\p{Ll})(?=\p{Lu}))/iuy;

/** The type words of a text, in order, as a match of the lookbehind-led pattern would find them. */
function* typeWords(text: string): Generator<RegExpExecArray> {
  const re = TYPE_RE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    TYPE_START.lastIndex = m.index;
    if (TYPE_START.test(text)) yield m;
    else re.lastIndex = m.index + 1;
  }
}
const NGAY = loose('ngày');
const SO = loose('số');

// Symbols and dates: the grammars of scripts/lib/symbol.ts and scripts/lib/vn-date.ts, spaces OCR adds included.
const SYMBOL = SYMBOL_SOURCE;
/** "18,19,26-NQ/TW": numbers sharing one suffix. */
const NUMBER_LIST = `\\d{1,4}(?:\\s?,\\s?\\d{1,4})+${partySuffixSource()}`;
const DATE = DATE_SOURCE;

/** One list item after the type word: "số 09-NQ/TU, ngày 08/12/2017". */
const ITEM = new RegExp(`^(${SO}\\s+)?(?:(${NUMBER_LIST})|(${SYMBOL})|(\\d{1,4})(?=,?\\s+${NGAY}\\s))(?:\\s?,?\\s+${NGAY}\\s+(${DATE}))?`, 'iu');
/** Continuation of a list: ", số 04-NQ/TU", " và 218-QĐ/TW", ", Kế hoạch số 383-KH/TU". */
const CONTINUE = new RegExp(`^(\\s?,\\s?|\\s+và\\s+)(?:(?:các\\s+)?(${TYPE_WORD})\\s+)?(?=(?:${SO}\\s+)?(?:${SYMBOL}|${NUMBER_LIST}))`, 'iu');
/** "của <issuer>" right after a citation or a list. */
const ISSUER_PHRASE = new RegExp(
  '^\\s?,?\\s+(?:của|do)\\s+((?:Ban Chấp hành Trung ương(?: Đảng)?|Ban Chấp hành Đảng bộ (?:[Tt]ỉnh|[Tt]hành phố)(?: Quảng Ninh)?|Ban Thường vụ (?:Tỉnh|Thành) [uủ][yỷ]|Bộ Ch\\S{1,4} trị|Ban Bí thư(?: Trung ương(?: Đảng)?)?|Ban [Cc]hỉ đạo [Tt]rung ương|Ban Nội chính Trung ương|Hội nghị Trung ương|Tỉnh [uủ][yỷ](?: Quảng Ninh)?|T[iỉ]nh [uủ][yỷ]|Thành [uủ][yỷ]|Hội đồng nhân dân (?:tỉnh|Thành phố|thành phố)|HĐND (?:tỉnh|thành phố)|Ủy ban nhân dân (?:tỉnh|Thành phố|thành phố)|UBND (?:tỉnh|thành phố)|Thủ tướng Chính phủ|Chính phủ|Quốc hội))(?!\\p{L})',
  'iu',
);
/** "Điều 80 ", "khoản 2 Điều 5 ", "điểm a khoản 2 Điều 5 của " right before a citation. */
const PROVISION_BEFORE = /(?:(?:điểm\s+([a-zđ])\s+)?khoản\s+(\d{1,3})\s+)?Điều\s+(\d{1,3})\s+(?:của\s+)?$/u;
/** "mục II.3 ", "mục 2.1 của " (party documents cite sections by their numbering path). */
const SECTION_BEFORE = /mục\s+((?:[IVXLC]+|\d{1,2})(?:\.\d{1,2})*)\s+(?:của\s+)?$/u;

function dateOf(raw: string | undefined): string | null {
  return raw ? (parseVietnameseDate(raw)?.iso ?? null) : null;
}

function provisionBefore(text: string, at: number): { provision: string | null; start: number } {
  const section = SECTION_BEFORE.exec(text.slice(Math.max(0, at - 40), at));
  if (section && section[1]) return { provision: section[1], start: at - section[0].length };
  const m = PROVISION_BEFORE.exec(text.slice(Math.max(0, at - 40), at));
  if (!m || !m[3]) return { provision: null, start: at };
  const id = ['dieu-' + m[3], m[2], m[1]].filter(Boolean).join('.');
  return { provision: id, start: at - m[0].length };
}

/** Does the type word agree with the symbol's type code? "Quy định ... QĐ/TW" agrees. */
function agrees(type: DocTypeCode | null, sym: ParsedSymbol | null): boolean {
  if (!type || !sym || !sym.typeCode) return true;
  if (type === 'QP') return sym.typeCode === 'QĐ';
  if (type === 'TB') return sym.typeCode === 'TB';
  return sym.typeCode === type;
}

function numberedAt(text: string, m: RegExpExecArray): RecognisedCitation[] {
  const out: RecognisedCitation[] = [];
  let typeWord = m[1] as string;
  let pos = m.index + m[0].length;
  let first = true;
  let pending: RecognisedCitation[] = [];
  for (;;) {
    let itemStart = pos;
    let rest = text.slice(pos);
    if (!first) {
      const c = CONTINUE.exec(rest);
      if (!c) break;
      // A new type word inside the list starts the link; otherwise "số ..." does.
      if (c[2]) typeWord = c[2];
      itemStart = c[2] ? pos + c[0].indexOf(c[2]) : pos + c[0].length;
      pos += c[0].length;
      rest = text.slice(pos);
    } else {
      const sp = /^:?\s+/.exec(rest);
      if (!sp) break;
      pos += sp[0].length;
      rest = text.slice(pos);
      itemStart = m.index;
    }
    const it = ITEM.exec(rest);
    if (!it) break;
    const end = pos + it[0].length;
    const type = typeFromWord(typeWord.replace(/^Thông báo kết luận$/iu, 'Thông báo'));
    const date = dateOf(it[5]);
    const symbols: Array<{ sym: ParsedSymbol | null; number: string | null }> = [];
    if (it[2]) {
      // "18,19,26-NQ/TW" -> 18-NQ/TW, 19-NQ/TW, 26-NQ/TW
      const [nums, suffix] = [it[2].replace(/\s/g, '').split('-')[0] as string, it[2].replace(/\s/g, '').replace(/^[\d,]+-/, '')];
      for (const n of nums.split(',')) symbols.push({ sym: parseSymbol(`${n}-${suffix}`), number: n });
    } else if (it[3]) {
      symbols.push({ sym: parseSymbol(it[3]), number: null });
    } else if (it[4]) {
      symbols.push({ sym: null, number: it[4] });
    }
    for (const s of symbols) {
      const c: RecognisedCitation = {
        start: itemStart,
        end,
        text: text.slice(itemStart, end),
        kind: 'numbered',
        typeWord,
        type,
        symbol: s.sym,
        number: s.sym ? s.sym.number : s.number,
        date,
        issuerPhrase: null,
        provision: null,
        typeMismatch: !agrees(type, s.sym),
      };
      if (first) {
        const p = provisionBefore(text, m.index);
        c.provision = p.provision;
        c.start = p.start;
        c.text = text.slice(c.start, c.end);
      }
      out.push(c);
      pending.push(c);
    }
    pos = end;
    first = false;
    const iss = ISSUER_PHRASE.exec(text.slice(pos));
    if (iss && iss[1]) {
      for (const c of pending) c.issuerPhrase = iss[1];
      pending = [];
      // The issuer phrase is not part of the link, but a list may continue after it.
      const after = text.slice(pos + iss[0].length);
      if (!CONTINUE.test(after)) break;
      pos += iss[0].length;
    }
  }
  return out;
}

const ROMAN_TERM = /^(?:[IVXLC]+|xm|xin|xiii|xii|xi|x)$/i;
/** OCR readings of XIII seen in the sources ("khóa xm", "khoá xin"): docs/domain.md, section 5. */
function termOf(raw: string): string | null {
  const t = raw.toUpperCase();
  if (t === 'XM' || t === 'XIN') return 'XIII';
  return /^[IVXLC]+$/.test(t) ? t : null;
}

/** "Nghị quyết Trung ương 4,5,6 (khoá XIII)", "Nghị quyết TW6 (khóa XII)", "Nghị quyết Hội nghị Trung ương 8 khóa XIII". */
const PLENUM = /(?<!\p{L})Nghị quyết\s+(?:[Hh]ội nghị\s+)?(?:Trung ương|TW)\s*(?:lần thứ\s*)?(\d{1,2}(?:\s?,\s?\d{1,2})*)\s*\(?\s*kh(?:o[áa]|óa)\s+(\p{L}{1,5})\s*(?:và\s+kh(?:o[áa]|óa)\s+(\p{L}{1,5}))?\s*\)?/gu;
/** "Luật Chăn nuôi năm 2018", "Điều 80 Luật Chăn nuôi năm 2018". */
const LAW = /(?<!\p{L})(Bộ luật|Luật)\s+(\p{Lu}[^\d,.;:()“”"]{2,80}?)\s+năm\s+((?:19|20)\d{2})(?!\d)/gu;

function plenumsAt(text: string): RecognisedCitation[] {
  const out: RecognisedCitation[] = [];
  // PLENUM opens with a lookbehind tried at every position: a text without its words is not scanned.
  if (!text.includes('Nghị quyết')) return out;
  for (const m of text.matchAll(PLENUM)) {
    const terms = [m[2], m[3]].filter((t): t is string => !!t && ROMAN_TERM.test(t));
    if (terms.length === 0) continue;
    const nums = (m[1] as string).split(',').map((n) => Number(n.trim()));
    for (const termRaw of terms) {
      const term = termOf(termRaw);
      if (!term) continue;
      for (const n of nums) {
        out.push({
          start: m.index,
          end: m.index + m[0].length,
          text: m[0],
          kind: 'plenum',
          typeWord: 'Nghị quyết',
          type: 'NQ',
          symbol: null,
          number: null,
          date: null,
          issuerPhrase: 'Ban Chấp hành Trung ương',
          provision: null,
          plenum: { number: n, term, termAsWritten: termRaw },
          typeMismatch: false,
        });
      }
    }
  }
  return out;
}

function lawsAt(text: string): RecognisedCitation[] {
  const out: RecognisedCitation[] = [];
  // LAW opens with a lookbehind tried at every position: a text without its words is not scanned.
  if (!text.includes('Luật') && !text.includes('Bộ luật')) return out;
  for (const m of text.matchAll(LAW)) {
    const name = (m[2] as string).trim();
    // Part of a longer name ("Luật Sửa đổi ... của Luật X và Luật Y năm 2019"): not a citation of Y.
    if (/(?:Luật|luật)/u.test(name)) continue;
    const before = text.slice(Math.max(0, m.index - 100), m.index);
    if (/Luật[^.;]*(?:của|và)\s+$/u.test(before)) continue;
    const p = provisionBefore(text, m.index);
    out.push({
      start: p.start,
      end: m.index + m[0].length,
      text: text.slice(p.start, m.index + m[0].length),
      kind: 'law',
      typeWord: m[1] as string,
      type: 'L',
      symbol: null,
      number: null,
      date: null,
      issuerPhrase: 'Quốc hội',
      provision: p.provision,
      law: { name, year: Number(m[3]) },
      typeMismatch: false,
    });
  }
  return out;
}

const ANY_DIGIT = /[0-9]/;

/** Every citation in `text`, in order of position, without overlaps. */
export function recogniseCitations(text: string): RecognisedCitation[] {
  // Every form has an ASCII digit: a symbol or a bare number after the type word (ITEM), a plenum's number, a law's year.
  if (!ANY_DIGIT.test(text)) return [];
  const found: RecognisedCitation[] = [];
  for (const m of typeWords(text)) {
    // "các Nghị quyết số ..." and "Nghị quyết số ..." are both anchors; lists are read from the first.
    if (found.some((c) => m.index >= c.start && m.index < c.end)) continue;
    found.push(...numberedAt(text, m));
  }
  found.push(...plenumsAt(text), ...lawsAt(text));
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  // Overlapping spans (a list item inside a plenum match, say) keep the first.
  const out: RecognisedCitation[] = [];
  let lastEnd = -1;
  let lastStart = -1;
  for (const c of found) {
    if (c.start < lastEnd && c.start !== lastStart) continue;
    out.push(c);
    if (c.start !== lastStart) {
      lastStart = c.start;
      lastEnd = c.end;
    }
  }
  return out;
}
