/**
 * Where to look for a cited document that is not in the archive: the national
 * database of legal documents (Cơ sở dữ liệu quốc gia về văn bản pháp luật,
 * vbpl.vn, run by the Ministry of Justice) holds state documents (laws,
 * decrees, circulars, provincial HĐND resolutions and UBND decisions), not
 * party documents. See docs/decisions/1403-take-it-away.md.
 */
import type { CitedDocument } from './citations-data';

/** What the decision needs of a cited document. */
type Cited = { issuer: Pick<NonNullable<CitedDocument['issuer']>, 'branch'> | null; numberSymbol: string | null };

/** vbpl.vn's search for the central database, by words of the number or title (form as of 2025). */
export const VBPL_SEARCH = 'https://vbpl.vn/TW/Pages/vbpq-timkiem.aspx';

/**
 * A party symbol puts the type before the slash ("09-NQ/TU", "12-CT/TW");
 * a state one after it ("205/NQ-HĐND", "15/2023/TT-BCT", "80/2015/QH13")
 * (docs/domain.md, section 2).
 */
const PARTY_SYMBOL = /^[0-9]+[a-z]?-[A-ZĐa-zđ]+\//u;

/** True when the cited document is a state one: its issuer is a state body, or, issuer unknown, its symbol is not a party one. */
export function isStateDocument(cited: Cited): boolean {
  if (cited.issuer) return cited.issuer.branch === 'state';
  return cited.numberSymbol !== null && !PARTY_SYMBOL.test(cited.numberSymbol);
}

/** The search link for a state document with a number-symbol, else null. */
export function vbplSearch(cited: Cited): { url: string; keyword: string } | null {
  if (!cited.numberSymbol || !isStateDocument(cited)) return null;
  const keyword = cited.numberSymbol;
  const query = new URLSearchParams({ type: '0', s: '1', SearchIn: 'Title,Title1', Keyword: keyword });
  return { url: `${VBPL_SEARCH}?${query.toString()}`, keyword };
}
