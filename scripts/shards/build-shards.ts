/**
 * Build the archive as shards and join them on one origin
 * (docs/decisions/1201-shards.md): the small-scale proof of the design.
 *
 *   node scripts/shards/build-shards.ts --out <dir> --shard <name>=<province>[,<province>...] ... [--limit <n>]
 *
 * A shard's keys are provinces as the convert names them, "trung-uong" for
 * central issuers, or "*" for every key no other shard names. E.g.
 *   --shard quang-ninh=Quảng Ninh --shard con-lai=*
 *
 * 1. One convert of the whole content (the global link pass) gives every
 *    document's province: the shard key.
 * 2. Each shard gets its own content folder and is built as a complete site
 *    with its own Pagefind index (scripts/build.ts; these builds are
 *    independent: in CI, one parallel job each).
 * 3. The join: the first shard's site is the root; every other shard adds
 *    its document folders at their own URLs (/van-ban/<issuer>/..., disjoint
 *    by the shard key), its hashed assets, and its index under
 *    /kho/<name>/pagefind/. The root shard is built with
 *    ARCHIVE_MERGE_INDEXES naming those folders, so the site's own search
 *    page (/tim-kiem/) merges them into its index (mergeIndex,
 *    src/lib/merged-indexes.ts): one search box over every shard.
 *
 * --limit keeps the first n documents (by source file) of each shard: a
 * small proof builds fast.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readConvertedDocuments, shardKey, writeShardContent, type ShardedDocument } from './shard-content.ts';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '..', '..');
const NODE = process.execPath;

export interface ShardSpec {
  /** Folder name of the shard's index in the joined site: /kho/<name>/pagefind/. */
  name: string;
  /** Shard keys (provinces, or "trung-uong") the shard holds. */
  keys: string[];
}

export interface BuiltShard extends ShardSpec {
  /** URLs of its documents, sorted. */
  urls: string[];
  buildSeconds: number;
  /** Bytes of its pagefind/ folder. */
  indexBytes: number;
}

export interface ShardsResult {
  /** The joined site (serve it at the root of one origin). */
  joinedDir: string;
  /** The joined search page's path. */
  searchPath: string;
  convertSeconds: number;
  shards: BuiltShard[];
}

/** The joined site's search page: the root shard's own, merging the other shards' indexes. */
export const JOINED_SEARCH_PATH = '/tim-kiem/';

/** Where a non-root shard's Pagefind folder is served in the joined site. */
export const shardIndexPath = (name: string): string => `/kho/${name}/pagefind/`;

function run(script: string, args: string[], logFile: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((done, fail) => {
    execFile(NODE, [path.join(PROJECT_ROOT, script), ...args], { cwd: PROJECT_ROOT, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      writeFileSync(logFile, `${stdout}${stderr}`);
      if (error) fail(new Error(`${script} failed (log: ${logFile}): ${stderr.split('\n').slice(-20).join('\n')}`));
      else done();
    });
  });
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const at = path.join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(at) : statSync(at).size;
  }
  return total;
}

/** Choose each shard's documents by the shard rule. */
export function assignShards(docs: ShardedDocument[], specs: ShardSpec[], limit: number | null): ShardedDocument[][] {
  return specs.map((spec) => {
    const named = new Set(specs.flatMap((s) => s.keys));
    // "*": every key no other shard names (the rest of the archive).
    const mine = docs.filter((d) => spec.keys.includes(shardKey(d)) || (spec.keys.includes('*') && !named.has(shardKey(d))));
    if (mine.length === 0) throw new Error(`shard ${spec.name}: no document has the key ${spec.keys.join(', ')}`);
    return limit === null ? mine : mine.slice(0, limit);
  });
}

/** The issuer folders (/van-ban/<issuer>/) of documents' URLs, sorted. */
export function issuerFolders(urls: string[]): string[] {
  return [...new Set(urls.map((u) => u.split('/').slice(0, 3).join('/') + '/'))].sort();
}

/**
 * Add a non-root shard's issuer folders (documents and issuer pages), assets
 * and index to the joined site. An issuer has one province, so the folders
 * of two shards never overlap; if they do, the shard rule is broken.
 */
