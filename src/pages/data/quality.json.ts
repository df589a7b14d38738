/** Open data: dist/data/quality.json (the data-quality report), byte-identical to the converter's file. */
import type { APIRoute } from 'astro';
import { readGeneratedBytes } from '../../lib/archive-data';

export const GET: APIRoute = () =>
  new Response(new Uint8Array(readGeneratedBytes('data/quality.json')), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
