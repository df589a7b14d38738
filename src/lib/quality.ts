/**
 * The data-quality pages at archive scale (ADR 1008, "Quality and
 * cited-document indexes"): /chat-luong-du-lieu/ is an index (held-back
 * documents, totals per kind, the most cited missing documents, and the
 * documents with their counts per kind, paginated); each document's notes are
 * on its own page, /chat-luong-du-lieu/<document id>/.
 */
import type { QualityIssue } from '../../scripts/lib/model.ts';
import type { HeldBack } from '../../scripts/pipeline/held-back.ts';
import { qualityReport, siteDocuments, type SiteDocument } from './archive-data';
import { byListingOrder } from './browse';
import { groupBy } from './format';

export type QualityKind = QualityIssue['kind'];

/** Vietnamese names of the kinds of note, in the order they are shown. */
export const KIND_LABELS: Record<QualityKind, string> = {
  'ocr-suspect': 'Nghi lỗi nhận dạng chữ (OCR)',
  correction: 'Chỗ biên tập đã sửa',
  'rejected-heading': 'Dòng đánh số không được coi là mục',
  'metadata-gap': 'Thiếu thông tin văn bản',
  'citation-unresolved': 'Dẫn chiếu chưa xác định được văn bản',
  'citation-ambiguous': 'Dẫn chiếu có nhiều văn bản khớp',
  'citation-conflict': 'Dẫn chiếu mâu thuẫn giữa các nguồn',
  'citation-type-mismatch': 'Dẫn chiếu sai loại văn bản',
  'lost-table': 'Bảng bị mất trong bản nguồn',
  note: 'Ghi chú',
};

/** Short names for the per-document counts of the index (a phone line holds two or three). */
export const KIND_SHORT: Record<QualityKind, string> = {
  'ocr-suspect': 'nghi lỗi OCR',
  correction: 'đã sửa',
  'rejected-heading': 'dòng đánh số bị loại',
  'metadata-gap': 'thiếu thông tin',
  'citation-unresolved': 'dẫn chiếu chưa xác định',
  'citation-ambiguous': 'dẫn chiếu nhiều văn bản khớp',
  'citation-conflict': 'dẫn chiếu mâu thuẫn',
  'citation-type-mismatch': 'dẫn chiếu sai loại',
  'lost-table': 'bảng bị mất',
  note: 'ghi chú',
};

const KIND_ORDER = Object.keys(KIND_LABELS) as QualityKind[];
export const kindLabel = (k: string): string => KIND_LABELS[k as QualityKind] ?? k;
export const kindShort = (k: string): string => KIND_SHORT[k as QualityKind] ?? k;
const kindRank = (k: string) => {
  const i = KIND_ORDER.indexOf(k as QualityKind);
  return i === -1 ? KIND_ORDER.length : i;
};

/** Notes grouped by kind, in the order kinds are shown. */
export function byKind(issues: QualityIssue[]): Array<[string, QualityIssue[]]> {
  return [...groupBy(issues, (i) => i.kind as string)].sort(([a], [b]) => kindRank(a) - kindRank(b));
}

/** Fragment-free id of a kind's section on a document's quality page ("ocr-suspect"). */
export const kindId = (k: string): string => k.replace(/[^a-z0-9-]/g, '-');

// ---- URLs (site paths without the base; pass through href()) ----

export const QUALITY_BASE = 'chat-luong-du-lieu/';
/** The full list of cited documents missing from the archive, most cited first. */
export const MISSING_PATH = `${QUALITY_BASE}chua-co-trong-kho/`;
/** A document's quality notes. Document ids are lower-case ASCII words with hyphens. */
export const documentQualityPath = (id: string): string => `${QUALITY_BASE}${id}/`;

// ---- Data ----

export interface QualityEntry {
  id: string;
  url: string;
  sourceFile: string;
  issues: QualityIssue[];
  doc: SiteDocument | undefined;
  /** [kind, count], in the order kinds are shown. */
  counts: Array<[string, number]>;
}

let entriesCache: QualityEntry[] | undefined;

/** Every published document's notes, in the listing order (newest first; ADR 1008); one without a site record last. */
export function qualityEntries(): QualityEntry[] {
  if (entriesCache) return entriesCache;
  const byId = new Map(siteDocuments().map((d) => [d.id, d]));
  entriesCache = qualityReport()
    .documents.map((e) => ({
      ...e,
      doc: byId.get(e.id),
      counts: byKind(e.issues).map(([k, list]): [string, number] => [k, list.length]),
    }))
    .sort((a, b) => (a.doc && b.doc ? byListingOrder(a.doc, b.doc) : a.doc ? -1 : b.doc ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const e of entriesCache) {
    // The id becomes a path segment beside "trang-<n>" and "chua-co-trong-kho".
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(e.id) || /^trang-\d+$/.test(e.id) || `${QUALITY_BASE}${e.id}/` === MISSING_PATH) {
      throw new Error(`Document id "${e.id}" cannot be a path segment of ${QUALITY_BASE}`);
    }
  }
  return entriesCache;
}

/** Documents the converter held back (ADR 1004): not on the site until an editor fixes them. */
export function heldBackDocuments(): HeldBack[] {
  return (qualityReport() as ReturnType<typeof qualityReport> & { heldBack?: HeldBack[] }).heldBack ?? [];
}
