/**
 * Browsing at archive scale (docs/decisions/1008-browsing-at-archive-scale.md):
 * groupings by province, issuer, year and type, one listing order, and
 * pagination, so that no page lists the whole archive.
 */
import { slugify } from '../../scripts/lib/slug.ts';
import type { SiteDocument } from './archive-data';
import { compareVi, groupBy, issuerName, typeSlug } from './format';

/** Documents per listing page: a page stays ~15 KB of HTML, however large the archive. */
export const PAGE_SIZE = 50;
/** Documents on the home page's "latest" list. */
export const LATEST_COUNT = 10;

export const CENTRAL_NAME = 'Trung ương';
export const CENTRAL_SLUG = 'trung-uong';
export const UNKNOWN_PROVINCE_NAME = 'Chưa rõ tỉnh, thành phố';
export const UNKNOWN_SLUG = 'chua-ro';
export const UNKNOWN_YEAR_NAME = 'Chưa rõ năm';

// ---- Order ----

/** The leading number of a number-symbol ("205/NQ-HĐND" -> 205), or null. */
function leadingNumber(doc: SiteDocument): number | null {
  const m = /^(\d+)/.exec(doc.meta.numberSymbol.value ?? '');
  return m ? Number(m[1]) : null;
}

/** Full date, else year, else '' (sorts last). */
function dateKey(doc: SiteDocument): string {
  return doc.meta.date.value ?? (doc.meta.year.value !== null ? String(doc.meta.year.value) : '');
}

/**
 * The one listing order: newest first (date, else year; unknown last), then
 * the higher number first (later in the year's series; unknown last), then id.
 * Total and independent of input order, so pages are deterministic.
 */
