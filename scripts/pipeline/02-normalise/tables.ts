/**
 * Tables of the source: consecutive table rows become ONE Line carrying the
 * rows (docs/decisions/1003-tables.md). Evidence, never per-file rules:
 *
 * - pipe table: ≥2 consecutive lines that split on "|" into ≥2 cells, and
 *   either one of them is a markdown separator row (`|---|:--|`, also without
 *   outer pipes: `---- | ----`), or every line starts and ends with "|" and
 *   the cell counts agree (within one). With a separator row the counts may
 *   differ: markdown copies of PDF tables lose their merged cells (123 has 4-,
 *   7- and 2-cell rows in one table).
 * - tab table: ≥2 consecutive lines with ≥1 tab each that split on tabs into
 *   the same number (≥2) of cells.
 * - `<jsontable name="…"> </jsontable>`: a table that the web copy lost; one
 *   gap line, text as written.
 *
 * Separator rows are layout and are dropped. Header rows are the rows above
 * the first separator; a second separator right after one more row (123:
 * "TT | … / --- / | | | Cá nheo mỹ | … / ---") closes a two-row header. A row
 * right after the header's separator is also a header row when it is a
 * sub-header of a spanning header cell: its first cell is empty, it has more
 * cells than the header row, and no cell holds a digit (118: "| | | Chưa bao
 * gồm VAT | Đã bao gồm VAT |" under "Đơn giá xây dựng").
 */
import type { Line, SourceTable } from './index.ts';
import { stripMarkup } from './index.ts';

/** `<jsontable name="bang_2"> </jsontable>`: any name, nothing inside. */
const JSONTABLE = /^<jsontable\b[^>]*>\s*<\/jsontable>$/;
const SEPARATOR_CELL = /^:?-+:?$/;

interface PipeRow {
  cells: string[];
  separator: boolean;
  /** The line starts and ends with "|". */
  bounded: boolean;
}

/** Split a line on unescaped "|"; null when it is not a row of ≥2 cells. */
function pipeRow(raw: string): PipeRow | null {
  let t = raw.trim();
  if (!t.includes('|')) return null;
  const bounded = t.length > 1 && t.startsWith('|') && t.endsWith('|') && !t.endsWith('\\|');
  if (t.startsWith('|')) t = t.slice(1);
  if (t.endsWith('|') && !t.endsWith('\\|')) t = t.slice(0, -1);
  const cells = t.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
  if (cells.length < 2) return null;
  const separator = cells.every((c) => SEPARATOR_CELL.test(c));
  return { cells, separator, bounded };
}

/** Consecutive pipe rows from line `from` on. */
function pipeRun(rawLines: string[], from: number): PipeRow[] {
  const run: PipeRow[] = [];
  for (let j = from; j < rawLines.length; j++) {
    const r = pipeRow(rawLines[j] ?? '');
    if (!r) break;
    run.push(r);
  }
  return run;
}

function tabRow(raw: string): string[] | null {
  if (!raw.includes('\t')) return null; // most lines: no tab, no row
  // Indentation goes; a trailing tab is an empty last cell.
  const t = raw.replace(/^\s+/, '').replace(/[ \r]+$/, '');
  if (!t.includes('\t')) return null;
  const cells = t.split('\t').map((c) => c.trim());
  return cells.length >= 2 ? cells : null;
}

/** A cell's text as the normaliser gives a line's: emphasis markup dropped, spaces collapsed. */
function cellText(raw: string): string {
  return raw === '' ? '' : stripMarkup(raw).text.replace(/[ \t]+/g, ' ');
}

function isPipeTable(run: PipeRow[]): boolean {
  if (run.length < 2 || run.every((r) => r.separator)) return false;
  if (run.some((r) => r.separator)) return true;
  const counts = run.map((r) => r.cells.length);
  return run.every((r) => r.bounded) && Math.max(...counts) - Math.min(...counts) <= 1;
}

function headerRowsOf(run: PipeRow[]): number {
  const first = run.findIndex((r) => r.separator);
  if (first <= 0) return 0;
  // Counted in rows that are not separators: none is above the first one.
  let header = first;
  let closing = first;
  // A second separator two rows down closes a two-row header.
  if (run[first + 2]?.separator && !run[first + 1]?.separator) {
    header++;
    closing = first + 2;
  }
  const next = run[closing + 1];
  const above = run[closing - 1];
  if (next && above && !next.separator && next.cells[0] === '' && next.cells.length > above.cells.length && next.cells.every((c) => !/\d/.test(c))) {
    header++;
  }
  return header;
}

function tableLine(rows: string[][], headerRows: number, firstRaw: string, first: number, last: number): Line {
  const clean = rows.map((r) => r.map(cellText));
  const table: SourceTable = { rows: clean, headerRows, sourceLines: [first + 1, last + 1] };
  return {
    text: clean.map((r) => r.join(' | ')).join(' | '),
    sourceLine: first + 1,
    blankBefore: false,
    indent: /^[ \t]*/.exec(firstRaw)?.[0].length ?? 0,
    emphasised: false,
    table,
  };
}

/**
 * The table and gap lines of a source, by 0-based raw line index: a Line at
 * the first line of a table or at a placeholder, null at the other lines a
 * table covers (they produce nothing). `blankBefore` is left to the caller.
 */
export function findTables(rawLines: string[]): Map<number, Line | null> {
  const out = new Map<number, Line | null>();
  let i = 0;
  while (i < rawLines.length) {
    const raw = rawLines[i] ?? '';
    if (JSONTABLE.test(raw.trim())) {
      out.set(i, { text: raw.trim(), sourceLine: i + 1, blankBefore: false, indent: /^[ \t]*/.exec(raw)?.[0].length ?? 0, emphasised: false, gap: 'table' });
      i++;
      continue;
    }
    const pipes = pipeRun(rawLines, i);
    if (isPipeTable(pipes)) {
      let last = i + pipes.length - 1;
      const rows = pipes.filter((r) => !r.separator).map((r) => r.cells);
      const widest = Math.max(...rows.map((r) => r.length));
      // Continuations: bounded rows after blank lines only, with no header of
      // their own and no wider than the table (118's groups "| **II** | ... |",
      // even the one-row group IX). A run with its own header (123 repeats the
      // header after a page break) is a table of its own.
      for (;;) {
        let j = last + 1;
        while (j < rawLines.length && (rawLines[j] ?? '').trim() === '') j++;
        if (j === last + 1) break;
        const more = pipeRun(rawLines, j);
        if (more.length === 0 || !more.every((r) => r.bounded) || headerRowsOf(more) > 0 || more.some((r) => r.cells.length > widest)) break;
        rows.push(...more.filter((r) => !r.separator).map((r) => r.cells));
        last = j + more.length - 1;
      }
      out.set(i, tableLine(rows, headerRowsOf(pipes), raw, i, last));
      for (let k = i + 1; k <= last; k++) out.set(k, null);
      i = last + 1;
      continue;
    }
    const tabs: string[][] = [];
    for (let j = i; j < rawLines.length; j++) {
      const r = tabRow(rawLines[j] ?? '');
      if (!r || (tabs[0] && r.length !== tabs[0].length)) break;
      tabs.push(r);
    }
    if (tabs.length >= 2) {
      const last = i + tabs.length - 1;
      out.set(i, tableLine(tabs, 0, raw, i, last));
      for (let k = i + 1; k <= last; k++) out.set(k, null);
      i = last + 1;
      continue;
    }
    i++;
  }
  return out;
}
