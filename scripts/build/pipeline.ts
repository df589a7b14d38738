/**
 * The whole build as data: convert -> astro -> pagefind, each a child process,
 * staged in temporary directories and promoted only when every stage passed.
 *
 * Used by scripts/build.ts (npm run build), scripts/bench.ts and the browser
 * tests' global setup (through scripts/build.ts).
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, rmdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { totalmem } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withLock } from './lock.ts';
import { runStage, type StageCommand, type StageResult } from './run-stage.ts';
import { readPublicAddress, type PublicAddress } from './site-config.ts';
import { PUBLISHED_ZIP_PATH } from '../usb/published-zip.ts';

/** The project root (this file is scripts/build/pipeline.ts). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The pages Pagefind reads: only document pages carry data-pagefind-body
 * (src/pages/van-ban/[...path].astro), so Pagefind indexes nothing else, but it
 * would still parse every other page (cited-document, quality and listing pages:
 * a third of the HTML) to find that out. Same index, byte for byte, in less than
 * half the time (docs/decisions/1203-build-performance.md); a browser test checks
 * that no page outside it carries the marker.
 */
export const SEARCHED_PAGES_GLOB = 'van-ban/**/*.html';

// urls: the permanence check of the published-URL register (scripts/urls/check.ts,
// docs/decisions/0501-citable-urls.md), so a build that loses a published URL is never promoted.
// usb: the USB edition and its zip from the checked dist (scripts/usb/build-usb.ts,
// docs/decisions/0701-usb-edition.md), promoted with dist.
// pdf: optional (BuildOptions.pdf), each document page printed to PDF before the USB edition copies
// the site (scripts/build/pdf.ts, docs/decisions/1403-take-it-away.md).

/**
 * The stages in order; stages of one step run at the same time. urls only reads dist and content,
 * usb reads dist and writes its own folder and zip (ADR 0701), so on two cores the check costs no
 * wall time (docs/decisions/1203-build-performance.md).
 */
const STEP_LIST = [['convert'], ['astro'], ['pagefind'], ['pdf'], ['urls', 'usb']] as const;
export type StageName = (typeof STEP_LIST)[number][number];
export const STEPS: readonly (readonly StageName[])[] = STEP_LIST;
/** Every stage, in the order they run. */
export const STAGE_NAMES: readonly StageName[] = STEPS.flat();

/** Wall seconds of the build spent in these stages: a step whose stages ran together counts once, by its longest. */
export function wallSecondsOf(stages: readonly StageResult[], names: readonly StageName[]): number {
  let total = 0;
  for (const step of STEPS) {
    const inStep = stages.filter((s) => step.includes(s.name as StageName) && names.includes(s.name as StageName));
    total += Math.max(0, ...inStep.map((s) => s.seconds));
  }
  return total;
}

export interface BuildOptions {
  root?: string;
  /** Source texts and catalog (default <root>/content). */
  contentDir: string;
  /** Where the converter's output ends up (MDX and data files). */
  generatedDir: string;
  /** Where the site ends up. */
  distDir: string;
  /** Where the USB edition ends up (default `<dist>-usb` beside dist; its zip is `<usbDir>.zip`). */
  usbDir?: string;
  /** Extra environment for every stage (e.g. ARCHIVE_SITE_URL). */
  env?: Record<string, string | undefined>;
  /** An Astro config file to use instead of the project's (bench engines); must lie inside the root. */
  astroConfig?: string;
  /** Measure each stage's peak memory (bench). */
  measureMemory?: boolean;
  /** Send the stages' own output to this file instead of the terminal. */
  logFile?: string;
  /** Progress lines (stage started / finished). */
  log?: (line: string) => void;
  /** Fail the convert stage when any document is held back (--strict; ADR 1004). */
  strict?: boolean;
  /** Run the optional pdf stage: a PDF of each document page (--pdf; ADR 1403). */
  pdf?: boolean;
}

export interface BuildResult {
  ok: boolean;
  failedStage: string | null;
  message: string | null;
  stages: StageResult[];
  totalSeconds: number;
  /** The public address the build used (content/site.yaml or ARCHIVE_SITE_URL); url null when none. */
  publicAddress: PublicAddress;
}

