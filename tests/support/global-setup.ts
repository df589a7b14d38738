/**
 * Global setup of the browser tests: build the site ONCE from the shipped
 * content into a temporary directory (never the project's dist/), serve it
 * over http on 127.0.0.1 (random free port), and tear both down afterwards.
 *
 * Tests read the address with `inject('siteUrl')` and the built folder with
 * `inject('distDir')`.
 *
 * ARCHIVE_TEST_DIST=<dir> skips the build and serves an existing build
 * (for quick iteration on the tests themselves; CI never sets it).
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from '../../scripts/build/static-server.ts';
import { PROJECT_ROOT } from './paths.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    distDir: string;
    contentDir: string;
  }
}

/** Build `contentDir` with scripts/build.ts into `<dir>/dist` (log in `<dir>/build.log`); also used by tests/support/temp-site.ts. */
export async function buildInto(dir: string, contentDir: string, options: { strict?: boolean } = {}): Promise<string> {
  const dist = join(dir, 'dist');
  const logFile = join(dir, 'build.log');
  const started = Date.now();
  console.log(`[browser tests] building the site from ${contentDir} into ${dist} (log: ${logFile})`);
  const fd = openSync(logFile, 'w');
  const code = await new Promise<number | null>((done) => {
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'scripts', 'build.ts'), '--content', contentDir, '--dist', dist, ...(options.strict ? ['--strict'] : [])], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', fd, fd],
    });
    child.on('error', () => done(null));
    child.on('exit', (status) => done(status));
  });
  closeSync(fd);
  const log = readFileSync(logFile, 'utf8');
  if (code !== 0) {
    const tail = log.split('\n').slice(-60).join('\n');
    throw new Error(`[browser tests] the site build failed (exit ${code}); last lines of ${logFile}:\n${tail}`);
  }
  console.log(`[browser tests] site built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return dist;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const contentDir = resolve(PROJECT_ROOT, 'content');
  let tempDir: string | null = null;
  let dist: string;
  if (process.env.ARCHIVE_TEST_DIST) {
    dist = resolve(process.env.ARCHIVE_TEST_DIST);
    if (!existsSync(join(dist, 'index.html'))) throw new Error(`ARCHIVE_TEST_DIST=${dist} holds no built site`);
    console.log(`[browser tests] serving the existing build ${dist} (ARCHIVE_TEST_DIST)`);
  } else {
    tempDir = mkdtempSync(join(tmpdir(), 'archive-browser-tests-'));
    try {
      // The shipped archive builds as a release does: --strict, so a document held back fails CI (ADR 1004).
      dist = await buildInto(tempDir, contentDir, { strict: true });
    } catch (error) {
      if (!process.env.ARCHIVE_TEST_KEEP) rmSync(tempDir, { recursive: true, force: true });
      throw error;
    }
  }
  const server = await startStaticServer(dist);
  project.provide('siteUrl', server.url);
  project.provide('distDir', dist);
  project.provide('contentDir', contentDir);
  return async () => {
    await server.close();
    if (tempDir !== null && !process.env.ARCHIVE_TEST_KEEP) rmSync(tempDir, { recursive: true, force: true });
  };
}