function joinShard(joinedDir: string, shardDist: string, spec: ShardSpec, urls: string[]): void {
  for (const folder of issuerFolders(urls)) {
    const target = path.join(joinedDir, folder);
    if (existsSync(target)) throw new Error(`shard ${spec.name}: ${folder} is already in another shard (the shard key must split issuers)`);
    cpSync(path.join(shardDist, folder), target, { recursive: true });
  }
  // Hashed asset names: the same name is the same file, a new name cannot collide.
  cpSync(path.join(shardDist, '_astro'), path.join(joinedDir, '_astro'), { recursive: true, force: false });
  cpSync(path.join(shardDist, 'pagefind'), path.join(joinedDir, ...shardIndexPath(spec.name).split('/').filter(Boolean)), { recursive: true });
}

export async function buildShards(contentDir: string, outDir: string, specs: ShardSpec[], limit: number | null = null): Promise<ShardsResult> {
  if (specs.length < 2) throw new Error('give at least two shards');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  let started = performance.now();
  const allGenerated = path.join(outDir, 'all.generated');
  await run('scripts/convert.ts', ['--content', contentDir, '--out', allGenerated, '--quiet'], path.join(outDir, 'convert.log'));
  const convertSeconds = (performance.now() - started) / 1000;
  const chosen = assignShards(readConvertedDocuments(allGenerated), specs, limit);

  const shards: BuiltShard[] = [];
  const dists: string[] = [];
  // One after the other here (2 cores); in CI each is its own parallel job.
  for (const [i, spec] of specs.entries()) {
    const content = path.join(outDir, 'shards', spec.name, 'content');
    const dist = path.join(outDir, 'shards', spec.name, 'dist');
    writeShardContent(contentDir, content, chosen[i]!);
    started = performance.now();
    // The root shard's search page merges the others' indexes; every other shard searches only its own.
    const merge = i === 0 ? specs.slice(1).map((s) => shardIndexPath(s.name)).join(',') : '';
    await run('scripts/build.ts', ['--content', content, '--dist', dist], path.join(outDir, 'shards', spec.name, 'build.log'), { ...process.env, ARCHIVE_MERGE_INDEXES: merge });
    const buildSeconds = (performance.now() - started) / 1000;
    shards.push({ ...spec, urls: chosen[i]!.map((d) => d.url).sort(), buildSeconds, indexBytes: folderBytes(path.join(dist, 'pagefind')) });
    dists.push(dist);
  }

  const joinedDir = path.join(outDir, 'joined');
  cpSync(dists[0]!, joinedDir, { recursive: true });
  for (const [i, spec] of specs.entries()) if (i > 0) joinShard(joinedDir, dists[i]!, spec, shards[i]!.urls);
  return { joinedDir, searchPath: JOINED_SEARCH_PATH, convertSeconds, shards };
}

function parseShard(value: string): ShardSpec {
  const at = value.indexOf('=');
  if (at <= 0 || !/^[a-z0-9-]+$/.test(value.slice(0, at))) throw new Error(`--shard ${value}: expected <name>=<province>[,<province>...] with a name of a-z, 0-9, -`);
  return { name: value.slice(0, at), keys: value.slice(at + 1).split(',').map((k) => k.trim()).filter(Boolean) };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      content: { type: 'string', default: path.join(PROJECT_ROOT, 'content') },
      out: { type: 'string' },
      shard: { type: 'string', multiple: true },
      limit: { type: 'string' },
    },
  });
  if (!values.out || !values.shard || values.shard.length < 2) {
    console.error('usage: node scripts/shards/build-shards.ts --out <dir> --shard <name>=<province>[,...] --shard <name>=<province>[,...] [--limit <n>]');
    return 2;
  }
  const result = await buildShards(path.resolve(values.content), path.resolve(values.out), values.shard.map(parseShard), values.limit ? Number(values.limit) : null);
  console.log(`convert (global link pass): ${result.convertSeconds.toFixed(1)} s`);
  for (const s of result.shards) console.log(`shard ${s.name} (${s.keys.join(', ')}): ${s.urls.length} documents, build ${s.buildSeconds.toFixed(1)} s, index ${s.indexBytes} bytes`);
  console.log(`joined site: ${result.joinedDir}; search: ${result.searchPath}`);
  return 0;
}

if (import.meta.main) process.exitCode = await main();
