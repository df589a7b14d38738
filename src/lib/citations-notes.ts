/**
 * Place "cited by" notes into a document's rendered HTML at build time (no
 * JavaScript in the browser): a note for provision `II.3` goes right after the
 * first child of `<section id="II.3">` (its heading or first paragraph), so it
 * stands under the provision's heading; a note for an inline target
 * (`<span id="I.2.ct-3">`) goes after the paragraph that holds it.
 * The HTML is located with htmlparser2's source offsets and otherwise copied
 * byte for byte.
 */
import { Parser } from 'htmlparser2';

interface Frame {
  name: string;
  /** Note to place after this section's first child element. */
  firstChildNote?: string;
  /** Note to place after this element's end tag. */
  afterNote?: string;
}

const BLOCKS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'div', 'blockquote', 'section']);
/** Children of a section that do not count as its "first child" (toolbars and other inline chrome). */
const INLINE = new Set(['span', 'a', 'button', 'sup', 'ins', 'mark', 'em', 'strong', 'code', 'br']);

/**
 * Returns the HTML with each note inserted, and the ids that were not found
 * (the caller may list those elsewhere).
 */
export function insertNotes(html: string, notes: ReadonlyMap<string, string>): { html: string; missing: string[] } {
  if (notes.size === 0) return { html, missing: [] };
  const inserts: Array<{ at: number; text: string }> = [];
  const placed = new Set<string>();
  const stack: Frame[] = [];
  const parser: Parser = new Parser(
    {
      onopentag(name, attribs) {
        const parentFrame = stack[stack.length - 1];
        if (name === 'section' && parentFrame?.firstChildNote !== undefined) {
          // A section that starts with a nested provision: the note goes before it.
          inserts.push({ at: parser.startIndex, text: parentFrame.firstChildNote });
          delete parentFrame.firstChildNote;
        }
        const id = attribs.id;
        const note = id !== undefined && !placed.has(id) ? notes.get(id) : undefined;
        const frame: Frame = { name };
        if (note !== undefined && id !== undefined) {
          placed.add(id);
          if (name === 'section') {
            frame.firstChildNote = note;
          } else {
            // The nearest enclosing block holds the note; the element itself when there is none.
            const block = [...stack].reverse().find((f) => BLOCKS.has(f.name) && f.name !== 'section');
            if (block) block.afterNote = (block.afterNote ?? '') + note;
            else frame.afterNote = note;
          }
        }
        stack.push(frame);
      },
      onclosetag() {
        const frame = stack.pop();
        if (!frame) return;
        const end = parser.endIndex + 1;
        if (frame.firstChildNote !== undefined) {
          // A section with no child element: the note goes just before its end tag.
          inserts.push({ at: parser.startIndex, text: frame.firstChildNote });
        }
        if (frame.afterNote !== undefined) inserts.push({ at: end, text: frame.afterNote });
        const parent = stack[stack.length - 1];
        if (parent?.firstChildNote !== undefined && !INLINE.has(frame.name)) {
          inserts.push({ at: end, text: parent.firstChildNote });
          delete parent.firstChildNote;
        }
      },
    },
    { decodeEntities: false },
  );
  parser.write(html);
  parser.end();
  // Apply from the end so earlier offsets stay valid; equal offsets keep their order.
  const sorted = inserts.map((x, i) => ({ ...x, i })).sort((a, b) => b.at - a.at || b.i - a.i);
  let out = html;
  for (const x of sorted) out = out.slice(0, x.at) + x.text + out.slice(x.at);
  return { html: out, missing: [...notes.keys()].filter((id) => !placed.has(id)) };
}
