/**
 * The zones of a Vietnamese official document's first page and its closing,
 * as data: what each zone looks like in text, and the rule it comes from.
 * A reader of the code checks these against the sources named in `source`:
 *
 *   NĐ30   Nghị định 30/2020/NĐ-CP về công tác văn thư, Phụ lục I "Thể thức,
 *          kỹ thuật trình bày văn bản hành chính" (state bodies)
 *   HD36   Hướng dẫn 36-HD/VPTW (2018) về thể thức và kỹ thuật trình bày văn
 *          bản trong Đảng (party bodies)
 *   LBH    Luật Ban hành văn bản quy phạm pháp luật (2015, 2025) and its
 *          decree on format (Nghị định 34/2016/NĐ-CP, Phụ lục I), for the
 *          normative documents of HĐND, UBND and central bodies
 *
 * Where a zone sits on the page (issuer top left, national name top right,
 * number under the issuer, place and date under the motto, the type name
 * centred, the title under it) is lost in text: columns arrive side by side
 * on one line, interleaved line by line, or one after the other. The reader
 * (scripts/pipeline/05-metadata/header.ts) therefore finds zones by these
 * patterns anywhere in a header line, and by what follows what, never by a
 * line's position. docs/decisions/1001-header-zones.md explains the method.
 */

import { DATE_SOURCE } from '../vn-date.ts';

export type ZoneName =
  | 'national-name' // quốc hiệu
  | 'motto' // tiêu ngữ
  | 'party-name' // "ĐẢNG CỘNG SẢN VIỆT NAM"
  | 'number' // số, ký hiệu
  | 'place-date' // địa danh và thời gian ban hành
  | 'rule' // the short line under a name or the motto: decoration
  | 'party-star' // the "*" under a party committee's name
  | 'type' // tên loại văn bản
  | 'organ' // "CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH" under a party document's type
  | 'session' // HĐND term and session ("KHÓA XIV, KỲ HỌP THỨ 19")
  | 'preamble' // căn cứ ban hành
  | 'decision' // the line that opens the enacted text ("QUYẾT NGHỊ:")
  | 'recipients' // nơi nhận
  | 'signature-capacity' // quyền hạn của người ký ("TM.", "KT.", "T/M")
  | 'signature-title' // chức vụ của người ký
  | 'adoption' // the closing sentence of an HĐND resolution: "... thông qua ngày ..."
  | 'annex-title' // phụ lục, or a text "ban hành kèm theo"
  | 'annex-link'; // "(Kèm theo Nghị quyết số ...)" under an annex title

export interface ZoneRule {
  zone: ZoneName;
  /** Matches the zone's text; `g`-free, so it can be reused. */
  pattern: RegExp;
  /** The rule that prescribes it. */
  source: string;
  /** What the text shows of it, including the variants seen in real documents. */
  note: string;
}

/** A place name: one to five Title Case words (so an upper-case code before it, "NQ-HĐND", is not taken in) ("Hà Nội", "TP. Hồ Chí Minh", "Thừa Thiên Huế"). */
const PLACE = String.raw`(?<![\p{L}\p{M}])(?:TP\.\s*)?\p{Lu}[\p{Ll}\p{M}]*(?:\s+\p{Lu}[\p{Ll}\p{M}]*){0,4}`;

/** Day, month, year may each be blank in an unsigned or scanned copy ("ngày    tháng    năm 2025"). */
const DATE_TAIL = String.raw`ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})?\s*năm\s*(\d{4,5})?`;

