/**
 * What a reader's first search costs: open the search page with `?q=` in a
 * fresh Chromium (empty cache), wait for results, and add up every response
 * body, split into Pagefind's own files (by kind: script, wasm, metadata,
 * index chunks, fragments, filters) and the rest of the page. Also the
 * Pagefind index on disk, by kind (docs/decisions/0601-search-vietnamese.md).
 *
 * The bench measures an everyday query and one with an accent-free d
 * ("dang bo": the query expansion also searches "đang", which loads the
 * index chunks of words with đ).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './chromium.ts';
import { startStaticServer } from './static-server.ts';

/** The queries `npm run bench` measures: an everyday one, and one whose d must also be searched as đ. */
export const BENCH_QUERIES = ['nông thôn', 'dang bo'] as const;

export interface FirstSearch {
  query: string;
  results: number;
  pagefindRequests: number;
  pagefindBytes: number;
  /** Pagefind's bytes by kind: js, wasm, entry+meta, index, fragment, filter. */
  pagefindByKind: Record<string, number>;
  pageRequests: number;
  pageBytes: number;
  seconds: number;
  error?: string;
}

/** The kind of a file in Pagefind's bundle folder (path relative to it). */
export function pagefindKind(rel: string): string {
  if (rel.startsWith('index/')) return 'index';
  if (rel.startsWith('fragment/')) return 'fragment';
  if (rel.startsWith('filter/')) return 'filter';
  if (rel.endsWith('.pf_meta') || rel === 'pagefind-entry.json') return 'meta';
  if (rel.startsWith('wasm.')) return 'wasm';
  if (rel.endsWith('.js')) return 'js';
  return 'other';
}

export interface IndexSize {
  /** Bytes by kind, and the number of files of the kinds that grow with the archive. */
  bytes: Record<string, number>;
  files: Record<string, number>;
}

/** The Pagefind bundle in a built site, by kind (UI files that the site does not load count as "ui"). */
export function pagefindIndexSize(distDir: string): IndexSize {
  const root = join(distDir, 'pagefind');
  const out: IndexSize = { bytes: {}, files: {} };
  const walk = (dir: string, rel: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const r = rel ? `${rel}/${name}` : name;
      if (statSync(path).isDirectory()) walk(path, r);
      else {
        const kind = /pagefind-(ui|modular-ui|component-ui|highlight)\./.test(name) ? 'ui' : pagefindKind(r);
        out.bytes[kind] = (out.bytes[kind] ?? 0) + statSync(path).size;
        out.files[kind] = (out.files[kind] ?? 0) + 1;
      }
    }
  };
  walk(root, '');
  return out;
}

export async function measureFirstSearch(distDir: string, query: string, searchPath = '/tim-kiem/'): Promise<FirstSearch> {
  const server = await startStaticServer(distDir);
  const browser = await launchBrowser();
  const measured: FirstSearch = { query, results: 0, pagefindRequests: 0, pagefindBytes: 0, pagefindByKind: {}, pageRequests: 0, pageBytes: 0, seconds: 0 };
  const pending: Promise<void>[] = [];
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('response', (response) => {
      pending.push(
        response
          .body()
          .then((body) => {
            const path = new URL(response.url()).pathname;
            if (path.startsWith('/pagefind/')) {
              const kind = pagefindKind(path.slice('/pagefind/'.length));
              measured.pagefindRequests += 1;
              measured.pagefindBytes += body.length;
              measured.pagefindByKind[kind] = (measured.pagefindByKind[kind] ?? 0) + body.length;
            } else {
              measured.pageRequests += 1;
              measured.pageBytes += body.length;
            }
          })
          .catch(() => undefined),
      );
    });
    const started = Date.now();
    await page.goto(`${server.url}${searchPath}?q=${encodeURIComponent(query)}`, { waitUntil: 'load' });
    const links = page.locator('#search-results a[href]');
    await links.first().waitFor({ state: 'visible', timeout: 30_000 });
    // Let the last fragment requests of the first page of results finish.
    await page.waitForLoadState('networkidle');
    measured.seconds = (Date.now() - started) / 1000;
    measured.results = await page.locator('#search-results > li').count();
    await Promise.all(pending);
    await context.close();
  } catch (error) {
    measured.error = (error as Error).message.split('\n')[0];
  } finally {
    await browser.close();
    await server.close();
  }
  return measured;
}

/** Kinds in a fixed order, for reports: "js 53.4 KB, wasm 54.1 KB, ...". */
export function byKindText(byKind: Record<string, number>, format: (bytes: number) => string): string {
  const order = ['js', 'wasm', 'meta', 'index', 'fragment', 'filter', 'ui', 'other'];
  return order.filter((k) => byKind[k]).map((k) => `${k} ${format(byKind[k]!)}`).join(', ');
}
