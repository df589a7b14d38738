/**
 * Running heads and footers: a line at the same place with the same text
 * (digits aside, so page numbers count) near the top or bottom of most pages.
 * Only page numbers are dropped here ("3", "- 3 -", "Trang 3"): a repeated
 * table header or a running title is content and is left to the reader, whose
 * rules (ADR 1007) know the gazette's running heads.
 */
import type { Line } from './types.ts';
import { joinRuns } from './lines.ts';

/** Lines this close to a page's top or bottom edge of text may be running lines. */
const EDGE_LINES = 2;
/** On at least this share of the pages (and on 3 pages at least). */
const MIN_SHARE = 0.5;

const PAGE_NUMBER = /^(?:trang\s*)?[-–(]?\s*\d{1,4}\s*[-–)]?$/i;

const keyOf = (line: Line) => `${Math.round(line.y / 3)}|${joinRuns(line.runs).replace(/\d+/g, '#').replace(/\s+/g, '')}`;

/** For each page, the indexes of its running lines; and the texts dropped, in page order. */
export function runningLines(pages: Line[][]): { drop: Set<number>[]; dropped: string[] } {
  const pagesWith = new Map<string, Set<number>>();
  const edge = (lines: Line[]) => {
    const idx = new Set<number>();
    for (let i = 0; i < Math.min(EDGE_LINES, lines.length); i++) idx.add(i);
    for (let i = Math.max(0, lines.length - EDGE_LINES); i < lines.length; i++) idx.add(i);
    return [...idx];
  };
  pages.forEach((lines, p) => {
    for (const i of edge(lines)) {
      const key = keyOf(lines[i]!);
      const set = pagesWith.get(key) ?? new Set<number>();
      set.add(p);
      pagesWith.set(key, set);
    }
  });
  const textPages = pages.filter((l) => l.length > 0).length;
  const needed = Math.max(3, Math.ceil(MIN_SHARE * textPages));
  const drop: Set<number>[] = pages.map(() => new Set<number>());
  const dropped: string[] = [];
  pages.forEach((lines, p) => {
    for (const i of edge(lines)) {
      if (PAGE_NUMBER.test(joinRuns(lines[i]!.runs)) && (pagesWith.get(keyOf(lines[i]!))?.size ?? 0) >= needed) {
        drop[p]!.add(i);
        dropped.push(joinRuns(lines[i]!.runs));
      }
    }
  });
  return { drop, dropped };
}
