/**
 * The `text` handler of mdast-util-to-markdown with a cheaper `safe()`.
 *
 * The printer's own `safe()` tries every unsafe pattern (about 80 with MDX)
 * on every text node: a scope check and a regular-expression scan of the
 * whole text each. Nearly all of them cannot match: a pattern's expression
 * always contains its `character` literally, and one that must follow a
 * line break (`atBreak`, not anchored to a neighbouring node) needs a line
 * ending in the text or its context. Those two are checked first, from one
 * pass over the characters; only the patterns that pass are scoped and run.
 * Everything else is the printer's algorithm as published
 * (mdast-util-to-markdown 2.x, lib/util/safe.js), so the output is the same
 * character for character; the rare cases that need more of it (an escaped
 * underscore, whose intraword rule needs micromark's character classes, or
 * an autolink's percent-encoding) are left to the printer's own `safe()`.
 * Checked against the printer on the whole corpus (tests/unit/emit-printer.test.ts).
 */
import type { Handle, SafeConfig, State, Unsafe } from 'mdast-util-to-markdown';
import type { Text } from 'mdast';

/**
 * Characters one of which the subject must hold for a `before` or `after`
 * expression to match (the simple ones the printer uses; null: not known).
 */
const NEEDS: Record<string, number[]> = { '[\\r\\n]': [10, 13], '\\r': [13], '\\n': [10], '\\]': [93], '\\[': [91] };

interface Indexed {
  pattern: Unsafe;
  /** For each entry, the subject must hold one of its characters. */
  needs: number[][];
}

/** The printer's unsafe patterns by their character's code (all built-in ones are ASCII). */
interface PatternIndex {
  byCode: Indexed[][];
  /** A pattern whose character is not one ASCII character: the printer decides. */
  other: boolean;
}

const indexOf = new WeakMap<Unsafe[], PatternIndex>();

function patternIndex(unsafe: Unsafe[]): PatternIndex {
  let index = indexOf.get(unsafe);
  if (!index) {
    index = { byCode: Array.from({ length: 128 }, () => []), other: false };
    for (const pattern of unsafe) {
      const code = pattern.character.length === 1 ? pattern.character.charCodeAt(0) : -1;
      if (code < 0 || code >= 128) {
        index.other = true;
        continue;
      }
      const needs: number[][] = [];
      if (pattern.atBreak && !pattern.beforeNode) needs.push([10, 13]);
      const needsBefore = pattern.before && !pattern.beforeNode ? NEEDS[pattern.before] : undefined;
      if (needsBefore) needs.push(needsBefore);
      const needsAfter = pattern.after && !pattern.afterNode ? NEEDS[pattern.after] : undefined;
      if (needsAfter) needs.push(needsAfter);
      index.byCode[code]!.push({ pattern, needs });
    }
    indexOf.set(unsafe, index);
  }
  return index;
}

function listInScope(stack: string[], list: Unsafe['inConstruct'], none: boolean): boolean {
  if (typeof list === 'string') return stack.includes(list);
  if (!list || list.length === 0) return none;
  for (const name of list) if (stack.includes(name)) return true;
  return false;
}

function nodeInScope(types: Unsafe['beforeNode'], node: { type: string } | undefined): boolean {
  if (!types) return true;
  if (!node) return false;
  return typeof types === 'string' ? types === node.type : (types as string[]).includes(node.type);
}

