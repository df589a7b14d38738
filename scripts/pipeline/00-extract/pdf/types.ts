/**
 * Shapes inside the PDF text-layer reader (docs/decisions/1502-pdf-text-layer.md).
 * Coordinates are PDF user space of the page: origin bottom-left, y grows up.
 */

/** One run of text as the PDF draws it (a pdf.js text item, or the text of a stamp's appearance). */
export interface TextRun {
  str: string;
  /** Left edge and baseline. */
  x: number;
  y: number;
  width: number;
  /** Font size in points (the text matrix's vertical scale). */
  size: number;
  bold: boolean;
  /** Drawn by an annotation's appearance (an e-signature stamp's number or date), not by the page. */
  stamp: boolean;
}

/** Runs sharing one baseline, in x order. */
export interface Line {
  y: number;
  /** The most common font size on the line. */
  size: number;
  runs: TextRun[];
}

/** A line's text between two wide gaps. */
export interface Segment {
  text: string;
  x0: number;
  x1: number;
  bold: boolean;
}

export interface PageGeometry {
  width: number;
  height: number;
}

/** A page as read from its text layer, before the check. */
export interface PdfTextPage {
  /** 1-based. */
  n: number;
  /** Reader text of the page (types.ts of step 00), without a trailing newline. */
  text: string;
  /** Characters the page's own text layer draws (stamps' appearances not counted). */
  layerChars: number;
  /** Share of the page that its largest image (or form) covers, 0–1 (rules.ts unitSquareCover). */
  imageCover: number;
}

export interface PdfTextResult {
  pageCount: number;
  pages: PdfTextPage[];
  /** Lines dropped as running heads or footers (same text at the same place on most pages), for the notes. */
  droppedRunning: string[];
  /** Milliseconds spent reading the pages' text layers. */
  ms: number;
}

/** How a page's text layer was judged (text-layer-check.ts). */
export interface TextLayerCheck {
  ok: boolean;
  reason: string;
}

export interface PdfPage {
  n: number;
  text: string;
  /** The page draws text of its own (not only an e-signature stamp). */
  hasTextLayer: boolean;
  check: TextLayerCheck;
}
