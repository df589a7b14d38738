/**
 * Structure: body lines -> provision tree, from the numbering alone (never
 * from markdown heading levels). A number that does not continue a sequence
 * is text, not a heading, and is reported.
 *
 * Provision ids (the citable fragments, part of the public URL contract):
 * numbering path joined with dots, roman parts upper case, articles "dieu-N",
 * points as letters: "I", "II.3", "II.2.1", "dieu-1.2", "dieu-1.2.a"; the
 * normative levels "phan-1", "chuong-I", "chuong-I.muc-1" (format-rules/numbering.ts).
 *
 * Text an amending document quotes ("Điều 1. Sửa đổi khoản 2 Điều 5 như sau:"
 * then "“2. ...”") is text of the amending provision, never numbering.
 */
import type { Line } from '../02-normalise/index.ts';
import { isUpperCase } from '../../lib/fold.ts';
import type { Block, Provision, ProvisionKind, QualityIssue } from '../../lib/model.ts';
import { parseMarker, POINT_LETTERS, type Marker, type MarkerType } from './markers.ts';
import { BLOCKQUOTE, CONTAINERS, ID_WORD, NUMBERING, QUOTE_INTRO, QUOTE_MAX_LINES, QUOTE_OPEN, RULE } from '../../lib/format-rules/numbering.ts';
import { continuesParagraph, dangles, endsSentence, isFullLine, joinLines, startsLowercase } from './paragraphs.ts';
import { appendTableLine, isTableLine } from './table-blocks.ts';

interface Level {
  type: MarkerType;
  /** Separator after the number ("-", ".", ")"): one style per level. */
  sep: string;
  /** Last number used at this level. */
  last: number;
  /** Numbering path of the provision at this level ([2, 1] for "2.1."). */
  path: number[];
  provision: Provision;
}

/** A paragraph under construction. */
interface OpenParagraph {
  lines: Line[];
  /** Set when the paragraph starts a provision (its first paragraph). */
  provision: Provision | null;
  bullet: string | null;
  emphasised: boolean;
  /** Lines of a quotation (quoted provisions of an amending document). */
  quoted?: boolean;
}

export interface OutlineResult {
  /** Paragraphs before the first provision (the introduction). */
  intro: Block[];
  provisions: Provision[];
  issues: QualityIssue[];
}

/** Longest heading seen in the sources is ~300 characters (001, 2.2.). */
const MAX_HEADING = 400;
/** Part, section, subsection, sub-subsection, clause, point: deeper is not numbering. */
const MAX_DEPTH = 6;

/**
 * Capitalised words that run on inside a sentence rather than open one:
 * acronyms (UBND, HĐND), institutions and places ("Đảng", "Quảng Ninh"), or a
 * first word that ends in a comma or semicolon ("Đảng;").
 */
const RUNNING_NAMES = /^(?:Đảng|Nhà nước|Nhân dân|Trung ương|Tỉnh [uủ][yỷ]|Thành [uủ][yỷ]|Quốc hội|Chính phủ|[UỦƯ][yỷ] ban|Hội đồng|Mặt trận|Việt Nam|Quảng Ninh|Hạ Long|Vân Đồn|Móng Cái|Cẩm Phả|Uông Bí|Đông Triều|Quảng Yên)(?!\p{L})/u;

function continuesWithName(text: string): boolean {
  const first = text.split(/\s+/)[0] ?? '';
  return /[,;:)]$/.test(first) || /^\p{Lu}{2,}(?!\p{Ll})/u.test(first) || RUNNING_NAMES.test(text);
}

/** An all-capitals line standing alone: a heading without numbering (id from a slug later). */
function isUnnumberedHeading(line: Line, prev: Line | null): boolean {
  if (line.text.length >= 120 || !isUpperCase(line.text)) return false;
  return line.text.replace(/[^\p{L}]/gu, '').length >= 4 && !/[.;,]$/.test(line.text) && (prev === null || endsSentence(prev.text));
}

/** An all-capitals line, tolerating a few OCR-damaged letters ("TIÊU CHUҬN, ... Đӄ NGHӎ"): a level's name. */
function isCapitals(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  const lower = text.match(/\p{Ll}/gu) ?? [];
  return letters.length >= 2 && lower.length <= letters.length * 0.1;
}

