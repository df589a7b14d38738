/**
 * What a reader can take away from a document page
 * (docs/decisions/1403-take-it-away.md, 1505-original-files-on-the-site.md):
 * the file the archive received, byte for byte, published beside the page as
 * `<document path>van-ban-goc.<ext>` (txt, pdf, docx, doc: the source file's
 * own extension, lower-cased).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SiteDocument } from './archive-data';
import type { SourceFormat } from '../../scripts/pipeline/00-extract/types.ts';

/** Base name of the original file beside each document page (ASCII, stable). */
export const ORIGINAL_BASENAME = 'van-ban-goc';
/** The source text of a .txt source (the name ADR 1403 published first). */
export const SOURCE_TEXT_NAME = `${ORIGINAL_BASENAME}.txt`;

/** Each accepted source format: its name for readers and its media type. */
export const FORMATS: Record<SourceFormat, { label: string; mediaType: string }> = {
  txt: { label: 'văn bản .txt', mediaType: 'text/plain' },
  pdf: { label: 'PDF', mediaType: 'application/pdf' },
  docx: { label: 'Word, DOCX', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  doc: { label: 'Word 97–2003, DOC', mediaType: 'application/msword' },
};

/** The source folder: <content>/sources (the build sets ARCHIVE_CONTENT_DIR; `content` when run by hand). */
const sourcesDir = path.resolve(process.env.ARCHIVE_CONTENT_DIR || 'content', 'sources');

function isSourceFormat(ext: string): ext is SourceFormat {
  return Object.hasOwn(FORMATS, ext);
}

/** The source file's format, from its extension (what step 00 dispatches on); the build fails on any other. */
export function sourceFormat(doc: SiteDocument): SourceFormat {
  const ext = path.extname(doc.sourceFile).slice(1).toLowerCase();
  if (!isSourceFormat(ext)) throw new Error(`Document ${doc.id}: source file "${doc.sourceFile}" is not .txt, .pdf, .docx or .doc`);
  // The page tells how the file was read: that must be the file it offers.
  if (doc.sourceReading && doc.sourceReading.format !== ext) {
    throw new Error(`Document ${doc.id}: source file "${doc.sourceFile}" was read as ${doc.sourceReading.format}`);
  }
  return ext;
}

/** "van-ban-goc.pdf". */
export function originalName(doc: SiteDocument): string {
  return `${ORIGINAL_BASENAME}.${sourceFormat(doc)}`;
}

/** Site path of a document's original file: "/van-ban/…/van-ban-goc.pdf". */
export function originalPath(doc: SiteDocument): string {
  return `${doc.url}${originalName(doc)}`;
}

/** The original file's path in sources/; fails when the converter's name is not a bare file name there. */
function originalFile(doc: SiteDocument): string {
  // The converter names the file it read; only a bare name inside sources/ is accepted.
  if (doc.sourceFile !== path.basename(doc.sourceFile)) throw new Error(`Document ${doc.id}: source file "${doc.sourceFile}" is not a file name`);
  const file = path.join(sourcesDir, doc.sourceFile);
  if (!fs.existsSync(file)) throw new Error(`Document ${doc.id}: source file ${file} not found (ARCHIVE_CONTENT_DIR=${process.env.ARCHIVE_CONTENT_DIR ?? ''})`);
  return file;
}

/** The original file's bytes, untouched (a text keeps its encoding as received, BOM and line ends included). */
export function originalBytes(doc: SiteDocument): Buffer {
  return fs.readFileSync(originalFile(doc));
}

/** The original file's size in bytes (what originalBytes(doc).length is), without reading it: the page only shows it. */
export function originalSize(doc: SiteDocument): number {
  return fs.statSync(originalFile(doc)).size;
}

// One formatter each, made once (toLocaleString builds a formatter per call).
const KB_FORMAT = new Intl.NumberFormat('vi-VN');
const MB_FORMAT = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** Size for the link: "12 KB", "1,2 MB" (Vietnamese decimal comma). */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${KB_FORMAT.format(Math.round(kb))} KB`;
  return `${MB_FORMAT.format(kb / 1024)} MB`;
}
