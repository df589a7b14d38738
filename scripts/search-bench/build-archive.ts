/**
 * The archive the search bench measures, built into a work folder (never the
 * project's dist/) with the build's own pipeline (scripts/build/pipeline.ts):
 * the shipped content as a release builds it (--strict), or a synthetic
 * archive of N documents made from it as `npm run bench` makes one
 * (scripts/build/synthetic.ts, same default seed, so both benches measure the
 * same archive). The USB edition lands beside the web build (`<dist>-usb`).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, defaultUsbDir, PROJECT_ROOT } from '../build/pipeline.ts';
import { makeSyntheticArchive } from '../build/synthetic.ts';

/** `npm run bench`'s default seed (scripts/bench.ts). */
export const SYNTHETIC_SEED = 20240710;

export interface BuiltArchive {
  distDir: string;
  /** The USB edition, when the build made one. */
  usbDir: string | null;
}

export function existingArchive(distDir: string): BuiltArchive {
  if (!existsSync(join(distDir, 'tim-kiem', 'index.html'))) throw new Error(`${distDir} holds no built site (no tim-kiem/index.html)`);
  const usbDir = defaultUsbDir(distDir);
  return { distDir, usbDir: existsSync(join(usbDir, 'tim-kiem', 'index.html')) ? usbDir : null };
}

async function build(contentDir: string, workDir: string, strict: boolean, log: (line: string) => void): Promise<BuiltArchive> {
  const distDir = join(workDir, 'dist');
  const logFile = join(workDir, 'build.log');
  log(`building ${contentDir} into ${distDir} (stage output in ${logFile})`);
  const result = await buildSite({ contentDir, generatedDir: join(workDir, 'generated'), distDir, strict, logFile, log: (line) => log(`  ${line}`) });
  if (!result.ok) throw new Error(`the build failed at stage "${result.failedStage}": ${result.message} (see ${logFile})`);
  return existingArchive(distDir);
}

/** The shipped content/, built as a release is. */
export function buildShippedArchive(workDir: string, log: (line: string) => void): Promise<BuiltArchive> {
  mkdirSync(workDir, { recursive: true });
  return build(join(PROJECT_ROOT, 'content'), workDir, true, log);
}

/** A synthetic archive of `count` documents varied from the shipped sources. */
export function buildSyntheticArchive(workDir: string, count: number, log: (line: string) => void, seed = SYNTHETIC_SEED): Promise<BuiltArchive> {
  mkdirSync(workDir, { recursive: true });
  const contentDir = join(workDir, 'content');
  log(`making ${count} synthetic documents in ${contentDir}`);
  const synthetic = makeSyntheticArchive({ contentDir: join(PROJECT_ROOT, 'content'), outDir: contentDir, count, seed });
  log(`  ${synthetic.documents} documents from ${synthetic.bases} real sources`);
  return build(contentDir, workDir, false, log);
}
