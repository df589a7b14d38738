/**
 * The built site (dist/) -> the USB edition: a folder that opens from file://
 * (double-click index.html) and also works over http, search included.
 *
 * - pages: every URL into the site relative, folders as their index.html,
 *   module scripts as classic ones, the Pagefind bundle before any script
 *   that loads Pagefind (html.ts);
 * - stylesheets: url() and @import the same way (css.ts);
 * - Pagefind: a classic bundle and its assets as classic scripts (pagefind.ts);
 * - other files copied as they are (images, data/*.json, favicon, ...), but
 *   the web build's copy of the USB zip (published-zip.ts);
 *   script files that no page loads (module chunks, now bundled) left out;
 * - README.txt (Vietnamese, readme.ts);
 * - then the audit (audit.ts): a USB edition with a root-absolute URL, a
 *   module script or a URL that opens nothing is refused.
 *
 * See docs/decisions/0701-usb-edition.md.
 */
import { constants, copyFileSync, linkSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { listFiles, type TreeSize } from '../build/tree.ts';
import { auditUsb, type AuditResult } from './audit.ts';
import { classicFromInlineModule, classicFromModuleFile } from './classic-scripts.ts';
import { rewriteCss } from './css.ts';
import { PAGEFIND_BUNDLE, rewritePage, type ClassicScript } from './html.ts';
import { ASSET_SCRIPT_SUFFIX } from './runtime/assets.ts';
import { isPagefindCode, writePagefindUsb, type PagefindUsbResult } from './pagefind.ts';
import { PUBLISHED_ZIP_PATH } from './published-zip.ts';
import { README_NAME, readmeText } from './readme.ts';
import { siteTreeOf } from './site-tree.ts';

export interface UsbOptions {
  /** The built site. */
  distDir: string;
  /** Where the USB edition goes (created; should be empty). */
  outDir: string;
  /** The public site URL (ARCHIVE_SITE_URL), named in the README; citations carry it already. */
  siteUrl?: string | null;
  /**
   * Told of each file as soon as it is written for good: the zip's ZipPacker (zip.ts)
   * packs it and audits it meanwhile, in worker threads; the audit is then its.
   */
  sink?: FileSink;
}

export interface FileSink {
  /** Before any file: the files the edition will have (a few scripts may still be left out: audit.ts mayBeLeftOut). */
  begin(expected: readonly string[]): void;
  add(file: string): void;
  /** The audit of the finished edition (its files, as listFiles gives them). */
  audit(files: readonly string[]): Promise<AuditResult>;
}

/** The files the edition of a site with these `files` will have, but the scripts no page loads (left out later). */
export function expectedFiles(files: readonly string[]): string[] {
  const hasPagefind = files.includes(PAGEFIND_BUNDLE);
  const expected: string[] = [];
  for (const file of files) {
    if (file === PUBLISHED_ZIP_PATH) continue;
    if (hasPagefind && file.startsWith('pagefind/') && !isPagefindCode(file)) expected.push(`${file}${ASSET_SCRIPT_SUFFIX}`);
    else expected.push(file);
  }
  expected.push(README_NAME);
  return expected.sort();
}

export interface UsbResult {
  web: { files: number; bytes: number };
  usb: { files: number; bytes: number };
  /** The edition's files (relative paths, sorted, as listFiles gives them). */
  files: string[];
  pagefind: PagefindUsbResult | null;
  audit: AuditResult;
  /** Problems met while transforming (a module script not found, <base href>, ...). */
  problems: string[];
}

/**
 * A file the edition keeps as it is (data/*.json, van-ban-goc.txt, images, PDFs): a hard link
 * to the built site's file (no bytes copied: both folders are outputs of the same build, promoted
 * together, and nothing writes into a built file afterwards), else a copy-on-write clone where
 * the file system has them, else a copy.
 */
function sizeOf(dir: string, files: readonly string[]): TreeSize {
  let bytes = 0;
  for (const file of files) bytes += statSync(join(dir, file)).size;
  return { files: files.length, bytes };
}

function sameFile(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to, constants.COPYFILE_FICLONE);
  }
}

