/**
 * Legacy Vietnamese 8-bit encodings: TCVN3 (ABC, fonts .VnTime/.VnTimeH) and
 * VNI-Windows (fonts VNI-Times). Decoding to Unicode, plus the inverse
 * (encoding) so tests can prove the tables round-trip.
 *
 * Sources of the tables (checked against each other, not typed from memory):
 * - TCVN3: TCVN 5712:1993 as implemented by glibc iconv (`iconv -f TCVN5712-1`),
 *   cross-checked with the TCVN3 tables of xvnkb (lamdao/xvnkb tcvn.h), Unikey's
 *   VnConv (fcitx/fcitx5-unikey unikey/data.cpp) and duydev/vietnamese-conversion
 *   (src/charsets.ts). All four agree on the 134 lowercase letters and the seven
 *   capitals Ă Â Ê Ô Ơ Ư Đ (bytes 0xA1-0xAE, 0xB5-0xFE).
 * - VNI-Windows: Unikey's VnConv VNI-WIN table (base letter + tone byte),
 *   cross-checked with xvnkb vni.h and duydev/vietnamese-conversion.
 *
 * Bytes 0x80-0x9F are read as Windows-1252 punctuation in both encodings
 * (curly quotes, dashes, bullet), as Unikey does: the .VnTime and VNI fonts
 * keep the Western symbols there. Bytes below 0x80 are ASCII.
 */

/** Windows-1252 for 0x80-0xFF, from the platform's WHATWG decoder (not typed by hand). */
const CP1252_HIGH: string[] = (() => {
  const bytes = new Uint8Array(128);
  for (let i = 0; i < 128; i++) bytes[i] = 0x80 + i;
  return Array.from(new TextDecoder('windows-1252').decode(bytes));
})();

/** Windows-1252 decoding of one byte. */
export function cp1252Char(byte: number): string {
  return byte < 0x80 ? String.fromCharCode(byte) : (CP1252_HIGH[byte - 0x80] ?? '\uFFFD');
}

/** Inverse of Windows-1252, also accepting C1 controls U+0080-U+009F (ISO-8859-1 reading). */
const CP1252_INVERSE: Map<string, number> = (() => {
  const m = new Map<string, number>();
  for (let b = 0x80; b <= 0x9f; b++) m.set(String.fromCharCode(b), b);
  CP1252_HIGH.forEach((ch, i) => m.set(ch, 0x80 + i));
  return m;
})();

/**
 * Bytes of a string read as Windows-1252 (or ISO-8859-1), or null when some
 * character cannot come from a single Windows-1252 byte.
 */
export function cp1252Bytes(text: string): Uint8Array | null {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      out[i] = c;
      continue;
    }
    const b = CP1252_INVERSE.get(text[i] ?? '');
    if (b === undefined) return null;
    out[i] = b;
  }
  return out;
}

// ---------------------------------------------------------------------------
// TCVN3
// ---------------------------------------------------------------------------

/**
 * TCVN 5712:1993 for bytes 0xA0-0xFF (glibc TCVN5712-1), one row per 16 bytes.
 * TCVN3 (the VN3 subset used by ABC fonts) is every lowercase letter here plus
 * the capitals at 0xA1-0xA7; the other capitals (0xAF, 0xBA, 0xBF, 0xC0-0xC5,
 * 0xCD, 0xD9-0xDB, 0xE0, 0xF0, 0xFF) and the combining tone marks 0xB0-0xB4 are
 * VN1 code points that VN3 fonts leave out; they are decoded per the standard.
 */
const TCVN_A0_FF: readonly number[] = [
  /* A0 */ 0x00a0, 0x0102, 0x00c2, 0x00ca, 0x00d4, 0x01a0, 0x01af, 0x0110,
  /* A8 */ 0x0103, 0x00e2, 0x00ea, 0x00f4, 0x01a1, 0x01b0, 0x0111, 0x1eb0,
  /* B0 */ 0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00e0, 0x1ea3, 0x00e3,
  /* B8 */ 0x00e1, 0x1ea1, 0x1eb2, 0x1eb1, 0x1eb3, 0x1eb5, 0x1eaf, 0x1eb4,
  /* C0 */ 0x1eae, 0x1ea6, 0x1ea8, 0x1eaa, 0x1ea4, 0x1ec0, 0x1eb7, 0x1ea7,
  /* C8 */ 0x1ea9, 0x1eab, 0x1ea5, 0x1ead, 0x00e8, 0x1ec2, 0x1ebb, 0x1ebd,
  /* D0 */ 0x00e9, 0x1eb9, 0x1ec1, 0x1ec3, 0x1ec5, 0x1ebf, 0x1ec7, 0x00ec,
  /* D8 */ 0x1ec9, 0x1ec4, 0x1ebe, 0x1ed2, 0x0129, 0x00ed, 0x1ecb, 0x00f2,
  /* E0 */ 0x1ed4, 0x1ecf, 0x00f5, 0x00f3, 0x1ecd, 0x1ed3, 0x1ed5, 0x1ed7,
  /* E8 */ 0x1ed1, 0x1ed9, 0x1edd, 0x1edf, 0x1ee1, 0x1edb, 0x1ee3, 0x00f9,
  /* F0 */ 0x1ed6, 0x1ee7, 0x0169, 0x00fa, 0x1ee5, 0x1eeb, 0x1eed, 0x1eef,
  /* F8 */ 0x1ee9, 0x1ef1, 0x1ef3, 0x1ef7, 0x1ef9, 0x00fd, 0x1ef5, 0x1ed0,
];

