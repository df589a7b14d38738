/**
 * The file each document was read from, as received, byte for byte, beside
 * its page: /van-ban/<…>/van-ban-goc.<txt|pdf|docx|doc>
 * (docs/decisions/1403-take-it-away.md, 1505-original-files-on-the-site.md).
 * Data only: never parsed or run here. The static host names the media type
 * from the extension; the type given here is what Astro's dev server sends.
 */
import type { APIRoute } from 'astro';
import { bytesView, siteDocuments, type SiteDocument } from '../../../lib/archive-data';
import { FORMATS, originalBytes, sourceFormat } from '../../../lib/downloads';
import { documentRoute } from '../../../../scripts/lib/paths.ts';

export function getStaticPaths() {
  return siteDocuments().map((doc) => {
    const route = documentRoute(doc.url);
    if (!route) throw new Error(`Document ${doc.id}: url "${doc.url}" is not of the form /van-ban/.../`);
    return { params: { path: route, ext: sourceFormat(doc) }, props: { doc } };
  });
}

export const GET: APIRoute = ({ props }) => {
  const doc = (props as { doc: SiteDocument }).doc;
  const format = FORMATS[sourceFormat(doc)];
  const type = format.mediaType.startsWith('text/') ? `${format.mediaType}; charset=utf-8` : format.mediaType;
  return new Response(bytesView(originalBytes(doc)), { headers: { 'Content-Type': type } });
};
