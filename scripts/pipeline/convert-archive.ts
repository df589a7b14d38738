/**
 * The whole conversion: every source in content/sources -> models -> files.
 * All problems are collected (not just the first); output is written to a
 * fresh folder and swapped in only when every document succeeded.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DocumentModel } from '../lib/model.ts';
import { parseCatalog, type CatalogEntry } from './05-metadata/catalog.ts';
import { parseCorrections } from './06-annotate/corrections.ts';
import type { Correction } from './06-annotate/index.ts';
import { emitMdx } from './08-emit/mdx.ts';
import { json, openRecord, qualityReport, siteDocument } from './08-emit/data.ts';
import { readDocument } from './read-document.ts';
import { linkArchive, type CitationGraph } from './07-link/index.ts';

export interface ConvertOptions {
  contentDir: string;
  outDir: string;
  log?: (line: string) => void;
}

export interface ConvertResult {
  documents: DocumentModel[];
  errors: string[];
  /** Files written, relative to outDir (empty when errors). */
  files: string[];
}

async function readOptional(file: string): Promise<string | null> {
  return existsSync(file) ? readFile(file, 'utf8') : null;
}

/** Convert in memory: models and the files they produce, or every error. */
export async function convertInMemory(contentDir: string, log: (line: string) => void = () => {}): Promise<{ documents: DocumentModel[]; errors: string[]; files: Map<string, string>; graph: CitationGraph }> {
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
  const sourcesDir = path.join(contentDir, 'sources');
  const names = existsSync(sourcesDir) ? (await readdir(sourcesDir)).filter((n) => n.endsWith('.txt')).sort() : [];
  if (names.length === 0) errors.push(`${sourcesDir}: no source texts (*.txt) found`);
  for (const name of catalog.keys()) if (!names.includes(name)) errors.push(`${catalogFile}: entry for ${name}, but content/sources has no such file`);
  for (const c of corrections) if (!names.includes(c.source)) errors.push(`${correctionsFile}: correction for ${c.source}, but content/sources has no such file`);

  const documents: DocumentModel[] = [];
  for (const [i, name] of names.entries()) {
    try {
      const bytes = new Uint8Array(await readFile(path.join(sourcesDir, name)));
      const doc = readDocument({ file: name, bytes, catalog: catalog.get(name), corrections: corrections.filter((c) => c.source === name) });
      documents.push(doc);
      log(`  [${i + 1}/${names.length}] ${name} -> ${doc.url} (${doc.quality.length} notes)`);
    } catch (e) {
      errors.push((e as Error).message.startsWith(name) ? (e as Error).message : `${name}: ${(e as Error).message}`);
      log(`  [${i + 1}/${names.length}] ${name} ✗`);
    }
  }

  // Two sources with the same identity would silently overwrite each other.
  const byId = new Map<string, string>();
  for (const d of documents) {
    const other = byId.get(d.id);
    if (other) errors.push(`${d.sourceFile}: same identity as ${other} (${d.url}); one of them needs a corrected number, date or catalog key`);
    else byId.set(d.id, d.sourceFile);
  }

  documents.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const files = new Map<string, string>();
  if (errors.length > 0) return { documents, errors, files, graph: { citations: [], cited: [] } };
  // Cross-document step: citations resolved against the whole archive.
  const { documents: linked, graph } = linkArchive(documents);
  for (const d of linked) files.set(`documents/${d.id}.mdx`, emitMdx(d));
  files.set('data/site.json', json(linked.map(siteDocument)));
  files.set('data/documents.json', json(linked.map(openRecord)));
  files.set('data/citations.json', json(graph));
  files.set('data/quality.json', json(qualityReport(linked, graph)));
  return { documents: linked, errors, files, graph };
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

export async function convertArchive({ contentDir, outDir, log = () => {} }: ConvertOptions): Promise<ConvertResult> {
  log(`convert: ${contentDir}/sources -> ${outDir}/`);
  const { documents, errors, files } = await convertInMemory(contentDir, log);
  if (errors.length > 0) return { documents, errors, files: [] };
  await writeAtomically(outDir, files);
  const notes = documents.reduce((n, d) => n + d.quality.length, 0);
  const byKind = new Map<string, number>();
  for (const d of documents) for (const q of d.quality) byKind.set(q.kind, (byKind.get(q.kind) ?? 0) + 1);
  log(`convert: ${documents.length} documents, ${notes} quality notes (${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')}), 0 errors`);
  return { documents, errors, files: [...files.keys()] };
}
