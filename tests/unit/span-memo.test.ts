/**
 * The span memo of the reading steps (scripts/lib/span-memo.ts): a word is
 * found where it stands in a text, by an exact comparison, never by its hash
 * alone; the memo forgets everything when it is full, and never answers wrong.
 */
import { describe, expect, it } from 'vitest';
import { SpanMemo } from '../../scripts/lib/span-memo.ts';

const lookup = (memo: SpanMemo<string>, text: string, start: number, end: number) => memo.find(SpanMemo.hash(text, start, end), text, start, end)?.value;

describe('SpanMemo', () => {
  it('finds a word where it stands in another text, and only that word', () => {
    const memo = new SpanMemo<string>(100);
    memo.add(SpanMemo.hash('Nghị quyết', 0, 4), 'Nghị', 'found');
    const text = 'Căn cứ Nghị định và Nghị quyết';
    expect(lookup(memo, text, 7, 11)).toBe('found'); // "Nghị"
    expect(lookup(memo, text, 20, 24)).toBe('found');
    expect(lookup(memo, text, 7, 10)).toBeUndefined(); // "Ngh"
    expect(lookup(memo, text, 12, 16)).toBeUndefined(); // "định"
  });

  it('tells apart words of one hash: same length, same first two, middle and last two units', () => {
    // Length 7, units 0, 1, 3, 5, 6 shared; units 2 and 4 differ: the hash cannot see them.
    const a = 'abXdYfg';
    const b = 'abZdWfg';
    expect(SpanMemo.hash(a, 0, a.length)).toBe(SpanMemo.hash(b, 0, b.length));
    const memo = new SpanMemo<string>(100);
    memo.add(SpanMemo.hash(a, 0, a.length), a, 'a');
    expect(lookup(memo, b, 0, b.length)).toBeUndefined();
    memo.add(SpanMemo.hash(b, 0, b.length), b, 'b');
    expect(lookup(memo, `x ${a} y`, 2, 2 + a.length)).toBe('a');
    expect(lookup(memo, `x ${b} y`, 2, 2 + b.length)).toBe('b');
  });

  it('hashes one-unit and two-unit words without reading outside them', () => {
    const text = 'a bc d';
    expect(SpanMemo.hash(text, 0, 1)).toBe(SpanMemo.hash('a', 0, 1));
    expect(SpanMemo.hash(text, 2, 4)).toBe(SpanMemo.hash('bc', 0, 2));
  });

  it('forgets everything when full, and still answers right after', () => {
    const memo = new SpanMemo<number>(3);
    const words = ['một', 'hai', 'ba', 'bốn'];
    for (const [i, w] of words.entries()) memo.add(SpanMemo.hash(w, 0, w.length), w, i);
    // The fourth key emptied the memo first: only "bốn" is left.
    expect(memo.find(SpanMemo.hash('một', 0, 3), 'một', 0, 3)).toBeUndefined();
    expect(memo.find(SpanMemo.hash('bốn', 0, 3), 'bốn', 0, 3)?.value).toBe(3);
  });
});
