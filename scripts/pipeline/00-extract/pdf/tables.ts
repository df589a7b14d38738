/**
 * Tables from aligned text: a run of lines whose text falls into the same
 * column bands (gaps of at least CELL_GAP_EM between cells). Emitted as a
 * pipe table only when the evidence is clear: at least 3 bands and at least
 * 2 lines that fill 3 or more of them; otherwise the lines stay lines.
 *
 * Rows: a line with text in the first band starts a row (the row number or
 * "TT" column, as Vietnamese annex tables have); a line without one continues
 * the row above (a cell that wraps). Lines above the first such line belong
 * to the header row. Tables with drawn borders are read from their rules
 * first (ruled-tables.ts); this reads the lines outside them.
 */
import type { Line, PageGeometry, TextRun } from './types.ts';
import { joinRuns, splitRuns } from './lines.ts';

export interface Table {
  /** First and last line index on the page. */
  from: number;
  to: number;
  rows: string[][];
}

/** Cells are separated by gaps of at least this many em. */
const CELL_GAP_EM = 1.2;
const MIN_BANDS = 3;
const MIN_FULL_ROWS = 2;

interface Cell {
  x0: number;
  x1: number;
  runs: TextRun[];
}

const cellsOf = (line: Line): Cell[] =>
  splitRuns(line, CELL_GAP_EM * line.size).map((runs) => ({
    x0: Math.min(...runs.map((r) => r.x)),
    x1: Math.max(...runs.map((r) => r.x + r.width)),
    runs,
  }));

/** Column bands: the union of overlapping cell extents. */
function bandsOf(cells: Cell[]): [number, number][] {
  const sorted = [...cells].sort((a, b) => a.x0 - b.x0);
  const bands: [number, number][] = [];
  for (const c of sorted) {
    const last = bands[bands.length - 1];
    if (last !== undefined && c.x0 <= last[1]) last[1] = Math.max(last[1], c.x1);
    else bands.push([c.x0, c.x1]);
  }
  return bands;
}

const bandOf = (bands: [number, number][], c: Cell) => {
  let best = 0;
  let bestOverlap = -Infinity;
  bands.forEach(([a, b], i) => {
    const overlap = Math.min(b, c.x1) - Math.max(a, c.x0);
    if (overlap > bestOverlap) {
      best = i;
      bestOverlap = overlap;
    }
  });
  return best;
};

export function findTables(lines: Line[], page: PageGeometry): Table[] {
  const cells = lines.map(cellsOf);
  const tables: Table[] = [];
  let i = 0;
  while (i < lines.length) {
    if (cells[i]!.length < 2) {
      i++;
      continue;
    }
    // Grow a region: multi-cell lines, and single-cell lines between them that are not full-width body lines.
    let j = i;
    let last = i;
    while (j < lines.length) {
      const c = cells[j]!;
      if (c.length >= 2) last = j;
      else if (c.length === 1 && c[0]!.x1 - c[0]!.x0 > 0.55 * page.width) break;
      else if (j - last > 3) break;
      j++;
    }
    const region = cells.slice(i, last + 1);
    const bands = bandsOf(region.filter((c) => c.length >= 2).flat());
    const full = region.filter((c) => c.length >= 3).length;
    if (bands.length >= MIN_BANDS && full >= MIN_FULL_ROWS) {
      tables.push({ from: i, to: last, rows: rowsOf(region, bands) });
      i = last + 1;
    } else {
      i++;
    }
  }
  return tables;
}

function rowsOf(region: Cell[][], bands: [number, number][]): string[][] {
  // Lines with a first-band cell ("TT", "Stt", a row number) anchor rows; the first anchors the header.
  const ys = region.map((cells) => cells[0]!.runs[0]!.y);
  const anchors = region.flatMap((cells, k) => (cells.some((c) => bandOf(bands, c) === 0) ? [k] : []));
  if (anchors.length === 0) anchors.push(0);
  const rows: TextRun[][][] = anchors.map(() => bands.map(() => []));
  region.forEach((cells, k) => {
    // A wrapped cell is centred on its row: a line goes to the nearest anchor (the earlier one on a tie); lines above the first go to the header.
    let row = 0;
    for (let a = 1; a < anchors.length; a++) {
      const here = Math.abs(ys[k]! - ys[anchors[a]!]!);
      const best = Math.abs(ys[k]! - ys[anchors[row]!]!);
      if (here < best - 0.01) row = a;
    }
    for (const c of cells) rows[row]![bandOf(bands, c)]!.push(...c.runs);
  });
  return rows.map((row) => row.map((runs) => cellText(runs)));
}

/** A cell's text: its runs line by line (top to bottom), joined with spaces. */
export function cellText(runs: TextRun[]): string {
  const lines: TextRun[][] = [];
  for (const r of [...runs].sort((a, b) => a.y - b.y || a.x - b.x)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && Math.abs(last[0]!.y - r.y) <= 0.35 * r.size) last.push(r);
    else lines.push([r]);
  }
  return lines
    .map((l) => joinRuns(l.sort((a, b) => a.x - b.x)))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function tableMarkdown(table: Table): string[] {
  const esc = (c: string) => c.replace(/\|/g, '\\|');
  const row = (cells: string[]) => `| ${cells.map(esc).join(' | ')} |`;
  const [head = [], ...rest] = table.rows;
  return [row(head), row(head.map(() => '---')), ...rest.map(row)];
}
