/**
 * One page's lines -> reader text (the form in ../types.ts): two-column runs
 * left column first, tables as pipe tables, wholly bold lines as **…**, a blank
 * line where the vertical gap is clearly wider than the page's line pitch.
 */
import type { Line, PageGeometry, Segment } from './types.ts';
import { placeLine, type Placed } from './columns.ts';
import { findTables, tableMarkdown, type Table } from './tables.ts';
import type { RuledTable } from './ruled-tables.ts';
import { isZone, type ZoneName } from '../../../lib/format-rules/header-zones.ts';

/** The zones that sit side by side in the official layout (NĐ30 Phụ lục I; HD36 for party documents). */
const COLUMN_ZONES: ZoneName[] = ['national-name', 'motto', 'party-name', 'number', 'place-date', 'recipients', 'signature-capacity'];

const segments = (p: Placed): Segment[] => (p.kind === 'split' ? [p.left, p.right] : [p.seg]);
const isOfficial = (run: Placed[]) => run.some((p) => segments(p).some((s) => COLUMN_ZONES.some((z) => isZone(z, s.text))));

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
  /** Index of the first and last line it covers (in its stretch of lines). */
  from: number;
  to: number;
  text: string[];
  table?: true;
}

/** A block placed on the page: baselines (or a ruled table's borders) of its top and bottom. */
interface PlacedBlock {
  top: number;
  bottom: number;
  text: string[];
  table: boolean;
}

/**
 * Emits runs of two-column lines as the left column's lines, then the right
 * column's. A run: consecutive one-sided or split lines holding at least one
 * split line; a line that crosses the middle still belongs to it when it sits
 * wholly inside one column's extent and right under the line before (a long
 * "- Lưu: VT, …" under the recipients, beside the signer's title).
 */
function columnBlocks(lines: Line[], placed: Placed[], start: number, end: number): Block[] {
  const blocks: Block[] = [];
  let i = start;
  while (i < end) {
    let j = i;
    let splits = 0;
    while (j < end && placed[j]!.kind !== 'full') {
      if (placed[j]!.kind === 'split') splits++;
      j++;
    }
    const side = new Map<number, 'left' | 'right'>();
    if (splits > 0) {
      const splitLines = placed.slice(i, j).filter((p) => p.kind === 'split');
      const rightStart = Math.min(...splitLines.map((p) => p.right.x0));
      const leftEnd = Math.max(...splitLines.map((p) => p.left.x1));
      while (j < end) {
        const p = placed[j]!;
        const near = lines[j]!.y - lines[j - 1]!.y <= 2 * lines[j]!.size;
        if (p.kind === 'split') splits++;
        else if (p.kind !== 'full') side.set(j, p.kind);
        else if (near && p.seg.x1 <= rightStart) side.set(j, 'left');
        else if (near && p.seg.x0 >= rightStart && p.seg.x0 > leftEnd) side.set(j, 'right');
        else break;
        j++;
      }
    }
    const run = placed.slice(i, j);
    if (splits >= 2 && !isOfficial(run)) {
      // Two aligned columns over two or more rows outside the header and signature: a table.
      const rows = run.map((p, k) => (p.kind === 'split' ? [p.left.text, p.right.text] : (side.get(i + k) ?? p.kind) === 'right' ? ['', p.seg.text] : [p.seg.text, '']));
      blocks.push({ from: i, to: j - 1, text: tableMarkdown({ from: i, to: j - 1, rows: [['', ''], ...rows] }), table: true });
      i = j;
      continue;
    }
    if (splits > 0) {
      const left: string[] = [];
      const right: string[] = [];
      run.forEach((p, k) => {
        if (p.kind === 'split') {
          left.push(render(p.left));
          right.push(render(p.right));
        } else if ((side.get(i + k) ?? p.kind) === 'right') right.push(render(p.seg));
        else left.push(render(p.seg));
      });
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
  return blocks;
}

/** Blocks of a stretch of lines with no ruled table among them. */
function stretchBlocks(lines: Line[], page: PageGeometry): PlacedBlock[] {
  const tables: Table[] = findTables(lines, page);
  const placed = lines.map((l) => placeLine(l, page));
  const blocks: Block[] = [];
  let i = 0;
  for (const table of [...tables, null]) {
    const stop = table === null ? lines.length : table.from;
    blocks.push(...columnBlocks(lines, placed, i, stop));
    if (table !== null) {
      blocks.push({ from: table.from, to: table.to, text: tableMarkdown(table), table: true });
      i = table.to + 1;
    }
  }
  return blocks.map((b) => ({ top: lines[b.from]!.y, bottom: lines[b.to]!.y, text: b.text, table: b.table === true }));
}

export function pageText(lines: Line[], page: PageGeometry, ruled: RuledTable[] = []): string {
  const blocks: PlacedBlock[] = [];
  let start = 0;
  for (const table of [...ruled, null]) {
    let stop = table === null ? lines.length : lines.findIndex((l, k) => k >= start && l.y > table.top);
    if (stop < 0) stop = lines.length;
    blocks.push(...stretchBlocks(lines.slice(start, stop), page));
    if (table !== null) blocks.push({ top: table.top, bottom: table.bottom, text: tableMarkdown({ from: 0, to: 0, rows: table.rows }), table: true });
    start = stop;
  }
  const pitch = medianPitch(lines);
  const out: string[] = [];
  let prev: PlacedBlock | null = null;
  for (const block of blocks) {
    if (prev !== null && (block.top - prev.bottom > PARAGRAPH_PITCH * pitch || block.table || prev.table)) out.push('');
    out.push(...block.text);
    prev = block;
  }
  return out.join('\n');
}
