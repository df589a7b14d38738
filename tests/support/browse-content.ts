/**
 * Content for the browsing tests while the real corpus mostly lacks
 * identities: the shipped content/ plus synthetic HĐND resolutions of other
 * provinces, made from the shipped 205/NQ-HĐND of HĐND tỉnh Quảng Ninh
 * (002): the issuer's province and the place renamed, a new number in the
 * header ("Số: 1000/NQ-HĐND"), a date spread over one year, the body varied
 * (scripts/build/synthetic.ts) so copies are distinct documents.
 * Deterministic. Enough documents in one year to paginate its page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prng, renumberHeader, varyText } from '../../scripts/build/synthetic.ts';
import type { TempContent } from './temp-content.ts';

export const SYNTHETIC_BASE = '002_69de05d7962fd3a5.txt';

/** Provinces of the synthetic issuers: [as written in a header (capitals), as a place name]. */
export const SYNTHETIC_PROVINCES: Array<[string, string]> = [
  ['BẮC GIANG', 'Bắc Giang'],
  ['GIA LAI', 'Gia Lai'],
  ['TRÀ VINH', 'Trà Vinh'],
];

/**
 * Add `perProvince` synthetic documents of each SYNTHETIC_PROVINCES issuer to
 * the copy; returns their file names.
 */
export function addSyntheticProvinces(content: TempContent, perProvince: number): string[] {
  const base = readFileSync(join(content.dir, 'sources', SYNTHETIC_BASE), 'utf8');
  const rnd = prng(1008);
  const names: string[] = [];
  SYNTHETIC_PROVINCES.forEach(([upper, place], p) => {
    for (let i = 0; i < perProvince; i++) {
      const n = 1000 + p * 100 + i;
      const day = 1 + ((i * 7 + p * 3) % 28);
      const month = 1 + ((i + p * 5) % 12);
      let text = base
        .replace('TỈNH QUẢNG NINH', `TỈNH ${upper}`)
        .replace(/Quảng Ninh, ngày \d+ tháng \d+ năm 2024/u, `${place}, ngày ${day} tháng ${month} năm 2024`)
        .replace('HỘI ĐỒNG NHÂN DÂN TỈNH QUẢNG NINH', `HỘI ĐỒNG NHÂN DÂN TỈNH ${upper}`);
      const renumbered = renumberHeader(text, n);
      if (renumbered === null) throw new Error(`${SYNTHETIC_BASE}: no "Số ..." line to renumber`);
      text = varyText(renumbered, rnd);
      const name = `9${String(p)}${String(i).padStart(2, '0')}_synthetic_${place.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/\W+/g, '').toLowerCase()}_${n}.txt`;
      content.write(join('sources', name), text);
      names.push(name);
    }
  });
  return names;
}
