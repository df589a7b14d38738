/**
 * content/aliases.yaml as the site needs it: alias pages for old document
 * URLs and, per document, the mapping of old fragments to new ones.
 * Validated against this build's documents; a bad file stops the build with
 * every problem listed (docs/decisions/0501-citable-urls.md).
 *
 * The content folder comes from ARCHIVE_CONTENT_DIR (set by scripts/build.ts),
 * else content/ of the working directory.
 */
import path from 'node:path';
import { aliasProblems, AliasesError, readAliases, type Aliases, type FragmentAlias } from '../../scripts/urls/aliases.ts';
import { siteDocuments } from './archive-data';
import { groupBy } from './format';

export const contentDir = path.resolve(process.env.ARCHIVE_CONTENT_DIR || 'content');

let cache: Aliases | undefined;

export function urlAliases(): Aliases {
  if (cache) return cache;
  const { aliases, file } = readAliases(contentDir);
  const documents = new Map(siteDocuments().map((d) => [d.id, { url: d.url }]));
  const problems = aliasProblems(aliases, { documents });
  if (problems.length > 0) throw new AliasesError(file, problems);
  cache = aliases;
  return aliases;
}

let fragmentsByDocument: Map<string, FragmentAlias[]> | undefined;

/** The fragment aliases of one document, in the file's order (indexed once per build, not scanned per page). */
export function fragmentAliasesOf(documentId: string): FragmentAlias[] {
  fragmentsByDocument ??= groupBy(urlAliases().fragments, (f) => f.document);
  return fragmentsByDocument.get(documentId) ?? [];
}
