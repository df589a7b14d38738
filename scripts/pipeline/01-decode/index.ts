/**
 * Pipeline step 01: bytes of a source file -> Unicode text (NFC, \n line
 * endings, no BOM), or a DecodeError that names the file and the problem.
 *
 * What is accepted, converted or rejected is recorded in
 * docs/decisions/0301-source-decoding.md. In short:
 * - UTF-8 (with or without BOM) and UTF-16 with a BOM are decoded;
 * - TCVN3 and VNI-Windows, as raw bytes or as mojibake already saved as UTF-8
 *   ("TØnh ñy", "Vieät Nam"), are converted with a warning when the reading is
 *   convincing, and rejected ('legacy-encoding', naming the encoding) when not;
 * - empty, binary, truncated or otherwise invalid input is rejected.
 * Nothing else in the text is changed.
 */
import {
  detectSignature,
  findInvalidUtf8,
  isRtf,
  lineOfOffset,
  looksLikeBomlessUtf16,
  scanControls,
} from './bytes.ts';
import { ENCODING_NAMES, detectLegacyBytes, detectMojibake, ratio } from './detect.ts';
import type { LegacyEncoding, Tally } from './detect.ts';
import { cp1252Bytes, decodeTcvn3, decodeVni } from './legacy.ts';

export type SourceEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'tcvn3' | 'vni';

export interface DecodedText {
  /** NFC, no BOM, \n line endings. */
  text: string;
  /** How the bytes were read. 'tcvn3'/'vni' mean the text was converted (see warnings). */
  encoding: SourceEncoding;
  /** Things an editor should know (conversion done, control characters kept, ...). */
  warnings: string[];
}

export type DecodeProblem =
  | 'empty' // no bytes, or only whitespace
  | 'too-large' // more than maxBytes
  | 'binary' // NUL bytes, many control bytes, or a known binary format (PDF, PNG, ZIP, DOC, ...)
  | 'not-plain-text' // RTF: text, but markup that must be saved as plain text first
  | 'unsupported-encoding' // UTF-32, UTF-16 without a BOM
  | 'invalid-utf8' // not UTF-8 and no legacy encoding fits (includes a truncated last character)
  | 'invalid-utf16' // UTF-16 BOM but odd length or unpaired surrogates
  | 'legacy-encoding' // TCVN3 / VNI / Windows-1258 detected and not converted
  | 'mojibake'; // UTF-8 that was read as Windows-1252 and saved again ("Tá»‰nh")

export interface DecodeOptions {
  /** Larger inputs are rejected with 'too-large'. Default 20 MB. */
  maxBytes?: number;
  /** What to do with a convincing TCVN3/VNI file: convert (default) or reject. */
  legacy?: 'convert' | 'reject';
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export class DecodeError extends Error {
  readonly file: string;
  readonly problem: DecodeProblem;
  /** Byte offset of the problem in the file, where there is one. */
  readonly offset: number | undefined;
  /** The encoding detected, for 'legacy-encoding' / 'mojibake' / 'unsupported-encoding'. */
  readonly detectedEncoding: string | undefined;

  constructor(file: string, problem: DecodeProblem, detail: string, extra: { offset?: number; detectedEncoding?: string } = {}) {
    super(`${file}: ${detail}`);
    this.name = 'DecodeError';
    this.file = file;
    this.problem = problem;
    this.offset = extra.offset;
    this.detectedEncoding = extra.detectedEncoding;
  }
}

const SAVE_AS_UTF8 = 'Save it as plain text in UTF-8 and add it again.';

const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

const startsWith = (bytes: Uint8Array, magic: readonly number[]) =>
  bytes.length >= magic.length && magic.every((m, k) => bytes[k] === m);

const pct = (t: Tally) => `${Math.round(ratio(t) * 100)}%`;

/** Decodes one source file. Throws DecodeError for input that cannot be read faithfully. */
export function decodeSource(bytes: Uint8Array, file: string, opts: DecodeOptions = {}): DecodedText {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) {
    throw new DecodeError(
      file,
      'too-large',
      `file is too large: ${bytes.length} bytes, the limit is ${maxBytes} bytes (${(maxBytes / 1024 / 1024).toFixed(1)} MB). ` +
        'Check that it is a single document; split it or raise maxBytes.',
    );
  }
  if (bytes.length === 0) throw new DecodeError(file, 'empty', 'file is empty (0 bytes).');

