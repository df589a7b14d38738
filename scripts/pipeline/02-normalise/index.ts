/**
 * Normalise: decoded text -> clean physical lines.
 *
 * Removes what is layout, not text: markdown-ish markup (`##`, `**`), page
 * artefacts (stray "• •" bullets, page numbers, gazette running heads), trailing spaces. Keeps
 * every word. Footnote definitions (`<sup>1</sup> text`) are lifted out here so
 * the paragraph they were spliced into can be re-joined later.
 */

export interface Line {
  /** Text without markup, trimmed, NFC. */
  text: string;
  /** 1-based line number in the source, for messages. */
  sourceLine: number;
  /** Blank line(s) before this line in the source. */
  blankBefore: boolean;
  /** Leading spaces in the source (centred titles, indented first lines). */
  indent: number;
  /** The source marked the line as a heading (`#`) or wholly bold (`**...**`). */
  emphasised: boolean;
  /**
   * Set on the one line that stands for a whole table of the source (pipe,
   * markdown or tab-separated rows): raw cell texts, trimmed. `text` is then
   * the cells joined by " | ", row after row, for code that only reads text.
   */
  table?: SourceTable;
  /** Set on a placeholder line for something the source lost (`<jsontable name="bang_0"> </jsontable>`). */
  gap?: 'table';
}

export interface SourceTable {
  rows: string[][];
  /**
   * Rows above a markdown separator row (`|---|---|`), plus a sub-header row
   * right below it (tables.ts); 0 when the source marks none.
   */
  headerRows: number;
  /** First and last source line of the table. */
  sourceLines: [number, number];
}

export interface FootnoteDef {
  n: string;
  text: string;
  sourceLine: number;
}

export interface NormalisedText {
  lines: Line[];
  footnotes: FootnoteDef[];
  /** Characters per line at which the source was hard-wrapped; Infinity if not wrapped. */
  wrapWidth: number;
  /** Artefacts removed, for the quality report. */
  removed: Array<{ sourceLine: number; text: string; why: string }>;
  /** Words a PDF extractor split, joined again (split-words.ts), for the quality report. */
  joins: Join[];
}

import { findTables } from './tables.ts';
import { pageFurniture } from './running-heads.ts';
import { joinSplitWords, type Join } from './split-words.ts';

const FOOTNOTE_DEF = /^<sup>(\d{1,3})<\/sup>\s*(.*)$/;
/** Stray OCR bullets at the end of a line: "CHỦ YẾU • •". */
const TRAILING_STRAY_BULLETS = /(?:\s+[•·▪])+\s*$/;
/** A bullet character anywhere: what TRAILING_STRAY_BULLETS needs before it is worth trying. */
const STRAY_BULLET = /[•·▪]/;

/** Remove markdown emphasis/heading markup from one line; report whether it was emphasised. */
export function stripMarkup(raw: string): { text: string; emphasised: boolean } {
  let text = raw.trim();
  let emphasised = false;
  // The patterns below need a "#" or "_" first, or a "*", or a rule line's character first: most lines have none.
  const first = text.charCodeAt(0);
  if (first !== 0x23 && first !== 0x5f && first !== 0x2d && first !== 0x3d && first !== 0x2013 && first !== 0x2014 && !text.includes('*')) return { text: text.trim(), emphasised };
  const heading = /^#{1,6}\s+/.exec(text);
  if (heading) {
    text = text.slice(heading[0].length);
    emphasised = true;
  }
  // A rule line ("_______", "*****") is decoration, not emphasis around text.
  if (/^[-_=*–—]{3,}$/u.test(text)) return { text, emphasised };
  // Whole-line bold/italic: **...**, ***...***, *...*
  const whole = /^(\*{1,3}|_{1,3})(.+?)\1$/.exec(text);
  if (whole && whole[2] !== undefined && !whole[2].includes(whole[1] ?? '')) {
    text = whole[2].trim();
    emphasised = true;
  }
  if (!text.includes('*')) return { text: text.trim(), emphasised };
  // Inline emphasis markers: drop the asterisks, keep the words. Only pairs
  // that enclose text are removed, so a literal "*" (a party header star) stays.
  text = text.replace(/(\*{1,3})(?=\S)(.+?)(?<=\S)\1/g, '$2');
  // Emphasis spanning two lines ("**T/M THÀNH ỦY" / "BÍ THƯ**") leaves one unpaired run.
  if (text !== '*') {
    const before = text;
    // Italic over two lines ("*Căn cứ ... quyền" / "địa phương ...;*") leaves a single star before a letter or after the text.
    text = text.replace(/^\*{2,3}(?=\S)|^\*(?=\p{L})/u, '').replace(/(?<=\S)\*{1,3}$/, '');
    if (text !== before) emphasised = true;
  }
  return { text: text.trim(), emphasised };
}

