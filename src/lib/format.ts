/**
 * Vietnamese wording for metadata: dates, provenance, unknown values.
 * Unknown facts are shown as unknown ("chưa rõ"), never guessed.
 */
import type { Fact, FactOrigin } from '../../scripts/lib/model.ts';
import type { SiteDocument } from './archive-data';
import { slugify } from '../../scripts/lib/slug.ts';

export const UNKNOWN = 'chưa rõ';

/** "2017-12-08" -> "08/12/2017"; anything not a full ISO date is returned unchanged. */
export function formatDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

const ORIGIN_LABELS: Record<FactOrigin, string> = {
  header: 'theo đầu văn bản',
  signature: 'theo phần chữ ký',
  closing: 'theo câu kết của văn bản',
  enacting: 'theo dòng cơ quan ban hành trước phần căn cứ',
  annex: 'theo dòng “kèm theo” của phụ lục',
  catalog: 'theo danh mục biên tập',
};

export function originLabel(origin: FactOrigin | null): string | null {
  return origin ? (ORIGIN_LABELS[origin] ?? null) : null;
}

/** True when a fact has a value. */
export function known<T>(fact: Fact<T> | undefined): fact is Fact<T> & { value: T } {
  return fact !== undefined && fact.value !== null && fact.value !== undefined;
}

/** "Nghị quyết", or "Văn bản" when the type is unknown (used in headings, not as a fact). */
export function typeLabel(doc: SiteDocument): string {
  return doc.typeName ?? 'Văn bản';
}

/** Marker after a value that is an inference, not read from the text (shown wherever the value is). */
export const INFERRED = '(suy luận)';

/** A fact's value as text, followed by "(suy luận)" when it is an inference: "05-NQ/TU (suy luận)". */
export function markedValue(fact: Fact<unknown>, display?: string | null): string | null {
  if (!known(fact)) return null;
  const text = display ?? String(fact.value);
  return fact.inferred ? `${text} ${INFERRED}` : text;
}

/**
 * The short name used in lists and titles: "Nghị quyết số 09-NQ/TU",
 * "Nghị quyết số 05-NQ/TU (suy luận)" or "Nghị quyết (chưa rõ số)".
 */
export function shortName(doc: SiteDocument): string {
  const n = markedValue(doc.meta.numberSymbol);
  return n ? `${typeLabel(doc)} số ${n}` : `${typeLabel(doc)} (chưa rõ số)`;
}

/** The date for lists: "09/04/2021 (suy luận)"; the year alone when only it is known ("năm 2022 (suy luận)"); null when neither. */
export function dateText(doc: SiteDocument): string | null {
  const m = doc.meta;
  if (known(m.date)) return markedValue(m.date, formatDate(m.date.value));
  if (known(m.year)) return `năm ${markedValue(m.year)}`;
  return null;
}

export function issuerName(doc: SiteDocument): string | null {
  return doc.meta.issuer.value?.name ?? null;
}

/** Sort key for "newest first": full date, else year, else nothing (last). */
export function dateKey(doc: SiteDocument): string {
  return doc.meta.date.value ?? (doc.meta.year.value !== null ? String(doc.meta.year.value) : '');
}

/** Newest first; ties broken by id so the order is deterministic. */
export function byDateDesc(a: SiteDocument, b: SiteDocument): number {
  const ka = dateKey(a);
  const kb = dateKey(b);
  if (ka !== kb) return ka < kb ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** URL segment of a document type listing: "nghi-quyet", or "chua-ro" when unknown. */
export function typeSlug(doc: SiteDocument): string {
  return doc.typeName ? slugify(doc.typeName) : 'chua-ro';
}

/** Group items by a key, keeping first-seen order of keys. */
export function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const VI_COLLATOR = new Intl.Collator('vi');
/** Locale-aware comparison for Vietnamese names (deterministic for a given Node/ICU); one collator, what localeCompare(b, 'vi') uses. */
export const compareVi = (a: string, b: string): number => VI_COLLATOR.compare(a, b);
