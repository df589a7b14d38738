/**
 * Extraction results kept on disk: reading a 78-page PDF takes seconds, OCR
 * seconds per page, and every convert (and every test that converts the
 * shipped archive) reads the same files again (ADR 1501, "Cache").
 *
 * Key: sha256 of the file's bytes, the extractor's identity (a digest of the
 * step-00 code itself and of the PDF library's version, so a change to any
 * extractor invalidates every entry without a version number to remember)
 * and the outside tools used (Tesseract's version, antiword present or not).
 * An entry is one JSON file, written to a temporary name and renamed, so a
 * reader never sees half an entry; one that does not parse or does not match
 * its key is ignored and written again. A hit gives exactly what the cold
 * run gave (the stored Extracted), so the convert's output is byte-identical.
 *
 * Folder: `.cache/extract/` in the project (gitignored); ARCHIVE_CACHE_DIR
 * moves it (CI, a read-only checkout). The file name is not in any output.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Extracted, ExtractTools } from './types.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PROJECT_ROOT = path.resolve(HERE, '..', '..', '..');

/** Where entries live: ARCHIVE_CACHE_DIR, else <project>/.cache/extract. */
export function cacheDir(): string {
  return process.env.ARCHIVE_CACHE_DIR ? path.resolve(process.env.ARCHIVE_CACHE_DIR) : path.join(PROJECT_ROOT, '.cache', 'extract');
}

/** Every .ts file of step 00 (this folder and below), sorted: the code that makes an Extracted. */
function extractorFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...extractorFiles(full));
    else if (name.endsWith('.ts')) out.push(full);
  }
  return out;
}

function packageVersion(name: string): string {
  const file = path.join(PROJECT_ROOT, 'node_modules', name, 'package.json');
  if (!existsSync(file)) return 'absent';
  return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? 'unknown';
}

const identities = new Map<string, string>();

/** Digest of the step-00 files that `include` selects (paths relative to 00-extract/), and of the PDF library. */
function codeIdentity(name: string, include: (rel: string) => boolean): string {
  let id = identities.get(name);
  if (id === undefined) {
    const h = createHash('sha256');
    for (const f of extractorFiles(HERE)) {
      const rel = path.relative(HERE, f).split(path.sep).join('/');
      if (include(rel)) h.update(rel).update('\0').update(readFileSync(f)).update('\0');
    }
    h.update(`unpdf ${packageVersion('unpdf')}`);
    id = h.digest('hex').slice(0, 16);
    identities.set(name, id);
  }
  return id;
}

/** Digest of the whole step-00 code and of the PDF library it runs on. */
export function extractorIdentity(): string {
  // This file only stores results: a change to it reads nothing differently.
  return codeIdentity('all', (rel) => rel !== 'cache.ts');
}

/** Digest of the OCR code alone: a change to the PDF text-layer reader does not OCR the scans again. */
export function ocrIdentity(): string {
  return codeIdentity('ocr', (rel) => /^(ocr[^/]*|tools|types)\.ts$/.test(rel));
}

/** The cache key of one file's extraction with these tools. */
export function cacheKey(bytes: Uint8Array, tools: ExtractTools): string {
  const content = createHash('sha256').update(bytes).digest('hex');
  const toolId = `ocr=${tools.ocr?.version ?? 'none'};antiword=${tools.antiword ? 'yes' : 'none'}`;
  return createHash('sha256').update(`${content}\n${extractorIdentity()}\n${toolId}`).digest('hex');
}

interface Entry {
  key: string;
  extracted: Extracted;
}

const METHODS = new Set(['text', 'pdf-text', 'docx', 'doc', 'ocr', 'pdf-text+ocr']);

/** A stored entry that is whole and of this key; anything else is treated as absent. */
function validEntry(raw: string, key: string): Extracted | null {
  let entry: Entry;
  try {
    entry = JSON.parse(raw) as Entry;
  } catch {
    return null;
  }
  const x = entry?.extracted;
  if (entry?.key !== key || typeof x !== 'object' || x === null) return null;
  if (typeof x.text !== 'string' || !METHODS.has(x.method) || !Array.isArray(x.notes) || !Array.isArray(x.timings)) return null;
  return x;
}

export interface CacheStats {
  hits: number;
  misses: number;
}

export const cacheStats: CacheStats = { hits: 0, misses: 0 };

/** The stored extraction for `key`, or null (absent, unreadable, corrupt). */
export function readEntry(dir: string, key: string): Extracted | null {
  const file = path.join(dir, `${key}.json`);
  if (!existsSync(file)) return null;
  try {
    return validEntry(readFileSync(file, 'utf8'), key);
  } catch {
    return null;
  }
}

