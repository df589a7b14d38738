/**
 * Step 00: a source file as offices keep it -> the reader text steps 01–08
 * read, with how it was read (types.ts; docs/decisions/1501-source-intake.md).
 *
 * Dispatch is by extension, and the file's first bytes must agree with it:
 * - .txt  -> method 'text'; the bytes go to step 01 (decoding) untouched;
 * - .pdf  -> the text layer, page by page (pdf/); a page with no text layer of
 *            its own, or one whose layer fails the check (not Vietnamese:
 *            wrong font mapping, ASCII OCR), is read by OCR and put back in
 *            page order ('pdf-text+ocr', or 'ocr' when every page was);
 * - .docx -> the WordprocessingML (docx.ts); .doc -> antiword (doc.ts).
 * Anything else in content/sources is not a source (ADR 1501: listed as an
 * error of the archive, so a stray .xlsx or .odt is not silently ignored).
 * A file over LIMITS.maxFileBytes is not opened. OCR or antiword missing on
 * a file that needs them is an ExtractError 'tool-missing' naming the apt line.
 */
import { readDoc } from './doc.ts';
import { readDocx } from './docx.ts';
import { readPage, writePage, type CacheOptions } from './cache.ts';
import { ocrPdfPages, type OcrPage, type OcrResult } from './ocr.ts';
import { joinPages, readPdf } from './pdf/index.ts';
import { EXPECTED, MAGIC_NAMES, sniff } from './sniff.ts';
import { ExtractError, LIMITS, type Extracted, type ExtractTools, type SourceFormat } from './types.ts';

export { ExtractError, LIMITS };
export type { Extracted, ExtractTools, SourceFormat };

/** Extensions content/sources accepts, and the format each names. */
export const SOURCE_EXTENSIONS: Record<string, SourceFormat> = { '.txt': 'txt', '.pdf': 'pdf', '.docx': 'docx', '.doc': 'doc' };

/** The format a file name names, or null when it is not a source (case-insensitive: "QD 01.PDF"). */
export function formatOf(file: string): SourceFormat | null {
  const m = /\.[^./\\]+$/.exec(file);
  return m ? (SOURCE_EXTENSIONS[m[0].toLowerCase()] ?? null) : null;
}

/** The Debian packages that bring the outside tools (README, .ci/run). */
export const APT_OCR = 'apt-get install poppler-utils tesseract-ocr tesseract-ocr-vie tesseract-ocr-script-viet';
export const APT_DOC = 'apt-get install antiword';

/** What a .txt source is before step 01: nothing done here. */
function textSource(): Extracted {
  return { format: 'txt', method: 'text', text: '', pages: null, ocr: null, notes: [], timings: [] };
}

function checkBytes(file: string, format: Exclude<SourceFormat, 'txt'>, bytes: Uint8Array): void {
  if (bytes.length > LIMITS.maxFileBytes) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    throw new ExtractError(file, 'too-large', `the file is ${mb(bytes.length)}, more than the limit of ${mb(LIMITS.maxFileBytes)}; split it, or save it again with smaller images`);
  }
  if (bytes.length === 0) throw new ExtractError(file, 'corrupt', 'the file is empty (0 bytes); get the file again');
  const magic = sniff(bytes);
  if (magic !== EXPECTED[format]) {
    const advice = magic === 'other' ? 'it may be damaged or not a document at all; get the file again' : 'rename it to its real extension, or save it again as the format its name says';
    throw new ExtractError(file, 'not-what-it-says', `the file is named .${format} but its bytes are ${MAGIC_NAMES[magic]}; ${advice}`);
  }
}

