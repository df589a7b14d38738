/**
 * The convert cache (ADR 1202): what the per-document steps made of a
 * document last time, so an unchanged document is neither read (steps 00–06)
 * nor written out (step 08) again.
 *
 * Two kinds of entry, each one small JSON file:
 * - read: key = the file's name and bytes (SHA-256), the converter's version,
 *   the catalog entry and the corrections of that source, and (for a .pdf,
 *   .docx or .doc) the outside tools step 00 would use; value = the
 *   source's outcome as the reader made it (model, held-back reason,
 *   preview) and, for an extracted file, its reader text (what copies are
 *   compared on, duplicates.ts).
 * - emit: key = the linked document model (its JSON) and the converter's
 *   version; value = the MDX page, the site record and the open-data record.
 *
 * The converter's version is a digest of its own code (every file under
 * scripts/pipeline/ and scripts/lib/), of the data files the reader reads
 * (content/issuers.yaml), of the locked dependency versions and of the Node
 * version: any change to any of them makes every entry a miss, with no
 * version number to remember. A value is exactly what the step produced (as
 * JSON: the cold run uses the same JSON form), so a warm convert is
 * byte-identical to a cold one.
 *
 * Entries are written to a temporary name and renamed (a reader never sees
 * half an entry); one that is absent, unreadable, corrupt or of another key
 * is a miss, never an error; a cache that cannot be written only costs time.
 * Sharded by the key's first two hex digits.
 *
 * Folder: `.cache/convert/` (gitignored), or `<ARCHIVE_CACHE_DIR>/convert`
 * when ARCHIVE_CACHE_DIR moves the caches (the extraction cache's own
 * convention, 00-extract/cache.ts). ARCHIVE_CONVERT_CACHE=0 neither reads
 * nor writes it.
 *
 * Every change to the converter's code makes every entry a miss, and nothing
 * would ever remove the old ones (~150 KB per document each time): an entry
 * a convert uses is touched (its mtime), and after a convert, at most once a
 * day, entries unused for CACHE_KEEP_DAYS are removed (pruneCache). Removing
 * an entry only costs time: the output is the same either way.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ISSUERS_FILE } from '../lib/issuers.ts';
import type { CatalogEntry } from './05-metadata/catalog.ts';
import type { Correction } from './06-annotate/index.ts';
import type { ExtractTools } from './00-extract/types.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PROJECT_ROOT = path.resolve(HERE, '..', '..');

/** Where entries live: <ARCHIVE_CACHE_DIR>/convert, else <project>/.cache/convert. */
export function convertCacheDir(): string {
  return process.env.ARCHIVE_CACHE_DIR ? path.join(path.resolve(process.env.ARCHIVE_CACHE_DIR), 'convert') : path.join(PROJECT_ROOT, '.cache', 'convert');
}

export interface ConvertCacheOptions {
  /** Read and write entries here (default convertCacheDir()). */
  dir?: string;
  /** Neither read nor write (ARCHIVE_CONVERT_CACHE=0). */
  bypass?: boolean;
}

/** The cache as the environment sets it: on, in convertCacheDir(), unless ARCHIVE_CONVERT_CACHE=0. */
export function convertCacheFromEnv(env: NodeJS.ProcessEnv = process.env): ConvertCacheOptions {
  return { bypass: env.ARCHIVE_CONVERT_CACHE === '0' };
}

/** Every file under `dir`, sorted, as [path relative to the project, full path]. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full));
    else out.push(full);
  }
  return out;
}

/** The files whose content makes the converter what it is (see the file comment). */
export function converterFiles(root: string = PROJECT_ROOT): string[] {
  return [
    ...filesUnder(path.join(root, 'scripts', 'pipeline')),
    ...filesUnder(path.join(root, 'scripts', 'lib')),
    root === PROJECT_ROOT ? ISSUERS_FILE : path.join(root, 'content', 'issuers.yaml'),
    path.join(root, 'package-lock.json'),
  ];
}

let version: string | null = null;

