/**
 * The public path scheme of the archive (docs/decisions/0002, 0501): the one
 * place paths are put together and recognised, by the converter (identities,
 * links), the URL register and the site
 * (docs/decisions/1006-one-concept-one-module.md).
 *
 *   /van-ban/<issuer>/<year>/<last>/      a document; <last> is its slugged
 *                                         number-symbol or its catalog key
 *   /van-ban/<issuer>/<year>/<last>/#II.3 one of its provisions
 *   /tham-chieu/<issuer>/<key>/           a document the archive cites
 *   /tham-chieu/<issuer>/[trang-<n>/]     the index of one issuer's cited
 *                                         documents (ADR 1008), not citable
 *
 * Paths are root-relative and without the site's base; the site prefixes the
 * base (src/lib/paths.ts, href) and the USB edition rewrites them relative.
 * Every segment is lower-case ASCII (scripts/lib/slug.ts).
 */

/** Folder of document pages: "/van-ban/". */
export const DOCUMENTS_ROOT = '/van-ban/';
/** Folder of cited-document pages: "/tham-chieu/". */
export const CITED_ROOT = '/tham-chieu/';

/** One path segment: lower-case ASCII words joined by single hyphens. */
const SEGMENT = '[a-z0-9]+(?:-[a-z0-9]+)*';

/** A document page: /van-ban/<issuer>/<year>/<last>/. */
export const DOCUMENT_PATH = new RegExp(`^/van-ban/${SEGMENT}/${SEGMENT}/${SEGMENT}/$`);
/**
 * A cited-document page: /tham-chieu/<issuer>/<key>/. A key is never
 * "trang-<n>": that is page n of the issuer's index (ADR 1008). Keys start
 * with the cited document's number, type or name (citedKey), so none is.
 */
export const CITED_PATH = new RegExp(`^/tham-chieu/${SEGMENT}/(?!trang-[0-9]+/$)${SEGMENT}/$`);
/**
 * A provision's fragment id: "II.3.a", "dieu-1.2", "can-cu", "I.2.ct-3"
 * (docs/decisions/0002), or a heading, annex or table slug joined to its
 * prefix with dots. Slugs are github-slugger's (ADR 1002), which keeps every
 * hyphen and underscore: "kinh tế - kỹ thuật" -> "kinh-te---ky-thuat", a title
 * ending in " -" -> "...-". Dot-separated non-empty parts of ASCII letters,
 * digits, "-" and "_": every id the converter makes, safe in a URL unescaped.
 */
export const FRAGMENT_ID = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/;

/** A document's page: documentPath("tinh-uy-quang-ninh", 2017, "09-nq-tu") -> "/van-ban/tinh-uy-quang-ninh/2017/09-nq-tu/". */
export function documentPath(issuerSlug: string, year: number | string, last: string): string {
  return `${DOCUMENTS_ROOT}${issuerSlug}/${year}/${last}/`;
}

/** The page listing an issuer's documents: "/van-ban/tinh-uy-quang-ninh/". */
export function issuerPath(issuerSlug: string): string {
  return `${DOCUMENTS_ROOT}${issuerSlug}/`;
}

/** A cited document's page from its key (citations' citedKey): "/tham-chieu/tinh-uy-quang-ninh/06-nq-tu-2021/". */
export function citedPath(key: string): string {
  return `${CITED_ROOT}${key}/`;
}

/** The index of one issuer's cited documents, the parent of their pages: "/tham-chieu/chinh-phu/". */
export function citedIssuerPath(issuerSlug: string): string {
  return `${CITED_ROOT}${issuerSlug}/`;
}

/** The key of a cited-document page, or null when `path` is not one (an issuer's index, one of its further pages). */
export function citedKeyOf(path: string): string | null {
  return CITED_PATH.test(path) ? path.slice(CITED_ROOT.length, -1) : null;
}

/** The part of a document path after /van-ban/ ("tinh-uy-quang-ninh/2017/09-nq-tu"), the site's route parameter; null otherwise. */
export function documentRoute(path: string): string | null {
  return path.startsWith(DOCUMENTS_ROOT) && path.endsWith('/') && path.length > DOCUMENTS_ROOT.length ? path.slice(DOCUMENTS_ROOT.length, -1) : null;
}

/** A link to a provision of a page ("/van-ban/…/#II.3"), or to the page itself when `provisionId` is null. */
export function provisionHref(pagePath: string, provisionId: string | null): string {
  return provisionId ? `${pagePath}#${provisionId}` : pagePath;
}
