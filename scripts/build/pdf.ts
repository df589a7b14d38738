/**
 * The optional "pdf" stage (npm run build -- --pdf, or ARCHIVE_PDF=1): each
 * document page printed by Chromium (print media, the site's print
 * stylesheet) to `<document path>/van-ban.pdf` in the built site, before the
 * USB edition is made (so the copy carries them too).
 *
 *   node scripts/build/pdf.ts --dist <built site> [--origin <public address>]
 *
 * Deterministic: pages are served from the folder under a fixed origin (the
 * public address when set, so the PDF's links work; else a placeholder), the
 * print line that would carry today's date and this machine's address is
 * left out, and the PDF's dates and table-cell ids are made fixed
 * (normalisePdf). Off by default:
 * it costs 0.2-0.7 s a document (docs/decisions/1403-take-it-away.md).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from './chromium.ts';
import { formatBytes } from './run-stage.ts';
import { contentType } from './static-server.ts';
import { fileIn, isFile } from './static-server.ts';

/** Name of each document's PDF, beside its index.html. */
export const PDF_NAME = 'van-ban.pdf';
/** The origin pages are served under when no public address is set (reserved: it never resolves). */
export const PLACEHOLDER_ORIGIN = 'https://luu-tru-nghi-quyet.invalid';
const FIXED_PDF_DATE = '20000101000000';

/**
 * What Chromium writes that changes from run to run, made fixed in place
 * (same lengths, so the cross-reference offsets stay right): the dates
 * /CreationDate and /ModDate, and the ids of tagged table cells
 * ("(node00079099)", from the browser's DOM node counter; /Headers refers to
 * them), renumbered in order of first appearance.
 */
export function normalisePdf(pdf: Buffer): Buffer {
  const ids = new Map<string, string>();
  const text = pdf
    .toString('latin1')
    .replace(/(\/(?:CreationDate|ModDate)\s*\(D:)\d{14}/g, `$1${FIXED_PDF_DATE}`)
    .replace(/\(node(\d+)\)/g, (_, digits: string) => {
      let id = ids.get(digits);
      if (id === undefined) {
        id = String(ids.size + 1).padStart(digits.length, '0');
        if (id.length !== digits.length) return `(node${digits})`; // cannot keep the length: left as it is
        ids.set(digits, id);
      }
      return `(node${id})`;
    });
  return Buffer.from(text, 'latin1');
}

/** A site path's file in the folder, or null (outside it or missing): the static server's resolution. */
function fileOf(dist: string, pathname: string): string | null {
  const file = fileIn(dist, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
  return file !== null && isFile(file) ? file : null;
}

export async function printDocuments(distDir: string, origin: string): Promise<{ count: number; bytes: number; seconds: number }> {
  const dist = resolve(distDir);
  const base = new URL(origin).origin;
  const docs = JSON.parse(readFileSync(join(dist, 'data', 'documents.json'), 'utf8')) as Array<{ url: string }>;
  const browser = await launchBrowser();
  const started = performance.now();
  let bytes = 0;
  try {
    const context = await browser.newContext({ locale: 'vi-VN' });
    // Every request answered from the folder; nothing leaves the machine.
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      const file = url.origin === base ? fileOf(dist, url.pathname) : null;
      if (file === null) return route.fulfill({ status: 404, body: '' });
      return route.fulfill({ status: 200, body: readFileSync(file), headers: { 'Content-Type': contentType(file) } });
    });
    const page = await context.newPage();
    for (const doc of docs) {
      await page.goto(new URL(doc.url, base).href, { waitUntil: 'load' });
      await page.evaluate(async () => {
        await document.fonts.ready;
        // The print line says when and from where a reader printed; a build has neither (print.js).
        document.getElementById('trang:dong-in')?.remove();
      });
      const pdf = normalisePdf(await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true, tagged: true, outline: true }));
      writeFileSync(join(dist, ...doc.url.split('/').filter(Boolean), PDF_NAME), pdf);
      bytes += pdf.length;
    }
  } finally {
    await browser.close();
  }
  return { count: docs.length, bytes, seconds: (performance.now() - started) / 1000 };
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { dist: { type: 'string' }, origin: { type: 'string' } }, strict: true });
  if (!values.dist) {
    console.error('usage: node scripts/build/pdf.ts --dist <built site> [--origin <public address>]');
    return 2;
  }
  const result = await printDocuments(values.dist, values.origin || PLACEHOLDER_ORIGIN);
  console.log(`pdf: ${result.count} documents, ${formatBytes(result.bytes)}, ${result.seconds.toFixed(1)} s (${(result.seconds / Math.max(1, result.count)).toFixed(2)} s a document)`);
  return 0;
}

if (import.meta.main) process.exitCode = await main();
