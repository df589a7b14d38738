/**
 * The front of a document: the header zones (issuer, national name, number,
 * place and date, type, title) and the enacting line, up to the first line of
 * the preamble or the body. Zones are recognised by their patterns
 * (scripts/lib/format-rules/header-zones.ts), wherever they sit on a line;
 * a rule line is decoration and ends the front only after the type and title
 * ("NGHỊ QUYẾT / về ... / -----" in a party document).
 */
import type { Line } from '../02-normalise/index.ts';
import { isZone } from '../../lib/format-rules/header-zones.ts';
import { looksLikeBodyName } from '../../lib/issuers.ts';
import { dangles } from '../04-structure/paragraphs.ts';
import { isUpperCase } from '../../lib/fold.ts';

/** Start of the body proper: an article, a roman part, a numbered section. */
export const BODY_MARKER = /^(?:[IVXLC]+\s*[-.–]\s|\d+(?:\.\d+)*\s*[-.)]\s|Điều\s+(?:\d+|thứ)|Chương\s+[IVXLC\d]+|CHƯƠNG\s+[IVXLC\d]+|Phần\s+(?:thứ|[IVXLC\d])|PHẦN\s+)/u;

/**
 * "Kính gửi: ..." opens the text of a công văn or tờ trình, under its subject
 * (NĐ30 Phụ lục I, mục II.9a): the front ends there, the addressee is not title.
 */
const ADDRESSEE = /^Kính\s+gửi(?!\p{L})/u;

/** A front can be long (stamps, a gazette's heads, a wrapped title), not a page. */
const FRONT_WINDOW = 45;


/** A line of running prose: as long as a full wrapped line, or a long unwrapped paragraph. */
function isProse(line: Line, wrapWidth: number): boolean {
  const limit = Number.isFinite(wrapWidth) ? wrapWidth * 0.75 : 160;
  return line.text.length >= limit && !isUpperCase(line.text);
}

/** Lines that only a header holds, wherever they stand: used for the front and for a displaced header. */
export function isHeaderMaterial(line: Line): boolean {
  const t = line.text;
  if (line.table) return true;
  return (
    isZone('national-name', t) ||
    isZone('motto', t) ||
    isZone('party-name', t) ||
    isZone('place-date', t) ||
    /^(?:\S+\s+)?[Ss]ố\s*[:.]?\s*[\d/]/u.test(t) ||
    isZone('rule', t) ||
    isZone('party-star', t) ||
    (isUpperCase(t) && looksLikeBodyName(t))
  );
}

/** A short upper-case line that is not a signer's title: the second line of a wrapped body name ("THÀNH PHỐ HÀ NỘI"). */
export function isNameLine(line: Line): boolean {
  return isUpperCase(line.text) && line.text.length < 60 && !isZone('signature-title', line.text) && !isZone('signature-capacity', line.text);
}

export interface Front {
  /** Index of the first line after the front. */
  end: number;
  /** A rule line that closed the front (skipped, it is decoration). */
  skip: number;
}

export function findFront(lines: Line[], wrapWidth: number): Front {
  let seenType = false;
  let linesAfterType = 0;
  const window = Math.min(lines.length, FRONT_WINDOW);
  for (let i = 0; i < window; i++) {
    const line = lines[i] as Line;
    const t = line.text;
    if (line.gap || line.table) continue;
    // The type name alone ("QUYẾT ĐỊNH") is the type; after the type it is the enacting word.
    if (!seenType && isZone('type', t)) {
      seenType = true;
      linesAfterType = 0;
      continue;
    }
    if (isZone('preamble', t) || isZone('decision', t) || BODY_MARKER.test(t) || ADDRESSEE.test(t)) return { end: i, skip: 0 };
    if (isZone('rule', t)) {
      // A rule under the title ends the front, unless the enacting line follows it.
      const next = lines.slice(i + 1, i + 4).find((l) => !isZone('rule', l.text));
      if (seenType && linesAfterType > 0 && !(next && isHeaderMaterial(next))) return { end: i, skip: 1 };
      continue;
    }
    if (isHeaderMaterial(line) || isZone('session', t) || isZone('organ', t)) {
      if (seenType) linesAfterType++;
      continue;
    }
    // The first line after the type is the title, however long (an unwrapped source);
    // a line that continues it (in lower case, or after a connective: "... kèm theo") is the title too.
    const prev = lines[i - 1];
    const titleGoesOn = prev !== undefined && !/[.;]$/.test(prev.text) && (/^\p{Ll}/u.test(t) || dangles(prev.text));
    if (seenType && (linesAfterType === 0 || (linesAfterType <= 4 && titleGoesOn))) {
      linesAfterType++;
      continue;
    }
    if (isProse(line, wrapWidth)) return { end: i, skip: 0 };
    if (seenType) linesAfterType++;
  }
  // No preamble or body marker near the top: the front is the run of short lines.
  let i = 0;
  while (i < window && !isProse(lines[i] as Line, wrapWidth) && !BODY_MARKER.test((lines[i] as Line).text)) i++;
  return { end: i, skip: 0 };
}

/** Does the front hold any zone of a real header (not only a title)? */
export function hasHeaderZones(front: Line[]): boolean {
  return front.some((l) => l.table !== undefined || isZone('national-name', l.text) || isZone('party-name', l.text) || /^(?:\S+\s+)?[Ss]ố\s*[:.]?\s*[\d/]/u.test(l.text) || isZone('place-date', l.text));
}

/**
 * A first-page header printed inside the body (PDF text that put page 1's
 * header after the page's text): the block of header material around a
 * national-name line. Returns the block's indexes, or null. The national name
 * is never body text, so it is the anchor; the block grows over adjacent
 * header material only.
 */
export function findDisplacedHeader(body: Line[]): { from: number; to: number } | null {
  const at = body.findIndex((l) => isZone('national-name', l.text) || isZone('party-name', l.text));
  if (at < 0) return null;
  let from = at;
  let to = at;
  while (from > 0 && at - from < 4 && isHeaderMaterial(body[from - 1] as Line)) from--;
  while (to + 1 < body.length && to - at < 6 && isHeaderMaterial(body[to + 1] as Line)) to++;
  return { from, to };
}
