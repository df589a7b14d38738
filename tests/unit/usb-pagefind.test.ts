/**
 * Pagefind in the USB edition without a browser: a stand-in for Pagefind's
 * module (it uses import.meta.url, fetch and Worker as the real one does) is
 * bundled by scripts/usb/pagefind.ts and run in a Node vm with a minimal
 * document whose <script> elements load from disk. Checks the wiring: the
 * script's own URL as import.meta.url, asset scripts loaded once each,
 * `?ts=` dropped, bytes intact, other requests left to the real fetch,
 * no Worker, result URLs mapped into the copy by __archiveResultHref (a
 * path with spaces and Vietnamese letters). The real Pagefind runs in tests/browser/usb.test.ts.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { writePagefindUsb } from '../../scripts/usb/pagefind.ts';
import { assetName, assetScript, base64ToBytes, resultUrl } from '../../scripts/usb/runtime/assets.ts';

const temp = mkdtempSync(join(tmpdir(), 'archive-usb-pagefind-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const FAKE_PAGEFIND = `
let given = null;
export async function options(o) { given = o; }
export async function init() {
  const base = import.meta.url.match(/^(.*\\/)pagefind.js.*$/)?.[1];
  const entry = await (await fetch(base + "pagefind-entry.json?ts=" + Date.now())).json();
  const again = await (await fetch(base + "pagefind-entry.json?ts=2")).json();
  const chunk = new Uint8Array(await (await fetch(base + "index/vi_1.pf_index")).arrayBuffer());
  const missing = (await fetch(base + "index/khong-co.pf_index")).status;
  const other = await fetch("https://example.org/x");
  globalThis.probe = { base, entry, again, chunk: Array.from(chunk), missing, other, worker: typeof Worker, given };
}
export async function search(term) {
  return { results: [{ id: "a", data: async () => ({ url: "/van-ban/x/", sub_results: [{ url: "/van-ban/x/#II.3" }], meta: { title: term } }) }] };
}
export async function debouncedSearch(term) { return search(term); }
export async function preload() {}
export async function filters() { return { year: { "2017": 1 } }; }
export async function destroy() {}
export async function mergeIndex() {}
export function createInstance(o) { return { options, init, search, debouncedSearch, preload, filters, destroy, mergeIndex, o }; }
`;

const chunkBytes = Uint8Array.from({ length: 256 }, (_, i) => i);

describe('the classic Pagefind bundle and its asset scripts', () => {
  const site = join(temp, 'dist');
  const copy = join(temp, 'Lưu trữ nghị quyết');
  const put = (rel: string, data: string | Uint8Array) => {
    mkdirSync(dirname(join(site, rel)), { recursive: true });
    writeFileSync(join(site, rel), data);
  };
  put('pagefind/pagefind.js', FAKE_PAGEFIND);
  put('pagefind/pagefind-entry.json', '{"version":"1.6.0","languages":{"vi":{"hash":"vi_1"}}}');
  put('pagefind/index/vi_1.pf_index', chunkBytes);
  put('pagefind/pagefind-ui.js', 'export const ui = 1;');
  put('pagefind/pagefind-worker.js', 'self.onmessage = () => {};');
  const files = ['pagefind/index/vi_1.pf_index', 'pagefind/pagefind-entry.json', 'pagefind/pagefind-ui.js', 'pagefind/pagefind-worker.js', 'pagefind/pagefind.js'];

  it('writes the bundle and one script per asset, nothing for code files', async () => {
    const result = await writePagefindUsb(site, copy, files);
    expect(result.written).toEqual(['pagefind/index/vi_1.pf_index.js', 'pagefind/pagefind-entry.json.js', 'pagefind/pagefind.js']);
    expect(result.assetBytes).toBe(256 + 54);
    const bundle = readFileSync(join(copy, 'pagefind', 'pagefind.js'), 'utf8');
    expect(bundle).not.toMatch(/import\.meta|^\s*(import|export)\b/m);
    expect(readFileSync(join(copy, 'pagefind', 'index', 'vi_1.pf_index.js'), 'utf8')).toBe(assetScript('index/vi_1.pf_index', Buffer.from(chunkBytes).toString('base64')));
  });

  it('runs from file:// as a classic script: own URL, assets from scripts once each, real fetch for the rest, no Worker, result URLs mapped into the copy', async () => {
    const bundleUrl = pathToFileURL(join(copy, 'pagefind', 'pagefind.js')).href;
    const inserted: string[] = [];
    const realFetch: string[] = [];
    const head = {
      appendChild(script: { src: string; onload?: () => void; onerror?: () => void; remove?: () => void }) {
        inserted.push(script.src.slice(bundleUrl.length - 'pagefind.js'.length));
        script.remove = () => undefined;
        setTimeout(() => {
          try {
            vm.runInContext(readFileSync(fileURLToPath(script.src), 'utf8'), context);
            script.onload?.();
          } catch {
            script.onerror?.();
          }
        }, 0);
      },
    };
    const sandbox: Record<string, unknown> = {
      URL,
      Response,
      atob,
      setTimeout,
      console,
      document: {
        currentScript: { src: bundleUrl },
        baseURI: bundleUrl,
        head,
        createElement: () => ({}),
        getElementsByTagName: () => [],
      },
      fetch: async (url: string) => {
        realFetch.push(url);
        return new Response('real');
      },
    };
    sandbox.window = sandbox;
    sandbox.globalThis = sandbox;
    const context = vm.createContext(sandbox);
    vm.runInContext(readFileSync(join(copy, 'pagefind', 'pagefind.js'), 'utf8'), context);
    // The page script's view: only the global, no import.
    await vm.runInContext('__archivePagefind.options({ excerptLength: 30 }).then(() => __archivePagefind.init())', context);
    const probe = sandbox.probe as Record<string, unknown>;
    const copyUrl = pathToFileURL(copy).href;
    expect(copyUrl).toContain('L%C6%B0u%20tr%E1%BB%AF');
    expect(probe.base).toBe(`${copyUrl}/pagefind/`);
    expect(probe.entry).toEqual({ version: '1.6.0', languages: { vi: { hash: 'vi_1' } } });
    expect(probe.again).toEqual(probe.entry);
    expect(probe.chunk).toEqual(Array.from(chunkBytes));
    expect(probe.missing).toBe(404);
    expect(probe.worker).toBe('undefined');
    // Pagefind's default base URL would join the file:// folder into "/file:/…": "/" instead, whatever else the page sets.
    expect(probe.given).toEqual({ baseUrl: '/', excerptLength: 30 });
    expect(inserted).toEqual(['pagefind-entry.json.js', 'index/vi_1.pf_index.js', 'index/khong-co.pf_index.js']);
    expect(realFetch).toEqual(['https://example.org/x']);

    // Results stay root-relative, as on the web; the page maps them with __archiveResultHref (src/scripts/pagefind-loader.ts resultHref).
    const results = (await vm.runInContext('__archivePagefind.search("nong thon")', context)) as { results: Array<{ data: () => Promise<unknown> }> };
    await expect(results.results[0]!.data()).resolves.toEqual({ url: '/van-ban/x/', sub_results: [{ url: '/van-ban/x/#II.3' }], meta: { title: 'nong thon' } });
    const href = vm.runInContext('__archiveResultHref', context) as (url: string, fragment: string | null) => string;
    expect(href('/van-ban/x/', null)).toBe(`${copyUrl}/van-ban/x/index.html`);
    expect(href('/van-ban/x/', 'II.3')).toBe(`${copyUrl}/van-ban/x/index.html#II.3`);
    expect(href('/van-ban/x/#II.3', null)).toBe(`${copyUrl}/van-ban/x/index.html#II.3`);
    expect(href('/van-ban/x/', 'I.2.ct-3')).toBe(`${copyUrl}/van-ban/x/index.html#I.2.ct-3`);
    const stats = vm.runInContext('__archivePagefindUsb.stats', context) as { scripts: number; bytes: number };
    expect(stats.scripts).toBe(3);
    expect(stats.bytes).toBe(256 + 54);
  });
});

describe('asset names and result URLs', () => {
  const base = 'file:///tmp/L%C6%B0u%20tr%E1%BB%AF/pagefind/';
  it('names the asset of a Pagefind URL, without query, and nothing outside the folder', () => {
    expect(assetName(`${base}pagefind-entry.json?ts=1700000000`, base)).toBe('pagefind-entry.json');
    expect(assetName(`${base}fragment/vi_abc.pf_fragment`, base)).toBe('fragment/vi_abc.pf_fragment');
    expect(assetName('index/vi_1.pf_index', base)).toBe('index/vi_1.pf_index');
    expect(assetName('file:///tmp/L%C6%B0u%20tr%E1%BB%AF/data/documents.json', base)).toBeNull();
    expect(assetName('https://example.org/pagefind/x', base)).toBeNull();
    expect(assetName(base, base)).toBeNull();
  });
  it('maps root-relative result URLs into the copy, folders as index.html', () => {
    const root = 'file:///tmp/L%C6%B0u%20tr%E1%BB%AF/';
    expect(resultUrl('/van-ban/x/#II.3', root)).toBe(`${root}van-ban/x/index.html#II.3`);
    expect(resultUrl('/van-ban/x/index.html', root)).toBe(`${root}van-ban/x/index.html`);
    expect(resultUrl('https://example.org/a/', root)).toBe('https://example.org/a/');
    expect(resultUrl('http://127.0.0.1:8080/van-ban/x/', 'http://127.0.0.1:8080/sub/')).toBe('http://127.0.0.1:8080/van-ban/x/');
    expect(resultUrl('/van-ban/x/', 'http://127.0.0.1:8080/sub/')).toBe('http://127.0.0.1:8080/sub/van-ban/x/index.html');
  });
  it('decodes base64 to the same bytes', () => {
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 7) % 256);
    expect(Array.from(base64ToBytes(Buffer.from(bytes).toString('base64')))).toEqual(Array.from(bytes));
  });
});