export async function buildUsbEdition(options: UsbOptions): Promise<UsbResult> {
  const { distDir, outDir } = options;
  const files = listFiles(distDir);
  const tree = siteTreeOf(files);
  const problems: string[] = [];
  options.sink?.begin(expectedFiles(files));
  mkdirSync(outDir, { recursive: true });
  const made = new Set<string>();
  made.add(outDir);
  const makeFolder = (dir: string): void => {
    if (made.has(dir)) return;
    makeFolder(dirname(dir));
    try {
      mkdirSync(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    made.add(dir);
  };
  const folderFor = (target: string) => makeFolder(dirname(target));
  const write = (rel: string, data: string | Buffer) => {
    const target = join(outDir, rel);
    folderFor(target);
    writeFileSync(target, data);
    options.sink?.add(rel);
  };

  // Module scripts, bundled once each however many pages load them.
  const classicModules = new Map<string, Promise<ClassicScript>>();
  const hooks = {
    classicModule(file: string) {
      let pending = classicModules.get(file);
      if (!pending) {
        pending = classicFromModuleFile(distDir, file);
        classicModules.set(file, pending);
      }
      return pending;
    },
    classicInlineModule: (code: string, file: string) => classicFromInlineModule(distDir, code, file),
  };

  /** Site files something links to or loads (to decide which scripts to keep). */
  const referenced = new Set<string>();
  const handled = new Set<string>();
  for (const file of files) {
    if (!file.endsWith('.html')) continue;
    const page = await rewritePage(readFileSync(join(distDir, file), 'utf8'), file, tree, hooks);
    for (const problem of page.problems) problems.push(`${file}: ${problem}`);
    for (const url of page.urls) if (url.target !== null) referenced.add(url.target);
    write(file, page.html);
    handled.add(file);
  }
  for (const file of files) {
    if (!file.endsWith('.css') || file.startsWith('pagefind/')) continue;
    const result = rewriteCss(readFileSync(join(distDir, file), 'utf8'), file, tree);
    for (const url of result.urls) if (url.target !== null) referenced.add(url.target);
    write(file, result.css);
    handled.add(file);
  }
  for (const [file, pending] of [...classicModules].sort(([a], [b]) => (a < b ? -1 : 1))) {
    write(file, (await pending).code);
    handled.add(file);
  }

  let pagefind: PagefindUsbResult | null = null;
  if (tree.files.has('pagefind/pagefind.js')) {
    pagefind = await writePagefindUsb(distDir, outDir, files);
    for (const file of pagefind.written) options.sink?.add(file);
    handled.add('pagefind/pagefind.js'); // now the classic bundle
    for (const file of files) if (file.startsWith('pagefind/') && !(isPagefindCode(file) && referenced.has(file))) handled.add(file);
  }

  for (const file of files) {
    if (handled.has(file)) continue;
    // The web build's copy of the USB zip (put there after the usb stage): a copy never holds itself.
    if (file === PUBLISHED_ZIP_PATH) continue;
    // Script files no page loads: module chunks (bundled into the classic scripts) or dead code.
    if (/\.m?js$/.test(file) && !referenced.has(file)) continue;
    const target = join(outDir, file);
    folderFor(target);
    sameFile(join(distDir, file), target);
    options.sink?.add(file);
  }

  if (tree.files.has(README_NAME)) problems.push(`the site already has a ${README_NAME} at its root; the USB edition's README would replace it`);
  write(README_NAME, readmeText(options.siteUrl ?? null));

  const usbFiles = listFiles(outDir);
  const audit = options.sink ? await options.sink.audit(usbFiles) : auditUsb(outDir, usbFiles);
  return { web: sizeOf(distDir, files), usb: sizeOf(outDir, usbFiles), files: usbFiles, pagefind, audit, problems };
}
