/**
 * Metadata read from the document itself, zone by zone
 * (scripts/lib/format-rules/header-zones.ts, docs/decisions/1001-header-zones.md):
 *
 *  1. The front's lines are cut into pieces at every zone found inside them,
 *     so a flattened two-column line ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI ...",
 *     "Số: 11/2025/NQ-HĐND Hà Nội, ngày ...") and an interleaved layout read
 *     the same as one zone per line. A header that arrived as a table is read
 *     column by column.
 *  2. Pieces are classified by pattern: national name, motto, number, place
 *     and date, type, session; upper-case names before the type are the
 *     issuer (the last body name the registry knows: a parent body printed
 *     above it is "cơ quan chủ quản"); after the type come the title, then the
 *     enacting line ("HỘI ĐỒNG NHÂN DÂN TỈNH X / KHÓA ..., KỲ HỌP ...").
 *  3. What the header lacks is read where the text states it: the issuer from
 *     the enacting line, the date of adoption from the closing sentence, the
 *     number from an annex's "(Kèm theo Nghị quyết số ...)" — each fact
 *     with its origin. A blank number or date stays unknown.
 */
import type { Line } from '../02-normalise/index.ts';
import type { DocTypeCode, Fact, FactOrigin, Issuer } from '../../lib/model.ts';
import { isTypeCode, parseSymbol, typeFromWord } from '../../lib/symbol.ts';
import { isoDate, parseVietnameseDate } from '../../lib/vn-date.ts';
import { isZone, zonePattern, type ZoneName } from '../../lib/format-rules/header-zones.ts';
import { canonicalIssuer, isIncompleteBodyName, looksLikeBodyName, subordinateIssuer } from '../../lib/issuers.ts';
import { looksLikeName } from '../03-segment/index.ts';
import { isUpperCase } from '../../lib/fold.ts';

export interface TextFacts {
  type: Fact<DocTypeCode>;
  numberSymbol: Fact<string>;
  date: Fact<string>;
  /** Known even when the date is not: "ngày   tháng   năm 2025", "Số:   /2025/QĐ-UBND". */
  year: Fact<number>;
  issuer: Fact<Issuer>;
  place: Fact<string>;
  title: Fact<string>;
  organ: Fact<string>;
  session: Fact<string>;
  signer: Fact<string>;
  signerTitle: Fact<string>;
  signingCapacity: Fact<string>;
}

/** What the reader noticed on the way, for the quality report (Vietnamese: shown to readers). */
export interface HeaderReading {
  facts: TextFacts;
  notes: string[];
}

/** The parts of a document the reader looks at, besides the front. */
export interface HeaderSources {
  header: Line[];
  signature: Line[];
  /** The closing lines and the last lines of the body, where an HĐND resolution says when it was adopted. */
  closing: Line[];
  /** Title and link lines of the annexes ("(Kèm theo Nghị quyết số ...)"). */
  annexHeadings: Line[];
}

const unknown = <T>(): Fact<T> => ({ value: null, origin: null });
const fact = <T>(value: T, origin: FactOrigin): Fact<T> => ({ value, origin });

/** Zones that can stand anywhere inside a line, in the order they are cut out. */
const INLINE_ZONES: ZoneName[] = ['national-name', 'motto', 'party-name', 'place-date'];
/** "Số: ...", "Nghị quyết số: ..." up to the end of its piece. */
const NUMBER_PIECE = /(?:^|\s)((?:(?:Nghị\s+quyết|Quyết\s+định|Chỉ\s+thị|Nghị\s+định|Thông\s+tư)\s+)?[Ss]ố\s*[:.]?\s*(?=[\d/]).*)$/u;
/**
 * Who enacts, named after the title: "BỘ TRƯỞNG BỘ TÀI CHÍNH", "THỦ TƯỚNG
 * CHÍNH PHỦ", "GIÁM ĐỐC SỞ ...", "TRƯỞNG BAN CHỈ ĐẠO ..." (NĐ30 Phụ lục III:
 * the head of the body, in capitals, on its own line under the title).
 */
