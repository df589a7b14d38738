/**
 * Two-column lines of the official header and signature block (Nghị định
 * 30/2020, Phụ lục I): issuer | motto, "Số: …" | "<place>, ngày …",
 * "Nơi nhận:" | signer. Such a line has a wide gap across the middle of the
 * page; a body line never has one (justified text spreads its gaps evenly).
 */
import type { Line, PageGeometry, Segment } from './types.ts';
import { segmentOf } from './lines.ts';

/** A column gap is at least this many em of the line's font size. */
const COLUMN_GAP_EM = 1.2;
/**
 * The gap must start left of 60% and end right of 40% of the page width (it
 * crosses the middle band), and the left column must start in the left 40%
 * (so the blanks of a right-hand "…, ngày    tháng    năm" never split it).
 */
const MIDDLE_LEFT = 0.6;
const MIDDLE_RIGHT = 0.4;

export type Placed =
  | { kind: 'split'; left: Segment; right: Segment }
  | { kind: 'left' | 'right' | 'full'; seg: Segment };

/** Splits a line into two columns at its widest qualifying gap, or places it as one segment. */
export function placeLine(line: Line, page: PageGeometry): Placed {
  const minGap = COLUMN_GAP_EM * line.size;
  let best = -1;
  let bestGap = 0;
  let end = -Infinity;
  for (let i = 0; i < line.runs.length; i++) {
    const run = line.runs[i]!;
    if (i > 0) {
      const gap = run.x - end;
      if (gap >= minGap && gap > bestGap && end <= MIDDLE_LEFT * page.width && run.x >= MIDDLE_RIGHT * page.width) {
        best = i;
        bestGap = gap;
      }
    }
    end = Math.max(end, run.x + run.width);
  }
  if (best > 0 && line.runs[0]!.x < MIDDLE_RIGHT * page.width) {
    return { kind: 'split', left: segmentOf(line.runs.slice(0, best)), right: segmentOf(line.runs.slice(best)) };
  }
  const seg = segmentOf(line.runs);
  const middle = page.width / 2;
  const kind = seg.x1 < middle ? 'left' : seg.x0 > middle ? 'right' : 'full';
  return { kind, seg };
}
