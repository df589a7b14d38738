/**
 * Step 00, extraction: a source file as offices keep it (.txt, .pdf, .docx,
 * .doc) -> the plain text the reader (steps 01–08) already reads, plus what
 * the page must say about how it was read (docs/decisions/1501-source-intake.md).
 *
 * The reader text is the line model the reader knows from the real corpus:
 * - one physical line per text line (PDF) or per paragraph (DOCX, DOC, OCR);
 * - the two header columns (issuer | motto, number | place and date) as
 *   consecutive lines, the left column's lines first, then the right one's,
 *   each column in reading order (how the header zones are read, ADR 1001);
 * - a table as a markdown pipe table: a header row, a `| --- |` separator row,
 *   then the rows, `|` inside a cell escaped as `\|` (ADR 1003);
 * - a line that is wholly bold as `**…**` (the reader's emphasis evidence);
 * - a blank line between paragraphs where the layout shows a gap;
 * - never anything that is not in the file: no headings invented, no words
 *   guessed; a split word is joined only on the glyph positions' evidence.
 */

export type SourceFormat = 'txt' | 'pdf' | 'docx' | 'doc';

/** How the text was read: told on the page, in data/documents.json and in the quality report. */
export type ExtractMethod = 'text' | 'pdf-text' | 'docx' | 'doc' | 'ocr' | 'pdf-text+ocr';

export interface OcrInfo {
  /** Engine and model, e.g. "Tesseract 5.3.0 (vie)". */
  engine: string;
  /** Mean word confidence over the OCR'd pages, 0–100, rounded to an integer. */
  confidence: number;
  /** 1-based pages read by OCR. */
  pages: number[];
  /** Words the engine was unsure of (confidence < 60), in text order, each once; for the quality report. */
  suspects: string[];
}

export interface Extracted {
  format: SourceFormat;
  method: ExtractMethod;
  /** Reader text (see above); for .txt the file's bytes go to step 01 untouched and this is unused. */
  text: string;
  /** Pages of a PDF (also a DOCX's app.xml count when present); null when unknown. */
  pages: number | null;
  ocr: OcrInfo | null;
  /** Notes for the quality report, in Vietnamese ("trang 3: lớp chữ không phải tiếng Việt, đã đọc bằng OCR"). */
  notes: string[];
  /** Milliseconds per page (or per file for DOCX/DOC), for `npm run bench` only; never written to output. */
  timings: { stage: 'pdf-text' | 'docx' | 'doc' | 'ocr'; pages: number; ms: number }[];
}

/** Why a file cannot be read; the file is held back with this reason (ADR 1004). */
export type ExtractProblem =
  | 'encrypted'
  | 'corrupt'
  | 'too-large'
  | 'not-what-it-says'
  | 'macro'
  | 'no-text-layer'
  | 'bad-text-layer'
  | 'tool-missing'
  | 'unsupported';

export class ExtractError extends Error {
  readonly file: string;
  readonly problem: ExtractProblem;
  /** English, for the editor: what is wrong and what to do. */
  readonly reason: string;
  constructor(file: string, problem: ExtractProblem, reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'ExtractError';
    this.file = file;
    this.problem = problem;
    this.reason = reason;
  }
}

/** Limits a file must keep, stated in ADR 1501 and the README. */
export const LIMITS = {
  maxFileBytes: 50 * 1024 * 1024,
  maxPages: 1000,
  /** An embedded image larger than this many pixels is not decoded. */
  maxImagePixels: 50_000_000,
  /** DOCX: total uncompressed size of the parts read (zip bombs). */
  maxUnzippedBytes: 200 * 1024 * 1024,
} as const;

/** Optional outside tools, found once per run (tools.ts). */
export interface ExtractTools {
  /** `pdftoppm` (poppler-utils) and `tesseract` with the `vie` model: OCR possible. */
  ocr: { pdftoppm: string; tesseract: string; version: string } | null;
  /** `antiword` for legacy .doc. */
  antiword: string | null;
}
