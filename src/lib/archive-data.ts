/**
 * Build-time access to the converter's output (<generated>/data/*.json).
 * The site never parses source text: it only reads what scripts/convert.ts wrote.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SiteDocument as SiteRecord } from '../../scripts/lib/site-data.ts';
import type { QualityIssue } from '../../scripts/lib/model.ts';

/**
 * A document of site.json. `provisional` (the URL key was derived without the
 * number, ADR 0002) is written by scripts/pipeline/08-emit/data.ts; absent in
 * output of older converters, read as false.
 */
export type SiteDocument = Omit<SiteRecord, 'quality'> & { provisional?: boolean };

/** The generated folder, relative to the project root (the build's working directory). */
export const generatedDir = path.resolve(process.env.ARCHIVE_GENERATED_DIR || '.generated');

/** Raw bytes of a generated file; fails with a message that says what to run. */
export function readGeneratedBytes(relative: string): Buffer {
  const file = path.join(generatedDir, relative);
  if (!fs.existsSync(file)) {
    throw new Error(`Missing ${file}: run \`npm run convert\` before \`astro build\`.`);
  }
  return fs.readFileSync(file);
}

/** Bytes read as a Uint8Array view for a Response body (not a second copy of a file of tens of megabytes). */
export function bytesView(bytes: Buffer): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength);
}

/** A generated file's bytes as a view for a Response body. */
export function generatedBytesView(relative: string): Uint8Array<ArrayBuffer> {
  return bytesView(readGeneratedBytes(relative));
}

function readJson<T>(relative: string): T {
  return JSON.parse(readGeneratedBytes(relative).toString('utf8')) as T;
}

let siteCache: SiteDocument[] | undefined;

/**
 * All documents, in the converter's order (sorted by id). Read once per build.
 * A record's quality notes are left out: the pages read them from quality.json
 * (quality.ts), and kept here for the whole build they were more than half
 * of the records' heap (127 of 221 MB at 10,000 documents), which every
 * garbage collection walks again (issue 12).
 */
export function siteDocuments(): SiteDocument[] {
  siteCache ??= readJson<SiteRecord[]>('data/site.json').map(({ quality: _notes, ...doc }) => doc);
  return siteCache;
}

export interface QualityReport {
  documents: Array<{ id: string; url: string; sourceFile: string; issues: QualityIssue[] }>;
}

let qualityCache: QualityReport | undefined;

/** The quality report, read once per build (the quality pages' entries and the held-back list of the index). */
export function qualityReport(): QualityReport {
  qualityCache ??= readJson<QualityReport>('data/quality.json');
  return qualityCache;
}
