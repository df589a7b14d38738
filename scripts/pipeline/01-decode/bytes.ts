/** Byte-level checks: UTF-8 validity with the failing offset, file signatures, control bytes. */

export interface Utf8Problem {
  /** Offset of the first byte of the ill-formed sequence. */
  offset: number;
  /** True when the sequence is well-formed so far but the input ends inside it. */
  truncated: boolean;
}

/**
 * Finds the first ill-formed UTF-8 sequence (Unicode / WHATWG rules: no
 * overlongs, no surrogates, nothing above U+10FFFF). Null when all is valid.
 * Only called after the native fatal TextDecoder has already failed.
 */
export function findInvalidUtf8(bytes: Uint8Array): Utf8Problem | null {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return { offset: i, truncated: false };
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return { offset: i, truncated: true };
      const c = bytes[i + k] ?? 0;
      const min = k === 1 ? lo : 0x80;
      const max = k === 1 ? hi : 0xbf;
      if (c < min || c > max) return { offset: i, truncated: false };
    }
    i += need + 1;
  }
  return null;
}

/** 1-based line number of a byte offset (counts LF bytes before it). */
export function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  const end = Math.min(offset, bytes.length);
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

interface Signature {
  magic: readonly number[];
  what: string;
}

const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

/** Formats an editor may drop into content/ by mistake. Checked at offset 0. */
const SIGNATURES: readonly Signature[] = [
  { magic: ascii('%PDF'), what: 'a PDF document (starts with %PDF)' },
  { magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: 'a PNG image' },
  { magic: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP container (PK signature: .zip, .docx, .xlsx, .odt, .epub)' },
  { magic: [0x50, 0x4b, 0x05, 0x06], what: 'an empty ZIP archive (PK signature)' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'an OLE compound file (a Word 97-2003 .doc or Excel .xls)' },
  { magic: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { magic: ascii('GIF8'), what: 'a GIF image' },
  { magic: [0x49, 0x49, 0x2a, 0x00], what: 'a TIFF image (scanned page?)' },
  { magic: [0x4d, 0x4d, 0x00, 0x2a], what: 'a TIFF image (scanned page?)' },
  { magic: [0x1f, 0x8b], what: 'a gzip archive' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive' },
  { magic: ascii('Rar!'), what: 'a RAR archive' },
];

/** A known binary format at the start of the file, in words; null when none. */
export function detectSignature(bytes: Uint8Array): string | null {
  for (const sig of SIGNATURES) {
    if (bytes.length >= sig.magic.length && sig.magic.every((m, k) => bytes[k] === m)) return sig.what;
  }
  return null;
}

/** True for an RTF file ({\rtf), which is text but not the plain text we need. */
export function isRtf(bytes: Uint8Array): boolean {
  return ascii('{\\rtf').every((m, k) => bytes[k] === m);
}

export interface ControlScan {
  /** Offset of the first NUL byte, or -1. */
  firstNul: number;
  /** Count of C0 control bytes other than TAB, LF, CR, FF (and DEL), NUL included. */
  controls: number;
  /** Offset of the first such byte, or -1. */
  firstControl: number;
}

/** Scans bytes for NUL and other control characters (text allows \t \n \r \f). */
export function scanControls(bytes: Uint8Array): ControlScan {
  let firstNul = -1;
  let controls = 0;
  let firstControl = -1;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (b >= 0x20 && b !== 0x7f) continue;
    if (b === 0x09 || b === 0x0a || b === 0x0d || b === 0x0c) continue;
    if (b === 0 && firstNul < 0) firstNul = i;
    if (firstControl < 0) firstControl = i;
    controls++;
  }
  return { firstNul, controls, firstControl };
}

/**
 * Looks like UTF-16 without a byte-order mark: in the first 4 KB, nearly every
 * other byte is NUL (ASCII-range text in UTF-16) and the others are not.
 */
export function looksLikeBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul >= pairs * 0.6 && evenNul <= pairs * 0.05) return 'utf-16le';
  if (evenNul >= pairs * 0.6 && oddNul <= pairs * 0.05) return 'utf-16be';
  return null;
}
