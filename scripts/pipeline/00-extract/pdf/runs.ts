/**
 * One page -> its text runs with position, size and weight, in the page's
 * display coordinates (points, origin top-left, y down, /Rotate applied).
 */
import { getResolvedPDFJS } from 'unpdf';
import type { PdfDocument } from './open.ts';
import type { PageGeometry, TextRun } from './types.ts';
import { fontIsBold } from './fonts.ts';
import { drawnWords, type DrawnWord } from './drawn-text.ts';
import { pageRules, unitSquareCover, type Rules } from './rules.ts';

type Matrix = [number, number, number, number, number, number];

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  fontName: string;
}

const mul = (m: Matrix, n: number[]): Matrix => [
  m[0] * n[0]! + m[2] * n[1]!,
  m[1] * n[0]! + m[3] * n[1]!,
  m[0] * n[2]! + m[2] * n[3]!,
  m[1] * n[2]! + m[3] * n[3]!,
  m[0] * n[4]! + m[2] * n[5]! + m[4],
  m[1] * n[4]! + m[3] * n[5]! + m[5],
];

export interface PageRuns {
  geometry: PageGeometry;
  runs: TextRun[];
  /** Characters of the page's own text layer (not stamps), whitespace excluded. */
  layerChars: number;
  /** Drawn horizontal and vertical rules (table borders). */
  rules: Rules;
  /** Share of the page covered by the largest drawn unit square (an image's place). */
  imageCover: number;
}

export async function pageRuns(doc: PdfDocument, n: number): Promise<PageRuns> {
  const pdfjs = await getResolvedPDFJS();
  const page = await doc.getPage(n);
  const viewport = page.getViewport({ scale: 1 });
  const view = viewport.transform as Matrix;
  const content = await page.getTextContent();
  // The operator list loads the fonts (their real names tell bold) and holds the stamps' text.
  const ops = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.ENABLE });
  const OPS = pdfjs.OPS as unknown as Record<string, number>;
  // White text is not on the page (a template's placeholder under a stamp): its runs are left out.
  const white = drawnWords(ops, OPS, page.commonObjs, view, 'page').filter((w) => w.white);
  const runs: TextRun[] = [];
  let layerChars = 0;
  for (const raw of content.items) {
    if (!('str' in raw)) continue;
    const item = raw as TextItem;
    const str = item.str.normalize('NFC');
    if (str.trim() === '') continue;
    const m = mul(view, item.transform);
    // Only horizontal text; rotated runs (a vertical margin note, a rotated watermark) are not lines of the document.
    if (Math.abs(m[1]) > 0.01 * Math.abs(m[0]) || m[0] <= 0) continue;
    const run: TextRun = {
      str,
      x: m[4],
      y: m[5],
      width: item.width * Math.hypot(view[0], view[1]),
      size: Math.hypot(m[2], m[3]),
      bold: fontIsBold(page.commonObjs, item.fontName),
      stamp: false,
    };
    if (![run.x, run.y, run.width, run.size].every(Number.isFinite)) continue;
    if (isWhite(run, white)) continue;
    layerChars += str.replace(/\s/g, '').length;
    runs.push(run);
  }
  for (const word of drawnWords(ops, OPS, page.commonObjs, view, 'annotations')) {
    if (word.white || ![word.x, word.y, word.width, word.size].every(Number.isFinite)) continue;
    const { white: _white, ...run } = word;
    runs.push({ ...run, str: run.str.normalize('NFC') });
  }
  const rules = pageRules(ops, OPS, view);
  const imageCover = unitSquareCover(ops, OPS, viewport.width * viewport.height);
  page.cleanup();
  return { geometry: { width: viewport.width, height: viewport.height }, runs, layerChars, rules, imageCover };
}

/** A text-content run that white words cover: each of its characters is drawn in white at its place. */
function isWhite(run: TextRun, white: DrawnWord[]): boolean {
  if (white.length === 0) return false;
  const near = white.filter((w) => Math.abs(w.y - run.y) < 0.5 * run.size && w.x < run.x + run.width + 1 && w.x + w.width > run.x - 1);
  const drawn = near.map((w) => w.str).join('').replace(/\s/g, '');
  const own = run.str.replace(/\s/g, '');
  return own !== '' && drawn.length >= own.length && own.split('').every((ch) => drawn.includes(ch));
}