const ENACTING_CAPACITY = /^(?:BỘ\s+TRƯỞNG|THỦ\s+TƯỚNG|CHỦ\s+TỊCH|TỔNG\s+CỤC\s+TRƯỞNG|CỤC\s+TRƯỞNG|TỔNG\s+GIÁM\s+ĐỐC|GIÁM\s+ĐỐC|TỔNG\s+KIỂM\s+TOÁN|TRƯỞNG\s+BAN|HIỆU\s+TRƯỞNG|VIỆN\s+TRƯỞNG|CHÁNH\s+VĂN\s+PHÒNG|CHÁNH\s+THANH\s+TRA|TỔNG\s+THANH\s+TRA)(?!\p{L})/u;
/** The subject line of a công văn, under its number ("V/v trình hồ sơ ..."): NĐ30 Phụ lục I, mục II.5b. */
export const SUBJECT_LINE = /^V\s*\/\s*v(?!\p{L})/u;

export interface Piece {
  text: string;
  zone: ZoneName | 'text';
  match?: RegExpExecArray;
}


/** Cut one line into zone pieces; the text between zones stays as 'text' pieces. */
export function cut(text: string): Piece[] {
  for (const zone of INLINE_ZONES) {
    // Place names are Title Case ("Hà Nội"), so "HĐND" before them is not part of the place.
    const m = zonePattern(zone).exec(text);
    if (!m) continue;
    const before = text.slice(0, m.index).trim();
    const after = text.slice(m.index + m[0].length).trim();
    return [...(before ? cut(before) : []), { text: m[0].trim(), zone, match: m }, ...(after ? cut(after) : [])];
  }
  const num = NUMBER_PIECE.exec(text);
  if (num && num[1]) {
    const before = text.slice(0, num.index).trim();
    return [...(before ? cut(before) : []), { text: num[1].trim(), zone: 'number' }];
  }
  const t = text.trim();
  if (t === '') return [];
  for (const zone of ['rule', 'party-star', 'type', 'organ'] as ZoneName[]) {
    if (isZone(zone, t)) return [{ text: t, zone }];
  }
  // A session line, alone or after the council's name; not a title that mentions a session.
  const session = zonePattern('session').exec(t);
  if (session && (session.index === 0 || looksLikeBodyName(t.slice(0, session.index)))) return [{ text: t, zone: 'session' }];
  return [{ text: t, zone: 'text' }];
}

/** A header table (columns side by side) read column by column: the left column is the issuer's. */
export function columnsOf(line: Line): string[] {
  const rows = line.table?.rows ?? [];
  const width = Math.max(0, ...rows.map((r) => r.length));
  const out: string[] = [];
  for (let c = 0; c < width; c++) for (const r of rows) if (r[c] && r[c]!.trim() !== '') out.push(r[c]!.trim());
  return out;
}

function piecesOf(header: Line[]): Piece[] {
  const texts = header.flatMap((l) => (l.gap ? [] : l.table ? columnsOf(l) : [l.text]));
  return texts.flatMap(cut);
}

/** "BAN CHẤP HÀNH ĐẢNG BỘ TỈNH" -> "Ban Chấp hành Đảng bộ tỉnh". */
const ORGAN_CAPITALS = /(?<!\p{L})(chấp|thường|đảng|tỉnh ủy|thành ủy|hội đồng|ủy ban|bộ chính trị|ban bí thư|trung ương)(?!\p{L})/gu;
function organCase(upper: string): string {
  const lower = upper.toLocaleLowerCase('vi').replace(/uỷ/g, 'ủy');
  const cased = lower.replace(ORGAN_CAPITALS, (w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1));
  return cased.charAt(0).toLocaleUpperCase('vi') + cased.slice(1);
}

/** The number piece: a symbol, or a blank one whose printed year and codes are still worth reading. */
function readNumber(piece: string, notes: string[]): { symbol: string | null; year: number | null; typeCode: string | null } {
  const raw = piece.replace(/^(?:\S+\s+\S+\s+)?[Ss]ố\s*[:.]?\s*/u, '').trim();
  const sym = parseSymbol(raw);
  if (sym) return { symbol: sym.canonical, year: sym.year, typeCode: sym.typeCode };
  const year = /\/\s*((?:19|20)\d{2})\s*\//u.exec(raw);
  const code = /\/\s*([A-ZĐ][A-Za-zĐđ]{0,4})\s*-/u.exec(raw) ?? /^\s*\d*\s*\/\s*([A-ZĐ][A-Za-zĐđ]{0,4})\s*-/u.exec(raw);
  notes.push(`số ký hiệu để trống hoặc không đọc được ("${raw}"): số chưa rõ`);
  return { symbol: null, year: year ? Number(year[1]) : null, typeCode: code?.[1] ?? null };
}