function escapeBackslashes(value: string, after: string | undefined): string {
  const whole = value + after;
  if (!whole.includes('\\')) return value;
  const expression = /\\(?=[!-/:-@[-`{-~])/g;
  const positions: number[] = [];
  const results: string[] = [];
  let start = 0;
  let match: RegExpExecArray | null;
  while ((match = expression.exec(whole))) positions.push(match.index);
  for (const position of positions) {
    if (start !== position) results.push(value.slice(start, position));
    results.push('\\');
    start = position;
  }
  results.push(value.slice(start));
  return results.join('');
}

/** Which ASCII characters occur in a value (reused between calls). */
const present = new Uint8Array(128);
const codes: number[] = [];

/** `safe(state, input, config)` of mdast-util-to-markdown, with the pre-checks above. */
export function fastSafe(state: State, input: string, config: SafeConfig): string {
  const index = patternIndex(state.unsafe);
  if (index.other || state.stack.includes('autolink')) return state.safe(input, config);
  const before = config.before || '';
  const after = config.after || '';
  const text = input || '';
  codes.length = 0;
  for (const part of [before, text, after]) {
    for (let i = 0; i < part.length; i++) {
      const c = part.charCodeAt(i);
      if (c < 128 && present[c] === 0) {
        present[c] = 1;
        codes.push(c);
      }
    }
  }
  let value: string | null = null;
  const positions: number[] = [];
  const infos: Record<number, { before: boolean; after: boolean }> = {};
  const offset = before.length;
  const end = offset + text.length;
  // (The order in which patterns are tried does not matter: positions are sorted, flags only cleared.)
  for (const code of codes) {
    for (const { pattern, needs } of index.byCode[code]!) {
      if (!needs.every((one) => one.some((c) => present[c] === 1))) continue;
      if (!(listInScope(state.stack, pattern.inConstruct, true) && !listInScope(state.stack, pattern.notInConstruct, false)) || !nodeInScope(pattern.beforeNode, config.beforeNode) || !nodeInScope(pattern.afterNode, config.afterNode)) {
        continue;
      }
      value ??= before + text + after;
      const expression = state.compilePattern(pattern);
      const from = pattern.beforeNode ? offset : 0;
      const subject = value.slice(from, pattern.afterNode ? end : undefined);
      let match: RegExpExecArray | null;
      while ((match = expression.exec(subject))) {
        const isBefore = Boolean(pattern.before || pattern.atBreak);
        const isAfter = Boolean(pattern.after);
        const position = from + match.index + (isBefore ? match[1]!.length : 0);
        const known = infos[position];
        if (known) {
          if (known.before && !isBefore) known.before = false;
          if (known.after && !isAfter) known.after = false;
        } else {
          positions.push(position);
          infos[position] = { before: isBefore, after: isAfter };
        }
      }
    }
  }
  for (const c of codes) present[c] = 0;
  if (value === null || positions.length === 0) return escapeBackslashes(text, config.after);
  // An underscore inside the text: the printer's intraword rule applies.
  for (const position of positions) if (position >= offset && position < end && value.charCodeAt(position) === 95) return state.safe(input, config);
  positions.sort((a, b) => a - b);
  const result: string[] = [];
  let start = offset;
  for (let index = 0; index < positions.length; index++) {
    const position = positions[index]!;
    if (position < start || position >= end) continue;
    const info = infos[position]!;
    if (
      (position + 1 < end && positions[index + 1] === position + 1 && info.after && !infos[position + 1]!.before && !infos[position + 1]!.after) ||
      (position - 1 >= offset && positions[index - 1] === position - 1 && info.before && !infos[position - 1]!.before && !infos[position - 1]!.after)
    ) {
      continue;
    }
    if (start !== position) result.push(escapeBackslashes(value.slice(start, position), '\\'));
    start = position + 1;
    const character = value.charAt(position);
    if (/[!-/:-@[-`{-~]/.test(character) && (!config.encode || !config.encode.includes(character))) result.push('\\' + character);
    else result.push('&#x' + value.charCodeAt(position).toString(16).toUpperCase() + ';');
  }
  result.push(escapeBackslashes(value.slice(start, end), config.after));
  return result.join('');
}

/**
 * Whether `fastSafe(state, value, config)` may start with something other
 * than the first character of `value`: only when the printer escapes that
 * character, which needs a pattern for it (a pattern's expression holds its
 * character literally, at the position it escapes). An escaped backslash
 * starts with a backslash too.
 */
export function mayEscapeFirst(state: State, value: string): boolean {
  if (value === '') return false;
  const index = patternIndex(state.unsafe);
  if (index.other || state.stack.includes('autolink')) return true;
  const code = value.charCodeAt(0);
  return code < 128 && index.byCode[code]!.length > 0;
}

/**
 * Where, for one construct stack, a text could need an escape at all: a
 * cheaper test than `fastSafe`'s, for texts with no line ending whose
 * neighbours (`before`, `after`) are one character each, as in phrasing.
 * Every pattern in scope is put in one of four classes by what it needs:
 * - a line ending right before its character (`before` [\r\n], \r, \n):
 *   it can only match the text's first character, after a line ending;
 * - a line ending right after it (`after` one of those): only the last one,
 *   before a line ending;
 * - a line ending before it, spaces, tabs and digits between (`atBreak`,
 *   with no `before` or `before` \d+): only the first character, or a
 *   space, tab or digit there;
 * - anything else (no condition, another `before`/`after`): its character
 *   anywhere.
 * A text that fits none of these gets no escape: `fastSafe` would give
 * `escapeBackslashes(text, after)`. Any other pattern (its character not
 * one ASCII character, a node condition, an `atBreak` with another `before`
 * after a line ending) sends the text to `fastSafe`.
 */
export interface SafeClasses {
  /** Characters that may be escaped anywhere, and the line endings. */
  anywhere: RegExp;
  /** First characters that may be escaped after a line ending. */
  first: Uint8Array;
  /** Last characters that may be escaped before a line ending. */
  last: Uint8Array;
  /** After a line ending, any text goes to fastSafe. */
  afterBreakAlways: boolean;
  /** No quick test for this stack (autolink, a pattern not understood). */
  none: boolean;
}

const BREAK = new Set(['[\\r\\n]', '\\r', '\\n']);
const classesOf = new WeakMap<Unsafe[], Map<string, SafeClasses>>();

export function safeClasses(state: State): SafeClasses {
  let byStack = classesOf.get(state.unsafe);
  if (!byStack) classesOf.set(state.unsafe, (byStack = new Map()));
  const key = state.stack.join('\u0000');
  let classes = byStack.get(key);
  if (classes) return classes;
  const anywhere = new Set<number>([10, 13]);
  const first = new Uint8Array(128);
  const last = new Uint8Array(128);
  // A space or tab first after a line ending: the atBreak prefix, or a pattern of its own.
  first[32] = first[9] = 1;
  let afterBreakAlways = false;
  let none = state.stack.includes('autolink');
  for (const pattern of state.unsafe) {
    if (!(listInScope(state.stack, pattern.inConstruct, true) && !listInScope(state.stack, pattern.notInConstruct, false))) continue;
    const code = pattern.character.length === 1 ? pattern.character.charCodeAt(0) : -1;
    if (code < 0 || code >= 128 || pattern.beforeNode || pattern.afterNode) {
      none = true;
      continue;
    }
    if (pattern.atBreak) {
      if (!pattern.before) first[code] = 1;
      else if (pattern.before === '\\d+') for (let digit = 48; digit <= 57; digit++) first[digit] = 1;
      else afterBreakAlways = true;
    } else if (pattern.before && BREAK.has(pattern.before)) first[code] = 1;
    else if (!pattern.before && pattern.after && BREAK.has(pattern.after)) last[code] = 1;
    else anywhere.add(code);
  }
  const set = [...anywhere].sort((a, b) => a - b).map((c) => `\\u${c.toString(16).padStart(4, '0')}`).join('');
  classes = { anywhere: new RegExp(`[${set}]`), first, last, afterBreakAlways, none };
  byStack.set(key, classes);
  return classes;
}

const isBreak = (code: number): boolean => code === 10 || code === 13;

/** One character (a code point) with no line ending, or nothing. */
const oneCharacter = (value: string): boolean => value.length <= 1 || (value.length === 2 && value.codePointAt(0)! > 0xffff);

/**
 * `fastSafe(state, text, { before, after, ... })` when `classes`
 * (safeClasses of the current stack) show that the text can have no escape:
 * then only its backslashes are escaped. Null: call fastSafe.
 */
export function quickSafe(classes: SafeClasses, text: string, before: string, after: string): string | null {
  if (classes.none || text === '' || !oneCharacter(before) || !oneCharacter(after) || classes.anywhere.test(text)) return null;
  if (before.length === 1 && isBreak(before.charCodeAt(0))) {
    const head = text.charCodeAt(0);
    if (classes.afterBreakAlways || (head < 128 && classes.first[head] === 1)) return null;
  }
  if (after.length === 1 && isBreak(after.charCodeAt(0))) {
    const tail = text.charCodeAt(text.length - 1);
    if (tail < 128 && classes.last[tail] === 1) return null;
  }
  return escapeBackslashes(text, after);
}

/** mdast-util-to-markdown's `text` handler, on `fastSafe`. */
export const fastText: Handle = (node: Text, parent, state, info) => {
  const siblings = parent ? parent.children : [];
  const index = state.indexStack[state.indexStack.length - 1]!;
  // (safe() reads no other field of the config.)
  return fastSafe(state, node.value, { before: info.before, after: info.after, encode: (info as SafeConfig).encode, afterNode: siblings[index + 1], beforeNode: siblings[index - 1] } as SafeConfig);
};
