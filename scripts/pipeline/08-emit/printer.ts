/**
 * A direct printer for the trees the emitter builds, with the same output as
 * `toMarkdown(tree, options)` (mdast-util-to-markdown 2.x + mdast-util-mdx).
 *
 * The emitter's trees hold five node types: root, paragraph, text, and MDX
 * JSX elements (flow and text) with string attributes. For those the
 * library's machinery (position tracking, containerFlow/containerPhrasing,
 * join rules, attention pairing, `peek`, one `state` per call) computes what
 * this file writes directly:
 *
 * - root: its children joined by a blank line, and a final line ending;
 * - flow element: `<name attrs>`, a line ending, its children joined by a
 *   blank line (paragraphs indented two spaces per enclosing flow element,
 *   blank lines not), a line ending, `</name>`; `<name attrs />` when empty;
 *   when an attribute holds a line ending, each attribute on a line of its own;
 * - text element: `<name attrs>` + its phrasing + `</name>`, or `<name attrs />`;
 * - attribute: `name="value"` with `"` written `&#x22;` (stringifyEntitiesLight);
 * - paragraph: its phrasing, flush;
 * - text: escaped by the very function the emitter gives the library as its
 *   `text` handler (`fastSafe`, on the library's own configured state: the
 *   same unsafe patterns), with the same context: the character printed
 *   before it, the first character of what follows (an element: `<`; a text:
 *   that text printed), the construct stack and the neighbouring nodes.
 *
 * Anything else (another node type, an expression attribute, a root with
 * phrasing children...) makes
 * the printer give up (`null`), and the caller prints with the library.
 * tests/unit/emit-printer.test.ts compares the two on the corpus and on
 * hostile texts.
 */
import { toMarkdown, type ConstructName, type Options, type SafeConfig, type State } from 'mdast-util-to-markdown';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Nodes, Paragraph, Root, Text } from 'mdast';
import { fastSafe, fastText, mayEscapeFirst, quickSafe, safeClasses, type SafeClasses } from './safe-text.ts';

/** Thrown inside the printer for a case it does not handle. */
class Unhandled extends Error {}
const UNHANDLED = new Unhandled('not handled by the direct printer');

/** The library's state for some options, configured once (unsafe patterns, compiled expressions), and its printer. */
const printers = new WeakMap<Options, { state: State; printer: Printer }>();

function printerFor(options: Options): { state: State; printer: Printer } {
  let found = printers.get(options);
  if (!found) {
    let captured: State | undefined;
    toMarkdown({ type: 'root', children: [] }, {
      extensions: [options],
      handlers: {
        root: (_node, _parent, s) => {
          captured = s;
          return '';
        },
      },
    });
    found = { state: captured!, printer: new Printer(captured!) };
    printers.set(options, found);
  }
  return found;
}

/** `lastCharacter` of mdast-util-to-markdown (lib/util/character.js). */
function lastCharacter(value: string): string {
  const code = value.codePointAt(value.length - 2);
  return code !== undefined && code > 0xffff ? value.slice(-2) : value.slice(-1);
}

/** `firstCharacter` of mdast-util-to-markdown. */
function firstCharacter(value: string): string {
  const code = value.codePointAt(0);
  return code === undefined ? '' : String.fromCodePoint(code);
}

const EOL = /\r?\n|\r/g;

/** `indentLines(value, (line, _, blank) => (blank ? '' : indent) + line)` of the library. */
function indentLines(value: string, indent: string): string {
  if (indent === '') return value;
  if (!value.includes('\n') && !value.includes('\r')) return value === '' ? '' : indent + value;
  let result = '';
  let start = 0;
  let match: RegExpExecArray | null;
  EOL.lastIndex = 0;
  while ((match = EOL.exec(value))) {
    const line = value.slice(start, match.index);
    result += (line === '' ? '' : indent + line) + match[0];
    start = match.index + match[0].length;
  }
  const line = value.slice(start);
  return result + (line === '' ? '' : indent + line);
}

const INDENTS = ['', '  ', '    ', '      ', '        ', '          ', '            ', '              '];
const indentOf = (depth: number): string => INDENTS[depth] ?? '  '.repeat(depth);

class Printer {
  private readonly stack: ConstructName[] = [];
  private readonly state: State;
  /**
   * safeClasses by the constructs on the stack: which patterns are in scope
   * depends only on which names it holds, and texts are printed inside
   * paragraph + phrasing, with or without flow and text elements around.
   */
  private readonly classes: Array<SafeClasses | undefined> = [];
  private flowDepth = 0;
  private textDepth = 0;

  constructor(state: State) {
    this.state = state;
  }

