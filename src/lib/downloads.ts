/**
 * What a reader can take away from a document page
 * (docs/decisions/1403-take-it-away.md): the source text exactly as received,
 * published beside the page as `<document path>van-ban-goc.txt`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SiteDocument } from './archive-data';

/** File name of the source text beside each document page (ASCII, stable). */
export const SOURCE_TEXT_NAME = 'van-ban-goc.txt';

/** The source folder: <content>/sources (the build sets ARCHIVE_CONTENT_DIR; `content` when run by hand). */
const sourcesDir = path.resolve(process.env.ARCHIVE_CONTENT_DIR || 'content', 'sources');

/** Site path of a document's source text: "/van-ban/…/van-ban-goc.txt". */
export function sourceTextPath(doc: SiteDocument): string {
  return `${doc.url}${SOURCE_TEXT_NAME}`;
}

/** The source text's bytes, untouched (its encoding as received, BOM and line ends included). */
export function sourceTextBytes(doc: SiteDocument): Buffer {
  // The converter names the file it read; only a bare name inside sources/ is accepted.
  if (doc.sourceFile !== path.basename(doc.sourceFile)) throw new Error(`Document ${doc.id}: source file "${doc.sourceFile}" is not a file name`);
  const file = path.join(sourcesDir, doc.sourceFile);
  if (!fs.existsSync(file)) throw new Error(`Document ${doc.id}: source text ${file} not found (ARCHIVE_CONTENT_DIR=${process.env.ARCHIVE_CONTENT_DIR ?? ''})`);
  return fs.readFileSync(file);
}

/** Size for the link: "12 KB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${Math.round(kb).toLocaleString('vi-VN')} KB`;
  return `${(kb / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
}
