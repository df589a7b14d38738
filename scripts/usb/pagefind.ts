/**
 * Pagefind for the USB edition (issue 7, docs/decisions/0701-usb-edition.md):
 *
 * 1. Pagefind's own `pagefind.js` (an ES module) bundled by esbuild into a
 *    classic script at the same path, exposing `globalThis.__archivePagefind`
 *    and the result-URL mapping `globalThis.__archiveResultHref` (the two
 *    hooks of src/scripts/pagefind-loader.ts),
 *    with `import.meta.url` replaced by the script's own URL, `fetch` by the
 *    asset loader and `Worker` by undefined (scripts/usb/runtime/inject.ts).
 * 2. Every file Pagefind fetches (pagefind-entry.json, the .pf_meta, the wasm,
 *    index chunks, fragments, filters) wrapped as a small classic script that
 *    registers its bytes, in base64, in a global table: `<file>.js` beside it.
 *
 * Pagefind's UI bundles and its worker are left out (the site uses the JS API
 * and the worker is off); the raw asset files too (only their scripts load).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { PAGEFIND_GLOBAL, RESULT_HREF_GLOBAL } from './html.ts';
import { ASSET_SCRIPT_SUFFIX, assetScript } from './runtime/assets.ts';

const RUNTIME = join(dirname(fileURLToPath(import.meta.url)), 'runtime');

/** Files of Pagefind's folder that are code or styles, not data it fetches. */
export function isPagefindCode(name: string): boolean {
  return /\.(m?js|css)$/.test(name);
}

export interface PagefindUsbResult {
  /** Relative paths written (inside the USB folder), sorted. */
  written: string[];
  /** Bytes of the assets as Pagefind wrote them, and of their scripts. */
  assetBytes: number;
  assetScriptBytes: number;
  bundleBytes: number;
}

/** The classic bundle's code, for a site whose Pagefind module is at `<siteDir>/pagefind/pagefind.js`. */
export async function buildPagefindBundle(siteDir: string): Promise<string> {
  const module = join(siteDir, 'pagefind', 'pagefind.js');
  const entry = [
    `import * as pagefind from ${JSON.stringify(module)};`,
    `import { resultHrefIn, usbPagefind } from ${JSON.stringify(join(RUNTIME, 'pagefind-api.ts'))};`,
    `import { pagefindBase, loadStats } from ${JSON.stringify(join(RUNTIME, 'inject.ts'))};`,
    `globalThis.${PAGEFIND_GLOBAL} = usbPagefind(pagefind);`,
    `globalThis.${RESULT_HREF_GLOBAL} = resultHrefIn(new URL("../", pagefindBase).href);`,
    `globalThis.${PAGEFIND_GLOBAL}Usb = { base: pagefindBase, stats: loadStats };`,
  ].join('\n');
  const result = await esbuild.build({
    stdin: { contents: entry, resolveDir: RUNTIME, sourcefile: 'pagefind-usb-entry.js', loader: 'js' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    write: false,
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
    inject: [join(RUNTIME, 'inject.ts')],
    define: {
      'import.meta.url': '__archivePagefindScriptUrl',
      fetch: '__archivePagefindFetch',
      Worker: 'undefined',
    },
  });
  const code = result.outputFiles[0]?.text;
  if (!code) throw new Error('esbuild wrote no Pagefind bundle');
  if (/\bimport\.meta\b/.test(code)) throw new Error('the Pagefind bundle still uses import.meta');
  if (/new Worker\(/.test(code)) throw new Error('the Pagefind bundle can still start a Worker');
  return code;
}

/**
 * Write Pagefind's USB form: the classic bundle at `pagefind/pagefind.js` and
 * one script per asset. `files` are the site's files (relative paths).
 */
export async function writePagefindUsb(siteDir: string, outDir: string, files: readonly string[]): Promise<PagefindUsbResult> {
  const written: string[] = [];
  const write = (rel: string, data: string) => {
    const target = join(outDir, rel);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, data);
    written.push(rel);
  };
  const bundle = await buildPagefindBundle(siteDir);
  write('pagefind/pagefind.js', bundle);
  let assetBytes = 0;
  let assetScriptBytes = 0;
  for (const file of files) {
    if (!file.startsWith('pagefind/')) continue;
    const name = file.slice('pagefind/'.length);
    if (isPagefindCode(name)) continue;
    const bytes = readFileSync(join(siteDir, file));
    const script = assetScript(name, bytes.toString('base64'));
    write(`${file}${ASSET_SCRIPT_SUFFIX}`, script);
    assetBytes += bytes.length;
    assetScriptBytes += Buffer.byteLength(script);
  }
  return { written: written.sort(), assetBytes, assetScriptBytes, bundleBytes: Buffer.byteLength(bundle) };
}
