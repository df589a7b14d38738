/** Open data: dist/data/citations.json (the whole citation graph), byte-identical to the converter's file. */
import type { APIRoute } from 'astro';
import { generatedBytesView } from '../../lib/archive-data';

export const GET: APIRoute = () =>
  new Response(generatedBytesView('data/citations.json'), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
