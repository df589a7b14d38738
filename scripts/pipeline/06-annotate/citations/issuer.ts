/**
 * Who issued a cited document? From the "của ..." phrase first, then the
 * symbol's issuer code, then the citing document's own level ("TU" is both
 * Tỉnh ủy and Thành ủy; the citing text or level decides: docs/domain.md,
 * section 2, "The TU ambiguity").
 * Returns null rather than guess: an unknown issuer leaves the citation
 * unresolved, never linked to the wrong document.
 */
import { canonicalIssuer, isProvince, issuerByCode, provinceOf } from '../../../lib/issuers.ts';
import type { Issuer } from '../../../lib/model.ts';
import { slugify } from '../../../lib/slug.ts';
import type { RecognisedCitation } from './recognise.ts';

export interface IssuerGuess {
  issuer: Issuer | null;
  /** How it was decided, in Vietnamese: shown to readers on the cited-document page. */
  basis: string;
}

/** Central bodies by symbol code, from content/issuers.yaml (scripts/lib/issuers.ts). */
const central = (code: string): Issuer | null => issuerByCode(code);

/** The citing document's province and city, from its issuer (a city's province: content/issuers.yaml, "places"). */
function placesOf(citing: Issuer | null): { province: string | null; city: string | null } {
  if (!citing) return { province: null, city: null };
  const m = /^(Tỉnh ủy|HĐND tỉnh|UBND tỉnh|Thành ủy|HĐND thành phố|UBND thành phố)\s+(.+)$/u.exec(citing.name);
  if (!m || !m[1] || !m[2]) return { province: null, city: null };
  if (/tỉnh|Tỉnh/u.test(m[1])) return { province: m[2], city: null };
  // A centrally governed city (Hà Nội) lies in no province: "của Tỉnh ủy" there names none.
  return { province: isProvince(m[2]) ? null : provinceOf(m[2]), city: m[2] };
}

/** A provincial or city body as the registry names it (its province included); the name as built if the registry does not know it. */
function issuer(name: string, branch: Issuer['branch'], province: string | null): Issuer {
  return canonicalIssuer(name) ?? { name, slug: slugify(name), branch, province };
}

function fromPhrase(phrase: string, places: ReturnType<typeof placesOf>): IssuerGuess | null {
  const p = phrase.normalize('NFC');
  if (/Trung ương|Bộ Ch\S* trị|Ban Bí thư/u.test(p) && !/Ban [Cc]hỉ đạo|Nội chính/u.test(p)) return { issuer: central('TW'), basis: `theo lời dẫn “của ${p}”` };
  if (/Ban [Cc]hỉ đạo [Tt]rung ương/u.test(p)) return { issuer: central('BCĐTW'), basis: `theo lời dẫn “của ${p}”` };
  if (/Nội chính Trung ương/u.test(p)) return { issuer: central('BNCTW'), basis: `theo lời dẫn “của ${p}”` };
  if (/Thủ tướng/u.test(p)) return { issuer: central('TTg'), basis: `theo lời dẫn “của ${p}”` };
  if (/^Chính phủ$/u.test(p)) return { issuer: central('CP'), basis: `theo lời dẫn “của ${p}”` };
  if (/^Quốc hội$/u.test(p)) return { issuer: central('QH'), basis: `theo lời dẫn “của ${p}”` };
  const level = /[Tt]hành phố|Thành [uủ][yỷ]/u.test(p) ? 'city' : /[Tt]ỉnh|T[iỉ]nh [uủ][yỷ]/u.test(p) ? 'province' : null;
  const party = /[uủ][yỷ]|Đảng bộ|Ban Thường vụ|Ban Chấp hành/u.test(p);
  const council = /Hội đồng nhân dân|HĐND/u.test(p);
  const committee = /Ủy ban nhân dân|UBND/u.test(p);
  const named = /Quảng Ninh/u.test(p) ? 'Quảng Ninh' : null;
  if (level === 'province') {
    const province = named ?? places.province;
    if (!province) return { issuer: null, basis: `lời dẫn “của ${p}” nêu một tỉnh mà văn bản dẫn chiếu không cho biết` };
    if (party) return { issuer: issuer(`Tỉnh ủy ${province}`, 'party', province), basis: `theo lời dẫn “của ${p}”` };
    if (council) return { issuer: issuer(`HĐND tỉnh ${province}`, 'state', province), basis: `theo lời dẫn “của ${p}”` };
    if (committee) return { issuer: issuer(`UBND tỉnh ${province}`, 'state', province), basis: `theo lời dẫn “của ${p}”` };
  }
  if (level === 'city') {
    if (!places.city) return { issuer: null, basis: `lời dẫn “của ${p}” nêu một thành phố mà văn bản dẫn chiếu không cho biết` };
    if (party) return { issuer: issuer(`Thành ủy ${places.city}`, 'party', places.province), basis: `theo lời dẫn “của ${p}”` };
    if (council) return { issuer: issuer(`HĐND thành phố ${places.city}`, 'state', places.province), basis: `theo lời dẫn “của ${p}”` };
    if (committee) return { issuer: issuer(`UBND thành phố ${places.city}`, 'state', places.province), basis: `theo lời dẫn “của ${p}”` };
  }
  return null;
}

/** Issuer from the symbol's code, with the citing document's level where the code is ambiguous. */
function fromCode(code: string, citing: Issuer | null, places: ReturnType<typeof placesOf>): IssuerGuess {
  const centralBody = central(code);
  if (centralBody) return { issuer: centralBody, basis: `theo mã ký hiệu ${code}` };
  const same = (name: string) => (citing && citing.name === name ? ' (cùng cơ quan ban hành với văn bản dẫn chiếu)' : '');
  if (code === 'TU') {
    // Without "của ...", a document cites its own committee's numbering.
    if (places.city) return { issuer: issuer(`Thành ủy ${places.city}`, 'party', places.province), basis: `theo mã ký hiệu TU, trong văn bản của Thành ủy ${places.city}` };
    if (places.province) return { issuer: issuer(`Tỉnh ủy ${places.province}`, 'party', places.province), basis: `theo mã ký hiệu TU, trong văn bản cấp tỉnh${same(`Tỉnh ủy ${places.province}`)}` };
  }
  if (code === 'HĐND' || code === 'UBND') {
    const body = code === 'HĐND' ? 'HĐND' : 'UBND';
    if (places.city) return { issuer: issuer(`${body} thành phố ${places.city}`, 'state', places.province), basis: `theo mã ký hiệu ${code}, trong văn bản cấp thành phố` };
    if (places.province) return { issuer: issuer(`${body} tỉnh ${places.province}`, 'state', places.province), basis: `theo mã ký hiệu ${code}, trong văn bản cấp tỉnh` };
  }
  return { issuer: null, basis: `mã ký hiệu ${code} không cho biết cơ quan nào` };
}

export function citedIssuer(c: RecognisedCitation, citing: Issuer | null): IssuerGuess {
  const places = placesOf(citing);
  if (c.issuerPhrase) {
    const g = fromPhrase(c.issuerPhrase, places);
    if (g) return g;
  }
  if (c.symbol) return fromCode(c.symbol.issuerCode, citing, places);
  if (c.kind === 'plenum') return { issuer: central('TW'), basis: 'nghị quyết của Hội nghị Trung ương' };
  if (c.kind === 'law') return { issuer: central('QH'), basis: 'luật do Quốc hội thông qua' };
  return { issuer: null, basis: 'không có ký hiệu và không có cụm “của …”' };
}
