/**
 * npm run lock:fix — keeps `npm ci` working on a fresh machine.
 *
 * Some packages declare optional native builds for other platforms that the
 * registry these machines reach does not serve (e.g. @pagefind/darwin-arm64
 * at the version pagefind pins). `npm install` then leaves them out of
 * package-lock.json, and `npm ci` refuses the lock as "out of sync"
 * ("Missing: @pagefind/darwin-arm64@ from lock file"). This script records
 * each missing one as an optional entry for its platform, so `npm ci` skips
 * it as it skips any other foreign-platform binary. Run it after `npm install`
 * changes the lock; tests/unit/lockfile.test.ts fails when it is needed.
 * See docs/decisions/0005-lockfile-optional-stubs.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';

interface LockEntry {
  version?: string;
  dev?: boolean;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  optionalDependencies?: Record<string, string>;
}

/** Platform of a native-build package, from its name (the registry has no manifest to ask). */
export function platformOf(name: string): Pick<LockEntry, 'os' | 'cpu' | 'libc'> {
  const n = name.split('/').pop() ?? name;
  const os = /android/.test(n) ? 'android' : /darwin/.test(n) ? 'darwin' : /win32|windows/.test(n) ? 'win32' : /freebsd/.test(n) ? 'freebsd' : /linux/.test(n) ? 'linux' : null;
  const cpu = /arm64|aarch64/.test(n) ? 'arm64' : /x64/.test(n) ? 'x64' : /wasm32/.test(n) ? 'wasm32' : null;
  const libc = /musl/.test(n) ? 'musl' : /gnu/.test(n) ? 'glibc' : null;
  return { ...(os ? { os: [os] } : {}), ...(cpu ? { cpu: [cpu] } : {}), ...(libc ? { libc: [libc] } : {}) };
}

/** Optional dependencies that the lock names but has no entry for. */
export function missingOptional(packages: Record<string, LockEntry>): Array<{ name: string; version: string; dev: boolean }> {
  const out: Array<{ name: string; version: string; dev: boolean }> = [];
  for (const entry of Object.values(packages)) {
    for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
      if (!packages[`node_modules/${name}`] && !out.some((o) => o.name === name)) out.push({ name, version, dev: entry.dev === true });
    }
  }
  return out;
}

function main(): void {
  const file = 'package-lock.json';
  const lock = JSON.parse(readFileSync(file, 'utf8')) as { packages: Record<string, LockEntry> };
  const missing = missingOptional(lock.packages);
  for (const m of missing) {
    lock.packages[`node_modules/${m.name}`] = { version: m.version, ...(m.dev ? { dev: true } : {}), optional: true, ...platformOf(m.name) };
  }
  const sorted = Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  lock.packages = Object.fromEntries(sorted);
  writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(missing.length === 0 ? 'lock:fix: nothing to do' : `lock:fix: recorded ${missing.length} optional platform package(s): ${missing.map((m) => m.name).join(', ')}`);
}

if (import.meta.main) main();
