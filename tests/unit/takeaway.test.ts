/**
 * Issue 14, "take it away" (docs/decisions/1403-take-it-away.md), the parts
 * that need no build: the public address from content/site.yaml and the
 * environment, the USB edition's replacement of the zip link, and the vbpl.vn
 * search link for cited state documents (on the shipped citation graph's
 * symbols). The built site: tests/browser/takeaway.test.ts.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { convertInMemory } from '../../scripts/pipeline/convert-archive.ts';
import { normalisePdf } from '../../scripts/build/pdf.ts';
import { readPublicAddress } from '../../scripts/build/site-config.ts';
import { rewritePage, type PageHooks } from '../../scripts/usb/html.ts';
import { PUBLISHED_ZIP_PATH, USB_OFFLINE_ATTR } from '../../scripts/usb/published-zip.ts';
import { siteTreeOf } from '../../scripts/usb/site-tree.ts';
import { isStateDocument, vbplSearch } from '../../src/lib/vbpl.ts';
import { PROJECT_ROOT } from '../support/paths.ts';

const temp = mkdtempSync(join(tmpdir(), 'archive-takeaway-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function contentWith(yaml: string | null): string {
  const dir = mkdtempSync(join(temp, 'content-'));
  if (yaml !== null) writeFileSync(join(dir, 'site.yaml'), yaml);
  return dir;
}

describe('the public address (content/site.yaml, ARCHIVE_SITE_URL)', () => {
  it('ships with the key present and empty, with a comment for the editor', () => {
    const text = readFileSync(join(PROJECT_ROOT, 'content', 'site.yaml'), 'utf8');
    expect(text).toMatch(/^#.*địa chỉ công khai/m);
    expect(Object.keys(parse(text) as object)).toEqual(['public_url']);
  });
  it('reads public_url, and the environment overrides it', () => {
    const dir = contentWith('# địa chỉ\npublic_url: https://luutru.example.gov.vn/\n');
    expect(readPublicAddress(dir, {})).toEqual({ url: 'https://luutru.example.gov.vn/', from: 'site.yaml' });
    expect(readPublicAddress(dir, { ARCHIVE_SITE_URL: 'https://khac.example.org' })).toEqual({ url: 'https://khac.example.org', from: 'env' });
    // An empty variable is no override.
    expect(readPublicAddress(dir, { ARCHIVE_SITE_URL: '' }).from).toBe('site.yaml');
  });
  it('is none when the key is empty or the file is absent', () => {
    expect(readPublicAddress(contentWith('public_url:\n'), {})).toEqual({ url: null, from: null });
    expect(readPublicAddress(contentWith(null), {})).toEqual({ url: null, from: null });
  });
  it('refuses a typo rather than publishing wrong citations', () => {
    expect(() => readPublicAddress(contentWith('public_url: luutru.example.gov.vn\n'), {})).toThrow(/not an absolute URL/);
    expect(() => readPublicAddress(contentWith('public-url: https://x.example/\n'), {})).toThrow(/unknown setting/);
    expect(() => readPublicAddress(contentWith('public_url: ftp://x.example/\n'), {})).toThrow(/http/);
    expect(() => readPublicAddress(contentWith(null), { ARCHIVE_SITE_URL: 'x' })).toThrow(/ARCHIVE_SITE_URL/);
  });
});

describe('the zip link in the USB edition', () => {
  const tree = siteTreeOf(['index.html', 'doc-offline/index.html']);
  const noHooks: PageHooks = {
    classicModule: () => Promise.reject(new Error('no module expected')),
    classicInlineModule: () => Promise.reject(new Error('no module expected')),
  };
  it('is replaced by the sentence it carries; other links are still rewritten', async () => {
    const html = `<p><a href="/${PUBLISHED_ZIP_PATH}" ${USB_OFFLINE_ATTR}="Đây là bản sao &amp; không cần mạng">Tải <b>tệp .zip</b></a>. <a href="/doc-offline/">Cách dùng</a>.</p>`;
    const page = await rewritePage(html, 'index.html', tree, noHooks);
    expect(page.problems).toEqual([]);
    expect(page.html).toBe('<p><span class="usb-offline-note">Đây là bản sao &amp; không cần mạng</span>. <a href="doc-offline/index.html">Cách dùng</a>.</p>');
    expect(page.urls.some((u) => u.missing)).toBe(false);
  });
});

describe('vbpl.vn search for cited state documents', () => {
  // The converter's graph of the shipped archive, made here (never a leftover build's); the browser test checks the built pages.
  it('links state documents by their number, never party ones', async () => {
    const { graph } = await convertInMemory('content');
    const party = graph.cited.filter((c) => c.issuer?.branch === 'party' && c.numberSymbol);
    const state = graph.cited.filter((c) => c.issuer?.branch === 'state' && c.numberSymbol);
    expect(party.length).toBeGreaterThan(0);
    expect(state.length).toBeGreaterThan(0);
    for (const c of party) expect(vbplSearch(c), c.key).toBeNull();
    for (const c of state) {
      const link = vbplSearch(c)!;
      expect(new URL(link.url).hostname).toBe('vbpl.vn');
      expect(new URL(link.url).searchParams.get('Keyword')).toBe(c.numberSymbol);
    }
  }, 60_000);
  it('decides by the symbol when the issuer is unknown', () => {
    expect(isStateDocument({ issuer: null, numberSymbol: '08/2011/TTLT-BNV-BTC' })).toBe(true);
    expect(isStateDocument({ issuer: null, numberSymbol: '80/2015/QH13' })).toBe(true);
    expect(isStateDocument({ issuer: null, numberSymbol: '12-CT/TW' })).toBe(false);
    expect(vbplSearch({ issuer: null, numberSymbol: null })).toBeNull();
  });
});

describe('PDF normalisation', () => {
  it('renumbers table-cell ids in order of appearance, references included, lengths kept', () => {
    const pdf = Buffer.from('<</S /TH /ID (node00079104)>> <</S /TD /Headers [(node00079104)]>> <</S /TH /ID (node00079099)>>', 'latin1');
    const fixed = normalisePdf(pdf).toString('latin1');
    expect(fixed).toBe('<</S /TH /ID (node00000001)>> <</S /TD /Headers [(node00000001)]>> <</S /TH /ID (node00000002)>>');
  });
  it('fixes the dates in place, every byte offset kept', () => {
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj <</Title (x) /CreationDate (D:20261127121949+00'00') /ModDate (D:20261127121949+00'00')>>\nxref 0 12345\n", 'latin1');
    const fixed = normalisePdf(pdf);
    expect(fixed.length).toBe(pdf.length);
    expect(fixed.toString('latin1')).toBe("%PDF-1.4\n1 0 obj <</Title (x) /CreationDate (D:20000101000000+00'00') /ModDate (D:20000101000000+00'00')>>\nxref 0 12345\n");
  });
});
