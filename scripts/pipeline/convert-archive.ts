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
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DocumentModel } from '../lib/model.ts';
import { decodeSource } from './01-decode/index.ts';
import { parseCatalog, type CatalogEntry } from './05-metadata/catalog.ts';
import { parseCorrections } from './06-annotate/corrections.ts';
import type { Correction } from './06-annotate/index.ts';
import { emitMdx } from './08-emit/mdx.ts';
import { json, openRecord, qualityReport, siteDocument } from './08-emit/data.ts';
import { linkArchive, type CitationGraph } from './07-link/index.ts';
import { resolveCopies } from './duplicates.ts';
import { heldAsDraft, heldForExtraction, parseAcknowledged, readSource, strictProblems, type Acknowledged, type HeldBack, type HeldBackKind, type SourceOutcome } from './held-back.ts';
import { extractSource, formatOf } from './00-extract/index.ts';
import { cached, type CacheOptions } from './00-extract/cache.ts';
import { findTools } from './00-extract/tools.ts';
import { ExtractError, type Extracted, type ExtractTools } from './00-extract/types.ts';
import { receivedBytes } from './read-document.ts';

export type { HeldBack, HeldBackKind, SourceOutcome };

export interface ConvertOptions {
  contentDir: string;
  outDir: string;
  log?: (line: string) => void;
  /** Fail (write nothing) when any document is held back: --strict, ARCHIVE_STRICT=1. */
  strict?: boolean;
}

export interface ConvertResult {
  documents: DocumentModel[];
  errors: string[];
  heldBack: HeldBack[];
  /** Files written, relative to outDir (empty when errors). */
  files: string[];
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
}

export interface ReadOptions {
  /** Outside tools (OCR, antiword); found on this machine when not given. */
  tools?: ExtractTools;
  /** The extraction cache (00-extract/cache.ts); `bypass` for measurements. */
  cache?: CacheOptions;
}

let machineTools: Promise<ExtractTools> | null = null;

/** The tools of this machine, looked for once per process. */
export function toolsOfThisMachine(): Promise<ExtractTools> {
  machineTools ??= findTools();
  return machineTools;
}

/** Source files of a folder: every file but dot-files (one of an unknown extension is then held back by name, not ignored). */
export function sourceFileNames(names: string[]): string[] {
  return names.filter((n) => !n.startsWith('.')).sort();
}

/**
 * Step 00 for one file: its Extracted (from the cache when it has it), or
 * the ExtractError that holds it back. A .txt file needs nothing here.
 */
