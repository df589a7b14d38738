import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BYTES, DecodeError, decodeSource } from '../../scripts/pipeline/01-decode/index.ts';
import type { DecodeOptions } from '../../scripts/pipeline/01-decode/index.ts';
import { decodeTcvn3, decodeVni, encodeTcvn3, encodeVni } from '../../scripts/pipeline/01-decode/legacy.ts';

const FILE = 'content/sources/bad.txt';
const SOURCES = [
  '000_1be5c67f345d0e91.txt',
  '001_1d975412aaa775d0.txt',
  '002_69de05d7962fd3a5.txt',
  '003_7620ee0074b7539f.txt',
  '004_60d8232af79dd006.txt',
];
const readSource = (name: string) => new Uint8Array(readFileSync(new URL(`../../content/sources/${name}`, import.meta.url)));

const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: Array<number[] | Uint8Array | string>) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...utf8(p)] : [...p])));

/** Runs decodeSource and returns the DecodeError it must throw. */
function decodeError(input: Uint8Array, file = FILE, opts?: DecodeOptions): DecodeError {
  try {
    decodeSource(input, file, opts);
  } catch (e) {
    if (e instanceof DecodeError) return e;
    throw e;
  }
  throw new Error('expected a DecodeError, got a result');
}

/** Checks the common contract of every error: class, problem, file named in the message. */
function expectProblem(err: DecodeError, problem: DecodeError['problem'], file = FILE): void {
  expect(err).toBeInstanceOf(DecodeError);
  expect(err).toBeInstanceOf(Error);
  expect(err.name).toBe('DecodeError');
  expect(err.problem).toBe(problem);
  expect(err.file).toBe(file);
  expect(err.message.startsWith(`${file}: `)).toBe(true);
}

/** Real sentences from the corpus (with every tone and every modified vowel between them). */
const SENTENCES = [
  'Tỉnh ủy Quảng Ninh ban hành Nghị quyết số 09-NQ/TU về phương hướng, nhiệm vụ năm 2018.',
  'Năm 2018 là năm giữa nhiệm kỳ Đại hội Đảng bộ tỉnh lần thứ XIV, có ý nghĩa quan trọng.',
  'Hội đồng nhân dân tỉnh thống nhất với nội dung Báo cáo số 170/BC-UBND ngày 24/6/2024.',
  'Đẩy mạnh cải cách hành chính, cải thiện môi trường đầu tư kinh doanh, nâng cao năng lực cạnh tranh.',
  'Tỷ lệ lao động qua đào tạo đạt 87,7%; giảm tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng xuống còn dưới 5%.',
  'Khuyến khích người dân, doanh nghiệp ứng dụng thành tựu khoa học; giữ gìn bản sắc, chữ viết, tiếng nói.',
];

/** Every Vietnamese letter, lowercase: 12 vowels x 6 tones + đ. */
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const TONES = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
const ALL_LOWER = [...VOWELS.flatMap((v) => TONES.map((t) => (v + t).normalize('NFC'))), 'đ'];

/** Words with a non-ASCII letter: the ones a legacy encoding writes with high bytes. */
const vietnameseWords = (s: string) => s.split(/\s+/).filter((w) => /[^\u0000-\u007f]/.test(w)).length;

