/**
 * Metadata: facts read from the text, completed by the editor's catalog, then
 * the document's permanent identity (id and URL) derived from them.
 * The text wins; the catalog only fills gaps. Unknown stays unknown.
 */
import { createHash } from 'node:crypto';
import type { DocTypeCode, DocumentMetadata, Fact, QualityIssue } from '../../lib/model.ts';
import { parseSymbol, isTypeCode } from '../../lib/symbol.ts';
import { slugify } from '../../lib/slug.ts';
import { documentPath } from '../../lib/paths.ts';
import type { CatalogEntry, CatalogFact } from './catalog.ts';
import { canonicalIssuer } from '../../lib/issuers.ts';
import type { TextFacts } from './header.ts';

export class IdentityError extends Error {
  readonly file: string;
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'IdentityError';
    this.file = file;
  }
}

const SEGMENT = /^[a-z0-9][a-z0-9-]*$/;

/** Vietnamese names of the metadata fields, for the quality report. */
const FIELD_NAMES: Record<string, string> = {
  type: 'loại văn bản', numberSymbol: 'số ký hiệu', date: 'ngày ban hành', year: 'năm ban hành', issuer: 'cơ quan ban hành',
  organ: 'cơ quan (theo đầu văn bản)', place: 'địa danh', title: 'trích yếu', signer: 'người ký', signerTitle: 'chức danh người ký',
  signingCapacity: 'thẩm quyền ký', session: 'khóa, kỳ họp',
};

function fromCatalog<T>(f: CatalogFact<T>): Fact<T> {
  return { value: f.value, origin: 'catalog', note: f.source, ...(f.inferred ? { inferred: true } : {}) };
}

/** Text fact if known, else the catalog's; a disagreeing catalog value is reported, not used. */
function pick<T>(name: string, text: Fact<T>, cat: CatalogFact<T> | undefined, issues: QualityIssue[], same: (a: T, b: T) => boolean = (a, b) => a === b): Fact<T> {
  if (text.value !== null) {
    if (cat && !same(text.value, cat.value)) {
      issues.push({ kind: 'note', message: `danh mục ghi ${FIELD_NAMES[name] ?? name} là ${JSON.stringify(cat.value)} nhưng văn bản ghi ${JSON.stringify(text.value)}: dùng theo văn bản (sửa văn bản bằng một đính chính nếu cần)` });
    }
    return text;
  }
  return cat ? fromCatalog(cat) : { value: null, origin: null };
}

export function resolveMetadata(text: TextFacts, entry: CatalogEntry | undefined): { meta: DocumentMetadata; issues: QualityIssue[] } {
  const issues: QualityIssue[] = [];
  const numberSymbol = pick('numberSymbol', text.numberSymbol, entry?.numberSymbol, issues);
  let type = pick<DocTypeCode>('type', text.type, entry?.type, issues);
  if (type.value === null && numberSymbol.value !== null) {
    const code = parseSymbol(numberSymbol.value)?.typeCode;
    if (code && isTypeCode(code)) type = { value: code, origin: numberSymbol.origin, ...(numberSymbol.inferred ? { inferred: true } : {}) };
  }
  const catIssuer = entry?.issuer ? { ...entry.issuer, value: canonicalIssuer(entry.issuer.value)! } : undefined;
  const issuer = pick('issuer', text.issuer, catIssuer, issues, (a, b) => a.slug === b.slug);
  const date = pick('date', text.date, entry?.date, issues);
  let year: Fact<number>;
  if (date.value !== null) {
    year = { value: Number(date.value.slice(0, 4)), origin: date.origin, ...(date.inferred ? { inferred: true } : {}), ...(date.note ? { note: date.note } : {}) };
  } else {
    // The text may give the year alone ("ngày   tháng   năm 2025", "Số:   /2025/QĐ-UBND").
    year = pick('year', text.year, entry?.year, issues);
  }
  const meta: DocumentMetadata = {
    type,
    numberSymbol,
    date,
    year,
    issuer,
    organ: pick('organ', text.organ, entry?.organ, issues),
    place: text.place,
    title: pick('title', text.title, entry?.title, issues),
    signer: pick('signer', text.signer, entry?.signer, issues),
    signerTitle: text.signerTitle,
    signingCapacity: text.signingCapacity,
    session: text.session,
  };
  for (const [k, f] of Object.entries(meta) as Array<[string, Fact<unknown>]>) {
    if (f.value === null) issues.push({ kind: 'metadata-gap', message: `chưa rõ ${FIELD_NAMES[k] ?? k}`, text: k });
    else if (f.inferred) issues.push({ kind: 'note', message: `${FIELD_NAMES[k] ?? k} là suy luận: ${f.note ?? ''}`, text: k });
  }
  return { meta, issues };
}

export interface Identity {
  id: string;
  url: string;
  /** The last segment was derived without the number (see provisionalKey). */
  provisional: boolean;
}

/**
 * A permanent key for a document whose number is unknown, derived from what
 * is known and never invented (ADR 0002, "Provisional keys"): the type code,
 * the date (or "nam" when only the year is known: the year is already in the
 * path) and the first 6 hex digits of the SHA-256 of the document's text with
 * whitespace folded, which keeps two such documents of one issuer and year
 * apart and does not change when only line breaks or spacing do.
 * "nq-2017-07-13-3fa91c", "qd-nam-7c01d2".
 */
export function provisionalKey(meta: DocumentMetadata, textDigest: string): string {
  const type = meta.type.value ? slugify(meta.type.value) : 'vb';
  const when = meta.date.value && !meta.date.inferred ? meta.date.value : 'nam';
  return `${type}-${when}-${textDigest.slice(0, 6)}`;
}

/** The digest behind a provisional key: the decoded text, NFC, whitespace folded. */
export function textDigest(text: string): string {
  return createHash('sha256').update(text.normalize('NFC').replace(/\s+/g, ' ').trim()).digest('hex');
}

/**
 * The permanent identity: /van-ban/<issuer>/<year>/<number-symbol>/ (ADR 0002).
 * A document whose number is unknown uses the catalog's permanent key, or
 * else a provisional key derived from its known facts and text.
 * An identity without issuer or year cannot be made: the document is held back.
 */
export function identityOf(meta: DocumentMetadata, entry: CatalogEntry | undefined, file: string, digest: () => string): Identity {
  const issuer = meta.issuer.value;
  if (!issuer) throw new IdentityError(file, 'issuer unknown: the header names none; add "issuer: { value: ..., source: ... }" for this file to content/catalog.yaml');
  const year = meta.year.value;
  if (year === null) throw new IdentityError(file, 'year unknown: add "date" or "year" (with its source) for this file to content/catalog.yaml');
  let last: string;
  let provisional = false;
  if (meta.numberSymbol.value !== null && !meta.numberSymbol.inferred) {
    last = slugify(meta.numberSymbol.value);
    if (entry?.key) throw new IdentityError(file, `the catalog gives key "${entry.key}" but the number ${meta.numberSymbol.value} is known; a key is only for documents whose number is unknown. Remove it (or keep the old URL through an alias)`);
  } else if (entry?.key) {
    last = entry.key;
  } else {
    // Hashing the whole text costs: only for the documents that need it.
    last = provisionalKey(meta, digest());
    provisional = true;
  }
  const segments = [issuer.slug, String(year), last];
  for (const s of segments) {
    if (!SEGMENT.test(s)) throw new IdentityError(file, `URL segment ${JSON.stringify(s)} is not lower-case ASCII (it would escape or break the output folder)`);
  }
  return { id: segments.join('-'), url: documentPath(issuer.slug, year, last), provisional };
}