/**
 * The convert holds the whole archive's models for the one link pass, so its memory grows with the
 * archive (about 0.4 GB of heap per 1,000 documents): V8's default old-space limit (about 4 GB) stops it
 * near 10,000. Half the machine's memory is its limit instead (ADR 1203).
 */
export function convertHeapFlag(memoryBytes = totalmem()): string {
  return `--max-old-space-size=${Math.max(4096, Math.floor(memoryBytes / 2 / 1024 / 1024))}`;
}

/** Default generated dir: `.generated` for the default dist, else `<dist>.generated` beside it. */
export function defaultGeneratedDir(root: string, distDir: string): string {
  const defaultDist = resolve(root, 'dist');
  return resolve(distDir) === defaultDist ? resolve(root, '.generated') : `${resolve(distDir)}.generated`;
}

export function binOf(root: string, pkg: string, name?: string): string {
  // Not require.resolve(`${pkg}/package.json`): packages with an "exports" map
  // (pagefind) do not export it. Walk the node_modules folders instead.
  const require = createRequire(join(root, 'package.json'));
  const manifestPath = (require.resolve.paths(pkg) ?? []).map((dir) => join(dir, pkg, 'package.json')).find((file) => existsSync(file));
  if (!manifestPath) throw new Error(`package ${pkg} not found`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin?: string | Record<string, string> };
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[name ?? pkg];
  if (!bin) throw new Error(`package ${pkg} has no bin ${name ?? pkg}`);
  return join(dirname(manifestPath), bin);
}

/** The USB edition's default folder: `dist-usb` beside `dist` (its zip: `dist-usb.zip`). */
export function defaultUsbDir(distDir: string): string {
  return `${resolve(distDir)}-usb`;
}

/** The zip of a USB edition folder. */
export function usbZipOf(usbDir: string): string {
  return `${resolve(usbDir)}.zip`;
}

/** A fresh staging directory next to `target` (same file system, so rename is atomic). */
function stagingDirFor(target: string, label: string): string {
  const parent = join(dirname(target), '.tmp');
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(join(parent, `${basename(target)}-${label}-`));
}

function removeIfEmpty(dir: string): void {
  try {
    if (readdirSync(dir).length === 0) rmdirSync(dir);
  } catch {
    /* not there or not empty */
  }
}

/**
 * Replace `target` by `staged`: two renames, so readers see either the old or
 * the new tree, never a half-written one (the gap between the renames is a
 * missing directory, not a mixed one). The old tree is deleted afterwards.
 */
export function promote(staged: string, target: string): void {
  mkdirSync(dirname(target), { recursive: true });
  let old: string | null = null;
  if (existsSync(target)) {
    old = stagingDirFor(target, 'old');
    rmdirSync(old);
    renameSync(target, old);
  }
  try {
    renameSync(staged, target);
  } catch (error) {
    if (old !== null) renameSync(old, target);
    throw error;
  }
  if (old !== null) rmSync(old, { recursive: true, force: true });
  removeIfEmpty(join(dirname(target), '.tmp'));
}

/** Staging directories of builds in progress in this process (removed on interrupt). */
export const activeStaging = new Set<string>();

export function removeActiveStaging(): void {
  for (const dir of activeStaging) {
    rmSync(dir, { recursive: true, force: true });
    removeIfEmpty(dirname(dir));
  }
  activeStaging.clear();
}

