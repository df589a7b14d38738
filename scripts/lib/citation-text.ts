/**
 * The citation text of a document or provision, in the form Vietnamese
 * officials write it:
 *
 *   Nghị quyết số 09-NQ/TU ngày 08/12/2017 của Ban Chấp hành Đảng bộ tỉnh Quảng Ninh, mục II.3, <URL>
 *   Nghị quyết số 205/NQ-HĐND ngày 10/7/2024 của Hội đồng nhân dân tỉnh Quảng Ninh, Điều 1 khoản 2, <URL>
 *
 * The ONE place this wording is built (docs/decisions/0501-citable-urls.md):
 * the site calls it at build time, embeds the document part in the page and
 * each provision's part on its button; the browser only joins them with
 * `joinCitation`'s rule. Pure functions of the converter's data.
 *
 * Rules: unknown facts are left out (never "chưa rõ"), and so are inferred
 * ones (an inferred number cited as if known would be a false claim; the
 * permanent URL still identifies the document).
 */
import type { DocumentMetadata, Fact } from './model.ts';
import type { TocEntry } from './site-data.ts';
import { TYPE_NAMES } from './symbol.ts';
import { citationDate } from './vn-date.ts';

/** The facts a citation reads: the document's metadata and (for heading names) its outline. */
export interface CitableDocument {
  meta: DocumentMetadata;
  toc?: TocEntry[];
}

/** A fact's value when it is known and not an inference; otherwise null. */
export function citableValue<T>(fact: Fact<T> | undefined): T | null {
  if (!fact || fact.value === null || fact.value === undefined || fact.inferred) return null;
  return fact.value;
}

/** Bodies of issuer names (scripts/pipeline/05-metadata/issuer.ts) and their full wording. */
const ISSUER_BODIES: Array<{ prefix: string; full: string }> = [
  { prefix: 'Tỉnh ủy', full: 'Tỉnh ủy' },
  { prefix: 'Thành ủy', full: 'Thành ủy' },
  { prefix: 'Huyện ủy', full: 'Huyện ủy' },
  { prefix: 'Thị ủy', full: 'Thị ủy' },
  { prefix: 'HĐND tỉnh', full: 'Hội đồng nhân dân tỉnh' },
  { prefix: 'HĐND thành phố', full: 'Hội đồng nhân dân thành phố' },
  { prefix: 'UBND tỉnh', full: 'Ủy ban nhân dân tỉnh' },
  { prefix: 'UBND thành phố', full: 'Ủy ban nhân dân thành phố' },
];

function splitIssuer(name: string): { full: string; place: string | null } {
  for (const body of ISSUER_BODIES) {
    if (name.startsWith(`${body.prefix} `)) {
      const place = name.slice(body.prefix.length + 1).trim();
      return { full: `${body.full} ${place}`, place };
    }
  }
  return { full: name, place: null };
}

/**
 * Who issued it, as a citation names it: the organ with its place when the
 * header names the organ ("Ban Chấp hành Đảng bộ tỉnh" + "Quảng Ninh"),
 * otherwise the issuer written out ("HĐND tỉnh" -> "Hội đồng nhân dân tỉnh").
 */
export function issuerPhrase(meta: DocumentMetadata): string | null {
  const issuer = citableValue(meta.issuer);
  const organ = citableValue(meta.organ);
  const split = issuer ? splitIssuer(issuer.name) : null;
  if (organ) {
    const place = split?.place;
    return place && !organ.includes(place) ? `${organ} ${place}` : organ;
  }
  return split ? split.full : null;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}

function upperFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/**
 * The document part: type, number, date, issuer; the subject (trích yếu) only
 * when the number is not known, since it is then what identifies the document.
 */
