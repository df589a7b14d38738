/**
 * Page furniture of PDF text layers: the gazette's running head
 * ("CÔNG BÁO/Số 302/Ngày 02-06-2026"), the digital-signature stamp the
 * gazette prints over its first page, and page numbers alone on a line.
 *
 * Each is recognised by its pattern and, for page numbers, by its place in the
 * page sequence: a lone "100" or "1" in a flattened table is content, a lone
 * "3" some forty lines after a lone "2" is a page number (evidence and figures
 * in docs/decisions/1007-pdf-text-artefacts.md).
 */

export type FurnitureKind = 'running head' | 'signature stamp' | 'page number';

/** The gazette's running head, with or without spaces, page number before or after on the same line. */
const RUNNING_HEAD =
  /^(?:\d{1,4}\s+)?CÔNG\s*BÁO\s*\/\s*Số\s+\d{1,4}(?:\s*\+\s*\d{1,4})*\s*\/\s*Ngày\s+\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{4}(?:\s+\d{1,4})?$/iu;

/** A line that is only a number: "2", "- 3 -", "Trang 4". */
const LONE_NUMBER = /^(?:-\s*)?(?:Trang\s+)?(\d{1,3})(?:\s*-)?$/i;
/** Forms that can only be page numbers ("- 3 -", "Trang 4"); a bare "3" needs the sequence. */
const MARKED_PAGE_NUMBER = /^(?:-\s*\d{1,3}\s*-|Trang\s+\d{1,3})$/i;

/**
 * Lines of the e-signature stamp: "Ký bởi: CÔNG BÁO …" / "Cơ quan: …" / "Ngày ký: 2026-06-02 08:06:58 +07:00",
 * or "Người ký: Cổng Thông tin điện tử Chính phủ" / "Email: …" / "Cơ quan: …" / "Thời gian ký: 23.06.2022 10:13:36 +07:00".
 */
const STAMP_FIRST = /^(?:Ký bởi|Người ký):\s*\S/u;
const STAMP_MIDDLE = /^(?:Email|Cơ quan):\s*\S/u;
const STAMP_LAST = /^(?:Ngày ký|Thời gian ký):\s*[\d.\-/]+\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[+-]\d{2}:?\d{2})?$/u;

/** Fewest lines between two consecutive page numbers (the corpus's shortest page has 19). */
const MIN_PAGE_LINES = 15;
/** Most lines between a page number and the next one when a sequence starts (longest page seen: 70). */
const MAX_PAGE_LINES = 120;
/** A printed page number repeated on the same page (a landscape form in 130) sits within this many lines. */
const SAME_PAGE_LINES = 5;
/** A lone "2" with no later "3" is page 2 when the first page ends this early (first pages end at line 38-51). */
const FIRST_PAGE_LINES = 80;
/** A page number next to a running head is at most this many non-blank lines away. */
const NEAR_HEAD = 2;

export function isRunningHead(line: string): boolean {
  return RUNNING_HEAD.test(line);
}

/**
 * The lines (0-based indexes into `lines`) that are page furniture, with their kind.
 * `lines` are the source lines with markup stripped and trimmed.
 */
export function pageFurniture(lines: readonly string[]): Map<number, FurnitureKind> {
  const out = new Map<number, FurnitureKind>();
  const heads: number[] = [];
  lines.forEach((l, i) => {
    if (RUNNING_HEAD.test(l)) {
      out.set(i, 'running head');
      heads.push(i);
    }
  });
  for (const [from, to] of stamps(lines)) for (let i = from; i <= to; i++) out.set(i, 'signature stamp');
  for (const i of pageNumbers(lines, heads)) out.set(i, 'page number');
  return out;
}

function stamps(lines: readonly string[]): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  for (let i = 0; i < lines.length; i++) {
    if (!STAMP_FIRST.test(lines[i] ?? '')) continue;
    let j = i + 1;
    while (j < lines.length && STAMP_MIDDLE.test(lines[j] ?? '')) j++;
    if (j > i + 1 && STAMP_LAST.test(lines[j] ?? '')) {
      found.push([i, j]);
      i = j;
    }
  }
  return found;
}

interface Candidate {
  i: number;
  n: number;
}

function pageNumbers(lines: readonly string[], heads: readonly number[]): number[] {
  const candidates: Candidate[] = [];
  lines.forEach((l, i) => {
    const m = LONE_NUMBER.exec(l);
    if (m) candidates.push({ i, n: Number(m[1]) });
  });
  const accepted = new Set<number>();
  // Next to a running head: the gazette prints the page number above or below it.
  for (const c of candidates) if (heads.some((h) => Math.abs(h - c.i) <= 12 && nonBlankDistance(lines, h, c.i) <= NEAR_HEAD)) accepted.add(c.i);
  for (const c of candidates) if (MARKED_PAGE_NUMBER.test(lines[c.i] ?? '')) accepted.add(c.i);
  // Isolated by blank lines (two or more before, one after): how page breaks show in the OCR'd markdown sources.
  for (const c of candidates) if (blankRun(lines, c.i, -1) >= 2 && blankRun(lines, c.i, 1) >= 1) accepted.add(c.i);
  // The page sequence: n, n+1, … each a page's length apart; duplicates on the same page.
  let last: Candidate | null = null;
  for (const [k, c] of candidates.entries()) {
    if (last && c.n === last.n && c.i - last.i <= SAME_PAGE_LINES) {
      accepted.add(c.i);
      continue;
    }
    if (last && c.n === last.n + 1 && c.i - last.i >= MIN_PAGE_LINES) {
      accepted.add(c.i);
      last = c;
      continue;
    }
    // A new sequence (the first page, or an annex numbered afresh) starts only when its next page follows.
    // (the next lone number of another value must be n+1: "1", "2" rows of a form do not count).
    const after = candidates.slice(k + 1).find((d) => d.n !== c.n);
    const next = after !== undefined && after.n === c.n + 1 && after.i - c.i >= MIN_PAGE_LINES && after.i - c.i <= MAX_PAGE_LINES;
    const lonePageTwo = c.n === 2 && last === null && c.i < FIRST_PAGE_LINES;
    if (next || lonePageTwo || accepted.has(c.i)) {
      accepted.add(c.i);
      last = c;
    }
  }
  return [...accepted].sort((a, b) => a - b);
}

function nonBlankDistance(lines: readonly string[], a: number, b: number): number {
  const [from, to] = a < b ? [a, b] : [b, a];
  let d = 0;
  for (let i = from + 1; i <= to; i++) if ((lines[i] ?? '') !== '') d++;
  return d;
}

function blankRun(lines: readonly string[], i: number, step: 1 | -1): number {
  let n = 0;
  for (let j = i + step; j >= 0 && j < lines.length && (lines[j] ?? '') === ''; j += step) n++;
  return n;
}
