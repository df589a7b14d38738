/**
 * The shard key and one shard's content folder (docs/decisions/1201-shards.md).
 *
 * A document's shard is its issuer's province, read from the converted
 * metadata (data/documents.json of ONE convert of the whole archive, the
 * global link pass); a central issuer (no province) belongs to the shard
 * "trung-uong". A shard's content folder is a copy of content/ holding only
 * its sources and the editor files' entries that concern them, so it builds
 * as a complete site on its own.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';

/** What the shard rule needs of a converted document (data/documents.json). */
export interface ShardedDocument {
  url: string;
  province: string | null;
  source_file: string;
}

/** The shard key of central issuers (ministries, the Government): they have no province. */
export const CENTRAL_SHARD = 'trung-uong';

/** A document's shard key: its issuer's province, or the central shard. */
export function shardKey(doc: ShardedDocument): string {
  return doc.province ?? CENTRAL_SHARD;
}

/** Documents of data/documents.json, sorted by source file (deterministic choice of a subset). */
export function readConvertedDocuments(generatedDir: string): ShardedDocument[] {
  const data = JSON.parse(readFileSync(path.join(generatedDir, 'data', 'documents.json'), 'utf8')) as ShardedDocument[] | { documents: ShardedDocument[] };
  const docs = Array.isArray(data) ? data : data.documents;
  return [...docs].sort((a, b) => (a.source_file < b.source_file ? -1 : a.source_file > b.source_file ? 1 : 0));
}

/**
 * Copy `contentDir` to `outDir` keeping only `docs`' sources. The catalog
 * and corrections keep their entries for those sources; the published-URL
 * register keeps the lines under those documents' URLs (the rest belong to
 * other shards, and cited-document pages to the global link pass); old
 * addresses (aliases.yaml) are the joined site's, not a shard's.
 */
export function writeShardContent(contentDir: string, outDir: string, docs: ShardedDocument[]): void {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(path.dirname(outDir), { recursive: true });
  cpSync(contentDir, outDir, { recursive: true });
  const keep = new Set(docs.map((d) => d.source_file));
  const sources = path.join(outDir, 'sources');
  for (const name of readdirSync(sources)) if (!keep.has(name)) rmSync(path.join(sources, name), { recursive: true, force: true });
  for (const [file, key] of [['catalog.yaml', 'documents'], ['corrections.yaml', 'corrections']] as const) {
    const at = path.join(outDir, file);
    if (!existsSync(at)) continue;
    const data = parse(readFileSync(at, 'utf8')) as Record<string, Array<{ source: string }>> | null;
    if (data && Array.isArray(data[key])) {
      data[key] = data[key].filter((e) => keep.has(e.source));
      writeFileSync(at, stringify(data));
    }
  }
  const register = path.join(outDir, 'published-urls.txt');
  if (existsSync(register)) {
    const prefixes = docs.map((d) => d.url);
    const lines = readFileSync(register, 'utf8').split('\n');
    writeFileSync(register, lines.filter((l) => l.startsWith('#') || prefixes.some((p) => l.startsWith(p))).join('\n'));
  }
  rmSync(path.join(outDir, 'aliases.yaml'), { force: true });
  // Acknowledged held-back files of other shards would be "no longer held" in this one.
  rmSync(path.join(outDir, 'held-back.yaml'), { force: true });
}