/** Kind of provision a marker opens (format-rules/numbering.ts); an arabic number's depends on its parent. */
function kindFor(type: MarkerType, parent: Level | undefined): ProvisionKind {
  if (type !== 'arabic') return RULE[type].kind;
  return parent?.type === 'article' ? 'clause' : parent?.type === 'arabic' || parent?.type === 'dotted' ? 'subsection' : 'section';
}

/** The number as it appears in ids: "II", "3", "2.1", "a"; "Phần thứ nhất" -> "1", "Chương I" -> "I". */
function numberOf(m: Marker): string {
  if (m.type === 'roman') return m.label.replace(/[^IVXLC]/g, '');
  if (m.type === 'letter') return POINT_LETTERS[m.value - 1] ?? String(m.value);
  if (m.type === 'dotted') return m.path.join('.');
  if (CONTAINERS.includes(m.type)) return /^\d+$|^[IVXLC]+$/.test(m.written) ? m.written.replace(/^0+(?=\d)/, '') : String(m.value);
  return String(m.value);
}

/**
 * Parts, articles, Phần and Chương are top-level ids; Mục and Tiểu mục extend
 * their container's id ("chuong-I.muc-1"); anything else extends its parent's id.
 */
function idFor(m: Marker, parent: Provision | undefined): string {
  if (m.type === 'roman') return numberOf(m);
  const word = ID_WORD[m.type];
  if (word !== undefined) {
    const own = `${word}-${numberOf(m)}`;
    return (m.type === 'division' || m.type === 'subdivision') && parent ? `${parent.id}.${own}` : own;
  }
  // Ids are ASCII (ADR 0002): the point letter đ is written "dd" ("dieu-1.2.dd").
  const own = m.type === 'dotted' ? String(m.value) : numberOf(m).replace('đ', 'dd');
  return parent ? `${parent.id}.${own}` : own;
}

const RULE_LINE = /^-{3,}$/;

const CONTAINER_KINDS: ProvisionKind[] = CONTAINERS.map((t) => RULE[t].kind);

/** Levels that may hold a level directly (format-rules/numbering.ts, "contains"). */
const HOLDERS = new Map<MarkerType, MarkerType[]>(
  NUMBERING.map((r) => [r.type, NUMBERING.filter((h) => CONTAINERS.includes(h.type) && h.contains.includes(r.type)).map((h) => h.type)]),
);

/**
 * "Điều" alone on a line, its number starting the next ("Điều\n1. Thống nhất",
 * an extractor's split in 019): one marker line again.
 */
function rejoinSplitArticles(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as Line;
    const next = lines[i + 1];
    if (/^(?:Điều|ĐIỀU)$/.test(l.text) && next && !next.table && /^\d{1,3}\s*[.:]\s/.test(next.text)) {
      out.push({ ...l, text: `${l.text} ${next.text}` });
      i++;
    } else out.push(l);
  }
  return out;
}

/**
 * Where a quotation opened at the start of line `start` closes: the line whose
 * closing quote balances it, or null when none does within QUOTE_MAX_LINES.
 * Curly quotes pair by shape; a straight quote opens after a space and before
 * a word, and closes otherwise.
 */
