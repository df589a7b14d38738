/**
 * npm run bench: build a synthetic archive of N documents and report, per
 * stage (convert, astro, pagefind, ...), seconds and peak memory, then the sizes
 * of what was built and what a first search loads; for the USB edition, its
 * size against the web build and a first search opened through file://.
 *
 *   node scripts/bench.ts [--n 500] [--engine satteri|unified|both]
 *                         [--query "nông thôn"] [--d-query "dang bo"] [--no-browser] [--no-bare] [--keep]
 *                         [--workdir <dir>] [--json <file>] [--seed <n>]
 *                         [--real-runs 5] [--no-real] [--real-only] [--bases <file,file,...>]
 *                         [--no-extract] [--extract-only]
 *
 * Then step 00 alone on the original files of content/sources (.pdf, .docx,
 * .doc; cache bypassed): ms per page for the PDF text layer, DOCX, DOC and
 * OCR (scripts/build/bench-extract.ts, ADR 1501); OCR takes minutes, so
 * `--no-extract` skips it and `--extract-only` stops after it.
 *
 * First, the conversion alone on the real corpus (content/sources, in-process,
 * warm: documents/s, MB/s, the slowest documents; scripts/build/bench-convert.ts,
 * docs/decisions/1005-convert-speed.md); `--real-only` stops there, `--no-real`
 * skips it (and its twin on the synthetic archive, measured before the build).
 * The synthetic archive varies the real sources of content/sources that the
 * converter reads today (see scripts/build/synthetic.ts), with its own empty
 * aliases and published-URL register; everything is built in a temporary
 * folder, never into dist/. `--bases` varies only the named files of
 * content/sources (a fixed mix, for figures comparable across reader changes). The convert stage's figures include documents/s
 * and MB/s of source text. `--engine unified` renders Markdown/MDX with the unified
 * (remark/rehype) pipeline plus rehype-slug instead of Astro's default Sätteri,
 * for the comparison in docs/decisions/0102-markdown-engine.md; it needs
 * @astrojs/markdown-remark and rehype-slug, which the project does not depend
 * on: the bench tells how to install them beside the project.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromiumAvailable } from './build/chromium.ts';
import { benchConversion, conversionReport, type ConvertSpeed } from './build/bench-convert.ts';
import { benchExtraction, extractionReport, type ExtractBench } from './build/bench-extract.ts';
import { BENCH_QUERIES, byKindText, measureFirstSearch, pagefindIndexSize, type FirstSearch, type IndexSize } from './build/first-search.ts';
import { releaseAllLocks } from './build/lock.ts';
import { buildSite, defaultUsbDir, PROJECT_ROOT, removeActiveStaging, STAGE_NAMES, wallSecondsOf, type BuildResult } from './build/pipeline.ts';
import { formatBytes, killRunningStages } from './build/run-stage.ts';
import { makeSyntheticArchive, type SyntheticSummary } from './build/synthetic.ts';
import { treeSize, type TreeSize } from './build/tree.ts';
import { barePages, buildBareSite, type BareBuild } from './build/bare-site.ts';
import { distWeight, type DistWeight } from './build/page-weight.ts';
import { measureUsbFirstSearch, usbSizes, type UsbFigures } from './usb/bench-usb.ts';

const ENGINES = ['satteri', 'unified'] as const;
type Engine = (typeof ENGINES)[number];

/** Where `--engine unified` looks for its packages (outside package.json on purpose). */
const ENGINE_PREFIX = resolve(process.env.ARCHIVE_BENCH_ENGINES ?? join(PROJECT_ROOT, '.tmp', 'bench-engines'));
const INSTALL_HINT = `npm install --prefix ${ENGINE_PREFIX} --no-save @astrojs/markdown-remark@7 rehype-slug@6`;

interface EngineRun {
  engine: Engine;
  build: BuildResult;
  dist: TreeSize | null;
  html: TreeSize | null;
  documentPages: TreeSize | null;
  pagefind: TreeSize | null;
  firstSearch: FirstSearch | null;
  /** First searches for the other bench queries (an accent-free d: `--d-query`), docs/decisions/0601. */
  moreSearches: FirstSearch[];
  /** The Pagefind index on disk, by kind. */
  pagefindIndex: IndexSize | null;
  /** The USB edition (dist-usb beside dist): size against the web build, first search from file://. */
  usb: UsbFigures | null;
  /** Documents the converter published (MDX files written); fewer than the sources when it held some back. */
  published: number | null;
  /** The yardstick: bare Astro + Pagefind over the same generated MDX (scripts/build/bare-site.ts); null with --no-bare. */
  bare: BareBuild | null;
  /** HTML bytes over visible text bytes of the document pages (scripts/build/page-weight.ts); of the bare pages too. */
  pageWeight: DistWeight | null;
  barePageWeight: DistWeight | null;
  logFile: string;
}

