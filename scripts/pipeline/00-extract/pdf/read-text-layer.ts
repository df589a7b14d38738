/**
 * A PDF's text layer -> reader text per page (docs/decisions/1502-pdf-text-layer.md).
 */
import { ExtractError } from '../types.ts';
import { closePdf, openPdf } from './open.ts';
import { pageRuns } from './runs.ts';
import { groupLines } from './lines.ts';
import { runningLines } from './running-lines.ts';
import { pageText } from './page-text.ts';
import { ruledTables, type RuledTable } from './ruled-tables.ts';
import type { Line, PageGeometry, PdfTextPage, PdfTextResult } from './types.ts';

export async function readPdfTextLayer(bytes: Uint8Array, file: string): Promise<PdfTextResult> {
  const doc = await openPdf(bytes, file);
  const started = performance.now();
  try {
    const read: { lines: Line[]; tables: RuledTable[]; geometry: PageGeometry; layerChars: number; imageCover: number }[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const { runs, geometry, layerChars, rules, imageCover } = await pageRuns(doc, n);
      const { tables, rest } = ruledTables(runs, rules);
      read.push({ lines: groupLines(rest), tables, geometry, layerChars, imageCover });
    }
    // Running lines are looked for among the pages' own text only; a scan's stamp is not a running head.
    const { drop, dropped } = runningLines(read.map((p) => (p.layerChars > 0 ? p.lines : [])));
    const pages: PdfTextPage[] = read.map((p, i) => ({
      n: i + 1,
      text: pageText(p.lines.filter((_, k) => !drop[i]!.has(k)), p.geometry, p.tables),
      layerChars: p.layerChars,
      imageCover: p.imageCover,
    }));
    return { pageCount: doc.numPages, pages, droppedRunning: dropped, ms: performance.now() - started };
  } catch (error) {
    if (error instanceof ExtractError) throw error;
    const message = (error as { message?: string }).message ?? String(error);
    throw new ExtractError(file, 'corrupt', `a page of the PDF cannot be read (${message}); get a sound copy of the file`);
  } finally {
    await closePdf(doc);
  }
}
