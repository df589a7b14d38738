/**
 * A synthetic archive for the bench: N documents made by varying the real
 * sources of content/sources, each with its own identity (and so its own URL).
 *
 * - It is a new archive, never published: it gets its own empty aliases and
 *   published-URL register, never the shipped ones (their entries name pages
 *   of the shipped archive, which a synthetic archive does not have, or has
 *   under other identities).
 * - Its bases are the shipped sources that the converter reads today (each is
 *   read in-process first, with its catalog entry and corrections): a source
 *   the reader cannot identify, or whose identity another source already has,
 *   is left out and counted, so the bench runs whatever state the reader or
 *   the corpus is in.
 * - The first documents are those bases as they are (with their catalog
 *   entries and corrections); each further document copies one of them (round
 *   robin) and gets a new number in its header text ("Số: 205/NQ-HĐND" ->
 *   "Số: 1205/NQ-HĐND", and the catalog's numberSymbol alike). Only sources
 *   with a number in their header are copied: the converter holds back a
 *   document whose number is unknown when its text is nearly the same as
 *   another's of the same issuer and year (a second copy, ADR 1004), which a
 *   varied copy may well be (how alike depends on the variation, not on
 *   anything the bench controls). Only when no readable source has a header number are the
 *   others copied, with a new permanent key in the catalog (the bench then
 *   reports how many the converter held back).
 * - Its body text is varied so that documents differ: in the middle of the
 *   file, plain lines (no numbering marker, no markup, not a heading) get
 *   their inner words shuffled or are repeated. Structure lines are never
 *   touched, so no duplicate provision ids appear. Every copy is read
 *   in-process too; one that does not read (a correction no longer matching
 *   the shuffled text, an identity already taken) is made again unvaried, or
 *   left out.
 *
 * Deterministic for a given seed and corpus.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { parseCatalog } from '../pipeline/05-metadata/catalog.ts';
import { parseCorrections } from '../pipeline/06-annotate/corrections.ts';
import { readDocument } from '../pipeline/read-document.ts';
import { ALIASES_FILE } from '../urls/aliases.ts';
import { formatRegister, REGISTER_FILE } from '../urls/register.ts';

export interface SyntheticOptions {
  contentDir: string;
  outDir: string;
  count: number;
  seed?: number;
  /** Consider only these files of content/sources (default: all). */
  sources?: string[];
}

export interface SyntheticSummary {
  documents: number;
  /** Shipped sources used as bases (they read today). */
  bases: number;
  /** Shipped sources left out: the converter does not read them today (or their identity is taken). */
  unreadable: Array<{ source: string; reason: string }>;
  /** Copies that did not read and were made again unvaried, or left out. */
  retriedCopies: number;
  droppedCopies: number;
  bytes: number;
  minBytes: number;
  maxBytes: number;
}

type CatalogRecord = Record<string, unknown> & { source: string };
type CorrectionRecord = Record<string, unknown> & { source: string };

