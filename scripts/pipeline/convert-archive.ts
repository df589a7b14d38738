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
import { readSource, type HeldBack, type HeldBackKind, type SourceOutcome } from './held-back.ts';

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
export async function readEditorFiles(contentDir: string): Promise<{ catalog: Map<string, CatalogEntry>; corrections: Correction[]; errors: string[] }> {
  const errors: string[] = [];
  const catalogFile = path.join(contentDir, 'catalog.yaml');
  const correctionsFile = path.join(contentDir, 'corrections.yaml');
  let catalog = new Map<string, CatalogEntry>();
  let corrections: Correction[] = [];
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
  return { catalog, corrections, errors };
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

/**
 * Read every source of a folder: the per-document step shared by the convert
 * and the import report (scripts/import-report.ts). Writes nothing.
 */
export async function readSources(
  sourcesDir: string,
  names: string[],
  catalog: Map<string, CatalogEntry>,
  corrections: Correction[],
  log: (line: string) => void = () => {},
): Promise<ReadSourcesResult> {
  const errors: string[] = [];
  const outcomes: SourceOutcome[] = [];
  for (const [i, name] of names.entries()) {
    const at = `  [${i + 1}/${names.length}] ${name}`;
    try {
      const bytes = new Uint8Array(await readFile(path.join(sourcesDir, name)));
      const outcome = readSource(name, bytes, catalog.get(name), corrections.filter((c) => c.source === name));
      outcomes.push(outcome);
      log(outcome.doc ? `${at} -> ${outcome.doc.url} (${outcome.doc.quality.length} notes)` : `${at} held back (${outcome.held?.kind})`);
    } catch (e) {
      const message = (e as Error).message;
      errors.push(message.startsWith(name) ? message : `${name}: ${message}`);
      log(`${at} ✗`);
    }
  }
  const read = outcomes.flatMap((o) => (o.doc ? [o.doc] : []));
  // Copies are compared on the text as received (step 01), which the threshold was measured on.
  const textOf = (d: DocumentModel): string => decodeSource(new Uint8Array(readFileSync(path.join(sourcesDir, d.sourceFile))), d.sourceFile).text;
  const { kept, heldBack: copies } = resolveCopies(read, textOf);
  const heldBack = [...outcomes.flatMap((o) => (o.held ? [o.held] : [])), ...copies].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { documents: kept, heldBack, outcomes, errors };
}

/** One line per held-back document, for the convert summary and strict mode. */
export function describeHeldBack(h: HeldBack): string {
  return `[${h.kind}] ${h.reason}`;
}

/** Convert in memory: models and the files they produce, or every error. */
export async function convertInMemory(
  contentDir: string,
  log: (line: string) => void = () => {},
  { strict = false }: { strict?: boolean } = {},
): Promise<{ documents: DocumentModel[]; errors: string[]; heldBack: HeldBack[]; files: Map<string, string>; graph: CitationGraph }> {
  const { catalog, corrections, errors } = await readEditorFiles(contentDir);
  const catalogFile = path.join(contentDir, 'catalog.yaml');
  const correctionsFile = path.join(contentDir, 'corrections.yaml');
  const sourcesDir = path.join(contentDir, 'sources');
  const names = existsSync(sourcesDir) ? (await readdir(sourcesDir)).filter((n) => n.endsWith('.txt')).sort() : [];
  if (names.length === 0) errors.push(`${sourcesDir}: no source texts (*.txt) found`);
  for (const name of catalog.keys()) if (!names.includes(name)) errors.push(`${catalogFile}: entry for ${name}, but content/sources has no such file`);
  for (const c of corrections) if (!names.includes(c.source)) errors.push(`${correctionsFile}: correction for ${c.source}, but content/sources has no such file`);

  const read = await readSources(sourcesDir, names, catalog, corrections, log);
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
  if (names.length > 0 && documents.length === 0) {
    errors.push(`${sourcesDir}: none of the ${names.length} source texts can be published; held back: ${heldBack.map((h) => h.file).join(', ')}`);
  }
  if (strict && heldBack.length > 0) {
    errors.push(...heldBack.map((h) => `held back (strict mode): ${describeHeldBack(h)}`));
  }
  if (errors.length > 0) return { documents, errors, heldBack, files, graph: none };
  const { linked, graph, perDocument } = emitted;
  for (const [id, mdx] of perDocument.mdx) files.set(`documents/${id}.mdx`, mdx);
  files.set('data/site.json', json(perDocument.site));
  files.set('data/documents.json', json(perDocument.open));
  files.set('data/citations.json', json(graph));
  files.set('data/quality.json', json({ ...(qualityReport(linked, graph) as object), heldBack }));
  return { documents: linked, errors, heldBack, files, graph };
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
  log(`convert: ${contentDir}/sources -> ${outDir}/${strict ? ' (strict: any held-back document fails the convert)' : ''}`);
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
