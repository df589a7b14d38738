/**
 * Opening a PDF safely: what the bytes are, whether they are whole, whether a
 * password is needed, and whether the page count keeps LIMITS — before any
 * page is read. Every failure becomes an ExtractError (ADR 1004: held back by name).
 */
import { getDocumentProxy } from 'unpdf';
import { ExtractError, LIMITS } from '../types.ts';

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;
export type { PdfDocument };

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/** What a file that is not a PDF looks like, for the editor's message. */
function sniff(bytes: Uint8Array): string {
  const head = ascii(bytes, 0, Math.min(bytes.length, 8));
  if (head.startsWith('PK\u0003\u0004')) return 'a ZIP container (DOCX/XLSX/ODT?)';
  if (head.startsWith('\u00d0\u00cf\u0011\u00e0')) return 'an OLE compound file (legacy .doc/.xls?)';
  if (/^\s*<(!doctype|html)/i.test(ascii(bytes, 0, Math.min(bytes.length, 64)))) return 'an HTML page';
  if (head.startsWith('{\\rtf')) return 'an RTF document';
  if (head.startsWith('\u0089PNG') || head.startsWith('\u00ff\u00d8\u00ff')) return 'an image';
  return 'not a PDF';
}

/**
 * Checks the envelope: `%PDF-` within the first 1024 bytes (where readers
 * accept it) and `%%EOF` within the last 1024. A file cut short in transfer
 * loses its end; pdf.js would quietly rebuild what is left and return part of
 * the document, so a missing end marker is a truncated file, not a short one.
 */
export function checkEnvelope(bytes: Uint8Array, file: string): void {
  const head = ascii(bytes, 0, Math.min(bytes.length, 1024));
  if (!head.includes('%PDF-')) {
    throw new ExtractError(file, 'not-what-it-says', `the file is named .pdf but its bytes are ${sniff(bytes)}; save it again as PDF or under its real extension`);
  }
  const tail = ascii(bytes, Math.max(0, bytes.length - 1024), bytes.length);
  if (!tail.includes('%%EOF')) {
    throw new ExtractError(file, 'corrupt', 'the PDF has no end-of-file marker in its last 1024 bytes: it is truncated (cut short when copied or downloaded); get the whole file again');
  }
}

/** Opens the document and checks the page count; pages are not read yet. */
export async function openPdf(bytes: Uint8Array, file: string): Promise<PdfDocument> {
  checkEnvelope(bytes, file);
  let doc: PdfDocument;
  try {
    // A copy: pdf.js transfers (detaches) the buffer it is given.
    doc = await getDocumentProxy(bytes.slice(), {
      // Never decode images: the text layer is all this step reads (scans go to OCR by pdftoppm).
      maxImageSize: 1,
      verbosity: 0,
      stopAtErrors: false,
    });
  } catch (error) {
    const name = (error as { name?: string }).name ?? '';
    const message = (error as { message?: string }).message ?? String(error);
    if (name === 'PasswordException') {
      throw new ExtractError(file, 'encrypted', 'the PDF is encrypted and needs a password to open; ask the office for an unprotected copy');
    }
    throw new ExtractError(file, 'corrupt', `the PDF cannot be parsed (${name || 'error'}: ${message}); get a sound copy of the file`);
  }
  if (doc.numPages > LIMITS.maxPages) {
    const pages = doc.numPages;
    await closePdf(doc);
    throw new ExtractError(file, 'too-large', `the PDF has ${pages} pages, more than the limit of ${LIMITS.maxPages}; split it or publish its parts separately`);
  }
  if (doc.numPages === 0) {
    await closePdf(doc);
    throw new ExtractError(file, 'corrupt', 'the PDF has no pages');
  }
  return doc;
}

/** Frees the document (the in-process pdf.js worker keeps it otherwise). */
export async function closePdf(doc: PdfDocument): Promise<void> {
  await doc.loadingTask.destroy();
}
