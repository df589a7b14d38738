/**
 * Numbering markers at the start of a line: "II-", "3.", "2.2.1.", "Điều 1.",
 * "a)", "- ". Recognising a marker says nothing yet about whether it is one:
 * the outline builder checks that the numbering continues (outline.ts).
 */
import { romanToInt } from '../../lib/roman.ts';

export type MarkerType = 'roman' | 'article' | 'dotted' | 'arabic' | 'letter' | 'bullet';

export interface Marker {
  type: MarkerType;
  /** As written, without trailing space: "II-", "3.", "Điều 1.", "a)", "2.1.", "-". */
  label: string;
  /** Numeric value (roman/arabic/article/letter position); 0 for bullets. */
  value: number;
  /** Dotted numbering path, e.g. [2, 2, 1] for "2.2.1." */
  path: number[];
  /** Separator character after the number ("-", ".", ")"), or "" */
  sep: string;
  /** Text after the marker. */
  rest: string;
}

/** Letters used for points, in order (Vietnamese legal drafting skips f, j, w, z). */
export const POINT_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];

/** "NQ/TU", "CT/TW": an OCR-split document symbol ("13- NQ/TU"), not a heading. */
const SYMBOL_TAIL = /^[A-ZĐ][A-Za-zĐđ]{0,5}\s*\/\s*[A-ZĐ]/;

export function parseMarker(text: string): Marker | null {
  let m = /^(Điều\s+(\d{1,3}))\s*([.:])?(?:\s+|$)/.exec(text);
  if (m && m[1] && m[2]) {
    return { type: 'article', label: m[1] + (m[3] ?? ''), value: Number(m[2]), path: [Number(m[2])], sep: m[3] ?? '', rest: text.slice(m[0].length) };
  }
  m = /^([IVXLC]{1,6})\s*([-.–])\s*(?=\S)/.exec(text);
  if (m && m[1] && m[2]) {
    const value = romanToInt(m[1]);
    if (value !== null) return { type: 'roman', label: m[1] + m[2], value, path: [value], sep: m[2], rest: text.slice(m[0].length) };
  }
  m = /^(\d{1,2}(?:\.\d{1,2})+)(\.?)\s+(?=\S)/.exec(text);
  if (m && m[1]) {
    const path = m[1].split('.').map(Number);
    return { type: 'dotted', label: m[1] + (m[2] ?? ''), value: path[path.length - 1] ?? 0, path, sep: m[2] ?? '', rest: text.slice(m[0].length) };
  }
  m = /^(\d{1,3})\s*([-.)–])\s+(?=\S)/.exec(text);
  if (m && m[1] && m[2]) {
    const rest = text.slice(m[0].length);
    if (SYMBOL_TAIL.test(rest)) return null;
    return { type: 'arabic', label: m[1] + m[2], value: Number(m[1]), path: [Number(m[1])], sep: m[2], rest };
  }
  m = /^([a-zđ])\)\s+(?=\S)/.exec(text);
  if (m && m[1]) {
    const idx = POINT_LETTERS.indexOf(m[1]);
    if (idx >= 0) return { type: 'letter', label: m[1] + ')', value: idx + 1, path: [idx + 1], sep: ')', rest: text.slice(m[0].length) };
  }
  m = /^([-–+•])\s*(?=\S)/.exec(text);
  if (m && m[1] && !/^[-–]\s*\d+\s*[-–]?$/.test(text)) {
    return { type: 'bullet', label: m[1], value: 0, path: [], sep: '', rest: text.slice(m[0].length) };
  }
  return null;
}
