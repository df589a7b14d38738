/**
 * OCR of scanned PDF pages: each page rendered by poppler's `pdftoppm`
 * (300 dpi, grey) and read by Tesseract's Vietnamese model as TSV, whose word
 * boxes give the reader text (ocr-layout.ts), the confidence and the suspect
 * words (docs/decisions/1504-ocr.md). Tools come from tools.ts; nothing from
 * the file is ever run, and the tools get argument arrays, never a shell.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { readOcrPage } from './ocr-layout.ts';
import { OCR_LANG, pdfinfoBeside } from './tools.ts';
import { ExtractError, LIMITS, type ExtractTools } from './types.ts';

const run = promisify(execFile);

/** Tesseract's own sweet spot, and measured best on the corpus scans (ADR 1504). */
export const OCR_DPI = 300;
/** "A single column of text of variable sizes": keeps a table row or a header row on one line. */
export const OCR_PSM = 4;
/** Two cores: two pages at once. */
const PARALLEL_PAGES = 2;
const PAGE_TIMEOUT_MS = 120_000;
const MAX_BUFFER = 64 * 1024 * 1024;

export interface OcrPage {
  /** 1-based page number. */
  n: number;
  text: string;
  /** Mean word confidence, 0–100; 0 when the page has no words. */
  confidence: number;
  /** Words read with confidence < 60, each once, in text order. */
  suspects: string[];
  /** Words with a confidence, to weigh the page in a mean over pages. */
  words: number;
  /** Milliseconds (render + OCR), for the bench only. */
  ms: number;
}

export interface OcrResult {
  pages: OcrPage[];
  /** Engine and model identity, e.g. "Tesseract 5.3.0 (vie 79df64caf7bc)". */
  engine: string;
}

export async function ocrPdfPages(pdf: Uint8Array, file: string, pages: number[], tools: ExtractTools): Promise<OcrResult> {
  const ocr = tools.ocr;
  if (!ocr) throw new ExtractError(file, 'tool-missing', 'OCR needs pdftoppm (poppler-utils) and tesseract with its Vietnamese models (tesseract-ocr-vie, tesseract-ocr-script-viet), or it was turned off (ARCHIVE_OCR=0); the scan stays held back until then');
  const wanted = [...new Set(pages)].sort((a, b) => a - b);
  const dir = await mkdtemp(join(tmpdir(), 'archive-ocr-'));
  try {
    const input = join(dir, 'in.pdf');
    await writeFile(input, pdf, { mode: 0o600 });
    if (wanted.length === 0) return { pages: [], engine: ocr.version };
    await checkPageSizes(pdfinfoBeside(ocr.pdftoppm), input, file, wanted);
    const out = await inParallel(wanted, PARALLEL_PAGES, (n) => ocrPage(ocr, input, dir, file, n));
    return { pages: out, engine: ocr.version };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Child env: one OpenMP thread, so Tesseract sums its floats in one order and two runs agree. */
const childEnv = (): NodeJS.ProcessEnv => ({ ...process.env, OMP_THREAD_LIMIT: '1' });

async function ocrPage(ocr: NonNullable<ExtractTools['ocr']>, input: string, dir: string, file: string, n: number): Promise<OcrPage> {
  const started = performance.now();
  const stem = join(dir, `page-${n}`);
  const png = `${stem}.png`;
  const opts = { env: childEnv(), timeout: PAGE_TIMEOUT_MS, maxBuffer: MAX_BUFFER };
  let tsv: string;
  try {
    await run(ocr.pdftoppm, ['-r', String(OCR_DPI), '-gray', '-png', '-singlefile', '-f', String(n), '-l', String(n), input, stem], opts);
    tsv = (await run(ocr.tesseract, [png, 'stdout', '-l', OCR_LANG, '--psm', String(OCR_PSM), 'tsv'], { ...opts, encoding: 'utf8' })).stdout;
  } catch (e) {
    throw new ExtractError(file, 'corrupt', `page ${n} could not be read by OCR (${toolFailure(e)}); check that the page opens in a PDF viewer`);
  } finally {
    await rm(png, { force: true });
  }
  const page = readOcrPage(tsv, n === 1);
  return { n, text: page.text, confidence: page.confidence ?? 0, suspects: page.suspects, words: page.words, ms: Math.round(performance.now() - started) };
}

/**
 * A page larger than LIMITS.maxImagePixels at OCR_DPI is not rendered (a
 * poster-sized page would take gigabytes): the file is held back naming it.
 */
async function checkPageSizes(pdfinfo: string, input: string, file: string, pages: number[]): Promise<void> {
  const last = pages[pages.length - 1]!;
  let info: string;
  try {
    // From page 1: pdfinfo cuts a range at the last page, so a page past the end shows as missing.
    info = (await run(pdfinfo, ['-f', '1', '-l', String(last), input], { env: childEnv(), timeout: PAGE_TIMEOUT_MS, maxBuffer: MAX_BUFFER, encoding: 'utf8' })).stdout;
  } catch (e) {
    const why = toolFailure(e);
    if (/password/i.test(why)) throw new ExtractError(file, 'encrypted', 'the PDF is password-protected; ask the office for an open copy');
    throw new ExtractError(file, 'corrupt', `the PDF cannot be opened (${why}); ask the office for a new copy`);
  }
  const sizes = new Map<number, { w: number; h: number }>();
  for (const m of info.matchAll(/^Page\s+(\d+)\s+size:\s+([\d.]+)\s+x\s+([\d.]+)\s+pts/gm)) sizes.set(Number(m[1]), { w: Number(m[2]), h: Number(m[3]) });
  for (const n of pages) {
    const size = Number.isInteger(n) && n >= 1 ? sizes.get(n) : undefined;
    if (!size) throw new ExtractError(file, 'corrupt', `page ${n} is not in the PDF (pdfinfo gives no size for it)`);
    const pixels = Math.ceil((size.w / 72) * OCR_DPI) * Math.ceil((size.h / 72) * OCR_DPI);
    if (pixels > LIMITS.maxImagePixels) {
      throw new ExtractError(
        file,
        'too-large',
        `page ${n} is ${Math.round(size.w)} x ${Math.round(size.h)} pt: ${Math.round(pixels / 1e6)} million pixels at ${OCR_DPI} dpi, over the limit of ${LIMITS.maxImagePixels / 1e6} million; not read`,
      );
    }
  }
}

function toolFailure(e: unknown): string {
  if (typeof e !== 'object' || e === null) return String(e);
  const err = e as { killed?: boolean; signal?: string | null; code?: unknown; stderr?: unknown; message?: string };
  if (err.killed && err.signal) return `stopped after ${PAGE_TIMEOUT_MS / 1000} s`;
  if (err.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') return 'output too large';
  const stderr = typeof err.stderr === 'string' ? err.stderr.trim().split('\n').slice(-2).join(' ') : '';
  return stderr || err.message || 'tool failed';
}

/**
 * Runs `job` on each item, at most `limit` at a time; results in the items'
 * order. After a failure no new job starts, and the first error is thrown once
 * the running ones end (the temp dir is removed only after that).
 */
async function inParallel<T, R>(items: T[], limit: number, job: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed: { error: unknown } | null = null;
  const worker = async (): Promise<void> => {
    while (next < items.length && !failed) {
      const i = next++;
      try {
        results[i] = await job(items[i]!);
      } catch (error) {
        failed ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failed) throw (failed as { error: unknown }).error;
  return results;
}
