/**
 * Drawn rules of a page: the thin horizontal and vertical strokes or filled
 * bars that Word, LibreOffice and Aspose draw for table borders. Read from the
 * operator list's paths (pdf.js 6: `constructPath(paintOp, [drawOps], minMax)`,
 * drawOps = moveTo 0, lineTo 1, curveTo 2, quadraticCurveTo 3, closePath 4),
 * each subpath's box mapped through the current transform to the page's
 * display coordinates. Clip-only paths (endPath) are not rules.
 */

import { asMatrix, mul, type Matrix } from './matrix.ts';

export interface Rule {
  /** Horizontal: y fixed, from a to b along x. Vertical: x fixed, from a to b along y. */
  at: number;
  a: number;
  b: number;
}

export interface Rules {
  horizontal: Rule[];
  vertical: Rule[];
}

interface OperatorList {
  fnArray: number[];
  argsArray: unknown[];
}

/** A bar thinner than this (points) is a rule. */
const THIN = 2.5;
/** And at least this long. */
const MIN_LENGTH = 4;


const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** Bounding boxes of the subpaths of one path, in its own coordinates. */
function subpathBoxes(ops: ArrayLike<number>): [number, number, number, number][] {
  const boxes: [number, number, number, number][] = [];
  let box: [number, number, number, number] | null = null;
  const add = (x: number, y: number) => {
    if (box === null) box = [x, y, x, y];
    else box = [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)];
  };
  let i = 0;
  while (i < ops.length) {
    const op = ops[i++];
    if (op === 0) {
      if (box !== null) boxes.push(box);
      box = null;
      add(ops[i]!, ops[i + 1]!);
      i += 2;
    } else if (op === 1) {
      add(ops[i]!, ops[i + 1]!);
      i += 2;
    } else if (op === 2) {
      add(ops[i + 4]!, ops[i + 5]!);
      i += 6;
    } else if (op === 3) {
      add(ops[i + 2]!, ops[i + 3]!);
      i += 4;
    } else if (op !== 4) {
      break; // an op this reader does not know: stop rather than misread
    }
  }
  if (box !== null) boxes.push(box);
  return boxes;
}

export function pageRules(list: OperatorList, OPS: Record<string, number>, view: Matrix): Rules {
  const horizontal: Rule[] = [];
  const vertical: Rule[] = [];
  const painting = new Set([OPS.stroke, OPS.closeStroke, OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const stroking = new Set([OPS.stroke, OPS.closeStroke]);
  let ctm: Matrix = view;
  const stack: Matrix[] = [];
  let inAnnotation = 0;
  for (let i = 0; i < list.fnArray.length; i++) {
    const op = list.fnArray[i];
    const args = (list.argsArray[i] ?? []) as unknown[];
    if (op === OPS.beginAnnotation) inAnnotation++;
    else if (op === OPS.endAnnotation) inAnnotation--;
    if (op === OPS.save) stack.push(ctm);
    else if (op === OPS.restore) ctm = stack.pop() ?? view;
    else if (op === OPS.transform) ctm = mul(ctm, asMatrix(args));
    else if (op === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      ctm = mul(ctm, asMatrix(args[0]));
    } else if (op === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? view;
    else if (op === OPS.constructPath && inAnnotation === 0 && painting.has(args[0] as number)) {
      const data = (args[1] as unknown[] | undefined)?.[0];
      if (data === null || data === undefined || typeof (data as ArrayLike<number>).length !== 'number') continue;
      for (const [x0, y0, x1, y1] of subpathBoxes(data as ArrayLike<number>)) {
        const [ax, ay] = apply(ctm, x0, y0);
        const [bx, by] = apply(ctm, x1, y1);
        const left = Math.min(ax, bx);
        const right = Math.max(ax, bx);
        const top = Math.min(ay, by);
        const bottom = Math.max(ay, by);
        const w = right - left;
        const h = bottom - top;
        if (h <= THIN && w >= MIN_LENGTH) horizontal.push({ at: (top + bottom) / 2, a: left, b: right });
        else if (w <= THIN && h >= MIN_LENGTH) vertical.push({ at: (left + right) / 2, a: top, b: bottom });
        else if (stroking.has(args[0] as number) && w >= MIN_LENGTH && h >= MIN_LENGTH) {
          // A stroked rectangle (a cell's border drawn as one box): its four edges.
          horizontal.push({ at: top, a: left, b: right }, { at: bottom, a: left, b: right });
          vertical.push({ at: left, a: top, b: bottom }, { at: right, a: top, b: bottom });
        }
      }
    }
  }
  return { horizontal, vertical };
}

/**
 * The largest share of the page that one drawn unit square covers. Images are
 * drawn into the unit square, so a scan's page image shows as a transform to
 * about the page's size (13: `cm 594.36 0 0 837.36 0 0`), even though images
 * are never decoded here (maxImageSize). Text and rules never scale that far.
 * A page with no text layer and no such square is blank, not a scan.
 */
export function unitSquareCover(list: OperatorList, OPS: Record<string, number>, pageArea: number): number {
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  let largest = 0;
  for (let i = 0; i < list.fnArray.length; i++) {
    const op = list.fnArray[i];
    const args = (list.argsArray[i] ?? []) as unknown[];
    if (op === OPS.save) stack.push(ctm);
    else if (op === OPS.restore) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (op === OPS.transform) ctm = mul(ctm, asMatrix(args));
    else if (op === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      ctm = mul(ctm, asMatrix(args[0]));
    } else if (op === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else continue;
    largest = Math.max(largest, Math.abs(ctm[0] * ctm[3] - ctm[1] * ctm[2]));
  }
  return pageArea > 0 ? largest / pageArea : 0;
}
