/**
 * The numbering grammar, as data: every numbering level a document may use,
 * how its marker is written, what kind of provision it opens, its fragment
 * id (a public contract, docs/decisions/0002), what it may contain and the
 * rule it comes from. markers.ts parses with these patterns; outline.ts
 * places, names and nests provisions with these fields. A reader can check
 * each row against its source.
 *
 * Sources (see docs/decisions/0002, "Normative levels"):
 * - LBH: Luật Ban hành văn bản quy phạm pháp luật (80/2015/QH13, Điều 61
 *   "Bố cục của văn bản": Phần, chương, mục, tiểu mục, điều, khoản, điểm;
 *   the Luật of 2025 keeps the same levels - to check article number).
 * - TT: the format rules for normative documents that spell the markers
 *   ("Phần thứ nhất" or "Phần I", "Chương I", "Mục 1", "Điều 1.", "1.", "a)"):
 *   Nghị định 34/2016/NĐ-CP Phụ lục I (for Quốc hội: Nghị quyết
 *   351/2017/UBTVQH14 Điều 10-11) - to check the exact article.
 * - ND30: Nghị định 30/2020/NĐ-CP, Phụ lục I (administrative documents:
 *   parts in roman numerals, sections 1., 1.1., points a)) - to check.
 * - HD36: Hướng dẫn 36-HD/VPTW (2018) on party document format (parts "I-",
 *   sections "1-", points "a)", dashes "-" and "+") - to check.
 * Where the sources say nothing (e.g. "Điều 4:" with a colon, "Điều 1. –"),
 * the variant is read because real documents write it (content/sources).
 */
import type { ProvisionKind } from '../model.ts';

export type MarkerType =
  | 'volume' // Phần
  | 'chapter' // Chương
  | 'division' // Mục
  | 'subdivision' // Tiểu mục
  | 'article' // Điều
  | 'roman' // party/administrative part "I-", "II."
  | 'dotted' // "2.1.", "2.2.1."
  | 'arabic' // "1-", "1." (section, or clause inside an article)
  | 'letter' // "a)", "đ)"
  | 'bullet'; // "-", "+", "•"

/** How the number of a level runs. */
export type Sequence =
  | 'document' // 1, 2, 3 ... through the whole document (never restarts)
  | 'parent'; // restarts at 1 inside each parent provision

export interface NumberingRule {
  type: MarkerType;
  /** The level's name in the sources. */
  name: string;
  /** Markers as real documents write them. */
  examples: string[];
  /**
   * Anchored pattern with named groups: `word` (the level word, if any),
   * `num` (the number as written), `sep` (separator), `dash` (a dash after it).
   */
  pattern: RegExp;
  /** Kind of the provision it opens (arabic depends on its parent: see kindOf). */
  kind: ProvisionKind;
  /** Fragment id form; `<parent>` is the enclosing provision's id. */
  idForm: string;
  sequence: Sequence;
  /** Levels it may directly contain. */
  contains: MarkerType[];
  /** The rule it follows. */
  source: string;
}

/** Vietnamese point letters in order (no f, j, w, z; "đ" follows "d"). Source: TT, ND30. */
export const POINT_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];

/** "Phần thứ nhất" ... : ordinal words. */
export const ORDINALS: Record<string, number> = {
  nhất: 1, hai: 2, ba: 3, tư: 4, năm: 5, sáu: 6, bảy: 7, tám: 8, chín: 9, mười: 10,
};

/** What may follow a level word and its number: end of line, a separator, or a name in capitals. */
const TAIL = String.raw`\s*(?<sep>[.:])?\s*(?<dash>[-–—](?=\s|$))?(?:\s+|$|(?=\p{Lu}))`;

