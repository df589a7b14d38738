/**
 * Re-joining hard-wrapped lines. A break between two lines is a paragraph
 * break only with evidence: the previous line stops short of the wrap width,
 * or ends a sentence and the next begins one. A next line that starts in
 * lower case continues the sentence ("kinh tế\n- xã hội" is handled by the
 * outline builder, which sees the marker first).
 */
import type { Line } from '../02-normalise/index.ts';

const SENTENCE_END = /[.!?…:;]["”»)]*$/;
const STRONG_END = /[.!?…]["”»)]*$|\.\/\.$/;

export function startsLowercase(text: string): boolean {
  return /^[\p{Ll}]/u.test(text);
}

export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text);
}

/** Is `prev` a full line of a hard-wrapped paragraph? */
export function isFullLine(prev: Line, wrapWidth: number): boolean {
  return Number.isFinite(wrapWidth) && prev.text.length >= wrapWidth * 0.8;
}

/** Should `line` continue the paragraph whose last line is `prev`? */
export function continuesParagraph(prev: Line, line: Line, wrapWidth: number): boolean {
  if (startsLowercase(line.text) && !STRONG_END.test(prev.text)) return true;
  // A line ending in a comma never ends a paragraph ("cơ quan Thuế,\n\nHải quan, Kho bạc"
  // in 002 is one sentence broken by a page break). List items are markers, read before this.
  if (/,$/.test(prev.text)) return true;
  if (!isFullLine(prev, wrapWidth)) return false;
  // A full line: a hard wrap, unless an indented new sentence starts.
  if (endsSentence(prev.text) && line.indent > prev.indent + 1) return false;
  return true;
}

export function joinLines(parts: string[]): string {
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}
