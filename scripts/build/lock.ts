/**
 * A cross-process lock on one machine: a directory created with mkdir (atomic),
 * holding the owner's pid. A lock whose owner is no longer alive is stale and
 * taken over.
 *
 * Why: `astro build` writes state shared by every build of one project root
 * (`.astro/content-modules.mjs`, the content layer store under
 * `node_modules/.astro/`), whatever the output directory. Two builds at the
 * same time (a test run and `npm run build`, or two test runs) would read each
 * other's module list. The astro stage therefore runs under this lock.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface LockOptions {
  /** Give up after this many milliseconds (default 15 minutes). */
  timeoutMs?: number;
  onWait?: (ownerPid: number) => void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ownerOf(lockDir: string): number | null {
  try {
    const owner = JSON.parse(readFileSync(join(lockDir, 'owner.json'), 'utf8')) as { pid?: unknown };
    return typeof owner.pid === 'number' ? owner.pid : null;
  } catch {
    return null;
  }
}

const held = new Set<string>();

/** Release every lock this process holds (for signal handlers). */
export function releaseAllLocks(): void {
  for (const lockDir of held) rmSync(lockDir, { recursive: true, force: true });
  held.clear();
}

export async function withLock<T>(lockDir: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 15 * 60 * 1000;
  const deadline = Date.now() + timeoutMs;
  mkdirSync(dirname(lockDir), { recursive: true });
  let warned = false;
  let ownerMissingSince: number | null = null;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'owner.json'), JSON.stringify({ pid: process.pid, since: new Date().toISOString() }));
      held.add(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = ownerOf(lockDir);
    if (owner !== null && !alive(owner)) {
      rmSync(lockDir, { recursive: true, force: true });
      continue;
    }
    if (owner === null) {
      // Just created by another process that has not written its pid yet, or
      // left behind half-made: take it over after a grace period.
      ownerMissingSince ??= Date.now();
      if (Date.now() - ownerMissingSince > 5000) {
        rmSync(lockDir, { recursive: true, force: true });
        ownerMissingSince = null;
        continue;
      }
    } else {
      ownerMissingSince = null;
      if (!warned) {
        options.onWait?.(owner);
        warned = true;
      }
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for lock ${lockDir} (held by pid ${owner ?? '?'})`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  try {
    return await fn();
  } finally {
    held.delete(lockDir);
    rmSync(lockDir, { recursive: true, force: true });
  }
}