describe('decodeSource: UTF-8 and UTF-16 are decoded', () => {
  it('decodes a real corpus source (UTF-8) unchanged: first line, NFC, no warnings', () => {
    const raw = readSource('000_1be5c67f345d0e91.txt');
    const out = decodeSource(raw, 'content/sources/000_1be5c67f345d0e91.txt');
    expect(out.encoding).toBe('utf-8');
    expect(out.warnings).toEqual([]);
    const firstLine = out.text.split('\n').find((l) => l.trim() !== '');
    expect(firstLine).toBe('TỈNH UỶ QUẢNG NINH ');
    expect(out.text.normalize('NFC')).toBe(out.text);
    expect(out.text).toBe(new TextDecoder().decode(raw)); // already NFC + LF: nothing changed
  });

  it('decodes all five corpus sources as UTF-8 without warnings (no false legacy detection)', () => {
    for (const name of SOURCES) {
      const out = decodeSource(readSource(name), name);
      expect([name, out.encoding, out.warnings]).toEqual([name, 'utf-8', []]);
    }
  });

  it('strips a UTF-8 BOM and reports utf-8-bom', () => {
    const out = decodeSource(bytes([0xef, 0xbb, 0xbf], 'Tỉnh ủy Quảng Ninh\n'), FILE);
    expect(out).toEqual({ text: 'Tỉnh ủy Quảng Ninh\n', encoding: 'utf-8-bom', warnings: [] });
  });

  it('normalises NFD input to NFC', () => {
    const nfd = 'Tỉnh ủy Quảng Ninh, Nghị quyết'.normalize('NFD');
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    const out = decodeSource(utf8(nfd), FILE);
    expect(out.text).toBe('Tỉnh ủy Quảng Ninh, Nghị quyết');
    expect(out.text.length).toBe(30);
  });

  it('turns CRLF and lone CR into LF and changes nothing else', () => {
    const out = decodeSource(utf8('Điều 1.\r\n  Khoản 1;\r\rĐiều 2.\r"a"  --- b\t{x}\n'), FILE);
    expect(out.text).toBe('Điều 1.\n  Khoản 1;\n\nĐiều 2.\n"a"  --- b\t{x}\n');
  });

  it('decodes UTF-16 with a BOM (little- and big-endian)', () => {
    const s = 'Tỉnh ủy\r\nQuảng Ninh';
    const le = [0xff, 0xfe];
    const be = [0xfe, 0xff];
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      le.push(c & 0xff, c >> 8);
      be.push(c >> 8, c & 0xff);
    }
    expect(decodeSource(Uint8Array.from(le), FILE)).toEqual({ text: 'Tỉnh ủy\nQuảng Ninh', encoding: 'utf-16le', warnings: [] });
    expect(decodeSource(Uint8Array.from(be), FILE)).toEqual({ text: 'Tỉnh ủy\nQuảng Ninh', encoding: 'utf-16be', warnings: [] });
  });

  it('decodes a 5 MB real-text source quickly', () => {
    const one = readSource('000_1be5c67f345d0e91.txt');
    const copies = Math.ceil((5 * 1024 * 1024) / one.length);
    const big = new Uint8Array(one.length * copies);
    for (let k = 0; k < copies; k++) big.set(one, k * one.length);
    expect(big.length).toBeGreaterThanOrEqual(5 * 1024 * 1024);
    const t0 = performance.now();
    const out = decodeSource(big, 'big.txt');
    const ms = performance.now() - t0;
    expect(out.encoding).toBe('utf-8');
    expect(out.warnings).toEqual([]);
    expect(out.text.length).toBe(new TextDecoder().decode(one).length * copies);
    expect(ms).toBeLessThan(1500);
  });

  it('keeps a few stray control characters, with a warning naming where they are', () => {
    const out = decodeSource(utf8('Điều 1.\nKhoản\u000b 1 của nghị quyết này có hiệu lực từ ngày ký ban hành.\n'), FILE);
    expect(out.text).toBe('Điều 1.\nKhoản\u000b 1 của nghị quyết này có hiệu lực từ ngày ký ban hành.\n');
    expect(out.warnings).toEqual([
      '1 control character(s) other than tab, newline and form feed were kept as they are (first at byte offset 18, line 2).',
    ]);
  });

  it('warns about U+FFFD replacement characters (text lost earlier)', () => {
    const out = decodeSource(utf8('Ngh\uFFFD quy\uFFFDt'), FILE);
    expect(out.text).toBe('Ngh\uFFFD quy\uFFFDt');
    expect(out.warnings).toHaveLength(1);
    expect(out.warnings[0]).toContain('2 replacement character(s) U+FFFD');
  });
});