function usage(): never {
  console.error(
    'usage: node scripts/bench.ts [--n 500] [--engine satteri|unified|both] [--query "nông thôn"] [--d-query "dang bo"] [--no-browser] [--no-bare] [--keep] [--workdir <dir>] [--json <file>] [--seed <n>] [--real-runs 5] [--no-real] [--real-only] [--bases <file,file,...>] [--no-extract] [--extract-only]',
  );
  process.exit(2);
}

/** Written inside the project (astro resolves --config against the root); removed at exit. */
function unifiedConfig(): string {
  const remark = join(ENGINE_PREFIX, 'node_modules', '@astrojs', 'markdown-remark', 'dist', 'index.js');
  const slug = join(ENGINE_PREFIX, 'node_modules', 'rehype-slug', 'index.js');
  if (!existsSync(remark) || !existsSync(slug)) {
    console.error(`bench: --engine unified needs @astrojs/markdown-remark and rehype-slug in ${ENGINE_PREFIX}.\nInstall them (they stay out of package.json) with:\n  ${INSTALL_HINT}`);
    process.exit(2);
  }
  mkdirSync(join(PROJECT_ROOT, '.tmp'), { recursive: true });
  const file = join(PROJECT_ROOT, '.tmp', `astro.config.unified-${process.pid}.mjs`);
  process.on('exit', () => rmSync(file, { force: true }));
  // The project's config with only the Markdown processor replaced.
  writeFileSync(
    file,
    [
      `import base from ${JSON.stringify(join(PROJECT_ROOT, 'astro.config.mjs'))};`,
      `import { unified } from ${JSON.stringify(remark)};`,
      `import rehypeSlug from ${JSON.stringify(slug)};`,
      `const processor = unified({ smartypants: false, rehypePlugins: [rehypeSlug] });`,
      `console.log('[bench] markdown processor: ' + processor.name + ' (smartypants off, rehype-slug)');`,
      `export default { ...base, markdown: { ...base.markdown, processor } };`,
      '',
    ].join('\n'),
  );
  return file;
}

/** A document page: van-ban/<issuer>/<year>/<number>/index.html. */
const isDocumentPage = (file: string) => /^van-ban\/[^/]+\/[^/]+\/[^/]+\/index\.html$/.test(file);

async function benchEngine(engine: Engine, astroConfig: string | undefined, contentDir: string, workDir: string, options: { browser: boolean; bare: boolean; query: string; dQuery: string }): Promise<EngineRun> {
  const dir = join(workDir, engine);
  mkdirSync(dir, { recursive: true });
  const distDir = join(dir, 'dist');
  const logFile = join(dir, 'build.log');
  console.log(`\nbench: building with ${engine} (stage output in ${logFile})`);
  const build = await buildSite({
    contentDir,
    generatedDir: join(dir, 'generated'),
    distDir,
    astroConfig,
    measureMemory: true,
    logFile,
    log: (line) => console.log(`  ${line}`),
    // A cold build: caches of this run only, never the project's .cache (a warm cache would flatter every figure).
    env: { ARCHIVE_CACHE_DIR: join(dir, 'cache') },
  });
  const run: EngineRun = { engine, build, dist: null, html: null, documentPages: null, pagefind: null, firstSearch: null, moreSearches: [], pagefindIndex: null, usb: null, published: null, bare: null, pageWeight: null, barePageWeight: null, logFile };
  if (!build.ok) {
    console.error(`  FAILED: ${build.message} (see ${logFile})`);
    return run;
  }
  const generatedDocuments = join(dir, 'generated', 'documents');
  run.published = existsSync(generatedDocuments) ? readdirSync(generatedDocuments).filter((name) => name.endsWith('.mdx')).length : null;
  run.dist = treeSize(distDir);
  run.html = treeSize(distDir, (file) => file.endsWith('.html'));
  run.documentPages = treeSize(distDir, isDocumentPage);
  run.pagefind = treeSize(distDir, (file) => file.startsWith('pagefind/'));
  run.pagefindIndex = pagefindIndexSize(distDir);
  run.pageWeight = distWeight(distDir);
  const usbDir = defaultUsbDir(distDir);
  if (existsSync(usbDir)) run.usb = { ...usbSizes(distDir, usbDir), firstSearch: null };
  if (options.bare) {
    console.log(`  building the yardstick: bare Astro + Pagefind over the same ${run.published ?? '?'} MDX files`);
    run.bare = await buildBareSite({ root: PROJECT_ROOT, documentsDir: generatedDocuments, workDir: dir, astroConfig, measureMemory: true, logFile });
    for (const stage of run.bare.stages) console.log(`  ✔ ${stage.name} ${stage.seconds.toFixed(2)} s${stage.ok ? '' : ' FAILED'}`);
    if (!run.bare.ok) console.error(`  bare build FAILED: ${run.bare.message} (see ${logFile})`);
    else run.barePageWeight = distWeight(run.bare.distDir, 5, barePages(run.bare.distDir));
  }
  if (options.browser) {
    if (chromiumAvailable()) {
      console.log(`  measuring a first search for "${options.query}" in Chromium`);
      run.firstSearch = await measureFirstSearch(distDir, options.query);
      if (options.dQuery && options.dQuery !== options.query) {
        console.log(`  measuring a first search for "${options.dQuery}" (d also searched as đ) in Chromium`);
        run.moreSearches.push(await measureFirstSearch(distDir, options.dQuery));
      }
      if (run.usb) {
        console.log(`  measuring a first search for "${options.query}" in the USB edition, through file://`);
        run.usb.firstSearch = await measureUsbFirstSearch(usbDir, options.query);
      }
    } else {
      console.log('  (no Chromium: first-search figures skipped)');
    }
  }
  return run;
}

