/**
 * A provision's own text as one string (heading, then paragraphs and bullets,
 * joined by line breaks) with the span of each citation in it, the parts that
 * stand inside quotation marks, and its sentences. Tables, footnotes and
 * child provisions are not part of it.
 */
import type { Inline, Provision } from '../../../lib/model.ts';

export interface Span {
  start: number;
  end: number;
  /** The citations of this span: one, or several for "các Nghị quyết số 18,19,26-NQ/TW". */
  citations: number[];
}

export interface Stream {
  text: string;
  spans: Span[];
  /** quoted(i): character i stands inside quotation marks (text quoted by an amending provision). */
  quoted: (i: number) => boolean;
}

function inlineText(n: Inline): string {
  return n.kind === 'text' ? n.text : n.kind === 'correction' ? n.corrected : n.kind === 'target' ? n.label : n.kind === 'citation' ? n.text : '';
}

/** `siblings`: citation index -> the later citations that share its span (list items). */
export function provisionStream(p: Provision, siblings: Map<number, number[]>): Stream {
  const lists: Inline[][] = [p.heading, ...p.blocks.flatMap((b) => (b.kind === 'paragraph' || b.kind === 'bullet' ? [b.content] : []))].filter((l) => l.length > 0);
  let text = '';
  const spans: Span[] = [];
  lists.forEach((list, i) => {
    if (i > 0) text += '\n';
    for (const n of list) {
      const t = inlineText(n);
      if (n.kind === 'citation') spans.push({ start: text.length, end: text.length + t.length, citations: [n.citationIndex, ...(siblings.get(n.citationIndex) ?? [])] });
      text += t;
    }
  });
  return { text, spans, quoted: quotedMask(text) };
}

/**
 * Curly quotes nest and may run over several paragraphs (a quoted article);
 * a straight quote toggles. An unclosed quote leaves the rest quoted: its
 * citations stay mentions, the safe side.
 */
function quotedMask(text: string): (i: number) => boolean {
  // The quoted stretches [start, end), found at the quotation marks alone.
  const bounds: number[] = [];
  let depth = 0;
  let straight = false;
  let from = -1;
  const marks = /[“”"]/g;
  for (let m = marks.exec(text); m !== null; m = marks.exec(text)) {
    const i = m.index;
    const ch = text.charCodeAt(i);
    const before = depth > 0 || straight;
    if (ch === 0x201c) depth++; // “
    else if (ch === 0x22) straight = !straight; // "
    const at = depth > 0 || straight; // character i itself (a closing ” is still inside)
    if (ch === 0x201d) depth = Math.max(0, depth - 1); // ”
    const after = depth > 0 || straight;
    if (!before && at) from = i;
    if (before && !at) bounds.push(from, i);
    else if (at && !after) bounds.push(from, i + 1);
  }
  if (depth > 0 || straight) bounds.push(from, text.length);
  if (bounds.length === 0) return () => false;
  return (i: number): boolean => {
    // The last stretch starting at or before i.
    let lo = 0;
    let hi = bounds.length / 2 - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((bounds[2 * mid] as number) <= i) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found >= 0 && i < (bounds[2 * found + 1] as number);
  };
}

const SPACE = /\s/;

/**
 * Sentence boundaries: "." or ";" before a space or the end, ":" at the end
 * of a paragraph; never inside a citation (dates "08.12.2023", "Quyết định:
 * số ..."). Returns [start, end) pairs.
 */
export function sentences(s: Stream): Array<[number, number]> {
  const inSpan = (i: number) => s.spans.some((sp) => i >= sp.start && i < sp.end);
  const out: Array<[number, number]> = [];
  const text = s.text;
  const n = text.length;
  let start = 0;
  const marks = /[.;:]/g;
  for (let m = marks.exec(text); m !== null; m = marks.exec(text)) {
    const i = m.index;
    const ch = text.charCodeAt(i);
    const boundary = ch === 0x3a ? i + 1 === n || text.charCodeAt(i + 1) === 0x0a : i + 1 === n || SPACE.test(text[i + 1] as string);
    if (boundary && !inSpan(i)) {
      out.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (start < n) out.push([start, n]);
  return out;
}
