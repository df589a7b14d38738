/**
 * The permanence check: every line of the published-URL register must still
 * resolve in a build, directly or through content/aliases.yaml, and the
 * aliases themselves must be sound (docs/decisions/0501-citable-urls.md).
 * Pure: the caller scans the dist and reads the files.
 */
import { citedKeyOf } from '../lib/paths.ts';
import { aliasProblems, aliasSnippet, type Aliases } from './aliases.ts';
import { linesOf, type RegisterEntry } from './register.ts';
import type { DistScan, ScannedDocument } from './scan-dist.ts';

export interface LostFragment {
  /** The register line. */
  line: string;
  /** Id of the document the page resolves to now. */
  document: string;
  fragment: string;
}

export interface PermanenceResult {
  ok: boolean;
  /** Register lines checked. */
  checked: number;
  /** Lines that resolve through an alias page or a fragment alias. */
  viaAlias: number;
  /** Lost document URLs, each with how many registered fragments it carries. */
  lostPages: Array<{ url: string; fragments: number }>;
  lostFragments: LostFragment[];
  /** Problems with content/aliases.yaml or with the alias pages in the build. */
  aliasProblems: string[];
  /** Documents of the build whose URL is not in the register yet. */
  unregistered: ScannedDocument[];
}

/** The live site as the alias validation needs it. */
function liveSite(scan: DistScan) {
  const documents = new Map<string, { url: string; fragments: ReadonlySet<string> }>();
  for (const doc of scan.documents.values()) documents.set(doc.id, { url: doc.url, fragments: new Set(doc.fragments) });
  const pages = new Set([...scan.pages].filter((p) => !scan.documents.has(p)));
  return { documents, pages };
}

export function checkPermanence(entries: RegisterEntry[], scan: DistScan, aliases: Aliases): PermanenceResult {
  const live = liveSite(scan);
  const problems = aliasProblems(aliases, live);
  const byId = new Map<string, ScannedDocument>();
  for (const doc of scan.documents.values()) byId.set(doc.id, doc);

  // Every alias of the file must have its page in the build, pointing at its document.
  for (const a of aliases.documents) {
    const page = scan.aliases.get(a.url);
    const target = byId.get(a.document);
    if (!target) continue; // already reported as an unknown id
    if (!page) problems.push(`alias ${a.url} -> ${a.document}: the build wrote no alias page at this URL`);
    else if (page.target !== a.document) problems.push(`alias ${a.url}: the page in the build stands for "${page.target}", not "${a.document}"`);
    else if (page.refreshPath !== target.url) problems.push(`alias ${a.url}: the page's redirect leads to ${page.refreshPath ?? 'nowhere'}, not to ${target.url}`);
  }
  // Every cited-page alias must have its page in the build, leading to its new page.
  for (const c of aliases.cited) {
    const page = scan.aliases.get(c.url);
    if (!page) problems.push(`alias ${c.url} -> ${c.to}: the build wrote no alias page at this URL`);
    else if (page.refreshPath !== c.to) problems.push(`alias ${c.url}: the page's redirect leads to ${page.refreshPath ?? 'nowhere'}, not to ${c.to}`);
  }
  // Every fragment alias must be in its document's page mapping.
  for (const f of aliases.fragments) {
    const doc = byId.get(f.document);
    if (doc && doc.movedFragments.get(f.from) !== f.to) problems.push(`fragment alias ${f.document}#${f.from} -> ${f.to}: the document page carries no such mapping`);
  }

  const lostPages = new Map<string, number>();
  const lostFragments: LostFragment[] = [];
  let viaAlias = 0;
  for (const entry of entries) {
    let doc = scan.documents.get(entry.path);
    let aliased = false;
    if (!doc) {
      const alias = scan.aliases.get(entry.path);
      const target = alias ? byId.get(alias.target) : undefined;
      if (target) {
        doc = target;
        aliased = true;
      }
    }
    // A cited-document page (/tham-chieu/...) is published too, as a URL without
    // fragments: live, or moved to a live cited page by an alias page.
    if (!doc && entry.fragment === null && isCitedPage(entry.path)) {
      if (scan.pages.has(entry.path)) continue;
      const moved = scan.aliases.get(entry.path)?.refreshPath;
      if (moved && isCitedPage(moved) && scan.pages.has(moved)) {
        viaAlias++;
        continue;
      }
    }
    if (!doc) {
      lostPages.set(entry.path, (lostPages.get(entry.path) ?? 0) + (entry.fragment === null ? 0 : 1));
      continue;
    }
    if (entry.fragment !== null && !doc.fragments.includes(entry.fragment)) {
      const moved = doc.movedFragments.get(entry.fragment);
      if (moved !== undefined && doc.fragments.includes(moved)) aliased = true;
      else {
        lostFragments.push({ line: entry.line, document: doc.id, fragment: entry.fragment });
        continue;
      }
    }
    if (aliased) viaAlias++;
  }

  const registered = new Set(entries.filter((e) => e.fragment === null).map((e) => e.path));
  const unregistered = [...scan.documents.values()].filter((d) => !registered.has(d.url)).sort((a, b) => (a.url < b.url ? -1 : 1));
  return {
    ok: lostPages.size === 0 && lostFragments.length === 0 && problems.length === 0,
    checked: entries.length,
    viaAlias,
    lostPages: [...lostPages].map(([url, fragments]) => ({ url, fragments })).sort((a, b) => (a.url < b.url ? -1 : 1)),
    lostFragments,
    aliasProblems: problems,
    unregistered,
  };
}

