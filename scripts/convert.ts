/**
 * npm run convert: content/ -> .generated/ (MDX per document + data files).
 *
 *   node scripts/convert.ts [--content content] [--out .generated] [--strict] [--cache <dir> | --no-cache] [--workers <n>]
 *
 * Every source is read. A document that cannot be published (bytes that are
 * not text, an unknown identity, a second copy) is held back and listed with
 * the catalog lines that would fix it; the others are written. Problems of
 * the archive as a whole (catalog, corrections, no sources) fail the run, all
 * listed; with --strict (or ARCHIVE_STRICT=1) so does any held-back document
 * that content/held-back.yaml does not acknowledge (docs/decisions/1004-held-back-documents.md,
 * 1501-source-intake.md). Sources are .txt, .pdf, .docx and .doc files; PDF,
 * OCR and .doc readings are cached in .cache/extract/ (ARCHIVE_CACHE_DIR). Each document's reading
 * and its written-out files are cached in .cache/convert/ (<ARCHIVE_CACHE_DIR>/convert when set;
 * --cache <dir> puts it elsewhere, --no-cache or ARCHIVE_CONVERT_CACHE=0 bypasses it), so an
 * unchanged document is not converted again; documents are read and written out on worker
 * threads, one per core (ARCHIVE_CONVERT_WORKERS=<n> forces a count, 1 = the main thread only;
 * docs/decisions/1202-convert-cache-and-workers.md). The output folder is replaced
 * in one rename; a failing run leaves the previous output untouched and
 * exits non-zero.
 */
import { parseArgs } from 'node:util';
import { convertArchive } from './pipeline/convert-archive.ts';

const { values } = parseArgs({
  options: {
    content: { type: 'string', default: 'content' },
    out: { type: 'string', default: process.env.ARCHIVE_GENERATED_DIR ?? '.generated' },
    quiet: { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
    cache: { type: 'string' },
    'no-cache': { type: 'boolean', default: false },
    workers: { type: 'string' },
  },
});

const strict = values.strict || process.env.ARCHIVE_STRICT === '1';
const log = values.quiet ? () => {} : (line: string) => console.log(line);
const convertCache = values['no-cache'] ? { bypass: true } : values.cache !== undefined ? { dir: values.cache } : undefined;
const workers = values.workers !== undefined ? Number(values.workers) : undefined;
if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1)) {
  console.error(`convert: --workers takes a whole number >= 1, not "${values.workers}"`);
  process.exit(2);
}
const result = await convertArchive({ contentDir: values.content, outDir: values.out, log, strict, convertCache, workers });
if (result.errors.length > 0) {
  console.error(`\nconvert: ${result.errors.length} error(s); ${values.out}/ left unchanged:`);
  for (const e of result.errors) console.error(`  ✗ ${e}`);
  const open = result.heldBack.filter((h) => !h.acknowledged).length;
  if (strict && open > 0) console.error(`convert: strict mode: ${open} held-back document(s) not acknowledged in content/held-back.yaml fail the convert; without --strict they are left out and the rest is published.`);
  process.exit(1);
}
