/**
 * The build's last stage (scripts/build/pipeline.ts): every URL and fragment
 * of the published-URL register must resolve in the new dist, directly or
 * through content/aliases.yaml. Exits 1 with a message naming each lost URL.
 *
 *   node scripts/urls/check.ts [--dist <dir>] [--content <dir>]
 *
 * Defaults: dist/ and content/ of the project. See docs/decisions/0501-citable-urls.md.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkPermanence, formatFailure } from './permanence.ts';
import { readUrlInputs } from './register.ts';
import { scanDist } from './scan-dist.ts';

function main(): number {
  const { values } = parseArgs({ options: { dist: { type: 'string' }, content: { type: 'string' } }, strict: true });
  const dist = resolve(values.dist ?? 'dist');
  const content = resolve(values.content ?? 'content');
  if (!existsSync(dist)) {
    console.error(`urls: ${dist} does not exist; build the site first`);
    return 1;
  }
  const inputs = readUrlInputs(content, 'urls');
  if ('error' in inputs) {
    console.error(inputs.error);
    return 1;
  }
  const { register, aliases } = inputs;
  const scan = scanDist(dist);
  const result = checkPermanence(register.entries, scan, aliases.aliases);
  if (!result.ok) {
    console.error(formatFailure(result, { register: register.file, aliases: aliases.file }));
    return 1;
  }
  const fragments = [...scan.documents.values()].reduce((n, d) => n + d.fragments.length, 0);
  if (!register.exists) {
    console.log(`urls: no register at ${register.file}: nothing published yet to check (${scan.documents.size} documents, ${fragments} fragments built; run npm run urls:accept after a public release)`);
  } else {
    const fresh = result.unregistered.length;
    console.log(
      `urls: all ${result.checked} published URLs and fragments resolve (${result.viaAlias} through aliases); ` +
        `${scan.aliases.size} alias page(s); ${fresh} document(s) not yet in the register${fresh > 0 ? ' (npm run urls:accept once they are public)' : ''}`,
    );
  }
  return 0;
}

process.exitCode = main();
