/**
 * The whole conversion: every source in content/sources -> models -> files.
 * A document that cannot be published (bytes that are not text, an unknown
 * identity, a second copy of another document) is held back: left out of the
 * site, named in the summary and in quality.json with the lines that would
 * fix it, while every other document builds (ADR 1004). Problems of the
 * archive as a whole (catalog or corrections file, no sources) fail the
 * convert, all listed at once; so does any held-back document in strict mode.
 * Output is written to a fresh folder and swapped in only on success.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DocumentModel } from '../lib/model.ts';
import { parseCatalog, type CatalogEntry } from './05-metadata/catalog.ts';
import { parseCorrections } from './06-annotate/corrections.ts';
import type { Correction } from './06-annotate/index.ts';
import { json, qualityReport } from './08-emit/data.ts';
import { linkArchive, type CitationGraph } from './07-link/index.ts';
import { CopyCandidates, resolveCopies, type Shingled } from './duplicates.ts';
import { heldAsDraft, parseAcknowledged, strictProblems, type Acknowledged, type HeldBack, type HeldBackKind, type SourceOutcome } from './held-back.ts';
import { formatOf } from './00-extract/index.ts';
import type { CacheOptions } from './00-extract/cache.ts';
import { ExtractError, type ExtractTools } from './00-extract/types.ts';
import { CACHE_KEEP_DAYS, convertCacheDir, convertCacheFromEnv, getEntry, pruneCache, readKey, type ConvertCacheOptions } from './convert-cache.ts';
import {
  emitOne,
  jsonArray,
  extractOne,
  MIN_DOCUMENTS_FOR_WORKERS,
  readOne,
  toolsOfThisMachine,
  cachedEmit,
  validReadRecord,
  WorkerPool,
  workerCount,
  type EmitRecord,
  type EmitResult,
  type LinkedPart,
  type ReadResult,
  type ReadContext,
  type ReadRecord,
  type ReadTask,
} from './convert-workers.ts';
import { decodedText } from './read-document.ts';

export { extractOne, toolsOfThisMachine };
export type { HeldBack, HeldBackKind, SourceOutcome };

export interface ConvertOptions {
  contentDir: string;
  outDir: string;
  log?: (line: string) => void;
  /** Fail (write nothing) when any document is held back: --strict, ARCHIVE_STRICT=1. */
  strict?: boolean;
  /** The convert cache (ADR 1202); default: on, unless ARCHIVE_CONVERT_CACHE=0. */
  convertCache?: ConvertCacheOptions;
  /** Worker threads; default ARCHIVE_CONVERT_WORKERS, else the machine's cores (1: the main thread only). */
  workers?: number;
  /** Fewer documents to do than this: the main thread does them (default MIN_DOCUMENTS_FOR_WORKERS; tests lower it). */
  minDocumentsForWorkers?: number;
}

export interface ConvertResult {
  documents: DocumentModel[];
  errors: string[];
  heldBack: HeldBack[];
  /** Files written, relative to outDir (empty when errors). */
  files: string[];
  stats: ConvertStats;
}

async function readOptional(file: string): Promise<string | null> {
  return existsSync(file) ? readFile(file, 'utf8') : null;
}

/** The editor's files beside the sources; a file that does not parse is an error of the archive. */
export async function readEditorFiles(contentDir: string): Promise<{ catalog: Map<string, CatalogEntry>; corrections: Correction[]; acknowledged: Acknowledged[]; errors: string[] }> {
  const errors: string[] = [];
  const catalogFile = path.join(contentDir, 'catalog.yaml');
  const correctionsFile = path.join(contentDir, 'corrections.yaml');
  const acknowledgedFile = path.join(contentDir, 'held-back.yaml');
  let catalog = new Map<string, CatalogEntry>();
  let corrections: Correction[] = [];
  let acknowledged: Acknowledged[] = [];
  try {
    const text = await readOptional(catalogFile);
    if (text !== null) catalog = parseCatalog(text, catalogFile);
  } catch (e) {
    errors.push((e as Error).message);
  }
  try {
    const text = await readOptional(correctionsFile);
    if (text !== null) corrections = parseCorrections(text, correctionsFile);
  } catch (e) {
    errors.push((e as Error).message);
  }
  try {
    const text = await readOptional(acknowledgedFile);
    if (text !== null) acknowledged = parseAcknowledged(text, acknowledgedFile);
  } catch (e) {
    errors.push((e as Error).message);
  }
  return { catalog, corrections, acknowledged, errors };
}

