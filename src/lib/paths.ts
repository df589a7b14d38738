/** Site-relative URLs, prefixed with Astro's base so the site can live under a subpath. */
const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** "tim-kiem/" -> "/tim-kiem/" (or "/sub/tim-kiem/" under a base). */
export function href(path: string): string {
  return base + path.replace(/^\//, '');
}

export const SEARCH_PATH = href('tim-kiem/');
export const QUALITY_PATH = href('chat-luong-du-lieu/');
export const CITING_PATH = href('cach-trich-dan/');

/** The configured public site (ARCHIVE_SITE_URL, astro.config.mjs `site`), or null when not configured. */
export const SITE_URL: string | null = import.meta.env.SITE || null;

/**
 * The public absolute URL of a site path ("https://…/van-ban/…/"), or null
 * when no site is configured: then no canonical link or sitemap is written,
 * and citations carry the path (docs/decisions/0501-citable-urls.md).
 */
export function publicUrl(path: string): string | null {
  return SITE_URL ? new URL(href(path), SITE_URL).href : null;
}

/** What a citation prints as the address: the public URL, else the site path. */
export function citationUrl(path: string): string {
  return publicUrl(path) ?? href(path);
}