  // Byte-order marks. UTF-32 first: its little-endian BOM starts like UTF-16's.
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    throw new DecodeError(file, 'unsupported-encoding', `text is UTF-32, which is not supported. ${SAVE_AS_UTF8}`, {
      detectedEncoding: 'utf-32',
    });
  }
  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(bytes, file, 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes, file, 'utf-16be');
  const hasBom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  const bodyStart = hasBom ? 3 : 0;
  const body = bytes.subarray(bodyStart);

  // Known binary formats, then bytes that text does not contain.
  const signature = detectSignature(bytes);
  if (signature !== null) {
    throw new DecodeError(file, 'binary', `binary file, not text: it is ${signature}. Extract its text first. ${SAVE_AS_UTF8}`, {
      offset: 0,
    });
  }
  if (isRtf(body)) {
    throw new DecodeError(
      file,
      'not-plain-text',
      `RTF document, not plain text: open it in a word processor and save it as plain text (UTF-8), then add it again.`,
      { offset: bodyStart },
    );
  }
  const bomless = looksLikeBomlessUtf16(body);
  if (bomless !== null) {
    throw new DecodeError(
      file,
      'unsupported-encoding',
      `text looks like ${bomless === 'utf-16le' ? 'UTF-16 little-endian' : 'UTF-16 big-endian'} without a byte-order mark, ` +
        `which cannot be read reliably. ${SAVE_AS_UTF8}`,
      { detectedEncoding: bomless },
    );
  }
  const warnings: string[] = [];
  const controls = scanControls(body);
  if (controls.firstNul >= 0) {
    const at = bodyStart + controls.firstNul;
    throw new DecodeError(file, 'binary', `binary file, not text: NUL byte at byte offset ${at} (line ${lineOfOffset(bytes, at)}).`, {
      offset: at,
    });
  }
  if (controls.controls > 0) {
    const at = bodyStart + controls.firstControl;
    const where = `first at byte offset ${at}, line ${lineOfOffset(bytes, at)}`;
    if (controls.controls >= 3 && controls.controls >= body.length * 0.01) {
      throw new DecodeError(
        file,
        'binary',
        `binary file, not text: ${controls.controls} control bytes in ${body.length} (${where}).`,
        { offset: at },
      );
    }
    warnings.push(`${controls.controls} control character(s) other than tab, newline and form feed were kept as they are (${where}).`);
  }

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return decodeNonUtf8(bytes, body, bodyStart, hasBom, file, opts, warnings);
  }
  return finishUnicode(text, hasBom ? 'utf-8-bom' : 'utf-8', file, opts, warnings);
}