export interface ReadSourcesResult {
  /** Published documents, sorted by id (not yet linked). */
  documents: DocumentModel[];
  /** Held-back documents, sorted by file name. */
  heldBack: HeldBack[];
  /** One per source file, in file-name order (held-back copies keep their model in `doc`). */
  outcomes: SourceOutcome[];
  /** Errors of the archive as a whole (a correction that matches nothing). */
  errors: string[];
  /** Sources read now, and taken from the convert cache. */
  stats: { converted: number; cached: number };
  /**
   * Documents read in a worker of `options.pool` that keeps their model
   * (file -> the worker's index): their emission needs only what linking
   * changed (convert-worker.ts). Empty when the read used no shared pool.
   */
  heldIn: Map<string, number>;
}

export interface ReadOptions {
  /** Outside tools (OCR, antiword); found on this machine when not given. */
  tools?: ExtractTools;
  /** The extraction cache (00-extract/cache.ts); `bypass` for measurements. */
  cache?: CacheOptions;
  /** The convert cache (convert-cache.ts); default: on, unless ARCHIVE_CONVERT_CACHE=0. */
  convertCache?: ConvertCacheOptions;
  /** Worker threads (convert-workers.ts); default ARCHIVE_CONVERT_WORKERS, else the machine's cores. */
  workers?: number;
  /** Workers shared by the read and the emission of one convert (convertInMemory makes it). */
  pool?: WorkerPool | null;
  /** Fewer documents to do than this: the main thread does them (default MIN_DOCUMENTS_FOR_WORKERS; tests lower it). */
  minDocumentsForWorkers?: number;
  /**
   * The output folder being built (convertArchive; it has `documents/`): a
   * worker writes the pages it emits there itself (and the main thread
   * citations.json, while the workers emit); those are listed in `written`,
   * not in `files`. Unset: every file is in `files`.
   */
  writeTo?: string | null;
}

/**
 * The convert cache's folder for these options, or null when bypassed. Unless
 * told otherwise it follows the extraction cache: beside it when that is
 * moved (`<dir>/convert`, as ARCHIVE_CACHE_DIR does), off when that is
 * bypassed (a measurement of the extractors must not skip them).
 */
function cacheDirOf(options: { convertCache?: ConvertCacheOptions; cache?: CacheOptions }): string | null {
  if (options.convertCache === undefined && options.cache?.bypass) return null;
  const c = options.convertCache ?? convertCacheFromEnv();
  if (c.bypass) return null;
  return c.dir ?? (options.cache?.dir !== undefined ? path.join(options.cache.dir, 'convert') : convertCacheDir());
}

/** Source files of a folder: every file but dot-files (one of an unknown extension is then held back by name, not ignored). */
export function sourceFileNames(names: string[]): string[] {
  return names.filter((n) => !n.startsWith('.')).sort();
}

/**
 * The text of a source as the reader receives it (step 01's output): a text
 * file decoded, an extracted file's reader text. What copies are compared on,
 * and what a test compares the model with.
 */
export async function receivedText(sourcesDir: string, name: string, options: ReadOptions = {}): Promise<string> {
  const bytes = new Uint8Array(await readFile(path.join(sourcesDir, name)));
  const extracted = await extractOne(name, bytes, options);
  if (extracted instanceof ExtractError) throw extracted;
  return decodedText(bytes, extracted, name);
}

/**
 * Read every source of a folder: the per-document step shared by the convert
 * and the import report (scripts/import-report.ts). Writes nothing (but the
 * extraction cache).
 */