/** mulberry32: small, fast, deterministic (also used by tests that make documents). */
export function prng(seed: number): () => number {
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

interface Base {
  source: string;
  text: string;
  entry: CatalogRecord | undefined;
  corrections: CorrectionRecord[];
}

/** Read one document as the converter would (its catalog entry and corrections validated as in content/); its identity, or why it does not read. */
export function probeDocument(source: string, text: string, entry: CatalogRecord | undefined, corrections: CorrectionRecord[]): { id: string } | { error: string } {
  try {
    const catalog = entry ? parseCatalog(stringify({ documents: [entry] }), 'catalog.yaml').get(source) : undefined;
    const parsed = corrections.length > 0 ? parseCorrections(stringify({ corrections }), 'corrections.yaml') : [];
    const model = readDocument({ file: source, bytes: new TextEncoder().encode(text), catalog, corrections: parsed });
    return { id: model.id };
  } catch (error) {
    const message = (error as Error).message;
    return { error: message.startsWith(`${source}: `) ? message.slice(source.length + 2) : message };
  }
}

/** A YAML file's top-level mapping, or {} when the file is missing, empty or not a mapping. */
function readYamlRecord(file: string): Record<string, unknown> {
  if (!existsSync(file)) return {};
  try {
    const doc = parse(readFileSync(file, 'utf8')) as unknown;
    return typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? (doc as Record<string, unknown>) : {};
  } catch {
    // A broken shipped file: its entries are left out (the documents they concern then read without them, or are left out).
    return {};
  }
}

function recordsOf<T extends { source: string }>(list: unknown): T[] {
  return Array.isArray(list) ? list.filter((r): r is T => typeof r === 'object' && r !== null && typeof (r as { source?: unknown }).source === 'string') : [];
}

/** The files of content/ the synthetic archive writes itself; anything else there is copied as is. */
const OWN_FILES = new Set(['sources', 'catalog.yaml', 'corrections.yaml', ALIASES_FILE, REGISTER_FILE]);

export function makeSyntheticArchive(options: SyntheticOptions): SyntheticSummary {
  const { contentDir, outDir, count } = options;
  const random = prng(options.seed ?? 20240710);
  const sourcesDir = join(contentDir, 'sources');
  const names = existsSync(sourcesDir)
    ? readdirSync(sourcesDir)
        .filter((name) => name.endsWith('.txt') && (options.sources === undefined || options.sources.includes(name)))
        .sort()
    : [];
  const missing = (options.sources ?? []).filter((name) => !names.includes(name));
  if (missing.length > 0) throw new Error(`not .txt files of ${sourcesDir}: ${missing.join(', ')}`);
  if (names.length === 0) throw new Error(`no .txt sources in ${sourcesDir}`);

  const catalogDoc = readYamlRecord(join(contentDir, 'catalog.yaml'));
  const entryOf = new Map(recordsOf<CatalogRecord>(catalogDoc.documents).map((entry) => [entry.source, entry]));
  const correctionsDoc = readYamlRecord(join(contentDir, 'corrections.yaml'));
  const correctionRecords = recordsOf<CorrectionRecord>(correctionsDoc.corrections);
  const correctionsOf = (source: string) => correctionRecords.filter((c) => c.source === source);

  // The bases: shipped sources that read today, each identity once.
  const ids = new Set<string>();
  const bases: Base[] = [];
  const unreadable: SyntheticSummary['unreadable'] = [];
  for (const source of names) {
    const text = readFileSync(join(sourcesDir, source), 'utf8');
    const base: Base = { source, text, entry: entryOf.get(source), corrections: correctionsOf(source) };
    const probe = probeDocument(source, text, base.entry, base.corrections);
    if ('error' in probe) unreadable.push({ source, reason: probe.error });
    else if (ids.has(probe.id)) unreadable.push({ source, reason: `same identity as an earlier source (${probe.id})` });
    else {
      ids.add(probe.id);
      bases.push(base);
    }
  }
  if (bases.length === 0) throw new Error(`none of the ${names.length} sources in ${sourcesDir} reads today (first: ${unreadable[0]?.source}: ${unreadable[0]?.reason})`);

  mkdirSync(join(outDir, 'sources'), { recursive: true });
  for (const entry of readdirSync(contentDir)) {
    if (!OWN_FILES.has(entry)) cpSync(join(contentDir, entry), join(outDir, entry), { recursive: true });
  }

  const sizes: number[] = [];
  const catalogOut: CatalogRecord[] = [];
  const correctionsOut: CorrectionRecord[] = [];
  const add = (source: string, text: string, entry: CatalogRecord | undefined, corrections: CorrectionRecord[]) => {
    writeFileSync(join(outDir, 'sources', source), text);
    sizes.push(Buffer.byteLength(text));
    if (entry) catalogOut.push(entry);
    correctionsOut.push(...corrections);
  };
  for (const base of bases.slice(0, count)) add(base.source, base.text, base.entry, base.corrections);

  // Copies, round robin over the bases that can be copied (a base none of whose copies reads is dropped from the round).
  const numbered = bases.filter((base) => renumberHeader(base.text, 1) !== null);
  let rotation = numbered.length > 0 ? numbered : [...bases];
  let retriedCopies = 0;
  let droppedCopies = 0;
  let turn = 0;
  for (let i = bases.length; sizes.length < count; i++) {
    if (rotation.length === 0) throw new Error(`no copy of any of the ${bases.length} readable sources reads (${sizes.length} of ${count} documents made)`);
    const base = rotation[turn % rotation.length] as Base;
    const number = 1000 + i;
    const source = `${String(i).padStart(5, '0')}_synthetic_from_${base.source.replace(/\.txt$/, '')}.txt`;
    const renumbered = renumberHeader(base.text, number);
    let entry: CatalogRecord | undefined;
    if (base.entry || renumbered === null) {
      entry = { ...(base.entry ?? {}), source };
      if (entry.numberSymbol) entry.numberSymbol = renumberSymbol(entry.numberSymbol, number);
      if (typeof entry.key === 'string') {
        if (renumbered !== null) delete entry.key;
        else entry.key = `${entry.key}-s${i}`.slice(0, 61);
      }
    }
    const corrections = base.corrections.map((c) => ({ ...c, source }));
    const unvaried = renumbered ?? base.text;
    const varied = varyText(unvaried, random);
    let made = false;
    for (const [attempt, text] of [varied, unvaried].entries()) {
      if (attempt === 1 && text === varied) break;
      const probe = probeDocument(source, text, entry, corrections);
      if ('error' in probe || ids.has(probe.id)) continue;
      ids.add(probe.id);
      add(source, text, entry, corrections);
      if (attempt === 1) retriedCopies += 1;
      made = true;
      break;
    }
    if (made) turn += 1;
    else {
      droppedCopies += 1;
      rotation = rotation.filter((b) => b !== base);
    }
  }

  writeFileSync(join(outDir, 'catalog.yaml'), stringify({ ...catalogDoc, documents: catalogOut }, { lineWidth: 0, aliasDuplicateObjects: false }));
  writeFileSync(join(outDir, 'corrections.yaml'), stringify({ ...correctionsDoc, corrections: correctionsOut }, { lineWidth: 0, aliasDuplicateObjects: false }));
  // Its own, empty aliases and register: nothing of a synthetic archive was ever published.
  writeFileSync(join(outDir, ALIASES_FILE), '# A synthetic archive (npm run bench): no old addresses.\n');
  writeFileSync(join(outDir, REGISTER_FILE), formatRegister([]));
  const bytes = sizes.reduce((a, b) => a + b, 0);
  return { documents: sizes.length, bases: bases.length, unreadable, retriedCopies, droppedCopies, bytes, minBytes: Math.min(...sizes), maxBytes: Math.max(...sizes) };
}