describe('decodeSource: bad input stops with a DecodeError naming the file and the problem', () => {
  it('empty file', () => {
    const err = decodeError(new Uint8Array(0));
    expectProblem(err, 'empty');
    expect(err.message).toBe(`${FILE}: file is empty (0 bytes).`);
  });

  it('whitespace only (also after a BOM)', () => {
    for (const input of [utf8(' \n\t\r\n  \u00a0\n'), bytes([0xef, 0xbb, 0xbf], '\r\n'), bytes([0xef, 0xbb, 0xbf])]) {
      const err = decodeError(input);
      expectProblem(err, 'empty');
      expect(err.message).toBe(`${FILE}: file contains only whitespace.`);
    }
  });

  it('too large for maxBytes, and the default cap is 20 MB', () => {
    expect(DEFAULT_MAX_BYTES).toBe(20 * 1024 * 1024);
    const err = decodeError(utf8('Nghị quyết'), FILE, { maxBytes: 10 });
    expectProblem(err, 'too-large');
    expect(err.message).toContain('file is too large: 14 bytes, the limit is 10 bytes');
    expect(decodeSource(utf8('Nghị quyết'), FILE, { maxBytes: 14 }).text).toBe('Nghị quyết');
  });

  it('binary: known formats are named so the editor knows to extract text first', () => {
    const cases: Array<[number[], string]> = [
      [[...utf8('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj')], 'a PDF document (starts with %PDF)'],
      [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'a PNG image'],
      [[0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0], 'a ZIP container (PK signature: .zip, .docx, .xlsx, .odt, .epub)'],
      [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0], 'an OLE compound file (a Word 97-2003 .doc or Excel .xls)'],
    ];
    for (const [magic, what] of cases) {
      const err = decodeError(Uint8Array.from(magic), 'content/sources/x.pdf');
      expectProblem(err, 'binary', 'content/sources/x.pdf');
      expect(err.message).toBe(
        `content/sources/x.pdf: binary file, not text: it is ${what}. Extract its text first. Save it as plain text in UTF-8 and add it again.`,
      );
    }
  });

  it('binary: a NUL byte, with its offset', () => {
    const err = decodeError(bytes('Điều 1.\nabc', [0x00], 'def'));
    expectProblem(err, 'binary');
    expect(err.offset).toBe(14); // "Điều 1.\n" is 11 bytes, "abc" 3
    expect(err.message).toBe(`${FILE}: binary file, not text: NUL byte at byte offset 14 (line 2).`);
  });

  it('binary: a high share of control characters', () => {
    const noise = Uint8Array.from({ length: 400 }, (_, i) => (i % 7 === 0 ? 0x01 + (i % 5) : 0x41 + (i % 26)));
    const err = decodeError(noise);
    expectProblem(err, 'binary');
    expect(err.message).toBe(`${FILE}: binary file, not text: 58 control bytes in 400 (first at byte offset 0, line 1).`);
  });

  it('RTF is text but not plain text', () => {
    const err = decodeError(utf8('{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} Ngh\\u7883? quy\\u7871?t}'));
    expectProblem(err, 'not-plain-text');
    expect(err.message).toContain('RTF document, not plain text');
  });

  it('UTF-32 and UTF-16 without a BOM are named and rejected', () => {
    const u32 = decodeError(Uint8Array.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]));
    expectProblem(u32, 'unsupported-encoding');
    expect(u32.message).toContain('text is UTF-32');
    const le = Uint8Array.from([...'Nghi quyet so 09'].flatMap((c) => [c.charCodeAt(0), 0]));
    const bomless = decodeError(le);
    expectProblem(bomless, 'unsupported-encoding');
    expect(bomless.message).toContain('UTF-16 little-endian without a byte-order mark');
  });

  it('invalid UTF-8 (a Western 8-bit file) gives the byte offset and line', () => {
    const cp1252 = Uint8Array.from([...'Line one\nLe caf'].map((c) => c.charCodeAt(0)).concat([0xe9, 0x20, 0x63, 0x72, 0xe8, 0x6d, 0x65]));
    const err = decodeError(cp1252);
    expectProblem(err, 'invalid-utf8');
    expect(err.offset).toBe(15);
    expect(err.message).toBe(
      `${FILE}: invalid UTF-8 at byte offset 15 (line 2): byte 0xE9 starts a character that the next byte does not complete. ` +
        'The file is probably in an 8-bit encoding (such as Windows-1252) that is not Vietnamese. ' +
        'Save it as plain text in UTF-8 and add it again.',
    );
  });

  it('invalid UTF-8: a few bad bytes in an otherwise UTF-8 file are reported as damage, with the offset', () => {
    const input = bytes('Tỉnh ủy Quảng Ninh ban hành nghị quyết về nhiệm vụ năm 2018.\nĐiều 1. Nhi', [0xd6], 'm vụ');
    const err = decodeError(input);
    expectProblem(err, 'invalid-utf8');
    const at = input.length - 7; // 0xD6, then "m vụ" (6 bytes)
    expect(err.offset).toBe(at);
    expect(err.message).toBe(
      `${FILE}: invalid UTF-8 at byte offset ${at} (line 2): byte 0xD6 starts a character that the next byte does not complete. ` +
        'Most of the file is valid UTF-8, but 1 byte sequence(s) are not (damaged, or pasted from a file in another encoding). ' +
        'Fix them against the original.',
    );
  });

  it('invalid UTF-8 after a UTF-8 BOM is not guessed at', () => {
    const err = decodeError(bytes([0xef, 0xbb, 0xbf], 'T', [0xd8], 'nh ', [0xf1], 'y'));
    expectProblem(err, 'invalid-utf8');
    expect(err.offset).toBe(4);
    expect(err.message).toContain('starts with a UTF-8 byte-order mark but is not valid UTF-8');
  });

  it('a truncated document (cut in the middle of the last character) is reported as such', () => {
    const whole = utf8('Nghị quyết có hiệu lực từ ngày ký. Tỉnh ủy Quảng Ninh ban hành nghị quyết về nhiệm vụ năm 2018');
    const cutTail = utf8('Triển khai thực hiện nghiệ'); // ends in "ệ" = E1 BB 87
    const input = bytes(whole, '\n', cutTail.subarray(0, cutTail.length - 1));
    const err = decodeError(input);
    expectProblem(err, 'invalid-utf8');
    expect(err.offset).toBe(input.length - 2);
    expect(err.message).toBe(
      `${FILE}: invalid UTF-8 at byte offset ${input.length - 2} (line 2): the file ends in the middle of a character ` +
        '(2 byte(s) of a longer sequence); the file may be truncated. Check it against the original.',
    );
  });

  it('UTF-16 with an odd number of bytes is reported as truncated', () => {
    const err = decodeError(Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x42]));
    expectProblem(err, 'invalid-utf16');
    expect(err.message).toContain('the file may be truncated');
  });
});

