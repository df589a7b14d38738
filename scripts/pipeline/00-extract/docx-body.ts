/**
 * The body of word/document.xml -> blocks: paragraphs (lines with their
 * bold, alignment and list label) and tables (rows of cells), in document
 * order. What Word displays is what is read: a field's result, never its
 * instruction; deleted and hidden text is left out; text boxes follow the
 * paragraph that anchors them. ADR 1503.
 */
import { attr, child, children, toggle, type XmlNode } from './docx-xml.ts';
import type { Numbering, Styles } from './docx-styles.ts';

export interface TextLine {
  text: string;
  /** Every visible character of the line is bold. */
  bold: boolean;
}

export interface Paragraph {
  kind: 'p';
  lines: TextLine[];
  /** w:jc as written (left, center, right, both, start, end …), from the paragraph or its style. */
  align: string | undefined;
  /** The rendered list number ("1.", "a)", "-" for a bullet), or null. */
  label: string | null;
}

export interface Cell {
  blocks: Block[];
  /** First grid column of the cell (after w:gridBefore). */
  start: number;
  /** Grid columns this cell spans (w:gridSpan). */
  span: number;
  /** A vertically merged continuation cell (its text is in the cell above). */
  continued: boolean;
}

export interface Table {
  kind: 'table';
  rows: Cell[][];
  /** Widths of the grid columns (w:tblGrid), twentieths of a point. */
  grid: number[];
}

export type Block = Paragraph | Table;

export interface Segment {
  text: string;
  bold: boolean;
}

export class BodyReader {
  /** Open complex fields: 'instr' until w:fldChar separate, then 'result'. */
  private fields: ('instr' | 'result')[] = [];
  /** Footnote ids in order of first reference -> their number in the text. */
  readonly footnoteOrder = new Map<string, number>();

  private readonly styles: Styles;
  private readonly numbering: Numbering;

  constructor(styles: Styles, numbering: Numbering) {
    this.styles = styles;
    this.numbering = numbering;
  }

  blocks(container: XmlNode): Block[] {
    const out: Block[] = [];
    for (const c of container.children) {
      if (c.name === 'w:p') this.paragraph(c, out);
      else if (c.name === 'w:tbl') out.push(this.table(c));
      else if (c.name === 'w:sdt') out.push(...this.blocks(child(c, 'w:sdtContent') ?? c));
      else if (c.name === 'w:customXml' || c.name === 'w:ins' || c.name === 'w:moveTo') out.push(...this.blocks(c));
    }
    return out;
  }

  private paragraph(p: XmlNode, out: Block[]): void {
    const pPr = child(p, 'w:pPr');
    const styleId = attr(child(pPr, 'w:pStyle'), 'w:val');
    const numPr = child(pPr, 'w:numPr');
    const styleNum = this.styles.paragraphNum(styleId);
    const numId = attr(child(numPr, 'w:numId'), 'w:val') ?? styleNum.numId;
    const ilvlRaw = attr(child(numPr, 'w:ilvl'), 'w:val');
    const ilvl = ilvlRaw !== undefined ? Number(ilvlRaw) : styleNum.ilvl;
    const label = this.numbering.next(numId, ilvl);
    const segs: Segment[] = [];
    const boxes: Block[] = [];
    this.inline(p, segs, boxes, { bold: this.styles.paragraphBold(styleId), caps: this.styles.paragraphCaps(styleId) });
    out.push({ kind: 'p', lines: linesOf(segs), align: attr(child(pPr, 'w:jc'), 'w:val') ?? this.styles.paragraphJc(styleId), label });
    out.push(...boxes);
  }

  private inline(node: XmlNode, segs: Segment[], boxes: Block[], inherit: { bold: boolean; caps: boolean }): void {
    for (const c of node.children) {
      switch (c.name) {
        case 'w:r':
          this.run(c, segs, boxes, inherit);
          break;
        case 'w:hyperlink':
        case 'w:smartTag':
        case 'w:ins':
        case 'w:moveTo':
        case 'w:customXml':
        case 'w:fldSimple': // its runs are the displayed result; the instruction is an attribute
        case 'w:dir':
        case 'w:bdo':
        case 'w:sdtContent':
          this.inline(c, segs, boxes, inherit);
          break;
        case 'w:sdt':
          this.inline(child(c, 'w:sdtContent') ?? c, segs, boxes, inherit);
          break;
        default:
          // w:del, w:moveFrom (deleted text), w:pPr, bookmarks, proofing marks: nothing shown.
          break;
      }
    }
  }