export async function readSources(
  sourcesDir: string,
  names: string[],
  catalog: Map<string, CatalogEntry>,
  corrections: Correction[],
  log: (line: string) => void = () => {},
  options: ReadOptions = {},
): Promise<ReadSourcesResult> {
  const cacheDir = cacheDirOf(options);
  // The tools are part of an extracted file's cache key, and workers must not each look for them.
  const tools = names.some((n) => formatOf(n) !== 'txt') ? (options.tools ?? (await toolsOfThisMachine())) : null;
  const ctx: ReadContext = { sourcesDir, tools, extractCache: options.cache, cacheDir };
  const records: ReadRecord[] = new Array(names.length);
  const misses: Array<{ at: number; task: ReadTask; bytes: Uint8Array | undefined }> = [];
  const count = options.workers ?? workerCount();
  const minForWorkers = options.minDocumentsForWorkers ?? MIN_DOCUMENTS_FOR_WORKERS;
  // Without the cache every source is a miss: when workers read them, this thread need not read their bytes.
  const workersRead = cacheDir === null && count > 1 && names.length >= minForWorkers;
  const correctionsOf = new Map<string, Correction[]>();
  for (const c of corrections) correctionsOf.set(c.source, [...(correctionsOf.get(c.source) ?? []), c]);
  for (const [at, name] of names.entries()) {
    const task: ReadTask = { name, key: null, catalog: catalog.get(name), corrections: correctionsOf.get(name) ?? [] };
    let bytes: Uint8Array | undefined;
    if (!workersRead) {
      try {
        bytes = new Uint8Array(await readFile(path.join(sourcesDir, name)));
      } catch {
        bytes = undefined; // readOne reports it
      }
    }
    if (cacheDir !== null && bytes !== undefined) {
      task.key = readKey(name, bytes, task.catalog, task.corrections, formatOf(name) === 'txt' ? null : tools);
      const hit = validReadRecord(getEntry(cacheDir, task.key), name);
      if (hit) {
        records[at] = hit;
        continue;
      }
    }
    misses.push({ at, task, bytes });
    // Enough to do for workers: they start now, while this thread looks up the rest.
    if (count > 1 && misses.length === minForWorkers) options.pool?.start();
  }
  const useWorkers = count > 1 && misses.length >= minForWorkers;
  const ownPool = useWorkers && !options.pool ? new WorkerPool(count) : null;
  const pool = options.pool ?? ownPool;
  const shingles = new Map<string, Shingled>();
  const heldIn = new Map<string, number>();
  try {
    if (useWorkers && pool) {
      const tasks = misses.map((m) => m.task);
      for (const m of misses) m.bytes = undefined;
      // The texts copies may be compared on (copyCandidates, known as documents come in) are
      // shingled in the workers that hold them, between their reads.
      const candidates = new CopyCandidates();
      for (const r of records) if (r?.outcome?.doc) candidates.add(r.outcome.doc);
      const shingling: Array<Promise<void>> = [];
      let toShingle: string[] = [];
      const flush = () => {
        if (toShingle.length === 0) return;
        const files = toShingle;
        toShingle = [];
        const ats: number[][] = [];
        for (const [i, f] of files.entries()) (ats[heldIn.get(f)!] ??= []).push(i);
        const done = pool.runOn((id, mine) => ({ id, kind: 'shingle', files: mine.map((i) => files[i]!) }), ats, files.length).then((results) => {
          for (const [i, f] of files.entries()) shingles.set(f, results[i] as Shingled);
        });
        // Awaited after the read (below): a failure must not count as unhandled meanwhile.
        done.catch(() => {});
        shingling.push(done);
      };
      // Each batch's results are taken in while the workers read the next ones.
      await pool.run((id, from, to) => ({ id, kind: 'read', ctx, tasks: tasks.slice(from, to) }), tasks.length, (i, result, worker) => {
        const r = result as ReadResult;
        const m = misses[i]!;
        const record = (records[m.at] = JSON.parse(r.json) as ReadRecord);
        if (!r.held || !record.outcome?.doc) return;
        heldIn.set(m.task.name, worker);
        const fresh = candidates.add(record.outcome.doc).filter((f) => heldIn.has(f));
        if (fresh.length > 0 && toShingle.length === 0) setImmediate(flush);
        toShingle.push(...fresh);
      });
      // No result comes in after the read: what is left goes now (a flush still queued finds nothing).
      flush();
      await Promise.all(shingling);
    } else {
      for (const m of misses) records[m.at] = JSON.parse(await readOne(m.task, ctx, m.bytes)) as ReadRecord;
    }
  } finally {
    await ownPool?.close();
  }
  if (ownPool) heldIn.clear(); // its workers are gone

  const errors: string[] = [];
  const outcomes: SourceOutcome[] = [];
  const received = new Map<string, string>();
  for (const [i, r] of records.entries()) {
    const at = `  [${i + 1}/${names.length}] ${r.file}`;
    if (r.error !== null || r.outcome === null) {
      errors.push(r.error ?? `${r.file}: not read`);
      log(`${at} ✗`);
      continue;
    }
    const outcome = r.outcome;
    outcomes.push(outcome);
    if (r.received !== null) received.set(r.file, r.received);
    log(outcome.doc ? `${at}${r.how} -> ${outcome.doc.url} (${outcome.doc.quality.length} notes)` : `${at}${r.how} held back (${r.problem ?? outcome.held?.kind})`);
  }
  const read = outcomes.flatMap((o) => (o.doc ? [o.doc] : []));
  // Copies are compared on the text as received (step 01's output; for a PDF, DOCX or DOC its extracted text).
  const textOf = (d: DocumentModel): string => {
    const text = received.get(d.sourceFile);
    if (text === undefined) throw new Error(`${d.sourceFile}: no received text`);
    return text;
  };
  const { kept, heldBack: copies } = resolveCopies(read, textOf, shingles);
  // A Word draft that is no copy of a published document is held back for its identity (ADR 1501).
  const drafts = kept.flatMap((d) => {
    const h = heldAsDraft(d, catalog.get(d.sourceFile));
    return h ? [h] : [];
  });
  const draftFiles = new Set(drafts.map((h) => h.file));
  const heldBack = [...outcomes.flatMap((o) => (o.held ? [o.held] : [])), ...copies, ...drafts].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { documents: kept.filter((d) => !draftFiles.has(d.sourceFile)), heldBack, outcomes, errors, stats: { converted: misses.length, cached: names.length - misses.length }, heldIn };
}

