/**
 * Metadata read from the document itself: the header (issuer, "Số ...", place
 * and date, type, title, HĐND session), the signature block (capacity, title,
 * signer) and the closing line. Every fact found carries its origin.
 */
import type { Line } from '../02-normalise/index.ts';
import type { DocTypeCode, Fact, FactOrigin, Issuer } from '../../lib/model.ts';
import { parseSymbol, typeFromWord } from '../../lib/symbol.ts';
import { canonicalIssuer } from './issuer.ts';
import { looksLikeName } from '../03-segment/index.ts';

export interface TextFacts {
  type: Fact<DocTypeCode>;
  numberSymbol: Fact<string>;
  date: Fact<string>;
  issuer: Fact<Issuer>;
  place: Fact<string>;
  title: Fact<string>;
  organ: Fact<string>;
  session: Fact<string>;
  signer: Fact<string>;
  signerTitle: Fact<string>;
  signingCapacity: Fact<string>;
}

const unknown = <T>(): Fact<T> => ({ value: null, origin: null });
const fact = <T>(value: T, origin: FactOrigin): Fact<T> => ({ value, origin });

const MOTTO = /^(ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc)$/iu;
const NUMBER_LINE = /^Số\s*:?\s*(.+)$/u;
const DATE_LINE = /^(.+?),\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})\s*$/u;
const TYPE_LINE = /^(NGHỊ QUYẾT|CHỈ THỊ|QUYẾT ĐỊNH|KẾT LUẬN|CHƯƠNG TRÌNH HÀNH ĐỘNG|CHƯƠNG TRÌNH|KẾ HOẠCH|THÔNG BÁO|HƯỚNG DẪN|BÁO CÁO|TỜ TRÌNH|QUY ĐỊNH)$/u;
const ORGAN_LINE = /^CỦA\s+(.+)$/u;
const SESSION = /KHÓA\s+([IVXLC]+)\s*,?\s*KỲ\s+HỌP\s+THỨ\s+([\p{L}\d]+)/iu;
const PASSED_ON = /thông qua ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u;

export function isoDate(day: string | number, month: string | number, year: string | number): string | null {
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Capitalised words of organ names in running text ("Ban Chấp hành Đảng bộ tỉnh"). */
const ORGAN_CAPITALS = /(?<!\p{L})(chấp|thường|đảng|tỉnh ủy|thành ủy|hội đồng|ủy ban|bộ chính trị|ban bí thư|trung ương)(?!\p{L})/gu;

/** "BAN CHẤP HÀNH ĐẢNG BỘ TỈNH" -> "Ban Chấp hành Đảng bộ tỉnh". */
function organCase(upper: string): string {
  const lower = upper.toLocaleLowerCase('vi').replace(/uỷ/g, 'ủy');
  const cased = lower.replace(ORGAN_CAPITALS, (w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1));
  return cased.charAt(0).toLocaleUpperCase('vi') + cased.slice(1);
}

export function readHeader(header: Line[], signature: Line[], closing: Line[]): TextFacts {
  const facts: TextFacts = {
    type: unknown(),
    numberSymbol: unknown(),
    date: unknown(),
    issuer: unknown(),
    place: unknown(),
    title: unknown(),
    organ: unknown(),
    session: unknown(),
    signer: unknown(),
    signerTitle: unknown(),
    signingCapacity: unknown(),
  };
  const texts = header.map((l) => l.text);
  const titleParts: string[] = [];
  let issuerParts: string[] = [];
  let afterType = false;
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i] as string;
    if (MOTTO.test(t) || t === '*') {
      if (issuerParts.length > 0 && facts.issuer.value === null) {
        const issuer = canonicalIssuer(issuerParts.join(' '));
        if (issuer) facts.issuer = fact(issuer, 'header');
      }
      issuerParts = [];
      continue;
    }
    const num = NUMBER_LINE.exec(t);
    if (num && num[1] && facts.numberSymbol.value === null) {
      const sym = parseSymbol(num[1]);
      if (sym) facts.numberSymbol = fact(sym.canonical, 'header');
      continue;
    }
    const date = DATE_LINE.exec(t);
    if (date && date[1] && date[2] && date[3] && date[4]) {
      const iso = isoDate(date[2], date[3], date[4]);
      if (iso) facts.date = fact(iso, 'header');
      facts.place = fact(date[1].trim(), 'header');
      continue;
    }
    if (TYPE_LINE.test(t)) {
      const code = typeFromWord(t);
      if (code) facts.type = fact(code, 'header');
      afterType = true;
      continue;
    }
    const session = SESSION.exec(t);
    if (session) {
      facts.session = fact(`khóa ${session[1]}, kỳ họp thứ ${session[2]}`, 'header');
      continue;
    }
    const organ = ORGAN_LINE.exec(t);
    if (organ && organ[1] && afterType) {
      facts.organ = fact(organCase(organ[1]), 'header');
      continue;
    }
    if (afterType || /^[Vv]ề\s/u.test(t)) {
      // Title lines: "về phương hướng, nhiệm vụ năm 2018" (maybe wrapped).
      titleParts.push(t);
      afterType = true;
      continue;
    }
    if (!afterType && facts.numberSymbol.value === null && facts.issuer.value === null) issuerParts.push(t);
  }
  if (issuerParts.length > 0 && facts.issuer.value === null) {
    const issuer = canonicalIssuer(issuerParts.join(' '));
    if (issuer) facts.issuer = fact(issuer, 'header');
  }
  if (titleParts.length > 0) facts.title = fact(titleParts.join(' ').replace(/\s+/g, ' ').trim(), 'header');

  readSignature(signature, facts);
  if (facts.date.value === null) {
    for (const l of closing) {
      const m = PASSED_ON.exec(l.text);
      if (m && m[1] && m[2] && m[3]) {
        const iso = isoDate(m[1], m[2], m[3]);
        if (iso) facts.date = fact(iso, 'closing');
      }
    }
  }
  return facts;
}

function readSignature(signature: Line[], facts: TextFacts): void {
  for (const l of signature) {
    const t = l.text;
    if (/^(?:T\s*\/\s*M|TM\.|KT\.|Q\.|TUQ\.)\s/u.test(t)) facts.signingCapacity = fact(t, 'signature');
    else if (/^\(.*ký\)$/iu.test(t)) continue;
    else if (looksLikeName(t)) facts.signer = fact(t, 'signature');
    else if (/^[\p{Lu}\s]+$/u.test(t) && facts.signerTitle.value === null) facts.signerTitle = fact(t, 'signature');
  }
}
