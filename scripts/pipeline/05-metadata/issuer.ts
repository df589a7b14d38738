/**
 * Issuer names: "TỈNH UỶ QUẢNG NINH", "Tỉnh ủy Quảng Ninh" and "HỘI ĐỒNG NHÂN DÂN
 * TỈNH QUẢNG NINH" -> one canonical display name, URL slug and branch.
 */
import type { Issuer } from '../../lib/model.ts';
import { slugify } from '../../lib/slug.ts';

interface BodyPattern {
  re: RegExp;
  /** Display prefix; the place name follows, title-cased. */
  name: string;
  branch: Issuer['branch'];
}

// Old-style (uỷ, hoà) and new-style (ủy, hòa) tone placement both occur.
const BODIES: BodyPattern[] = [
  { re: /^TỈNH\s+(?:UỶ|ỦY|UY)\s+/u, name: 'Tỉnh ủy', branch: 'party' },
  { re: /^THÀNH\s+(?:UỶ|ỦY|UY)\s+/u, name: 'Thành ủy', branch: 'party' },
  { re: /^HUYỆN\s+(?:UỶ|ỦY|UY)\s+/u, name: 'Huyện ủy', branch: 'party' },
  { re: /^THỊ\s+(?:UỶ|ỦY|UY)\s+/u, name: 'Thị ủy', branch: 'party' },
  { re: /^(?:HỘI\s+ĐỒNG\s+NHÂN\s+DÂN|HĐND)\s+TỈNH\s+/u, name: 'HĐND tỉnh', branch: 'state' },
  { re: /^(?:HỘI\s+ĐỒNG\s+NHÂN\s+DÂN|HĐND)\s+THÀNH\s+PHỐ\s+/u, name: 'HĐND thành phố', branch: 'state' },
  { re: /^(?:[UỦ]Y\s+BAN\s+NHÂN\s+DÂN|UBND)\s+TỈNH\s+/u, name: 'UBND tỉnh', branch: 'state' },
  { re: /^(?:[UỦ]Y\s+BAN\s+NHÂN\s+DÂN|UBND)\s+THÀNH\s+PHỐ\s+/u, name: 'UBND thành phố', branch: 'state' },
];

function titleCase(words: string): string {
  return words
    .toLocaleLowerCase('vi')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1))
    .join(' ');
}

/** Canonical issuer for a name in any case; null when the body is not one we know. */
export function canonicalIssuer(raw: string): Issuer | null {
  const upper = raw.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleUpperCase('vi');
  for (const body of BODIES) {
    const m = body.re.exec(upper);
    if (m) {
      const place = titleCase(upper.slice(m[0].length));
      if (place === '') return null;
      const name = `${body.name} ${place}`;
      return { name, slug: slugify(name), branch: body.branch };
    }
  }
  return null;
}
