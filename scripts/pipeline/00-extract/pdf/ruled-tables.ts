/**
 * Tables whose borders are drawn: the rules that touch one another form a
 * grid; every text run whose centre lies inside the grid goes to the cell
 * between the rules around it. Rows and columns that stay empty (double
 * borders, spacing rows) are dropped. A grid is a table only when at least two
 * of its rows have text in two or more cells; a page frame or a boxed
 * paragraph is not.
 */
import type { TextRun } from './types.ts';
import type { Rule, Rules } from './rules.ts';
import { cellText } from './tables.ts';

export interface RuledTable {
  top: number;
  bottom: number;
  rows: string[][];
}

/** Rules closer than this (points) meet; positions closer than this are one grid line. */
const TOUCH = 2;

function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last === undefined || v - last > TOUCH) out.push(v);
  }
  return out;
}

/** Connected groups of rules: a horizontal and a vertical rule are connected when they cross or touch. */
function components(rules: Rules): { h: Rule[]; v: Rule[] }[] {
  const h = rules.horizontal;
  const v = rules.vertical;
  const parent = Array.from({ length: h.length + v.length }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < h.length; i++) {
    for (let j = 0; j < v.length; j++) {
      const a = h[i]!;
      const b = v[j]!;
      if (b.at >= a.a - TOUCH && b.at <= a.b + TOUCH && a.at >= b.a - TOUCH && a.at <= b.b + TOUCH) parent[find(i)] = find(h.length + j);
    }
  }
  const groups = new Map<number, { h: Rule[]; v: Rule[] }>();
  const group = (i: number) => {
    const root = find(i);
    if (!groups.has(root)) groups.set(root, { h: [], v: [] });
    return groups.get(root)!;
  };
  h.forEach((r, i) => group(i).h.push(r));
  v.forEach((r, j) => group(h.length + j).v.push(r));
  return [...groups.values()];
}

const interval = (edges: number[], value: number) => {
  for (let k = 0; k + 1 < edges.length; k++) if (value >= edges[k]! && value < edges[k + 1]!) return k;
  return -1;
};

/** Lines of a cell that are a bare row number ("12", "3.", "a)"). */
function numberedLines(runs: TextRun[]): number {
  const ys = new Map<number, string>();
  for (const r of runs) ys.set(Math.round(r.y), (ys.get(Math.round(r.y)) ?? '') + r.str);
  return [...ys.values()].filter((t) => /^\s*\d{1,4}[.)]?\s*$/.test(t)).length;
}

/** The page's ruled tables, top to bottom, and the runs outside them. */
export function ruledTables(runs: TextRun[], rules: Rules): { tables: RuledTable[]; rest: TextRun[] } {
  const tables: RuledTable[] = [];
  let rest = runs;
  for (const group of components(rules)) {
    const xs = cluster(group.v.map((r) => r.at));
    const ys = cluster(group.h.map((r) => r.at));
    if (xs.length < 3 || ys.length < 3) continue;
    const cells: TextRun[][][] = ys.slice(1).map(() => xs.slice(1).map(() => []));
    const outside: TextRun[] = [];
    // A merged cell has no rule between its parts: its text goes to its top-left grid cell.
    const ruleAt = (rules: Rule[], at: number, along: number) => rules.some((r) => Math.abs(r.at - at) <= TOUCH && r.a - TOUCH <= along && along <= r.b + TOUCH);
    for (const run of rest) {
      // The run's start (just inside its first glyph) and the middle of its x-height.
      const x = run.x + Math.min(1, run.width / 2);
      const y = run.y - 0.3 * run.size;
      let col = interval(xs, x);
      let row = interval(ys, y);
      if (col < 0 || row < 0) {
        outside.push(run);
        continue;
      }
      while (col > 0 && !ruleAt(group.v, xs[col]!, y)) col--;
      while (row > 0 && !ruleAt(group.h, ys[row]!, x)) row--;
      cells[row]![col]!.push(run);
    }
    // A grid without rules between its rows holds several numbered rows in one cell: not read as a grid.
    if (cells.some((row) => numberedLines(row[0]!) >= 2)) continue;
    const texts = cells.map((row) => row.map(cellText));
    const keepCols = xs.slice(1).map((_, c) => texts.some((row) => row[c] !== ''));
    const rows = texts.filter((row) => row.some((t) => t !== '')).map((row) => row.filter((_, c) => keepCols[c]));
    if (rows.filter((row) => row.filter((t) => t !== '').length >= 2).length < 2) continue;
    tables.push({ top: ys[0]!, bottom: ys[ys.length - 1]!, rows });
    rest = outside;
  }
  tables.sort((a, b) => a.top - b.top);
  return { tables, rest };
}