/**
 * The issuer among the upper-case pieces before the type: the last name the
 * registry knows, joining a name wrapped over two or three lines. A name
 * printed below it that the registry does not know means the issuer is that
 * unknown body (the known one is its parent), so the issuer is not guessed.
 */
function readIssuer(candidates: string[], notes: string[], afterDate: ReadonlySet<number> = new Set()): Issuer | null {
  for (let j = candidates.length - 1; j >= 0; j--) {
    for (let i = Math.max(0, j - 2); i <= j; i++) {
      const issuer = canonicalIssuer(candidates.slice(i, j + 1).join(' '));
      if (!issuer) continue;
      // Capitals after the place and date, below a known name, are a stamp ("UBND TỈNH ... / ĐẾN Số ..."), not a name under it.
      const below = candidates.slice(j + 1).filter((c, k) => !isIncompleteBodyName(c) && !afterDate.has(j + 1 + k));
      // A body printed under the one it belongs to ("UBND TỈNH X" / "SỞ ..."): the issuer is that body.
      const under = below.length > 0 ? subordinateIssuer(issuer, below.join(' ')) : null;
      if (under) return under;
      if (below.length > 0) {
        notes.push(`tên cơ quan ban hành "${below.join(' ')}" (dưới "${issuer.name}") chưa có trong danh mục cơ quan content/issuers.yaml`);
        return null;
      }
      return issuer;
    }
  }
  if (candidates.length > 0) notes.push(`không nhận ra cơ quan ban hành trong "${candidates.join(' / ')}" (thêm vào content/issuers.yaml nếu là một cơ quan)`);
  return null;
}

