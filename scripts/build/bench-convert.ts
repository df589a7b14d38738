/**
 * Conversion speed on the real corpus, in-process: every source of
 * content/sources read by readDocument (decode ... annotate, the per-document
 * part of the converter) a few times after a warm-up run, each document timed
 * on its own. A document the reader cannot read today (no identity yet, a
 * correction that matches nothing...) is counted, not fatal: its time is what
 * the reader spent before giving up. Then the cross-document part (link and
 * MDX emission) of the documents that read, once, also timed.
 *
 * Used by `npm run bench` (scripts/bench.ts); docs/decisions/1005-convert-speed.md.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentModel } from '../lib/model.ts';
import { parseCatalog, type CatalogEntry } from '../pipeline/05-metadata/catalog.ts';
import { parseCorrections } from '../pipeline/06-annotate/corrections.ts';
import type { Correction } from '../pipeline/06-annotate/index.ts';
import { linkArchive } from '../pipeline/07-link/index.ts';
import { emitMdx } from '../pipeline/08-emit/mdx.ts';
import { readDocument } from '../pipeline/read-document.ts';

export interface DocumentTiming {
  source: string;
  bytes: number;
  /** Median over the timed runs: wall clock, and CPU time of this process (user + system). */
  seconds: number;
  cpuSeconds: number;
  ok: boolean;
  error?: string;
}

export interface ConvertSpeed {
  documents: number;
  bytes: number;
  runs: number;
  /** Sum of the per-document times of each timed run: wall clock, CPU. */
  runSeconds: number[];
  runCpuSeconds: number[];
  /** The median run. */
  seconds: number;
  documentsPerSecond: number;
  megabytesPerSecond: number;
  /** The same by CPU time: steadier than the wall clock on a machine other work shares. */
  cpuSeconds: number;
  cpuDocumentsPerSecond: number;
  /** Documents that did not read (identity unknown...), and why, grouped. */
  failed: number;
  failures: Array<{ reason: string; count: number }>;
  perDocument: DocumentTiming[];
  /** linkArchive, then emitMdx, over the documents that read, once (null when none did). */
  linkEmit: { documents: number; linkSeconds: number; emitSeconds: number; error?: string } | null;
  /** Problems with catalog.yaml or corrections.yaml: measured without them. */
  warnings: string[];
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** "issuer unknown: the header names none; add ..." -> "issuer unknown" (file name prefix dropped). */
function reasonOf(source: string, message: string): string {
  const text = message.startsWith(`${source}: `) ? message.slice(source.length + 2) : message;
  const head = /^[^:;.(]{1,60}/.exec(text)?.[0]?.trim();
  return head && head.length > 0 ? head : text.slice(0, 60);
}

export function benchConversion(contentDir: string, options: { runs?: number; warmup?: number } = {}): ConvertSpeed {
  const runs = Math.max(1, options.runs ?? 3);
  const warmup = Math.max(0, options.warmup ?? 1);
  const warnings: string[] = [];
  let catalog = new Map<string, CatalogEntry>();
  let corrections: Correction[] = [];
  const catalogFile = join(contentDir, 'catalog.yaml');
  const correctionsFile = join(contentDir, 'corrections.yaml');
  try {
    if (existsSync(catalogFile)) catalog = parseCatalog(readFileSync(catalogFile, 'utf8'), catalogFile);
  } catch (error) {
    warnings.push(`catalog.yaml not used: ${(error as Error).message.split('\n')[0]}`);
  }
  try {
    if (existsSync(correctionsFile)) corrections = parseCorrections(readFileSync(correctionsFile, 'utf8'), correctionsFile);
  } catch (error) {
    warnings.push(`corrections.yaml not used: ${(error as Error).message.split('\n')[0]}`);
  }

  const sourcesDir = join(contentDir, 'sources');
  const names = existsSync(sourcesDir) ? readdirSync(sourcesDir).filter((n) => n.endsWith('.txt')).sort() : [];
  if (names.length === 0) throw new Error(`no .txt sources in ${sourcesDir}`);
  // Read from disk once: the figures are the converter's, not the file system's.
  const inputs = names.map((file) => ({
    file,
    bytes: new Uint8Array(readFileSync(join(sourcesDir, file))),
    catalog: catalog.get(file),
    corrections: corrections.filter((c) => c.source === file),
  }));

  const times = inputs.map(() => [] as number[]);
  const cpuTimes = inputs.map(() => [] as number[]);
  const outcome: Array<{ model?: DocumentModel; error?: string }> = inputs.map(() => ({}));
  const runSeconds: number[] = [];
  const runCpuSeconds: number[] = [];
  for (let run = 0; run < warmup + runs; run++) {
    let total = 0;
    let totalCpu = 0;
    inputs.forEach((input, i) => {
      const cpuStarted = process.cpuUsage();
      const started = process.hrtime.bigint();
      let model: DocumentModel | undefined;
      let error: string | undefined;
      try {
        model = readDocument(input);
      } catch (e) {
        error = (e as Error).message;
      }
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const cpu = process.cpuUsage(cpuStarted);
      if (run < warmup) return;
      total += seconds;
      totalCpu += (cpu.user + cpu.system) / 1e6;
      times[i]!.push(seconds);
      cpuTimes[i]!.push((cpu.user + cpu.system) / 1e6);
      outcome[i] = { model, error };
    });
    if (run >= warmup) {
      runSeconds.push(total);
      runCpuSeconds.push(totalCpu);
    }
  }

  const perDocument: DocumentTiming[] = inputs.map((input, i) => ({
    source: input.file,
    bytes: input.bytes.length,
    seconds: median(times[i]!),
    cpuSeconds: median(cpuTimes[i]!),
    ok: outcome[i]!.model !== undefined,
    ...(outcome[i]!.error !== undefined ? { error: outcome[i]!.error } : {}),
  }));
  const byReason = new Map<string, number>();
  for (const d of perDocument) if (!d.ok) byReason.set(reasonOf(d.source, d.error ?? ''), (byReason.get(reasonOf(d.source, d.error ?? '')) ?? 0) + 1);
  const failures = [...byReason].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : 1));

