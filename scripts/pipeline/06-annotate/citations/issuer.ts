/**
 * Who issued a cited document? From the "của ..." phrase first, then the
 * symbol's issuer code, then the citing document's own level (DESIGN.md:
 * "TU" is both Tỉnh ủy and Thành ủy; the citing text or level decides).
 * Returns null rather than guess: an unknown issuer leaves the citation
 * unresolved, never linked to the wrong document.
 */
import type { Issuer } from '../../../lib/model.ts';
import { slugify } from '../../../lib/slug.ts';
import type { RecognisedCitation } from './recognise.ts';

export interface IssuerGuess {
  issuer: Issuer | null;
  /** How it was decided, for the reader and the editor. */
  basis: string;
}

/** Central bodies; the party's central organs share the TW numbering. */
const CENTRAL: Record<string, Issuer> = {
  TW: { name: 'Trung ương Đảng', slug: 'trung-uong', branch: 'party' },
  BCĐTW: { name: 'Ban Chỉ đạo Trung ương', slug: 'ban-chi-dao-trung-uong', branch: 'party' },
  BNCTW: { name: 'Ban Nội chính Trung ương', slug: 'ban-noi-chinh-trung-uong', branch: 'party' },
  CP: { name: 'Chính phủ', slug: 'chinh-phu', branch: 'state' },
  TTg: { name: 'Thủ tướng Chính phủ', slug: 'thu-tuong-chinh-phu', branch: 'state' },
  QH: { name: 'Quốc hội', slug: 'quoc-hoi', branch: 'state' },
};

/**
 * Cities of a province, so a city document citing "của Tỉnh ủy" names the
 * right province. Extend when documents of other cities are added.
 */
const PROVINCE_OF_CITY: Record<string, string> = {
  'Hạ Long': 'Quảng Ninh',
  'Cẩm Phả': 'Quảng Ninh',
  'Uông Bí': 'Quảng Ninh',
  'Móng Cái': 'Quảng Ninh',
  'Đông Triều': 'Quảng Ninh',
};

/** The citing document's province and city, from its issuer name. */
function placesOf(citing: Issuer | null): { province: string | null; city: string | null } {
  if (!citing) return { province: null, city: null };
  const m = /^(Tỉnh ủy|HĐND tỉnh|UBND tỉnh|Thành ủy|HĐND thành phố|UBND thành phố)\s+(.+)$/u.exec(citing.name);
  if (!m || !m[1] || !m[2]) return { province: null, city: null };
  if (/tỉnh|Tỉnh/u.test(m[1])) return { province: m[2], city: null };
  return { province: PROVINCE_OF_CITY[m[2]] ?? null, city: m[2] };
}

const issuer = (name: string, branch: Issuer['branch']): Issuer => ({ name, slug: slugify(name), branch });