export function readHeader(src: HeaderSources): HeaderReading {
  const facts: TextFacts = {
    type: unknown(),
    numberSymbol: unknown(),
    date: unknown(),
    year: unknown(),
    issuer: unknown(),
    place: unknown(),
    title: unknown(),
    organ: unknown(),
    session: unknown(),
    signer: unknown(),
    signerTitle: unknown(),
    signingCapacity: unknown(),
  };
  const notes: string[] = [];
  const pieces = piecesOf(src.header);
  const typeAt = pieces.findIndex((p) => p.zone === 'type');
  const issuerCandidates: string[] = [];
  /** Indexes of the candidates read after the place and date (the right column's last zone). */
  const lateCandidates = new Set<number>();
  const titleParts: string[] = [];
  const afterType: string[] = [];
  let sessionAt: number | null = null;
  let numberYear: number | null = null;
  let numberTypeCode: string | null = null;
  /** The công văn's subject ("V/v ..."), with the lines it wraps onto, until the next zone. */
  const subject: string[] = [];
  let subjectOpen = false;

  pieces.forEach((p, i) => {
    // After the type, a number or a date belongs to the title ("... của Nghị định số 10/2022/NĐ-CP ngày ...").
    // So does a number the subject line names ("V/v ... Công / văn số 3980/C04-P6 ..."): the header's own reads "Số".
    const cited = p.zone === 'number' && ((typeAt >= 0 && i > typeAt) || (subjectOpen && /^số/u.test(p.text)));
    const zone = cited || (typeAt >= 0 && i > typeAt && p.zone === 'place-date') ? 'text' : p.zone;
    if (zone !== 'text') subjectOpen = false;
    switch (zone) {
      case 'number': {
        if (facts.numberSymbol.value !== null || numberYear !== null) return;
        const n = readNumber(p.text, notes);
        if (n.symbol) facts.numberSymbol = fact(n.symbol, 'header');
        numberYear = n.year;
        numberTypeCode = n.typeCode;
        return;
      }
      case 'place-date': {
        if (facts.place.value !== null) return;
        const m = p.match as RegExpExecArray;
        facts.place = fact((m[1] as string).trim(), 'header');
        const [day, month, year] = [m[2], m[3], m[4]];
        if (year && /^\d{4}$/.test(year)) {
          facts.year = fact(Number(year), 'header');
          const iso = day && month ? isoDate(day, month, year) : null;
          if (iso) facts.date = fact(iso, 'header');
          else notes.push(`ngày ban hành để trống hoặc không đọc được ("${p.text}"): chỉ biết năm ${year}`);
        } else {
          notes.push(`ngày ban hành để trống hoặc không đọc được ("${p.text}")`);
        }
        return;
      }
      case 'type':
        if (facts.type.value === null) {
          const code = typeFromWord(p.text);
          if (code) facts.type = fact(code, 'header');
        }
        return;
      case 'session': {
        const m = zonePattern('session').exec(p.text) as RegExpExecArray;
        if (facts.session.value === null) facts.session = fact(`khóa ${m[1]}, kỳ họp thứ ${(m[2] as string).toLocaleLowerCase('vi')}`, 'header');
        // "HỘI ĐỒNG NHÂN DÂN TỈNH X KHÓA XIV, KỲ HỌP THỨ 19": the name before the session is the enacting line.
        const name = p.text.slice(0, m.index).trim();
        if (i > typeAt && typeAt >= 0) {
          if (name) afterType.push(name);
          sessionAt ??= afterType.length;
        } else if (name) issuerCandidates.push(name);
        return;
      }
      case 'organ':
        if (i > typeAt && typeAt >= 0 && facts.organ.value === null) {
          facts.organ = fact(organCase((zonePattern('organ').exec(p.text) as RegExpExecArray)[1] as string), 'header');
          return;
        }
        break;
      case 'text':
        break;
      default:
        return;
    }
    // Text pieces: the issuer before the type, the title and enacting line after it.
    if (typeAt < 0 || i < typeAt) {
      if (subjectOpen || SUBJECT_LINE.test(p.text)) {
        subject.push(p.text);
        subjectOpen = true;
      } else if (isUpperCase(p.text)) {
        if (facts.place.value !== null) lateCandidates.add(issuerCandidates.length);
        issuerCandidates.push(p.text);
      }
      else if (typeAt < 0 && /^[Vv]ề\s/u.test(p.text)) titleParts.push(p.text); // a lost header keeps its title
      return;
    }
    afterType.push(p.text);
  });

  // After the type: the title, then the enacting line at the end (before the session, if any).
  const upto = sessionAt ?? afterType.length;
  const enactingFrom = enactingStart(afterType.slice(0, upto));
  const enacting = enactingFrom === null ? null : afterType.slice(enactingFrom, upto).join(' ');
  titleParts.push(...afterType.slice(0, enactingFrom ?? upto));
  if (subject.length > 0) {
    // The subject line is the trích yếu of a document without a type name: it comes first.
    titleParts.unshift(...subject);
    // A công văn prints no type name and its number no type code ("Số: 788/STP-HCBT":
    // issuer, then the drafting unit; NĐ30 Phụ lục III): the subject line under the number marks it.
    if (typeAt < 0 && facts.type.value === null && !(numberTypeCode !== null && isTypeCode(numberTypeCode))) facts.type = fact('CV', 'header');
  }

  const fromHeader = readIssuer(issuerCandidates, notes, lateCandidates);
  if (fromHeader) facts.issuer = fact(fromHeader, 'header');
  if (facts.issuer.value === null && enacting !== null) {
    // "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", "BỘ TRƯỞNG BỘ TÀI CHÍNH": the body named in the enacting line.
    const named = canonicalIssuer((enacting as string).replace(ENACTING_CAPACITY, '').trim()) ?? canonicalIssuer(enacting);
    if (named) facts.issuer = fact(named, 'enacting');
  }
  if (titleParts.length > 0) facts.title = fact(titleParts.join(' ').replace(/\s+/g, ' ').trim(), 'header');
  if (facts.year.value === null && numberYear !== null) facts.year = fact(numberYear, 'header');

  readSignature(src.signature, facts);
  readAdoption(src.closing, facts);
  readAnnexLink(src.annexHeadings, facts);
  return { facts, notes };
}

