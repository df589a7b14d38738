/**
 * npm run urls:accept: after a human decides a build is public, add every
 * document URL and citable fragment of that build to the register
 * (content/published-urls.txt). Lines are only added, never removed; the
 * build must first pass the permanence check against the current register.
 *
 *   node scripts/urls/accept.ts [--dist <dir>] [--content <dir>]
 *
 * Defaults: dist/ and content/. See docs/decisions/0501-citable-urls.md.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkPermanence, formatFailure, publishedLines } from './permanence.ts';
import { formatRegister, parseRegister, readUrlInputs } from './register.ts';
import { scanDist } from './scan-dist.ts';

function main(): number {
  const { values } = parseArgs({ options: { dist: { type: 'string' }, content: { type: 'string' } }, strict: true });
  const dist = resolve(values.dist ?? 'dist');
  const content = resolve(values.content ?? 'content');
  if (!existsSync(resolve(dist, 'index.html'))) {
    console.error(`urls:accept: ${dist} holds no built site; run npm run build first`);
    return 1;
  }
  const inputs = readUrlInputs(content, 'urls:accept');
  if ('error' in inputs) {
    console.error(inputs.error);
    return 1;
  }
  const { register, aliases } = inputs;
  const scan = scanDist(dist);
  if (scan.documents.size === 0) {
    console.error(`urls:accept: ${dist} has no document pages; refusing to accept an empty build`);
    return 1;
  }
  const result = checkPermanence(register.entries, scan, aliases.aliases);
  if (!result.ok) {
    console.error(`${formatFailure(result, { register: register.file, aliases: aliases.file })}\n\nurls:accept: this build loses published URLs; fix that first (nothing was written).`);
    return 1;
  }
  const before = new Set(register.entries.map((e) => e.line));
  const added = publishedLines(scan).filter((line) => !before.has(line));
  const text = formatRegister([...before, ...added]);
  // Never write a register that the next build's check would reject as malformed.
  const unreadable = parseRegister(text, register.file).problems;
  if (unreadable.length > 0) {
    console.error(`urls:accept: this build has URLs the register cannot hold (nothing was written):\n  ${unreadable.join('\n  ')}`);
    return 1;
  }
  const previous = existsSync(register.file) ? readFileSync(register.file, 'utf8') : null;
  if (previous === text) {
    console.log(`urls:accept: ${register.file} is up to date (${before.size} lines)`);
    return 0;
  }
  const tmp = `${register.file}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, register.file);
  const pages = added.filter((l) => !l.includes('#')).length;
  console.log(`urls:accept: added ${added.length} line(s) (${pages} page URL(s), ${added.length - pages} fragment(s)) to ${register.file}; it now lists ${before.size + added.length}`);
  return 0;
}

process.exitCode = main();
