/**
 * The convert cache (ADR 1202): an unchanged document is neither read nor
 * written out again, a changed source, catalog entry or correction is, a
 * broken entry is a miss, and a warm convert writes the same bytes as a cold
 * one. On a small real archive (the five first sources), in the main thread.
 */
import { treeDigest } from '../../scripts/build/tree.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { convertArchive, type ConvertResult } from '../../scripts/pipeline/convert-archive.ts';
import { CACHE_KEEP_DAYS, pruneCache } from '../../scripts/pipeline/convert-cache.ts';
import { tempContent, type TempContent } from '../support/temp-content.ts';

const S002 = '002_69de05d7962fd3a5.txt';
const S004 = '004_60d8232af79dd006.txt';

let content: TempContent;
const temps: string[] = [];
afterEach(() => {
  content?.cleanup();
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

function temp(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `convert-cache-${name}-`));
  temps.push(dir);
  return dir;
}

async function convert(cacheDir: string, out: string): Promise<ConvertResult> {
  const result = await convertArchive({ contentDir: content.dir, outDir: out, convertCache: { dir: cacheDir }, workers: 1 });
  expect(result.errors).toEqual([]);
  return result;
}


/** The cache's entries (and leftovers) in its key folders; not its prune marker. */
function cacheFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.parentPath !== dir)
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

const DAY = 24 * 60 * 60 * 1000;
function age(file: string, days: number): void {
  const at = new Date(Date.now() - days * DAY);
  utimesSync(file, at, at);
}