/** A PDF: the text layer where it holds, OCR where it does not, in page order. */
async function extractPdf(file: string, bytes: Uint8Array, tools: ExtractTools, cache: CacheOptions): Promise<Extracted> {
  const read = await readPdf(bytes, file);
  const pages = read.pages;
  const notes = [...read.notes];
  const timings: Extracted['timings'] = [...read.timings];
  const toOcr = pages.filter((p) => !p.hasTextLayer || !p.check.ok);
  if (toOcr.length === 0) {
    return { format: 'pdf', method: 'pdf-text', text: joinPages(pages), pages: pages.length, ocr: null, notes, timings };
  }
  const which = toOcr.map((p) => p.n);
  const why = toOcr.map((p) => `page ${p.n}: ${p.hasTextLayer ? p.check.reason : 'no text layer (a scan)'}`).join('; ');
  if (!tools.ocr) {
    const problem = toOcr.every((p) => !p.hasTextLayer) ? 'no text layer' : 'a text layer that is not Vietnamese text';
    throw new ExtractError(
      file,
      'tool-missing',
      `${toOcr.length} of ${pages.length} page(s) have ${problem} and must be read by OCR (${why}), but OCR is not installed on this machine: install it with \`${APT_OCR}\` and build again`,
    );
  }
  const ocr = await ocrCached(file, bytes, which, tools, cache);
  const byPage = new Map(ocr.pages.map((p) => [p.n, p.text]));
  const merged = pages.map((p) => (byPage.has(p.n) ? { ...p, text: byPage.get(p.n) ?? '' } : p));
  // The mean over pages weighs each page by its words (a half-empty page counts less).
  const words = ocr.pages.reduce((n, p) => n + p.words, 0);
  const confidence = words === 0 ? 0 : Math.round(ocr.pages.reduce((n, p) => n + p.confidence * p.words, 0) / words);
  const suspects = [...new Set(ocr.pages.flatMap((p) => p.suspects))];
  // readPdf's notes say why each page failed; this one says what was done instead.
  notes.push(`${which.length === 1 ? 'trang' : 'các trang'} ${pageList(which)} đã đọc bằng nhận dạng chữ (OCR, ${ocr.engine}), độ tin cậy trung bình ${confidence}/100`);
  timings.push({ stage: 'ocr', pages: which.length, ms: Math.round(ocr.pages.reduce((n, p) => n + p.ms, 0)) });
  return {
    format: 'pdf',
    method: which.length === pages.length ? 'ocr' : 'pdf-text+ocr',
    text: joinPages(merged),
    pages: pages.length,
    ocr: { engine: ocr.engine, confidence, pages: which, suspects },
    notes,
    timings,
  };
}

/**
 * OCR of `pages`, each page kept in the cache on its own (cache.ts): a change
 * to the text-layer reader reads the file again but not its scans.
 */
async function ocrCached(file: string, bytes: Uint8Array, pages: number[], tools: ExtractTools, cache: CacheOptions): Promise<OcrResult> {
  const engine = tools.ocr!.version;
  const have = new Map<number, OcrPage>();
  for (const n of pages) {
    const hit = readPage<OcrPage>(bytes, n, engine, cache);
    if (hit) have.set(n, hit);
  }
  const missing = pages.filter((n) => !have.has(n));
  if (missing.length > 0) {
    const done = await ocrPdfPages(bytes, file, missing, tools);
    for (const p of done.pages) {
      const value = JSON.parse(JSON.stringify(p)) as OcrPage;
      writePage(bytes, p.n, engine, value, cache);
      have.set(p.n, value);
    }
  }
  return { pages: pages.map((n) => have.get(n)!).filter(Boolean), engine };
}

/** "1–7", "2, 5–6": pages as a reader writes them. */
function pageList(pages: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < pages.length; ) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++;
    out.push(j > i ? `${pages[i]}–${pages[j]}` : `${pages[i]}`);
    i = j + 1;
  }
  return out.join(', ');
}

async function extractDoc(file: string, bytes: Uint8Array, tools: ExtractTools): Promise<Extracted> {
  if (!tools.antiword) {
    throw new ExtractError(file, 'tool-missing', `a Word 97–2003 (.doc) file is read with antiword, which is not installed on this machine: install it with \`${APT_DOC}\`, or save the file as .docx, and build again`);
  }
  return readDoc(bytes, file, tools.antiword);
}

/**
 * Read one source file. Throws ExtractError (held back by name, ADR 1004)
 * for a file that cannot be read; an unknown extension is the caller's to
 * refuse (formatOf() === null), and is refused here as 'unsupported' too.
 */
export async function extractSource(file: string, bytes: Uint8Array, tools: ExtractTools, { cache = {} }: { cache?: CacheOptions } = {}): Promise<Extracted> {
  const format = formatOf(file);
  if (format === null) throw new ExtractError(file, 'unsupported', `not a source format: content/sources takes .txt, .pdf, .docx and .doc files`);
  if (format === 'txt') return textSource();
  checkBytes(file, format, bytes);
  if (format === 'pdf') return extractPdf(file, bytes, tools, cache);
  if (format === 'docx') return readDocx(bytes, file);
  return extractDoc(file, bytes, tools);
}
