/**
 * Page weight of document pages (issue 12): a page's HTML should weigh at
 * most 1.3x the text a reader sees in it.
 *
 *   ratio = UTF-8 bytes of the HTML file / UTF-8 bytes of its visible text
 *
 * Visible text: the text of <body>, without <script>, <style>, <template>
 * and elements with the `hidden` attribute (and everything inside them),
 * without attribute values; every run of whitespace counts as one space and
 * the ends are trimmed. Entities count as the character they stand for.
 *
 * CLI: node scripts/build/page-weight.ts --dist <dir> [--json]
 * prints median, p90 and max ratio over the document pages
 * van-ban/<issuer>/<year>/<number>/index.html of <dir>, and the worst five.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';

export interface PageWeight {
  htmlBytes: number;
  textBytes: number;
  ratio: number;
}

const SKIPPED = new Set(['script', 'style', 'template']);
const VOID = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);

export function visibleText(html: string): string {
  const parts: string[] = [];
  let inBody = false;
  // Depth of the element that started a skipped subtree (script, hidden...), 0 when none.
  let depth = 0;
  let skipFrom = 0;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'body') inBody = true;
        if (VOID.has(name)) return;
        depth++;
        if (skipFrom === 0 && (SKIPPED.has(name) || 'hidden' in attrs)) skipFrom = depth;
      },
      onclosetag(name) {
        if (VOID.has(name)) return;
        if (skipFrom === depth) skipFrom = 0;
        depth--;
        if (name === 'body') inBody = false;
      },
      ontext(text) {
        if (inBody && skipFrom === 0) parts.push(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return parts.join('').replace(/\s+/g, ' ').trim();
}

export function pageWeight(html: string): PageWeight {
  const htmlBytes = Buffer.byteLength(html, 'utf8');
  const textBytes = Buffer.byteLength(visibleText(html), 'utf8');
  return { htmlBytes, textBytes, ratio: textBytes === 0 ? Infinity : htmlBytes / textBytes };
}

/** Document pages of a built site: van-ban/<issuer>/<year>/<number>/index.html, sorted. */
export function documentPages(dist: string): string[] {
  const root = join(dist, 'van-ban');
  const out: string[] = [];
  const dirs = (p: string) =>
    readdirSync(p, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  for (const issuer of dirs(root))
    for (const year of dirs(join(root, issuer)))
      for (const number of dirs(join(root, issuer, year))) {
        const file = join(root, issuer, year, number, 'index.html');
        try {
          if (statSync(file).isFile()) out.push(`van-ban/${issuer}/${year}/${number}/index.html`);
        } catch {
          // a folder without a page (should not happen)
        }
      }
  return out;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

export interface DistWeight {
  pages: number;
  median: number;
  p90: number;
  max: number;
  worst: Array<{ page: string } & PageWeight>;
}

export function distWeight(dist: string, worst = 5, pages: string[] = documentPages(dist)): DistWeight {
  const rows = pages.map((page) => ({ page, ...pageWeight(readFileSync(join(dist, page), 'utf8')) }));
  const ratios = rows.map((r) => r.ratio).sort((a, b) => a - b);
  const byRatio = [...rows].sort((a, b) => b.ratio - a.ratio || (a.page < b.page ? -1 : 1));
  return {
    pages: rows.length,
    median: quantile(ratios, 0.5),
    p90: quantile(ratios, 0.9),
    max: ratios.length ? ratios[ratios.length - 1]! : NaN,
    worst: byRatio.slice(0, worst),
  };
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--dist');
  const dist = at >= 0 ? args[at + 1] : undefined;
  if (!dist) {
    console.error('usage: node scripts/build/page-weight.ts --dist <dir> [--json]');
    process.exit(2);
  }
  const w = distWeight(dist);
  if (args.includes('--json')) {
    console.log(JSON.stringify(w, null, 2));
  } else {
    const f = (x: number) => x.toFixed(3);
    console.log(`document pages: ${w.pages}`);
    console.log(`ratio HTML/text: median ${f(w.median)}  p90 ${f(w.p90)}  max ${f(w.max)}`);
    console.log('worst:');
    for (const r of w.worst) console.log(`  ${f(r.ratio)}  ${r.htmlBytes} / ${r.textBytes}  ${r.page}`);
  }
}