describe('convert cache', { timeout: 120_000 }, () => {
  it('a warm convert after one source changed converts that one only, and writes what a cold convert writes', async () => {
    content = tempContent('content', { firstFive: true });
    const cache = temp('cache');
    const out = temp('out');
    const cold = await convert(cache, path.join(out, 'cold'));
    expect(cold.stats).toMatchObject({ converted: 5, readFromCache: 0, emitFromCache: 0, workers: 0 });
    const unchanged = await convert(cache, path.join(out, 'unchanged'));
    expect(unchanged.stats).toMatchObject({ converted: 0, readFromCache: 5, emitted: 0 });
    expect(treeDigest(path.join(out, 'unchanged'))).toEqual(treeDigest(path.join(out, 'cold')));

    const text = readFileSync(path.join(content.dir, 'sources', S002), 'utf8');
    const changed = text.replace('Điều 2.', 'Điều 2. (văn bản đã sửa)');
    expect(changed).not.toBe(text);
    content.write(`sources/${S002}`, changed);
    const warm = await convert(cache, path.join(out, 'warm'));
    expect(warm.stats.converted).toBe(1);
    expect(warm.stats.readFromCache).toBe(4);
    // The changed document is written out again (and those that cite it, if their links changed).
    expect(warm.stats.emitted).toBeGreaterThanOrEqual(1);
    expect(warm.stats.emitted + warm.stats.emitFromCache).toBe(warm.documents.length);

    const fresh = await convert(temp('empty-cache'), path.join(out, 'fresh'));
    expect(fresh.stats.readFromCache).toBe(0);
    const warmTree = treeDigest(path.join(out, 'warm'));
    expect(warmTree).toEqual(treeDigest(path.join(out, 'fresh')));
    expect(warmTree).not.toEqual(treeDigest(path.join(out, 'cold')));
  });

  it('a changed catalog entry or correction reads its source again', async () => {
    content = tempContent('content', { firstFive: true });
    const cache = temp('cache');
    const out = temp('out');
    await convert(cache, path.join(out, '1'));
    const catalogFile = path.join(content.dir, 'catalog.yaml');
    const catalog = readFileSync(catalogFile, 'utf8');
    // Where 004's issuer comes from, said otherwise: the entry, and so its key, changes; nothing else does.
    expect(catalog).toContain(`- source: ${S004}`);
    const said = 'mô tả của kho nguồn (Thành ủy Hạ Long)';
    expect(catalog.split(said).length).toBe(2);
    writeFileSync(catalogFile, catalog.replace(said, 'mô tả của kho nguồn (Thành ủy Hạ Long, ghi lại)'));
    const afterCatalog = await convert(cache, path.join(out, '2'));
    expect(afterCatalog.stats).toMatchObject({ converted: 1, readFromCache: 4 });

    const correctionsFile = path.join(content.dir, 'corrections.yaml');
    const corrections = readFileSync(correctionsFile, 'utf8');
    expect(corrections).toContain('note: OCR sai dấu');
    writeFileSync(correctionsFile, corrections.replace('note: OCR sai dấu', 'note: OCR sai dấu (ghi chú sửa)'));
    const afterCorrection = await convert(cache, path.join(out, '3'));
    expect(afterCorrection.stats.converted).toBe(1);
    expect(afterCorrection.stats.readFromCache).toBe(4);
    await convert(temp('empty-cache'), path.join(out, 'fresh'));
    expect(treeDigest(path.join(out, '3'))).toEqual(treeDigest(path.join(out, 'fresh')));
  });

  it('a corrupt, empty or foreign entry is a miss, not an error', async () => {
    content = tempContent('content', { firstFive: true });
    const cache = temp('cache');
    const out = temp('out');
    await convert(cache, path.join(out, 'cold'));
    const entries = cacheFiles(cache);
    expect(entries.length).toBeGreaterThanOrEqual(10);
    expect(entries.every((f) => f.endsWith('.json'))).toBe(true);
    const broken = entries.map((f, i) => {
      const raw = readFileSync(f, 'utf8');
      const kind = i % 4;
      if (kind === 0) writeFileSync(f, raw.slice(0, raw.length >> 1)); // cut short
      else if (kind === 1) writeFileSync(f, ''); // empty
      else if (kind === 2) writeFileSync(f, raw.replace(/^\{"key":"[0-9a-f]{4}/, '{"key":"ffff')); // another key's
      else writeFileSync(f, raw.replace(/"value":\{/, '"value":{"bogus":1,"x":{')); // not a record
      return f;
    });
    expect(broken.length).toBe(entries.length);
    const again = await convert(cache, path.join(out, 'again'));
    expect(again.stats).toMatchObject({ converted: 5, readFromCache: 0, emitFromCache: 0 });
    expect(treeDigest(path.join(out, 'again'))).toEqual(treeDigest(path.join(out, 'cold')));
    // ... and written again whole: the next convert takes everything from the cache.
    const third = await convert(cache, path.join(out, 'third'));
    expect(third.stats).toMatchObject({ converted: 0, readFromCache: 5, emitted: 0 });
  });

  it('bypassed: neither read nor written', async () => {
    content = tempContent('content', { firstFive: true });
    const cache = temp('cache');
    const result = await convertArchive({ contentDir: content.dir, outDir: path.join(temp('out'), 'o'), convertCache: { dir: cache, bypass: true }, workers: 1 });
    expect(result.errors).toEqual([]);
    expect(result.stats).toMatchObject({ converted: 5, readFromCache: 0 });
    expect(cacheFiles(cache)).toEqual([]);
  });

  it('keeps what a convert uses and removes, once a day, what none used for two weeks', async () => {
    content = tempContent('content', { firstFive: true });
    const cache = temp('cache');
    const out = temp('out');
    await convert(cache, path.join(out, 'cold'));
    const used = cacheFiles(cache);
    expect(used.length).toBeGreaterThanOrEqual(10);
    // Entries of an older converter (never asked for again), a file a stopped run left, and today's entries made old.
    const stale = path.join(cache, 'ab', `ab${'0'.repeat(62)}.json`);
    const abandoned = path.join(cache, 'cd', `cd${'1'.repeat(62)}.json.123.x.tmp`);
    mkdirSync(path.dirname(stale), { recursive: true });
    mkdirSync(path.dirname(abandoned), { recursive: true });
    writeFileSync(stale, '{"key":"old","value":{}}');
    writeFileSync(abandoned, '{"key"');
    age(stale, CACHE_KEEP_DAYS + 1);
    age(abandoned, 2);
    for (const f of used) age(f, CACHE_KEEP_DAYS + 5);
    age(path.join(cache, '.pruned'), 2);

    // The convert uses every entry of its five documents: they stay; the others go.
    const again = await convert(cache, path.join(out, 'again'));
    expect(again.stats).toMatchObject({ converted: 0, readFromCache: 5, emitted: 0 });
    expect(cacheFiles(cache)).toEqual(used);
    expect(treeDigest(path.join(out, 'again'))).toEqual(treeDigest(path.join(out, 'cold')));

    // At most once a day: an old entry left now waits for tomorrow's prune (or a forced one).
    writeFileSync(stale, '{"key":"old","value":{}}');
    age(stale, CACHE_KEEP_DAYS + 1);
    await convert(cache, path.join(out, 'third'));
    expect(existsSync(stale)).toBe(true);
    expect(pruneCache(cache, { force: true })).toEqual({ removed: 1, removedBytes: 24, kept: used.length });
    expect(existsSync(stale)).toBe(false);
    // A day later every entry is still within two weeks of its last use: nothing to remove.
    expect(pruneCache(cache, { now: Date.now() + DAY + 1000 })).toEqual({ removed: 0, removedBytes: 0, kept: used.length });
    expect(pruneCache(cache, { now: Date.now() + (CACHE_KEEP_DAYS + 1) * DAY, force: true })).toEqual({ removed: used.length, removedBytes: expect.any(Number), kept: 0 });
  });
});
