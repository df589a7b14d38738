/** Site-relative URLs, prefixed with Astro's base so the site can live under a subpath. */
const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** "tim-kiem/" -> "/tim-kiem/" (or "/sub/tim-kiem/" under a base). */
export function href(path: string): string {
  return base + path.replace(/^\//, '');
}

export const SEARCH_PATH = href('tim-kiem/');
export const QUALITY_PATH = href('chat-luong-du-lieu/');
