/**
 * npm run bench:search: how well the search page ranks, on the judged query
 * set, and what a first search costs at archive scale
 * (docs/decisions/1102-judged-search-benchmark.md).
 *
 *   node scripts/search-bench/run.ts [--dist <dir>] [--judged <file>] [--json] [--no-usb] [--scale]
 *   node scripts/search-bench/run.ts --n 2000 [--dist <dir>] [--query "…" ...] [--runs 3] [--json] [--no-usb]
 *   common: [--workdir <dir>] [--keep]
 *
 * Without --dist it builds the shipped archive (or with --n a synthetic one of
 * N documents, as `npm run bench -- --n N` makes it) into a temporary folder,
 * never into dist/; --dist reuses a build (its USB edition is `<dist>-usb`).
 *
 * Judged set: each query opened as /tim-kiem/?q=… in Chromium, a fresh
 * context each, on the web build (http) and the USB edition (file://); the
 * web build's top 10 scored (nDCG@10, MRR, best first; 'none' queries apart),
 * the USB edition's top 10 compared with it; first-result times and the bytes
 * the first query loaded. --scale (implied by --n): the first search of a
 * handful of everyday queries, bytes and time, over http and file://; each
 * query --runs times (a fresh context each), the fastest run reported.
 *
 * Progress goes to stderr, the report to stdout (--json: one JSON document).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromiumAvailable, launchBrowser } from '../build/chromium.ts';
import { PROJECT_ROOT } from '../build/pipeline.ts';
import { startStaticServer } from '../build/static-server.ts';
import { buildShippedArchive, buildSyntheticArchive, existingArchive, type BuiltArchive } from './build-archive.ts';
import { DEFAULT_JUDGED_FILE, loadJudged } from './judged.ts';
import { runJudged } from './judged-run.ts';
import { judgedText, machineText, scaleText } from './report.ts';
import { runScale, SCALE_QUERIES } from './scale-run.ts';
import { fileEdition, httpEdition, type Edition } from './search-page.ts';

const USAGE =
  'usage: node scripts/search-bench/run.ts [--dist <dir>] [--judged <file>] [--json] [--no-usb] [--scale] [--n <documents>] [--query "…" ...] [--runs 3] [--workdir <dir>] [--keep]';

const log = (line: string) => console.error(`bench:search: ${line}`);

/** Published documents of a build (data/documents.json). */
function documentCount(distDir: string): number | null {
  try {
    const data = JSON.parse(readFileSync(join(distDir, 'data', 'documents.json'), 'utf8')) as unknown;
    const list = Array.isArray(data) ? data : (data as { documents?: unknown[] }).documents;
    return Array.isArray(list) ? list.length : null;
  } catch {
    return null;
  }
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        dist: { type: 'string' },
        judged: { type: 'string', default: DEFAULT_JUDGED_FILE },
        json: { type: 'boolean', default: false },
        'no-usb': { type: 'boolean', default: false },
        scale: { type: 'boolean', default: false },
        n: { type: 'string' },
        query: { type: 'string', multiple: true },
        runs: { type: 'string', default: '3' },
        workdir: { type: 'string' },
        keep: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    console.error(`bench:search: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const count = values.n === undefined ? null : Number(values.n);
  if (count !== null && (!Number.isInteger(count) || count < 1)) {
    console.error(`bench:search: --n wants a number of documents\n${USAGE}`);
    return 2;
  }
  const scale = values.scale || count !== null;
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) {
    console.error(`bench:search: --runs wants a positive whole number\n${USAGE}`);
    return 2;
  }
  if (!chromiumAvailable()) {
    console.error('bench:search: needs Chromium (/usr/bin/chromium, or CHROMIUM_PATH): apt-get install -y chromium');
    return 2;
  }
  // Judged URLs name documents of the shipped archive: a synthetic one is measured for scale only.
  const judgedFile = resolve(PROJECT_ROOT, values.judged);
  const judged = count === null ? loadJudged(judgedFile) : null;

  const workDir = values.workdir ? resolve(values.workdir) : values.dist ? null : mkdtempSync(join(tmpdir(), 'archive-search-bench-'));
  const removeWorkDir = workDir !== null && !values.workdir && !values.keep;
  let archive: BuiltArchive;
  try {
    if (values.dist) archive = existingArchive(resolve(values.dist));
    else if (count !== null) archive = await buildSyntheticArchive(workDir!, count, log);
    else archive = await buildShippedArchive(workDir!, log);
  } catch (error) {
    console.error(`bench:search: ${(error as Error).message}`);
    if (removeWorkDir) rmSync(workDir, { recursive: true, force: true });
    return 1;
  }

  const server = await startStaticServer(archive.distDir);
  const browser = await launchBrowser();
  const web = httpEdition(server.url);
  const usb: Edition | null = values['no-usb'] || archive.usbDir === null ? null : fileEdition(archive.usbDir);
  if (!values['no-usb'] && archive.usbDir === null) log(`no USB edition beside ${archive.distDir}: the web build only`);
  const documents = documentCount(archive.distDir);
  const out: Record<string, unknown> = { documents };
  const text: string[] = [];
  try {
    if (judged) {
      const report = await runJudged(browser, judged, web, usb, log);
      const file = relative(PROJECT_ROOT, judgedFile);
      out.judged = { file, ...report };
      text.push(judgedText(report, file));
    }
    if (scale) {
      const queries = values.query && values.query.length > 0 ? values.query : [...SCALE_QUERIES];
      const scaleRuns = await runScale(browser, usb ? [web, usb] : [web], queries, runs, log);
      out.scale = { queries, runs, editions: scaleRuns };
      text.push(scaleText(documents, runs, scaleRuns));
    }
  } finally {
    await browser.close();
    await server.close();
    if (removeWorkDir) rmSync(workDir, { recursive: true, force: true });
    else if (workDir !== null && existsSync(workDir)) log(`work folder kept: ${workDir}`);
  }
  out.load = loadavg();
  text.push(machineText());
  console.log(values.json ? JSON.stringify(out, null, 2) : text.join('\n\n'));
  return 0;
}

process.exitCode = await main();
