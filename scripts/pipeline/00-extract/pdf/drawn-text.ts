/**
 * Text as the operator list draws it, word by word, with its fill colour: a
 * small text-state machine (CTM, text matrix, font size, spacing) that places
 * each shown word on the page. Two uses:
 * - stamps: an e-signed Vietnamese document often gets its number and date
 *   stamped into signature fields after signing ("Số: 01 /2025", "ngày 15
 *   tháng 01"); that text is in the fields' appearance streams, which pdf.js's
 *   text content leaves out (scope 'annotations');
 * - white text: a template's placeholder typed in white ("Số: 0 7/2024",
 *   "ngày 30" in 03, under the stamped "70" and "12") is in the text layer but
 *   not on the page (scope 'page', then `white`).
 */
import type { TextRun } from './types.ts';
import { fontIsBold } from './fonts.ts';
import { asMatrix, IDENTITY, mul, type Matrix } from './matrix.ts';


interface OperatorList {
  fnArray: number[];
  argsArray: unknown[];
}

interface Glyph {
  unicode?: string;
  width?: number;
  isSpace?: boolean;
}

interface Ops {
  [name: string]: number;
}


export interface DrawnWord extends TextRun {
  /** Filled in pure white (#ffffff) with a filling render mode: not visible on the page. */
  white: boolean;
}

interface GraphicsState {
  ctm: Matrix;
  fill: string;
}

/**
 * Words drawn inside annotations ('annotations') or by the page's own content
 * ('page'), in page coordinates mapped by `view` (the viewport transform: y
 * down, rotation applied).
 */
export function drawnWords(
  list: OperatorList,
  OPS: Ops,
  fonts: { has(id: string): boolean; get(id: string): unknown },
  view: Matrix,
  scope: 'annotations' | 'page',
): DrawnWord[] {
  const runs: DrawnWord[] = [];
  let depth = 0;
  let ctm: Matrix = view;
  let fill = '#000000';
  let renderMode = 0;
  const stack: GraphicsState[] = [];
  let tm: Matrix = IDENTITY;
  let tlm: Matrix = IDENTITY;
  let font = '';
  let size = 0;
  let leading = 0;
  let hScale = 1;
  let charSpacing = 0;
  let wordSpacing = 0;
  // One run per word: a stamp may fill two blanks with one string ("22", spaces, "12" around a printed "tháng").
  const show = (glyphs: unknown[]) => {
    let advance = 0;
    let word = '';
    let wordStart = 0;
    const full = mul(ctm, tm);
    const flush = () => {
      if (word !== '') {
        const start = mul(full, [1, 0, 0, 1, wordStart, 0]);
        runs.push({
          str: word,
          x: start[4],
          y: start[5],
          width: Math.abs((advance - wordStart) * Math.hypot(full[0], full[1])),
          size: Math.abs(size * Math.hypot(full[2], full[3])),
          bold: fontIsBold(fonts, font),
          stamp: scope === 'annotations',
          // Fill-only render modes (0, 4); a stroked outline (1, 2, 5, 6) may show.
          white: fill === '#ffffff' && (renderMode === 0 || renderMode === 4),
        });
      }
      word = '';
    };
    for (const g of glyphs) {
      if (typeof g === 'number') {
        advance -= (g / 1000) * size * hScale;
        continue;
      }
      const glyph = g as Glyph;
      const ch = glyph.unicode ?? '';
      if (ch.trim() === '') flush();
      else {
        if (word === '') wordStart = advance;
        word += ch;
      }
      advance += (((glyph.width ?? 0) / 1000) * size + charSpacing + (glyph.isSpace ? wordSpacing : 0)) * hScale;
    }
    flush();
    tm = mul(tm, [1, 0, 0, 1, advance, 0]);
  };
  const nextLine = () => {
    tlm = mul(tlm, [1, 0, 0, 1, 0, -leading]);
    tm = tlm;
  };
  for (let i = 0; i < list.fnArray.length; i++) {
    const op = list.fnArray[i];
    const args = (list.argsArray[i] ?? []) as unknown[];
    if (op === OPS.beginAnnotation) {
      depth++;
      stack.push({ ctm, fill });
      ctm = mul(mul(ctm, asMatrix(args[2])), asMatrix(args[3]));
      continue;
    }
    if (op === OPS.endAnnotation) {
      depth = Math.max(0, depth - 1);
      ({ ctm, fill } = stack.pop() ?? { ctm: view, fill: '#000000' });
      continue;
    }
    if ((scope === 'annotations') !== depth > 0) continue;
    switch (op) {
      case OPS.save:
        stack.push({ ctm, fill });
        break;
      case OPS.restore:
        ({ ctm, fill } = stack.pop() ?? { ctm: view, fill: '#000000' });
        break;
      case OPS.transform:
        ctm = mul(ctm, asMatrix(args));
        break;
      case OPS.paintFormXObjectBegin:
        stack.push({ ctm, fill });
        ctm = mul(ctm, asMatrix(args[0]));
        break;
      case OPS.paintFormXObjectEnd:
        ({ ctm, fill } = stack.pop() ?? { ctm: view, fill: '#000000' });
        break;
      case OPS.setFillRGBColor:
        fill = String(args[0]).toLowerCase();
        break;
      case OPS.setFillGray:
      case OPS.setFillColor:
      case OPS.setFillColorN:
      case OPS.setFillCMYKColor:
      case OPS.setFillColorSpace:
      case OPS.setFillTransparent:
        fill = '';
        break;
      case OPS.setTextRenderingMode:
        renderMode = Number(args[0]);
        break;
      case OPS.beginText:
        tm = IDENTITY;
        tlm = IDENTITY;
        break;
      case OPS.setFont:
        font = String(args[0]);
        size = Number(args[1]);
        break;
      case OPS.setLeading:
        leading = Number(args[0]);
        break;
      case OPS.setHScale:
        hScale = Number(args[0]) / 100;
        break;
      case OPS.setCharSpacing:
        charSpacing = Number(args[0]);
        break;
      case OPS.setWordSpacing:
        wordSpacing = Number(args[0]);
        break;
      case OPS.setTextMatrix:
        tlm = asMatrix(args[0] !== null && typeof args[0] === 'object' ? args[0] : args);
        tm = tlm;
        break;
      case OPS.moveText:
        tlm = mul(tlm, [1, 0, 0, 1, Number(args[0]), Number(args[1])]);
        tm = tlm;
        break;
      case OPS.setLeadingMoveText:
        leading = -Number(args[1]);
        tlm = mul(tlm, [1, 0, 0, 1, Number(args[0]), Number(args[1])]);
        tm = tlm;
        break;
      case OPS.nextLine:
        nextLine();
        break;
      case OPS.showText:
      case OPS.showSpacedText:
        show((args[0] ?? []) as unknown[]);
        break;
      case OPS.nextLineShowText:
        nextLine();
        show((args[0] ?? []) as unknown[]);
        break;
      case OPS.nextLineSetSpacingShowText:
        wordSpacing = Number(args[0]);
        charSpacing = Number(args[1]);
        nextLine();
        show((args[2] ?? []) as unknown[]);
        break;
      default:
        break;
    }
  }
  return runs;
}