export async function extractOne(name: string, bytes: Uint8Array, options: ReadOptions = {}): Promise<Extracted | ExtractError> {
  if (formatOf(name) === 'txt') return extractSource(name, bytes, { ocr: null, antiword: null });
  const tools = options.tools ?? (await toolsOfThisMachine());
  try {
    return await cached(bytes, tools, () => extractSource(name, bytes, tools, { cache: options.cache }), options.cache);
  } catch (e) {
    if (e instanceof ExtractError) return e;
    throw e;
  }
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
  return decodeSource(receivedBytes(bytes, extracted), name).text;
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
  const errors: string[] = [];
  const outcomes: SourceOutcome[] = [];
  const received = new Map<string, Uint8Array>();
  for (const [i, name] of names.entries()) {
    const at = `  [${i + 1}/${names.length}] ${name}`;
    try {
      const bytes = new Uint8Array(await readFile(path.join(sourcesDir, name)));
      const extracted = await extractOne(name, bytes, options);
      if (extracted instanceof ExtractError) {
        outcomes.push(heldForExtraction(extracted));
        log(`${at} held back (${extracted.problem})`);
        continue;
      }
      received.set(name, receivedBytes(bytes, extracted));
      const outcome = readSource(name, bytes, catalog.get(name), corrections.filter((c) => c.source === name), extracted);
      outcomes.push(outcome);
      const how = extracted.format === 'txt' ? '' : ` [${extracted.method}${extracted.ocr ? `, OCR ${extracted.ocr.confidence}%` : ''}]`;
      log(outcome.doc ? `${at}${how} -> ${outcome.doc.url} (${outcome.doc.quality.length} notes)` : `${at}${how} held back (${outcome.held?.kind})`);
    } catch (e) {
      const message = (e as Error).message;
      errors.push(message.startsWith(name) ? message : `${name}: ${message}`);
      log(`${at} ✗`);
    }
  }
  const read = outcomes.flatMap((o) => (o.doc ? [o.doc] : []));
  // Copies are compared on the text as received (step 01's output; for a PDF, DOCX or DOC its extracted text).
  const textOf = (d: DocumentModel): string => decodeSource(received.get(d.sourceFile) ?? new Uint8Array(readFileSync(path.join(sourcesDir, d.sourceFile))), d.sourceFile).text;
  const { kept, heldBack: copies } = resolveCopies(read, textOf);
  // A Word draft that is no copy of a published document is held back for its identity (ADR 1501).
  const drafts = kept.flatMap((d) => {
    const h = heldAsDraft(d, catalog.get(d.sourceFile));
    return h ? [h] : [];
  });
  const draftFiles = new Set(drafts.map((h) => h.file));
  const heldBack = [...outcomes.flatMap((o) => (o.held ? [o.held] : [])), ...copies, ...drafts].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { documents: kept.filter((d) => !draftFiles.has(d.sourceFile)), heldBack, outcomes, errors };
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
): Promise<{ documents: DocumentModel[]; errors: string[]; heldBack: HeldBack[]; files: Map<string, string>; graph: CitationGraph }> {
  const { catalog, corrections, acknowledged, errors } = await readEditorFiles(contentDir);
  const catalogFile = path.join(contentDir, 'catalog.yaml');
  const correctionsFile = path.join(contentDir, 'corrections.yaml');
  const sourcesDir = path.join(contentDir, 'sources');
  const names = existsSync(sourcesDir) ? sourceFileNames(await readdir(sourcesDir)) : [];
  if (names.length === 0) errors.push(`${sourcesDir}: no source files (*.txt, *.pdf, *.docx, *.doc) found`);
  for (const name of catalog.keys()) if (!names.includes(name)) errors.push(`${catalogFile}: entry for ${name}, but content/sources has no such file`);
  for (const c of corrections) if (!names.includes(c.source)) errors.push(`${correctionsFile}: correction for ${c.source}, but content/sources has no such file`);

  const read = await readSources(sourcesDir, names, catalog, corrections, log, readOptions);
  errors.push(...read.errors);
  const heldBack = [...read.heldBack];
  let documents = read.documents;
  const files = new Map<string, string>();
  const none = { citations: [], cited: [] };
  if (errors.length > 0) return { documents, errors, heldBack, files, graph: none };

  // Cross-document step: citations resolved against the published documents.
  // A document the emitter cannot write out is held back too, and the rest relinked without it.
  let emitted: ReturnType<typeof emitAll>;
  for (;;) {
    emitted = emitAll(documents);
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
  if (errors.length > 0) return { documents, errors, heldBack, files, graph: none };
  const { linked, graph, perDocument } = emitted;
  for (const [id, mdx] of perDocument.mdx) files.set(`documents/${id}.mdx`, mdx);
  files.set('data/site.json', json(perDocument.site));
  files.set('data/documents.json', json(perDocument.open));
  files.set('data/citations.json', json(graph));
  files.set('data/quality.json', json({ ...(qualityReport(linked, graph) as object), heldBack }));
  return { documents: linked, errors, heldBack, files, graph };
}

/** The editor's word on a held-back document travels with it (summary, quality.json, the data-quality page). */
function markAcknowledged(heldBack: HeldBack[], acknowledged: Acknowledged[]): void {
  const ack = new Map(acknowledged.map((a) => [a.file, a]));
  for (const h of heldBack) {
    const a = ack.get(h.file);
    if (a && a.kind === h.kind) h.acknowledged = a.why;
  }
}

/** Link, then emit each document on its own, so one that fails to emit is named, not fatal. */
function emitAll(documents: DocumentModel[]) {
  const { documents: linked, graph } = linkArchive(documents);
  const perDocument = { mdx: new Map<string, string>(), site: [] as unknown[], open: [] as unknown[] };
  const failed: HeldBack[] = [];
  for (const d of linked) {
    try {
      const mdx = emitMdx(d);
      const site = siteDocument(d);
      const open = openRecord(d);
      perDocument.mdx.set(d.id, mdx);
      perDocument.site.push(site);
      perDocument.open.push(open);
    } catch (e) {
      failed.push({ file: d.sourceFile, kind: 'error', fix: [], reason: `${d.sourceFile}: read, but could not be written out (${(e as Error).message}): a fault of the converter, not of the text; report it` });
    }
  }
  return { linked, graph, perDocument, failed };
}

/** Write `files` into outDir atomically: build a sibling folder, then swap. */
async function writeAtomically(outDir: string, files: Map<string, string>): Promise<void> {
  const staging = `${outDir}.staging-${process.pid}`;
  const old = `${outDir}.old-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  for (const [rel, text] of files) {
    const target = path.join(staging, rel);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text);
  }
  if (existsSync(outDir)) await rename(outDir, old);
  await rename(staging, outDir);
  await rm(old, { recursive: true, force: true });
}

export async function convertArchive({ contentDir, outDir, log = () => {}, strict = false }: ConvertOptions): Promise<ConvertResult> {
  log(`convert: ${contentDir}/sources -> ${outDir}/${strict ? ' (strict: a held-back document not acknowledged in content/held-back.yaml fails the convert)' : ''}`);
  const { documents, errors, heldBack, files } = await convertInMemory(contentDir, log, { strict });
  if (errors.length > 0) return { documents, errors, heldBack, files: [] };
  await writeAtomically(outDir, files);
  const notes = documents.reduce((n, d) => n + d.quality.length, 0);
  const byKind = new Map<string, number>();
  for (const d of documents) for (const q of d.quality) byKind.set(q.kind, (byKind.get(q.kind) ?? 0) + 1);
  log(`convert: ${documents.length} documents, ${notes} quality notes (${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')}), 0 errors`);
  if (heldBack.length > 0) {
    const kinds = new Map<string, number>();
    for (const h of heldBack) kinds.set(h.kind, (kinds.get(h.kind) ?? 0) + 1);
    log(`convert: ${heldBack.length} document(s) held back, not published (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}); the lines that fix them are in data/quality.json ("heldBack") and on the data-quality page:`);
    for (const h of heldBack) log(`  ⚠ ${describeHeldBack(h)}`);
  }
  return { documents, errors, heldBack, files: [...files.keys()] };
}
