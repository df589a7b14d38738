/**
 * The source text of each document as received, byte for byte, beside its
 * page: /van-ban/<…>/van-ban-goc.txt (docs/decisions/1403-take-it-away.md).
 * Data only: served as text/plain, never parsed or run.
 */
import type { APIRoute } from 'astro';
import { siteDocuments, type SiteDocument } from '../../../lib/archive-data';
import { sourceTextBytes } from '../../../lib/downloads';
import { documentRoute } from '../../../../scripts/lib/paths.ts';

export function getStaticPaths() {
  return siteDocuments().map((doc) => {
    const route = documentRoute(doc.url);
    if (!route) throw new Error(`Document ${doc.id}: url "${doc.url}" is not of the form /van-ban/.../`);
    return { params: { path: route }, props: { doc } };
  });
}

export const GET: APIRoute = ({ props }) => {
  const bytes = sourceTextBytes((props as { doc: SiteDocument }).doc);
  return new Response(new Uint8Array(bytes), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
