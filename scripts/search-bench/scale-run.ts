/**
 * A first search at archive scale: a handful of everyday queries, each the
 * first search of a fresh browser context, on the web build over http and on
 * the USB edition from file://: time to the first result and bytes loaded.
 * Target on the bench machine: a few hundred KB and ≤ 300 ms
 * (docs/decisions/1102-judged-search-benchmark.md).
 */
import type { Browser } from 'playwright-core';
import { bytesLoaded, type BytesLoaded } from './bytes-loaded.ts';
import { answerTimes, median, searchAll, type AnswerTimes } from './search-all.ts';
import type { Edition } from './search-page.ts';

/** Marked and unmarked, one with d for đ, a phrase, a number-symbol. */
export const SCALE_QUERIES = ['nông thôn', 'dang bo', 'thu tuc hanh chinh', 'chuyển đổi số', 'ngan sach nha nuoc', '09-NQ/TU'] as const;

export interface FirstSearchRow {
  q: string;
  /** The page's own count ("Tìm thấy 412 văn bản…"). */
  status: string;
  found: boolean;
  ms: number | null;
  loaded: BytesLoaded | null;
}

export interface EditionScale {
  edition: Edition['kind'];
  rows: FirstSearchRow[];
  times: AnswerTimes;
  medianBytes: number | null;
  maxBytes: number | null;
}

export async function runScale(browser: Browser, editions: readonly Edition[], queries: readonly string[], log: (line: string) => void): Promise<EditionScale[]> {
  const out: EditionScale[] = [];
  for (const edition of editions) {
    log(`first searches on the ${edition.kind === 'http' ? 'web build over http' : 'USB edition from file://'}: ${queries.length} queries, a fresh context each`);
    // depth 1: the first batch only, as the reader first sees it.
    const searches = await searchAll(browser, edition, queries, { depth: 1, resources: true });
    const rows = searches.map((s) => ({ q: s.query, status: s.status, found: !s.none, ms: s.answeredMs, loaded: s.loaded ? bytesLoaded(s.loaded, edition) : null }));
    const bytes = rows.flatMap((r) => (r.loaded ? [r.loaded.bytes] : []));
    out.push({ edition: edition.kind, rows, times: answerTimes(searches), medianBytes: median(bytes), maxBytes: bytes.length > 0 ? Math.max(...bytes) : null });
  }
  return out;
}
