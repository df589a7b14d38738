/**
 * Detection of legacy Vietnamese encodings, by reading a sample of words under
 * each candidate encoding and counting how many come out as well-formed
 * Vietnamese syllables.
 *
 * Two situations:
 * - raw legacy bytes (the file is not valid UTF-8): readings TCVN3, VNI,
 *   Windows-1258;
 * - mojibake (the file is valid UTF-8, but its text is legacy bytes that were
 *   once read as Windows-1252 and saved again: "TØnh ñy", "Vieät Nam", or
 *   UTF-8 read as Windows-1252: "Tá»‰nh"): the suspicious words are turned
 *   back into Windows-1252 bytes and read as TCVN3, VNI or UTF-8.
 */
import { isJsSpace } from '../../lib/js-space.ts';
import { cp1252Bytes, decodeTcvn3, decodeVni } from './legacy.ts';
import { judgeToken } from './syllable.ts';
import { SpanMemo } from '../../lib/span-memo.ts';

export type LegacyEncoding = 'tcvn3' | 'vni' | 'windows-1258';
export type MojibakeKind = 'tcvn3' | 'vni' | 'utf-8';

/** Human names used in messages and warnings. */
export const ENCODING_NAMES: Record<LegacyEncoding | MojibakeKind, string> = {
  tcvn3: 'TCVN3 (ABC, .VnTime fonts)',
  vni: 'VNI-Windows (VNI-Times fonts)',
  'windows-1258': 'Windows-1258 (Vietnamese code page)',
  'utf-8': 'UTF-8',
};

export interface Tally {
  valid: number;
  invalid: number;
}

export const ratio = (t: Tally): number => (t.valid + t.invalid === 0 ? 0 : t.valid / (t.valid + t.invalid));

/** How many words to read at most, spread over the file. */
const SAMPLE_TOKENS = 3000;
const SAMPLE_REGIONS = 20;

const cp1258 = new TextDecoder('windows-1258');
const utf8Fatal = new TextDecoder('utf-8', { fatal: true });

const isSpaceByte = (b: number) => b === 0x20 || (b >= 0x09 && b <= 0x0d);

/** Byte ranges [start, end) of whitespace-separated tokens that contain a byte >= 0x80, evenly sampled. */
function sampleHighByteTokens(bytes: Uint8Array): Array<[number, number]> {
  const visit = (each: (start: number, end: number) => void) => {
    let start = -1;
    let high = false;
    for (let i = 0; i <= bytes.length; i++) {
      const b = i < bytes.length ? (bytes[i] ?? 0) : 0x20;
      if (isSpaceByte(b)) {
        if (start >= 0 && high && i - start <= MAX_TOKEN) each(start, i);
        start = -1;
        high = false;
      } else {
        if (start < 0) start = i;
        if (b >= 0x80) high = true;
      }
    }
  };
  let total = 0;
  visit(() => total++);
  const step = Math.max(1, total / SAMPLE_TOKENS);
  const out: Array<[number, number]> = [];
  let index = 0;
  let next = 0;
  visit((s, e) => {
    if (index++ === Math.floor(next)) {
      out.push([s, e]);
      next += step;
    }
  });
  return out;
}

function tally(t: Tally, verdict: 'valid' | 'invalid' | 'neutral'): void {
  if (verdict === 'valid') t.valid++;
  else if (verdict === 'invalid') t.invalid++;
}

export interface BytesVerdict {
  /** Readings with their counts of valid / invalid informative words. */
  scores: Record<LegacyEncoding, Tally>;
  /** The best reading when it is convincing; null when no legacy encoding fits. */
  encoding: LegacyEncoding | null;
  /** 'sure': convert; 'unsure': looks legacy but too many words do not read well. */
  confidence: 'sure' | 'unsure' | 'none';
  /** Set when two readings fit equally well. */
  ambiguousWith?: LegacyEncoding;
}