function mb(bytes: number | null | undefined): string {
  return bytes === null || bytes === undefined ? 'n/a' : formatBytes(bytes);
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length))) ?? [];
  return rows.map((row) => row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col] ?? 0) : cell.padStart(widths[col] ?? 0))).join('   ')).join('\n');
}

/** Which shipped sources the synthetic archive could not use, and copies it had to remake. */
function syntheticNote(synthetic: SyntheticSummary): string {
  const reasons = new Map<string, number>();
  for (const u of synthetic.unreadable) {
    const reason = /^[^:;.(]{1,60}/.exec(u.reason)?.[0]?.trim() || u.reason.slice(0, 60);
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  const left = synthetic.unreadable.length === 0 ? 'every shipped source reads' : `${synthetic.unreadable.length} shipped sources left out, as the converter does not read them today (${[...reasons].map(([r, n]) => `${r} ${n}`).join('; ')})`;
  const copies = synthetic.retriedCopies + synthetic.droppedCopies > 0 ? `; ${synthetic.retriedCopies} copies made again unvaried, ${synthetic.droppedCopies} left out` : '';
  return `${left}${copies}`;
}

function report(count: number, synthetic: SyntheticSummary, runs: EngineRun[]): string {
  const lines: string[] = [];
  lines.push('');
  lines.push(`bench: ${count} documents (${synthetic.bases} real sources varied; ${formatBytes(synthetic.bytes)} of text, ${formatBytes(synthetic.minBytes)}–${formatBytes(synthetic.maxBytes)} each)`);
  lines.push(`  ${syntheticNote(synthetic)}`);
  lines.push(
    `machine: ${cpus().length} CPU, ${formatBytes(totalmem())} RAM, node ${process.version}; peak RSS by ${runs[0]?.build.stages[0]?.rssMethod ?? 'n/a'}; ` +
      `load average now ${loadText()} (other work on the machine slows every figure)`,
  );
  lines.push('');
  const header = ['stage'];
  for (const run of runs) header.push(`${run.engine} s`, `${run.engine} peak RSS`);
  const rows: string[][] = [header];
  for (const name of STAGE_NAMES) {
    const row: string[] = [name];
    for (const run of runs) {
      const stage = run.build.stages.find((s) => s.name === name);
      row.push(stage ? `${stage.seconds.toFixed(1)}${stage.ok ? '' : ' FAILED'}` : '–', stage ? mb(stage.peakRssBytes) : '–');
    }
    rows.push(row);
  }
  const total = ['total (wall)'];
  for (const run of runs) total.push(run.build.totalSeconds.toFixed(1), '');
  rows.push(total);
  lines.push(table(rows));
  for (const run of runs) {
    const convert = run.build.stages.find((s) => s.name === 'convert');
    if (!convert?.ok) continue;
    lines.push(
      `convert stage (${run.engine}): ${(count / convert.seconds).toFixed(1)} documents/s, ${(synthetic.bytes / 1024 / 1024 / convert.seconds).toFixed(2)} MB/s of source text ` +
        `(the whole process: start-up, read, link, emit, write)`,
    );
    if (run.published !== null && run.published !== count) {
      lines.push(`  the converter published ${run.published} of the ${count} documents it read (the others held back: see ${run.logFile})`);
    }
  }
  for (const run of runs) lines.push(...yardstickReport(count, run));
  lines.push('');

  const out: string[][] = [['output', ...runs.flatMap((run) => [`${run.engine} files`, `${run.engine} size`])]];
  const sizeRow = (label: string, pick: (run: EngineRun) => TreeSize | null) => out.push([label, ...runs.flatMap((run) => [String(pick(run)?.files ?? 'n/a'), mb(pick(run)?.bytes)])]);
  sizeRow('dist (all)', (run) => run.dist);
  sizeRow('  HTML', (run) => run.html);
  sizeRow('  document pages', (run) => run.documentPages);
  sizeRow('  pagefind index', (run) => run.pagefind);
  out.push([
    '  avg document page',
    ...runs.flatMap((run) => ['', run.documentPages && run.documentPages.files > 0 ? mb(run.documentPages.bytes / run.documentPages.files) : 'n/a']),
  ]);
  lines.push(table(out));

  for (const run of runs) {
    if (run.pagefindIndex) {
      lines.push('');
      lines.push(`pagefind index (${run.engine}): ${byKindText(run.pagefindIndex.bytes, mb)}; ${run.pagefindIndex.files.index ?? 0} index chunks, ${run.pagefindIndex.files.fragment ?? 0} fragments`);
    }
    for (const fs of [run.firstSearch, ...run.moreSearches]) {
      if (!fs) continue;
      if (fs.error) {
        lines.push(`first search "${fs.query}" (${run.engine}): not measured: ${fs.error}`);
        continue;
      }
      lines.push(
        `first search "${fs.query}" (${run.engine}): ${fs.results} results shown in ${fs.seconds.toFixed(2)} s; ` +
          `Pagefind loaded ${fs.pagefindRequests} files, ${mb(fs.pagefindBytes)} (${byKindText(fs.pagefindByKind, mb)}); the page itself ${fs.pageRequests} files, ${mb(fs.pageBytes)}`,
      );
    }
  }
  for (const run of runs) {
    const usb = run.usb;
    if (!usb) continue;
    lines.push('');
    lines.push(
      `USB edition (${run.engine}): ${usb.usb.files} files, ${mb(usb.usb.bytes)} = ${usb.ratio.toFixed(2)}× the web build (${usb.web.files} files, ${mb(usb.web.bytes)}; target ≤ 1.4×)` +
        `${usb.zipBytes !== null ? `; zip ${mb(usb.zipBytes)}` : ''}`,
    );
    lines.push(
      `  Pagefind index as base64 scripts: ${mb(usb.indexScriptBytes)} for ${mb(usb.indexBytes)} (+${(((usb.indexScriptBytes - usb.indexBytes) / Math.max(1, usb.indexBytes)) * 100).toFixed(1)} %)`,
    );
    const fs = usb.firstSearch;
    if (!fs) continue;
    if (fs.error) {
      lines.push(`  first search "${fs.query}" from file://: not measured: ${fs.error}`);
      continue;
    }
    lines.push(
      `  first search "${fs.query}" from file://: ${fs.results} results in ${fs.seconds.toFixed(2)} s; ` +
        `Pagefind loaded ${fs.pagefindScripts} scripts, ${mb(fs.pagefindBytes)} (${mb(fs.pagefindDecodedBytes)} once decoded); the page itself ${fs.pageFiles} files, ${mb(fs.pageBytes)}`,
    );
  }
  return lines.join('\n');
}

/** Targets of issue 12 (docs/decisions/1203-build-performance.md). */
const TARGET = { ratio: 1.2, docsPerSecond: 250, usbUrlsShare: 0.15, stageVsBare: 1.1, pageWeight: 1.3 };

/** The whole build against bare Astro + Pagefind of the same MDX, in one run: the figure issue 12 asks for. */
function yardstickReport(count: number, run: EngineRun): string[] {
  const bare = run.bare;
  if (!run.build.ok || !bare?.ok) return [];
  const stage = (name: string) => run.build.stages.find((s) => s.name === name);
  const seconds = (name: string) => stage(name)?.seconds ?? 0;
  const bareAstro = bare.stages.find((s) => s.name === 'bare astro')!;
  const barePagefind = bare.stages.find((s) => s.name === 'bare pagefind')!;
  const bareSeconds = bareAstro.seconds + barePagefind.seconds;
  const whole = run.build.totalSeconds;
  const ratio = whole / bareSeconds;
  // urls and usb run at the same time (scripts/build/pipeline.ts STEPS): their share is the wall time of that step.
  const share = wallSecondsOf(run.build.stages, ['usb', 'urls']) / whole;
  const rate = count / seconds('convert');
  const peak = Math.max(...run.build.stages.map((s) => s.peakRssBytes ?? 0));
  const barePeak = Math.max(...bare.stages.map((s) => s.peakRssBytes ?? 0));
  const mark = (ok: boolean) => (ok ? 'ok' : 'OVER');
  return [
    '',
    `whole build against bare Astro + Pagefind over the same ${run.published ?? count} MDX files (${run.engine}; project's astro, @astrojs/mdx, markdown engine):`,
    `  whole build ${whole.toFixed(1)} s = ${run.build.stages.map((s) => `${s.name} ${s.seconds.toFixed(1)}`).join(' + ')}; peak RSS ${mb(peak)}`,
    `  bare        ${bareSeconds.toFixed(1)} s = astro ${bareAstro.seconds.toFixed(1)} + pagefind ${barePagefind.seconds.toFixed(1)}; peak RSS ${mb(barePeak)}`,
    `  RATIO ${ratio.toFixed(2)}× (target ≤ ${TARGET.ratio}×: ${mark(ratio <= TARGET.ratio)}); astro ${(seconds('astro') / bareAstro.seconds).toFixed(2)}× bare, pagefind ${(seconds('pagefind') / barePagefind.seconds).toFixed(2)}× bare (target ≤ ${TARGET.stageVsBare}×)`,
    ...(run.pageWeight
      ? [
          `  document pages, HTML / visible text: median ${run.pageWeight.median.toFixed(2)}, p90 ${run.pageWeight.p90.toFixed(2)}, max ${run.pageWeight.max.toFixed(2)} (target ≤ ${TARGET.pageWeight}: ${mark(run.pageWeight.max <= TARGET.pageWeight)}; worst ${run.pageWeight.worst[0]?.page ?? '–'})` +
            (run.barePageWeight ? `; bare pages (the MDX alone) median ${run.barePageWeight.median.toFixed(2)}` : ''),
        ]
      : []),
    `  conversion ${rate.toFixed(1)} documents/s (target ≥ ${TARGET.docsPerSecond}: ${mark(rate >= TARGET.docsPerSecond)}); usb + urls (run together) ${(share * 100).toFixed(1)} % of the build (target ≤ ${TARGET.usbUrlsShare * 100} %: ${mark(share <= TARGET.usbUrlsShare)})`,
  ];
}

const REAL_LABEL = 'real corpus (content/sources)';

function machine() {
  return { cpus: cpus().length, memoryBytes: totalmem(), node: process.version, loadAverage: loadavg() };
}

/** 1, 5 and 15 minute load averages. */
function loadText(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

function writeJson(file: string, summary: unknown): void {
  writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
  console.log(`\nbench: figures written to ${file}`);
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        n: { type: 'string', default: '500' },
        engine: { type: 'string', default: 'satteri' },
        query: { type: 'string', default: BENCH_QUERIES[0] },
        'd-query': { type: 'string', default: BENCH_QUERIES[1] },
        'no-browser': { type: 'boolean', default: false },
        'no-bare': { type: 'boolean', default: false },
        keep: { type: 'boolean', default: false },
        workdir: { type: 'string' },
        json: { type: 'string' },
        seed: { type: 'string', default: '20240710' },
        'real-runs': { type: 'string', default: '5' },
        'no-real': { type: 'boolean', default: false },
        'real-only': { type: 'boolean', default: false },
        'no-extract': { type: 'boolean', default: false },
        'extract-only': { type: 'boolean', default: false },
        bases: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`bench: ${(error as Error).message}`);
    usage();
  }
  const count = Number(values.n);
  if (!Number.isInteger(count) || count < 1) usage();
  const realRuns = Number(values['real-runs']);
  if (!Number.isInteger(realRuns) || realRuns < 1) usage();
  const engines: Engine[] = values.engine === 'both' ? [...ENGINES] : ENGINES.includes(values.engine as Engine) ? [values.engine as Engine] : usage();

  // Step 00 on the original files, cache bypassed: ms per page by extractor.
  let extraction: ExtractBench | null = null;
  if (!values['no-extract']) {
    console.log(`bench: extracting the original files of ${join(PROJECT_ROOT, 'content')}/sources, cache bypassed (load average ${loadText()})`);
    try {
      extraction = await benchExtraction(join(PROJECT_ROOT, 'content'), (line) => console.log(line));
      console.log(extractionReport(extraction).join('\n'));
    } catch (error) {
      console.error(`bench: extraction not measured: ${(error as Error).message}`);
    }
  }
  if (values['extract-only']) {
    if (values.json) writeJson(resolve(values.json), { extraction, machine: machine() });
    return extraction ? 0 : 1;
  }

  // The conversion alone on the real corpus: seconds, in this process, before the builds load the machine.
  let real: ConvertSpeed | null = null;
  if (!values['no-real']) {
    const realContent = join(PROJECT_ROOT, 'content');
    console.log(`bench: converting ${realContent}/sources in-process (1 warm-up run, ${realRuns} timed; load average ${loadText()})`);
    try {
      real = benchConversion(realContent, { runs: realRuns, warmup: 1 });
      console.log(conversionReport(real, REAL_LABEL, formatBytes).join('\n'));
    } catch (error) {
      console.error(`bench: real-corpus conversion not measured: ${(error as Error).message}`);
    }
  }
  if (values['real-only']) {
    if (values.json) writeJson(resolve(values.json), { real: real && { ...real }, machine: machine() });
    return real ? 0 : 1;
  }

  const workDir = values.workdir ? resolve(values.workdir) : mkdtempSync(join(tmpdir(), 'archive-bench-'));
  mkdirSync(workDir, { recursive: true });
  const cleanup = () => {
    if (!values.keep && !values.workdir) rmSync(workDir, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    killRunningStages(signal);
    removeActiveStaging();
    releaseAllLocks();
    cleanup();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  // Check every engine's prerequisites before spending minutes on the first.
  const configs = new Map(engines.map((engine) => [engine, engine === 'unified' ? unifiedConfig() : undefined]));

  const contentDir = join(workDir, 'content');
  console.log(`bench: making ${count} synthetic documents in ${contentDir}`);
  let synthetic: SyntheticSummary;
  try {
    synthetic = makeSyntheticArchive({
      contentDir: join(PROJECT_ROOT, 'content'),
      outDir: contentDir,
      count,
      seed: Number(values.seed),
      sources: values.bases?.split(',').map((name) => name.trim()).filter(Boolean),
    });
  } catch (error) {
    console.error(`bench: ${(error as Error).message}`);
    cleanup();
    return 2;
  }

  // The same in-process measurement on the synthetic archive: by CPU time, comparable under any load.
  let syntheticSpeed: ConvertSpeed | null = null;
  if (!values['no-real']) {
    console.log(`bench: converting the synthetic archive in-process (1 warm-up run, 1 timed)`);
    try {
      syntheticSpeed = benchConversion(contentDir, { runs: 1, warmup: 1 });
    } catch (error) {
      console.error(`bench: synthetic conversion not measured in-process: ${(error as Error).message}`);
    }
  }

  const runs: EngineRun[] = [];
  for (const engine of engines) runs.push(await benchEngine(engine, configs.get(engine), contentDir, workDir, { browser: !values['no-browser'], bare: !values['no-bare'], query: values.query, dQuery: values['d-query'] }));

  console.log(report(count, synthetic, runs));
  if (syntheticSpeed) console.log(`\n${conversionReport(syntheticSpeed, `synthetic archive (${count} documents)`, formatBytes).join('\n')}`);
  if (real) console.log(`\n${conversionReport(real, REAL_LABEL, formatBytes).join('\n')}`);
  if (values.json) {
    writeJson(resolve(values.json), {
      documents: count,
      synthetic,
      machine: machine(),
      real,
      syntheticInProcess: syntheticSpeed,
      runs: runs.map((run) => ({ ...run, logFile: undefined })),
    });
  }
  const failed = runs.filter((run) => !run.build.ok);
  if (values.keep || values.workdir || failed.length > 0) console.log(`\nbench: work folder kept: ${workDir}`);
  else cleanup();
  return failed.length > 0 ? 1 : 0;
}

process.exitCode = await main();