export function byListingOrder(a: SiteDocument, b: SiteDocument): number {
  const ka = dateKey(a);
  const kb = dateKey(b);
  if (ka !== kb) return ka < kb ? 1 : -1;
  const na = leadingNumber(a);
  const nb = leadingNumber(b);
  if (na !== nb) return na === null ? 1 : nb === null ? -1 : nb - na;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function sorted(docs: SiteDocument[]): SiteDocument[] {
  return [...docs].sort(byListingOrder);
}

// ---- Pagination ----

export interface ListingPage<T = SiteDocument> {
  /** 1-based. */
  number: number;
  count: number;
  /** How many items come before this page in the listing. */
  offset: number;
  docs: T[];
  /** Site path of every page of this listing, in order (for the page links). */
  paths: string[];
}

/** "nam/2025/" page 1 -> "nam/2025/", page 2 -> "nam/2025/trang-2/". */
export function pagePath(base: string, n: number): string {
  return n === 1 ? base : `${base}trang-${n}/`;
}

/** The `page` rest parameter of a listing route: undefined for page 1, "trang-2" ... */
export function pageParam(n: number): string | undefined {
  return n === 1 ? undefined : `trang-${n}`;
}

/** Split items, in the order given, into pages of `size`; always at least one page. */
export function paginateItems<T>(base: string, items: T[], size = PAGE_SIZE): ListingPage<T>[] {
  const count = Math.max(1, Math.ceil(items.length / size));
  const paths = Array.from({ length: count }, (_, i) => pagePath(base, i + 1));
  return paths.map((_, i) => ({ number: i + 1, count, offset: i * size, docs: items.slice(i * size, (i + 1) * size), paths }));
}

/** Split a listing (sorted here) into pages of PAGE_SIZE; always at least one page. */
export function paginate(base: string, docs: SiteDocument[], size = PAGE_SIZE): ListingPage[] {
  return paginateItems(base, sorted(docs), size);
}

/**
 * getStaticPaths entries for a paginated listing: one per page, with `page`
 * undefined for the first one (so it lives at the listing's own URL).
 */
export function pagedPaths<P extends Record<string, string>, X extends object>(
  params: P,
  base: string,
  docs: SiteDocument[],
  extra: X,
): Array<{ params: P & { page: string | undefined }; props: X & { page: ListingPage } }> {
  return pagedItemPaths(params, base, sorted(docs), extra);
}

/** The same for a listing of other items (cited documents, quality rows), already in their listing order. */
export function pagedItemPaths<P extends Record<string, string>, T, X extends object>(
  params: P,
  base: string,
  items: T[],
  extra: X,
): Array<{ params: P & { page: string | undefined }; props: X & { page: ListingPage<T> } }> {
  return paginateItems(base, items).map((page) => ({ params: { ...params, page: pageParam(page.number) }, props: { ...extra, page } }));
}

// ---- Groupings ----

export interface ProvinceInfo {
  slug: string;
  name: string;
}

/**
 * The province a document is listed under: its issuer's province; "Trung
 * ương" for central bodies (province null); "chưa rõ" when the issuer or its
 * province is unknown (a converter that did not say).
 */
export function provinceOf(doc: SiteDocument): ProvinceInfo {
  const issuer = doc.meta.issuer.value;
  const province = issuer ? (issuer as { province?: string | null }).province : undefined;
  if (typeof province === 'string' && province !== '') return { slug: slugify(province), name: province };
  if (province === null) return { slug: CENTRAL_SLUG, name: CENTRAL_NAME };
  return { slug: UNKNOWN_SLUG, name: UNKNOWN_PROVINCE_NAME };
}

export interface IssuerGroup {
  slug: string;
  name: string;
  docs: SiteDocument[];
}

/** Issuers with their documents, by name (Vietnamese order). Documents without an issuer are left out. */
export function issuerGroups(docs: SiteDocument[]): IssuerGroup[] {
  return [...groupBy(docs.filter((d) => d.meta.issuer.value), (d) => d.meta.issuer.value!.slug)]
    .map(([slug, list]) => ({ slug, name: issuerName(list[0]!)!, docs: list }))
    .sort((a, b) => compareVi(a.name, b.name) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

export interface ProvinceGroup extends ProvinceInfo {
  docs: SiteDocument[];
  issuers: IssuerGroup[];
}

/** Provinces by name, then "Trung ương", then "chưa rõ". */
export function provinceGroups(docs: SiteDocument[]): ProvinceGroup[] {
  const rank = (slug: string) => (slug === UNKNOWN_SLUG ? 2 : slug === CENTRAL_SLUG ? 1 : 0);
  return [...groupBy(docs, (d) => provinceOf(d).slug)]
    .map(([slug, list]) => ({ slug, name: provinceOf(list[0]!).name, docs: list, issuers: issuerGroups(list) }))
    .sort((a, b) => rank(a.slug) - rank(b.slug) || compareVi(a.name, b.name));
}

export interface YearGroup {
  year: number | null;
  slug: string;
  name: string;
  docs: SiteDocument[];
}

/** Years, newest first; unknown year last. Keeps the documents' order within a year. */
export function yearGroups(docs: SiteDocument[]): YearGroup[] {
  return [...groupBy(docs, (d) => d.meta.year.value)]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : b - a))
    .map(([year, list]) => ({
      year,
      slug: year === null ? UNKNOWN_SLUG : String(year),
      name: year === null ? UNKNOWN_YEAR_NAME : String(year),
      docs: list,
    }));
}

export interface TypeGroup {
  slug: string;
  name: string;
  docs: SiteDocument[];
}

/** Document types by name; unknown type last. */
export function typeGroups(docs: SiteDocument[]): TypeGroup[] {
  return [...groupBy(docs, typeSlug)]
    .map(([slug, list]) => ({ slug, name: list[0]!.typeName ?? 'Chưa rõ loại văn bản', docs: list }))
    .sort((a, b) => (a.slug === UNKNOWN_SLUG ? 1 : b.slug === UNKNOWN_SLUG ? -1 : compareVi(a.name, b.name)));
}

// ---- Listing URLs (site paths without the base; pass through href()) ----

export const provincePath = (slug: string): string => `tinh/${slug}/`;
export const issuerPath = (slug: string): string => `van-ban/${slug}/`;
export const yearPath = (slug: string): string => `nam/${slug}/`;
export const typePath = (slug: string): string => `loai-van-ban/${slug}/`;

/** Every listing page of the site (first and further pages), for the sitemap. */
export function listingPaths(docs: SiteDocument[]): string[] {
  const bases: Array<[string, SiteDocument[]]> = [
    ...provinceGroups(docs).map((g): [string, SiteDocument[]] => [provincePath(g.slug), g.docs]),
    ...issuerGroups(docs).map((g): [string, SiteDocument[]] => [issuerPath(g.slug), g.docs]),
    ...yearGroups(docs).map((g): [string, SiteDocument[]] => [yearPath(g.slug), g.docs]),
    ...typeGroups(docs).map((g): [string, SiteDocument[]] => [typePath(g.slug), g.docs]),
  ];
  return bases.flatMap(([base, list]) => paginate(base, list).map((p) => `/${pagePath(base, p.number)}`));
}

/**
 * The page numbers a pager shows: first, last, and two on each side of the
 * current one; null where numbers are skipped. Bounded, so the pager does not
 * grow with the archive.
 */
export function pagerNumbers(current: number, count: number): Array<number | null> {
  const out: Array<number | null> = [];
  for (let n = 1; n <= count; n++) {
    if (n === 1 || n === count || Math.abs(n - current) <= 2) out.push(n);
    else if (out[out.length - 1] !== null) out.push(null);
  }
  return out;
}
