/**
 * The judged query set (tests/fixtures/search-judged.yaml): reading it,
 * checking its shape, and checking it against an archive (every judged URL a
 * published document, every provision an id on that document's page).
 * docs/decisions/1102-judged-search-benchmark.md.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export const QUERY_KINDS = ['unmarked', 'marked', 'symbol', 'place', 'programme', 'none'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

/** 3 = about this; 2 = a substantial part is about it; 1 = mentions it usefully; 0 = not relevant (the default). */
export type Grade = 0 | 1 | 2 | 3;

export interface JudgedQuery {
  /** Exactly as a reader types it. */
  q: string;
  kind: QueryKind;
  /** What a reader who types it wants. */
  why: string;
  /** Document URL path (site.json "url") -> grade. Empty for kind "none". */
  relevant: Record<string, Grade>;
  /** The provision that answers it (`<document url>#<id>`), when one does. */
  provision?: string;
}

export const DEFAULT_JUDGED_FILE = 'tests/fixtures/search-judged.yaml';

const URL_RE = /^\/van-ban\/[a-z0-9-]+\/\d{4}\/[a-z0-9-]+\/$/;

/** Shape problems of the parsed yaml, one line each, naming the query. Empty when valid. */
export function shapeProblems(data: unknown): string[] {
  const problems: string[] = [];
  const queries = (data as { queries?: unknown } | null)?.queries;
  if (!Array.isArray(queries)) return ['top level: expected `queries:` with a list'];
  const seen = new Set<string>();
  queries.forEach((raw: unknown, i) => {
    const e = (raw ?? {}) as Record<string, unknown>;
    const at = `query ${i + 1}${typeof e.q === 'string' ? ` "${e.q}"` : ''}`;
    for (const key of Object.keys(e)) if (!['q', 'kind', 'why', 'relevant', 'provision'].includes(key)) problems.push(`${at}: unknown key "${key}"`);
    if (typeof e.q !== 'string' || e.q.trim() === '') problems.push(`${at}: q must be a non-empty string`);
    else if (seen.has(e.q)) problems.push(`${at}: judged twice`);
    else seen.add(e.q);
    if (!QUERY_KINDS.includes(e.kind as QueryKind)) problems.push(`${at}: kind must be one of ${QUERY_KINDS.join(' | ')}, not ${JSON.stringify(e.kind)}`);
    if (typeof e.why !== 'string' || e.why.trim() === '') problems.push(`${at}: why must say what a reader wants`);
    const rel = e.relevant;
    if (rel === null || typeof rel !== 'object' || Array.isArray(rel)) {
      problems.push(`${at}: relevant must be a map url -> grade ({} when none)`);
      return;
    }
    const entries = Object.entries(rel as Record<string, unknown>);
    for (const [url, g] of entries) {
      if (!URL_RE.test(url)) problems.push(`${at}: "${url}" is not a document URL (/van-ban/<issuer>/<year>/<key>/)`);
      if (!Number.isInteger(g) || (g as number) < 0 || (g as number) > 3) problems.push(`${at}: grade of ${url} must be 0, 1, 2 or 3, not ${JSON.stringify(g)}`);
    }
    const positive = entries.filter(([, g]) => typeof g === 'number' && g >= 1);
    if (e.kind === 'none' && positive.length > 0) problems.push(`${at}: kind none, but ${positive.length} document(s) graded ≥ 1`);
    // Reciprocal rank looks for grade ≥ 2: an answerable query needs one such document.
    if (e.kind !== 'none' && !positive.some(([, g]) => (g as number) >= 2)) problems.push(`${at}: answerable, but no document graded 2 or 3`);
    if (e.provision !== undefined) {
      const p = e.provision;
      const doc = typeof p === 'string' ? p.split('#')[0] : undefined;
      if (typeof p !== 'string' || !/#.+/.test(p)) problems.push(`${at}: provision must be <document url>#<id>`);
      else if (!positive.some(([url]) => url === doc)) problems.push(`${at}: provision ${p} is not in a document judged relevant`);
    }
  });
  return problems;
}

/** Read and check the judged set; throws with every shape problem listed. */
export function loadJudged(file: string = DEFAULT_JUDGED_FILE): JudgedQuery[] {
  const data: unknown = parse(readFileSync(file, 'utf8'));
  const problems = shapeProblems(data);
  if (problems.length > 0) throw new Error(`${file}:\n  ${problems.join('\n  ')}`);
  return (data as { queries: JudgedQuery[] }).queries.map((e) => ({ ...e, relevant: { ...e.relevant } }));
}

/** What an archive offers to judge against: each published document's URL and its provision ids. */
export type ArchiveIndex = ReadonlyMap<string, ReadonlySet<string>>;

/** Problems of the judged set against an archive: unknown documents or provision ids. */
export function archiveProblems(judged: readonly JudgedQuery[], archive: ArchiveIndex): string[] {
  const problems: string[] = [];
  for (const j of judged) {
    for (const url of Object.keys(j.relevant)) if (!archive.has(url)) problems.push(`"${j.q}": ${url} is not a published document`);
    if (j.provision !== undefined) {
      const [doc = '', id = ''] = j.provision.split('#');
      if (archive.has(doc) && !archive.get(doc)?.has(id)) problems.push(`"${j.q}": ${doc} has no provision #${id}`);
    }
  }
  return problems;
}

/**
 * The archive index from converted output: data/site.json (urls) and each
 * document's MDX (the `id="…"` anchors a provision link can point to).
 */
export function archiveIndexFromFiles(files: ReadonlyMap<string, string>): ArchiveIndex {
  const site = JSON.parse(files.get('data/site.json') ?? '[]') as Array<{ id: string; url: string }>;
  const index = new Map<string, Set<string>>();
  for (const d of site) {
    const mdx = files.get(`documents/${d.id}.mdx`) ?? '';
    index.set(d.url, new Set([...mdx.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] ?? '')));
  }
  return index;
}
