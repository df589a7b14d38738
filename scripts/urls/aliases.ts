/**
 * content/aliases.yaml: old addresses that must keep working after a
 * document's identity changed or a provision was renumbered
 * (docs/decisions/0501-citable-urls.md).
 *
 *   documents:                      # an old document URL -> the document it now is
 *     - url: /van-ban/thanh-uy-ha-long/2020/nq-chua-ro-so-1/
 *       document: thanh-uy-ha-long-2020-12-nq-tu
 *       note: số 12-NQ/TU xác định theo bản gốc (optional)
 *   fragments:                      # an old fragment of a document -> its new fragment
 *     - document: thanh-uy-ha-long-2020-12-nq-tu
 *       from: II.7.3
 *       to: II.8
 *       note: sửa lỗi OCR "7.3." thành "8." (optional)
 *   cited:                          # an old cited-document page -> its page now
 *     - url: /tham-chieu/hdnd-tinh-quang-ninh/204-nq-hdnd/
 *       to: /tham-chieu/hdnd-tinh-quang-ninh/204-nq-hdnd-2024/
 *       note: ngày ban hành nay đọc được (optional)
 *
 * Read by the site (alias pages, the fragment mapping on document pages) and
 * by the permanence check; validated strictly, every problem listed at once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CITED_PATH, DOCUMENT_PATH, FRAGMENT_ID } from '../lib/paths.ts';

export interface DocumentAlias {
  /** Old public path of the document, "/van-ban/<issuer>/<year>/<key>/". */
  url: string;
  /** Permanent id of the document it now is. */
  document: string;
  note?: string;
}

export interface FragmentAlias {
  /** Permanent id of the document (its current id). */
  document: string;
  /** Old fragment id, no "#". */
  from: string;
  /** Fragment id it now has. */
  to: string;
  note?: string;
}

/** An old cited-document page (/tham-chieu/...) -> the page it now is (its key changed). */
export interface CitedAlias {
  url: string;
  to: string;
  note?: string;
}

export interface Aliases {
  documents: DocumentAlias[];
  fragments: FragmentAlias[];
  cited: CitedAlias[];
}

export const ALIASES_FILE = 'aliases.yaml';

export const EMPTY_ALIASES: Aliases = { documents: [], fragments: [], cited: [] };

export class AliasesError extends Error {
  readonly problems: string[];
  constructor(file: string, problems: string[]) {
    super(`${file}: ${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`);
    this.name = 'AliasesError';
    this.problems = problems;
  }
}

const DOCUMENT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const DOCUMENT_FIELDS = new Set(['url', 'document', 'note']);
const FRAGMENT_FIELDS = new Set(['document', 'from', 'to', 'note']);
const CITED_FIELDS = new Set(['url', 'to', 'note']);

