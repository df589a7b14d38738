/**
 * The convert's per-document work (ADR 1202), the same code in the main
 * thread and in worker threads (convert-worker.ts):
 * - readOne: one source file -> its outcome (steps 00–06: extraction,
 *   readSource), or the error that fails the convert;
 * - emitOne: one linked document -> its MDX page, site record and open-data
 *   record (step 08).
 * Both return plain JSON data, never class instances (an ExtractError is
 * turned into its held-back outcome here), and both go through JSON whichever
 * thread runs them and whether or not the convert cache has them, so every
 * worker count and a warm or cold cache give the same bytes.
 *
 * WorkerPool hands batches of documents to N workers (one message per batch,
 * not per document) and gives the results back in task order.
 */
import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DocumentModel } from '../lib/model.ts';
import type { CatalogEntry } from './05-metadata/catalog.ts';
import type { Correction } from './06-annotate/index.ts';
import { emitMdx } from './08-emit/mdx.ts';
import { openRecord, siteDocument } from './08-emit/data.ts';
import { heldForExtraction, readSource, type SourceOutcome } from './held-back.ts';
import { extractSource, formatOf } from './00-extract/index.ts';
import { cached, type CacheOptions } from './00-extract/cache.ts';
import { findTools } from './00-extract/tools.ts';
import { ExtractError, type Extracted, type ExtractTools } from './00-extract/types.ts';
import { emitKey, getEntry, putEntry } from './convert-cache.ts';
import { decodedText } from './read-document.ts';

let machineTools: Promise<ExtractTools> | null = null;

/** The tools of this machine, looked for once per process. */
export function toolsOfThisMachine(): Promise<ExtractTools> {
  machineTools ??= findTools();
  return machineTools;
}

/**
 * Step 00 for one file: its Extracted (from the cache when it has it), or
 * the ExtractError that holds it back. A .txt file needs nothing here.
 */
export async function extractOne(name: string, bytes: Uint8Array, options: { tools?: ExtractTools; cache?: CacheOptions } = {}): Promise<Extracted | ExtractError> {
  if (formatOf(name) === 'txt') return extractSource(name, bytes, { ocr: null, antiword: null });
  const tools = options.tools ?? (await toolsOfThisMachine());
  try {
    return await cached(bytes, tools, () => extractSource(name, bytes, tools, { cache: options.cache }), options.cache);
  } catch (e) {
    if (e instanceof ExtractError) return e;
    throw e;
  }
}

/** One source's reading as the convert keeps it (and the convert cache stores it). */
export interface ReadRecord {
  file: string;
  outcome: SourceOutcome | null;
  /**
   * The text as step 01 received it (decoded; for a PDF, DOCX or DOC its
   * extracted text): what copies are compared on (duplicates.ts). Null when
   * no document was read.
   */
  received: string | null;
  /** How it was read, for the log: "" for a text file, " [pdf-text]", " [ocr, OCR 87%]". */
  how: string;
  /** Step 00's problem when extraction held the file back ("corrupt", "encrypted" ...), for the log. */
  problem: string | null;
  /** The error that fails the convert (a correction that matches nothing); never cached. */
  error: string | null;
}

export interface ReadTask {
  name: string;
  /** Convert-cache key to store the result under; null: do not store. */
  key: string | null;
  catalog: CatalogEntry | undefined;
  corrections: Correction[];
}

export interface ReadContext {
  sourcesDir: string;
  /** Outside tools, found once by the main thread; null when no source needs them. */
  tools: ExtractTools | null;
  extractCache?: CacheOptions;
  /** The convert cache's folder, or null (bypassed). */
  cacheDir: string | null;
}

/** Whether a reading may be kept: not an error, and not held back for a tool this machine may get later. */
function cacheable(r: ReadRecord): boolean {
  return r.error === null && r.problem !== 'tool-missing';
}

/** Read one source (steps 00–06) into its record (not yet JSON). */
export async function readRecord(task: ReadTask, ctx: ReadContext, bytes?: Uint8Array): Promise<ReadRecord> {
  const { name } = task;
  try {
    bytes ??= new Uint8Array(await readFile(path.join(ctx.sourcesDir, name)));
    const extracted = await extractOne(name, bytes, { tools: ctx.tools ?? undefined, cache: ctx.extractCache });
    if (extracted instanceof ExtractError) {
      return { file: name, outcome: heldForExtraction(extracted), received: null, how: '', problem: extracted.problem, error: null };
    }
    const outcome = readSource(name, bytes, task.catalog, task.corrections, extracted);
    const how = extracted.format === 'txt' ? '' : ` [${extracted.method}${extracted.ocr ? `, OCR ${extracted.ocr.confidence}%` : ''}]`;
    return { file: name, outcome, received: outcome.doc ? decodedText(bytes, extracted, name) : null, how, problem: null, error: null };
  } catch (e) {
    const message = (e as Error).message;
    return { file: name, outcome: null, received: null, how: '', problem: null, error: message.startsWith(name) ? message : `${name}: ${message}` };
  }
}