/** Store an extraction; a cache that cannot be written (read-only disk) only costs time. */
export function writeEntry(dir: string, key: string, extracted: Extracted): void {
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = path.join(dir, `${key}.${process.pid}.tmp`);
    writeFileSync(tmp, JSON.stringify({ key, extracted } satisfies Entry));
    renameSync(tmp, path.join(dir, `${key}.json`));
  } catch {
    // not fatal: the next run extracts again
  }
}

/** Whether the process that wrote the lock (its pid inside) still runs on this machine; unknown counts as alive. */
function holderAlive(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(lock, 'utf8'));
  } catch {
    return true;
  }
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/**
 * Run `extract` once per key across processes: test files that convert the
 * shipped archive at the same time wait for the one that holds the key's lock
 * instead of each OCR-ing the same scan on a machine's few cores. A lock
 * older than `staleMs` (a killed process) is taken over.
 */
async function once<T>(dir: string, key: string, extract: () => Promise<T>, staleMs = 10 * 60_000): Promise<T> {
  const lock = path.join(dir, `${key}.lock`);
  try {
    mkdirSync(dir, { recursive: true });
  } catch {
    return extract();
  }
  for (;;) {
    let fd: number | null = null;
    try {
      fd = openSync(lock, 'wx');
    } catch {
      // Someone else extracts this file: wait for the entry, or for a stale lock.
      let age = 0;
      try {
        age = Date.now() - statSync(lock).mtimeMs;
      } catch {
        continue;
      }
      if (age > staleMs || !holderAlive(lock)) {
        try {
          unlinkSync(lock);
        } catch {
          // another waiter removed it
        }
        continue;
      }
      if (existsSync(path.join(dir, `${key}.json`))) return extract();
      await sleep(250);
      continue;
    }
    try {
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return await extract();
    } finally {
      try {
        unlinkSync(lock);
      } catch {
        // already gone
      }
    }
  }
}

export interface CacheOptions {
  /** Read and write entries here (default cacheDir()). */
  dir?: string;
  /** Neither read nor write: `npm run bench` measures the extractors themselves. */
  bypass?: boolean;
}

/**
 * The extraction of `bytes`, from the cache when a valid entry exists, else
 * made by `extract` and stored. Errors (ExtractError) are not stored: the
 * reason may be a missing tool that the next run has.
 */
export async function cached(bytes: Uint8Array, tools: ExtractTools, extract: () => Promise<Extracted>, options: CacheOptions = {}): Promise<Extracted> {
  if (options.bypass) return JSON.parse(JSON.stringify(await extract())) as Extracted;
  const dir = options.dir ?? cacheDir();
  const key = cacheKey(bytes, tools);
  const hit = readEntry(dir, key);
  if (hit) {
    cacheStats.hits++;
    return hit;
  }
  return once(dir, key, async () => {
    const late = readEntry(dir, key);
    if (late) {
      cacheStats.hits++;
      return late;
    }
    cacheStats.misses++;
    // What a later hit gives back (JSON drops undefined fields): the cold run returns the same.
    const extracted = JSON.parse(JSON.stringify(await extract())) as Extracted;
    writeEntry(dir, key, extracted);
    return extracted;
  });
}

/**
 * OCR'd pages, cached one by one (key: the PDF's bytes, the page, the OCR
 * code and Tesseract's identity), so a file read again after a change to the
 * text-layer reader does not OCR its scanned pages again.
 */
function pageKey(bytes: Uint8Array, page: number, engine: string): string {
  const content = createHash('sha256').update(bytes).digest('hex');
  return createHash('sha256').update(`${content}\npage ${page}\n${ocrIdentity()}\n${engine}`).digest('hex');
}

export function readPage<T>(bytes: Uint8Array, page: number, engine: string, options: CacheOptions = {}): T | null {
  if (options.bypass) return null;
  const key = pageKey(bytes, page, engine);
  try {
    const entry = JSON.parse(readFileSync(path.join(options.dir ?? cacheDir(), 'ocr-pages', `${key}.json`), 'utf8')) as { key: string; value: T };
    return entry.key === key && entry.value !== undefined && entry.value !== null ? entry.value : null;
  } catch {
    return null; // absent or corrupt: OCR'd again
  }
}

export function writePage(bytes: Uint8Array, page: number, engine: string, value: unknown, options: CacheOptions = {}): void {
  if (options.bypass) return;
  const key = pageKey(bytes, page, engine);
  writeEntryRaw(path.join(options.dir ?? cacheDir(), 'ocr-pages'), key, { key, value });
}

function writeEntryRaw(dir: string, key: string, entry: unknown): void {
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = path.join(dir, `${key}.${process.pid}.tmp`);
    writeFileSync(tmp, JSON.stringify(entry));
    renameSync(tmp, path.join(dir, `${key}.json`));
  } catch {
    // not fatal: the next run reads again
  }
}
