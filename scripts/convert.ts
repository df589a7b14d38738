/**
 * npm run convert: content/ -> .generated/ (MDX per document + data files).
 *
 *   node scripts/convert.ts [--content content] [--out .generated]
 *
 * Every source is read; every problem of every file is listed; only when all
 * succeed is the output folder replaced, in one rename. A failing run leaves
 * the previous output untouched and exits non-zero.
 */
import { parseArgs } from 'node:util';
import { convertArchive } from './pipeline/convert-archive.ts';

const { values } = parseArgs({
  options: {
    content: { type: 'string', default: 'content' },
    out: { type: 'string', default: process.env.ARCHIVE_GENERATED_DIR ?? '.generated' },
    quiet: { type: 'boolean', default: false },
  },
});

const log = values.quiet ? () => {} : (line: string) => console.log(line);
const result = await convertArchive({ contentDir: values.content, outDir: values.out, log });
if (result.errors.length > 0) {
  console.error(`\nconvert: ${result.errors.length} error(s); ${values.out}/ left unchanged:`);
  for (const e of result.errors) console.error(`  ✗ ${e}`);
  process.exit(1);
}
