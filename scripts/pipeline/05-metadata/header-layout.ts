/**
 * The header's display lines arranged as the first page prints them
 * (NĐ 30/2020 Phụ lục I; HD 36-HD/VPTW for party documents): the issuer, the
 * party star and the number in the left column; the national name (or
 * "ĐẢNG CỘNG SẢN VIỆT NAM"), the motto and the place and date in the right
 * column; the type, the title and the enacting line centred below.
 *
 * Lines are cut into zone pieces with the reader's own patterns
 * (05-metadata/header.ts `cut`, format-rules/header-zones.ts), so a flattened
 * line ("Số: 11/2025/NQ-HĐND Hà Nội, ngày ...") gives a left and a right
 * piece. The layout only arranges text: its pieces hold exactly the lines'
 * characters (whitespace between pieces aside). docs/decisions/1402-official-header-and-print.md.
 */
import type { HeaderLayout } from '../../lib/model.ts';
import { cut, SUBJECT_LINE } from './header.ts';
import { isUpperCase } from '../../lib/fold.ts';

const RIGHT_ZONES = new Set(['national-name', 'motto', 'party-name', 'place-date']);
const LEFT_ZONES = new Set(['number', 'party-star']);

/**
 * The layout of a header's display lines (`Segments.header`), or null when
 * the lines show no zone of the two columns (a web copy that kept only the
 * title): those stay centred lines. `gaps` are the indexes of lost header
 * tables (`Segments.headerGaps`): a lost table stands where the columns were.
 */
export function layoutHeader(lines: string[], gaps: number[] = []): HeaderLayout | null {
  const gapSet = new Set(gaps);
  const layout: HeaderLayout = { top: [], left: [], right: [], centre: [] };
  let centred = false; // from the type on, everything is centred
  let columns = false; // a zone of either column was seen
  let last: 'left' | 'right' = 'left'; // the column the previous piece went to
  let subject = false; // inside a công văn's "V/v ..." subject, which wraps under the number
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (gapSet.has(i)) {
      // Only a lost table before the type stands for the columns; anywhere else the reader could not place it.
      if (centred || layout.gap !== undefined || layout.left.length + layout.right.length > 0) return null;
      layout.gap = line;
      columns = true;
      continue;
    }
    if (centred) {
      layout.centre.push(line);
      continue;
    }
    const pieces = cut(line);
    const typeAt = pieces.findIndex((p) => p.zone === 'type');
    if (typeAt > 0) return null; // a type after other text on its line: not a layout the rules describe
    if (typeAt === 0) {
      centred = true;
      layout.centre.push(line);
      continue;
    }
    pieces.forEach((p, k) => {
      if (p.zone !== 'text') subject = false;
      if (centred) layout.centre.push(p.text);
      else if (RIGHT_ZONES.has(p.zone)) {
        columns = true;
        layout.right.push(p.text);
        last = 'right';
      } else if (LEFT_ZONES.has(p.zone)) {
        columns = true;
        layout.left.push(p.text);
        last = 'left';
      } else if (!/[\p{L}\p{N}]/u.test(p.text)) {
        // A rule the zone table does not list ("¯¯¯¯"): decoration under the piece above it.
        layout[last].push(p.text);
      } else if (SUBJECT_LINE.test(p.text) || subject) {
        // A công văn's subject and the lines it wraps onto: under the number (NĐ30 Phụ lục I, mục II.5b).
        layout.left.push(p.text);
        last = 'left';
        subject = true;
      } else if (isUpperCase(p.text)) {
        // An upper-case name before the type: the issuer (and a parent body above it).
        layout.left.push(p.text);
        last = 'left';
      } else if (pieces[k + 1]?.zone === 'place-date' || (k === pieces.length - 1 && nextStartsWithDate(lines[i + 1]))) {
        // A place name wrapped onto two lines ("Thừa Thiên / Huế, ngày ...").
        layout.right.push(p.text);
        last = 'right';
      } else if (!columns && layout.left.length === 0) {
        // Before any zone: a copy's stamp ("SAO Y; ...", "Giờ ký: ...").
        layout.top.push(p.text);
      } else {
        // Lower-case text after the columns and before any type (a lost header's title, "về ..."): centred from here on.
        layout.centre.push(p.text);
        centred = true;
      }
    });
  }
  if (!columns) return null;
  return layout;
}

function nextStartsWithDate(line: string | undefined): boolean {
  return line !== undefined && cut(line)[0]?.zone === 'place-date';
}
