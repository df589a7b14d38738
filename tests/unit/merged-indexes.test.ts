/**
 * ARCHIVE_MERGE_INDEXES (src/lib/merged-indexes.ts, ADR 1201): the other
 * shards' index folders the search page merges. What reaches the page is a
 * checked list of plain site paths; anything else stops the build by name.
 */
import { describe, expect, it } from 'vitest';
import { parseMergedIndexes } from '../../src/lib/merged-indexes.ts';

describe('ARCHIVE_MERGE_INDEXES', () => {
  it('is empty when unset or blank: an archive built whole has one index', () => {
    expect(parseMergedIndexes(undefined)).toEqual([]);
    expect(parseMergedIndexes('')).toEqual([]);
    expect(parseMergedIndexes('  ')).toEqual([]);
  });

  it('lists the shards\' Pagefind folders in the order given', () => {
    expect(parseMergedIndexes('/kho/ha-giang/pagefind/, /kho/trung-uong/pagefind/')).toEqual(['/kho/ha-giang/pagefind/', '/kho/trung-uong/pagefind/']);
  });

  it('refuses anything that is not a plain site path of a Pagefind folder, naming it', () => {
    for (const bad of ['kho/a/pagefind/', '/kho/a/pagefind', 'https://other.example/pagefind/', '//evil.example/pagefind/', '/kho/../pagefind/', '/kho/A/pagefind/', '/kho/a"b/pagefind/', '/kho/a/', '/kho/a/pagefind/x.js']) {
      expect(() => parseMergedIndexes(bad), bad).toThrow(JSON.stringify(bad));
    }
  });

  it('refuses the site\'s own index and a folder listed twice', () => {
    expect(() => parseMergedIndexes('/pagefind/')).toThrow(/own index/);
    expect(() => parseMergedIndexes('/kho/a/pagefind/,/kho/a/pagefind/')).toThrow(/twice/);
  });
});