function decodeUtf16(bytes: Uint8Array, file: string, enc: 'utf-16le' | 'utf-16be'): DecodedText {
  const body = bytes.subarray(2);
  const name = enc === 'utf-16le' ? 'UTF-16 little-endian' : 'UTF-16 big-endian';
  if (body.length % 2 !== 0) {
    throw new DecodeError(
      file,
      'invalid-utf16',
      `invalid ${name}: the file has an odd number of bytes, so its last character is cut off at byte offset ${bytes.length - 1}; ` +
        'the file may be truncated.',
      { offset: bytes.length - 1 },
    );
  }
  let text: string;
  try {
    text = new TextDecoder(enc, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    throw new DecodeError(file, 'invalid-utf16', `invalid ${name}: it contains an unpaired surrogate. ${SAVE_AS_UTF8}`);
  }
  const warnings: string[] = [];
  const ctl = text.match(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g);
  if (ctl !== null) {
    if (ctl.includes('\u0000') || (ctl.length >= 3 && ctl.length >= text.length * 0.01)) {
      throw new DecodeError(file, 'binary', `binary content in ${name} text: ${ctl.length} control characters (NUL or others).`);
    }
    warnings.push(`${ctl.length} control character(s) other than tab, newline and form feed were kept as they are.`);
  }
  return finishUnicode(text, enc, file, {}, warnings);
}

/** Valid Unicode text: check for mojibake, then normalise. */
function finishUnicode(text: string, encoding: SourceEncoding, file: string, opts: DecodeOptions, warnings: string[]): DecodedText {
  const nfc = text.normalize('NFC');
  const moji = detectMojibake(nfc);
  if (moji.kind === 'utf-8') {
    throw new DecodeError(
      file,
      'mojibake',
      'text is double-encoded UTF-8 (like "Tá»‰nh" for "Tỉnh"): UTF-8 bytes were read as Windows-1252 and saved again. ' +
        'Re-save the original file as UTF-8.',
      { detectedEncoding: 'utf-8 read as windows-1252' },
    );
  }
  if (moji.kind !== null) {
    const kind = moji.kind;
    const name = ENCODING_NAMES[kind];
    const sample = `${moji.evidence[kind]} of ${moji.sampled} suspicious words read as Vietnamese only in ${name}`;
    const legacyBytes = cp1252Bytes(nfc);
    if (legacyBytes === null) {
      throw new DecodeError(
        file,
        'legacy-encoding',
        `legacy Vietnamese encoding ${name} detected inside Unicode text (mojibake such as "TØnh ñy" or "Vieät Nam"; ${sample}), ` +
          'mixed with characters that cannot come from it, so it cannot be converted safely. ' +
          'Convert the original legacy file to Unicode instead.',
        { detectedEncoding: kind },
      );
    }
    if (opts.legacy === 'reject') {
      throw new DecodeError(
        file,
        'legacy-encoding',
        `legacy Vietnamese encoding ${name} detected: the file is valid UTF-8 but its text is ${name} read as Windows-1252 ` +
          `(mojibake; ${sample}). Convert it to Unicode first.`,
        { detectedEncoding: kind },
      );
    }
    const converted = convertLegacy(legacyBytes, kind);
    return finish(converted.text, kind, file, [
      ...warnings,
      `converted from ${name}: the file was valid UTF-8 but held ${name} text read as Windows-1252 (mojibake; ${sample}). ` +
        'An editor should check the text.',
      ...converted.warnings,
    ]);
  }
  return finish(nfc, encoding, file, warnings, true);
}

/** Not UTF-8: a truncated last character, a legacy encoding, or garbage. */
function decodeNonUtf8(
  bytes: Uint8Array,
  body: Uint8Array,
  bodyStart: number,
  hasBom: boolean,
  file: string,
  opts: DecodeOptions,
  warnings: string[],
): DecodedText {
  const bad = findInvalidUtf8(body) ?? { offset: 0, truncated: false };
  const at = bodyStart + bad.offset;
  const line = lineOfOffset(bytes, at);
  if (bad.truncated) {
    throw new DecodeError(
      file,
      'invalid-utf8',
      `invalid UTF-8 at byte offset ${at} (line ${line}): the file ends in the middle of a character ` +
        `(${bytes.length - at} byte(s) of a longer sequence); the file may be truncated. Check it against the original.`,
      { offset: at },
    );
  }
  const b = bytes[at] ?? 0;
  const what =
    b >= 0x80 && b <= 0xbf
      ? `byte ${hex(b)} continues a character that was never started`
      : b === 0xc0 || b === 0xc1 || b >= 0xf5
        ? `byte ${hex(b)} never occurs in UTF-8`
        : `byte ${hex(b)} starts a character that the next byte does not complete`;
  const invalidUtf8 = (hint: string) =>
    new DecodeError(file, 'invalid-utf8', `invalid UTF-8 at byte offset ${at} (line ${line}): ${what}. ${hint}`, { offset: at });
  if (hasBom) throw invalidUtf8(`The file starts with a UTF-8 byte-order mark but is not valid UTF-8. ${SAVE_AS_UTF8}`);

  const verdict = detectLegacyBytes(body);
  const enc = verdict.encoding;
  if (enc === null) {
    const lossy = new TextDecoder('utf-8').decode(body);
    const bad = lossy.match(/\uFFFD/g)?.length ?? 0;
    const nonAscii = lossy.match(/[^\u0000-\u007f]/g)?.length ?? 0;
    if (bad * 10 < nonAscii) {
      throw invalidUtf8(
        `Most of the file is valid UTF-8, but ${bad} byte sequence(s) are not (damaged, or pasted from a file in another encoding). ` +
          'Fix them against the original.',
      );
    }
    throw invalidUtf8(`The file is probably in an 8-bit encoding (such as Windows-1252) that is not Vietnamese. ${SAVE_AS_UTF8}`);
  }
  const name = ENCODING_NAMES[enc];
  const score = `${pct(verdict.scores[enc])} of ${verdict.scores[enc].valid + verdict.scores[enc].invalid} words read as Vietnamese`;
  const rejectLegacy = (why: string) =>
    new DecodeError(
      file,
      'legacy-encoding',
      `legacy Vietnamese encoding ${name} detected (not UTF-8; ${score}). ${why} ` +
        'Convert it to Unicode UTF-8 (for example with the converter in Unikey) and add it again.',
      { offset: at, detectedEncoding: enc },
    );
  if (verdict.confidence === 'unsure') {
    const other = verdict.ambiguousWith === undefined ? '' : ` It reads as well in ${ENCODING_NAMES[verdict.ambiguousWith]}.`;
    throw rejectLegacy(`The reading is not certain enough to convert automatically.${other}`);
  }
  if (enc === 'windows-1258') throw rejectLegacy('Automatic conversion is implemented only for TCVN3 and VNI.');
  if (opts.legacy === 'reject') throw rejectLegacy('Automatic conversion is turned off.');
  const converted = convertLegacy(body, enc);
  return finish(converted.text, enc, file, [
    ...warnings,
    `converted from ${name} to Unicode (${score}). An editor should check the text.`,
    ...converted.warnings,
  ]);
}

function convertLegacy(bytes: Uint8Array, enc: Exclude<LegacyEncoding, 'windows-1258'>): { text: string; warnings: string[] } {
  if (enc === 'vni') return { text: decodeVni(bytes).normalize('NFC'), warnings: [] };
  const lower = decodeTcvn3(bytes).normalize('NFC');
  const { text, restored } = restoreTcvn3Capitals(lower);
  const warnings = [
    'TCVN3 has no codes for capital letters with tone marks (.VnTimeH fonts show the lowercase codes as capitals); ' +
      (restored > 0
        ? `capitals were restored in ${restored} all-caps word(s); check headings for case.`
        : 'check headings for case.'),
  ];
  return { text, warnings };
}

/**
 * TCVN3 writes "TỈNH" as "T" + the byte for "ỉ" + "NH" (capitals with tone
 * marks have no code). Capitals are restored only where the text shows that a
 * word or line is in capitals:
 * - a word whose ASCII letters are all capitals, with a capital after its first
 *   letter ("TØNH", "ñY", "QU¶NG");
 * - every word of a line that has no lowercase ASCII letter and has such a word
 *   or an all-capital word of letters only ("BÝ TH¦" -> "BÍ THƯ").
 * "Sè: 205/NQ-H§ND" (Số) and capitalised words ("ñy ban" at a sentence start)
 * are left as they are: there the case cannot be known.
 */
function restoreTcvn3Capitals(text: string): { text: string; restored: number } {
  let restored = 0;
  const hasLowerVietnamese = (w: string) => Array.from(w).some((c) => c > '\u007f' && c !== c.toUpperCase());
  const isAllCapsWord = (w: string) => {
    const letters = w.replace(/^[^\p{L}]+/u, '');
    return /^.+[A-Z]/su.test(letters) && !/[a-z]/.test(w) && hasLowerVietnamese(w);
  };
  const isCapitalsOnly = (w: string) => {
    const core = w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
    return /^\p{L}{2,}$/u.test(core) && core === core.toUpperCase() && core !== core.toLowerCase();
  };
  const upper = (w: string) => {
    const u = w.toUpperCase();
    if (u !== w) restored++;
    return u;
  };
  const lines = text.split('\n').map((line) => {
    // Only lines with an ASCII capital and a non-ASCII letter can need it; most lines stop here.
    if (!/[A-Z]/.test(line) || !/[^\u0000-\u007f]/.test(line)) return line;
    if (/[a-z]/.test(line)) return line.replace(/\S*[A-Z]\S*/g, (w) => (isAllCapsWord(w) ? upper(w) : w));
    const words = line.split(/(\s+)/);
    const lineAllCaps = words.some((w) => isAllCapsWord(w) || isCapitalsOnly(w));
    return words.map((w) => (isAllCapsWord(w) || (lineAllCaps && hasLowerVietnamese(w)) ? upper(w) : w)).join('');
  });
  return { text: lines.join('\n'), restored };
}

/** Line endings, NFC, emptiness, and warnings about suspicious characters. */
function finish(text: string, encoding: SourceEncoding, file: string, warnings: string[], isNfc = false): DecodedText {
  let out = text.startsWith('\uFEFF') ? text.slice(1) : text;
  out = out.includes('\r') ? out.replace(/\r\n?/g, '\n') : out;
  // NFC text stays NFC when a leading mark or a CR goes (nothing composes with a line break): not normalised twice.
  if (!isNfc) out = out.normalize('NFC');
  // (What trim() strips is what \s matches: no copy of the text to learn it is blank.)
  if (!/\S/.test(out)) throw new DecodeError(file, 'empty', 'file contains only whitespace.');
  const replacement = out.match(/\uFFFD/g)?.length ?? 0;
  if (replacement > 0) {
    warnings.push(
      `${replacement} replacement character(s) U+FFFD: some text was already lost before this file was saved; compare with the original.`,
    );
  }
  const innerBom = out.match(/\uFEFF/g)?.length ?? 0;
  if (innerBom > 0) warnings.push(`${innerBom} byte-order mark(s) U+FEFF inside the text (files joined together?) were kept.`);
  return { text: out, encoding, warnings };
}