export function documentCitation(meta: DocumentMetadata): string {
  const type = citableValue(meta.type);
  const words: string[] = [type ? TYPE_NAMES[type] : 'Văn bản'];
  const number = citableValue(meta.numberSymbol);
  if (number) words.push(`số ${number}`);
  const date = citableValue(meta.date);
  const dateText = date ? citationDate(date) : null;
  const year = citableValue(meta.year);
  if (dateText) words.push(`ngày ${dateText}`);
  else if (year !== null) words.push(`năm ${year}`);
  const issuer = issuerPhrase(meta);
  if (issuer) words.push(`của ${issuer}`);
  const title = citableValue(meta.title);
  if (!number && title) words.push(lowerFirst(title.replace(/\s+/g, ' ').trim()));
  return words.join(' ');
}

const FIXED_PARTS: Record<string, string> = {
  'dau-van-ban': 'phần đầu văn bản',
  'mo-dau': 'phần mở đầu',
  'can-cu': 'phần căn cứ ban hành',
  'ket-thuc': 'phần kết',
  'noi-nhan': 'phần nơi nhận',
  'chu-ky': 'phần chữ ký',
  'chu-thich': 'phần chú thích',
};

/**
 * The provision part of a citation for a fragment id (docs/decisions/0002):
 * "II.3" -> "mục II.3", "II.3.a" -> "mục II.3 điểm a", "dieu-1.2" -> "Điều 1 khoản 2",
 * "dieu-1.2.a" -> "Điều 1 khoản 2 điểm a", "I.2.ct-3" -> "mục I.2 chỉ tiêu (3)",
 * "can-cu" -> "phần căn cứ ban hành", a heading slug -> `phần “QUYẾT NGHỊ”` (from
 * the outline). Null when the id says nothing a reader could cite by.
 */
export function provisionPart(id: string, toc: TocEntry[] = []): string | null {
  const fixed = FIXED_PARTS[id];
  if (fixed) return fixed;
  const target = /^(.+)\.ct-(\d+)$/.exec(id);
  if (target) {
    const parent = provisionPart(target[1]!, toc);
    return parent ? `${parent} chỉ tiêu (${target[2]})` : `chỉ tiêu (${target[2]})`;
  }
  const article = /^dieu-(\d+)(?:\.(\d+))?(?:\.([a-zđ]))?$/.exec(id);
  if (article) {
    const [, dieu, khoan, diem] = article;
    return `Điều ${dieu}${khoan ? ` khoản ${khoan}` : ''}${diem ? ` điểm ${diem}` : ''}`;
  }
  const numbered = /^((?:[IVXLC]+|\d+)(?:\.\d+)*)(?:\.([a-zđ]))?$/.exec(id);
  if (numbered) return `mục ${numbered[1]}${numbered[2] ? ` điểm ${numbered[2]}` : ''}`;
  const entry = toc.find((e) => e.id === id);
  const title = entry?.title.replace(/[\s:;,.]+$/u, '').trim();
  return title ? `phần “${title}”` : null;
}

/** The one joining rule (the browser applies the same: base, part, URL, comma-separated, empty parts left out). */
export function joinCitation(base: string, part: string | null, url: string | null): string {
  return [base, part, url].filter((s): s is string => typeof s === 'string' && s !== '').join(', ');
}

/**
 * The full citation of a document (`provisionId` null) or of one provision.
 * `documentUrl` is the document's public URL (absolute when the site is
 * configured) or null to cite without an address.
 */
export function citationText(doc: CitableDocument, provisionId: string | null, documentUrl: string | null): string {
  const part = provisionId ? provisionPart(provisionId, doc.toc) : null;
  const url = documentUrl ? (provisionId ? `${documentUrl}#${provisionId}` : documentUrl) : null;
  return joinCitation(documentCitation(doc.meta), part, url);
}

/** The notice shown when an old fragment is redirected: "Mục II.3 nay là mục II.4." */
export function movedFragmentNotice(from: string, to: string, toc: TocEntry[] = []): string {
  const before = provisionPart(from, toc) ?? `#${from}`;
  const after = provisionPart(to, toc) ?? `#${to}`;
  return `${upperFirst(before)} (địa chỉ #${from}) nay là ${after} (#${to}), do văn bản được đánh số lại. Khi trích dẫn, hãy dùng địa chỉ mới.`;
}