export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const root = resolve(options.root ?? PROJECT_ROOT);
  const log = options.log ?? ((line: string) => console.log(line));
  const contentDir = resolve(options.contentDir);
  const generatedDir = resolve(options.generatedDir);
  const distDir = resolve(options.distDir);
  const usbDir = resolve(options.usbDir ?? defaultUsbDir(distDir));
  const usbZip = usbZipOf(usbDir);
  const stages: StageResult[] = [];
  const started = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
  let publicAddress: PublicAddress = { url: null, from: null };
  const fail = (stage: string, message: string): BuildResult => ({ ok: false, failedStage: stage, message, stages, totalSeconds: elapsed(), publicAddress });

  // Preflight: clear messages for what is missing, before anything is staged.
  const converter = join(root, 'scripts', 'convert.ts');
  if (!existsSync(converter)) return fail('convert', `converter not found: ${converter} (scripts/convert.ts has not been written yet)`);
  if (!existsSync(contentDir)) return fail('convert', `content directory not found: ${contentDir}`);
  let astroBin: string;
  let pagefindBin: string;
  try {
    astroBin = binOf(root, 'astro');
    pagefindBin = binOf(root, 'pagefind');
  } catch (error) {
    return fail('preflight', `${(error as Error).message}: run npm ci first`);
  }
  if (generatedDir === distDir) return fail('preflight', 'the generated and dist directories must differ');
  if (usbDir === distDir || usbDir === generatedDir) return fail('preflight', 'the USB edition folder must differ from dist and the generated folder');
  // The public address: ARCHIVE_SITE_URL (options.env, then the process's) over content/site.yaml.
  try {
    publicAddress = readPublicAddress(contentDir, { ARCHIVE_SITE_URL: options.env && 'ARCHIVE_SITE_URL' in options.env ? options.env.ARCHIVE_SITE_URL : process.env.ARCHIVE_SITE_URL });
  } catch (error) {
    return fail('preflight', (error as Error).message);
  }

  const stagedGenerated = stagingDirFor(generatedDir, 'staging');
  const stagedDist = stagingDirFor(distDir, 'staging');
  // The USB edition's folder (empty: the usb stage fills it) and its zip beside it, in the same .tmp.
  const stagedUsb = stagingDirFor(usbDir, 'staging');
  const stagedZip = `${stagedUsb}.zip`;
  // Astro creates the output directory itself; an empty one is fine too.
  activeStaging.add(stagedGenerated);
  activeStaging.add(stagedDist);
  activeStaging.add(stagedUsb);
  activeStaging.add(stagedZip);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    ARCHIVE_GENERATED_DIR: stagedGenerated,
    // The site reads content/aliases.yaml (alias pages, moved fragments) from here.
    ARCHIVE_CONTENT_DIR: contentDir,
    ARCHIVE_DIST_DIR: stagedDist,
    // Every stage sees the same public address (astro.config.mjs `site`, the USB README); '' = none.
    ARCHIVE_SITE_URL: publicAddress.url ?? '',
    // Document pages link their PDF only when the pdf stage makes it (src/components/Downloads.astro).
    ARCHIVE_PDF: options.pdf ? '1' : '',
    // Keep the tools quiet about telemetry and update checks (no network here).
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  const node = process.execPath;

  const commands: Record<StageName, StageCommand> = {
    convert: { name: 'convert', command: node, args: [convertHeapFlag(), converter, '--content', contentDir, '--out', stagedGenerated, ...(options.strict ? ['--strict'] : [])], env, cwd: root },
    astro: {
      name: 'astro',
      command: node,
      // --force: start the content layer from nothing, so the output depends
      // on the inputs only, never on what an earlier build left in the cache.
      // (astro joins --config to the root, so it must be given relative to it)
      args: [astroBin, 'build', '--outDir', stagedDist, '--force', ...(options.astroConfig ? ['--config', relative(root, resolve(options.astroConfig))] : [])],
      env,
      cwd: root,
    },
    pagefind: { name: 'pagefind', command: node, args: [pagefindBin, '--site', stagedDist, '--glob', SEARCHED_PAGES_GLOB], env, cwd: root },
    pdf: { name: 'pdf', command: node, args: [join(root, 'scripts', 'build', 'pdf.ts'), '--dist', stagedDist, ...(publicAddress.url ? ['--origin', publicAddress.url] : [])], env, cwd: root },
    urls: { name: 'urls', command: node, args: [join(root, 'scripts', 'urls', 'check.ts'), '--dist', stagedDist, '--content', contentDir], env, cwd: root },
    usb: { name: 'usb', command: node, args: [join(root, 'scripts', 'usb', 'build-usb.ts'), '--dist', stagedDist, '--out', stagedUsb, '--zip', stagedZip], env, cwd: root },
  };

  const cleanup = () => {
    for (const dir of [stagedGenerated, stagedDist, stagedUsb, stagedZip]) {
      rmSync(dir, { recursive: true, force: true });
      activeStaging.delete(dir);
      removeIfEmpty(dirname(dir));
    }
  };

  try {
    for (const step of STEPS) {
      const names = step.filter((name) => name !== 'pdf' || options.pdf);
      if (names.length === 0) continue;
      log(names.length === 1 ? `▶ ${names[0]}` : `▶ ${names.join(' + ')} (at the same time)`);
      const run = (name: StageName) => () => runStage(commands[name], { measureMemory: options.measureMemory, logFile: options.logFile });
      const results = await Promise.all(
        names.map((name) =>
          name === 'astro'
            ? withLock(join(root, '.tmp', 'astro-build.lock'), run(name), {
                onWait: (pid) => log(`  waiting for another build's astro stage to finish (pid ${pid})`),
              })
            : run(name)(),
        ),
      );
      for (const [i, name] of names.entries()) {
        const result = results[i]!;
        stages.push(result);
        if (!result.ok) {
          const why = result.spawnError ?? (result.signal ? `killed by ${result.signal}` : `exit code ${result.exitCode}`);
          cleanup();
          return fail(name, `stage "${name}" failed (${why})`);
        }
        log(`✔ ${name} ${result.seconds.toFixed(2)} s`);
        const check = checkStageOutput(name, stagedGenerated, stagedDist, stagedUsb, stagedZip);
        if (check !== null) {
          cleanup();
          return fail(name, `stage "${name}" exited 0 but ${check}`);
        }
      }
      // The web build offers the USB edition's zip for download (after the usb and urls stages: the copy
      // must not hold itself, and urls reads dist meanwhile).
      if (names.includes('usb')) {
        const published = join(stagedDist, ...PUBLISHED_ZIP_PATH.split('/'));
        mkdirSync(dirname(published), { recursive: true });
        copyFileSync(stagedZip, published);
      }
    }
    promote(stagedGenerated, generatedDir);
    activeStaging.delete(stagedGenerated);
    promote(stagedDist, distDir);
    activeStaging.delete(stagedDist);
    promote(stagedUsb, usbDir);
    activeStaging.delete(stagedUsb);
    // A file is replaced by one rename: readers see the old zip or the new one.
    renameSync(stagedZip, usbZip);
    activeStaging.delete(stagedZip);
    removeIfEmpty(join(dirname(usbDir), '.tmp'));
  } catch (error) {
    cleanup();
    throw error;
  }
  return { ok: true, failedStage: null, message: null, stages, totalSeconds: elapsed(), publicAddress };
}

