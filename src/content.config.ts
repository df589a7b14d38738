/**
 * The documents collection: one MDX file per document, written by the
 * converter (scripts/convert.ts) into <generated>/documents/. The MDX carries
 * only its id; every other fact comes from <generated>/data/site.json, so the
 * site has one source of truth per fact.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const generatedDir = path.resolve(process.env.ARCHIVE_GENERATED_DIR || '.generated');

const documents = defineCollection({
  loader: glob({
    pattern: '*.mdx',
    base: pathToFileURL(path.join(generatedDir, 'documents') + path.sep),
    // The entry id is the document's permanent id from its frontmatter, not a slug of the file name.
    generateId: ({ data, entry }) => (typeof data.id === 'string' ? data.id : entry.replace(/\.mdx$/, '')),
    // The raw MDX text is not needed at runtime; keeping it would cost memory per document.
    retainBody: false,
  }),
  schema: z.object({ id: z.string() }),
});

export const collections = { documents };
