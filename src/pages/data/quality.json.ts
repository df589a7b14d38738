/** Open data: dist/data/quality.json (the data-quality report), byte-identical to the converter's file. */
import type { APIRoute } from 'astro';
import { generatedBytesView } from '../../lib/archive-data';

export const GET: APIRoute = () =>
  new Response(generatedBytesView('data/quality.json'), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
