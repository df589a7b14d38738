/**
 * PDF text layer, step 00 (docs/decisions/1502-pdf-text-layer.md).
 *
 * `readPdf` reads every page's text layer into reader text and judges it.
 * Scanned pages (no text layer over an image) and pages whose layer is not
 * Vietnamese text are left out of `text` and listed in `pages` with
 * `check.ok === false`: the caller OCRs them and splices the OCR text in at the
 * page's place with `joinPages`. A blank page (no text layer, no image) passes.
 */
import type { Extracted } from '../types.ts';
import { readPdfTextLayer } from './read-text-layer.ts';
import { textLayerCheck } from './text-layer-check.ts';
import type { PdfPage } from './types.ts';

export { readPdfTextLayer } from './read-text-layer.ts';
export { textLayerCheck } from './text-layer-check.ts';
export type { PdfPage, PdfTextPage, PdfTextResult, TextLayerCheck } from './types.ts';

/** A page whose own layer has fewer characters than this has no text layer (a scan, maybe with a stamp's text). */
export const MIN_LAYER_CHARS = 20;
/** An image covering at least this share of a page without a text layer makes it a scan (else it is blank). */
export const MIN_IMAGE_COVER = 0.25;

export interface PdfReading {
  pages: PdfPage[];
  /** Reader text of the pages whose check passed, in page order. */
  text: string;
  pageCount: number;
  /** Notes for the quality report, in Vietnamese. */
  notes: string[];
  timings: Extracted['timings'];
}

/** Joins pages' reader texts in page order, a blank line between pages (a page break is a paragraph break). */
export function joinPages(pages: { n: number; text: string }[]): string {
  return [...pages]
    .sort((a, b) => a.n - b.n)
    .map((p) => p.text.trim())
    .filter((t) => t !== '')
    .join('\n\n');
}

export async function readPdf(bytes: Uint8Array, file: string): Promise<PdfReading> {
  const layer = await readPdfTextLayer(bytes, file);
  const pages: PdfPage[] = layer.pages.map((p) => {
    const hasTextLayer = p.layerChars >= MIN_LAYER_CHARS;
    const scan = p.imageCover >= MIN_IMAGE_COVER;
    const check = hasTextLayer
      ? textLayerCheck(p.text)
      : scan
        ? { ok: false, reason: `no text layer (${p.layerChars} characters) over an image covering ${Math.round(p.imageCover * 100)}% of the page: a scan, needs OCR` }
        : { ok: true, reason: `blank page: ${p.layerChars} characters of text and no image` };
    return { n: p.n, text: p.text, hasTextLayer, check };
  });
  const notes: string[] = [];
  for (const p of pages) {
    if (p.check.ok) continue;
    notes.push(p.hasTextLayer ? `trang ${p.n}: lớp chữ không phải tiếng Việt đúng (${p.check.reason})` : `trang ${p.n}: không có lớp chữ (bản quét), cần OCR`);
  }
  if (layer.droppedRunning.length > 0) {
    const counts = new Map<string, number>();
    for (const t of layer.droppedRunning) counts.set(t, (counts.get(t) ?? 0) + 1);
    const shown = [...counts].map(([t, c]) => (c > 1 ? `"${t}" (${c})` : `"${t}"`)).slice(0, 5).join(', ');
    notes.push(`đã bỏ ${layer.droppedRunning.length} số trang (dòng lặp lại cùng chỗ trên các trang): ${shown}`);
  }
  return {
    pages,
    text: joinPages(pages.filter((p) => p.check.ok)),
    pageCount: layer.pageCount,
    notes,
    timings: [{ stage: 'pdf-text', pages: layer.pageCount, ms: Math.round(layer.ms) }],
  };
}