/** The failure message: each lost URL and fragment, the likely new homes, and the YAML to add. */
export function formatFailure(result: PermanenceResult, files: { register: string; aliases: string }): string {
  const out: string[] = [];
  const lostCount = result.lostPages.length + result.lostFragments.length;
  if (lostCount > 0) {
    out.push(`URL permanence check FAILED: ${result.lostPages.length} published page URL(s) and ${result.lostFragments.length} published fragment(s) no longer resolve.`);
    out.push(`(Published URLs are listed in ${files.register}; once public, a URL must keep working.)`);
  }
  if (result.lostPages.length > 0) {
    out.push('', 'Lost document URLs:');
    for (const p of result.lostPages) out.push(`  ${p.url}${p.fragments > 0 ? `   (and its ${p.fragments} published fragment(s))` : ''}`);
  }
  if (result.lostFragments.length > 0) {
    out.push('', 'Lost fragments (the document exists, the provision id does not):');
    for (const f of result.lostFragments) out.push(`  ${f.line}   (document ${f.document} has no id "${f.fragment}")`);
  }
  if (result.lostPages.length > 0 && result.unregistered.length > 0) {
    out.push('', 'Documents of this build that are not in the register yet (a moved document is likely one of them):');
    for (const d of result.unregistered) out.push(`  ${d.url}   id ${d.id}`);
  }
  if (lostCount > 0) {
    out.push(
      '',
      `If the document or provision still exists under a new address, add an alias to ${files.aliases}:`,
      '',
      aliasSnippet(
        result.lostPages.map((p) => p.url),
        result.lostFragments.map((f) => ({ document: f.document, fragment: f.fragment })),
      )
        .split('\n')
        .map((l) => `    ${l}`)
        .join('\n'),
      '',
      'and build again: the old URL then gets a redirect page, and an old fragment is moved to the new one with a notice.',
      'Removing a line from the register is not the fix: someone may have cited it.',
    );
  }
  if (result.aliasProblems.length > 0) {
    out.push('', `${files.aliases}: ${result.aliasProblems.length} problem(s):`);
    for (const p of result.aliasProblems) out.push(`  - ${p}`);
  }
  return out.join('\n');
}

/** Pages of documents the archive cites (docs/decisions/0002, "Cited documents"). */
export function isCitedPage(path: string): boolean {
  return citedKeyOf(path) !== null;
}

/** Register lines for what the build publishes now (for urls:accept): documents with their fragments, and cited-document pages. */
export function publishedLines(scan: DistScan): string[] {
  const cited = [...scan.pages].filter(isCitedPage).map((url) => ({ url, fragments: [] as string[] }));
  return linesOf([...scan.documents.values(), ...cited]);
}
