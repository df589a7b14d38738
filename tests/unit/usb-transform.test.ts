/**
 * The USB edition's transform (scripts/usb/), on small hand-made sites:
 * URL rewriting in pages and stylesheets, module scripts made classic, the
 * audit, the README and the deterministic zip. The browser side of Pagefind
 * is in usb-pagefind.test.ts; the whole edition in Chromium in
 * tests/browser/usb.test.ts.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { auditFile, auditUsb, joinAudits, mayBeLeftOut } from '../../scripts/usb/audit.ts';
import { rewriteCss } from '../../scripts/usb/css.ts';
import { deferInline, rewritePage, type PageHooks } from '../../scripts/usb/html.ts';
import { rewriteScriptStrings } from '../../scripts/usb/js-strings.ts';
import { readmeText } from '../../scripts/usb/readme.ts';
import { rewriteUrl, siteTreeOf } from '../../scripts/usb/site-tree.ts';
import { buildUsbEdition } from '../../scripts/usb/transform.ts';
import { ZipPacker, zipFolder, zipFolderParallel } from '../../scripts/usb/zip.ts';
import { listFiles, treeDigest } from '../../scripts/build/tree.ts';

const tree = siteTreeOf([
  'index.html',
  '404.html',
  'favicon.svg',
  'tim-kiem/index.html',
  'van-ban/tinh-uy-quang-ninh/2017/09-nq-tu/index.html',
  'van-ban/tinh-uy-quang-ninh/index.html',
  '_astro/BaseLayout.abc.css',
  '_astro/search.abc.js',
  '_astro/font.woff2',
  'data/documents.json',
  'pagefind/pagefind.js',
]);
const DOC = 'van-ban/tinh-uy-quang-ninh/2017/09-nq-tu/index.html';

const noHooks: PageHooks = {
  classicModule: () => Promise.reject(new Error('no module expected')),
  classicInlineModule: () => Promise.reject(new Error('no module expected')),
};

describe('rewriteUrl', () => {
  const cases: Array<[string, string, string]> = [
    ['/', 'index.html', 'index.html'],
    ['/', DOC, '../../../../index.html'],
    ['/tim-kiem/', 'index.html', 'tim-kiem/index.html'],
    ['/tim-kiem/?q=n%C3%B4ng+th%C3%B4n', DOC, '../../../../tim-kiem/index.html?q=n%C3%B4ng+th%C3%B4n'],
    ['/van-ban/tinh-uy-quang-ninh/2017/09-nq-tu/#II.3', 'tim-kiem/index.html', '../van-ban/tinh-uy-quang-ninh/2017/09-nq-tu/index.html#II.3'],
    ['/van-ban/tinh-uy-quang-ninh/2017/09-nq-tu/#II.3', DOC, 'index.html#II.3'],
    // A folder named without its slash is still a folder.
    ['/van-ban/tinh-uy-quang-ninh', 'index.html', 'van-ban/tinh-uy-quang-ninh/index.html'],
    // Relative URLs that already work from file:// gain only the index.html.
    ['../../', DOC, '../../index.html'],
    ['../../index.html', DOC, '../../index.html'],
    ['/_astro/BaseLayout.abc.css', DOC, '../../../../_astro/BaseLayout.abc.css'],
  ];
  it.each(cases)('%s in %s -> %s', (raw, from, expected) => {
    const result = rewriteUrl(raw, from, tree);
    expect(result.url).toBe(expected);
    expect(result.missing).toBe(false);
  });

  it('leaves fragments, queries, external and data URLs alone', () => {
    for (const raw of ['#II.3', '?q=x', 'https://luu-tru.example.org/van-ban/', '//cdn.example.org/x.js', 'mailto:a@b.vn', 'data:image/png;base64,AAAA', 'javascript:void 0', '']) {
      expect(rewriteUrl(raw, DOC, tree)).toEqual({ url: raw, target: null, missing: false });
    }
  });

  it('says when a URL points to nothing (and still writes it relative)', () => {
    expect(rewriteUrl('/khong-co/', 'index.html', tree)).toEqual({ url: 'khong-co/index.html', target: null, missing: true });
    expect(rewriteUrl('/../../etc/passwd', 'index.html', tree).missing).toBe(true);
  });
});

describe('rewritePage', () => {
  it('rewrites every URL attribute, keeps everything else byte for byte', async () => {
    const html =
      '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>T</title>' +
      '<link rel="icon" href="/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="/_astro/BaseLayout.abc.css">' +
      '<link rel="canonical" href="https://luu-tru.example.org/van-ban/tinh-uy-quang-ninh/2017/09-nq-tu/">' +
      '<meta http-equiv="refresh" content="0; url=/tim-kiem/"></head>' +
      '<body><a href="/">Trang chủ</a> <a href=/tim-kiem/?q=a&amp;nam=2017>q</a> <a href="#II.3">#</a>' +
      "<form action='/tim-kiem/' method=get data-pagefind-bundle=\"/pagefind/pagefind.js\"><input name=q></form>" +
      '<img src="/favicon.svg" srcset="/favicon.svg 1x, /favicon.svg 2x" alt="">' +
      '<div style="background:url(/favicon.svg)">x</div>' +
      '<article data-cite-url="/van-ban/tinh-uy-quang-ninh/2017/09-nq-tu/" data-cite-base="Nghị quyết số 09-NQ/TU">' +
      '<p title="a > b">Văn bản / nguyên văn "/tim-kiem/"</p></article></body></html>';
    const page = await rewritePage(html, DOC, tree, noHooks);
    const up = '../../../../';
    expect(page.html).toBe(
      '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>T</title>' +
        `<link rel="icon" href="${up}favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="${up}_astro/BaseLayout.abc.css">` +
        '<link rel="canonical" href="https://luu-tru.example.org/van-ban/tinh-uy-quang-ninh/2017/09-nq-tu/">' +
        `<meta http-equiv="refresh" content="0; url=${up}tim-kiem/index.html"></head>` +
        `<body><a href="${up}index.html">Trang chủ</a> <a href="${up}tim-kiem/index.html?q=a&amp;nam=2017">q</a> <a href="#II.3">#</a>` +
        `<form action="${up}tim-kiem/index.html" method=get data-pagefind-bundle="${up}pagefind/pagefind.js"><input name=q></form>` +
        `<img src="${up}favicon.svg" srcset="${up}favicon.svg 1x, ${up}favicon.svg 2x" alt="">` +
        `<div style="background:url(&quot;${up}favicon.svg&quot;)">x</div>` +
        // The citation's address is text the reader copies: never turned into a path on the disk.
        '<article data-cite-url="/van-ban/tinh-uy-quang-ninh/2017/09-nq-tu/" data-cite-base="Nghị quyết số 09-NQ/TU">' +
        '<p title="a > b">Văn bản / nguyên văn "/tim-kiem/"</p></article></body></html>',
    );
    expect(page.keptRootAbsolute).toEqual(['data-cite-url=/van-ban/tinh-uy-quang-ninh/2017/09-nq-tu/']);
    expect(page.problems).toEqual([]);
    expect(page.urls.filter((u) => u.missing)).toEqual([]);
  });

  it('turns a module script into a deferred classic one, with the Pagefind bundle before it when it loads Pagefind', async () => {
    const asked: string[] = [];
    const hooks: PageHooks = {
      classicModule: async (file) => {
        asked.push(file);
        return { code: '(()=>{globalThis.__archivePagefind})();', usesPagefind: true };
      },
      classicInlineModule: async (code) => ({ code: `/*classic*/${code}`, usesPagefind: false }),
    };
    const html =
      '<html><head><link rel="modulepreload" href="/_astro/search.abc.js"></head><body><p>x</p></body></html>' +
      '<script type="module" src="/_astro/search.abc.js"></script><script type="module">console.log(1)</script>';
    const page = await rewritePage(html, 'tim-kiem/index.html', tree, hooks);
    expect(asked).toEqual(['_astro/search.abc.js']);
    expect(page.classicScripts).toEqual(['_astro/search.abc.js']);
    expect(page.html).toBe(
      '<html><head></head><body><p>x</p></body></html>' +
        '<script defer src="../pagefind/pagefind.js"></script><script defer src="../_astro/search.abc.js"></script>' +
        `<script>${deferInline('/*classic*/console.log(1)')}</script>`,
    );
  });

  it('rewrites path constants of inline classic scripts, not "/" separators, regexes, comments or JSON data', async () => {
    const code =
      'var t="/tim-kiem/";var u=\'/van-ban/tinh-uy-quang-ninh/\';// "/tim-kiem/"\n' +
      "if(url.charAt(0)==='/'&&/^\\/tim-kiem\\//.test(p))x('/khong-co/');var w=`/data/documents.json`;";
    const html = `<script>${code}</script><script type="application/ld+json">{"url":"/tim-kiem/"}</script>`;
    const page = await rewritePage(html, 'index.html', tree, noHooks);
    expect(page.html).toBe(
      '<script>var t="tim-kiem/index.html";var u="van-ban/tinh-uy-quang-ninh/index.html";// "/tim-kiem/"\n' +
        "if(url.charAt(0)==='/'&&/^\\/tim-kiem\\//.test(p))x('/khong-co/');var w=`data/documents.json`;</script>" +
        '<script type="application/ld+json">{"url":"/tim-kiem/"}</script>',
    );
    expect(rewriteScriptStrings('var a = 1;', 'index.html', tree).code).toBe('var a = 1;');
  });

  it('reports a <base href> and a module script that is not in the site', async () => {
    const page = await rewritePage('<base href="/"><script type="module" src="/_astro/khong-co.js"></script>', 'index.html', tree, noHooks);
    expect(page.problems).toEqual([
      '<base href> changes how every relative URL resolves; the USB edition cannot use it',
      'module script /_astro/khong-co.js not found in the site',
    ]);
  });
});

describe('rewriteCss', () => {
  it('rewrites url() and @import relative to the stylesheet', () => {
    const css = '@import "/_astro/BaseLayout.abc.css";@font-face{src:url(/_astro/font.woff2) format("woff2")}a{background:url( "data:image/svg+xml;x" )}b{background:url(\'/favicon.svg\')}';
    expect(rewriteCss(css, '_astro/BaseLayout.abc.css', tree).css).toBe(
      '@import "BaseLayout.abc.css";@font-face{src:url("font.woff2") format("woff2")}a{background:url( "data:image/svg+xml;x" )}b{background:url("../favicon.svg")}',
    );
  });
});

describe('the edition of a small site, its audit and its zip', () => {
  const temp = mkdtempSync(join(tmpdir(), 'archive-usb-unit-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));
  const site = join(temp, 'dist');
  const put = (rel: string, text: string) => {
    mkdirSync(dirname(join(site, rel)), { recursive: true });
    writeFileSync(join(site, rel), text);
  };
  put('index.html', '<!doctype html><link rel="stylesheet" href="/_astro/a.css"><a href="/van-ban/x/">x</a><script type="module" src="/_astro/page.js"></script>');
  put('van-ban/x/index.html', '<!doctype html><a href="/">home</a><a href="/van-ban/x/#II.3">II.3</a>');
  put('_astro/a.css', 'body{background:url(/bg.svg)}');
  put('_astro/page.js', 'import{f}from"./chunk.js";f(import.meta.url);');
  put('_astro/chunk.js', 'export function f(x){document.title=String(x)}');
  put('bg.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');

  it('writes relative URLs, classic scripts only, drops the bundled chunk, adds the README; the audit passes', async () => {
    const out = join(temp, 'usb');
    const result = await buildUsbEdition({ distDir: site, outDir: out, siteUrl: 'https://luu-tru.example.org' });
    expect(result.problems).toEqual([]);
    expect(result.audit.problems).toEqual([]);
    expect(result.audit.unknown).toEqual([]);
    expect(listFiles(out)).toEqual(['README.txt', '_astro/a.css', '_astro/page.js', 'bg.svg', 'index.html', 'van-ban/x/index.html']);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe(
      '<!doctype html><link rel="stylesheet" href="_astro/a.css"><a href="van-ban/x/index.html">x</a><script defer src="_astro/page.js"></script>',
    );
    expect(readFileSync(join(out, '_astro/a.css'), 'utf8')).toBe('body{background:url("../bg.svg")}');
    const classic = readFileSync(join(out, '_astro/page.js'), 'utf8');
    expect(classic).not.toMatch(/\bimport\b|\bexport\b/);
    expect(classic).toContain('document.title');
    expect(readFileSync(join(out, 'README.txt'), 'utf8')).toContain('https://luu-tru.example.org');
  });

  it('the audit names root-absolute URLs, module scripts, folder URLs and URLs to nothing', () => {
    const bad = join(temp, 'bad');
    mkdirSync(join(bad, 'a'), { recursive: true });
    writeFileSync(
      join(bad, 'index.html'),
      '<a href="/a/">1</a><a href="a/">2</a><a href="khong-co.html">3</a><script type="module" src="x.js"></script><script>location="/a/index.html"</script><div data-x="/a/"></div>',
    );
    writeFileSync(join(bad, 'a', 'index.html'), '<link rel="stylesheet" href="s.css">');
    writeFileSync(join(bad, 'a', 's.css'), 'a{background:url(/bg.png)}');
    writeFileSync(join(bad, 'x.js'), '');
    const audit = auditUsb(bad);
    expect(audit.problems).toEqual([
      'a/s.css: root-absolute URL in CSS url(): /bg.png',
      'index.html: root-absolute URL in <a href>: /a/',
      'index.html: folder URL without index.html in <a href>: a/',
      'index.html: <a href> points to nothing in the copy: khong-co.html',
      'index.html: module script x.js (Chromium refuses module scripts from file://)',
      'index.html: root-absolute path in an inline script: "/a/index.html"',
    ]);
    expect(audit.unknown).toEqual(['index.html: <div data-x="/a/">']);
  });

  it('zips the same bytes every time, in one top folder, with the README', () => {
    const out = join(temp, 'usb');
    const a = join(temp, 'a.zip');
    const b = join(temp, 'b.zip');
    zipFolder(out, a, 'luu-tru-nghi-quyet');
    zipFolder(out, b, 'luu-tru-nghi-quyet');
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    const entries = unzipSync(readFileSync(a));
    expect(Object.keys(entries).sort()).toEqual(listFiles(out).map((f) => `luu-tru-nghi-quyet/${f}`));
    expect(Buffer.from(entries['luu-tru-nghi-quyet/index.html']!).equals(readFileSync(join(out, 'index.html')))).toBe(true);
  });

  it('packs and audits in worker threads while writing: the same edition, audit and zip as the folder audit and zipFolder', async () => {
    const out = join(temp, 'usb-packed');
    const packer = new ZipPacker(out, 2);
    const result = await buildUsbEdition({ distDir: site, outDir: out, siteUrl: 'https://luu-tru.example.org', sink: packer });
    expect(result.audit).toEqual(auditUsb(out));
    expect(result.audit.pages).toBe(2);
    expect(treeDigest(out)).toEqual(treeDigest(join(temp, 'usb')));
    await packer.write(join(temp, 'packed.zip'), 'luu-tru-nghi-quyet', result.files);
    zipFolder(out, join(temp, 'packed-serial.zip'), 'luu-tru-nghi-quyet');
    expect(readFileSync(join(temp, 'packed.zip')).equals(readFileSync(join(temp, 'packed-serial.zip')))).toBe(true);
  });

  it('the audit from the pack workers finds what the folder audit finds', async () => {
    const bad = join(temp, 'bad-site');
    mkdirSync(join(bad, 'a'), { recursive: true });
    writeFileSync(join(bad, 'index.html'), '<a href="/khong-co/">1</a><div data-x="/a/"></div><a href="/a/">2</a>');
    writeFileSync(join(bad, 'a', 'index.html'), '<p>a</p>');
    const out = join(temp, 'bad-usb');
    const packer = new ZipPacker(out, 2);
    const result = await buildUsbEdition({ distDir: bad, outDir: out, sink: packer });
    await packer.close();
    expect(result.audit.problems).toEqual(['index.html: <a href> points to nothing in the copy: khong-co/index.html']);
    expect(result.audit.unknown).toEqual(['index.html: <div data-x="/a/">']);
    expect(result.audit).toEqual(auditUsb(out));
  });

  it('an audit made before the copy is final checks URLs to scripts again on the final files', () => {
    const tree = siteTreeOf(['index.html', '_astro/chunk.js', 'a.css']);
    const page = auditFile('index.html', '<script src="_astro/chunk.js"></script><link rel="stylesheet" href="a.css">', tree, mayBeLeftOut);
    expect(page.problems).toEqual([]);
    expect(page.deferred.map((d) => d.target)).toEqual(['_astro/chunk.js']);
    const audits = new Map([['index.html', page]]);
    expect(joinAudits(['_astro/chunk.js', 'a.css', 'index.html'], audits).problems).toEqual([]);
    expect(joinAudits(['a.css', 'index.html'], audits).problems).toEqual(['index.html: <script src> points to nothing in the copy: _astro/chunk.js']);
  });

  it('writes the same zip from worker threads; stores compressed files, deflates text', async () => {
    const out = join(temp, 'usb');
    writeFileSync(join(out, 'doc.pdf'), Buffer.alloc(4096, 7));
    const serial = join(temp, 'serial.zip');
    const parallel = join(temp, 'parallel.zip');
    zipFolder(out, serial, 'luu-tru-nghi-quyet');
    await zipFolderParallel(out, parallel, 'luu-tru-nghi-quyet', 2);
    const bytes = readFileSync(parallel);
    expect(bytes.equals(readFileSync(serial))).toBe(true);
    expect(Buffer.from(unzipSync(bytes)['luu-tru-nghi-quyet/doc.pdf']!).equals(Buffer.alloc(4096, 7))).toBe(true);
    // Compression method of each local header (offset 8): 0 stored, 8 deflate.
    const method = (name: string) => {
      const at = bytes.indexOf(Buffer.from(`luu-tru-nghi-quyet/${name}`)) - 30;
      expect(bytes.readUInt32LE(at)).toBe(0x04034b50);
      return bytes.readUInt16LE(at + 8);
    };
    expect(method('doc.pdf')).toBe(0);
    expect(method('index.html')).toBe(8);
    rmSync(join(out, 'doc.pdf'));
  });
});

describe('README.txt', () => {
  it('says to open index.html, in Vietnamese, readable by old Notepad (BOM, CRLF)', () => {
    const text = readmeText(null);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('Mở tệp index.html');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(text).not.toContain('Địa chỉ của kho lưu trữ trên mạng');
    expect(readmeText('https://luu-tru.example.org')).toContain('Địa chỉ của kho lưu trữ trên mạng: https://luu-tru.example.org');
  });
});