/** One line per held-back document, for the convert summary and strict mode. */
export function describeHeldBack(h: HeldBack): string {
  return `[${h.kind}] ${h.reason}${h.acknowledged ? ` (acknowledged in content/held-back.yaml: ${h.acknowledged})` : ''}`;
}

/** Convert in memory: models and the files they produce, or every error. */
export async function convertInMemory(
  contentDir: string,
  log: (line: string) => void = () => {},
  { strict = false, ...readOptions }: { strict?: boolean } & ReadOptions = {},
): Promise<{ documents: DocumentModel[]; errors: string[]; heldBack: HeldBack[]; files: Map<string, string>; written: string[]; graph: CitationGraph; stats: ConvertStats }> {
  const workers = readOptions.workers ?? workerCount();
  // Started only when there are enough documents to convert (convert-workers.ts), shared by read and emission.
  const pool = readOptions.pool ?? (workers > 1 ? new WorkerPool(workers) : null);
  try {
    return await convertWith(contentDir, log, strict, { ...readOptions, workers, pool });
  } finally {
    if (!readOptions.pool) await pool?.close();
  }
}

/** What a convert did per document (the summary line). */
export interface ConvertStats {
  /** Sources read now (steps 00–06), and taken from the convert cache. */
  converted: number;
  readFromCache: number;
  /** Linked documents written out now (step 08), and taken from the convert cache. */
  emitted: number;
  emitFromCache: number;
  /** Worker threads used (0: all in the main thread). */
  workers: number;
}