function quotationEnd(lines: Line[], start: number): number | null {
  const open: string[] = [];
  const limit = Math.min(lines.length, start + QUOTE_MAX_LINES);
  for (let i = start; i < limit; i++) {
    const line = lines[i] as Line;
    if (line.table || line.gap) continue;
    const text = line.text;
    let from = 0;
    if (i === start) {
      const m = QUOTE_OPEN.exec(text);
      if (!m) return null;
      open.push(text[m[0].length - 1] as string);
      from = m[0].length;
    }
    for (let k = from; k < text.length; k++) {
      const c = text[k];
      if (c === '“') open.push(c);
      else if (c === '”') open.pop();
      else if (c === '"') {
        const opens = (k === 0 || /[\s([]/.test(text[k - 1] as string)) && /[\p{L}\p{N}“(*]/u.test(text[k + 1] ?? '');
        if (opens) open.push(c);
        else open.pop();
      } else continue;
      if (open.length === 0) return i;
    }
  }
  return null;
}

/**
 * Lines that belong to a quotation: one opening at the start of a line after
 * a line ending in ":" ("... như sau:") or right after another quotation, up
 * to its closing quote; or a markdown blockquote run ("> ...") there. A
 * quotation that does not close, or holds the document's next article
 * unquoted, is none (format-rules/numbering.ts).
 */
function quotations(lines: Line[]): { quoted: boolean[]; starts: boolean[] } {
  const quoted: boolean[] = lines.map(() => false);
  const starts: boolean[] = lines.map(() => false);
  let lastArticle = 0;
  let prev: Line | null = null;
  let afterQuote = false;
  const nextArticleAt = (from: number, to: number): boolean => {
    for (let j = from; j <= to; j++) {
      const m = parseMarker((lines[j] as Line).text);
      const before = lines[j - 1];
      if (m?.type === 'article' && m.value === lastArticle + 1 && (!before || endsSentence(before.text))) return true;
    }
    return false;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (line.table || line.gap) continue;
    if ((afterQuote || (prev !== null && QUOTE_INTRO.test(prev.text))) && (BLOCKQUOTE.test(line.text) || QUOTE_OPEN.test(line.text))) {
      let end: number | null = i;
      if (BLOCKQUOTE.test(line.text)) {
        while (end + 1 < lines.length && BLOCKQUOTE.test((lines[end + 1] as Line).text)) end++;
      } else {
        end = quotationEnd(lines, i);
      }
      if (end !== null && !nextArticleAt(i + 1, end)) {
        for (let j = i; j <= end; j++) quoted[j] = true;
        starts[i] = true;
        prev = lines[end] as Line;
        afterQuote = true;
        i = end;
        continue;
      }
    }
    const m = parseMarker(line.text);
    if (m?.type === 'article' && m.value === lastArticle + 1) lastArticle = m.value;
    afterQuote = false;
    prev = line;
  }
  return { quoted, starts };
}

/** The text of a quoted line without the quotation's own marks, to see whether it starts a numbered item. */
const unquoted = (text: string): string => text.replace(/^(?:>\s*)?[“"]?/, '');

export function buildOutline(sourceLines: Line[], wrapWidth: number): OutlineResult {
  const lines = rejoinSplitArticles(sourceLines);
  const { quoted, starts } = quotations(lines);
  /** Last number of each level numbered through the whole document (format-rules/numbering.ts, sequence). */
  const documentLast = new Map<MarkerType, number>();
  const intro: Block[] = [];
  const top: Provision[] = [];
  const issues: QualityIssue[] = [];
  const stack: Level[] = [];
  let open: OpenParagraph | null = null;

  const current = (): Provision | null => stack[stack.length - 1]?.provision ?? null;

  /** `asText`: the provision's first words are text, not a heading (they introduce a quotation). */
  const flush = (asText = false): void => {
    if (!open) return;
    const text = joinLines(open.lines.map((l) => l.text));
    const target = open.provision ?? current();
    const blocks = target ? target.blocks : intro;
    if (open.provision && CONTAINER_KINDS.includes(open.provision.kind)) {
      // A Phần, Chương, Mục or Tiểu mục has a name, never text of its own (LBH Điều 61).
      if (text.length > 0) open.provision.heading = [{ kind: 'text', text }];
    } else if (open.provision && open.bullet === null && asText) {
      if (text.length > 0) blocks.push({ kind: 'paragraph', content: [{ kind: 'text', text }] });
    } else if (open.provision && open.bullet === null) {
      const p = open.provision;
      const single = open.lines.length === 1;
      const isHeading =
        text.length > 0 &&
        ((open.emphasised && single && !/[.;]$/.test(text)) ||
          (text.length <= MAX_HEADING && !/[.;]["”)]*$/.test(text) && !/[.!?]\s/.test(text)));
      if (isHeading) p.heading = [{ kind: 'text', text }];
      else if (text.length > 0) blocks.push({ kind: 'paragraph', content: [{ kind: 'text', text }] });
    } else if (open.bullet !== null) {
      blocks.push({ kind: 'bullet', marker: open.bullet, content: [{ kind: 'text', text }] });
    } else if (text.length > 0) {
      blocks.push({ kind: 'paragraph', content: [{ kind: 'text', text }] });
    }
    open = null;
  };

  /**
   * Where does a numbered marker belong? The stack depth to cut back to (its
   * parent is then the top of the stack), or null when the number continues
   * no sequence.
   */
  const place = (m: Marker): number | null => {
    if (CONTAINERS.includes(m.type) || m.type === 'article') {
      // Party-style parts ("I-") hold no normative levels.
      if (stack.some((l) => l.type === 'roman')) return null;
      // Sits in the innermost level that may hold it, or at the top.
      const holders = HOLDERS.get(m.type) ?? [];
      let depth = 0;
      for (let i = stack.length - 1; i >= 0; i--) {
        if (holders.includes((stack[i] as Level).type)) {
          depth = i + 1;
          break;
        }
      }
      if (RULE[m.type].sequence === 'document') return m.value === (documentLast.get(m.type) ?? 0) + 1 ? depth : null;
      const sibling = stack[depth];
      return m.value === (sibling && sibling.type === m.type ? sibling.last + 1 : 1) ? depth : null;
    }
    if (m.type === 'roman') {
      const at = stack.findIndex((l) => l.type === m.type);
      if (at >= 0) return (stack[at] as Level).last + 1 === m.value ? at : null;
      return m.value === 1 && !stack.some((l) => l.type === 'roman' || l.type === 'article') ? 0 : null;
    }
    if (m.type === 'dotted') {
      const parentPath = m.path.slice(0, -1).join('.');
      for (let i = stack.length - 1; i >= 0; i--) {
        const lvl = stack[i] as Level;
        if (lvl.path.join('.') === parentPath && (lvl.type === 'arabic' || lvl.type === 'dotted')) {
          const child = stack[i + 1];
          if (child && child.type === 'dotted') return child.last + 1 === m.value ? i + 1 : null;
          return m.value === 1 ? i + 1 : null;
        }
      }
      return null;
    }
    // arabic or letter: continue the innermost level of that type, or start one,
    // but not inside a level of the very same style ("1-" under "3-" restarts
    // nothing: it is text), and not deeper than any real document goes.
    for (let i = stack.length - 1; i >= 0; i--) {
      const lvl = stack[i] as Level;
      if (lvl.type === m.type && lvl.last + 1 === m.value) return i;
    }
    const top = stack[stack.length - 1];
    // A Phần, Chương, Mục or Tiểu mục holds only lower such levels and articles ("1." under "Chương I" is text).
    if (top !== undefined && CONTAINERS.includes(top.type) && !RULE[top.type].contains.includes(m.type)) return null;
    const sameStyle = top !== undefined && top.type === m.type && top.sep === m.sep;
    const depth = stack.filter((l) => !CONTAINERS.includes(l.type)).length;
    return m.value === 1 && !sameStyle && depth < MAX_DEPTH ? stack.length : null;
  };

  // "Điều 1. Sửa đổi ... hướng\ndẫn về ... lao động\n1. Sửa đổi Điều 4": an article's title
  // ends without a stop; its first clause starts the clauses, it does not continue the title.
  const opensArticle = (m: Marker): boolean =>
    m.type === 'arabic' && m.value === 1 && m.sep === '.' && /^\p{Lu}/u.test(m.rest) &&
    open !== null && open.provision?.kind === 'article' && open.lines.length <= 4 && stack[stack.length - 1]?.provision === open.provision;

  let prev: Line | null = null;
  for (const [i, line] of lines.entries()) {
    if (isTableLine(line)) {
      // A table (or lost table) ends the paragraph and belongs to the provision being read.
      flush();
      appendTableLine(current()?.blocks ?? intro, line);
      prev = null;
      continue;
    }
    // A rule ("-----") under a name or after a text's end is decoration, not text (format rules: NĐ30).
    if (RULE_LINE.test(line.text)) continue;
    if (quoted[i]) {
      // Quoted provisions are text of the provision that quotes them, paragraph
      // by paragraph: each quoted numbered item starts a paragraph.
      const item = parseMarker(unquoted(line.text)) !== null;
      if (open?.quoted && !starts[i] && !item && prev && continuesParagraph(prev, line, wrapWidth)) open.lines.push(line);
      else {
        flush(starts[i] === true);
        open = { lines: [line], provision: null, bullet: null, emphasised: line.emphasised, quoted: true };
      }
      prev = line;
      continue;
    }
    if (open?.quoted) flush();
    // The name of a Phần, Chương, Mục or Tiểu mục: the rest of its line, the next
    // line, and further lines in capitals ("Chương II\nNHỮNG QUY ĐỊNH CỤ\nTHỂ").
    const naming = open !== null && open.provision !== null && CONTAINER_KINDS.includes(open.provision.kind);
    if (naming && open && open.lines.length < 6 && parseMarker(line.text) === null && (open.lines.length === 0 || isCapitals(line.text))) {
      open.lines.push(line);
      prev = line;
      continue;
    }
    const m = parseMarker(line.text);
    let handled = false;
    if (m && m.type === 'bullet') {
      // "kinh tế\n- xã hội", "nhiệm kỳ 2025\n- 2030": a dash that continues an unfinished sentence.
      const continuation = prev !== null && !endsSentence(prev.text) && !/,$/.test(prev.text) && (startsLowercase(m.rest) || /^\d/.test(m.rest));
      if (!continuation) {
        flush();
        open = { lines: [{ ...line, text: m.rest }], provision: null, bullet: m.label, emphasised: line.emphasised };
        handled = true;
      }
    } else if (m) {
      // A number right after a full, unfinished line continues that sentence
      // ("giai đoạn 2011 -\n2020. Trong").
      // "... quy định tại\nĐiều 8 Nghị định số ...": an unpunctuated Điều, Chương, Mục continuing a citation (not reported).
      const cites =
        prev !== null && (CONTAINERS.includes(m.type) || m.type === 'article') && m.sep === '' && !/[-–—]$/.test(m.label) && m.rest !== '' &&
        (dangles(prev.text) || (isFullLine(prev, wrapWidth) && !endsSentence(prev.text)) || (m.type === 'article' && !endsSentence(prev.text)));
      const hangs = cites || (prev !== null && (m.type === 'arabic' || m.type === 'letter') && isFullLine(prev, wrapWidth) && !endsSentence(prev.text) && !opensArticle(m));
      const depth = hangs ? null : place(m);
      if (depth !== null) {
        flush();
        stack.length = depth;
        const parentLevel = stack[stack.length - 1];
        const parent = m.type === 'roman' ? undefined : parentLevel?.provision;
        if (RULE[m.type].sequence === 'document' && m.type !== 'roman') documentLast.set(m.type, m.value);
        const provision: Provision = {
          id: idFor(m, parent),
          kind: kindFor(m.type, parentLevel),
          label: m.label,
          number: numberOf(m),
          heading: [],
          blocks: [],
          children: [],
        };
        if (parent) parent.children.push(provision);
        else top.push(provision);
        stack.push({ type: m.type, sep: m.sep, last: m.value, path: m.type === 'dotted' ? m.path : m.type === 'arabic' ? [m.value] : [], provision });
        open = { lines: m.rest === '' ? [] : [{ ...line, text: m.rest }], provision, bullet: null, emphasised: line.emphasised };
        handled = true;
      } else if (m.type !== 'bullet' && !cites && /^\p{Lu}/u.test(m.rest)) {
        issues.push({
          kind: 'rejected-heading',
          message: `"${m.label}" không nối tiếp số thứ tự ở đây; giữ là văn bản thường`,
          text: line.text.slice(0, 80),
          provision: current()?.id,
        });
      }
    }
    if (!handled && isUnnumberedHeading(line, prev)) {
      flush();
      const heading: Provision = { id: '', kind: 'heading', label: '', number: '', heading: [{ kind: 'text', text: line.text }], blocks: [], children: [] };
      const parent = current();
      if (parent) parent.children.push(heading);
      else top.push(heading);
      handled = true;
    }
    if (!handled) {
      // The line after a provision's one-line heading starts the provision's text
      // ("5- Nâng cao ... chính trị\nPhát huy vai trò ...") unless the heading dangles.
      // Headings wrap over at most two lines and hold no sentence end.
      const headingSoFar = open?.provision && open.lines.length <= 2 ? joinLines(open.lines.map((l) => l.text)) : '';
      const afterHeading =
        open !== null && open.provision !== null && open.bullet === null && open.lines.length >= 1 && open.lines.length <= 2 &&
        headingSoFar.length <= 200 && !/[.!?]\s/.test(headingSoFar) && prev !== null && /^\p{Lu}/u.test(line.text) && !dangles(prev.text) && !endsSentence(prev.text) &&
        !continuesWithName(line.text);
      if (open && prev && !afterHeading && (open.lines.length === 0 || continuesParagraph(prev, line, wrapWidth))) {
        open.lines.push(line);
      } else {
        flush();
        open = { lines: [line], provision: null, bullet: null, emphasised: line.emphasised };
      }
    }
    prev = line;
  }
  flush();
  return { intro, provisions: top, issues };
}
