/**
 * Runs -> lines (shared baseline) -> words, from positions only.
 *
 * Word rule: a PDF places glyphs, not words; whether two runs on a line are one
 * word or two is the horizontal gap between them compared with the width of a
 * space in that font. Times New Roman and Arial, the fonts of Nghị định 30/2020,
 * have a space of 0.25 and 0.278 em; a gap under half of that (0.125 em) is
 * kerning or a font switch inside a word ("quy" + "ền" drawn as two runs), a
 * larger one is a word break. Nothing is guessed from the letters.
 */
import type { Line, Segment, TextRun } from './types.ts';

/** Space width of the body fonts, in em. */
export const SPACE_EM = 0.25;
/** A gap below this share of a space joins two runs into one word. */
export const JOIN_SHARE = 0.5;
/** Baselines within this share of the font size are one line (stamped digits sit a little off the baseline). */
const BASELINE_SHARE = 0.35;

const compareRuns = (a: TextRun, b: TextRun) => a.x - b.x || a.y - b.y || (a.str < b.str ? -1 : a.str > b.str ? 1 : 0);

function commonSize(runs: TextRun[]): number {
  const weight = new Map<number, number>();
  for (const r of runs) {
    const key = Math.round(r.size * 2) / 2;
    weight.set(key, (weight.get(key) ?? 0) + r.str.length);
  }
  let best = 0;
  let bestWeight = -1;
  for (const [size, w] of [...weight].sort((a, b) => a[0] - b[0])) {
    if (w > bestWeight) {
      best = size;
      bestWeight = w;
    }
  }
  return best;
}

/** Groups runs into lines, top to bottom; runs in x order; exact duplicates (fake bold drawn twice) dropped. */
export function groupLines(runs: TextRun[]): Line[] {
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: { y: number; runs: TextRun[]; maxSize: number }[] = [];
  for (const run of sorted) {
    const last = lines[lines.length - 1];
    const tol = BASELINE_SHARE * Math.max(run.size, last?.maxSize ?? 0);
    if (last !== undefined && Math.abs(run.y - last.y) <= tol) {
      last.runs.push(run);
      last.maxSize = Math.max(last.maxSize, run.size);
    } else {
      lines.push({ y: run.y, runs: [run], maxSize: run.size });
    }
  }
  return lines.map((l) => {
    const inOrder = l.runs.sort(compareRuns).filter(
      (r, i, all) => i === 0 || !(all[i - 1]!.str === r.str && Math.abs(all[i - 1]!.x - r.x) < 0.5 && Math.abs(all[i - 1]!.y - r.y) < 0.5),
    );
    // The line's baseline: that of its page-layer text (stamps sit a little off it).
    const own = inOrder.filter((r) => !r.stamp);
    const y = (own.length > 0 ? own : inOrder).reduce((s, r) => s + r.y, 0) / (own.length > 0 ? own : inOrder).length;
    return { y, size: commonSize(inOrder), runs: inOrder };
  });
}

/** Gap between the end of `a` and the start of `b`, in points. */
export const gapBetween = (a: TextRun, b: TextRun) => b.x - (a.x + a.width);

/** Joins runs into text: no space inside a word, one space between words (from the gap). */
export function joinRuns(runs: TextRun[]): string {
  let text = '';
  let prev: TextRun | null = null;
  for (const run of runs) {
    const str = run.str.replace(/\s+/g, ' ');
    if (prev === null) {
      text = str.trimStart();
    } else {
      const size = Math.min(prev.size, run.size);
      // A stamp's text is a separate object filled into a blank ("ngày 15 tháng"): never part of a page word.
      const wordBreak = prev.stamp !== run.stamp || gapBetween(prev, run) >= JOIN_SHARE * SPACE_EM * size;
      if (wordBreak && !text.endsWith(' ') && !str.startsWith(' ')) text += ' ';
      text += !wordBreak && text.endsWith(' ') ? str.trimStart() : str;
    }
    prev = run;
  }
  return text.trimEnd().replace(/ {2,}/g, ' ');
}

/** Splits a line's runs wherever the gap is at least `minGap` points. */
export function splitRuns(line: Line, minGap: number): TextRun[][] {
  const groups: TextRun[][] = [];
  let prevEnd = -Infinity;
  for (const run of line.runs) {
    const current = groups[groups.length - 1];
    if (current === undefined || run.x - prevEnd >= minGap) groups.push([run]);
    else current.push(run);
    prevEnd = Math.max(prevEnd, run.x + run.width);
  }
  return groups;
}

export function segmentOf(runs: TextRun[]): Segment {
  const x0 = Math.min(...runs.map((r) => r.x));
  const x1 = Math.max(...runs.map((r) => r.x + r.width));
  const letters = runs.filter((r) => /\p{L}/u.test(r.str));
  const bold = letters.length > 0 && letters.every((r) => r.bold);
  return { text: joinRuns(runs), x0, x1, bold };
}
