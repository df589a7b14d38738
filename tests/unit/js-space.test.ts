/** isJsSpace (scripts/lib/js-space.ts) is JavaScript's \s for every UTF-16 code unit, and NaN counts as space. */
import { describe, expect, it } from 'vitest';
import { isJsSpace } from '../../scripts/lib/js-space.ts';

describe('isJsSpace', () => {
  it('agrees with /\\s/ on all 65,536 code units', () => {
    const differ: number[] = [];
    for (let n = 0; n < 0x10000; n++) if (isJsSpace(n) !== /\s/.test(String.fromCharCode(n))) differ.push(n);
    expect(differ).toEqual([]);
  });

  it('counts a position past either end of a text (charCodeAt: NaN) as space', () => {
    expect(isJsSpace('ab'.charCodeAt(2))).toBe(true);
    expect(isJsSpace('ab'.charCodeAt(-1))).toBe(true);
  });
});