/** Minimal evidence that a stage did its job (a silent no-op must not pass). */
function checkStageOutput(stage: StageName, generated: string, dist: string, usb: string, zip: string): string | null {
  switch (stage) {
    case 'convert':
      return existsSync(join(generated, 'documents')) ? null : `wrote no ${join(generated, 'documents')}`;
    case 'astro':
      return existsSync(dist) && readdirSync(dist).length > 0 ? null : `wrote nothing into ${dist}`;
    case 'pagefind':
      return existsSync(join(dist, 'pagefind', 'pagefind.js')) ? null : `wrote no ${join(dist, 'pagefind', 'pagefind.js')}`;
    case 'pdf': {
      const docs = JSON.parse(readFileSync(join(dist, 'data', 'documents.json'), 'utf8')) as Array<{ url: string }>;
      const missing = docs.filter((d) => {
        const file = join(dist, ...d.url.split('/').filter(Boolean), 'van-ban.pdf');
        return !existsSync(file) || readFileSync(file).subarray(0, 5).toString('latin1') !== '%PDF-';
      });
      return missing.length === 0 ? null : `wrote no PDF for ${missing.length} document(s), e.g. ${missing[0]!.url}`;
    }
    case 'urls':
      return null; // a check: its exit status is its evidence
    case 'usb':
      if (!existsSync(join(usb, 'index.html'))) return `wrote no ${join(usb, 'index.html')}`;
      return existsSync(zip) ? null : `wrote no ${zip}`;
  }
}