/** Parse and check the file's shape (no knowledge of the build needed). */
export function parseAliases(text: string, file: string): Aliases {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new AliasesError(file, [`not valid YAML: ${(error as Error).message}`]);
  }
  if (data === null || data === undefined) return { documents: [], fragments: [], cited: [] };
  if (typeof data !== 'object' || Array.isArray(data)) throw new AliasesError(file, ['expected a mapping with "documents:", "fragments:" and/or "cited:" lists']);
  const problems: string[] = [];
  const root = data as Record<string, unknown>;
  for (const key of Object.keys(root)) if (key !== 'documents' && key !== 'fragments' && key !== 'cited') problems.push(`unknown top-level key "${key}" (allowed: documents, fragments, cited)`);
  const list = (key: string): unknown[] => {
    const value = root[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      problems.push(`"${key}" must be a list`);
      return [];
    }
    return value;
  };

  const documents: DocumentAlias[] = [];
  list('documents').forEach((raw, i) => {
    const where = `documents[${i}]`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return void problems.push(`${where}: expected a mapping with url and document`);
    const r = raw as Record<string, unknown>;
    for (const k of Object.keys(r)) if (!DOCUMENT_FIELDS.has(k)) problems.push(`${where}: unknown field "${k}" (allowed: url, document, note)`);
    const { url, document, note } = r;
    let ok = true;
    if (typeof url !== 'string' || !DOCUMENT_PATH.test(url)) {
      problems.push(`${where}: "url" must be an old document path such as /van-ban/tinh-uy-quang-ninh/2021/nq-chua-ro-so-2/ (no host, no #fragment, with the trailing slash), got ${JSON.stringify(url)}`);
      ok = false;
    }
    if (typeof document !== 'string' || !DOCUMENT_ID.test(document)) {
      problems.push(`${where}: "document" must be a document id such as tinh-uy-quang-ninh-2021-05-nq-tu, got ${JSON.stringify(document)}`);
      ok = false;
    }
    if (note !== undefined && typeof note !== 'string') problems.push(`${where}: "note" must be text`);
    if (ok) documents.push({ url: url as string, document: document as string, ...(typeof note === 'string' ? { note } : {}) });
  });

  const fragments: FragmentAlias[] = [];
  list('fragments').forEach((raw, i) => {
    const where = `fragments[${i}]`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return void problems.push(`${where}: expected a mapping with document, from and to`);
    const r = raw as Record<string, unknown>;
    for (const k of Object.keys(r)) if (!FRAGMENT_FIELDS.has(k)) problems.push(`${where}: unknown field "${k}" (allowed: document, from, to, note)`);
    const { document, from, to, note } = r;
    let ok = true;
    if (typeof document !== 'string' || !DOCUMENT_ID.test(document)) {
      problems.push(`${where}: "document" must be a document id, got ${JSON.stringify(document)}`);
      ok = false;
    }
    for (const [name, value] of [['from', from], ['to', to]] as const) {
      // YAML reads "2" or "1.2" as numbers; ids are text.
      if (typeof value !== 'string' || !FRAGMENT_ID.test(value)) {
        problems.push(`${where}: "${name}" must be a fragment id without "#", such as II.3 or dieu-1.2 (quote it if YAML reads it as a number), got ${JSON.stringify(value)}`);
        ok = false;
      }
    }
    if (note !== undefined && typeof note !== 'string') problems.push(`${where}: "note" must be text`);
    if (ok) fragments.push({ document: document as string, from: from as string, to: to as string, ...(typeof note === 'string' ? { note } : {}) });
  });

  const cited: CitedAlias[] = [];
  list('cited').forEach((raw, i) => {
    const where = `cited[${i}]`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return void problems.push(`${where}: expected a mapping with url and to`);
    const r = raw as Record<string, unknown>;
    for (const k of Object.keys(r)) if (!CITED_FIELDS.has(k)) problems.push(`${where}: unknown field "${k}" (allowed: url, to, note)`);
    const { url, to, note } = r;
    let ok = true;
    for (const [name, value] of [['url', url], ['to', to]] as const) {
      if (typeof value !== 'string' || !CITED_PATH.test(value)) {
        problems.push(`${where}: "${name}" must be a cited-document path such as /tham-chieu/tinh-uy-quang-ninh/06-nq-tu-2021/, got ${JSON.stringify(value)}`);
        ok = false;
      }
    }
    if (note !== undefined && typeof note !== 'string') problems.push(`${where}: "note" must be text`);
    if (ok) cited.push({ url: url as string, to: to as string, ...(typeof note === 'string' ? { note } : {}) });
  });

  if (problems.length > 0) throw new AliasesError(file, problems);
  return { documents, fragments, cited };
}

/** What the build publishes, as far as the caller knows it. */
export interface LiveSite {
  /** Document id -> its URL and (when known) its citable fragment ids. */
  documents: Map<string, { url: string; fragments?: ReadonlySet<string> }>;
  /** Every page path in the build that is not an alias page (when known). */
  pages?: ReadonlySet<string>;
}

