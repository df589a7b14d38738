/**
 * Annexes: the parts printed after a document's signature, a Phụ lục or a
 * text "ban hành kèm theo" (a Quy chế, a Quy định). Each is its own part of
 * the document with its own numbering (NĐ30 Phụ lục I, mục VI).
 *
 * Evidence for the first annex: a title line (PHỤ LỤC ..., QUY CHẾ, QUY ĐỊNH,
 * DANH MỤC ...) followed within a few lines by its link "(Kèm theo ...)" or
 * "(Ban hành kèm theo ...)". Inside the annex region, a further upper-case
 * "PHỤ LỤC" line starts the next annex. The page header repeated above an
 * annex (issuer, national name) belongs to that annex.
 */
import type { Line } from '../02-normalise/index.ts';
import { isZone } from '../../lib/format-rules/header-zones.ts';
import { isHeaderMaterial, isNameLine } from './front.ts';
import { isUpperCase } from '../../lib/fold.ts';

export interface Annex {
  /** The title lines: "PHỤ LỤC I", its name, "(Kèm theo ...)". */
  heading: Line[];
  /** A page header repeated above the annex (issuer, national name, motto). */
  header: Line[];
  lines: Line[];
}

/** How far below its title an annex names the document it belongs to (its name may wrap over lines). */
const LINK_WITHIN = 8;


/** The link line under an annex title, after the annex's name (which may wrap over several lines). */
function linkFollows(lines: Line[], i: number): number {
  for (let j = i + 1; j <= Math.min(lines.length - 1, i + LINK_WITHIN); j++) {
    const t = (lines[j] as Line).text;
    if (isZone('annex-link', t)) return j;
    // The annex's name: short centred lines, no sentence, no numbering.
    if (!isUpperCase(t) && (t.length > 90 || /[.;:]$/.test(t) || /^(?:\d+[.)]|Điều\s|Chương\s)/u.test(t))) return -1;
  }
  return -1;
}

/** An upper-case "PHỤ LỤC ..." line: inside the annex region it starts a new annex by itself. */
function isAppendixLine(text: string): boolean {
  return /^PH[UỤ]\s+L[UỤ]C(?:\s|$)/u.test(text);
}

/** Index of the first annex title at or after `from`, or -1. */
export function firstAnnex(lines: Line[], from: number): number {
  for (let i = Math.max(0, from); i < lines.length; i++) {
    const t = (lines[i] as Line).text;
    if (isZone('annex-title', t) && linkFollows(lines, i) >= 0) return i;
  }
  return -1;
}

/** Split the lines from the first annex title on into annexes; the page header repeated above a title goes with its annex. */
export function splitAnnexes(lines: Line[], start: number): { kept: Line[]; annexes: Annex[] } {
  // The page header repeated above the annex title stays with the annex.
  let headerFrom = start;
  while (headerFrom > 0 && start - headerFrom < 6 && (isHeaderMaterial(lines[headerFrom - 1] as Line) || (headerFrom < start && isNameLine(lines[headerFrom - 1] as Line)))) headerFrom--;
  const kept = lines.slice(0, headerFrom);
  const annexes: Annex[] = [];
  let current: Annex | null = null;
  let pendingHeader: Line[] = lines.slice(headerFrom, start);
  for (let i = start; i < lines.length; i++) {
    const line = lines[i] as Line;
    const startsAnnex = i === start || ((isAppendixLine(line.text) || isZone('annex-title', line.text)) && linkFollows(lines, i) >= 0) || (isAppendixLine(line.text) && current !== null && current.lines.length > 0);
    if (startsAnnex) {
      // Title: this line, then the name and link lines up to the link (at most LINK_WITHIN).
      const link = linkFollows(lines, i);
      let end = link >= 0 ? link : i;
      // A link wrapped over lines ("(Kèm theo Nghị quyết số" / "18/2017/NQ-HĐND ... )") ends at its ")".
      while (end + 1 < lines.length && end - i < LINK_WITHIN + 3 && link >= 0 && !/\)\s*$/.test((lines[end] as Line).text)) end++;
      current = { heading: lines.slice(i, end + 1), header: pendingHeader, lines: [] };
      pendingHeader = [];
      annexes.push(current);
      i = end;
      continue;
    }
    // Header material right before the next annex title is that annex's repeated page header.
    if (current && isHeaderMaterial(line) && nextTitleWithin(lines, i, 6)) {
      pendingHeader.push(line);
      continue;
    }
    current?.lines.push(line);
  }
  return { kept, annexes };
}

function nextTitleWithin(lines: Line[], i: number, n: number): boolean {
  for (let j = i + 1; j <= Math.min(lines.length - 1, i + n); j++) {
    const l = lines[j] as Line;
    if (!isHeaderMaterial(l)) return (isAppendixLine(l.text) || isZone('annex-title', l.text)) && linkFollows(lines, j) >= 0;
  }
  return false;
}