  // The cross-document steps, over what read (an identity taken twice is kept once, as the converter would refuse it).
  const seen = new Set<string>();
  const models = outcome.flatMap((o) => (o.model && !seen.has(o.model.id) && seen.add(o.model.id) ? [o.model] : []));
  let linkEmit: ConvertSpeed['linkEmit'] = null;
  if (models.length > 0) {
    linkEmit = { documents: models.length, linkSeconds: 0, emitSeconds: 0 };
    let started = process.hrtime.bigint();
    try {
      const { documents } = linkArchive(models);
      linkEmit.linkSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      started = process.hrtime.bigint();
      for (const d of documents) emitMdx(d);
      linkEmit.emitSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    } catch (error) {
      linkEmit.error = (error as Error).message.split('\n')[0];
    }
  }

  const bytes = inputs.reduce((n, input) => n + input.bytes.length, 0);
  const seconds = median(runSeconds);
  const cpuSeconds = median(runCpuSeconds);
  return {
    documents: inputs.length,
    bytes,
    runs,
    runSeconds,
    runCpuSeconds,
    seconds,
    documentsPerSecond: inputs.length / seconds,
    megabytesPerSecond: bytes / 1024 / 1024 / seconds,
    cpuSeconds,
    cpuDocumentsPerSecond: inputs.length / cpuSeconds,
    failed: perDocument.filter((d) => !d.ok).length,
    failures,
    perDocument,
    linkEmit,
    warnings,
  };
}

/** The report's lines. */
export function conversionReport(speed: ConvertSpeed, label: string, formatBytes: (bytes: number) => string): string[] {
  const lines: string[] = [];
  lines.push(`${label}, conversion only (in-process readDocument, ${speed.runs} warm run${speed.runs === 1 ? '' : 's'}, median): ${speed.documents} documents, ${formatBytes(speed.bytes)} of text`);
  const best = Math.min(...speed.runSeconds);
  lines.push(
    `  ${speed.documentsPerSecond.toFixed(1)} documents/s, ${speed.megabytesPerSecond.toFixed(2)} MB/s (median run ${(speed.seconds * 1000).toFixed(0)} ms; ` +
      `best run ${(speed.documents / best).toFixed(1)} documents/s; runs ${speed.runSeconds.map((s) => `${(s * 1000).toFixed(0)}`).join(', ')} ms)`,
  );
  lines.push(`  by CPU time: ${speed.cpuDocumentsPerSecond.toFixed(1)} documents/s (median run ${(speed.cpuSeconds * 1000).toFixed(0)} ms of CPU)`);
  const read = speed.perDocument.filter((d) => d.ok);
  lines.push(`  ${read.length} read, ${speed.failed} did not read today${speed.failures.length > 0 ? `: ${speed.failures.map((f) => `${f.reason} ${f.count}`).join('; ')}` : ''}`);
  if (read.length > 0 && speed.failed > 0) {
    // A document that does not read stops early (no annotation): the rate of those that read is the comparable one.
    const cpu = read.reduce((n, d) => n + d.cpuSeconds, 0);
    const bytes = read.reduce((n, d) => n + d.bytes, 0);
    lines.push(`  the ${read.length} that read: ${(read.length / cpu).toFixed(1)} documents/s, ${(bytes / 1024 / 1024 / cpu).toFixed(2)} MB/s by CPU time`);
  }
  if (speed.linkEmit) {
    const le = speed.linkEmit;
    lines.push(
      `  then, once, for the ${le.documents} documents that read: link ${(le.linkSeconds * 1000).toFixed(0)} ms, MDX emission ${(le.emitSeconds * 1000).toFixed(0)} ms${le.error ? ` (stopped: ${le.error})` : ''}`,
    );
  }
  lines.push('  slowest documents by CPU time (median wall / CPU):');
  const slowest = [...speed.perDocument].sort((a, b) => b.cpuSeconds - a.cpuSeconds || (a.source < b.source ? -1 : 1)).slice(0, 5);
  for (const d of slowest) {
    lines.push(`    ${(d.seconds * 1000).toFixed(1).padStart(8)} ms ${(d.cpuSeconds * 1000).toFixed(1).padStart(7)} ms  ${formatBytes(d.bytes).padStart(8)}  ${d.source}${d.ok ? '' : '  (did not read)'}`);
  }
  for (const warning of speed.warnings) lines.push(`  note: ${warning}`);
  return lines;
}
