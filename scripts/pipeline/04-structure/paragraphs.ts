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
  // A number or a connective cannot end a sentence: "ngày\n\n19/4/2024", "Công nghiệp-Xây dựng\n\n42,4%", "tại\n\nTrung tâm".
  if (!endsSentence(prev.text) && (/^\d/.test(line.text) || dangles(prev.text))) return true;
  if (!isFullLine(prev, wrapWidth)) return false;
  // A full line: a hard wrap, unless an indented new sentence starts.
  if (endsSentence(prev.text) && line.indent > prev.indent + 1) return false;
  return true;
}

/** A line that cannot end a heading or a sentence: open parenthesis, trailing dash or comma, a connective. */
export function dangles(text: string): boolean {
  const open = (text.match(/\(/g) ?? []).length > (text.match(/\)/g) ?? []).length;
  return open || /[-–,(]$/.test(text) || /\s(?:và|của|các|với|trong|cho|về|để|theo|từ|tại|là|những|đến|được|có|hoặc|nhằm|gắn|trên|dưới|giữa|ngày|số)$/u.test(text);
}

/** Whitespace other than one space: what joinLines must collapse. */
const TO_COLLAPSE = /[^\S ]| {2}/;

export function joinLines(parts: string[]): string {
  const joined = parts.join(' ');
  // Collapsing a text whose whitespace is single spaces changes nothing: skip building it again.
  return (TO_COLLAPSE.test(joined) ? joined.replace(/\s+/g, ' ') : joined).trim();
}
