/**
 * The other shards' search indexes the search page merges into its own
 * (docs/decisions/1201-shards.md): when the archive is built as shards joined
 * on one origin, the root shard is built with ARCHIVE_MERGE_INDEXES, a
 * comma-separated list of the site paths where the other shards' Pagefind
 * folders are served ("/kho/ha-giang/pagefind/"). Unset or empty: one index,
 * as for an archive built whole.
 *
 * The list ends up in a page attribute and in Pagefind's fetches, so it is
 * checked here, at build time, and a bad entry stops the build by name.
 */

/** A site path of lower-case ASCII segments ending in /pagefind/: nothing to escape, nothing to execute. */
const INDEX_PATH = /^\/(?:[a-z0-9][a-z0-9-]*\/)*pagefind\/$/;

export function parseMergedIndexes(value: string | undefined): string[] {
  if (value === undefined || value.trim() === '') return [];
  const paths = value.split(',').map((p) => p.trim());
  const bad = paths.filter((p) => !INDEX_PATH.test(p));
  if (bad.length > 0) {
    throw new Error(
      `ARCHIVE_MERGE_INDEXES: ${bad.map((p) => JSON.stringify(p)).join(', ')} is not a site path of a Pagefind folder ` +
        '(lower-case a-z, 0-9 and "-" segments, from "/" to "/pagefind/", e.g. "/kho/ha-giang/pagefind/"), comma-separated',
    );
  }
  const dupes = paths.filter((p, i) => paths.indexOf(p) !== i);
  if (dupes.length > 0) throw new Error(`ARCHIVE_MERGE_INDEXES: ${dupes[0]} is listed twice`);
  if (paths.includes('/pagefind/')) throw new Error('ARCHIVE_MERGE_INDEXES: /pagefind/ is the site\'s own index; list only the other shards\' indexes');
  return paths;
}

/** The indexes this build's search page merges (site paths, without the base). */
export const MERGED_INDEXES: readonly string[] = parseMergedIndexes(process.env.ARCHIVE_MERGE_INDEXES);
