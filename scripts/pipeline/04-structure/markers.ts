/**
 * Numbering markers at the start of a line: "Chương I", "Mục 1", "Điều 1.",
 * "II-", "3.", "2.2.1.", "a)", "- ". The patterns are the numbering rules
 * (format-rules/numbering.ts). Recognising a marker says nothing yet about whether
 * it is one: the outline builder checks that the numbering continues (outline.ts).
 */
import { romanToInt } from '../../lib/roman.ts';
import { CONTAINERS, NUMBERING, ORDINALS, POINT_LETTERS, type MarkerType } from '../../lib/format-rules/numbering.ts';

export { POINT_LETTERS, type MarkerType };

export interface Marker {
  type: MarkerType;
  /** As written, without trailing space: "II-", "3.", "Điều 1.", "Chương I", "a)", "2.1.", "-". */
  label: string;
  /** Numeric value (roman/arabic/article/letter position, "thứ hai" = 2); 0 for bullets. */
  value: number;
  /** The number as written: "I", "thứ nhất", "2", "a". */
  written: string;
  /** Dotted numbering path, e.g. [2, 2, 1] for "2.2.1." */
  path: number[];
  /** Separator character after the number ("-", ".", ")", ":"), or "" */
  sep: string;
  /** Text after the marker. */
  rest: string;
}

/** "NQ/TU", "CT/TW": an OCR-split document symbol ("13- NQ/TU"), not a heading. */
const SYMBOL_TAIL = /^[A-ZĐ][A-Za-zĐđ]{0,5}\s*\/\s*[A-ZĐ]/;

/** Value of a level number: arabic, roman, or an ordinal word ("thứ nhất"). */
function numberValue(num: string): number | null {
  if (/^\d+$/.test(num)) return Number(num);
  const ordinal = /^(?:thứ|THỨ)\s+(\p{L}+)$/u.exec(num);
  if (ordinal && ordinal[1]) return ORDINALS[ordinal[1].toLocaleLowerCase('vi')] ?? null;
  return romanToInt(num);
}

function parseWith(type: MarkerType, m: RegExpExecArray, text: string): Marker | null {
  const g = m.groups ?? {};
  const num = g.num ?? '';
  const sep = g.sep ?? '';
  const rest = text.slice(m[0].length);
  switch (type) {
    case 'volume':
    case 'chapter':
    case 'division':
    case 'subdivision':
    case 'article': {
      const value = numberValue(num);
      if (value === null || value === 0) return null;
      // "Chương I phần VII", "Điều 1 như sau:": a citation wrapped onto a new line, not a marker.
      if (sep === '' && g.dash === undefined && /^\p{Ll}/u.test(rest)) return null;
      // A container's name follows on its line in capitals, or on the next lines.
      if (CONTAINERS.includes(type) && rest !== '' && !/^\p{Lu}/u.test(rest)) return null;
      const label = m[0].trimEnd();
      return { type, label, value, written: num, path: [value], sep, rest };
    }
    case 'roman': {
      const value = romanToInt(num);
      return value === null ? null : { type, label: num + sep, value, written: num, path: [value], sep, rest };
    }
    case 'dotted': {
      const path = num.split('.').map(Number);
      return { type, label: num + sep, value: path[path.length - 1] ?? 0, written: num, path, sep, rest };
    }
    case 'arabic':
      if (SYMBOL_TAIL.test(rest)) return null;
      return { type, label: num + sep, value: Number(num), written: num, path: [Number(num)], sep, rest };
    case 'letter': {
      const idx = POINT_LETTERS.indexOf(num);
      return idx < 0 ? null : { type, label: num + ')', value: idx + 1, written: num, path: [idx + 1], sep: ')', rest };
    }
    case 'bullet':
      // "- 3 -": a page number, not a list item.
      if (/^[-–]\s*\d+\s*[-–]?$/.test(text)) return null;
      return { type, label: num, value: 0, written: num, path: [], sep: '', rest };
  }
}

/**
 * Markers already read, by line text: the outline reads each line's marker
 * several times (quotations, naming lines, the line itself). A Marker is
 * never changed after it is made, so one object serves every reading.
 */
const markers = new Map<string, Marker | null>();

export function parseMarker(text: string): Marker | null {
  let marker = markers.get(text);
  if (marker === undefined) {
    marker = readMarker(text);
    if (markers.size >= 20_000) markers.clear();
    markers.set(text, marker);
  }
  return marker;
}

function readMarker(text: string): Marker | null {
  for (const rule of NUMBERING) {
    const m = rule.pattern.exec(text);
    if (!m) continue;
    const marker = parseWith(rule.type, m, text);
    // A line that matches a level's pattern but fails its checks is no marker of
    // another level either ("Điều 1 như sau:" is not a "1 ..." section).
    return marker;
  }
  return null;
}