/** Problems of the aliases against the build: unknown ids, self-aliases, live URLs, chains. */
export function aliasProblems(aliases: Aliases, live: LiveSite): string[] {
  const problems: string[] = [];
  const liveUrls = new Map<string, string>();
  for (const [id, doc] of live.documents) liveUrls.set(doc.url, id);
  const known = (id: string) => live.documents.has(id);
  const hint = () => {
    const ids = [...live.documents.keys()].sort();
    return ids.length <= 12 ? ` (documents of this build: ${ids.join(', ')})` : '';
  };

  const seenUrls = new Set<string>();
  aliases.documents.forEach((a, i) => {
    const where = `documents[${i}] (${a.url})`;
    if (seenUrls.has(a.url)) problems.push(`${where}: the same old URL is listed twice`);
    seenUrls.add(a.url);
    const target = live.documents.get(a.document);
    if (!target) problems.push(`${where}: unknown document id "${a.document}"${hint()}`);
    const liveId = liveUrls.get(a.url);
    if (target && target.url === a.url) problems.push(`${where}: aliases document "${a.document}" to its own URL; remove the entry`);
    else if (liveId !== undefined) problems.push(`${where}: this URL is the live URL of document "${liveId}"; an alias cannot take a live document's address`);
    else if (live.pages?.has(a.url)) problems.push(`${where}: a page of this build already lives at this URL; an alias cannot replace it`);
  });

  const seenFragments = new Set<string>();
  const froms = new Set(aliases.fragments.map((f) => `${f.document}#${f.from}`));
  aliases.fragments.forEach((f, i) => {
    const where = `fragments[${i}] (${f.document}#${f.from})`;
    const key = `${f.document}#${f.from}`;
    if (seenFragments.has(key)) problems.push(`${where}: the same old fragment is listed twice`);
    seenFragments.add(key);
    if (f.from === f.to) problems.push(`${where}: "from" and "to" are the same fragment`);
    if (!known(f.document)) {
      problems.push(`${where}: unknown document id "${f.document}"${hint()}`);
      return;
    }
    if (froms.has(`${f.document}#${f.to}`)) problems.push(`${where}: "to" (${f.to}) is itself an old fragment; point straight at the current fragment`);
    const fragments = live.documents.get(f.document)?.fragments;
    if (fragments) {
      if (!fragments.has(f.to)) problems.push(`${where}: the document has no fragment "${f.to}" to point to`);
      if (fragments.has(f.from)) problems.push(`${where}: "${f.from}" is still a live fragment of the document, so browsers would land there and never use the alias`);
    }
  });

  const citedFroms = new Set(aliases.cited.map((c) => c.url));
  const seenCited = new Set<string>();
  aliases.cited.forEach((c, i) => {
    const where = `cited[${i}] (${c.url})`;
    if (seenCited.has(c.url)) problems.push(`${where}: the same old URL is listed twice`);
    seenCited.add(c.url);
    if (c.url === c.to) problems.push(`${where}: "url" and "to" are the same page`);
    if (citedFroms.has(c.to)) problems.push(`${where}: "to" (${c.to}) is itself an old page; point straight at the current one`);
    if (live.pages) {
      if (live.pages.has(c.url)) problems.push(`${where}: a page of this build already lives at this URL; an alias cannot replace it`);
      if (!live.pages.has(c.to)) problems.push(`${where}: the build has no page at "to" (${c.to})`);
    }
  });
  return problems;
}

/** Read <contentDir>/aliases.yaml; no file means no aliases. */
export function readAliases(contentDir: string): { aliases: Aliases; file: string } {
  const file = join(contentDir, ALIASES_FILE);
  if (!existsSync(file)) return { aliases: { documents: [], fragments: [], cited: [] }, file };
  return { aliases: parseAliases(readFileSync(file, 'utf8'), file), file };
}

/**
 * Relative link from one directory URL to another ("/a/b/c/x/" -> "/a/b/d/y/"
 * gives "../../d/y/"), so alias pages work under any host, any base path and
 * from file://.
 */
export function relativeUrl(fromDir: string, toDir: string): string {
  const from = fromDir.split('/').filter(Boolean);
  const to = toDir.split('/').filter(Boolean);
  let common = 0;
  while (common < from.length && common < to.length && from[common] === to[common]) common++;
  const up = from.length - common;
  const rest = to.slice(common);
  const path = [...Array<string>(up).fill('..'), ...rest].join('/');
  return path === '' ? './' : `${path}/`;
}

/** The YAML an editor adds for lost URLs (used in the failure message). */
export function aliasSnippet(lostPages: string[], lostFragments: Array<{ document: string; fragment: string }>): string {
  const lines: string[] = [];
  const documents = lostPages.filter((url) => !CITED_PATH.test(url));
  const cited = lostPages.filter((url) => CITED_PATH.test(url));
  if (documents.length > 0) {
    lines.push('documents:');
    for (const url of documents) {
      lines.push(`  - url: ${url}`, '    document: <id of the document it now is>', '    note: <why the address changed>');
    }
  }
  if (cited.length > 0) {
    lines.push('cited:');
    for (const url of cited) {
      lines.push(`  - url: ${url}`, '    to: <the /tham-chieu/ page it now is>', '    note: <why the address changed>');
    }
  }
  if (lostFragments.length > 0) {
    lines.push('fragments:');
    for (const f of lostFragments) {
      lines.push(`  - document: ${f.document}`, `    from: "${f.fragment}"`, '    to: "<the fragment id it now has>"', '    note: <why it was renumbered>');
    }
  }
  return lines.join('\n');
}
