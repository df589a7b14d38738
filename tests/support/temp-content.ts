/** A throw-away copy of content/ for tests that add, break or replace sources. */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { isFirstFive } from './shipped.ts';

export interface TempContent {
  dir: string;
  write(rel: string, data: string | Uint8Array): void;
  remove(rel: string): void;
  cleanup(): void;
}

/**
 * `firstFive`: only the five first sources (and the catalog entries and
 * corrections that concern them), for tests that convert many times and need
 * no more than a small real archive to do it quickly.
 */
export function tempContent(base = 'content', options: { firstFive?: boolean } = {}): TempContent {
  const root = mkdtempSync(path.join(tmpdir(), 'archive-content-'));
  const dir = path.join(root, 'content');
  cpSync(base, dir, { recursive: true });
  if (options.firstFive) keepFirstFive(dir);
  return {
    dir,
    write: (rel, data) => writeFileSync(path.join(dir, rel), data),
    remove: (rel) => rmSync(path.join(dir, rel), { force: true }),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

function keepFirstFive(dir: string): void {
  const sources = path.join(dir, 'sources');
  for (const name of readdirSync(sources)) if (!isFirstFive(name)) rmSync(path.join(sources, name));
  for (const [file, key] of [['catalog.yaml', 'documents'], ['corrections.yaml', 'corrections']] as const) {
    const at = path.join(dir, file);
    if (!existsSync(at)) continue;
    const data = parse(readFileSync(at, 'utf8')) as Record<string, Array<{ source: string }>> | null;
    if (data && Array.isArray(data[key])) {
      data[key] = data[key].filter((e) => isFirstFive(e.source));
      writeFileSync(at, stringify(data));
    }
  }
}
