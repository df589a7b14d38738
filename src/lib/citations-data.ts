/**
 * Build-time access to the citation graph (<generated>/data/citations.json,
 * written by the converter's link step). Pages read from here only the part
 * they show: a document page gets its own citations and the citations of it,
 * never the whole graph (page weight must not grow with the archive).
 */
import type { Citation } from '../../scripts/lib/model.ts';
import type { CitationGraph, CitedDocument } from '../../scripts/pipeline/07-link/index.ts';
import { readGeneratedBytes, siteDocuments, type SiteDocument } from './archive-data';
import { formatDate, groupBy, issuerName, shortName } from './format';
import { href } from './paths';
import { citedPath } from '../../scripts/lib/paths.ts';
import { describeProvision } from '../scripts/provision-label';

export type { CitationGraph, CitedDocument };
/** One citation of the graph: the converter's Citation plus the citing document. */
export type GraphCitation = CitationGraph['citations'][number];
export type CitingEntry = CitedDocument['citedBy'][number];

/** The index of cited documents. */
export const CITED_INDEX_PATH = href('tham-chieu/');

let graphCache: CitationGraph | undefined;

export function citationGraph(): CitationGraph {
  graphCache ??= JSON.parse(readGeneratedBytes('data/citations.json').toString('utf8')) as CitationGraph;
  return graphCache;
}

let citedByKey: Map<string, CitedDocument> | undefined;
let byCitedKey: Map<string, GraphCitation[]> | undefined;
let byFrom: Map<string, GraphCitation[]> | undefined;
let byTarget: Map<string | null, GraphCitation[]> | undefined;
let docById: Map<string, SiteDocument> | undefined;

export function citedDocument(key: string): CitedDocument | undefined {
  citedByKey ??= new Map(citationGraph().cited.map((c) => [c.key, c]));
  return citedByKey.get(key);
}

/** Every citation of one cited document (in the converter's order). */
export function citationsOfKey(key: string): GraphCitation[] {
  byCitedKey ??= groupBy(citationGraph().citations, (c) => c.citedKey);
  return byCitedKey.get(key) ?? [];
}

/** What a document cites, in text order. */
export function citationsFrom(docId: string): GraphCitation[] {
  byFrom ??= groupBy(citationGraph().citations, (c) => c.from);
  return byFrom.get(docId) ?? [];
}

/** Citations of other archive documents that resolved to this one. */
export function citationsTo(docId: string): GraphCitation[] {
  byTarget ??= groupBy(citationGraph().citations, (c) => c.targetId);
  return (byTarget.get(docId) ?? []).filter((c) => c.from !== docId);
}

export function archiveDocument(id: string | null): SiteDocument | undefined {
  if (id === null) return undefined;
  docById ??= new Map(siteDocuments().map((d) => [d.id, d]));
  return docById.get(id);
}

export interface ArchiveName {
  /** "Nghị quyết số 09-NQ/TU", "Nghị quyết (chưa rõ số)". */
  name: string;
  issuer: string | null;
  /** "08/12/2017", or "năm 2022" when only the year is known; null when neither. */
  when: string | null;
  /** Trích yếu, when known. */
  subject: string | null;
  url: string;
}

/** How an archive document is named in citation lists (several may share a number across terms, or have none). */
export function archiveDocumentName(id: string): ArchiveName {
  const doc = archiveDocument(id);
  if (!doc) return { name: id, issuer: null, when: null, subject: null, url: '' };
  const m = doc.meta;
  const when = m.date.value ? formatDate(m.date.value) : m.year.value !== null ? `năm ${m.year.value}` : null;
  return { name: shortName(doc), issuer: issuerName(doc), when, subject: m.title.value, url: doc.url };
}

/**
 * The name with its date (and issuer), for one-line mentions:
 * "Nghị quyết số 176/NQ-HĐND ngày 08/12/2023", "Nghị quyết (chưa rõ số) năm 2022 của Tỉnh ủy Quảng Ninh".
 */
export function archiveLabel(n: ArchiveName, withIssuer = false): string {
  const when = n.when === null ? '' : n.when.startsWith('năm ') ? ` ${n.when}` : ` ngày ${n.when}`;
  return `${n.name}${when}${withIssuer && n.issuer ? ` của ${n.issuer}` : ''}`;
}

/**
 * The provision of the target a resolved citation links to ("II.3"), read from
 * its href: the converter adds the fragment only when the target has that provision.
 */
export function targetProvision(c: Citation): string | null {
  if (c.targetId === null || c.href === null) return null;
  const i = c.href.indexOf('#');
  return i === -1 ? null : c.href.slice(i + 1);
}

/** Reader-facing name of a provision id: "Mục II.3", "Điều 1, khoản 2", or the id itself. */
export function provisionName(id: string): string {
  return describeProvision(id) || `mục "${id}"`;
}

/** How a cited document is named: "Nghị quyết số 09-NQ/TU", "Nghị quyết Trung ương 6 khóa XII". */
export function citedName(c: CitedDocument): string {
  if (c.kind !== 'numbered' && c.name) return c.name;
  const type = c.typeName ?? 'Văn bản';
  const number = c.numberSymbol ?? c.number;
  if (number) return `${type} số ${number}`;
  return c.name ?? `${type} (chưa rõ số)`;
}

/** The dates the citations give, formatted; empty when none. */
export function citedDates(c: CitedDocument): string[] {
  return c.datesSeen.map((d) => formatDate(d) ?? d);
}

/** Where a citation points in the site: the archive document (or provision), else the cited-document page. */
export function citationHref(c: GraphCitation): string {
  return href(c.href ?? citedPath(c.citedKey));
}

export type CitationKind = 'archive' | 'inferred' | 'cited-page';

/** How a citation is linked: to an archive document, to one whose identity is inferred, or to its cited-document page. */
export function citationKind(c: Citation): CitationKind {
  if (c.targetId === null) return 'cited-page';
  return c.targetInferred ? 'inferred' : 'archive';
}

/** Reader-facing status words (also shown as badges). */
export const KIND_LABELS: Record<CitationKind, string> = {
  archive: 'có trong kho',
  inferred: 'có trong kho, suy luận',
  'cited-page': 'chưa có trong kho',
};

/** Split a sentence around the citation text so the page can mark it (first occurrence; null when absent). */
export function splitSentence(sentence: string, text: string): [string, string, string] | null {
  const i = sentence.indexOf(text);
  if (i === -1) return null;
  return [sentence.slice(0, i), text, sentence.slice(i + text.length)];
}

/** Stable comparison of provision ids in document order is not known here; keep first-seen order, drop duplicates. */
export function unique<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
