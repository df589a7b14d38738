/**
 * Ranking metrics over the judged query set (tests/fixtures/search-judged.yaml,
 * docs/decisions/1102-judged-search-benchmark.md). Pure functions: a ranked
 * list of result URLs in, numbers out; the search that produced the list is
 * the caller's business (scripts/search-bench/run.ts).
 *
 * - nDCG@k: gain 2^g − 1, discount log2(rank + 1); the ideal is the query's
 *   judged grades sorted, best first (documents not judged are grade 0).
 * - Reciprocal rank: 1 / rank of the first document graded ≥ 2 within the top
 *   10, 0 when there is none.
 * - Best first: the first result carries the query's highest grade.
 * Queries judged to have no answer ("none") are scored apart: correct when
 * the search returns nothing.
 */
import type { Grade, JudgedQuery, QueryKind } from './judged.ts';

/** Judged grades by document URL; a URL not in it is grade 0. */
export type Grades = Readonly<Record<string, Grade>>;

/** The cut-off the means are reported at (a results page shows ten documents). */
export const CUTOFF = 10;

/** The grade a document must reach to count for reciprocal rank ("substantially about it"). */
export const RR_MIN_GRADE = 2;

/**
 * A result URL as the document it belongs to: a sub-result (`…/#dieu-3`) or a
 * query string does not make another document.
 */
export function documentUrl(url: string): string {
  const cut = url.search(/[?#]/);
  return cut < 0 ? url : url.slice(0, cut);
}

/** Result URLs reduced to documents, each once, in first-seen order. */
export function documentsInOrder(ranked: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const url of ranked) {
    const doc = documentUrl(url);
    if (!seen.has(doc)) {
      seen.add(doc);
      out.push(doc);
    }
  }
  return out;
}

function gradeOf(grades: Grades, url: string): number {
  return grades[url] ?? 0;
}

function dcg(gradesInOrder: readonly number[], k: number): number {
  let sum = 0;
  gradesInOrder.slice(0, k).forEach((g, i) => {
    sum += (2 ** g - 1) / Math.log2(i + 2);
  });
  return sum;
}

/**
 * nDCG@k of a ranking of documents, each once (`documentsInOrder`: a repeated
 * document would be counted twice and could lift the score above 1). 0 when
 * the query has no judged relevant document (its ideal DCG is 0): such
 * queries are scored by `emptyWhenNone`, not here.
 */
export function ndcgAt(k: number, ranked: readonly string[], grades: Grades): number {
  const ideal = dcg(
    Object.values(grades).map(Number).sort((a, b) => b - a),
    k,
  );
  if (ideal === 0) return 0;
  return dcg(
    ranked.map((url) => gradeOf(grades, url)),
    k,
  ) / ideal;
}

/** 1 / rank of the first document graded ≥ minGrade within the top k; 0 if none. */
export function reciprocalRank(ranked: readonly string[], grades: Grades, { minGrade = RR_MIN_GRADE, k = CUTOFF } = {}): number {
  const at = ranked.slice(0, k).findIndex((url) => gradeOf(grades, url) >= minGrade);
  return at < 0 ? 0 : 1 / (at + 1);
}

/** The highest grade judged for the query (0 when none). */
export function maxGrade(grades: Grades): number {
  return Math.max(0, ...Object.values(grades).map(Number));
}

/** Does the first result carry the query's highest grade? False for an empty ranking of an answerable query. */
export function bestFirst(ranked: readonly string[], grades: Grades): boolean {
  const top = maxGrade(grades);
  const first = ranked[0];
  return top > 0 && first !== undefined && gradeOf(grades, first) === top;
}

/** A query with no answer in the archive is answered right by no results. */
export function emptyWhenNone(ranked: readonly string[]): boolean {
  return ranked.length === 0;
}

export interface QueryScore {
  q: string;
  kind: QueryKind;
  /** Documents the search returned (after reducing sub-results to documents). */
  returned: number;
  /** Answerable queries: the metrics; null for "none" queries. */
  ndcg10: number | null;
  rr: number | null;
  bestFirst: boolean | null;
  /** "none" queries: true when nothing was returned; null for answerable ones. */
  empty: boolean | null;
  /** 1-based rank of each judged document with grade ≥ 1 in the ranking (null = not returned), for reading a run. */
  ranks: Record<string, number | null>;
}

export interface MeanScores {
  queries: number;
  ndcg10: number;
  mrr: number;
  bestFirst: number;
}

export interface RunSummary {
  /** Means over queries with at least one relevant document. */
  answerable: MeanScores;
  /** The same means per query kind (answerable queries only). */
  byKind: Partial<Record<QueryKind, MeanScores>>;
  /** Queries judged to have no answer: how many returned nothing. */
  none: { queries: number; empty: number };
  perQuery: QueryScore[];
}

/** Score one query's ranking (raw result URLs; sub-results are folded into their document). */
export function scoreQuery(judged: JudgedQuery, rankedUrls: readonly string[]): QueryScore {
  const ranked = documentsInOrder(rankedUrls);
  const ranks: Record<string, number | null> = {};
  for (const [url, g] of Object.entries(judged.relevant)) {
    if (g < 1) continue;
    const at = ranked.indexOf(url);
    ranks[url] = at < 0 ? null : at + 1;
  }
  const none = judged.kind === 'none';
  return {
    q: judged.q,
    kind: judged.kind,
    returned: ranked.length,
    ndcg10: none ? null : ndcgAt(CUTOFF, ranked, judged.relevant),
    rr: none ? null : reciprocalRank(ranked, judged.relevant),
    bestFirst: none ? null : bestFirst(ranked, judged.relevant),
    empty: none ? emptyWhenNone(ranked) : null,
    ranks,
  };
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

function means(scores: readonly QueryScore[]): MeanScores {
  return {
    queries: scores.length,
    ndcg10: mean(scores.map((s) => s.ndcg10 ?? 0)),
    mrr: mean(scores.map((s) => s.rr ?? 0)),
    bestFirst: mean(scores.map((s) => (s.bestFirst ? 1 : 0))),
  };
}

/**
 * Score a whole run: `rankedByQuery` maps each judged query string to the
 * result URLs in the order shown. A judged query missing from it counts as
 * an empty result list.
 */
export function scoreRun(judged: readonly JudgedQuery[], rankedByQuery: ReadonlyMap<string, readonly string[]> | Readonly<Record<string, readonly string[]>>): RunSummary {
  const lookup = (q: string): readonly string[] =>
    (rankedByQuery instanceof Map ? rankedByQuery.get(q) : (rankedByQuery as Readonly<Record<string, readonly string[]>>)[q]) ?? [];
  const perQuery = judged.map((j) => scoreQuery(j, lookup(j.q)));
  const answerable = perQuery.filter((s) => s.kind !== 'none');
  const kinds = [...new Set(answerable.map((s) => s.kind))].sort();
  const byKind: Partial<Record<QueryKind, MeanScores>> = {};
  for (const kind of kinds) byKind[kind] = means(answerable.filter((s) => s.kind === kind));
  const none = perQuery.filter((s) => s.kind === 'none');
  return {
    answerable: means(answerable),
    byKind,
    none: { queries: none.length, empty: none.filter((s) => s.empty).length },
    perQuery,
  };
}
