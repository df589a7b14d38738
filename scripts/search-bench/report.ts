/**
 * The search bench's report as text: one line per judged query in the judged
 * set's order, then the means, the USB comparison, times and bytes, and the
 * queries whose best document is not first (worst first). Scale runs: one
 * line per first search. Same input, same lines.
 */
import { cpus, loadavg } from 'node:os';
import { formatBytes } from '../build/run-stage.ts';
import type { BytesLoaded } from './bytes-loaded.ts';
import type { JudgedReport, JudgedRow } from './judged-run.ts';
import type { MeanScores } from './metrics.ts';
import type { AnswerTimes } from './search-all.ts';
import type { EditionScale } from './scale-run.ts';

function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length))) ?? [];
  return rows.map((row) => row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col] ?? 0) : cell.padStart(widths[col] ?? 0))).join('  ').trimEnd());
}

const fixed = (value: number | null, digits = 3) => (value === null ? '–' : value.toFixed(digits));
const ms = (value: number | null) => (value === null ? '–' : String(Math.round(value)));
const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

function means(label: string, m: MeanScores): string {
  return `${label} (${m.queries}): nDCG@10 ${fixed(m.ndcg10)}, MRR ${fixed(m.mrr)}, best first ${percent(m.bestFirst)} (${Math.round(m.bestFirst * m.queries)} of ${m.queries})`;
}

function times(label: string, t: AnswerTimes): string {
  return `first result, ${label}: median ${ms(t.medianMs)} ms, max ${ms(t.maxMs)} ms (${t.timed} queries with results)`;
}

export function bytesText(b: BytesLoaded): string {
  return `${b.files} files, ${formatBytes(b.bytes)} (Pagefind ${b.pagefindFiles} files, ${formatBytes(b.pagefindBytes)})`;
}

function rankCell(row: JudgedRow): string {
  if (row.kind === 'none') return row.empty ? 'none ok' : 'NOT none';
  return row.bestRank === null ? '>10' : String(row.bestRank);
}

/** Queries whose best document is not first: not in the top 10 first, then by rank, worst first; ties in judged order. */
export function notFirst(rows: readonly JudgedRow[]): JudgedRow[] {
  const key = (r: JudgedRow) => r.bestRank ?? Number.POSITIVE_INFINITY;
  return rows
    .map((row, i) => ({ row, i }))
    .filter(({ row }) => row.kind !== 'none' && row.bestRank !== 1)
    .sort((a, b) => key(b.row) - key(a.row) || a.i - b.i)
    .map(({ row }) => row);
}

export function judgedText(report: JudgedReport, judgedFile: string): string {
  const lines: string[] = [];
  lines.push(`search bench: ${report.rows.length} judged queries (${judgedFile}); rankings of the web build`);
  lines.push('');
  const header = ['query', 'kind', 'best', 'nDCG@10', 'RR', 'http ms', 'file ms', 'USB'];
  lines.push(
    ...table([
      header,
      ...report.rows.map((r) => [
        r.q,
        r.kind,
        rankCell(r),
        fixed(r.ndcg10),
        fixed(r.rr),
        ms(r.httpMs),
        ms(r.fileMs),
        r.sameOnUsb === null ? '–' : r.sameOnUsb ? 'same' : 'DIFFERS',
      ]),
    ]),
  );
  lines.push('');
  const s = report.summary;
  lines.push(means('answerable queries', s.answerable));
  for (const [kind, m] of Object.entries(s.byKind)) if (m) lines.push(`  ${means(kind, m)}`);
  lines.push(`'none' queries: ${s.none.empty} of ${s.none.queries} return nothing (correct)`);
  if (report.usb) lines.push(`USB edition: the same top 10 as the web build for ${report.usb.identical} of ${report.usb.compared} queries`);
  lines.push(times('web build over http', report.times.http));
  if (report.times.file) lines.push(times('USB edition from file://', report.times.file));
  if (report.firstQuery) {
    const f = report.firstQuery;
    lines.push(`first query "${f.q}" loaded: over http ${bytesText(f.http)}${f.file ? `; from file:// ${bytesText(f.file)}` : ''}`);
  }
  const worst = notFirst(report.rows);
  lines.push('');
  lines.push(worst.length === 0 ? 'best document first for every answerable query' : `best document not first (${worst.length}):`);
  for (const r of worst) lines.push(`  ${r.q} [${r.kind}]: ${r.bestRank === null ? 'not in the top 10' : `rank ${r.bestRank}`}; first shown ${r.top[0] ?? '(nothing)'}${r.top[0] ? ` (grade ${r.firstGrade})` : ''}`);
  return lines.join('\n');
}

export function scaleText(documents: number | null, repeats: number, runs: readonly EditionScale[]): string {
  const lines: string[] = [];
  lines.push(
    `search bench at scale${documents === null ? '' : `: ${documents} documents`}; each query the first search of a fresh browser context, ` +
      `${repeats} ${repeats === 1 ? 'run' : 'runs, the fastest shown (ms; all runs in --json)'}`,
  );
  for (const run of runs) {
    lines.push('');
    lines.push(run.edition === 'http' ? 'web build over http:' : 'USB edition from file://:');
    lines.push(
      ...table([
        ['query', 'found', 'ms', 'files', 'bytes', 'Pagefind bytes'],
        ...run.rows.map((r) => [
          r.q,
          r.found ? 'yes' : 'no',
          ms(r.ms),
          String(r.loaded?.files ?? '–'),
          formatBytes(r.loaded?.bytes ?? null),
          formatBytes(r.loaded?.pagefindBytes ?? null),
        ]),
      ]).map((line) => `  ${line}`),
    );
    lines.push(`  ${times('median and max', run.times).replace(/^first result, median and max: /, 'first result: ')}; bytes median ${formatBytes(run.medianBytes)}, max ${formatBytes(run.maxBytes)}`);
  }
  return lines.join('\n');
}

/** The machine and its load now: other work on a shared machine slows every time shown. */
export function machineText(): string {
  return `machine: ${cpus().length} CPU; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} (1, 5, 15 min)`;
}
