/**
 * The index of cited documents at archive scale (ADR 1008, "Quality and
 * cited-document indexes"): /tham-chieu/ lists issuers with counts (central
 * bodies, then provinces, then unknown); each issuer's cited documents are
 * listed, paginated, at /tham-chieu/<issuer>/, the parent of their pages.
 */
import { citedIssuerPath, CITED_PATH } from '../../scripts/lib/paths.ts';
import { CENTRAL_NAME, CENTRAL_SLUG, UNKNOWN_SLUG } from './browse';
import { citationGraph, citationsOfKey, citedName, type CitedDocument } from './citations-data';
import { compareVi, groupBy } from './format';
import { slugify } from '../../scripts/lib/slug.ts';

/** How many documents the index shows in its short lists (most cited missing, date conflicts). */
export const TOP_COUNT = 10;
export const UNKNOWN_ISSUER_NAME = 'Chưa rõ cơ quan ban hành';
export const UNKNOWN_TYPE_NAME = 'Chưa rõ loại';

export interface CitedRow {
  cited: CitedDocument;
  name: string;
  citations: number;
  citingDocs: number;
  /** In the archive through an inferred number-symbol. */
  inferred: boolean;
}

/** Most cited first, then cited by more documents, then by key (deterministic). */
export function byWeight(a: CitedRow, b: CitedRow): number {
  return b.citations - a.citations || b.citingDocs - a.citingDocs || (a.cited.key < b.cited.key ? -1 : a.cited.key > b.cited.key ? 1 : 0);
}

let rowsCache: CitedRow[] | undefined;

export function citedRows(): CitedRow[] {
  rowsCache ??= citationGraph().cited.map((cited) => {
    const cs = citationsOfKey(cited.key);
    return {
      cited,
      name: citedName(cited),
      citations: cited.citedBy.length,
      citingDocs: new Set(cited.citedBy.map((b) => b.document)).size,
      inferred: cited.targetId !== null && cs.some((c) => c.targetId === cited.targetId && c.targetInferred),
    };
  });
  return rowsCache;
}

export interface CitedIssuer {
  /** First segment of the cited documents' keys: the issuer's slug, or the converter's "unknown issuer" slug. */
  slug: string;
  name: string;
  known: boolean;
  /** Province name; null for a central body or an unknown issuer. */
  province: string | null;
  /** In listing order: by type (unknown last), most cited first within a type. */
  rows: CitedRow[];
  citations: number;
  inArchive: number;
}

const typeOf = (r: CitedRow) => r.cited.typeName ?? UNKNOWN_TYPE_NAME;
const unknownLast = (unknown: string) => (a: string, b: string) => (a === unknown ? (b === unknown ? 0 : 1) : b === unknown ? -1 : compareVi(a, b));

/** The listing order of an issuer's cited documents. */
export function byTypeThenWeight(a: CitedRow, b: CitedRow): number {
  return unknownLast(UNKNOWN_TYPE_NAME)(typeOf(a), typeOf(b)) || byWeight(a, b);
}

/** Types of a run of rows in listing order, each with its rows: the headings of one page. */
export function typeGroups(rows: CitedRow[]): Array<{ name: string; id: string; rows: CitedRow[] }> {
  return [...groupBy(rows, typeOf)].map(([name, list]) => ({ name, id: `loai-${slugify(name)}`, rows: list }));
}

let issuersCache: CitedIssuer[] | undefined;

/** Every issuer of cited documents, by name. A cited page's URL must sit under its issuer's index. */
export function citedIssuers(): CitedIssuer[] {
  issuersCache ??= [...groupBy(citedRows(), (r) => r.cited.key.split('/')[0]!)]
    .map(([slug, list]) => {
      for (const r of list) {
        // A key that reads as a page of the issuer's index ("trang-2") would be overwritten by it.
        if (!CITED_PATH.test(r.cited.url) || !r.cited.url.startsWith(citedIssuerPath(slug))) {
          throw new Error(`Cited document "${r.cited.key}": its page ${r.cited.url} is not a /tham-chieu/<issuer>/<key>/ path under ${citedIssuerPath(slug)}`);
        }
      }
      const issuer = list.find((r) => r.cited.issuer)?.cited.issuer ?? null;
      return {
        slug,
        name: issuer?.name ?? UNKNOWN_ISSUER_NAME,
        known: issuer !== null,
        province: issuer ? ((issuer as { province?: string | null }).province ?? null) : null,
        rows: [...list].sort(byTypeThenWeight),
        citations: list.reduce((n, r) => n + r.citations, 0),
        inArchive: list.filter((r) => r.cited.targetId !== null).length,
      };
    })
    .sort((a, b) => compareVi(a.name, b.name) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  return issuersCache;
}

export interface CitedProvince {
  slug: string;
  name: string;
  issuers: CitedIssuer[];
}

/** Issuers under "Trung ương" first (most cited documents are central), then provinces by name, then unknown. */
export function citedProvinces(): CitedProvince[] {
  const place = (i: CitedIssuer) =>
    !i.known ? { slug: UNKNOWN_SLUG, name: UNKNOWN_ISSUER_NAME } : i.province === null ? { slug: CENTRAL_SLUG, name: CENTRAL_NAME } : { slug: slugify(i.province), name: i.province };
  const rank = (slug: string) => (slug === CENTRAL_SLUG ? 0 : slug === UNKNOWN_SLUG ? 2 : 1);
  return [...groupBy(citedIssuers(), (i) => place(i).slug)]
    .map(([slug, issuers]) => ({ slug, name: place(issuers[0]!).name, issuers }))
    .sort((a, b) => rank(a.slug) - rank(b.slug) || compareVi(a.name, b.name));
}
