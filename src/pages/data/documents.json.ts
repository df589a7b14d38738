/** Open data: dist/data/documents.json, byte-identical to the converter's file. */
import type { APIRoute } from 'astro';
import { generatedBytesView } from '../../lib/archive-data';

export const GET: APIRoute = () =>
  new Response(generatedBytesView('data/documents.json'), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
