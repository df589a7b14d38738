/**
 * What a file's first bytes say it is, whatever its name says. A source is
 * read by the extractor of its extension only when the two agree: a PDF
 * renamed .docx, a Word 97 file saved as .docx, an RTF named .doc are held
 * back by name (ADR 1501), never read by a guess.
 */
import type { SourceFormat } from './types.ts';

export type Magic = 'pdf' | 'zip' | 'ole' | 'rtf' | 'other';

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0): boolean =>
  bytes.length >= at + magic.length && magic.every((m, k) => bytes[at + k] === m);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // PK\3\4 (a DOCX is a zip)
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // compound file (Word 97–2003)
const RTF = [0x7b, 0x5c, 0x72, 0x74, 0x66]; // {\rtf

/** PDF readers accept the header anywhere in the first 1024 bytes (ISO 32000-1, note in 7.5.2 and implementation notes). */
function pdfHeaderAt(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length - PDF.length, 1024);
  for (let i = 0; i <= end; i++) if (startsWith(bytes, PDF, i)) return true;
  return false;
}

export function sniff(bytes: Uint8Array): Magic {
  if (pdfHeaderAt(bytes)) return 'pdf';
  if (startsWith(bytes, ZIP)) return 'zip';
  if (startsWith(bytes, OLE)) return 'ole';
  if (startsWith(bytes, RTF)) return 'rtf';
  return 'other';
}

/** The magic each extension must show. */
export const EXPECTED: Record<Exclude<SourceFormat, 'txt'>, Magic> = { pdf: 'pdf', docx: 'zip', doc: 'ole' };

/** How the file's real kind is named to an editor. */
export const MAGIC_NAMES: Record<Magic, string> = {
  pdf: 'a PDF',
  zip: 'a zip archive (a .docx, .xlsx or other Office Open XML file, or a plain zip)',
  ole: 'a legacy Office file (Word 97–2003 .doc, .xls or .ppt)',
  rtf: 'an RTF file',
  other: 'neither PDF, DOCX nor Word 97 (no known signature)',
};
