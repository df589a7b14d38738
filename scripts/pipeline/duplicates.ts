/**
 * Two copies of one document (a PDF text layer and a retyped one) arrive as
 * two files. Evidence that two texts are the same document: with tones, đ,
 * case and spacing folded away, they share nearly all their 12-character
 * shingles (Jaccard similarity).
 * Measured threshold and distribution: docs/decisions/1004-held-back-documents.md.
 */
import type { DocumentModel, Fact } from '../lib/model.ts';
import type { HeldBack } from './held-back.ts';
import { foldToAscii } from '../lib/fold.ts';

/**
 * Similarity at or above which two texts count as the same text. Measured
 * (ADR 1004): the six known copy pairs score 0.798-0.943, the most alike
 * distinct documents of the corpus 0.666 (two fee resolutions of one session).
 */
export const SAME_TEXT_THRESHOLD = 0.73;

/** Shingle length in characters (word boundaries ignored, see shingles()). */
export const SHINGLE_CHARS = 12;

/** Lower case, tones and other marks removed, đ -> d: "Tỉnh uỷ" and "tinh uy" fold alike. */
export function foldText(text: string): string {
  return foldToAscii(text).toLowerCase();
}

/** The folded words of a text: runs of letters and digits (punctuation and markup are not words). */
export function foldedWords(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** foldedWords(text).join(''): the folded text without what is neither letter nor digit. */
function lettersAndDigits(text: string): string {
  return foldText(text).replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The character 12-grams of the folded letters and digits, spaces removed.
 * Not word shingles: PDF text layers split words ("quy ền", "c ủa"), which
 * breaks every word shingle around the split but only a few character ones.
 */
export function shingles(text: string, size = SHINGLE_CHARS): Set<string> {
  return shinglesOfChars(lettersAndDigits(text), size);
}

/** shingles() of text already folded to its letters and digits. */
function shinglesOfChars(chars: string, size = SHINGLE_CHARS): Set<string> {
  const out = new Set<string>();
  if (chars.length === 0) return out;
  if (chars.length < size) {
    out.add(chars);
    return out;
  }
  for (let i = 0; i + size <= chars.length; i++) out.add(chars.slice(i, i + size));
  return out;
}

/** |A ∩ B| / |A ∪ B| of two shingle sets (0 for two empty sets: no evidence). */
export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const s of small) if (large.has(s)) common++;
  return common / (a.size + b.size - common);
}

/**
 * Similarity of two texts as bags of folded words (multiset Jaccard: the sum
 * of the smaller counts over the sum of the larger), in [0, 1]. Blind to
 * order: a table read row by row in one format and column by column in
 * another scores as the same text. Used only for two copies that state the
 * same number, issuer and year (ADR 1501, "Copies in two formats").
 */
export function bagSimilarity(a: Map<string, number>, b: Map<string, number>): number {
  let min = 0;
  let max = 0;
  for (const [w, n] of a) {
    const m = b.get(w) ?? 0;
    min += Math.min(n, m);
    max += Math.max(n, m);
  }
  for (const [w, m] of b) if (!a.has(w)) max += m;
  return max === 0 ? 0 : min / max;
}

export function wordBag(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const w of foldedWords(text)) bag.set(w, (bag.get(w) ?? 0) + 1);
  return bag;
}

/**
 * The shingles of one text, for comparing it with many others. A 12-gram
 * of a-z and 0-9 only (nearly all) is two base-36 numbers of six characters
 * each, a one-to-one code; the codes are kept sorted and unique. The other
 * shingles (a letter outside a-z, or a text shorter than a shingle) stay
 * strings: they never equal a coded one. So the set, and every Jaccard
 * value, are exactly those of shingles() and jaccard().
 */
