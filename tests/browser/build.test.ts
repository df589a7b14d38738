/**
 * The build command itself (scripts/build.ts): a failed build leaves the
 * previous output untouched, and two builds of the same inputs are
 * byte-identical. Lives with the browser tests because it needs the site
 * built by the global setup and takes a full build (~20 s).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { treeDigest } from '../../scripts/build/tree.ts';
import { SEARCHED_PAGES_GLOB } from '../../scripts/build/pipeline.ts';
import { PROJECT_ROOT } from '../support/paths.ts';

const temp = mkdtempSync(join(tmpdir(), 'archive-build-test-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Run scripts/build.ts (asynchronously: the test worker must stay responsive). */
function build(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'scripts', 'build.ts'), ...args], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('npm run build', () => {
  it('leaves the previous dist untouched when a stage fails, naming the stage', async () => {
    const content = join(temp, 'bad-content');
    mkdirSync(join(content, 'sources'), { recursive: true });
    const catalog = join(inject('contentDir'), 'catalog.yaml');
    if (existsSync(catalog)) copyFileSync(catalog, join(content, 'catalog.yaml'));
    // Not text: the converter must refuse it.
    writeFileSync(join(content, 'sources', '999_bad.txt'), Buffer.from([0xff, 0xfe, 0x00, 0x00, 0xc3, 0x28, 0x00, 0x01]));

    const dist = join(temp, 'site', 'dist');
    mkdirSync(dist, { recursive: true });
    writeFileSync(join(dist, 'index.html'), 'previous build\n');

    const result = await build(['--content', content, '--dist', dist]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/build FAILED at stage "convert"/);
    expect(readdirSync(dist)).toEqual(['index.html']);
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('previous build\n');
    // No staging directory or generated folder left behind.
    expect(readdirSync(join(temp, 'site')).sort()).toEqual(['dist']);
  });

  it('fails with a clear message when the content folder does not exist', async () => {
    const result = await build(['--content', join(temp, 'no-such-content'), '--dist', join(temp, 'none', 'dist')]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/build FAILED at stage "convert": content directory not found/);
    expect(existsSync(join(temp, 'none', 'dist'))).toBe(false);
  });

  // Compares with the global setup's build, which must come from the same inputs.
  it.skipIf(Boolean(process.env.ARCHIVE_TEST_DIST))('gives byte-identical output when the same inputs are built again', { timeout: 240_000 }, async () => {
    const first = inject('distDir');
    const second = join(temp, 'again', 'dist');
    const result = await build(['--content', inject('contentDir'), '--dist', second]);
    expect(result.status, result.stderr).toBe(0);
    const a = treeDigest(first);
    const b = treeDigest(second);
    expect([...b.keys()]).toEqual([...a.keys()]);
    const differing = [...a].filter(([file, digest]) => b.get(file) !== digest).map(([file]) => file);
    expect(differing).toEqual([]);
  });

  // The pagefind stage reads only SEARCHED_PAGES_GLOB: a page outside it that asked to be searched would be left out silently.
  it('only pages inside the glob Pagefind reads carry data-pagefind-body', () => {
    const dist = inject('distDir');
    expect(SEARCHED_PAGES_GLOB).toBe('van-ban/**/*.html');
    const outside: string[] = [];
    let inside = 0;
    const walk = (dir: string, rel: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = rel ? `${rel}/${entry.name}` : entry.name;
        if (entry.isDirectory()) walk(join(dir, entry.name), path);
        else if (entry.name.endsWith('.html') && readFileSync(join(dir, entry.name), 'utf8').includes('data-pagefind-body')) {
          if (path.startsWith('van-ban/')) inside += 1;
          else outside.push(path);
        }
      }
    };
    walk(dist, '');
    expect(outside).toEqual([]);
    expect(inside).toBeGreaterThan(100);
  });
});