/** Byte -> UTF-16 code unit for all 256 bytes (every TCVN3 character is one code unit). */
const TCVN3_DECODE: Uint16Array = (() => {
  const t = new Uint16Array(256);
  for (let b = 0; b < 0xa0; b++) t[b] = cp1252Char(b).charCodeAt(0);
  TCVN_A0_FF.forEach((cp, i) => (t[0xa0 + i] = cp));
  return t;
})();

const utf16le = new TextDecoder('utf-16le');

/** Decodes TCVN3 bytes to a (not yet NFC-normalised) string. */
export function decodeTcvn3(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) units[i] = TCVN3_DECODE[bytes[i] ?? 0] ?? 0xfffd;
  // Uint16Array is little-endian on every platform Node runs on (x86, ARM).
  return utf16le.decode(units);
}

/** Unicode letter -> TCVN3 byte (VN3 subset only: what ABC fonts can show). */
const TCVN3_ENCODE: Map<string, number> = (() => {
  const m = new Map<string, number>();
  TCVN_A0_FF.forEach((cp, i) => {
    const byte = 0xa0 + i;
    const ch = String.fromCharCode(cp);
    const isVn3 = (byte >= 0xa1 && byte <= 0xae) || ch !== ch.toUpperCase();
    if (isVn3) m.set(ch, byte);
  });
  return m;
})();

/**
 * Encodes Unicode text as TCVN3 (VN3) the way ABC keyboards do: a capital
 * letter with a tone mark has no code of its own, so it gets the lowercase
 * letter's byte (a .VnTimeH font shows it as a capital). Throws on a
 * character that has no TCVN3 byte. For tests and fixtures.
 */
export function encodeTcvn3(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) {
      out.push(cp);
      continue;
    }
    const b = TCVN3_ENCODE.get(ch) ?? TCVN3_ENCODE.get(ch.toLowerCase());
    if (b !== undefined) {
      out.push(b);
      continue;
    }
    const w = CP1252_INVERSE.get(ch);
    if (w !== undefined && w < 0xa0) {
      out.push(w);
      continue;
    }
    throw new Error(`no TCVN3 byte for ${JSON.stringify(ch)}`);
  }
  return Uint8Array.from(out);
}

// ---------------------------------------------------------------------------
// VNI-Windows
// ---------------------------------------------------------------------------

/** Tone marks (lowercase byte; the uppercase byte is 0x20 lower). */
const ACUTE = '\u0301';
const GRAVE = '\u0300';
const HOOK = '\u0309';
const TILDE = '\u0303';
const DOT = '\u0323';
const CIRC = '\u0302';
const BREVE = '\u0306';

/** VNI mark bytes (lowercase form) -> combining marks they stand for. */
const VNI_MARKS: ReadonlyArray<[number, string]> = [
  [0xf9, ACUTE], [0xf8, GRAVE], [0xfb, HOOK], [0xf5, TILDE], [0xef, DOT],
  [0xe2, CIRC], [0xe1, CIRC + ACUTE], [0xe0, CIRC + GRAVE], [0xe5, CIRC + HOOK],
  [0xe3, CIRC + TILDE], [0xe4, CIRC + DOT],
  [0xea, BREVE], [0xe9, BREVE + ACUTE], [0xe8, BREVE + GRAVE], [0xfa, BREVE + HOOK],
  [0xfc, BREVE + TILDE], [0xeb, BREVE + DOT],
];

/** VNI bytes that are whole letters by themselves (lowercase form). */
const VNI_LETTERS: ReadonlyArray<[number, string]> = [
  [0xf1, 'đ'], [0xf4, 'ơ'], [0xf6, 'ư'],
  [0xed, 'í'], [0xec, 'ì'], [0xe6, 'ỉ'], [0xf3, 'ĩ'], [0xf2, 'ị'], [0xee, 'ỵ'],
];

