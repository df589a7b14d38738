/** Walk a built tree: sizes for the bench, digests for the determinism check. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every file under `dir`, as paths relative to it with `/`, sorted. */
export function listFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return files.sort();
}

/** sha256 of every file, keyed by relative path (sorted). */
export function treeDigest(dir: string): Map<string, string> {
  const digests = new Map<string, string>();
  for (const file of listFiles(dir)) digests.set(file, createHash('sha256').update(readFileSync(join(dir, file))).digest('hex'));
  return digests;
}

export interface TreeSize {
  files: number;
  bytes: number;
}

/** Total size of the files under `dir` whose relative path passes `filter`. */
export function treeSize(dir: string, filter: (file: string) => boolean = () => true): TreeSize {
  let files = 0;
  let bytes = 0;
  for (const file of listFiles(dir)) {
    if (!filter(file)) continue;
    files += 1;
    bytes += statSync(join(dir, file)).size;
  }
  return { files, bytes };
}
