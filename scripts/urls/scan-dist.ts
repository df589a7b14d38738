/**
 * What a built site really publishes, read from its HTML (not from the
 * converter's data): document pages with their citable fragment ids, alias
 * pages, and every other page. The register is accepted from this and checked
 * against it (docs/decisions/0501-citable-urls.md).
 *
 * Markers written by the site (src/pages/van-ban/[...path].astro, src/pages/[...alias].astro):
 *   <meta name="archive:document-id" content="<id>">   a document page
 *   <meta name="archive:alias-of" content="<id>">      an alias page
 *   <script type="application/json" id="trang:muc-da-doi">{"old":["new","notice"]}</script>
 * Citable fragments are the ids, inside `.doc__body`, of provisions
 * (`data-provision`), inline targets (`.target`), and the fixed blocks
 * `dau-van-ban` and `chu-thich` (docs/decisions/0002). Footnote back-links and
 * ids the site adds around the text are not citable.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Parser } from 'htmlparser2';

export interface ScannedDocument {
  id: string;
  url: string;
  /** Citable fragment ids, in document order. */
  fragments: string[];
  /** The page's fragment mapping: old id -> new id. */
  movedFragments: Map<string, string>;
}

export interface ScannedAlias {
  url: string;
  /** Id of the document it stands for. */
  target: string;
  /** The refresh target, resolved to a site path ("/van-ban/.../"), or null when missing. */
  refreshPath: string | null;
  canonical: string | null;
}

export interface DistScan {
  /** Document pages by URL path. */
  documents: Map<string, ScannedDocument>;
  /** Alias pages by URL path. */
  aliases: Map<string, ScannedAlias>;
  /** Every page path that is not an alias page (documents, listings, the home page...). */
  pages: Set<string>;
}

const FIXED_BLOCKS = new Set(['dau-van-ban', 'chu-thich']);
export const MOVED_FRAGMENTS_ID = 'trang:muc-da-doi';

export type ScannedPage =
  | { kind: 'document'; id: string; fragments: string[]; movedFragments: Map<string, string> }
  | { kind: 'alias'; target: string; refresh: string | null; canonical: string | null }
  | { kind: 'other' };

/**
 * A copy of a string read from a page that holds nothing of the page: V8 keeps a piece
 * of a long string as a slice of it, so a document id kept for the whole scan would
 * keep its whole page in memory (10,000 pages: 1.5 GB).
 */
function own(value: string | null): string | null {
  return value === null || value.length < 13 ? value : (JSON.parse(JSON.stringify(value)) as string);
}

/** Read one page's markers and citable ids. */
export function scanPage(html: string): ScannedPage {
  let documentId: string | null = null;
  let aliasOf: string | null = null;
  let refresh: string | null = null;
  let canonical: string | null = null;
  const fragments: string[] = [];
  let movedJson: string | null = null;
  let inMoved = false;
  // Depth of open elements; the depth at which .doc__body was opened (-1: not yet, -2: already closed).
  let depth = 0;
  let bodyDepth = -1;

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        depth++;
        if (name === 'meta') {
          if (attrs.name === 'archive:document-id') documentId = own(attrs.content ?? null);
          if (attrs.name === 'archive:alias-of') aliasOf = own(attrs.content ?? null);
          if ((attrs['http-equiv'] ?? '').toLowerCase() === 'refresh') {
            const m = /url\s*=\s*(.+)$/i.exec(attrs.content ?? '');
            refresh = m ? own(m[1]!.trim().replace(/^['"]|['"]$/g, '')) : null;
          }
        }
        if (name === 'link' && (attrs.rel ?? '').split(/\s+/).includes('canonical')) canonical = own(attrs.href ?? null);
        if (name === 'script' && attrs.id === MOVED_FRAGMENTS_ID) {
          inMoved = true;
          movedJson = '';
        }
        const classes = (attrs.class ?? '').split(/\s+/);
        if (bodyDepth === -1 && classes.includes('doc__body')) {
          bodyDepth = depth;
          return;
        }
        if (bodyDepth > 0 && attrs.id) {
          const id = attrs.id;
          if ('data-provision' in attrs || classes.includes('target') || FIXED_BLOCKS.has(id)) fragments.push(own(id)!);
        }
      },
      ontext(text) {
        if (inMoved) movedJson += text;
      },
      onclosetag(name) {
        if (name === 'script') inMoved = false;
        if (depth === bodyDepth) bodyDepth = -2; // the body is closed; nothing after it counts
        depth--;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();

  if (documentId) {
    const movedFragments = new Map<string, string>();
    if (movedJson) {
      const data = JSON.parse(movedJson) as Record<string, [string, string]>;
      for (const [from, value] of Object.entries(data)) movedFragments.set(from, value[0]);
    }
    return { kind: 'document', id: documentId, fragments, movedFragments };
  }
  if (aliasOf) return { kind: 'alias', target: aliasOf, refresh, canonical };
  return { kind: 'other' };
}

function* indexFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'pagefind' || entry.name === '_astro') continue;
      yield* indexFiles(full);
    } else if (entry.name === 'index.html') {
      yield full;
    }
  }
}

/** "/van-ban/a/2020/x/" + "../y/index.html" -> "/van-ban/a/2020/y/". */
export function resolveSitePath(fromPath: string, href: string): string | null {
  try {
    const url = new URL(href, `http://site.invalid${fromPath}`);
    if (url.host !== 'site.invalid') return null;
    return url.pathname.replace(/index\.html$/, '');
  } catch {
    return null;
  }
}

/** What every marked page holds (as bytes: pages without it are never decoded). */
const MARKER = Buffer.from('name="archive:');

export function scanDist(distDir: string): DistScan {
  const documents = new Map<string, ScannedDocument>();
  const aliases = new Map<string, ScannedAlias>();
  const pages = new Set<string>();
  for (const file of indexFiles(distDir)) {
    const rel = relative(distDir, file).split(sep).slice(0, -1).join('/');
    const url = rel === '' ? '/' : `/${rel}/`;
    // Only pages with a marker need parsing (and decoding); listings and the home page are just pages.
    const bytes = readFileSync(file);
    const page: ScannedPage = bytes.includes(MARKER) ? scanPage(bytes.toString('utf8')) : { kind: 'other' };
    if (page.kind === 'alias') {
      aliases.set(url, { url, target: page.target, refreshPath: page.refresh ? resolveSitePath(url, page.refresh) : null, canonical: page.canonical });
      continue;
    }
    pages.add(url);
    if (page.kind === 'document') documents.set(url, { id: page.id, url, fragments: page.fragments, movedFragments: page.movedFragments });
  }
  return { documents, aliases, pages };
}