async function convertWith(
  contentDir: string,
  log: (line: string) => void,
  strict: boolean,
  readOptions: ReadOptions & { workers: number; pool: WorkerPool | null },
): Promise<{ documents: DocumentModel[]; errors: string[]; heldBack: HeldBack[]; files: Map<string, string>; written: string[]; graph: CitationGraph; stats: ConvertStats }> {
  const sourcesDir = path.join(contentDir, 'sources');
  const names = existsSync(sourcesDir) ? sourceFileNames(await readdir(sourcesDir)) : [];
  // Without the cache every source is read now: the workers start first, and load while this thread reads the editor's files.
  if (readOptions.pool && readOptions.workers > 1 && cacheDirOf(readOptions) === null && names.length >= (readOptions.minDocumentsForWorkers ?? MIN_DOCUMENTS_FOR_WORKERS)) readOptions.pool.start();
  const { catalog, corrections, acknowledged, errors } = await readEditorFiles(contentDir);
  const catalogFile = path.join(contentDir, 'catalog.yaml');
  const correctionsFile = path.join(contentDir, 'corrections.yaml');
  const nameSet = new Set(names);
  if (names.length === 0) errors.push(`${sourcesDir}: no source files (*.txt, *.pdf, *.docx, *.doc) found`);
  for (const name of catalog.keys()) if (!nameSet.has(name)) errors.push(`${catalogFile}: entry for ${name}, but content/sources has no such file`);
  for (const c of corrections) if (!nameSet.has(c.source)) errors.push(`${correctionsFile}: correction for ${c.source}, but content/sources has no such file`);

  const read = await readSources(sourcesDir, names, catalog, corrections, log, readOptions);
  errors.push(...read.errors);
  const stats: ConvertStats = { converted: read.stats.converted, readFromCache: read.stats.cached, emitted: 0, emitFromCache: 0, workers: 0 };
  const heldBack = [...read.heldBack];
  let documents = read.documents;
  const files = new Map<string, string>();
  const written: string[] = [];
  const none = { citations: [], cited: [] };
  if (errors.length > 0) return { documents, errors, heldBack, files, written, graph: none, stats: done(stats, readOptions.pool) };

  // Cross-document step: citations resolved against the published documents.
  // A document the emitter cannot write out is held back too, and the rest relinked without it.
  let emitted: Awaited<ReturnType<typeof emitAll>>;
  for (;;) {
    emitted = await emitAll(documents, cacheDirOf(readOptions), readOptions, read.heldIn);
    stats.emitted = emitted.emitted;
    stats.emitFromCache = emitted.fromCache;
    if (emitted.failed.length === 0) break;
    heldBack.push(...emitted.failed);
    const gone = new Set(emitted.failed.map((h) => h.file));
    documents = documents.filter((d) => !gone.has(d.sourceFile));
  }
  heldBack.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  markAcknowledged(heldBack, acknowledged);
  if (names.length > 0 && documents.length === 0) {
    errors.push(`${sourcesDir}: none of the ${names.length} source texts can be published; held back: ${heldBack.map((h) => h.file).join(', ')}`);
  }
  // Strict: every held-back document fails the convert, but those the editor acknowledged (ADR 1501).
  // (An acknowledgment of a file that is not there is stale too, so a copy of the archive with fewer sources still converts.)
  if (strict) errors.push(...strictProblems(heldBack, acknowledged, names));
  if (errors.length > 0) return { documents, errors, heldBack, files, written, graph: none, stats: done(stats, readOptions.pool) };
  const { linked, graph, citationsJson, qualityJson, perDocument } = emitted;
  // A page a worker already wrote into `writeTo` is listed in `written`, not in `files` (what is left to write).
  for (const [id, mdx] of perDocument.mdx) {
    if (mdx === null) written.push(`documents/${id}.mdx`);
    else files.set(`documents/${id}.mdx`, mdx);
  }
  files.set('data/site.json', jsonArray(perDocument.site));
  files.set('data/documents.json', jsonArray(perDocument.open));
  if (citationsJson === null) written.push('data/citations.json');
  else files.set('data/citations.json', citationsJson);
  files.set('data/quality.json', withHeldBack(qualityJson, heldBack));
  return { documents: linked, errors, heldBack, files, written, graph, stats: done(stats, readOptions.pool) };
}

/**
 * `json({ ...report, heldBack })` from the report printed before the
 * held-back list was final (JSON.stringify(report, null, 2), an object with
 * keys): its closing brace replaced by the list as its last member.
 */
export function withHeldBack(reportJson: string, heldBack: HeldBack[]): string {
  if (!reportJson.endsWith('\n}')) throw new Error('quality report: not a printed object with members');
  return `${reportJson.slice(0, -2)},\n  "heldBack": ${JSON.stringify(heldBack, null, 2).replaceAll('\n', '\n  ')}\n}\n`;
}

function done(stats: ConvertStats, pool: WorkerPool | null): ConvertStats {
  return { ...stats, workers: pool?.started ? pool.size : 0 };
}

