/**
 * The published-URL register, content/published-urls.txt: one line per
 * document URL and one per citable fragment, sorted, so a diff shows exactly
 * what a release made public. Lines only ever get added
 * (docs/decisions/0501-citable-urls.md).
 *
 *   /van-ban/tinh-uy-quang-ninh/2017/09-nq-tu/
 *   /van-ban/tinh-uy-quang-ninh/2017/09-nq-tu/#II.3
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CITED_PATH, DOCUMENT_PATH, FRAGMENT_ID, provisionHref } from '../lib/paths.ts';
import { AliasesError, readAliases } from './aliases.ts';

export const REGISTER_FILE = 'published-urls.txt';

export interface RegisterEntry {
  /** The line as written. */
  line: string;
  /** Document path, "/van-ban/.../". */
  path: string;
  /** Fragment id without "#", or null for the document itself. */
  fragment: string | null;
}

export const REGISTER_HEADER = [
  '# Published URLs: every document URL and citable fragment, and every cited-document page, that has been made public.',
  '# A line is never removed. Every build checks that each line still resolves (directly,',
  '# or through content/aliases.yaml). Add lines with `npm run urls:accept` after a release;',
  '# see docs/decisions/0501-citable-urls.md.',
];

/** Parse the register; malformed lines are problems (the file is reviewed by people). */
export function parseRegister(text: string, file: string): { entries: RegisterEntry[]; problems: string[] } {
  const entries: RegisterEntry[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '').trim();
    if (line === '' || line.startsWith('#')) return;
    const hash = line.indexOf('#');
    const path = hash === -1 ? line : line.slice(0, hash);
    const fragment = hash === -1 ? null : line.slice(hash + 1);
    const document = DOCUMENT_PATH.test(path) && (fragment === null || FRAGMENT_ID.test(fragment));
    const cited = CITED_PATH.test(path) && fragment === null;
    if (!document && !cited) {
      problems.push(`${file}:${i + 1}: "${line}" is not a document path (/van-ban/<issuer>/<year>/<key>/, optionally followed by #<fragment>) or a cited-document path (/tham-chieu/<issuer>/<key>/)`);
      return;
    }
    entries.push({ line, path, fragment });
  });
  return { entries, problems };
}

export function readRegister(contentDir: string): { file: string; exists: boolean; entries: RegisterEntry[]; problems: string[] } {
  const file = join(contentDir, REGISTER_FILE);
  if (!existsSync(file)) return { file, exists: false, entries: [], problems: [] };
  return { file, exists: true, ...parseRegister(readFileSync(file, 'utf8'), file) };
}

/** Code-unit order (what `LC_ALL=C sort` gives): a document's line comes right before its fragments. */
export function compareLines(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The lines a set of published documents contributes. */
export function linesOf(documents: Iterable<{ url: string; fragments: Iterable<string> }>): string[] {
  const lines: string[] = [];
  for (const doc of documents) {
    lines.push(doc.url);
    for (const fragment of doc.fragments) lines.push(provisionHref(doc.url, fragment));
  }
  return lines;
}

/** The register file's text: the header, then every line once, sorted. */
export function formatRegister(lines: Iterable<string>): string {
  const unique = [...new Set(lines)].sort(compareLines);
  return `${[...REGISTER_HEADER, ...unique].join('\n')}\n`;
}

/**
 * The register and the aliases of a content folder, as the two commands
 * (check, accept) need them, or the message that says what is wrong.
 */
export function readUrlInputs(
  contentDir: string,
  label: string,
): { register: ReturnType<typeof readRegister>; aliases: ReturnType<typeof readAliases> } | { error: string } {
  const register = readRegister(contentDir);
  if (register.problems.length > 0) return { error: `${label}: ${register.file} has malformed lines:\n  ${register.problems.join('\n  ')}` };
  try {
    return { register, aliases: readAliases(contentDir) };
  } catch (error) {
    return { error: error instanceof AliasesError ? error.message : String(error) };
  }
}