export const NUMBERING: NumberingRule[] = [
  {
    type: 'volume',
    name: 'Phần',
    examples: ['Phần thứ nhất', 'PHẦN THỨ HAI', 'Phần I', 'PHẦN II.'],
    pattern: new RegExp(String.raw`^(?<word>Phần|PHẦN)\s+(?<num>(?:thứ|THỨ)\s+\p{L}+|[IVXLC]{1,6}|\d{1,2})(?![\p{L}\d])` + TAIL, 'u'),
    kind: 'volume',
    idForm: 'phan-<n>: "thứ nhất" -> 1, roman as written (phan-I), arabic (phan-2)',
    sequence: 'document',
    contains: ['chapter', 'article'],
    source: 'LBH Điều 61; TT (to check)',
  },
  {
    type: 'chapter',
    name: 'Chương',
    examples: ['Chương I', 'CHƯƠNG II.', 'CHƯƠNG I. QUY ĐỊNH CHUNG'],
    pattern: new RegExp(String.raw`^(?<word>Chương|CHƯƠNG)\s+(?<num>[IVXLC]{1,6}|\d{1,3})(?![\p{L}\d])` + TAIL, 'u'),
    kind: 'chapter',
    idForm: 'chuong-<n>: roman as written (chuong-I), arabic (chuong-2); not under its Phần',
    sequence: 'document',
    contains: ['division', 'article'],
    source: 'LBH Điều 61; TT (to check)',
  },
  {
    type: 'division',
    name: 'Mục',
    examples: ['Mục 1', 'Mục 1. NỘI DUNG, MỨC CHI'],
    pattern: new RegExp(String.raw`^(?<word>Mục|MỤC)\s+(?<num>\d{1,2}|[IVXLC]{1,6})(?![\p{L}\d])` + TAIL, 'u'),
    kind: 'division',
    idForm: '<chapter>.muc-<n> (chuong-II.muc-1); muc-<n> outside a chapter',
    sequence: 'parent',
    contains: ['subdivision', 'article'],
    source: 'LBH Điều 61; TT (to check)',
  },
  {
    type: 'subdivision',
    name: 'Tiểu mục',
    examples: ['Tiểu mục 1'],
    pattern: new RegExp(String.raw`^(?<word>Tiểu mục|TIỂU MỤC)\s+(?<num>\d{1,2})(?![\p{L}\d])` + TAIL, 'u'),
    kind: 'subdivision',
    idForm: '<division>.tieu-muc-<n> (chuong-II.muc-1.tieu-muc-1)',
    sequence: 'parent',
    contains: ['article'],
    source: 'LBH Điều 61 (no corpus document uses it yet)',
  },
  {
    type: 'article',
    name: 'Điều',
    examples: ['Điều 1.', 'Điều 1. –', 'Điều 1 -', 'Điều 4:', 'Điều 1.Nội dung', 'Điều 2'],
    pattern: new RegExp(String.raw`^(?<word>Điều|ĐIỀU)\s+(?<num>\d{1,3})(?![\p{L}\d])` + TAIL, 'u'),
    kind: 'article',
    idForm: 'dieu-<n>, also inside chapters (citations say "Điều 5" without the chapter)',
    sequence: 'document',
    contains: ['arabic', 'letter', 'bullet'],
    source: 'LBH Điều 61; TT ("Điều" + arabic number + "."); ":" and dashes: corpus',
  },
  {
    type: 'roman',
    name: 'Phần / mục lớn (I, II)',
    examples: ['I-', 'II.', 'III –'],
    pattern: /^(?<num>[IVXLC]{1,6})\s*(?<sep>[-.–])\s*(?=\S)/u,
    kind: 'part',
    idForm: '<n> roman upper case (II)',
    sequence: 'document',
    contains: ['arabic', 'letter', 'bullet'],
    source: 'ND30 Phụ lục I; HD36 (to check)',
  },
  {
    type: 'dotted',
    name: 'Tiểu mục đánh số (2.1.)',
    examples: ['2.1.', '2.2.1.', '1.1'],
    pattern: /^(?<num>\d{1,2}(?:\.\d{1,2})+)(?<sep>\.?)\s+(?=\S)/u,
    kind: 'subsection',
    idForm: '<parent>.<last number> (II.2.1)',
    sequence: 'parent',
    contains: ['dotted', 'arabic', 'letter', 'bullet'],
    source: 'ND30 Phụ lục I (to check)',
  },
  {
    type: 'arabic',
    name: 'Khoản / mục (1., 1-)',
    examples: ['1.', '2-', '3)', '1. alone on its line, its text on the next'],
    pattern: /^(?<num>\d{1,3})\s*(?<sep>[-.)–])(?:\s+(?=\S)|(?<=\.)$)/u,
    kind: 'section',
    idForm: '<parent>.<n> (II.3, dieu-1.2); <n> at top level',
    sequence: 'parent',
    contains: ['dotted', 'arabic', 'letter', 'bullet'],
    source: 'LBH/TT (khoản: "1."); ND30, HD36 (mục: "1.", "1-")',
  },
  {
    type: 'letter',
    name: 'Điểm',
    examples: ['a)', 'đ)'],
    pattern: /^(?<num>[a-zđ])\)\s+(?=\S)/u,
    kind: 'point',
    idForm: '<parent>.<letter> (dieu-1.2.a; the letter đ is written dd: ids are ASCII)',
    sequence: 'parent',
    contains: ['arabic', 'bullet'],
    source: 'LBH/TT, ND30, HD36 (letters a, b, c ... with ")")',
  },
  {
    type: 'bullet',
    name: 'Gạch đầu dòng',
    examples: ['- ', '+ ', '• '],
    pattern: /^(?<num>[-–+•])\s*(?=\S)/u,
    kind: 'section',
    idForm: 'none: a bullet is a block of its provision, not a provision',
    sequence: 'parent',
    contains: [],
    source: 'ND30, HD36 (to check)',
  },
];

export const RULE: Record<MarkerType, NumberingRule> = Object.fromEntries(NUMBERING.map((r) => [r.type, r])) as Record<MarkerType, NumberingRule>;

/** Levels of the normative hierarchy above Điều: their marker line is followed by the level's name. */
export const CONTAINERS: MarkerType[] = ['volume', 'chapter', 'division', 'subdivision'];

/** Fragment-id prefix of each level that has one. */
export const ID_WORD: Partial<Record<MarkerType, string>> = {
  volume: 'phan',
  chapter: 'chuong',
  division: 'muc',
  subdivision: 'tieu-muc',
  article: 'dieu',
};

/**
 * Quoted provisions (an amending document quotes what it amends): an opening
 * quote at the start of a line right after a line ending in ":" ("... như
 * sau:", "... sau đây:"), or right after another quotation, up to the
 * matching closing quote. Never closed within QUOTE_MAX_LINES lines, or an
 * unquoted next Điều of the document inside: not a quotation.
 * Source: TT (amending documents quote the new text in quotation marks);
 * the bound is from the corpus (the longest quotation, 116's "Điều 4", is 110 lines).
 */
export const QUOTE_MAX_LINES = 250;
export const QUOTE_INTRO = /:\s*$/;
/** Optional markdown blockquote ">" and emphasis, then the opening quote. */
export const QUOTE_OPEN = /^(?:>\s*)?[“"]/;
/** A markdown blockquote line ("> ..."): quoted by the source's own markup. */
export const BLOCKQUOTE = /^>/;