function fromPhrase(phrase: string, places: ReturnType<typeof placesOf>): IssuerGuess | null {
  const p = phrase.normalize('NFC');
  if (/Trung ương|Bộ Ch\S* trị|Ban Bí thư/u.test(p) && !/Ban [Cc]hỉ đạo|Nội chính/u.test(p)) return { issuer: CENTRAL.TW ?? null, basis: `"của ${p}"` };
  if (/Ban [Cc]hỉ đạo [Tt]rung ương/u.test(p)) return { issuer: CENTRAL.BCĐTW ?? null, basis: `"của ${p}"` };
  if (/Nội chính Trung ương/u.test(p)) return { issuer: CENTRAL.BNCTW ?? null, basis: `"của ${p}"` };
  if (/Thủ tướng/u.test(p)) return { issuer: CENTRAL.TTg ?? null, basis: `"của ${p}"` };
  if (/^Chính phủ$/u.test(p)) return { issuer: CENTRAL.CP ?? null, basis: `"của ${p}"` };
  if (/^Quốc hội$/u.test(p)) return { issuer: CENTRAL.QH ?? null, basis: `"của ${p}"` };
  const level = /[Tt]hành phố|Thành [uủ][yỷ]/u.test(p) ? 'city' : /[Tt]ỉnh|T[iỉ]nh [uủ][yỷ]/u.test(p) ? 'province' : null;
  const party = /[uủ][yỷ]|Đảng bộ|Ban Thường vụ|Ban Chấp hành/u.test(p);
  const council = /Hội đồng nhân dân|HĐND/u.test(p);
  const committee = /Ủy ban nhân dân|UBND/u.test(p);
  const named = /Quảng Ninh/u.test(p) ? 'Quảng Ninh' : null;
  if (level === 'province') {
    const province = named ?? places.province;
    if (!province) return { issuer: null, basis: `"của ${p}" names a province the citing document does not` };
    if (party) return { issuer: issuer(`Tỉnh ủy ${province}`, 'party'), basis: `"của ${p}"` };
    if (council) return { issuer: issuer(`HĐND tỉnh ${province}`, 'state'), basis: `"của ${p}"` };
    if (committee) return { issuer: issuer(`UBND tỉnh ${province}`, 'state'), basis: `"của ${p}"` };
  }
  if (level === 'city') {
    if (!places.city) return { issuer: null, basis: `"của ${p}" names a city the citing document does not` };
    if (party) return { issuer: issuer(`Thành ủy ${places.city}`, 'party'), basis: `"của ${p}"` };
    if (council) return { issuer: issuer(`HĐND thành phố ${places.city}`, 'state'), basis: `"của ${p}"` };
    if (committee) return { issuer: issuer(`UBND thành phố ${places.city}`, 'state'), basis: `"của ${p}"` };
  }
  return null;
}

/** Issuer from the symbol's code, with the citing document's level where the code is ambiguous. */
function fromCode(code: string, citing: Issuer | null, places: ReturnType<typeof placesOf>): IssuerGuess {
  if (/^QH\d*$/.test(code)) return { issuer: CENTRAL.QH ?? null, basis: `symbol code ${code}` };
  const central = CENTRAL[code];
  if (central) return { issuer: central, basis: `symbol code ${code}` };
  const same = (name: string) => (citing && citing.name === name ? ' (the citing document\'s own issuer)' : '');
  if (code === 'TU') {
    // Without "của ...", a document cites its own committee's numbering.
    if (places.city) return { issuer: issuer(`Thành ủy ${places.city}`, 'party'), basis: `symbol code TU in a document of Thành ủy ${places.city}` };
    if (places.province) return { issuer: issuer(`Tỉnh ủy ${places.province}`, 'party'), basis: `symbol code TU in a province-level document${same(`Tỉnh ủy ${places.province}`)}` };
  }
  if (code === 'HĐND' || code === 'UBND') {
    const body = code === 'HĐND' ? 'HĐND' : 'UBND';
    if (places.city) return { issuer: issuer(`${body} thành phố ${places.city}`, 'state'), basis: `symbol code ${code} in a city document` };
    if (places.province) return { issuer: issuer(`${body} tỉnh ${places.province}`, 'state'), basis: `symbol code ${code} in a province-level document` };
  }
  return { issuer: null, basis: `symbol code ${code} does not say which body` };
}

export function citedIssuer(c: RecognisedCitation, citing: Issuer | null): IssuerGuess {
  const places = placesOf(citing);
  if (c.issuerPhrase) {
    const g = fromPhrase(c.issuerPhrase, places);
    if (g) return g;
  }
  if (c.symbol) return fromCode(c.symbol.issuerCode, citing, places);
  if (c.kind === 'plenum') return { issuer: CENTRAL.TW ?? null, basis: 'Hội nghị Trung ương' };
  if (c.kind === 'law') return { issuer: CENTRAL.QH ?? null, basis: 'a law is passed by Quốc hội' };
  return { issuer: null, basis: 'no symbol and no "của ..." phrase' };
}
