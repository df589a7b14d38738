/**
 * Worker threads over documents (ADR 1202): the output does not depend on
 * the worker count. A small real archive (the five first sources, a PDF, a
 * Word file and its PDF copy, a file step 00 cannot read) converted with one
 * thread and with two workers (the threshold lowered so they start), cache
 * bypassed: the same bytes, the same held-back documents.
 */
import { treeDigest } from '../../scripts/build/tree.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { convertArchive, withHeldBack, readEditorFiles, readSources, receivedText, sourceFileNames, type ConvertResult } from '../../scripts/pipeline/convert-archive.ts';
import { copyCandidates, resolveCopies } from '../../scripts/pipeline/duplicates.ts';
import { batchSize, jsonArray, tailBatch, workerCount } from '../../scripts/pipeline/convert-workers.ts';
import { json } from '../../scripts/pipeline/08-emit/data.ts';
import { tempContent, type TempContent } from '../support/temp-content.ts';

// A PDF with a text layer, and two copies of one document (a PDF and a Word file): the copy
// is found on the texts as received, which the workers hand back.
const ORIGINALS = ['04_hanoi_hdnd_nq_11_2025.pdf', '05_dongthap_sgddt_qd_337_2026.pdf', '15_dongthap_sgddt_qd_337_2026.docx'];

let content: TempContent;
const temps: string[] = [];
afterEach(() => {
  content?.cleanup();
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});