/** Judges bytes that are not valid UTF-8: do they read as TCVN3, VNI or Windows-1258? */
export function detectLegacyBytes(bytes: Uint8Array): BytesVerdict {
  const scores: Record<LegacyEncoding, Tally> = {
    tcvn3: { valid: 0, invalid: 0 },
    vni: { valid: 0, invalid: 0 },
    'windows-1258': { valid: 0, invalid: 0 },
  };
  for (const [s, e] of sampleHighByteTokens(bytes)) {
    const tok = bytes.subarray(s, e);
    tally(scores.tcvn3, judgeToken(decodeTcvn3(tok).normalize('NFC')));
    tally(scores.vni, judgeToken(decodeVni(tok).normalize('NFC')));
    tally(scores['windows-1258'], judgeToken(cp1258.decode(tok).normalize('NFC')));
  }
  const ranked = (Object.keys(scores) as LegacyEncoding[]).sort(
    (a, b) => scores[b].valid - scores[a].valid || ratio(scores[b]) - ratio(scores[a]),
  );
  const best = ranked[0] ?? 'tcvn3';
  const second = ranked[1] ?? 'vni';
  const r = ratio(scores[best]);
  const verdict: BytesVerdict = { scores, encoding: null, confidence: 'none' };
  if (scores[best].valid === 0) return verdict;
  if (r >= 0.8) {
    verdict.encoding = best;
    verdict.confidence = 'sure';
    if (ratio(scores[second]) >= 0.8 && scores[second].valid === scores[best].valid) {
      verdict.confidence = 'unsure';
      verdict.ambiguousWith = second;
    }
  } else if (r >= 0.5 && scores[best].valid >= 3) {
    verdict.encoding = best;
    verdict.confidence = 'unsure';
  }
  return verdict;
}

/**
 * Characters that a Windows-1252 reading of legacy bytes produces: the
 * Latin-1 block and the Windows-1252 extras in 0x80-0x9F.
 */
const CP1252_HIGH_CHARS =
  '\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc' +
  '\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122';
const SUSPECT_CHAR = new RegExp(`[${CP1252_HIGH_CHARS}]`);
/** SUSPECT_UNITS[u] is 1 when the code unit u is a SUSPECT_CHAR: the scan for them needs no match objects. */
const SUSPECT_UNITS = (() => {
  const table = new Uint8Array(0x10000);
  for (let u = 0; u < 0x10000; u++) if (SUSPECT_CHAR.test(String.fromCharCode(u))) table[u] = 1;
  return table;
})();

/** Offset of the first suspect character at or after `from`, or -1. */
function nextSuspect(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (SUSPECT_UNITS[text.charCodeAt(i)] === 1) return i;
  return -1;
}

/** Longer whitespace-free runs are not words; they are skipped (and keep every scan linear). */
const MAX_TOKEN = 64;


/** The whitespace-delimited word around `at`, or null when it is longer than MAX_TOKEN. */
function wordAround(text: string, at: number): { start: number; end: number } | null {
  let start = at;
  while (start > 0 && !isJsSpace(text.charCodeAt(start - 1))) {
    start--;
    if (at - start > MAX_TOKEN) return null;
  }
  let end = at + 1;
  while (end < text.length && !isJsSpace(text.charCodeAt(end))) {
    end++;
    if (end - start > MAX_TOKEN) return null;
  }
  return { start, end };
}

export interface TextVerdict {
  /** The mojibake found, or null. */
  kind: MojibakeKind | null;
  /** Words read as they are, and under each repair. */
  asIs: Tally;
  scores: Record<MojibakeKind, Tally>;
  /** Words (2+ letters) that read badly as they are but well after the repair. */
  evidence: Record<MojibakeKind, number>;
  /** The same, counted once per distinct word. */
  distinct: Record<MojibakeKind, Set<string>>;
  /** Suspicious words sampled. */
  sampled: number;
}

/** A token read under one repair, and the verdict on it (memoised with the whole reading: readToken). */
function repairOf(token: string, bytes: Uint8Array, kind: MojibakeKind): { converted: string | null; verdict: 'valid' | 'invalid' | 'neutral' } {
  let converted: string | null;
  if (kind === 'utf-8') {
    try {
      converted = utf8Fatal.decode(bytes).normalize('NFC');
    } catch {
      converted = null;
    }
    if (converted === token) converted = null;
  } else {
    converted = (kind === 'tcvn3' ? decodeTcvn3(bytes) : decodeVni(bytes)).normalize('NFC');
  }
  return { converted, verdict: converted === null ? 'neutral' : judgeToken(converted) };
}

