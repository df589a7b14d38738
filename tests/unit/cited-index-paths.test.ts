/**
 * The issuer indexes of cited documents (/tham-chieu/<issuer>/, trang-<n>/,
 * ADR 1008) share the folder of the cited-document pages: they must never be
 * taken for cited pages by the URL register (urls:accept would add them, and
 * the next build would refuse the register or lose a listing page).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { citedIssuerPath, citedKeyOf, CITED_PATH } from '../../scripts/lib/paths.ts';
import { publishedLines } from '../../scripts/urls/permanence.ts';
import { parseRegister } from '../../scripts/urls/register.ts';

const citedLines = readFileSync('content/published-urls.txt', 'utf8')
  .split('\n')
  .filter((l) => l.startsWith('/tham-chieu/'));

describe('cited-document pages and issuer indexes', () => {
  it('every published cited page is a cited path under its issuer index, which is not one, nor are its further pages', () => {
    expect(citedLines.length).toBeGreaterThan(0);
    for (const line of citedLines) {
      const issuer = line.split('/')[2]!;
      const index = citedIssuerPath(issuer);
      expect(line.startsWith(index)).toBe(true);
      expect([CITED_PATH.test(line), citedKeyOf(line)]).toEqual([true, line.slice('/tham-chieu/'.length, -1)]);
      for (const listing of [index, `${index}trang-2/`, `${index}trang-13/`]) {
        expect([listing, CITED_PATH.test(listing), citedKeyOf(listing)]).toEqual([listing, false, null]);
      }
    }
    // A key that merely starts like a page number is still a key.
    expect(CITED_PATH.test('/tham-chieu/chinh-phu/trang-2-nd-cp/')).toBe(true);
  });

  it('urls:accept registers cited pages, never the issuer indexes, and the register reads back', () => {
    const cited = citedLines[0]!;
    const index = citedIssuerPath(cited.split('/')[2]!);
    const lines = publishedLines({ documents: new Map(), aliases: new Map(), pages: new Set(['/tham-chieu/', index, `${index}trang-2/`, cited]) });
    expect(lines).toEqual([cited]);
    expect(parseRegister(lines.join('\n'), 'published-urls.txt').problems).toEqual([]);
    // And the register refuses a listing page written by hand.
    expect(parseRegister(`${index}trang-2/`, 'published-urls.txt').problems).toHaveLength(1);
  });
});
