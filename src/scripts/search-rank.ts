/**
 * Relevance inside a tier (docs/decisions/1101-search-ranking.md).
 *
 * Pagefind scores its AND search with BM25 (term frequency with saturation,
 * normalised for page length, meta fields weighted), but a quoted phrase
 * search scores every page 1 and reports only its first occurrence, so a page
 * that holds the phrase 27 times and one that holds it once were tied and
 * kept Pagefind's index order. The count of phrase occurrences is still in the
 * AND search's hit locations: the query's words at consecutive positions.
 *
 * Score = Pagefind's AND score × (1 + weight × r / (r + saturation)): a
 * BM25-style saturating boost for the phrase on top of Pagefind's own
 * length-normalised word score.
 *
 * Two passes. The first counts r from hit locations alone, which Pagefind
 * widens with word prefixes ("van đon" also hits "vận động"), so it is only a
 * first order. The second reads the texts of the first `refineDepth` pages
 * (the fragments the results page loads anyway) and counts whole-word phrase
 * occurrences as typed (search-subresults.ts), normalised for the page's
 * length as BM25 does (b), and orders those pages again. Ties: Pagefind's page
 * id, so the same index always gives the same order.
 */

/** Tuned on the judged queries (tests/fixtures/search-judged.yaml; ADR 1101). */
export const RANK = {
  phraseWeight: 1,
  phraseSaturation: 3,
  /** BM25's saturation of the phrase count (second pass). */
  k1: 3,
  /** BM25's length normalisation of the phrase count (0: none, 1: full). */
  lengthNormalisation: 0.5,
  /** A provision heading that holds the query counts as this many occurrences. */
  headingWeight: 2,
  /** Added when the subject (trích yếu) holds the query; BM25 terms are below k1 + 1. */
  subjectBonus: 1,
  /** Pagefind's word score, as a last small term (title and number meta weights, words apart). */
  wordScoreWeight: 0.1,
  /** Pages whose text is read for the second pass (two batches of results). */
  refineDepth: 10,
};
export type RankParams = typeof RANK;

export interface RankInput {
  /** Page URL or id: the deterministic tie-break. */
  key: string;
  tier: number;
  /** Pagefind's score from the AND searches (0 when only a phrase search found it). */
  wordScore: number;
  /** Hit locations of the AND searches (every đ-spelling), ascending, unique. */
  wordLocations: number[];
}

/**
 * Occurrences of an n-word phrase among hit locations: runs of consecutive
 * positions, each run of length L holding floor(L / n) occurrences. For one
 * word, every hit counts.
 */
export function phraseOccurrences(locations: readonly number[], n: number): number {
  if (n <= 1) return locations.length;
  let count = 0;
  let run = 0;
  for (let i = 0; i < locations.length; i++) {
    run = i > 0 && locations[i] === locations[i - 1]! + 1 ? run + 1 : 1;
    if (run === n) {
      count++;
      run = 0;
    }
  }
  return count;
}

/** Pagefind's word score raised by `r` phrase occurrences (saturating). */
export function boosted(wordScore: number, r: number, rank: RankParams = RANK): number {
  return wordScore * (1 + (rank.phraseWeight * r) / (r + rank.phraseSaturation));
}

function byTierScoreKey<T extends RankInput>(scored: Array<{ p: T; s: number }>): T[] {
  scored.sort((a, b) => a.p.tier - b.p.tier || b.s - a.s || (a.p.key < b.p.key ? -1 : a.p.key > b.p.key ? 1 : 0));
  return scored.map((x) => x.p);
}

/** First pass: tier, then relevance from hit locations, then key (a total order: deterministic). */
export function rankPages<T extends RankInput>(pages: T[], words: number, rank: RankParams = RANK): T[] {
  return byTierScoreKey(pages.map((p) => ({ p, s: boosted(p.wordScore, phraseOccurrences(p.wordLocations, words), rank) })));
}

/** What the second pass reads of a page's text. */
export interface TextCounts {
  /** Phrase occurrences in the page's text, whole words (for a one-word query: its hits). */
  occurrences: number;
  /** Words of the page's text. */
  length: number;
  /** The subject (trích yếu) holds the query: the document is about it. */
  inSubject: boolean;
  /** Provision headings that hold the query. */
  inHeadings: number;
}

/** BM25's term weight: saturating in tf, normalised for length against `mean`. */
export function bm25(tf: number, length: number, mean: number, rank: RankParams = RANK): number {
  if (tf <= 0) return 0;
  const k = rank.k1 * (1 - rank.lengthNormalisation + (rank.lengthNormalisation * length) / (mean || 1));
  return (tf * (rank.k1 + 1)) / (tf + k);
}

export function textScore(c: TextCounts, mean: number, wordScore: number, rank: RankParams = RANK): number {
  const tf = c.occurrences + rank.headingWeight * c.inHeadings;
  return bm25(tf, c.length, mean, rank) + (c.inSubject ? rank.subjectBonus : 0) + rank.wordScoreWeight * wordScore;
}

/**
 * Second pass over the first pages: BM25 of the query (as a phrase) from the
 * text, headings counted `headingWeight` times, a bonus when the subject holds
 * it, Pagefind's word score as a small last term. The mean length is that of
 * these pages (the archive's mean is not known in the browser without loading more).
 */
export function refinePages<T extends RankInput>(pages: T[], counts: TextCounts[], rank: RankParams = RANK): T[] {
  if (pages.length === 0) return pages;
  const mean = counts.reduce((n, c) => n + c.length, 0) / counts.length;
  return byTierScoreKey(pages.map((p, i) => ({ p, s: textScore(counts[i]!, mean, p.wordScore, rank) })));
}
