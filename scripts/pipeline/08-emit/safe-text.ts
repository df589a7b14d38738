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
 * Checked against the printer on the whole corpus (tests/unit/convert-speed-emit.test.ts).
 */
import type { Handle, SafeConfig, State, Unsafe } from 'mdast-util-to-markdown';
import type { Text } from 'mdast';

/** The printer's unsafe patterns by their character's code (all built-in ones are ASCII). */
interface PatternIndex {
  byCode: Unsafe[][];
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
      if (code < 0 || code >= 128) index.other = true;
      else index.byCode[code].push(pattern);
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
  const value = (config.before || '') + (input || '') + (config.after || '');
  codes.length = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 128 && present[c] === 0) {
      present[c] = 1;
      codes.push(c);
    }
  }
  const hasBreak = present[10] === 1 || present[13] === 1;
  for (const c of codes) present[c] = 0;
  const positions: number[] = [];
  const infos: Record<number, { before: boolean; after: boolean }> = {};
  const offset = config.before ? config.before.length : 0;
  const end = value.length - (config.after ? config.after.length : 0);
  // (The order in which patterns are tried does not matter: positions are sorted, flags only cleared.)
  for (const code of codes) {
    for (const pattern of index.byCode[code]) {
      if (pattern.atBreak && !pattern.beforeNode && !hasBreak) continue;
      if (!(listInScope(state.stack, pattern.inConstruct, true) && !listInScope(state.stack, pattern.notInConstruct, false)) || !nodeInScope(pattern.beforeNode, config.beforeNode) || !nodeInScope(pattern.afterNode, config.afterNode)) {
        continue;
      }
      const expression = state.compilePattern(pattern);
      const from = pattern.beforeNode ? offset : 0;
      const subject = value.slice(from, pattern.afterNode ? end : undefined);
      let match: RegExpExecArray | null;
      while ((match = expression.exec(subject))) {
        const before = Boolean(pattern.before || pattern.atBreak);
        const after = Boolean(pattern.after);
        const position = from + match.index + (before ? match[1].length : 0);
        if (Object.hasOwn(infos, position)) {
          if (infos[position].before && !before) infos[position].before = false;
          if (infos[position].after && !after) infos[position].after = false;
        } else {
          positions.push(position);
          infos[position] = { before, after };
        }
      }
    }
  }
  // An underscore inside the text: the printer's intraword rule applies.
  for (const position of positions) if (position >= offset && position < end && value.charCodeAt(position) === 95) return state.safe(input, config);
  positions.sort((a, b) => a - b);
  const result: string[] = [];
  let start = offset;
  for (let index = 0; index < positions.length; index++) {
    const position = positions[index];
    if (position < start || position >= end) continue;
    if (
      (position + 1 < end && positions[index + 1] === position + 1 && infos[position].after && !infos[position + 1].before && !infos[position + 1].after) ||
      (position - 1 >= offset && positions[index - 1] === position - 1 && infos[position].before && !infos[position - 1].before && !infos[position - 1].after)
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

/** mdast-util-to-markdown's `text` handler, on `fastSafe`. */
export const fastText: Handle = (node: Text, parent, state, info) => {
  const siblings = parent ? parent.children : [];
  const index = state.indexStack[state.indexStack.length - 1];
  return fastSafe(state, node.value, { ...info, afterNode: siblings[index + 1], beforeNode: siblings[index - 1] } as SafeConfig);
};
