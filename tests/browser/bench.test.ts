/**
 * `npm run bench` runs end to end (issue 12: it must always run), on a tiny
 * synthetic archive: the archive's whole build, then the yardstick, a bare
 * Astro + Pagefind site over the very MDX the converter wrote
 * (scripts/build/bare-site.ts), and the comparison printed and written as
 * JSON (docs/decisions/1203-build-performance.md). The yardstick must render
 * the same documents: each bare page's text is found whole in the archive's
 * page of that document. Lives with the browser tests: two builds (~10 s).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { visibleText } from '../../scripts/build/page-weight.ts';
import { runScript } from '../support/run-script.ts';

const N = 24;
const work = mkdtempSync(join(tmpdir(), 'archive-bench-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const bench = (args: string[]) => runScript('scripts/bench.ts', args);

interface Stage {
  name: string;
  ok: boolean;
  seconds: number;
}

const words = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('npm run bench', () => {
  it('builds the archive and the bare yardstick over the same MDX, and prints the ratio', { timeout: 240_000 }, async () => {
    const workdir = join(work, 'bench');
    const json = join(work, 'bench.json');
    const run = await bench(['--n', String(N), '--no-browser', '--no-extract', '--no-real', '--workdir', workdir, '--json', json]);
    expect(run.stderr.split('\n').filter((l) => /error/i.test(l))).toEqual([]);
    expect(run.status).toBe(0);

    const figures = JSON.parse(readFileSync(json, 'utf8'));
    const [r] = figures.runs;
    expect(r.build.ok).toBe(true);
    expect((r.build.stages as Stage[]).filter((s) => s.ok).map((s) => s.name)).toEqual(['convert', 'astro', 'pagefind', 'urls', 'usb']);
    expect(r.bare.ok).toBe(true);
    expect((r.bare.stages as Stage[]).map((s) => [s.name, s.ok])).toEqual([['bare astro', true], ['bare pagefind', true]]);
    expect(r.published).toBeGreaterThan(0);
    expect(r.published).toBeLessThanOrEqual(N);
    expect(r.pageWeight.pages).toBe(r.published);
    expect(r.barePageWeight.pages).toBe(r.published);

    // Cold caches (ADR 1203): the bench's own ARCHIVE_CACHE_DIR, so every source is converted, none taken from a cache.
    expect(readFileSync(join(workdir, 'satteri', 'build.log'), 'utf8')).toMatch(new RegExp(`${N} sources: ${N} converted, 0 from the cache \\(read\\), \\d+ emitted, 0 from the cache \\(emit\\)`));

    // The printed comparison: the whole build (its wall time), the bare one, and their ratio, from the same figures.
    const whole = r.build.totalSeconds as number;
    expect(whole).toBeGreaterThan(Math.max(...(r.build.stages as Stage[]).map((s) => s.seconds)));
    const bare = (r.bare.stages as Stage[]).reduce((t, s) => t + s.seconds, 0);
    expect(run.stdout).toMatch(new RegExp(`whole build ${whole.toFixed(1)} s = convert `));
    expect(run.stdout).toMatch(new RegExp(`bare {8}${bare.toFixed(1)} s = astro `));
    expect(run.stdout).toContain(`RATIO ${(whole / bare).toFixed(2)}×`);
    expect(run.stdout).toMatch(/conversion [\d.]+ documents\/s \(target ≥ 250/);

    // The yardstick renders the very documents of the archive: each bare page's text is in the archive's page.
    const site = JSON.parse(readFileSync(join(workdir, 'satteri', 'generated', 'data', 'site.json'), 'utf8')) as Array<{ id: string; url: string }>;
    expect(site.length).toBe(r.published);
    for (const doc of site) {
      const bareText = words(visibleText(readFileSync(join(r.bare.distDir, 'van-ban', doc.id, 'index.html'), 'utf8')));
      const ours = words(visibleText(readFileSync(join(workdir, 'satteri', 'dist', ...doc.url.split('/').filter(Boolean), 'index.html'), 'utf8')));
      expect(bareText.length, doc.id).toBeGreaterThan(200);
      expect(ours.includes(bareText), doc.id).toBe(true);
    }
  });
});