/** A record as JSON text, stored in the convert cache when the task has a key and the record may be kept. */
export function storeRead(task: ReadTask, ctx: ReadContext, record: ReadRecord): string {
  const json = JSON.stringify(record);
  if (task.key !== null && ctx.cacheDir !== null && cacheable(record)) putEntry(ctx.cacheDir, task.key, json);
  return json;
}

/** Read one source (steps 00–06) into its record, as JSON text; stored in the convert cache when the task has a key. */
export async function readOne(task: ReadTask, ctx: ReadContext, bytes?: Uint8Array): Promise<string> {
  return storeRead(task, ctx, await readRecord(task, ctx, bytes));
}

/** A cached reading that has the record's shape; anything else is a miss. */
export function validReadRecord(value: unknown, file: string): ReadRecord | null {
  const r = value as ReadRecord | null;
  if (r === null || typeof r !== 'object' || r.file !== file || r.error !== null || typeof r.how !== 'string') return null;
  if ((r.received !== null && typeof r.received !== 'string') || (r.problem !== null && typeof r.problem !== 'string')) return null;
  if ((r.received === null) !== (r.outcome?.doc == null)) return null;
  const o = r.outcome;
  if (o === null || typeof o !== 'object' || o.file !== file || (o.doc === null) === (o.held === null)) return null;
  if (o.doc !== null && (typeof o.doc !== 'object' || typeof o.doc.id !== 'string' || o.doc.sourceFile !== file)) return null;
  return r;
}

/**
 * One linked document written out: its MDX page, and its site and open-data
 * records as the data files print them (JSON with two-space indentation, see
 * jsonArray), or why it could not be.
 */
export type EmitRecord = { mdx: string; site: string; open: string } | { error: string };

export interface EmitTask {
  key: string | null;
  /** The linked model, as JSON. */
  model: string;
}