  private run(r: XmlNode, segs: Segment[], boxes: Block[], inherit: { bold: boolean; caps: boolean }): void {
    const rPr = child(r, 'w:rPr');
    if (toggle(rPr, 'w:vanish') === true) return;
    const rStyle = attr(child(rPr, 'w:rStyle'), 'w:val');
    const bold = toggle(rPr, 'w:b') ?? this.styles.runBold(rStyle) ?? inherit.bold;
    const caps = toggle(rPr, 'w:caps') ?? this.styles.runCaps(rStyle) ?? inherit.caps;
    const shown = (): boolean => this.fields.every((f) => f === 'result');
    const push = (text: string): void => {
      if (shown()) segs.push({ text, bold });
    };
    for (const c of r.children) {
      switch (c.name) {
        case 'w:fldChar': {
          const type = attr(c, 'w:fldCharType');
          if (type === 'begin') this.fields.push('instr');
          else if (type === 'separate' && this.fields.length > 0) this.fields[this.fields.length - 1] = 'result';
          else if (type === 'end') this.fields.pop();
          break;
        }
        case 'w:t':
          // Text set in capitals is displayed in capitals; the reader sees what the page shows.
          push(caps ? c.text.toLocaleUpperCase('vi') : c.text);
          break;
        case 'w:tab':
        case 'w:ptab':
          push(' ');
          break;
        case 'w:br':
        case 'w:cr':
          push('\n');
          break;
        case 'w:noBreakHyphen':
          push('-');
          break;
        case 'w:footnoteReference': {
          const id = attr(c, 'w:id') ?? '';
          if (!this.footnoteOrder.has(id)) this.footnoteOrder.set(id, this.footnoteOrder.size + 1);
          push(`<sup>${this.footnoteOrder.get(id)}</sup>`);
          break;
        }
        case 'w:drawing':
        case 'w:pict':
        case 'w:object':
        case 'mc:AlternateContent':
          if (shown()) boxes.push(...this.textBoxes(c));
          break;
        default:
          break;
      }
    }
  }

  /** Paragraphs of the text boxes inside a drawing; of mc:AlternateContent only the first choice (the fallback repeats it). */
  private textBoxes(node: XmlNode): Block[] {
    if (node.name === 'w:txbxContent') return this.blocks(node);
    if (node.name === 'mc:AlternateContent') {
      const pick = child(node, 'mc:Choice') ?? child(node, 'mc:Fallback');
      return pick ? this.textBoxes(pick) : [];
    }
    return node.children.flatMap((c) => this.textBoxes(c));
  }

  private table(tbl: XmlNode): Table {
    const rows: Cell[][] = [];
    const grid = children(child(tbl, 'w:tblGrid'), 'w:gridCol').map((g) => Number(attr(g, 'w:w') ?? 0) || 0);
    for (const tr of children(tbl, 'w:tr')) {
      const cells: Cell[] = [];
      let start = Number(attr(child(child(tr, 'w:trPr'), 'w:gridBefore'), 'w:val') ?? 0) || 0;
      const cellNodes = tr.children.flatMap((c) => (c.name === 'w:tc' ? [c] : c.name === 'w:sdt' ? children(child(c, 'w:sdtContent'), 'w:tc') : []));
      for (const tc of cellNodes) {
        const tcPr = child(tc, 'w:tcPr');
        const vMerge = child(tcPr, 'w:vMerge');
        const span = Math.max(1, Number(attr(child(tcPr, 'w:gridSpan'), 'w:val') ?? 1) || 1);
        cells.push({
          blocks: this.blocks(tc),
          start,
          span,
          // w:vMerge without a value (or "continue") continues the cell above; "restart" starts one.
          continued: vMerge !== undefined && attr(vMerge, 'w:val') !== 'restart',
        });
        start += span;
      }
      rows.push(cells);
    }
    return { kind: 'table', rows, grid };
  }
}

/** Segments -> lines at each break; a line is bold when all its visible characters are. */
export function linesOf(segs: Segment[]): TextLine[] {
  const lines: TextLine[] = [];
  let text = '';
  let allBold = true;
  let any = false;
  const flush = (): void => {
    lines.push({ text: text.replace(/[ \t\u00a0]+/g, ' ').trim(), bold: any && allBold });
    text = '';
    allBold = true;
    any = false;
  };
  for (const s of segs) {
    const parts = s.text.split('\n');
    parts.forEach((part, i) => {
      if (i > 0) flush();
      text += part;
      if (part.trim() !== '') {
        any = true;
        if (!s.bold) allBold = false;
      }
    });
  }
  flush();
  return lines;
}