/** Digest of the converter's code, data files, dependencies and Node version; computed once per process. */
export function converterVersion(): string {
  if (version === null) {
    const h = createHash('sha256');
    for (const f of converterFiles()) {
      const rel = path.relative(PROJECT_ROOT, f).split(path.sep).join('/');
      h.update(rel).update('\0');
      h.update(existsSync(f) ? readFileSync(f) : 'absent').update('\0');
    }
    h.update(`node ${process.version}`);
    version = h.digest('hex').slice(0, 32);
  }
  return version;
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** What of the tools step 00 used changes a reading (the extraction cache's own tool identity). */
export function toolIdentity(tools: ExtractTools | null): string {
  return tools ? `ocr=${tools.ocr?.version ?? 'none'};antiword=${tools.antiword ? 'yes' : 'none'}` : 'none';
}

/** Key of one source's reading. `tools` only for a file step 00 extracts (not .txt). */
export function readKey(file: string, bytes: Uint8Array, catalog: CatalogEntry | undefined, corrections: Correction[], tools: ExtractTools | null): string {
  return sha256(JSON.stringify(['read', converterVersion(), file, sha256(bytes), toolIdentity(tools), catalog ?? null, corrections]));
}

/** Key of one linked document's emission, from its model as JSON. */
export function emitKey(modelJson: string): string {
  return sha256(`emit\0${converterVersion()}\0${modelJson}`);
}

function entryFile(dir: string, key: string): string {
  return path.join(dir, key.slice(0, 2), `${key}.json`);
}

/** The stored value for `key`, or null: absent, unreadable, corrupt or another key's (the caller checks its shape). A hit is touched: in use. */
export function getEntry(dir: string, key: string): unknown {
  try {
    const file = entryFile(dir, key);
    const entry = JSON.parse(readFileSync(file, 'utf8')) as { key?: unknown; value?: unknown };
    if (entry === null || typeof entry !== 'object' || entry.key !== key || entry.value === undefined) return null;
    touch(file);
    return entry.value;
  } catch {
    return null;
  }
}

function touch(file: string, at: Date = new Date()): void {
  try {
    utimesSync(file, at, at);
  } catch {
    // a read-only cache still answers; it is just pruned sooner
  }
}

/** Entries no convert has read or written for this many days are removed. */
export const CACHE_KEEP_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Its mtime says when the cache was last pruned. */
const PRUNE_MARKER = '.pruned';

export interface PruneResult {
  removed: number;
  removedBytes: number;
  kept: number;
}

/**
 * Remove the entries of `dir` unused for `keepDays` (by mtime; getEntry and
 * putEntry set it) and temporary files a stopped run left behind. Runs at most
 * once a day (the marker's mtime) unless `force`; null when it did not run.
 * Never fails: a cache that cannot be pruned only takes room.
 */
export function pruneCache(dir: string, options: { keepDays?: number; now?: number; force?: boolean } = {}): PruneResult | null {
  const now = options.now ?? Date.now();
  const marker = path.join(dir, PRUNE_MARKER);
  try {
    if (!existsSync(dir)) return null;
    if (!options.force && existsSync(marker) && now - statSync(marker).mtimeMs < DAY_MS) return null;
    const cutoff = now - (options.keepDays ?? CACHE_KEEP_DAYS) * DAY_MS;
    const result: PruneResult = { removed: 0, removedBytes: 0, kept: 0 };
    for (const shard of readdirSync(dir)) {
      if (!/^[0-9a-f]{2}$/.test(shard)) continue;
      const folder = path.join(dir, shard);
      for (const name of readdirSync(folder)) {
        const file = path.join(folder, name);
        try {
          const stat = statSync(file);
          // A temporary file is renamed within moments of being written: one a day old was abandoned.
          const stale = name.endsWith('.tmp') ? stat.mtimeMs < now - DAY_MS : stat.mtimeMs < cutoff;
          if (!stale) {
            result.kept++;
            continue;
          }
          unlinkSync(file);
          result.removed++;
          result.removedBytes += stat.size;
        } catch {
          // gone meanwhile (another convert), or not ours to remove
        }
      }
    }
    writeFileSync(marker, '');
    touch(marker, new Date(now));
    return result;
  } catch {
    return null;
  }
}

/** Store a value (its JSON text); never fails. */
export function putEntry(dir: string, key: string, valueJson: string): void {
  try {
    const file = entryFile(dir, key);
    mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, `{"key":"${key}","value":${valueJson}}`);
    renameSync(tmp, file);
  } catch {
    // not fatal: the next run converts the document again
  }
}
