/**
 * A synthetic archive for the bench: N documents made by varying the real
 * sources of content/sources, each with its own identity (and so its own URL).
 *
 * - The shipped documents are kept as they are (with their catalog entries),
 *   so N is at least their number.
 * - Each further document copies one of them (round robin) and gets a new
 *   number: in the header text when the source has one ("Số: 205/NQ-HĐND"),
 *   otherwise in a copy of its catalog entry (numberSymbol and/or the
 *   permanent key of a document whose number is unknown).
 * - Its body text is varied so that documents differ: in the middle of the
 *   file, plain lines (no numbering marker, no markup, not a heading) get
 *   their inner words shuffled or are repeated. Structure lines are never
 *   touched, so no duplicate provision ids appear.
 *
 * Deterministic for a given seed.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

export interface SyntheticOptions {
  contentDir: string;
  outDir: string;
  count: number;
  seed?: number;
}

export interface SyntheticSummary {
  documents: number;
  bases: number;
  bytes: number;
  minBytes: number;
  maxBytes: number;
}

type CatalogRecord = Record<string, unknown> & { source: string };

/** mulberry32: small, fast, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A line that carries structure or markup: never varied. */
const MARKER = /^\s*(?:[IVXLC]+\s*[-.–)]|\d+(?:\.\d+)*\s*[-.)/]|[a-zđ]\s*\)|\(\d+\)|Điều\s+\d|Chương|Mục|Phần|[-+•*–]|#|>|T\/M|TM\.|KT\.|Nơi nhận|Căn cứ|Xét)/iu;
const MARKUP = /[*#<>{}[\]|_`\\]/;

function variableLine(line: string): boolean {
  const text = line.trim();
  if (text.length < 40) return false;
  if (MARKER.test(text) || MARKUP.test(text)) return false;
  // Headings in capitals.
  if (text === text.toLocaleUpperCase('vi')) return false;
  return true;
}

function shuffleInner(line: string, random: () => number): string {
  const lead = /^\s*/.exec(line)?.[0] ?? '';
  const words = line.trim().split(/\s+/);
  if (words.length < 5) return line;
  const inner = words.slice(1, -1);
  for (let i = inner.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [inner[i], inner[j]] = [inner[j] as string, inner[i] as string];
  }
  return lead + [words[0], ...inner, words[words.length - 1]].join(' ');
}

export function varyText(text: string, random: () => number): string {
  const lines = text.split('\n');
  const from = Math.floor(lines.length * 0.1);
  const to = Math.floor(lines.length * 0.85);
  const out: string[] = [];
  lines.forEach((line, index) => {
    if (index < from || index >= to || !variableLine(line)) {
      out.push(line);
      return;
    }
    const roll = random();
    if (roll < 0.3) out.push(shuffleInner(line, random));
    else if (roll < 0.36) out.push(line, line);
    else out.push(line);
  });
  return out.join('\n');
}

/** Replace the number in the header's "Số ..." line; null when the text has none. */
export function renumberHeader(text: string, number: number): string | null {
  const head = text.slice(0, 3000);
  const match = /(Số\s*:?\s*)(\d+)(\s*[-/])/u.exec(head);
  if (!match) return null;
  const at = match.index + (match[1] as string).length;
  return text.slice(0, at) + String(number) + text.slice(at + (match[2] as string).length);
}

function renumberSymbol(fact: unknown, number: number): unknown {
  if (typeof fact !== 'object' || fact === null || !('value' in fact)) return fact;
  const value = (fact as { value: unknown }).value;
  if (typeof value !== 'string') return fact;
  return { ...fact, value: value.replace(/^\d+/, String(number)) };
}

export function makeSyntheticArchive(options: SyntheticOptions): SyntheticSummary {
  const { contentDir, outDir, count } = options;
  const random = prng(options.seed ?? 20240710);
  const sourcesDir = join(contentDir, 'sources');
  const bases = readdirSync(sourcesDir)
    .filter((name) => name.endsWith('.txt'))
    .sort();
  if (bases.length === 0) throw new Error(`no .txt sources in ${sourcesDir}`);
  // The shipped documents are always part of the archive: their URLs are in the
  // published-URL register, which the build's urls stage checks.
  if (count < bases.length) throw new Error(`a synthetic archive needs at least the ${bases.length} shipped documents (asked for ${count})`);

  // Everything else in content/ (corrections, published URLs, ...) is kept as is.
  mkdirSync(join(outDir, 'sources'), { recursive: true });
  for (const entry of readdirSync(contentDir)) {
    if (entry === 'sources' || entry === 'catalog.yaml') continue;
    cpSync(join(contentDir, entry), join(outDir, entry), { recursive: true });
  }

  const catalogFile = join(contentDir, 'catalog.yaml');
  const catalogDoc = existsSync(catalogFile) ? ((parse(readFileSync(catalogFile, 'utf8')) as Record<string, unknown> | null) ?? {}) : {};
  const entries = (Array.isArray(catalogDoc.documents) ? catalogDoc.documents : []) as CatalogRecord[];
  const entryOf = new Map(entries.map((entry) => [entry.source, entry]));
  const outEntries: CatalogRecord[] = [...entries];

  const sizes: number[] = [];
  const kept = bases.length;
  for (const name of bases) {
    copyFileSync(join(sourcesDir, name), join(outDir, 'sources', name));
    sizes.push(readFileSync(join(sourcesDir, name)).length);
  }
  const catalogOut = outEntries.filter((entry) => bases.includes(entry.source));

  for (let i = kept; i < count; i++) {
    const base = bases[i % bases.length] as string;
    const number = 1000 + i;
    const name = `${String(i).padStart(5, '0')}_synthetic_from_${base.replace(/\.txt$/, '')}.txt`;
    const original = readFileSync(join(sourcesDir, base), 'utf8');
    const renumbered = renumberHeader(original, number);
    const text = varyText(renumbered ?? original, random);
    writeFileSync(join(outDir, 'sources', name), text);
    sizes.push(Buffer.byteLength(text));

    const baseEntry = entryOf.get(base);
    if (baseEntry || renumbered === null) {
      const entry: CatalogRecord = { ...(baseEntry ?? {}), source: name };
      if (entry.numberSymbol) entry.numberSymbol = renumberSymbol(entry.numberSymbol, number);
      if (typeof entry.key === 'string') {
        if (renumbered !== null) delete entry.key;
        else entry.key = `${entry.key}-s${i}`.slice(0, 61);
      }
      catalogOut.push(entry);
    }
  }

  writeFileSync(join(outDir, 'catalog.yaml'), stringify({ ...catalogDoc, documents: catalogOut }, { lineWidth: 0, aliasDuplicateObjects: false }));
  const bytes = sizes.reduce((a, b) => a + b, 0);
  return { documents: count, bases: bases.length, bytes, minBytes: Math.min(...sizes), maxBytes: Math.max(...sizes) };
}