/** The editor's word on a held-back document travels with it (summary, quality.json, the data-quality page). */
function markAcknowledged(heldBack: HeldBack[], acknowledged: Acknowledged[]): void {
  const ack = new Map(acknowledged.map((a) => [a.file, a]));
  for (const h of heldBack) {
    const a = ack.get(h.file);
    if (a && a.kind === h.kind) h.acknowledged = a.why;
  }
}

/**
 * Link (one pass over the whole archive, here), then emit each document on
 * its own (in workers when there are enough to do, from the convert cache
 * when it has them), so one that fails to emit is named, not fatal.
 */
async function emitAll(documents: DocumentModel[], cacheDir: string | null, options: { workers: number; pool: WorkerPool | null; minDocumentsForWorkers?: number; writeTo?: string | null }, heldIn: Map<string, number>) {
  const { documents: linked, graph } = linkArchive(documents);
  // Workers write the pages they emit straight into the output being built (each id once: the pages of one run never race).
  const writeTo = options.writeTo != null && new Set(linked.map((d) => d.id)).size === linked.length ? options.writeTo : null;
  const records: EmitRecord[] = new Array(linked.length);
  const misses: Array<{ at: number; key: string | null; model: string }> = [];
  // A document a worker read (and holds): that worker links it from what linking changed, and emits it.
  const held: number[][] = [];
  let fromCache = 0;
  for (const [at, d] of linked.entries()) {
    const w = options.pool ? heldIn.get(d.sourceFile) : undefined;
    if (w !== undefined) {
      (held[w] ??= []).push(at);
      continue;
    }
    const model = JSON.stringify(d);
    const { key, hit } = cachedEmit(cacheDir, model);
    if (hit) {
      records[at] = hit;
      fromCache++;
    } else misses.push({ at, key, model });
  }
  // Null: written into `writeTo` already.
  let citationsJson: string | null | undefined;
  let qualityJson: string;
  if (held.length > 0) {
    const part = (d: DocumentModel): LinkedPart => ({ file: d.sourceFile, citations: d.citations, quality: d.quality, status: d.status });
    const emitting = options.pool!.runOn((id, ats) => ({ id, kind: 'emit-held', cacheDir, tasks: ats.map((at) => part(linked[at]!)), writeTo }), held, linked.length);
    // The workers emit; meanwhile this thread prints the citation graph (and writes it out) and the quality report.
    citationsJson = json(graph);
    if (writeTo !== null) {
      await mkdir(path.join(writeTo, 'data'), { recursive: true });
      await writeFile(path.join(writeTo, 'data', 'citations.json'), citationsJson);
      citationsJson = null;
    }
    qualityJson = JSON.stringify(qualityReport(linked, graph), null, 2);
    const results = await emitting;
    for (const ats of held) {
      for (const at of ats ?? []) {
        const r = results[at] as EmitResult;
        records[at] = r.record as EmitRecord;
        if (r.cached) fromCache++;
      }
    }
  }
  if (options.pool && options.workers > 1 && misses.length >= (options.minDocumentsForWorkers ?? MIN_DOCUMENTS_FOR_WORKERS)) {
    const tasks = misses.map(({ key, model }) => ({ key, model }));
    const results = await options.pool.run((id, from, to) => ({ id, kind: 'emit', cacheDir, tasks: tasks.slice(from, to) }), tasks.length);
    for (const [i, m] of misses.entries()) records[m.at] = JSON.parse(results[i] as string) as EmitRecord;
  } else {
    for (const m of misses) records[m.at] = JSON.parse(emitOne({ key: m.key, model: m.model }, cacheDir)) as EmitRecord;
  }
  if (citationsJson === undefined) citationsJson = json(graph);
  qualityJson ??= JSON.stringify(qualityReport(linked, graph), null, 2);
  // A page's text, or null: a worker wrote it into `writeTo`.
  const perDocument = { mdx: new Map<string, string | null>(), site: [] as string[], open: [] as string[] };
  const failed: HeldBack[] = [];
  for (const [at, d] of linked.entries()) {
    const r = records[at]!;
    if ('error' in r) {
      failed.push({ file: d.sourceFile, kind: 'error', fix: [], reason: `${d.sourceFile}: read, but could not be written out (${r.error}): a fault of the converter, not of the text; report it` });
      continue;
    }
    perDocument.mdx.set(d.id, r.mdx);
    perDocument.site.push(r.site);
    perDocument.open.push(r.open);
  }
  return { linked, graph, citationsJson, qualityJson, perDocument, failed, emitted: linked.length - fromCache, fromCache };
}