/** What detectMojibake reads of one word: its verdict as it is and under each repair (MOJIBAKE_KINDS order). */
interface TokenReading {
  asIs: 'valid' | 'invalid' | 'neutral';
  /** `evidence`: the repaired word when it is a word (two letters or more) that reads well only after the repair. */
  repairs: Array<{ verdict: 'valid' | 'invalid' | 'neutral'; evidence: string | null }>;
}
const MOJIBAKE_KINDS: MojibakeKind[] = ['tcvn3', 'vni', 'utf-8'];

/**
 * A word's reading, null when it has characters no Windows-1252 byte gives.
 * Words repeat a lot within and across documents, so whole readings are
 * memoised by the word as found (bounded, so memory stays flat).
 */
const readings = new SpanMemo<TokenReading | null>(50_000);
/** The reading of the word text[start, end), from the memo when it was read before. */
function readToken(text: string, start: number, end: number): TokenReading | null {
  const h = SpanMemo.hash(text, start, end);
  const hit = readings.find(h, text, start, end);
  if (hit !== undefined) return hit.value;
  const found = text.slice(start, end);
  const token = found.normalize('NFC');
  const bytes = cp1252Bytes(token);
  let reading: TokenReading | null = null;
  if (bytes !== null) {
    const asIs = judgeToken(token);
    reading = {
      asIs,
      repairs: MOJIBAKE_KINDS.map((kind) => {
        const { converted, verdict } = repairOf(token, bytes, kind);
        const evidence = asIs !== 'valid' && verdict === 'valid' && converted !== null && (converted.match(/\p{L}/gu)?.length ?? 0) >= 2 ? converted : null;
        return { verdict, evidence };
      }),
    };
  }
  readings.add(h, found, reading);
  return reading;
}

/**
 * Judges valid Unicode text: is it legacy text that was read as Windows-1252
 * and saved again as UTF-8? Only words containing Windows-1252 high
 * characters are read, so ordinary text costs one scan.
 */
export function detectMojibake(text: string): TextVerdict {
  const kinds = MOJIBAKE_KINDS;
  const v: TextVerdict = {
    kind: null,
    asIs: { valid: 0, invalid: 0 },
    scores: { tcvn3: { valid: 0, invalid: 0 }, vni: { valid: 0, invalid: 0 }, 'utf-8': { valid: 0, invalid: 0 } },
    evidence: { tcvn3: 0, vni: 0, 'utf-8': 0 },
    distinct: { tcvn3: new Set(), vni: new Set(), 'utf-8': new Set() },
    sampled: 0,
  };
  const perRegion = Math.ceil(SAMPLE_TOKENS / SAMPLE_REGIONS);
  let resumeAt = 0;
  let exhausted = false;
  for (let region = 0; region < SAMPLE_REGIONS && !exhausted; region++) {
    let pos = Math.max(resumeAt, Math.floor((region * text.length) / SAMPLE_REGIONS));
    for (let k = 0; k < perRegion; ) {
      const at = nextSuspect(text, pos);
      if (at < 0) {
        exhausted = true;
        pos = 0;
        break;
      }
      const word = wordAround(text, at);
      if (word === null) {
        // skip the rest of an over-long run
        let next = at + 1;
        while (next < text.length && !isJsSpace(text.charCodeAt(next))) next++;
        pos = next;
        continue;
      }
      pos = word.end;
      resumeAt = word.end;
      k++;
      const reading = readToken(text, word.start, word.end);
      if (reading === null) continue; // has characters no Windows-1252 byte gives: not mojibake
      v.sampled++;
      tally(v.asIs, reading.asIs);
      for (let i = 0; i < kinds.length; i++) {
        const kind = kinds[i]!;
        const { verdict, evidence } = reading.repairs[i]!;
        tally(v.scores[kind], verdict);
        if (evidence !== null) {
          v.evidence[kind]++;
          v.distinct[kind].add(evidence);
        }
      }
    }
    resumeAt = Math.max(resumeAt, pos);
  }
  const best = [...kinds].sort((a, b) => v.evidence[b] - v.evidence[a])[0] ?? 'tcvn3';
  const ev = v.evidence[best];
  const convincing = v.distinct[best].size >= 3 && ev >= 0.2 * v.sampled;
  if (convincing && ratio(v.scores[best]) >= 0.6) v.kind = best;
  return v;
}
