/**
 * The USB edition's figures for `npm run bench`: its size against the web
 * build (target: at most 1.4 times), the zip, what wrapping Pagefind's index
 * in base64 scripts costs, and a first search opened through file:// in a
 * fresh Chromium: how many scripts it loads and how many bytes.
 */
import { statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchBrowser } from '../build/chromium.ts';
import { usbZipOf } from '../build/pipeline.ts';
import { treeSize, type TreeSize } from '../build/tree.ts';

export interface UsbFirstSearch {
  query: string;
  results: number;
  seconds: number;
  /** Pagefind's classic bundle plus the asset scripts it inserted. */
  pagefindScripts: number;
  /** Bytes of those scripts on disk (base64 included). */
  pagefindBytes: number;
  /** What the asset scripts decoded to (Pagefind's own bytes). */
  pagefindDecodedBytes: number;
  /** The page itself: HTML, CSS, the search script, favicon. */
  pageFiles: number;
  pageBytes: number;
  error?: string;
}

export interface UsbFigures {
  web: TreeSize;
  usb: TreeSize;
  ratio: number;
  zipBytes: number | null;
  /** Pagefind's index files in the web build (what Pagefind fetches) and their scripts in the USB edition. */
  indexBytes: number;
  indexScriptBytes: number;
  firstSearch: UsbFirstSearch | null;
}

const isIndexFile = (file: string) => file.startsWith('pagefind/') && !/\.(m?js|css)$/.test(file);

export function usbSizes(distDir: string, usbDir: string): Omit<UsbFigures, 'firstSearch'> {
  const web = treeSize(distDir);
  const usb = treeSize(usbDir);
  let zipBytes: number | null = null;
  try {
    zipBytes = statSync(usbZipOf(usbDir)).size;
  } catch {
    /* no zip */
  }
  return {
    web,
    usb,
    ratio: usb.bytes / web.bytes,
    zipBytes,
    indexBytes: treeSize(distDir, isIndexFile).bytes,
    indexScriptBytes: treeSize(usbDir, (file) => file.startsWith('pagefind/') && file.endsWith('.js') && file !== 'pagefind/pagefind.js').bytes,
  };
}

export async function measureUsbFirstSearch(usbDir: string, query: string): Promise<UsbFirstSearch> {
  const measured: UsbFirstSearch = { query, results: 0, seconds: 0, pagefindScripts: 0, pagefindBytes: 0, pagefindDecodedBytes: 0, pageFiles: 0, pageBytes: 0 };
  const browser = await launchBrowser();
  const seen = new Set<string>();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('requestfinished', (request) => {
      const url = request.url();
      if (!url.startsWith('file:') || seen.has(url)) return;
      seen.add(url);
      const size = statSync(fileURLToPath(url.replace(/[?#].*$/s, ''))).size;
      if (url.includes('/pagefind/')) {
        measured.pagefindScripts += 1;
        measured.pagefindBytes += size;
      } else {
        measured.pageFiles += 1;
        measured.pageBytes += size;
      }
    });
    const started = Date.now();
    await page.goto(`${pathToFileURL(usbDir).href}/tim-kiem/index.html?q=${encodeURIComponent(query)}`, { waitUntil: 'load' });
    await page.locator('#search-results a[href]').first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    measured.seconds = (Date.now() - started) / 1000;
    measured.results = await page.locator('#search-results > li').count();
    const stats = await page.evaluate(() => (globalThis as { __archivePagefindUsb?: { stats: { bytes: number } } }).__archivePagefindUsb?.stats ?? null);
    measured.pagefindDecodedBytes = stats?.bytes ?? 0;
    await context.close();
  } catch (error) {
    measured.error = (error as Error).message.split('\n')[0];
  } finally {
    await browser.close();
  }
  return measured;
}
