/**
 * The ranking arithmetic of src/scripts/search-rank.ts (ADR 1101). The counts
 * are those of the shipped archive for "thu tuc hanh chinh" (read with the
 * search page's own matcher); the browser tests check the same order end to end.
 */
import { describe, expect, it } from 'vitest';
import { bm25, phraseOccurrences, rankPages, refinePages, RANK, type RankInput, type TextCounts } from '../../src/scripts/search-rank';

const page = (key: string, tier: number, wordScore: number, wordLocations: number[] = []): RankInput => ({ key, tier, wordScore, wordLocations });

describe('phrase occurrences from hit locations', () => {
  it('counts runs of consecutive positions, n words each', () => {
    expect(phraseOccurrences([3, 4, 10, 11, 12, 13, 20], 2)).toBe(3);
    expect(phraseOccurrences([3, 4, 5], 2)).toBe(1);
    expect(phraseOccurrences([1, 5, 9], 2)).toBe(0);
    expect(phraseOccurrences([1, 5, 9], 1)).toBe(3);
  });
});

describe('first pass', () => {
  it('keeps tiers, then orders by the boosted word score, ties by key', () => {
    const ranked = rankPages([page('c', 3, 9), page('b', 2, 1), page('a', 2, 1), page('d', 2, 1, [7, 8, 20, 21, 30, 31])], 2);
    expect(ranked.map((p) => p.key)).toEqual(['d', 'a', 'b', 'c']);
  });
});

describe('second pass (BM25 over the text)', () => {
  it('saturates in the count and normalises for length', () => {
    expect(bm25(27, 8000, 6000)).toBeGreaterThan(bm25(6, 8000, 6000));
    expect(bm25(27, 8000, 6000)).toBeLessThan(RANK.k1 + 1);
    expect(bm25(2, 500, 6000)).toBeGreaterThan(bm25(2, 9000, 6000));
    expect(bm25(0, 500, 6000)).toBe(0);
  });

  it('puts the document that is about the phrase before short ones that mention it', () => {
    // "thu tuc hanh chinh" in the shipped archive: [occurrences, words, subject holds it, Pagefind word score].
    const rows: Array<[string, number, number, boolean, number]> = [
      ['bac-giang-2017-muc-chi-cchc', 2, 584, true, 2.58],
      ['quang-ninh-2021-cai-cach-hanh-chinh', 27, 7958, false, 2.04],
      ['quang-ninh-2024-205', 6, 8968, false, 2.0],
      ['ha-giang-2017-chat-van', 2, 1854, false, 1.99],
      ['quang-ninh-2017-09', 3, 8486, false, 2.09],
    ];
    const pages = rows.map(([key, , , , s]) => page(key, 2, s));
    const counts: TextCounts[] = rows.map(([, occurrences, length, inSubject]) => ({ occurrences, length, inSubject, inHeadings: 0 }));
    const order = refinePages(pages, counts).map((p) => p.key);
    expect(order[0]).toBe('quang-ninh-2021-cai-cach-hanh-chinh');
    expect(order.indexOf('bac-giang-2017-muc-chi-cchc')).toBeLessThan(order.indexOf('ha-giang-2017-chat-van'));
  });

  it('never moves a page across tiers', () => {
    const pages = [page('phrase', 2, 0.1), page('words', 3, 50)];
    const counts: TextCounts[] = [
      { occurrences: 1, length: 9000, inSubject: false, inHeadings: 0 },
      { occurrences: 0, length: 100, inSubject: true, inHeadings: 3 },
    ];
    expect(refinePages(pages, counts).map((p) => p.key)).toEqual(['phrase', 'words']);
  });
});