/**
 * Where the enacting line starts among the pieces after the type: the last
 * one to three upper-case pieces that together name a body the registry
 * knows, possibly after a capacity ("BỘ TRƯỞNG BỘ TÀI CHÍNH"). Null when the
 * front has none (a party document's title runs to the rule).
 */
function enactingStart(pieces: string[]): number | null {
  for (let k = 1; k <= Math.min(3, pieces.length - 1); k++) {
    const tail = pieces.slice(pieces.length - k);
    if (!tail.every(isUpperCase)) break;
    const text = tail.join(' ');
    if (canonicalIssuer(text) || canonicalIssuer(text.replace(ENACTING_CAPACITY, '').trim())) return pieces.length - k;
  }
  // The head of a body the registry does not know ("TRƯỞNG BAN CHỈ ĐẠO TỈNH VỀ ..."):
  // a capitals line that opens with a capacity, after the title, is still the enacting line.
  for (let k = 1; k <= Math.min(3, pieces.length - 1); k++) {
    const at = pieces.length - k;
    if (!pieces.slice(at).every(isUpperCase)) break;
    if (ENACTING_CAPACITY.test(pieces[at] as string)) return at;
  }
  return null;
}

/** "... thông qua ngày 13 tháng 7 năm 2017": the date of adoption, when the header gives none. */
function readAdoption(closing: Line[], facts: TextFacts): void {
  if (facts.date.value !== null) return;
  const text = closing.map((l) => l.text).join(' ');
  // The last adoption sentence: the document's own, not one it quotes.
  const all = [...text.matchAll(new RegExp(zonePattern('adoption').source, 'giu'))];
  const m = all[all.length - 1];
  if (!m) return;
  const iso = parseVietnameseDate(m[1] as string)?.iso ?? null;
  if (!iso) return;
  facts.date = fact(iso, 'closing');
  if (facts.year.value === null || facts.year.origin !== 'header') facts.year = fact(Number(iso.slice(0, 4)), 'closing');
}

/**
 * An annex names the document it belongs to: "(Kèm theo Nghị quyết số
 * 18/2017/NQ-HĐND ngày 13 tháng 7 năm 2017 của HĐND tỉnh Bắc Giang)". When
 * the header lost the number (or date), the document's own annex states it;
 * only a link whose type word is the document's type counts.
 */
function readAnnexLink(headings: Line[], facts: TextFacts): void {
  if (facts.numberSymbol.value !== null && facts.date.value !== null) return;
  const text = headings.map((l) => l.text).join(' ');
  const re = /[Kk]èm\s+theo\s+(Nghị\s+quyết|Quyết\s+định|Chỉ\s+thị|Nghị\s+định|Thông\s+tư)\s+số\s*:?\s*([\d][\d\s/A-Za-zĐđ-]*?)\s+ngày\s+([^()]*?\d{4})/u;
  const m = re.exec(text);
  if (!m) return;
  const type = typeFromWord(m[1] as string);
  if (!type || (facts.type.value !== null && facts.type.value !== type)) return;
  // A malformed number ("89NQ-HĐND") is not taken; the date of the same link still is.
  const sym = parseSymbol(m[2] as string);
  if (sym && facts.numberSymbol.value === null) facts.numberSymbol = fact(sym.canonical, 'annex');
  const date = parseVietnameseDate((m[3] as string).trim());
  if (facts.date.value === null && date?.iso) {
    facts.date = fact(date.iso, 'annex');
    if (facts.year.value === null) facts.year = fact(date.year, 'annex');
  }
}

function readSignature(signature: Line[], facts: TextFacts): void {
  for (const l of signature) {
    const t = l.text;
    // "KT. HIỆU TRƯỞNG", also printed without the space ("KT.HIỆU TRƯỞNG").
    if (isZone('signature-capacity', t)) facts.signingCapacity = fact(t, 'signature');
    else if (/^\(.*ký\)$/iu.test(t)) continue;
    else if (looksLikeName(t)) facts.signer = fact(t, 'signature');
    else if (/^[\p{Lu}\s]+$/u.test(t) && facts.signerTitle.value === null) facts.signerTitle = fact(t, 'signature');
  }
}

export { isoDate };