/**
 * The width at which a source was hard-wrapped, or Infinity when each line is
 * already a paragraph (markdown-ish sources). Wrapped text shows itself by
 * many lines that continue in lower case on the next line.
 */
function wrapWidthOf(lines: Line[]): number {
  if (lines.length < 20) return Infinity;
  let continued = 0;
  for (let i = 1; i < lines.length; i++) if (/^\p{Ll}/u.test((lines[i] as Line).text)) continued++;
  if (continued / (lines.length - 1) < 0.2) return Infinity;
  const sorted = lines.map((l) => l.text.length).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * 0.9)] ?? Infinity;
}

export function normalise(text: string): NormalisedText {
  const rawLines = text.split('\n');
  const lines: Line[] = [];
  const footnotes: FootnoteDef[] = [];
  const removed: NormalisedText['removed'] = [];
  let blank = false;
  const tables = findTables(rawLines);
  // Each line's markup is stripped once: page furniture is found on the stripped lines, and they are what is kept.
  const strippedLines = rawLines.map(stripMarkup);
  const furniture = pageFurniture(strippedLines.map((r) => r.text));
  rawLines.forEach((raw, i) => {
    const sourceLine = i + 1;
    // A table (or a lost table's placeholder) is one Line; the rows it covers give nothing more.
    const table = tables.get(i);
    if (table !== undefined) {
      if (table) lines.push({ ...table, blankBefore: blank });
      blank = false;
      return;
    }
    let indent = 0;
    while (raw.charCodeAt(indent) === 0x20 || raw.charCodeAt(indent) === 0x09) indent++;
    const { text: stripped, emphasised } = strippedLines[i] as { text: string; emphasised: boolean };
    let clean = stripped;
    if (clean === '') {
      blank = true;
      return;
    }
    const fn = FOOTNOTE_DEF.exec(clean);
    if (fn && fn[1] !== undefined) {
      footnotes.push({ n: fn[1], text: (fn[2] ?? '').trim(), sourceLine });
      return; // the blank lines around it do not break the paragraph it interrupts
    }
    const why = furniture.get(i);
    if (why !== undefined) {
      removed.push({ sourceLine, text: clean, why });
      return;
    }
    if (STRAY_BULLET.test(clean) && TRAILING_STRAY_BULLETS.test(clean)) {
      const kept = clean.replace(TRAILING_STRAY_BULLETS, '');
      removed.push({ sourceLine, text: clean.slice(kept.length).trim(), why: 'stray bullets' });
      clean = kept;
    }
    if (/^[•·▪\s]+$/.test(clean)) {
      removed.push({ sourceLine, text: clean, why: 'stray bullets' });
      return;
    }
    lines.push({ text: clean.includes('\t') || clean.includes('  ') ? clean.replace(/[ \t]+/g, ' ') : clean, sourceLine, blankBefore: blank, indent, emphasised });
    blank = false;
  });
  const joins = joinSplitWords(lines);
  const wrapWidth = wrapWidthOf(lines.filter((l) => !l.table && !l.gap));
  return { lines, footnotes, wrapWidth, removed, joins };
}
