/**
 * Issue 11: the judged query set and the ranking metrics of the search
 * benchmark (docs/decisions/1102-judged-search-benchmark.md). The metrics on
 * cases checked by hand; the judged set against the shipped archive,
 * converted in memory.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { convertInMemory } from '../../scripts/pipeline/convert-archive.ts';
import { archiveIndexFromFiles, archiveProblems, loadJudged, QUERY_KINDS, shapeProblems, type ArchiveIndex, type JudgedQuery } from '../../scripts/search-bench/judged.ts';
import { bestFirst, documentsInOrder, ndcgAt, reciprocalRank, scoreRun } from '../../scripts/search-bench/metrics.ts';
import { countQuery, documentTexts, foldDocuments } from '../../scripts/search-bench/judging/count.ts';

const A = '/van-ban/x/2020/a/';
const B = '/van-ban/x/2020/b/';
const C = '/van-ban/x/2020/c/';
const D = '/van-ban/x/2020/d/';

describe('metrics', () => {
  const grades = { [A]: 1, [B]: 3, [D]: 2 } as const;

  it('nDCG@10 is 1 for the ideal order and for any order of equal grades', () => {
    expect(ndcgAt(10, [B, D, A], grades)).toBeCloseTo(1, 12);
    expect(ndcgAt(10, [B, D, A, C], grades)).toBeCloseTo(1, 12);
    expect(ndcgAt(10, [C, '/van-ban/x/2020/e/'], { [C]: 2, '/van-ban/x/2020/e/': 2 })).toBeCloseTo(1, 12);
  });

  it('nDCG@10 of a known small case, computed by hand', () => {
    // ranked A(1) B(3) C(0); D(2) not returned.
    // DCG  = (2^1-1)/log2 2 + (2^3-1)/log2 3 + 0      = 1 + 7/1.5849625           = 5.4165082
    // IDCG = (2^3-1)/log2 2 + (2^2-1)/log2 3 + 1/log2 4 = 7 + 3/1.5849625 + 0.5    = 9.3927892
    // nDCG = 5.4165082 / 9.3927892 = 0.5766663
    expect(ndcgAt(10, [A, B, C], grades)).toBeCloseTo(0.5766663, 6);
  });

  it('nDCG@k looks at the first k results only', () => {
    // k = 1: B first is ideal; A first gets 1/7 of the ideal gain.
    expect(ndcgAt(1, [B, A], grades)).toBe(1);
    expect(ndcgAt(1, [A, B], grades)).toBeCloseTo(1 / 7, 12);
    expect(ndcgAt(10, [], grades)).toBe(0);
  });

  it('reciprocal rank: the first document graded 2 or more, within the top 10', () => {
    expect(reciprocalRank([A, B, C], grades)).toBe(0.5);
    expect(reciprocalRank([A, C, D], grades)).toBeCloseTo(1 / 3, 12);
    expect(reciprocalRank([A, C], grades)).toBe(0);
    const eleventh = [...Array.from({ length: 10 }, (_, i) => `/van-ban/x/2020/z${i}/`), B];
    expect(reciprocalRank(eleventh, grades)).toBe(0);
  });

  it('best first: the first result has the query’s highest grade', () => {
    expect(bestFirst([B, A], grades)).toBe(true);
    expect(bestFirst([D, B], grades)).toBe(false);
    expect(bestFirst([], grades)).toBe(false);
  });

  it('sub-results count as their document, once, where it first appears', () => {
    expect(documentsInOrder([`${A}#dieu-3`, B, `${A}#dieu-4`, `${C}?q=1`])).toEqual([A, B, C]);
  });

  it('a run: answerable means apart from the queries with no answer', () => {
    const judged: JudgedQuery[] = [
      { q: 'one', kind: 'unmarked', why: '.', relevant: { [A]: 3 } },
      { q: 'two', kind: 'symbol', why: '.', relevant: { [B]: 3, [C]: 1 } },
      { q: 'nothing', kind: 'none', why: '.', relevant: {} },
      { q: 'nothing either', kind: 'none', why: '.', relevant: {} },
    ];
    const run = scoreRun(judged, new Map([
      ['one', [`${A}#dieu-1`, B]],
      ['two', [C, B]],
      ['nothing', []],
      ['nothing either', [A]],
    ]));
    // "two": DCG = 1 + 7/log2 3 = 5.4165082, IDCG = 7 + 1/log2 3 = 7.6309298, nDCG = 0.7098097; RR = 1/2.
    expect(run.answerable.queries).toBe(2);
    expect(run.answerable.ndcg10).toBeCloseTo((1 + 0.7098097) / 2, 6);
    expect(run.answerable.mrr).toBe(0.75);
    expect(run.answerable.bestFirst).toBe(0.5);
    expect(run.byKind.symbol?.bestFirst).toBe(0);
    expect(run.none).toEqual({ queries: 2, empty: 1 });
    expect(run.perQuery[1]?.ranks).toEqual({ [B]: 2, [C]: 1 });
  });
});

describe('the judged set, shape', () => {
  it('rejects what it cannot score', () => {
    const problems = shapeProblems({
      queries: [
        { q: 'a', kind: 'odd', why: 'x', relevant: { [A]: 3 } },
        { q: 'b', kind: 'unmarked', why: 'x', relevant: { [A]: 4, 'van-ban/a': 2 } },
        { q: 'c', kind: 'none', why: 'x', relevant: { [A]: 1 } },
        { q: 'd', kind: 'unmarked', why: 'x', relevant: { [A]: 1 } },
        { q: 'd', kind: 'unmarked', why: 'x', relevant: { [A]: 3 }, provision: `${B}#dieu-1` },
      ],
    });
    expect(problems.join('\n')).toMatch(/"a": kind must be one of/);
    expect(problems.join('\n')).toMatch(/"b": grade of .* must be 0, 1, 2 or 3/);
    expect(problems.join('\n')).toMatch(/"b": "van-ban\/a" is not a document URL/);
    expect(problems.join('\n')).toMatch(/"c": kind none, but 1 document/);
    expect(problems.join('\n')).toMatch(/"d": answerable, but no document graded 2 or 3/);
    expect(problems.join('\n')).toMatch(/query 5 "d": judged twice/);
    expect(problems.join('\n')).toMatch(/"d": provision .* is not in a document judged relevant/);
  });
});

describe('the judged set against the shipped archive', () => {
  let judged: JudgedQuery[];
  let archive: ArchiveIndex;
  let files: Map<string, string>;
  beforeAll(async () => {
    judged = loadJudged();
    const converted = await convertInMemory('content');
    if (converted.errors.length > 0) throw new Error(converted.errors.join('\n'));
    files = converted.files;
    archive = archiveIndexFromFiles(files);
  }, 120_000); // converting the shipped archive: a few seconds for the texts, more with PDF sources on a loaded machine

  it('every judged URL is a published document, every provision an id on its page', () => {
    expect(archive.size).toBeGreaterThanOrEqual(134);
    expect(archiveProblems(judged, archive)).toEqual([]);
  });

  it('at least 40 queries, every kind, most typed without marks, a few with no answer', () => {
    expect(judged.length).toBeGreaterThanOrEqual(40);
    const kinds = new Set(judged.map((j) => j.kind));
    expect([...QUERY_KINDS].filter((k) => !kinds.has(k))).toEqual([]);
    const unmarked = judged.filter((j) => j.kind === 'unmarked').length;
    expect(unmarked).toBeGreaterThan(judged.length / 2);
    expect(judged.filter((j) => j.kind === 'none').length).toBeGreaterThanOrEqual(3);
  });

  it('the issue’s three queries are judged, their named documents grade 3', () => {
    const byQ = new Map(judged.map((j) => [j.q, j]));
    expect(byQ.get('thu tuc hanh chinh')?.relevant['/van-ban/tinh-uy-quang-ninh/2021/nq-chua-ro-so-2/']).toBe(3);
    expect(byQ.get('van don')?.relevant['/van-ban/tinh-uy-quang-ninh/2017/09-nq-tu/']).toBe(3);
    expect(byQ.get('dang bo')?.relevant['/van-ban/thanh-uy-ha-long/2020/nq-chua-ro-so-1/']).toBe(3);
  });

  it('the issue’s counts hold on the converted text: each named document holds the phrase most often', () => {
    const docs = foldDocuments(documentTexts(files));
    const most = (q: string): string => {
      const counts = countQuery(docs, q).sort((a, b) => b.body.phrase - a.body.phrase);
      return counts[0]?.url ?? '';
    };
    expect(most('thu tuc hanh chinh')).toBe('/van-ban/tinh-uy-quang-ninh/2021/nq-chua-ro-so-2/');
    expect(most('van don')).toBe('/van-ban/tinh-uy-quang-ninh/2017/09-nq-tu/');
    expect(most('dang bo')).toBe('/van-ban/thanh-uy-ha-long/2020/nq-chua-ro-so-1/');
  });

  it('no document holds the words of a "none" query as a phrase', () => {
    const docs = foldDocuments(documentTexts(files));
    for (const j of judged.filter((x) => x.kind === 'none')) {
      const hits = countQuery(docs, j.q).filter((c) => c.body.phrase > 0);
      expect(hits.map((h) => h.url), j.q).toEqual([]);
    }
  });
});