describe('convert on worker threads', { timeout: 180_000 }, () => {
  it('two workers write the same bytes as one thread', async () => {
    content = tempContent('content', { firstFive: true });
    for (const name of ORIGINALS) copyFileSync(path.join('content', 'sources', name), path.join(content.dir, 'sources', name));
    content.write('sources/98_not_a_pdf.pdf', 'this is no PDF at all\n');
    const out = mkdtempSync(path.join(tmpdir(), 'convert-workers-'));
    temps.push(out);
    const run = async (workers: number, dir: string, logs: string[]): Promise<ConvertResult> => {
      const r = await convertArchive({ contentDir: content.dir, outDir: path.join(out, dir), convertCache: { bypass: true }, workers, log: (l) => logs.push(l) });
      expect(r.errors).toEqual([]);
      return r;
    };
    const oneLog: string[] = [];
    const one = await run(1, 'one', oneLog);
    expect(one.stats.workers).toBe(0);
    const twoLog: string[] = [];
    const two = await runWithWorkers(2, path.join(out, 'two'), twoLog);
    expect(two.stats.workers).toBe(2);
    expect(two.stats.converted).toBe(one.stats.converted);
    expect(one.stats.converted).toBe(9);
    // Held back: the copy (duplicate), the file that is no PDF (bytes).
    expect(one.heldBack.map((h) => `${h.file} ${h.kind}`)).toEqual(expect.arrayContaining(['98_not_a_pdf.pdf bytes', expect.stringMatching(/^(05_dongthap_sgddt_qd_337_2026\.pdf|15_dongthap_sgddt_qd_337_2026\.docx) duplicate$/)]));
    expect(two.heldBack).toEqual(one.heldBack);
    expect(treeDigest(path.join(out, 'two'))).toEqual(treeDigest(path.join(out, 'one')));
    // The per-file log lines too, in file-name order.
    const perFile = (log: string[]) => log.filter((l) => l.startsWith('  ['));
    expect(perFile(twoLog)).toEqual(perFile(oneLog));
    expect(perFile(oneLog)).toHaveLength(9);
  });

  it('with the convert cache: what two workers store, one thread finds, and one changed source is read again in a worker', async () => {
    content = tempContent('content', { firstFive: true });
    const out = mkdtempSync(path.join(tmpdir(), 'convert-workers-'));
    const cache = mkdtempSync(path.join(tmpdir(), 'convert-workers-cache-'));
    temps.push(out, cache);
    const run = async (workers: number, dir: string): Promise<ConvertResult> => {
      const r = await convertArchive({ contentDir: content.dir, outDir: path.join(out, dir), convertCache: { dir: cache }, workers, minDocumentsForWorkers: 1 });
      expect(r.errors).toEqual([]);
      return r;
    };
    // Cold, two workers: each emits the documents it read, from what linking changed, and stores them.
    const cold = await run(2, 'cold');
    expect(cold.stats).toMatchObject({ converted: 5, readFromCache: 0, emitted: cold.documents.length, emitFromCache: 0, workers: 2 });
    // The main thread finds every emission a worker stored: the worker's linked model is the main thread's, to the byte.
    const warm = await run(1, 'warm');
    expect(warm.stats).toMatchObject({ converted: 0, readFromCache: 5, emitted: 0, emitFromCache: cold.documents.length, workers: 0 });
    expect(treeDigest(path.join(out, 'warm'))).toEqual(treeDigest(path.join(out, 'cold')));
    // One source changed: read again in a worker, which finds the unchanged emissions of the documents it holds.
    const source = path.join(content.dir, 'sources', '002_69de05d7962fd3a5.txt');
    const text = readFileSync(source, 'utf8');
    content.write('sources/002_69de05d7962fd3a5.txt', text.replace('Điều 2.', 'Điều 2. (văn bản đã sửa)'));
    const changed = await run(2, 'changed');
    expect(changed.stats).toMatchObject({ converted: 1, readFromCache: 4, workers: 2 });
    expect(changed.stats.emitted).toBeGreaterThanOrEqual(1);
    expect(changed.stats.emitted + changed.stats.emitFromCache).toBe(changed.documents.length);
    await convertArchive({ contentDir: content.dir, outDir: path.join(out, 'fresh'), convertCache: { bypass: true }, workers: 1 });
    expect(treeDigest(path.join(out, 'changed'))).toEqual(treeDigest(path.join(out, 'fresh')));
    expect(treeDigest(path.join(out, 'changed'))).not.toEqual(treeDigest(path.join(out, 'cold')));
  });

  it('the texts shingled in the workers before the comparison of copies are every text it compares', async () => {
    content = tempContent('content', { firstFive: true });
    for (const name of ORIGINALS) copyFileSync(path.join('content', 'sources', name), path.join(content.dir, 'sources', name));
    const sources = path.join(content.dir, 'sources');
    const { catalog, corrections } = await readEditorFiles(content.dir);
    const read = await readSources(sources, sourceFileNames(readdirSync(sources)), catalog, corrections, () => {}, { convertCache: { bypass: true }, workers: 1 });
    const docs = read.outcomes.flatMap((o) => (o.doc ? [o.doc] : []));
    const asked = new Set<string>();
    const texts = new Map(await Promise.all(docs.map(async (d) => [d.sourceFile, await receivedText(sources, d.sourceFile)] as const)));
    const { heldBack } = resolveCopies(docs, (d) => (asked.add(d.sourceFile), texts.get(d.sourceFile)!));
    expect(heldBack.map((h) => h.kind)).toEqual(['duplicate']);
    const candidates = copyCandidates(docs);
    // The PDF and the Word file of one decision are compared; every text compared was a candidate.
    expect(asked).toEqual(new Set(['05_dongthap_sgddt_qd_337_2026.pdf', '15_dongthap_sgddt_qd_337_2026.docx']));
    expect([...asked].filter((f) => !candidates.has(f))).toEqual([]);
    expect(candidates.size).toBeLessThan(docs.length);
  });

  it('data files joined from records printed in the workers are the bytes json() prints', () => {
    const items: unknown[] = [
      { id: 'a', nested: { list: [1, 2, { deep: [] }], empty: {} }, text: 'dòng 1\ndòng 2\t"trích"' },
      [],
      { id: 'b', quality: [{ kind: 'note', message: 'x' }], none: null },
      'một chuỗi',
      42,
    ];
    expect(jsonArray(items.map((i) => JSON.stringify(i, null, 2)))).toBe(json(items));
    expect(jsonArray([])).toBe(json([]));
  });

  it('worker count and batch size', () => {
    expect(workerCount({ ARCHIVE_CONVERT_WORKERS: '1' })).toBe(1);
    expect(workerCount({ ARCHIVE_CONVERT_WORKERS: '3' })).toBe(3);
    expect(workerCount({})).toBeGreaterThanOrEqual(1);
    expect(workerCount({ ARCHIVE_CONVERT_WORKERS: 'x' })).toBe(workerCount({}));
    expect(batchSize(2000, 2)).toBe(64);
    expect(batchSize(100, 2)).toBe(9);
    expect(batchSize(3, 2)).toBe(1);
    // Towards the end of a run batches shrink, down to one task.
    expect(tailBatch(64, 2000, 2)).toBe(64);
    expect(tailBatch(64, 200, 2)).toBe(25);
    expect(tailBatch(64, 3, 2)).toBe(1);
  });

  it('quality.json printed before the held-back list is final: the bytes json() gives', () => {
    const report = { documents: [{ id: 'a', issues: [{ kind: 'x', line: 3 }] }], missing: [], conflicts: [{ key: 'k', datesSeen: ['2025-01-02'] }] };
    const heldBack = [{ file: 'b.txt', kind: 'copy', fix: ['  - file: b.txt'], reason: 'r', acknowledged: 'why' }];
    for (const held of [heldBack, []]) {
      expect(withHeldBack(JSON.stringify(report, null, 2), held as never)).toBe(json({ ...report, heldBack: held }));
    }
    expect(() => withHeldBack('{}', [])).toThrow();
  });
});

/** convertArchive with the worker threshold lowered to one document, so two workers start on a small archive. */
async function runWithWorkers(workers: number, outDir: string, logs: string[]): Promise<ConvertResult> {
  const r = await convertArchive({ contentDir: content.dir, outDir, convertCache: { bypass: true }, workers, minDocumentsForWorkers: 1, log: (l) => logs.push(l) });
  expect(r.errors).toEqual([]);
  return r;
}
