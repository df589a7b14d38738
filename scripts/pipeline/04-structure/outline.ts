/**
 * Structure: body lines -> provision tree, from the numbering alone (never
 * from markdown heading levels). A number that does not continue a sequence
 * is text, not a heading, and is reported.
 *
 * Provision ids (the citable fragments, part of the public URL contract):
 * numbering path joined with dots, roman parts upper case, articles "dieu-N",
 * points as letters: "I", "II.3", "II.2.1", "dieu-1.2", "dieu-1.2.a".
 */
import type { Line } from '../02-normalise/index.ts';
import type { Block, Provision, ProvisionKind, QualityIssue } from '../../lib/model.ts';
import { parseMarker, POINT_LETTERS, type Marker, type MarkerType } from './markers.ts';
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
  const letters = line.text.replace(/[^\p{L}]/gu, '');
  return (
    letters.length >= 4 &&
    line.text.length < 120 &&
    letters === letters.toLocaleUpperCase('vi') &&
    !/[.;,]$/.test(line.text) &&
    (prev === null || endsSentence(prev.text))
  );
}

function kindFor(type: MarkerType, parent: Level | undefined): ProvisionKind {
  switch (type) {
    case 'roman':
      return 'part';
    case 'article':
      return 'article';
    case 'dotted':
      return 'subsection';
    case 'letter':
      return 'point';
    default:
      return parent?.type === 'article' ? 'clause' : parent?.type === 'arabic' || parent?.type === 'dotted' ? 'subsection' : 'section';
  }
}

/** The number as it appears in ids: "II", "3", "2.1", "a". */
function numberOf(m: Marker): string {
  if (m.type === 'roman') return m.label.replace(/[^IVXLC]/g, '');
  if (m.type === 'letter') return POINT_LETTERS[m.value - 1] ?? String(m.value);
  if (m.type === 'dotted') return m.path.join('.');
  return String(m.value);
}

/** Parts and articles are top-level ids; anything else extends its parent's id. */
function idFor(m: Marker, parent: Provision | undefined): string {
  if (m.type === 'roman') return numberOf(m);
  if (m.type === 'article') return `dieu-${m.value}`;
  const own = m.type === 'dotted' ? String(m.value) : numberOf(m);
  return parent ? `${parent.id}.${own}` : own;
}

export function buildOutline(lines: Line[], wrapWidth: number): OutlineResult {
  const intro: Block[] = [];
  const top: Provision[] = [];
  const issues: QualityIssue[] = [];
  const stack: Level[] = [];
  let open: OpenParagraph | null = null;

  const current = (): Provision | null => stack[stack.length - 1]?.provision ?? null;

  const flush = (): void => {
    if (!open) return;
    const text = joinLines(open.lines.map((l) => l.text));
    const target = open.provision ?? current();
    const blocks = target ? target.blocks : intro;
    if (open.provision && open.bullet === null) {
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
    if (m.type === 'roman' || m.type === 'article') {
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
    const sameStyle = top !== undefined && top.type === m.type && top.sep === m.sep;
    return m.value === 1 && !sameStyle && stack.length < MAX_DEPTH ? stack.length : null;
  };

  let prev: Line | null = null;
  for (const line of lines) {
    if (isTableLine(line)) {
      // A table (or lost table) ends the paragraph and belongs to the provision being read.
      flush();
      appendTableLine(current()?.blocks ?? intro, line);
      prev = null;
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
      const hangs = prev !== null && (m.type === 'arabic' || m.type === 'letter') && isFullLine(prev, wrapWidth) && !endsSentence(prev.text);
      const depth = hangs ? null : place(m);
      if (depth !== null) {
        flush();
        stack.length = depth;
        const parentLevel = stack[stack.length - 1];
        const parent = m.type === 'roman' || m.type === 'article' ? undefined : parentLevel?.provision;
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
      } else if (m.type !== 'bullet' && /^\p{Lu}/u.test(m.rest)) {
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
