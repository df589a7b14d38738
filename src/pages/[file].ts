/**
 * sitemap.xml and robots.txt, written only when the public site URL is
 * configured (ARCHIVE_SITE_URL): a sitemap needs absolute URLs, and a build
 * without a site (a local or USB copy) has none to give.
 * The sitemap lists every document and index page, sorted by URL, without
 * dates, so it is byte-identical for the same inputs. Alias pages are left
 * out (they are redirects). See docs/decisions/0501-citable-urls.md.
 */
import type { APIRoute } from 'astro';
import { siteDocuments } from '../lib/archive-data';
import { listingPaths } from '../lib/browse';
import { publicUrl, SITE_URL } from '../lib/paths';

export function getStaticPaths() {
  return SITE_URL ? [{ params: { file: 'sitemap.xml' } }, { params: { file: 'robots.txt' } }] : [];
}

/** Site paths of every page worth crawling: index pages and documents. */
function sitemapPaths(): string[] {
  const docs = siteDocuments();
  const paths = new Set<string>(['/', '/tim-kiem/', '/cach-trich-dan/', '/chat-luong-du-lieu/']);
  for (const d of docs) paths.add(d.url);
  // Listing pages: provinces, issuers, years, types, each page of each (src/lib/browse.ts).
  for (const p of listingPaths(docs)) paths.add(p);
  return [...paths].sort();
}

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export const GET: APIRoute = ({ params }) => {
  if (params.file === 'robots.txt') {
    return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${publicUrl('sitemap.xml')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const urls = sitemapPaths().map((p) => `  <url><loc>${xmlEscape(publicUrl(p)!)}</loc></url>`);
  const xml = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...urls, '</urlset>', ''].join('\n');
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