export const HEADER_ZONES: ZoneRule[] = [
  {
    zone: 'national-name',
    pattern: /CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM/u,
    source: 'NĐ30 Phụ lục I, mục II.1 (quốc hiệu); LBH',
    note: 'upper case, top right; both tone placements (HÒA, HOÀ) occur',
  },
  {
    zone: 'motto',
    pattern: /Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc/iu,
    source: 'NĐ30 Phụ lục I, mục II.1 (tiêu ngữ)',
    note: 'under the national name, with a rule under it',
  },
  {
    zone: 'party-name',
    pattern: /ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM/u,
    source: 'HD36, tiêu đề "ĐẢNG CỘNG SẢN VIỆT NAM"',
    note: 'top right of a party document, where a state document has the national name',
  },
  {
    zone: 'number',
    // "Số: 205/NQ-HĐND", "Số 09-NQ/TU" (party: no colon), "Nghị quyết số: 24/2022/UBTVQH15", "Số:      /2025/QĐ-UBND" (blank).
    pattern: /(?:^|\s)(?:(?:Nghị\s+quyết|Quyết\s+định|Chỉ\s+thị|Nghị\s+định|Thông\s+tư)\s+)?[Ss]ố\s*[:.]?\s*(?=[\d/])([^\s].*?)\s*$/u,
    source: 'NĐ30 Phụ lục I, mục II.3; HD36 ("Số 09-NQ/TU" without a colon)',
    note: 'under the issuer; the number may be blank in an unsigned copy, the year and codes still printed',
  },
  {
    zone: 'place-date',
    pattern: new RegExp(String.raw`(${PLACE})\s*,?\s*${DATE_TAIL}`, 'u'),
    source: 'NĐ30 Phụ lục I, mục II.4; HD36',
    note: 'under the motto, italic; day and month may be blank; a place may wrap onto two lines',
  },
  {
    zone: 'rule',
    pattern: /^[-_=*–—]{3,}$/u,
    source: 'NĐ30 Phụ lục I (đường kẻ ngang dưới tên cơ quan và tiêu ngữ)',
    note: 'decoration; it never ends the header by itself',
  },
  { zone: 'party-star', pattern: /^\*$/u, source: 'HD36 (dấu sao dưới tên cơ quan ban hành)', note: 'under a party committee name' },
  {
    zone: 'type',
    pattern: /^(NGHỊ\s+QUYẾT|QUYẾT\s+ĐỊNH|CHỈ\s+THỊ|NGHỊ\s+ĐỊNH|THÔNG\s+TƯ|KẾT\s+LUẬN|CHƯƠNG\s+TRÌNH(?:\s+HÀNH\s+ĐỘNG)?|KẾ\s+HOẠCH|THÔNG\s+BÁO|HƯỚNG\s+DẪN|BÁO\s+CÁO|TỜ\s+TRÌNH|QUY\s+ĐỊNH|QUY\s+CHẾ|LUẬT|PHÁP\s+LỆNH|CÔNG\s+VĂN)$/u,
    source: 'NĐ30 Phụ lục I, mục II.5 (tên loại); HD36',
    note: 'upper case, centred, alone on its line; the title (trích yếu) follows',
  },
  {
    zone: 'organ',
    pattern: /^CỦA\s+(.+)$/u,
    source: 'HD36 (tên loại "NGHỊ QUYẾT / CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH")',
    note: 'a party document names the organ that adopted it under its type',
  },
  {
    zone: 'session',
    pattern: /KH(?:ÓA|OÁ|OA)\s+([IVXLC]+)\s*[,.\-–]?\s*KỲ\s+HỌP\s+(?:THỨ\s+)?([\p{L}\d]+(?:\s*\([^)]*\))?)/iu,
    source: 'LBH (nghị quyết HĐND ghi khóa và kỳ họp dưới tên HĐND)',
    note: 'under the HĐND name in the enacting line; the ordinal in words or figures',
  },
  { zone: 'preamble', pattern: /^(?:Căn\s+cứ|Xét)(?!\p{L})/u, source: 'NĐ30 Phụ lục I, mục II.6 (căn cứ ban hành); LBH', note: 'each legal basis on its own line' },
  {
    zone: 'decision',
    pattern: /^(?:QUYẾT\s+NGHỊ|QUYẾT\s+ĐỊNH|NGHỊ\s+ĐỊNH|CHỈ\s+THỊ|BAN\s+HÀNH\s+(?:THÔNG\s+TƯ|NGHỊ\s+ĐỊNH|QUYẾT\s+ĐỊNH))\s*:?$/u,
    source: 'LBH and NĐ30 (the enacting word after the preamble)',
    note: 'with or without its colon',
  },
  { zone: 'recipients', pattern: /^N[ơo]i\s+nh[ậâa]n\s*:?/iu, source: 'NĐ30 Phụ lục I, mục II.9 (nơi nhận); HD36', note: 'bottom left' },
  {
    zone: 'signature-capacity',
    pattern: /^(?:T\s*\/\s*M|TM\.|KT\.|Q\.|TUQ\.|TL\.|TM\s)\s*\S/u,
    source: 'NĐ30 Phụ lục I, mục II.7a (quyền hạn của người ký); HD36 (T/M)',
    note: 'bottom right, above the title of the signer',
  },
  {
    zone: 'signature-title',
    pattern:
      /^(?:PHÓ\s+)?(?:BÍ\s+THƯ|CHỦ\s+TỊCH|THỦ\s+TƯỚNG|BỘ\s+TRƯỞNG|THỨ\s+TRƯỞNG|TRƯỞNG\s+BAN|TỔNG\s+GIÁM\s+ĐỐC|GIÁM\s+ĐỐC|CHÁNH\s+VĂN\s+PHÒNG|TỔNG\s+CỤC\s+TRƯỞNG|CỤC\s+TRƯỞNG|VỤ\s+TRƯỞNG|VIỆN\s+TRƯỞNG|HIỆU\s+TRƯỞNG|CHÁNH\s+THANH\s+TRA|TỔNG\s+THANH\s+TRA|TRƯỞNG\s+PHÒNG|CHỦ\s+NHIỆM|TỔNG\s+KIỂM\s+TOÁN)(?:\s.*)?$/u,
    source: 'NĐ30 Phụ lục I, mục II.7b (chức vụ của người ký), Phụ lục III (the forms\' signers: Giám đốc, Cục trưởng, Hiệu trưởng, Chánh Văn phòng ...)',
    note: 'upper case; "PHÓ" before it for a deputy',
  },
  {
    zone: 'adoption',
    pattern: new RegExp(`thông\\s+qua\\s+(?:vào\\s+)?ngày\\s*(${DATE_SOURCE})`, 'iu'),
    source: 'LBH (nghị quyết HĐND ghi ngày thông qua ở câu kết)',
    note: '"Nghị quyết này đã được HĐND tỉnh ... khóa ..., kỳ họp thứ ... thông qua ngày 13 tháng 7 năm 2017"',
  },
  {
    zone: 'annex-title',
    pattern: /^(?:PH[UỤ]\s+L[UỤ]C(?:\s+(?:SỐ\s+)?[0-9IVXLC]+[A-Za-z]?)?(?:[.:\s].*)?|Phụ\s+lục(?:\s+(?:số\s+)?[0-9IVXLC]+[a-z]?)?\s*[.:]?|QUY\s+CHẾ|QUY\s+ĐỊNH|ĐIỀU\s+LỆ|DANH\s+MỤC(?:\s.*)?|HƯỚNG\s+DẪN|ĐỀ\s+ÁN|KẾ\s+HOẠCH|CHƯƠNG\s+TRÌNH(?:\s.*)?|BIỂU(?:\s.*)?|BẢNG(?:\s.*)?)$/u,
    source: 'NĐ30 Phụ lục I, mục VI (phụ lục kèm theo); LBH (văn bản ban hành kèm theo)',
    note: 'after the signature; upper case; followed by its name and "(Kèm theo ...)"',
  },
  {
    zone: 'annex-link',
    pattern: /^\(?\s*(?:Ban\s+hành\s+)?[Kk]èm\s+theo\b/u,
    source: 'NĐ30 Phụ lục I, mục VI',
    note: 'names the document the annex belongs to',
  },
];

const byZone = new Map(HEADER_ZONES.map((r) => [r.zone, r.pattern]));

/** The pattern of a zone. */
export function zonePattern(zone: ZoneName): RegExp {
  const p = byZone.get(zone);
  if (!p) throw new Error(`no zone rule ${zone}`);
  return p;
}

/**
 * Words a zone's pattern cannot match without (flags without `i`): a line
 * lacking them is not tried. The place and date is unanchored and tested on
 * every line of an annex region, where few lines have a date.
 */
const NEEDS: Partial<Record<ZoneName, string>> = { 'place-date': 'ngày' };
for (const [zone, word] of Object.entries(NEEDS)) {
  // Kept true of the pattern: the word is a literal of it and case matters.
  const p = byZone.get(zone as ZoneName);
  if (!p || p.flags.includes('i') || !p.source.includes(word)) throw new Error(`zone rule ${zone}: its pattern no longer needs "${word}"`);
}

/** Does the whole line (or, for in-line zones, any part of it) belong to this zone? */
export function isZone(zone: ZoneName, text: string): boolean {
  const needs = NEEDS[zone];
  if (needs !== undefined && !text.includes(needs)) return false;
  return zonePattern(zone).test(text);
}
