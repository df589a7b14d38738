/**
 * One page's lines -> reader text (the form in ../types.ts): two-column runs
 * left column first, tables as pipe tables, wholly bold lines as **…**, a blank
 * line where the vertical gap is clearly wider than the page's line pitch.
 */
import type { Line, PageGeometry, Segment } from './types.ts';
import { placeLine, type Placed } from './columns.ts';
import { findTables, tableMarkdown, type Table } from './tables.ts';

/** A gap this much wider than the page's usual line pitch is a paragraph break. */
const PARAGRAPH_PITCH = 1.5;

const render = (seg: Segment) => (seg.bold && /\p{L}/u.test(seg.text) ? `**${seg.text}**` : seg.text);

function medianPitch(lines: Line[]): number {
  const deltas: number[] = [];
  for (let i = 1; i < lines.length; i++) deltas.push(lines[i]!.y - lines[i - 1]!.y);
  const sorted = deltas.filter((d) => d > 0).sort((a, b) => a - b);
  return sorted.length === 0 ? Infinity : sorted[Math.floor(sorted.length / 2)]!;
}

interface Block {
  /** Index of the first and last line it covers. */
  from: number;
  to: number;
  text: string[];
}

/** Emits runs of two-column lines as the left column's lines, then the right column's. */
function columnBlocks(lines: Line[], placed: Placed[], start: number, end: number): Block[] {
  const blocks: Block[] = [];
  let i = start;
  while (i < end) {
    // A run: consecutive one-sided or split lines holding at least one split line.
    let j = i;
    let splits = 0;
    while (j < end && placed[j]!.kind !== 'full') {
      if (placed[j]!.kind === 'split') splits++;
      j++;
    }
    if (splits > 0) {
      const left: string[] = [];
      const right: string[] = [];
      for (let k = i; k < j; k++) {
        const p = placed[k]!;
        if (p.kind === 'split') {
          left.push(render(p.left));
          right.push(render(p.right));
        } else if (p.kind === 'right') right.push(render(p.seg));
        else if (p.kind === 'left') left.push(render(p.seg));
      }
      blocks.push({ from: i, to: j - 1, text: [...left, ...right] });
      i = j;
      continue;
    }
    const stop = Math.max(j, i + 1);
    for (let k = i; k < stop; k++) {
      const p = placed[k]!;
      blocks.push({ from: k, to: k, text: [p.kind === 'split' ? `${render(p.left)} ${render(p.right)}` : render(p.seg)] });
    }
    i = stop;
  }
  void lines;
  return blocks;
}

export function pageText(lines: Line[], page: PageGeometry): string {
  const tables: Table[] = findTables(lines, page);
  const placed = lines.map((l) => placeLine(l, page));
  const blocks: Block[] = [];
  let i = 0;
  for (const table of [...tables, null]) {
    const stop = table === null ? lines.length : table.from;
    blocks.push(...columnBlocks(lines, placed, i, stop));
    if (table !== null) {
      blocks.push({ from: table.from, to: table.to, text: tableMarkdown(table) });
      i = table.to + 1;
    }
  }
  const pitch = medianPitch(lines);
  const out: string[] = [];
  let prev: Block | null = null;
  for (const block of blocks) {
    if (prev !== null) {
      const gap = lines[block.from]!.y - lines[prev.to]!.y;
      const isTable = (b: Block) => b.text[0]?.startsWith('|') === true;
      if (gap > PARAGRAPH_PITCH * pitch || isTable(block) !== isTable(prev)) out.push('');
    }
    out.push(...block.text);
    prev = block;
  }
  return out.join('\n');
}
