/**
 * The judged set run on a built archive: every judged query searched on the
 * web build (over http) and, when there is one, on the USB edition (file://);
 * the web build's rankings scored (metrics.ts), the USB edition's compared
 * with them, first-result times of both, and what the first query loaded.
 */
import type { Browser } from 'playwright-core';
import { bytesLoaded, type BytesLoaded } from './bytes-loaded.ts';
import type { JudgedQuery, QueryKind } from './judged.ts';
import { CUTOFF, maxGrade, scoreRun, type RunSummary } from './metrics.ts';
import { answerTimes, searchAll, type AnswerTimes } from './search-all.ts';
import type { Edition, RankedSearch } from './search-page.ts';

export interface JudgedRow {
  q: string;
  kind: QueryKind;
  /** Rank of the best judged document (the query's highest grade) in the top 10; null when not there or for "none" queries. */
  bestRank: number | null;
  /** Grade of the first document shown (0 when not judged). */
  firstGrade: number;
  ndcg10: number | null;
  rr: number | null;
  bestFirst: boolean | null;
  /** "none" queries: nothing returned. */
  empty: boolean | null;
  /** The web build's top 10, as site paths. */
  top: string[];
  /** The USB edition shows the same top 10 (null: not compared). */
  sameOnUsb: boolean | null;
  /** ms to the first result (or the "none" message): web build, USB edition. */
  httpMs: number | null;
  fileMs: number | null;
}

export interface JudgedReport {
  summary: Omit<RunSummary, 'perQuery'>;
  rows: JudgedRow[];
  usb: { compared: number; identical: number } | null;
  times: { http: AnswerTimes; file: AnswerTimes | null };
  firstQuery: { q: string; http: BytesLoaded; file: BytesLoaded | null } | null;
}

/** 1-based rank of the first document carrying the query's highest grade, within `ranked`; null if absent. */
export function bestRank(judged: JudgedQuery, ranked: readonly string[]): number | null {
  const top = maxGrade(judged.relevant);
  if (top === 0) return null;
  const at = ranked.findIndex((url) => (judged.relevant[url] ?? 0) === top);
  return at < 0 ? null : at + 1;
}

/** Same documents in the same order. */
export const sameRanking = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((url, i) => url === b[i]);

export async function runJudged(browser: Browser, judged: readonly JudgedQuery[], web: Edition, usb: Edition | null, log: (line: string) => void): Promise<JudgedReport> {
  const queries = judged.map((j) => j.q);
  log(`searching ${queries.length} judged queries on the web build (${web.root}), one fresh browser context each`);
  const onWeb = await searchAll(browser, web, queries, { depth: CUTOFF, resources: true });
  let onUsb: RankedSearch[] | null = null;
  if (usb) {
    log(`searching them on the USB edition (${usb.root})`);
    onUsb = await searchAll(browser, usb, queries, { depth: CUTOFF, resources: true });
  }
  const score = scoreRun(judged, new Map(onWeb.map((s) => [s.query, s.urls])));
  const rows = judged.map((j, i): JudgedRow => {
    const s = score.perQuery[i]!;
    const w = onWeb[i]!;
    const u = onUsb?.[i] ?? null;
    return {
      q: j.q,
      kind: j.kind,
      bestRank: j.kind === 'none' ? null : bestRank(j, w.urls),
      firstGrade: w.urls[0] === undefined ? 0 : (j.relevant[w.urls[0]] ?? 0),
      ndcg10: s.ndcg10,
      rr: s.rr,
      bestFirst: s.bestFirst,
      empty: s.empty,
      top: w.urls,
      sameOnUsb: u ? sameRanking(w.urls, u.urls) : null,
      httpMs: w.answeredMs,
      fileMs: u?.answeredMs ?? null,
    };
  });
  const { perQuery: _perQuery, ...summary } = score;
  const firstWeb = onWeb[0];
  const firstUsb = onUsb?.[0];
  return {
    summary,
    rows,
    usb: onUsb ? { compared: rows.length, identical: rows.filter((r) => r.sameOnUsb).length } : null,
    times: { http: answerTimes(onWeb), file: onUsb ? answerTimes(onUsb) : null },
    firstQuery: firstWeb?.loaded
      ? { q: firstWeb.query, http: bytesLoaded(firstWeb.loaded, web), file: usb && firstUsb?.loaded ? bytesLoaded(firstUsb.loaded, usb) : null }
      : null,
  };
}