const TONES = [ACUTE, GRAVE, HOOK, TILDE, DOT];

/** Which combining-mark sequences each VNI base letter takes (lowercase base). */
const VNI_BASE_MARKS: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const withShape = (shape: string) => [shape, ...TONES.map((t) => shape + t)];
  const m = new Map<string, Set<string>>();
  m.set('a', new Set([...TONES, ...withShape(CIRC), ...withShape(BREVE)]));
  m.set('e', new Set([...TONES, ...withShape(CIRC)]));
  m.set('o', new Set([...TONES, ...withShape(CIRC)]));
  m.set('ơ', new Set(TONES));
  m.set('u', new Set(TONES));
  m.set('ư', new Set(TONES));
  m.set('y', new Set([ACUTE, GRAVE, HOOK, TILDE])); // ỵ is a letter byte of its own
  return m;
})();

const VNI_MARK_OF_BYTE: ReadonlyMap<number, string> = (() => {
  const m = new Map<number, string>();
  for (const [b, s] of VNI_MARKS) {
    m.set(b, s);
    m.set(b - 0x20, s);
  }
  return m;
})();

const VNI_LETTER_OF_BYTE: ReadonlyMap<number, string> = (() => {
  const m = new Map<number, string>();
  for (const [b, s] of VNI_LETTERS) {
    m.set(b, s);
    m.set(b - 0x20, s.toUpperCase());
  }
  return m;
})();

/**
 * Decodes VNI-Windows bytes to a string with combining marks (normalise to NFC
 * afterwards). A mark byte counts as a mark only right after a base letter
 * that takes it (either case); anywhere else it is read as Windows-1252.
 */
export function decodeVni(bytes: Uint8Array): string {
  const parts: string[] = [];
  let out = '';
  let prevBase = ''; // lowercase base letter the next byte may attach to
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      const ch = String.fromCharCode(b);
      parts.push(ch);
      const lower = ch.toLowerCase();
      prevBase = VNI_BASE_MARKS.has(lower) ? lower : '';
    } else {
      const mark = VNI_MARK_OF_BYTE.get(b);
      if (mark !== undefined && prevBase !== '' && VNI_BASE_MARKS.get(prevBase)?.has(mark)) {
        parts.push(mark);
        prevBase = '';
      } else {
        const letter = VNI_LETTER_OF_BYTE.get(b);
        if (letter !== undefined) {
          parts.push(letter);
          const lower = letter.toLowerCase();
          prevBase = VNI_BASE_MARKS.has(lower) ? lower : '';
        } else {
          parts.push(cp1252Char(b));
          prevBase = '';
        }
      }
    }
    if (parts.length >= 8192) {
      out += parts.join('');
      parts.length = 0;
    }
  }
  return out + parts.join('');
}

/** Unicode letter (lowercase, NFC) -> VNI byte string (lowercase bytes). */
const VNI_ENCODE: Map<string, number[]> = (() => {
  const m = new Map<string, number[]>();
  const markByte = new Map<string, number>(VNI_MARKS.map(([b, s]) => [s, b]));
  for (const [base, marks] of VNI_BASE_MARKS) {
    const baseBytes = base.charCodeAt(0) < 0x80 ? [base.charCodeAt(0)] : [VNI_LETTERS.find(([, s]) => s === base)?.[0] ?? 0];
    for (const mk of marks) {
      const composed = (base + mk).normalize('NFC');
      const mb = markByte.get(mk);
      if (mb !== undefined) m.set(composed, [...baseBytes, mb]);
    }
  }
  for (const [b, s] of VNI_LETTERS) m.set(s, [b]);
  return m;
})();

/**
 * Encodes Unicode text as VNI-Windows (capitals get capital mark bytes, as
 * VNI keyboards write them). Throws on a character VNI cannot represent.
 * For tests and fixtures.
 */
export function encodeVni(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) {
      out.push(cp);
      continue;
    }
    const lower = ch.toLowerCase();
    const seq = VNI_ENCODE.get(lower);
    if (seq !== undefined) {
      const upper = ch !== lower;
      seq.forEach((b, k) => {
        if (!upper) out.push(b);
        else if (k === 0 && b < 0x80) out.push(String.fromCharCode(b).toUpperCase().charCodeAt(0));
        else out.push(b - 0x20);
      });
      continue;
    }
    const w = CP1252_INVERSE.get(ch);
    if (w !== undefined && w < 0xa0) {
      out.push(w);
      continue;
    }
    throw new Error(`no VNI bytes for ${JSON.stringify(ch)}`);
  }
  return Uint8Array.from(out);
}