/** The sibling folder outDir is built in, then swapped in. */
function stagingOf(outDir: string): string {
  return `${outDir}.staging-${process.pid}`;
}

/**
 * Write `files` into outDir atomically: complete the sibling folder (the
 * pages the workers wrote are there already), then swap.
 */
async function writeAtomically(outDir: string, files: Map<string, string>): Promise<void> {
  const staging = stagingOf(outDir);
  const old = `${outDir}.old-${process.pid}`;
  const todo = [...files];
  const targets = todo.map(([rel]) => path.join(staging, rel));
  for (const dir of new Set(targets.map((t) => path.dirname(t)))) await mkdir(dir, { recursive: true });
  // Several writes at a time (the file system works on its own threads); each file is written once, whole.
  const texts = todo.map(([, text]) => text);
  let next = 0;
  const writer = async () => {
    while (next < targets.length) {
      const i = next++;
      await writeFile(targets[i]!, texts[i]!);
    }
  };
  await Promise.all(Array.from({ length: 8 }, writer));
  if (existsSync(outDir)) await rename(outDir, old);
  await rename(staging, outDir);
  await rm(old, { recursive: true, force: true });
}

export async function convertArchive({ contentDir, outDir, log = () => {}, strict = false, convertCache, workers, minDocumentsForWorkers }: ConvertOptions): Promise<ConvertResult> {
  log(`convert: ${contentDir}/sources -> ${outDir}/${strict ? ' (strict: a held-back document not acknowledged in content/held-back.yaml fails the convert)' : ''}`);
  const staging = stagingOf(outDir);
  await rm(staging, { recursive: true, force: true });
  await mkdir(path.join(staging, 'documents'), { recursive: true });
  let converted: Awaited<ReturnType<typeof convertInMemory>>;
  try {
    converted = await convertInMemory(contentDir, log, { strict, convertCache, workers, minDocumentsForWorkers, writeTo: staging });
    if (converted.errors.length === 0) await writeAtomically(outDir, converted.files);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  const { documents, errors, heldBack, files, written, stats } = converted;
  if (errors.length > 0) return { documents, errors, heldBack, files: [], stats };
  const notes = documents.reduce((n, d) => n + d.quality.length, 0);
  const byKind = new Map<string, number>();
  for (const d of documents) for (const q of d.quality) byKind.set(q.kind, (byKind.get(q.kind) ?? 0) + 1);
  log(`convert: ${documents.length} documents, ${notes} quality notes (${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')}), 0 errors`);
  log(`convert: ${describeStats(stats)}`);
  const cacheDir = cacheDirOf({ convertCache });
  const pruned = cacheDir !== null ? pruneCache(cacheDir) : null;
  if (pruned && pruned.removed > 0) log(`convert: cache: removed ${pruned.removed} entries no convert used for ${CACHE_KEEP_DAYS} days (${(pruned.removedBytes / 1e6).toFixed(1)} MB); ${pruned.kept} kept`);
  if (heldBack.length > 0) {
    const kinds = new Map<string, number>();
    for (const h of heldBack) kinds.set(h.kind, (kinds.get(h.kind) ?? 0) + 1);
    log(`convert: ${heldBack.length} document(s) held back, not published (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}); the lines that fix them are in data/quality.json ("heldBack") and on the data-quality page:`);
    for (const h of heldBack) log(`  ⚠ ${describeHeldBack(h)}`);
  }
  return { documents, errors, heldBack, files: [...written, ...files.keys()], stats };
}

/** "154 sources: 1 converted, 153 from the cache (read), 1 emitted, 140 from the cache (emit); 2 workers". */
export function describeStats(s: ConvertStats): string {
  return `${s.converted + s.readFromCache} sources: ${s.converted} converted, ${s.readFromCache} from the cache (read), ${s.emitted} emitted, ${s.emitFromCache} from the cache (emit); ${s.workers > 0 ? `${s.workers} workers` : 'in the main thread'}`;
}
