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
  /** quoted[i]: character i stands inside quotation marks (text quoted by an amending provision). */
  quoted: boolean[];
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
function quotedMask(text: string): boolean[] {
  const out: boolean[] = new Array(text.length).fill(false);
  let depth = 0;
  let straight = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '“') depth++;
    else if (ch === '"') straight = !straight;
    out[i] = depth > 0 || straight;
    if (ch === '”') depth = Math.max(0, depth - 1);
  }
  return out;
}

/**
 * Sentence boundaries: "." or ";" before a space or the end, ":" at the end
 * of a paragraph; never inside a citation (dates "08.12.2023", "Quyết định:
 * số ..."). Returns [start, end) pairs.
 */
export function sentences(s: Stream): Array<[number, number]> {
  const inSpan = (i: number) => s.spans.some((sp) => i >= sp.start && i < sp.end);
  const out: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i < s.text.length; i++) {
    const ch = s.text[i];
    const next = s.text[i + 1];
    const boundary = ((ch === '.' || ch === ';') && (next === undefined || /\s/.test(next))) || (ch === ':' && (next === undefined || next === '\n'));
    if (boundary && !inSpan(i)) {
      out.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (start < s.text.length) out.push([start, s.text.length]);
  return out;
}