  root(node: Root): string {
    this.state.stack = this.stack;
    this.stack.length = 0;
    this.flowDepth = 0;
    this.textDepth = 0;
    const children = node.children;
    let result = '';
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (i > 0) result += '\n\n';
      if (child.type === 'mdxJsxFlowElement') result += this.flowElement(child as MdxJsxFlowElement, 0);
      else if (child.type === 'paragraph') result += this.paragraph(child);
      else throw UNHANDLED;
    }
    const last = result.charCodeAt(result.length - 1);
    return result && last !== 10 && last !== 13 ? result + '\n' : result;
  }

  /** Each attribute as the library writes it (`name="value"`, `"` as `&#x22;`). */
  private attributes(node: MdxJsxFlowElement | MdxJsxTextElement): string[] {
    const attributes = node.attributes;
    const result: string[] = [];
    if (!attributes) return result;
    for (let i = 0; i < attributes.length; i++) {
      const attribute = attributes[i] as MdxJsxAttribute;
      if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) throw UNHANDLED;
      const value = attribute.value;
      if (value === null || value === undefined) result.push(attribute.name);
      else if (typeof value === 'string') result.push(`${attribute.name}="${value.includes('"') ? value.replaceAll('"', '&#x22;') : value}"`);
      else throw UNHANDLED;
    }
    return result;
  }

  private flowElement(node: MdxJsxFlowElement, depth: number): string {
    if (!node.name) throw UNHANDLED;
    const indent = indentOf(depth);
    const attributes = this.attributes(node);
    const oneLine = attributes.join(' ');
    const children = node.children;
    const empty = !children || children.length === 0;
    let value: string;
    if (oneLine.includes('\n') || oneLine.includes('\r')) {
      // An attribute with a line ending: each attribute on a line of its own, the first line of each indented.
      value = `${indent}<${node.name}\n${attributes.map((a) => `${indent}  ${a}`).join('\n')}\n${indent}${empty ? '/>' : '>'}`;
    } else {
      value = `${indent}<${node.name}${oneLine ? ` ${oneLine}` : ''}${empty ? ' />' : '>'}`;
    }
    if (empty) return value;
    this.stack.push('mdxJsxFlowElement');
    this.flowDepth++;
    const inner = indentOf(depth + 1);
    value += '\n';
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (i > 0) value += '\n\n';
      if (child.type === 'mdxJsxFlowElement') value += this.flowElement(child as MdxJsxFlowElement, depth + 1);
      else if (child.type === 'paragraph') value += indentLines(this.paragraph(child), inner);
      else throw UNHANDLED;
    }
    this.stack.pop();
    this.flowDepth--;
    return `${value}\n${indent}</${node.name}>`;
  }

  private paragraph(node: Paragraph): string {
    this.stack.push('paragraph', 'phrasing');
    const value = this.phrasing(node.children as Nodes[], '\n', '\n');
    this.stack.length -= 2;
    return value;
  }

  private textElement(node: MdxJsxTextElement): string {
    if (!node.name) throw UNHANDLED;
    const attributes = this.attributes(node).join(' ');
    const children = node.children;
    const open = `<${node.name}${attributes ? ` ${attributes}` : ''}`;
    if (!children || children.length === 0) return `${open} />`;
    this.stack.push('mdxJsxTextElement');
    this.textDepth++;
    const value = this.phrasing(children as Nodes[], '>', '<');
    this.stack.pop();
    this.textDepth--;
    return `${open}>${value}</${node.name}>`;
  }

  /** The library's containerPhrasing without attention: children flush, each escaped in its context. */
  private phrasing(children: Nodes[], before: string, after: string): string {
    let result = '';
    const key = (this.flowDepth > 0 ? 1 : 0) + (this.textDepth > 0 ? 2 : 0);
    const classes = (this.classes[key] ??= safeClasses(this.state));
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      const next = children[i + 1];
      let value: string;
      if (child.type === 'text') {
        const following = next === undefined ? after : this.peek(next, children, i);
        value =
          quickSafe(classes, child.value, before, following) ??
          fastSafe(this.state, child.value, { before, after: following, afterNode: next, beforeNode: children[i - 1] } as SafeConfig);
      } else if (child.type === 'mdxJsxTextElement') {
        // (An element ends with its closing tag's `>`.)
        result += this.textElement(child as MdxJsxTextElement);
        before = '>';
        continue;
      } else throw UNHANDLED;
      if (!value) continue;
      result += value;
      before = lastCharacter(value);
    }
    return result;
  }

  /**
   * The first character of the next sibling as the library peeks it: an
   * element's peek is `<`; a text has none, so the library prints it (with
   * no characters around it, and the neighbours of the node *before* it, as
   * its index stack still points there) and takes the first character.
   */
  private peek(next: Nodes, siblings: Nodes[], index: number): string {
    if (next.type === 'mdxJsxTextElement' || next.type === 'mdxJsxFlowElement') return '<';
    if (next.type !== 'text') throw UNHANDLED;
    const value = (next as Text).value;
    // Printing only inserts escapes before characters a pattern names: anything else starts the same.
    if (!mayEscapeFirst(this.state, value)) return firstCharacter(value);
    return firstCharacter(fastSafe(this.state, value, { before: '', after: '', afterNode: siblings[index + 1], beforeNode: siblings[index - 1] } as SafeConfig));
  }
}

/**
 * `toMarkdown(tree, options)` for the emitter's trees, or null when the tree
 * holds something this printer does not handle. `options` must be the
 * emitter's own (its text handler `fastText`): the escaping is that handler's.
 */
export function printTree(tree: Root, options: Options): string | null {
  const { state, printer } = printerFor(options);
  // The escaping below is `fastText`'s: with another text handler the library must print.
  if ((state.handlers as Record<string, unknown>).text !== fastText) return null;
  try {
    return printer.root(tree);
  } catch (error) {
    if (error instanceof Unhandled) return null;
    throw error;
  }
}