export interface Shingled {
  /** Coded shingles, unique, sorted by (hi, lo). */
  hi: Uint32Array;
  lo: Uint32Array;
  coded: number;
  /** The shingles that are not coded. */
  other: Set<string>;
  /** All shingles: coded + other.size. */
  size: number;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** a-z, 0-9 -> 0-35; anything else 36. */
function base36(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  return 36;
}

export function shingled(text: string): Shingled {
  const chars = lettersAndDigits(text);
  const n = chars.length;
  const other = new Set<string>();
  if (n < SHINGLE_CHARS || SHINGLE_CHARS !== 12) {
    const set = shinglesOfChars(chars);
    return { hi: new Uint32Array(0), lo: new Uint32Array(0), coded: 0, other: set, size: set.size };
  }
  const digits = new Uint8Array(n);
  for (let i = 0; i < n; i++) digits[i] = base36(chars.charCodeAt(i));
  const count = n - SHINGLE_CHARS + 1;
  const all = new BigUint64Array(count);
  const words = new Uint32Array(all.buffer);
  const [H, L] = LITTLE_ENDIAN ? [1, 0] : [0, 1];
  let lastOther = -1;
  let packed = 0;
  for (let i = 0; i < n; i++) {
    if (digits[i] === 36) lastOther = i;
    const start = i - SHINGLE_CHARS + 1;
    if (start < 0) continue;
    if (lastOther >= start) {
      other.add(chars.slice(start, i + 1));
      continue;
    }
    let hi = 0;
    let lo = 0;
    for (let j = 0; j < 6; j++) hi = hi * 36 + digits[start + j]!;
    for (let j = 6; j < 12; j++) lo = lo * 36 + digits[start + j]!;
    words[2 * packed + H] = hi;
    words[2 * packed + L] = lo;
    packed++;
  }
  all.subarray(0, packed).sort();
  const hi = new Uint32Array(packed);
  const lo = new Uint32Array(packed);
  let coded = 0;
  for (let i = 0; i < packed; i++) {
    const h = words[2 * i + H]!;
    const l = words[2 * i + L]!;
    if (coded > 0 && hi[coded - 1] === h && lo[coded - 1] === l) continue;
    hi[coded] = h;
    lo[coded] = l;
    coded++;
  }
  return { hi: hi.subarray(0, coded), lo: lo.subarray(0, coded), coded, other, size: coded + other.size };
}

/**
 * jaccard(shingles(a), shingles(b)) of two shingled texts; with `atLeast`,
 * -1 as soon as the value is sure to be below it (the count of common
 * shingles cannot reach it), else the exact value.
 */
export function shingledJaccard(x: Shingled, y: Shingled, atLeast = -Infinity): number {
  if (x.size === 0 && y.size === 0) return 0;
  const total = x.size + y.size;
  const below = (maxCommon: number): boolean => maxCommon / (total - maxCommon) < atLeast;
  if (below(Math.min(x.size, y.size))) return -1;
  let common = 0;
  if (x.other.size > 0 && y.other.size > 0) {
    const [small, large] = x.other.size <= y.other.size ? [x.other, y.other] : [y.other, x.other];
    for (const s of small) if (large.has(s)) common++;
  }
  let i = 0;
  let j = 0;
  let check = 0;
  const xh = x.hi;
  const xl = x.lo;
  const yh = y.hi;
  const yl = y.lo;
  while (i < x.coded && j < y.coded) {
    const a = xh[i]!;
    const b = yh[j]!;
    if (a < b || (a === b && xl[i]! < yl[j]!)) i++;
    else if (a > b || xl[i]! > yl[j]!) j++;
    else {
      common++;
      i++;
      j++;
    }
    if (++check === 512) {
      check = 0;
      if (below(common + Math.min(x.coded - i, y.coded - j))) return -1;
    }
  }
  return common / (total - common);
}

/** Similarity of two texts: Jaccard of their folded character shingles, in [0, 1]. */
export function textSimilarity(a: string, b: string): number {
  return jaccard(shingles(a), shingles(b));
}

// ---------------------------------------------------------------------------
// Copies in an archive: which documents are the same document, which copy is
// published. Rule and evidence: docs/decisions/1004-held-back-documents.md.


/** A fact read from the document's own text (not the catalog, not inferred). */
function ownFact(f: Fact<unknown>): boolean {
  return f.value !== null && f.origin !== null && f.origin !== 'catalog' && !f.inferred;
}

/** Identity facts a copy states itself: a known number, a known full date. */
export function identityFacts(doc: DocumentModel): number {
  return (ownFact(doc.meta.numberSymbol) ? 1 : 0) + (ownFact(doc.meta.date) ? 1 : 0);
}

/**
 * How near a reading is to the document as its office wrote it, when two
 * copies state their identity equally (ADR 1501, "Copies in two formats"):
 * the Word file's own paragraphs and tables (DOCX); a PDF's text layer,
 * checked page by page and rebuilt from glyph positions; a Word 97 file as
 * antiword renders it; a text copy of unknown making (a text-layer dump, an
 * LLM's markdown); a PDF partly, then wholly, read by OCR.
 */
const READING_RANK: Record<string, number> = { docx: 5, 'pdf-text': 4, doc: 3, text: 2, 'pdf-text+ocr': 1, ocr: 0 };

export function readingRank(doc: DocumentModel): number {
  return READING_RANK[doc.sourceReading?.method ?? 'text'] ?? 0;
}

const METHOD_NAMES: Record<string, string> = { docx: 'a Word file', 'pdf-text': "a PDF's text layer", doc: 'a Word 97 file', text: 'a text copy', 'pdf-text+ocr': 'a PDF read partly by OCR', ocr: 'a PDF read by OCR' };
const methodName = (d: DocumentModel): string => METHOD_NAMES[d.sourceReading?.method ?? 'text'] ?? 'a copy';

/** A number that identifies: known and not inferred (else the copy may be one whose number was blank). */
function knownNumber(doc: DocumentModel): string | null {
  const n = doc.meta.numberSymbol;
  return n.value !== null && !n.inferred ? n.value : null;
}

/**
 * Same issuer and year, and types that do not disagree (a copy whose type
 * line was lost may still be a copy).
 */
function sameFrame(a: DocumentModel, b: DocumentModel): boolean {
  const ta = a.meta.type.value;
  const tb = b.meta.type.value;
  return a.meta.issuer.value?.slug === b.meta.issuer.value?.slug && a.meta.year.value === b.meta.year.value && (ta === null || tb === null || ta === tb);
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Split documents into the published ones and the held-back copies and
 * conflicts. `textOf` gives a document's source text (only asked for the
 * documents that share issuer and year with another); `known`, by source
 * file, shingled(textOf(doc)) already computed (in the worker that read it).
 *
 * - Same document: same issuer, type and year, and either the same id (the
 *   same known number) or at least one number unknown, and texts at least
 *   SAME_TEXT_THRESHOLD alike. The copy with more identity facts of its own
 *   is kept (ties: the better reading, READING_RANK; then the first by file
 *   name); the other is a 'duplicate'.
 * - Same id but different texts: two documents claim one URL. The first by
 *   file name is kept, the later one held back ('identity') with the line
 *   that would separate them.
 */
export function resolveCopies(docs: DocumentModel[], textOf: (doc: DocumentModel) => string, known?: ReadonlyMap<string, Shingled>): { kept: DocumentModel[]; heldBack: HeldBack[] } {
  const heldBack: HeldBack[] = [];
  const shingleCache = new Map<string, Shingled>(known);
  const shinglesOf = (d: DocumentModel): Shingled => {
    let s = shingleCache.get(d.sourceFile);
    if (!s) shingleCache.set(d.sourceFile, (s = shingled(textOf(d))));
    return s;
  };
  const bagCache = new Map<string, Map<string, number>>();
  const bagOf = (d: DocumentModel): Map<string, number> => {
    let b = bagCache.get(d.sourceFile);
    if (!b) bagCache.set(d.sourceFile, (b = wordBag(textOf(d))));
    return b;
  };
  // Two copies that state one number: order-blind evidence counts too (a PDF's table
  // read row by row, its text-layer dump column by column); else character shingles only.
  // With `atLeast`: -1 for a value sure to be below it (the common shingles cannot reach it), else the value.
  const similarityOf = (d: DocumentModel, k: DocumentModel, atLeast = -Infinity): number => {
    const bag = d.id === k.id && knownNumber(d) !== null && knownNumber(k) !== null;
    const chars = shingledJaccard(shinglesOf(d), shinglesOf(k), bag ? -Infinity : atLeast);
    return bag ? Math.max(chars, bagSimilarity(bagOf(d), bagOf(k))) : chars;
  };
  // Candidates share issuer and year: compare within those groups only.
  const groups = new Map<string, DocumentModel[]>();
  for (const d of docs) {
    const key = `${d.meta.issuer.value?.slug ?? ''}|${d.meta.year.value ?? ''}`;
    const group = groups.get(key);
    if (group) group.push(d);
    else groups.set(key, [d]);
  }
  const kept: DocumentModel[] = [];
  for (const group of [...groups.values()]) {
    if (group.length === 1) {
      kept.push(...group);
      continue;
    }
    const ranked = [...group].sort((a, b) => identityFacts(b) - identityFacts(a) || readingRank(b) - readingRank(a) || byName(a.sourceFile, b.sourceFile));
    const keptHere: DocumentModel[] = [];
    for (const d of ranked) {
      let copyOf: { doc: DocumentModel; similarity: number } | null = null;
      for (const k of keptHere) {
        if (!sameFrame(d, k)) continue;
        const sameId = d.id === k.id;
        if (!sameId && knownNumber(d) !== null && knownNumber(k) !== null) continue;
        const similarity = similarityOf(d, k, SAME_TEXT_THRESHOLD);
        if (similarity >= SAME_TEXT_THRESHOLD) {
          copyOf = { doc: k, similarity };
          break;
        }
      }
      if (!copyOf) {
        keptHere.push(d);
        continue;
      }
      const k = copyOf.doc;
      const why =
        identityFacts(k) > identityFacts(d)
          ? 'it states more of its identity itself (number, date)'
          : readingRank(k) > readingRank(d)
            ? `both state as much of their identity; ${methodName(k)} is kept over ${methodName(d)}`
            : 'both state as much of their identity and were read alike; the first by file name is kept';
      const same = d.id === k.id ? `same identity as ${k.sourceFile} (${k.url})` : `a copy of ${k.sourceFile} (${k.url}): same issuer, type and year`;
      heldBack.push({
        file: d.sourceFile,
        kind: 'duplicate',
        reason: `${d.sourceFile}: ${same} and the same text (similarity ${copyOf.similarity.toFixed(2)}): one document, two files; ${k.sourceFile} is published (${why}), this copy is held back. Remove one of the files, or keep both: nothing else to do`,
        fix: [],
      });
    }
    // Two different texts on one URL: the first by file name keeps it.
    const byId = new Map<string, DocumentModel>();
    for (const d of [...keptHere].sort((a, b) => byName(a.sourceFile, b.sourceFile))) {
      const first = byId.get(d.id);
      if (!first) {
        byId.set(d.id, d);
        kept.push(d);
        continue;
      }
      const similarity = similarityOf(d, first);
      heldBack.push({
        file: d.sourceFile,
        kind: 'identity',
        reason: `${d.sourceFile}: same identity as ${first.sourceFile} (${first.url}) but a different text (similarity ${similarity.toFixed(2)}): two documents claim one URL; ${first.sourceFile} is published, this one is held back until its identity is told apart`,
        fix: separateFix(d, first),
      });
    }
  }
  kept.sort((a, b) => byName(a.id, b.id));
  heldBack.sort((a, b) => byName(a.file, b.file));
  return { kept, heldBack };
}

/**
 * The source files whose text resolveCopies may compare (asks `textOf`
 * for): two documents of one issuer and year that share an id, or that are
 * of one frame (sameFrame) while one of them has no known number. A
 * superset of what it compares (it stops at the first copy found), from the
 * metadata alone, so the workers can shingle these texts before the
 * comparison. Documents are added one at a time (as the workers read them);
 * `add` returns the files that became candidates.
 */
export class CopyCandidates {
  readonly files = new Set<string>();
  private groups = new Map<string, { byId: Map<string, DocumentModel[]>; all: DocumentModel[]; unnumbered: DocumentModel[] }>();

