/** A throw-away copy of content/ for tests that add, break or replace sources. */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TempContent {
  dir: string;
  write(rel: string, data: string | Uint8Array): void;
  remove(rel: string): void;
  cleanup(): void;
}

export function tempContent(base = 'content'): TempContent {
  const root = mkdtempSync(path.join(tmpdir(), 'archive-content-'));
  const dir = path.join(root, 'content');
  cpSync(base, dir, { recursive: true });
  return {
    dir,
    write: (rel, data) => writeFileSync(path.join(dir, rel), data),
    remove: (rel) => rmSync(path.join(dir, rel), { force: true }),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}