describe('legacy Vietnamese encodings: TCVN3 and VNI are converted (or rejected on request)', () => {
  it('known TCVN3 bytes decode to the right letters', () => {
    // "TØnh ñy" (Tỉnh ủy), "B¶o Th¾ng" (Bảo Thắng), "B¸t X¸t" (Bát Xát), "§¶ng" (Đảng), "c«ng" (công), "ng­êi" (người)
    const known: Array<[number[], string]> = [
      [[0x54, 0xd8, 0x6e, 0x68, 0x20, 0xf1, 0x79], 'Tỉnh ủy'],
      [[0x42, 0xb6, 0x6f, 0x20, 0x54, 0x68, 0xbe, 0x6e, 0x67], 'Bảo Thắng'],
      [[0x42, 0xb8, 0x74, 0x20, 0x58, 0xb8, 0x74], 'Bát Xát'],
      [[0xa7, 0xb6, 0x6e, 0x67, 0x20, 0x63, 0xab, 0x6e, 0x67], 'Đảng công'],
      [[0x6e, 0x67, 0xad, 0xea, 0x69], 'người'],
    ];
    for (const [b, s] of known) expect(decodeTcvn3(Uint8Array.from(b)).normalize('NFC')).toBe(s);
  });

  it.skipIf(!hasIconv())('the TCVN3 table agrees with glibc iconv TCVN5712-1 for every byte 0xA0-0xFF', () => {
    const input = Uint8Array.from(Array.from({ length: 96 }, (_, i) => [0xa0 + i, 0x0a]).flat());
    const expected = execFileSync('iconv', ['-f', 'TCVN5712-1', '-t', 'UTF-8'], { input }).toString('utf8');
    expect(decodeTcvn3(input)).toBe(expected);
  });

  it('known VNI bytes decode to the right letters', () => {
    const known: Array<[string, string]> = [
      ['Vieät Nam', 'Việt Nam'],
      ['Xin chaøo caùc baïn', 'Xin chào các bạn'],
      ['Tænh uûy Quaûng Ninh', 'Tỉnh ủy Quảng Ninh'],
      ['ÑAÛNG COÄNG SAÛN VIEÄT NAM', 'ĐẢNG CỘNG SẢN VIỆT NAM'],
      ['ngöôøi, thöïc hieän, ñoåi môùi', 'người, thực hiện, đổi mới'],
    ];
    const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
    for (const [v, s] of known) expect(decodeVni(latin1(v)).normalize('NFC')).toBe(s);
  });

  it('every Vietnamese letter round-trips through both tables', () => {
    const lower = ALL_LOWER.join(' ');
    expect(ALL_LOWER).toHaveLength(73);
    expect(decodeVni(encodeVni(lower)).normalize('NFC')).toBe(lower);
    expect(decodeVni(encodeVni(lower.toUpperCase())).normalize('NFC')).toBe(lower.toUpperCase());
    expect(decodeTcvn3(encodeTcvn3(lower)).normalize('NFC')).toBe(lower);
    expect(decodeTcvn3(encodeTcvn3('Ă Â Ê Ô Ơ Ư Đ')).normalize('NFC')).toBe('Ă Â Ê Ô Ơ Ư Đ');
  });

  it('a TCVN3 file (raw bytes) is converted, round-tripping real sentences', () => {
    const text = SENTENCES.join('\r\n');
    const out = decodeSource(encodeTcvn3(text), FILE);
    expect(out.encoding).toBe('tcvn3');
    expect(out.text).toBe(SENTENCES.join('\n'));
    expect(vietnameseWords(text)).toBe(93);
    expect(out.warnings[0]).toBe(
      'converted from TCVN3 (ABC, .VnTime fonts) to Unicode (100% of 93 words read as Vietnamese). An editor should check the text.',
    );
    expect(out.warnings[1]).toContain('TCVN3 has no codes for capital letters with tone marks');
  });

  it('TCVN3 headings in capitals get their capitals back; mixed-case lines are left alone', () => {
    const heading = 'TỈNH UỶ QUẢNG NINH\nĐẢNG CỘNG SẢN VIỆT NAM\nSố: 09-NQ/TU\nBÍ THƯ\nNghị quyết của Tỉnh ủy';
    const out = decodeSource(encodeTcvn3(heading), FILE);
    expect(out.encoding).toBe('tcvn3');
    expect(out.text).toBe(heading);
    // TØNH Uû QU¶NG | §¶NG CéNG S¶N VIÖT | BÝ (its line has the all-capital THƯ); "Sè:" stays "Số:"
    expect(out.warnings[1]).toContain('capitals were restored in 8 all-caps word(s)');
  });

  it('a VNI file (raw bytes) is converted, round-tripping real sentences', () => {
    const text = [...SENTENCES, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'].join('\n');
    const out = decodeSource(encodeVni(text), FILE);
    expect(out.encoding).toBe('vni');
    expect(out.text).toBe(text);
    expect(vietnameseWords(text)).toBe(105);
    expect(out.warnings).toEqual([
      'converted from VNI-Windows (VNI-Times fonts) to Unicode (100% of 105 words read as Vietnamese). An editor should check the text.',
    ]);
  });

  it('with legacy: "reject", TCVN3 and VNI are rejected with the encoding named', () => {
    const t = decodeError(encodeTcvn3(SENTENCES.join('\n')), FILE, { legacy: 'reject' });
    expectProblem(t, 'legacy-encoding');
    expect(t.detectedEncoding).toBe('tcvn3');
    expect(t.message).toContain('legacy Vietnamese encoding TCVN3 (ABC, .VnTime fonts) detected');
    const v = decodeError(encodeVni(SENTENCES.join('\n')), FILE, { legacy: 'reject' });
    expectProblem(v, 'legacy-encoding');
    expect(v.detectedEncoding).toBe('vni');
    expect(v.message).toContain('legacy Vietnamese encoding VNI-Windows (VNI-Times fonts) detected');
  });

  it('Windows-1258 is detected and rejected with the encoding named', () => {
    const err = decodeError(encodeCp1258(SENTENCES.join('\n')));
    expectProblem(err, 'legacy-encoding');
    expect(err.detectedEncoding).toBe('windows-1258');
    expect(err.message).toContain('legacy Vietnamese encoding Windows-1258 (Vietnamese code page) detected');
    expect(err.message).toContain('Automatic conversion is implemented only for TCVN3 and VNI.');
  });

  it('TCVN3 mojibake saved as valid UTF-8 ("TØnh ñy") is detected and converted', () => {
    const out = decodeSource(utf8('TØnh ñy Qu¶ng Ninh\nNghÞ quyÕt vÒ ph\u00ad¬ng h\u00adíng, nhiÖm vô n¨m 2018'), FILE);
    expect(out.encoding).toBe('tcvn3');
    expect(out.text).toBe('Tỉnh ủy Quảng Ninh\nNghị quyết về phương hướng, nhiệm vụ năm 2018');
    expect(out.warnings[0]).toContain('the file was valid UTF-8 but held TCVN3 (ABC, .VnTime fonts) text read as Windows-1252');
  });

  it('VNI mojibake saved as valid UTF-8 ("Vieät Nam") is detected and converted', () => {
    const out = decodeSource(utf8('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam'), FILE);
    expect(out.encoding).toBe('vni');
    expect(out.text).toBe('Cộng hòa xã hội chủ nghĩa Việt Nam');
    expect(out.warnings[0]).toContain('held VNI-Windows (VNI-Times fonts) text read as Windows-1252');
  });

  it('mojibake mixed with real Unicode text cannot be converted safely and is rejected', () => {
    const err = decodeError(utf8('Tỉnh ủy Quảng Ninh\nNghÞ quyÕt vÒ ph\u00ad¬ng h\u00adíng, nhiÖm vô n¨m 2018'));
    expectProblem(err, 'legacy-encoding');
    expect(err.detectedEncoding).toBe('tcvn3');
    expect(err.message).toContain('mixed with characters that cannot come from it');
  });

  it('double-encoded UTF-8 ("Tá»‰nh") is rejected as mojibake', () => {
    const doubled = new TextDecoder('windows-1252').decode(utf8('Tỉnh ủy Quảng Ninh ban hành nghị quyết'));
    const err = decodeError(utf8(doubled));
    expectProblem(err, 'mojibake');
    expect(err.message).toContain('text is double-encoded UTF-8');
  });
});

function hasIconv(): boolean {
  try {
    execFileSync('iconv', ['-f', 'TCVN5712-1', '-t', 'UTF-8'], { input: Uint8Array.from([0xb8]) });
    return true;
  } catch {
    return false;
  }
}

/** Windows-1258 encoder for fixtures: precomposed base (â ê ô ă ơ ư đ, Latin-1) + combining tone byte. */
function encodeCp1258(text: string): Uint8Array {
  const table = new Map<string, number>();
  const dec = new TextDecoder('windows-1258');
  for (let b = 0x80; b <= 0xff; b++) table.set(dec.decode(Uint8Array.of(b)), b);
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const c = ch.charCodeAt(0);
    if (c < 0x80) {
      out.push(c);
      continue;
    }
    const direct = table.get(ch);
    if (direct !== undefined) {
      out.push(direct);
      continue;
    }
    const nfd = ch.normalize('NFD');
    const tone = [...nfd].find((m) => '\u0300\u0301\u0303\u0309\u0323'.includes(m)) ?? '';
    const base = nfd.replace(tone, '').normalize('NFC');
    const bb = base.charCodeAt(0) < 0x80 ? base.charCodeAt(0) : table.get(base);
    const tb = table.get(tone);
    if (bb === undefined || tb === undefined) throw new Error(`no Windows-1258 bytes for ${ch}`);
    out.push(bb, tb);
  }
  return Uint8Array.from(out);
}