  add(d: DocumentModel): string[] {
    const out: string[] = [];
    const mark = (x: DocumentModel) => {
      if (this.files.has(x.sourceFile)) return;
      this.files.add(x.sourceFile);
      out.push(x.sourceFile);
    };
    const key = `${d.meta.issuer.value?.slug ?? ''}|${d.meta.year.value ?? ''}`;
    let g = this.groups.get(key);
    if (!g) this.groups.set(key, (g = { byId: new Map(), all: [], unnumbered: [] }));
    const same = g.byId.get(d.id);
    if (same) for (const o of same) (mark(o), mark(d));
    const partners = knownNumber(d) === null ? g.all : g.unnumbered;
    for (const o of partners) if (sameFrame(d, o)) (mark(o), mark(d));
    if (same) same.push(d);
    else g.byId.set(d.id, [d]);
    g.all.push(d);
    if (knownNumber(d) === null) g.unnumbered.push(d);
    return out;
  }
}

/** CopyCandidates of a whole archive. */
export function copyCandidates(docs: DocumentModel[]): Set<string> {
  const c = new CopyCandidates();
  for (const d of docs) c.add(d);
  return c.files;
}

/** The line that gives `d` an identity of its own, next to `first`'s. */
function separateFix(d: DocumentModel, first: DocumentModel): string[] {
  const n = d.meta.numberSymbol;
  if (n.value !== null && n.origin !== 'catalog' && !n.inferred) {
    // The number is the text's own: the catalog cannot override it; a misread number is corrected.
    return [
      `# content/corrections.yaml, under "corrections:" (if "${n.value}" is misread in ${d.sourceFile}; else check the issuer and year of both files)`,
      `  - source: ${d.sourceFile}`,
      `    original: "${n.value}"`,
      '    corrected: "<số ký hiệu đúng>"',
      '    note: "<lý do, ví dụ lỗi nhận dạng chữ>"',
    ];
  }
  return [
    `# content/catalog.yaml: in the entry "- source: ${d.sourceFile}" (${first.sourceFile} has the URL key "${first.url.split('/').filter(Boolean).pop()}")`,
    '    key: "<một khóa URL khác, chữ thường không dấu, ví dụ nq-chua-ro-so-2>"',
  ];
}
