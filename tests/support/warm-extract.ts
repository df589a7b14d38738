/**
 * Global setup of the unit tests: read every original file of the shipped
 * content once through step 00, so the extraction cache (.cache/extract,
 * ADR 1501) holds them before any test converts the archive. On a fresh
 * machine the scans' OCR takes minutes; without this, the first test that
 * converts would pay it inside its own time limit. Errors are left to the
 * tests (a file that cannot be read is held back there, by name).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractSource, formatOf } from '../../scripts/pipeline/00-extract/index.ts';
import { findTools } from '../../scripts/pipeline/00-extract/tools.ts';

export default async function setup(): Promise<void> {
  const dir = join(import.meta.dirname, '..', '..', 'content', 'sources');
  const originals = readdirSync(dir)
    .filter((name) => formatOf(name) !== null && formatOf(name) !== 'txt')
    .sort();
  const tools = await findTools();
  const started = Date.now();
  for (const name of originals) {
    await extractSource(name, new Uint8Array(readFileSync(join(dir, name))), tools).catch(() => undefined);
  }
  console.log(`[unit tests] ${originals.length} original files read through step 00 (cache warm) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