/** Emit one linked document (step 08): its record, or the error that keeps it from being written out. */
export function emitRecord(d: DocumentModel): EmitRecord {
  try {
    return { mdx: emitMdx(d), site: JSON.stringify(siteDocument(d), null, 2), open: JSON.stringify(openRecord(d), null, 2) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** An emission stored in the convert cache (when it has a key and could be written out); its JSON. */
function storeEmit(cacheDir: string | null, key: string | null, record: EmitRecord): string {
  const json = JSON.stringify(record);
  if (key !== null && cacheDir !== null && !('error' in record)) putEntry(cacheDir, key, json);
  return json;
}

/** The convert cache's emission of a linked model (its JSON), with the key it is stored under; no key when the cache is off. */
export function cachedEmit(cacheDir: string | null, modelJson: string): { key: string | null; hit: EmitRecord | null } {
  if (cacheDir === null) return { key: null, hit: null };
  const key = emitKey(modelJson);
  return { key, hit: validEmitRecord(getEntry(cacheDir, key)) };
}

/** Emit one linked document (step 08) from its JSON; stored in the convert cache when it has a key. */
export function emitOne(task: EmitTask, cacheDir: string | null): string {
  return storeEmit(cacheDir, task.key, emitRecord(JSON.parse(task.model) as DocumentModel));
}

/**
 * What the link step (07) changed in one document (linkArchive replaces its
 * citations, quality and status, nothing else): sent to the worker that read
 * the document and still holds its model, instead of the whole model.
 */
export interface LinkedPart {
  file: string;
  citations: DocumentModel['citations'];
  quality: DocumentModel['quality'];
  status: DocumentModel['status'];
}

/** The linked model from the read one and what linking changed: the object linkArchive makes (same keys, same order). */
export function applyLinked(d: DocumentModel, part: LinkedPart): DocumentModel {
  return { ...d, citations: part.citations, quality: part.quality, status: part.status };
}

/**
 * An emission as a worker answers it: the record, and whether the convert
 * cache had it. With `writeTo` the worker wrote the MDX page itself (into
 * `<writeTo>/documents/<id>.mdx`) and answers `mdx: null`.
 */
export interface EmitResult {
  record: EmitRecord | { mdx: null; site: string; open: string };
  cached: boolean;
}

/** Write a held document's page into the output being built (`<dir>/documents/<id>.mdx`) and keep only its data records for the answer. */
export function writeEmitted(r: EmitResult, id: string, dir: string | null): EmitResult {
  if (dir === null || 'error' in r.record || r.record.mdx === null) return r;
  writeFileSync(path.join(dir, 'documents', `${id}.mdx`), r.record.mdx);
  return { record: { mdx: null, site: r.record.site, open: r.record.open }, cached: r.cached };
}

/** Emit a linked document whose model this thread holds: from the convert cache when it has it (key of the model's JSON), else now (and stored). */
export function emitHeld(d: DocumentModel, cacheDir: string | null): EmitResult {
  const { key, hit } = cachedEmit(cacheDir, cacheDir !== null ? JSON.stringify(d) : '');
  if (hit) return { record: hit, cached: true };
  const record = emitRecord(d);
  storeEmit(cacheDir, key, record);
  return { record, cached: false };
}

export function validEmitRecord(value: unknown): EmitRecord | null {
  const r = value as { mdx?: unknown; site?: unknown; open?: unknown } | null;
  if (r === null || typeof r !== 'object' || typeof r.mdx !== 'string' || typeof r.site !== 'string' || typeof r.open !== 'string') return null;
  return r as EmitRecord;
}

/**
 * `json(items)` of 08-emit/data.ts (JSON.stringify(items, null, 2) and a
 * newline) from each item's own JSON.stringify(item, null, 2): an item's
 * lines indented by two spaces (a JSON text has no newline inside a string),
 * joined by ",\n". The same bytes, without printing 2,000 records in the main thread.
 */
export function jsonArray(items: string[]): string {
  if (items.length === 0) return '[]\n';
  return `[\n${items.map((item) => `  ${item.replaceAll('\n', '\n  ')}`).join(',\n')}\n]\n`;
}

// ---------------------------------------------------------------------------
// Worker threads.

/**
 * Fewer documents to convert than this: the main thread does them. Two
 * workers take about 0.8 s (wall) to start and load the pipeline; a document
 * costs about 19 ms of CPU to read and write out, so two workers gain over
 * one thread from about 80 documents on (ADR 1202).
 */
export const MIN_DOCUMENTS_FOR_WORKERS = 80;

/** Worker count: ARCHIVE_CONVERT_WORKERS when set (1 = in the main thread), else the machine's cores. */
export function workerCount(env: NodeJS.ProcessEnv = process.env): number {
  const forced = Number(env.ARCHIVE_CONVERT_WORKERS);
  if (env.ARCHIVE_CONVERT_WORKERS !== undefined && env.ARCHIVE_CONVERT_WORKERS !== '' && Number.isInteger(forced) && forced >= 1) return forced;
  return Math.max(1, availableParallelism());
}

/** Messages between the pool and a worker (convert-worker.ts). */
export type WorkerRequest =
  | { id: number; kind: 'read'; ctx: ReadContext; tasks: ReadTask[] }
  | { id: number; kind: 'emit'; cacheDir: string | null; tasks: EmitTask[] }
  | { id: number; kind: 'emit-held'; cacheDir: string | null; tasks: LinkedPart[]; writeTo: string | null }
  | { id: number; kind: 'shingle'; files: string[] };
/**
 * A batch's results in task order: for 'read' a ReadResult each, for 'emit'
 * the record's JSON, for 'emit-held' an EmitResult, for 'shingle' the
 * Shingled of each received text (its arrays transferred). Structured-cloned, not JSON.
 */
export type WorkerReply = { id: number; results: unknown[] } | { id: number; error: string };

/** One source read in a worker: its record as JSON (the form the cache stores), and whether the worker keeps its model and received text (a document was read). */
export interface ReadResult {
  json: string;
  held: boolean;
}

/** Batch size: a few batches per worker (balance), none too small (message cost). */
export function batchSize(tasks: number, workers: number): number {
  return Math.max(1, Math.min(64, Math.ceil(tasks / (workers * 6))));
}

/**
 * The next batch's size with `left` tasks not yet handed out: `size`, but
 * smaller towards the end (about a quarter of a worker's share of what is
 * left, two batches being queued per worker), so that no worker idles
 * while another still has a long batch to go.
 */
export function tailBatch(size: number, left: number, workers: number): number {
  return Math.max(1, Math.min(size, Math.ceil(left / (workers * 4))));
}

/**
 * Listen to one worker: its replies go to `onReply`, a crash or an exit ends
 * it with an error. Returns `finish`, which stops listening and settles once.
 */
function listen(w: Worker, settle: (e: Error | null) => void, onReply: (reply: WorkerReply) => void): (e: Error | null) => void {
  const onError = (e: Error) => finish(e);
  const onExit = (code: number) => finish(new Error(`convert worker stopped (exit code ${code})`));
  const finish = (e: Error | null) => {
    w.off('message', onReply);
    w.off('error', onError);
    w.off('exit', onExit);
    settle(e);
  };
  w.on('message', onReply);
  w.on('error', onError);
  w.on('exit', onExit);
  return finish;
}

export class WorkerPool {
  readonly size: number;
  private workers: Worker[] = [];
  private nextId = 0;

  constructor(size: number) {
    this.size = size;
  }

  /** Start the workers now (they take ~0.4 s each to load the pipeline): idempotent, so a caller that knows work is coming starts them while it prepares. */
  start(): void {
    if (this.workers.length > 0) return;
    for (let i = 0; i < this.size; i++) this.workers.push(new Worker(new URL('./convert-worker.ts', import.meta.url)));
  }

  get started(): boolean {
    return this.workers.length > 0;
  }

  /**
   * Run every batch on the workers (each takes the next batch when it is
   * free); results in task order. `each` sees every result as it comes, with the worker that made it.
   */
  async run(make: (id: number, from: number, to: number) => WorkerRequest, count: number, each?: (at: number, result: unknown, worker: number) => void): Promise<unknown[]> {
    this.start();
    const size = batchSize(count, this.size);
    const results: unknown[] = new Array(count);
    let next = 0;
    const drive = (w: Worker, index: number): Promise<void> => {
      const take = (): { from: number; to: number } | null => {
        if (next >= count) return null;
        const from = next;
        next = Math.min(count, next + tailBatch(size, count - next, this.size));
        return { from, to: next };
      };
      return this.drive(w, take, make, (from, reply) => {
        for (const [i, r] of reply.entries()) {
          results[from + i] = r;
          each?.(from + i, r, index);
        }
      });
    };
    await Promise.all(this.workers.map(drive));
    return results;
  }

  /**
   * Run tasks on given workers (the one that holds each document): `ats[w]`
   * the task numbers for worker w; results in task order. Every batch is
   * posted at once (a worker works through its queue while the main thread
   * does something else), so the caller may do its own work before awaiting.
   */
  runOn(make: (id: number, ats: number[]) => WorkerRequest, ats: number[][], count: number): Promise<unknown[]> {
    this.start();
    const results: unknown[] = new Array(count);
    const one = (w: Worker, mine: number[]): Promise<void> =>
      new Promise((resolve, reject) => {
        const size = batchSize(mine.length, 1);
        const pending = new Map<number, number>();
        if (mine.length === 0) return resolve();
        const finish = listen(w, (e) => (e ? reject(e) : resolve()), (reply) => {
          const from = pending.get(reply.id);
          if (from === undefined) return;
          pending.delete(reply.id);
          if ('error' in reply) return finish(new Error(`convert worker: ${reply.error}`));
          for (const [i, r] of reply.results.entries()) results[mine[from + i]!] = r;
          if (pending.size === 0) finish(null);
        });
        for (let from = 0; from < mine.length; from += size) {
          const id = this.nextId++;
          pending.set(id, from);
          w.postMessage(make(id, mine.slice(from, from + size)));
        }
      });
    return Promise.all(this.workers.map((w, index) => one(w, ats[index] ?? []))).then(() => results);
  }

  /**
   * Feed one worker batches (`take`) until there are none, two at a time (the
   * next one is queued in the worker while the main thread takes in the last).
   */
  private drive(w: Worker, take: () => { from: number; to: number } | null, make: (id: number, from: number, to: number) => WorkerRequest, put: (from: number, results: unknown[]) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      const pending = new Map<number, number>();
      let done = false;
      const send = (): boolean => {
        const batch = take();
        if (batch === null) return false;
        const id = this.nextId++;
        pending.set(id, batch.from);
        w.postMessage(make(id, batch.from, batch.to));
        return true;
      };
      const finish = listen(
        w,
        (e) => {
          done = true;
          if (e) reject(e);
          else resolve();
        },
        (reply) => {
          const from = pending.get(reply.id);
          if (from === undefined || done) return;
          pending.delete(reply.id);
          if ('error' in reply) return finish(new Error(`convert worker: ${reply.error}`));
          send();
          put(from, reply.results);
          if (pending.size === 0) finish(null);
        },
      );
      send();
      send();
      if (pending.size === 0) finish(null);
    });
  }

  async close(): Promise<void> {
    const ws = this.workers;
    this.workers = [];
    await Promise.all(ws.map((w) => w.terminate()));
  }
}
