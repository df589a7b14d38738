/**
 * The zip container of a DOCX, read defensively: the central directory is
 * parsed here (not trusted to a library) so that every part's declared size is
 * known and checked BEFORE anything is inflated, and inflating stops as soon
 * as a part would give more bytes than it declared (a zip bomb lies about
 * its sizes; node's zlib with maxOutputLength). Only the parts asked for are
 * inflated. ADR 1503.
 */
import { inflateRawSync } from 'node:zlib';
import { ExtractError, LIMITS } from './types.ts';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  encrypted: boolean;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const u16 = (b: Uint8Array, o: number): number => (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, o: number): number => (u16(b, o) | (u16(b, o + 2) << 16)) >>> 0;

/** The central directory's entries, or null when there is none (not a zip, or truncated). */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  // The end record is in the last 22 + 65535 (comment) bytes.
  let e = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(bytes, i) === EOCD) {
      e = i;
      break;
    }
  }
  if (e < 0) return null;
  const count = u16(bytes, e + 10);
  let o = u32(bytes, e + 16);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (o + 46 > bytes.length || u32(bytes, o) !== CENTRAL) return null;
    const flags = u16(bytes, o + 8);
    const nameLen = u16(bytes, o + 28);
    const extraLen = u16(bytes, o + 30);
    const commentLen = u16(bytes, o + 32);
    entries.push({
      name: decoder.decode(bytes.subarray(o + 46, o + 46 + nameLen)),
      method: u16(bytes, o + 10),
      compressedSize: u32(bytes, o + 20),
      size: u32(bytes, o + 24),
      localOffset: u32(bytes, o + 42),
      encrypted: (flags & 1) === 1,
    });
    o += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * The declared sizes, summed over every part, against the limit. A zip64
 * size marker (0xFFFFFFFF) counts as too large: no office document needs one.
 */
export function checkDeclaredSizes(entries: ZipEntry[], file: string): void {
  let total = 0;
  for (const en of entries) total += en.size === 0xffffffff ? Infinity : en.size;
  if (total > LIMITS.maxUnzippedBytes) {
    throw new ExtractError(
      file,
      'too-large',
      `the zip declares ${Number.isFinite(total) ? `${total} bytes` : 'a zip64 size'} uncompressed, over the limit of ${LIMITS.maxUnzippedBytes} bytes (a zip bomb or not an office document)`,
    );
  }
}

/** One part's bytes; inflating stops at its declared size. */
export function readPart(bytes: Uint8Array, en: ZipEntry, file: string): Uint8Array {
  const o = en.localOffset;
  if (o + 30 > bytes.length || u32(bytes, o) !== LOCAL) throw new ExtractError(file, 'corrupt', `zip part ${en.name}: local header missing (truncated or damaged file)`);
  const start = o + 30 + u16(bytes, o + 26) + u16(bytes, o + 28);
  const end = start + en.compressedSize;
  if (end > bytes.length) throw new ExtractError(file, 'corrupt', `zip part ${en.name} runs past the end of the file (truncated)`);
  const data = bytes.subarray(start, end);
  if (en.encrypted) throw new ExtractError(file, 'encrypted', `zip part ${en.name} is encrypted; save the document without a password`);
  if (en.method === 0) {
    if (data.length !== en.size) throw new ExtractError(file, 'corrupt', `zip part ${en.name}: stored size does not match`);
    return data;
  }
  if (en.method !== 8) throw new ExtractError(file, 'unsupported', `zip part ${en.name} uses compression method ${en.method}; save it again from Word`);
  let out: Uint8Array;
  try {
    // zlib stops as soon as the output would pass the declared size: a lying part costs no more than that.
    out = inflateRawSync(data, { maxOutputLength: Math.max(1, en.size) });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
      throw new ExtractError(file, 'too-large', `zip part ${en.name} inflates past its declared ${en.size} bytes (a zip bomb); not read`);
    }
    throw new ExtractError(file, 'corrupt', `zip part ${en.name} does not inflate (${(err as Error).message}); the file is damaged`);
  }
  const filled = out.length;
  if (filled !== en.size) throw new ExtractError(file, 'corrupt', `zip part ${en.name} gave ${filled} of its declared ${en.size} bytes (truncated)`);
  return out;
}
