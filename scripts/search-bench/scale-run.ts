/**
 * A first search at archive scale: a handful of everyday queries, each the
 * first search of a fresh browser context, on the web build over http and on
 * the USB edition from file://: time to the first result and bytes loaded.
 * Target on the bench machine: a few hundred KB and ≤ 300 ms
 * (docs/decisions/1102-judged-search-benchmark.md).
 */
import type { Browser } from 'playwright-core';
import { bytesLoaded, type BytesLoaded } from './bytes-loaded.ts';
import { median, searchAll, type AnswerTimes } from './search-all.ts';
import type { Edition, RankedSearch } from './search-page.ts';

/** Marked and unmarked, one with d for đ, a phrase, a number-symbol. */
export const SCALE_QUERIES = ['nông thôn', 'dang bo', 'thu tuc hanh chinh', 'chuyển đổi số', 'ngan sach nha nuoc', '09-NQ/TU'] as const;

export interface FirstSearchRow {
  q: string;
  /** The page's own count ("Tìm thấy 412 văn bản…"). */
  status: string;
  found: boolean;
  /** The fastest of the runs (the machine is shared: the least disturbed run is the closest to the page's own cost). */
  ms: number | null;
  /** Every run's time, in run order. */
  runsMs: Array<number | null>;
  /** From the first run (the same files every run). */
  loaded: BytesLoaded | null;
}

export interface EditionScale {
  edition: Edition['kind'];
  rows: FirstSearchRow[];
  times: AnswerTimes;
  medianBytes: number | null;
  maxBytes: number | null;
}

export async function runScale(
  browser: Browser,
  editions: readonly Edition[],
  queries: readonly string[],
  runs: number,
  log: (line: string) => void,
): Promise<EditionScale[]> {
  const out: EditionScale[] = [];
  for (const edition of editions) {
    log(`first searches on the ${edition.kind === 'http' ? 'web build over http' : 'USB edition from file://'}: ${queries.length} queries × ${runs} runs, a fresh context each`);
    const all: RankedSearch[][] = [];
    // depth 1: the first batch only, as the reader first sees it.
    for (let run = 0; run < runs; run++) all.push(await searchAll(browser, edition, queries, { depth: 1, resources: true }));
    const rows = queries.map((q, i): FirstSearchRow => {
      const first = all[0]![i]!;
      const runsMs = all.map((searches) => searches[i]!.answeredMs);
      const timed = runsMs.filter((ms): ms is number => ms !== null);
      return {
        q,
        status: first.status,
        found: !first.none,
        ms: timed.length > 0 ? Math.min(...timed) : null,
        runsMs,
        loaded: first.loaded ? bytesLoaded(first.loaded, edition) : null,
      };
    });
    const times = rows.flatMap((r) => (r.found && r.ms !== null ? [r.ms] : []));
    const bytes = rows.flatMap((r) => (r.loaded ? [r.loaded.bytes] : []));
    out.push({
      edition: edition.kind,
      rows,
      times: { timed: times.length, medianMs: median(times), maxMs: times.length > 0 ? Math.max(...times) : null },
      medianBytes: median(bytes),
      maxBytes: bytes.length > 0 ? Math.max(...bytes) : null,
    });
  }
  return out;
}
