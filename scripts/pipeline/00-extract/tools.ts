/**
 * The optional outside tools of step 00, found once per run: poppler's
 * `pdftoppm`/`pdfinfo` and `tesseract` with its two Vietnamese models for
 * scanned pages, `antiword` for legacy .doc (docs/decisions/1504-ocr.md).
 *
 * A missing tool is not an error here: the extractor that needs it holds the
 * file back with reason 'tool-missing'. `ARCHIVE_OCR=0` turns OCR off on
 * purpose (a fast local build): scans are then held back the same way.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { ExtractTools } from './types.ts';

const run = promisify(execFile);

/**
 * The Tesseract models the OCR reads with, in Tesseract's `-l` order: the
 * Vietnamese script model (Debian tesseract-ocr-script-viet), which reads the
 * header's bold capitals (ĐỒNG, QUYẾT, VỀ) that the language model alone
 * misreads, and the language model (tesseract-ocr-vie). Both are required, so
 * every machine that OCRs gives the same text (ADR 1504).
 */
export const OCR_MODELS = ['Vietnamese', 'vie'] as const;
export const OCR_LANG = OCR_MODELS.join('+');
/** What to install when a model is missing. */
const MODEL_PACKAGES: Record<(typeof OCR_MODELS)[number], string> = { Vietnamese: 'tesseract-ocr-script-viet', vie: 'tesseract-ocr-vie' };

type Env = Record<string, string | undefined>;

const found = new Map<string, Promise<ExtractTools>>();

/** Tools on PATH; memoised per PATH, TESSDATA_PREFIX and ARCHIVE_OCR, so one run asks once. */
export function findTools(env: Env = process.env): Promise<ExtractTools> {
  const key = JSON.stringify([env.PATH ?? '', env.TESSDATA_PREFIX ?? '', env.ARCHIVE_OCR ?? '']);
  let tools = found.get(key);
  if (!tools) {
    tools = lookUp(env);
    found.set(key, tools);
  }
  return tools;
}

/** Whether the env asks for no OCR (`ARCHIVE_OCR=0`, also `false`/`off`/`no`). */
export function ocrTurnedOff(env: Env): boolean {
  return /^(0|false|off|no)$/i.test((env.ARCHIVE_OCR ?? '').trim());
}

/** `pdfinfo` ships with `pdftoppm` (poppler-utils); the OCR reads page sizes with it. */
export function pdfinfoBeside(pdftoppm: string): string {
  return join(dirname(pdftoppm), 'pdfinfo');
}

async function lookUp(env: Env): Promise<ExtractTools> {
  const [pdftoppm, pdfinfo, tesseract, antiword] = await Promise.all([onPath('pdftoppm', env), onPath('pdfinfo', env), onPath('tesseract', env), onPath('antiword', env)]);
  const ocr =
    ocrTurnedOff(env) || !pdftoppm || !tesseract || pdfinfo !== pdfinfoBeside(pdftoppm) ? null : await tesseractWithModels(pdftoppm, tesseract, env);
  return { ocr, antiword };
}

async function onPath(name: string, env: Env): Promise<string | null> {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const file = join(dir, name);
    try {
      await access(file, constants.X_OK);
      return file;
    } catch {
      // not in this directory
    }
  }
  return null;
}

/**
 * Tesseract's version line and the identity of its models (a sha256 prefix of
 * each traineddata file): the engine string changes when either changes, so
 * cached OCR text is never reused across a model update. Null when a model is
 * not installed.
 */
async function tesseractWithModels(pdftoppm: string, tesseract: string, env: Env): Promise<NonNullable<ExtractTools['ocr']> | null> {
  try {
    const opts = { env: env as NodeJS.ProcessEnv, timeout: 30_000, maxBuffer: 1024 * 1024 };
    const version = await run(tesseract, ['--version'], opts);
    // 5.x prints the version on stdout, 4.x on stderr.
    const versionLine = /tesseract\s+v?(\d[\w.-]*)/i.exec(`${version.stdout}\n${version.stderr}`)?.[1];
    const langs = await run(tesseract, ['--list-langs'], opts);
    const listing = `${langs.stdout}\n${langs.stderr}`;
    const installed = new Set(listing.split(/\r?\n/).map((l) => l.trim()));
    const dir = /List of available languages in "([^"]+)"/.exec(listing)?.[1];
    if (!versionLine || !dir || OCR_MODELS.some((m) => !installed.has(m))) return null;
    const ids: string[] = [];
    for (const model of OCR_MODELS) {
      const bytes = await readFile(join(dir, `${model}.traineddata`));
      ids.push(`${model} ${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}`);
    }
    return { pdftoppm, tesseract, version: `Tesseract ${versionLine} (${ids.join(', ')})` };
  } catch {
    return null;
  }
}

/**
 * Why OCR is off, for the build's message and a test's skip reason (English,
 * for the editor); null when it is on.
 */
export async function whyNoOcr(env: Env = process.env): Promise<string | null> {
  if (ocrTurnedOff(env)) return 'OCR is turned off (ARCHIVE_OCR=0)';
  if ((await findTools(env)).ocr) return null;
  const [pdftoppm, pdfinfo, tesseract] = await Promise.all([onPath('pdftoppm', env), onPath('pdfinfo', env), onPath('tesseract', env)]);
  if (!pdftoppm || !pdfinfo) return 'pdftoppm/pdfinfo not found on PATH: install poppler-utils';
  if (!tesseract) return `tesseract not found on PATH: install tesseract-ocr ${Object.values(MODEL_PACKAGES).join(' ')}`;
  return `tesseract lacks a model it needs (${OCR_LANG}): install ${Object.values(MODEL_PACKAGES).join(' ')}`;
}
