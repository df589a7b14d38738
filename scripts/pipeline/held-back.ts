/**
 * One source file -> a document, or the reason it is held back (ADR 1004):
 * a file whose bytes are not text, or whose identity (issuer, year, URL key)
 * cannot be established, is left out of the site and listed with the catalog
 * lines that would fix it; the rest of the archive builds.
 */
import { parse as parseYaml } from 'yaml';
import type { DocumentModel, Fact } from '../lib/model.ts';
import { DecodeError } from './01-decode/index.ts';
import type { CatalogEntry } from './05-metadata/catalog.ts';
import { IdentityError } from './05-metadata/index.ts';
import type { Correction } from './06-annotate/index.ts';
import { CorrectionError } from './06-annotate/index.ts';
import { readDocument } from './read-document.ts';
import { ExtractError, type Extracted } from './00-extract/types.ts';

export type HeldBackKind = 'identity' | 'bytes' | 'duplicate' | 'error';

export interface HeldBack {
  /** Source file name in the sources folder. */
  file: string;
  /** What is wrong and what to do, naming the file (English, for the editor). */
  reason: string;
  kind: HeldBackKind;
  /** Lines for content/catalog.yaml (or content/corrections.yaml, said in a comment line) that would fix it; placeholders in <...>. */
  fix: string[];
  /** The editor's reason for leaving it held back (content/held-back.yaml), when acknowledged. */
  acknowledged?: string;
}

export interface SourceOutcome {
  file: string;
  /** The document, when it could be read with an identity. */
  doc: DocumentModel | null;
  held: HeldBack | null;
  /**
   * For a document held back for its identity: what the reader made of it
   * with placeholder values for the missing facts, those facts shown as
   * unknown again (for the import report; never published).
   */
  preview: DocumentModel | null;
}

/** The facts an identity needs, as the catalog gives them. */
type Missing = 'issuer' | 'year' | 'key';

// The identity step's own wording (scripts/pipeline/05-metadata/index.ts identityOf).
const MISSING_BY_MESSAGE: Array<[RegExp, Missing]> = [
  [/issuer unknown/, 'issuer'],
  [/year unknown/, 'year'],
  [/number unknown/, 'key'],
];

// Values that let the reader go on, to find every missing fact at once; never published.
const PROBE_ISSUER = 'HĐND tỉnh Quảng Ninh';
const PROBE: Record<Missing, (entry: CatalogEntry) => void> = {
  issuer: (e) => (e.issuer = { value: PROBE_ISSUER, source: 'probe', inferred: false }),
  year: (e) => (e.year = { value: 2000, source: 'probe', inferred: false }),
  key: (e) => (e.key = 'probe'),
};

export const SOURCE_PLACEHOLDER = '"<nguồn của thông tin: phần nào của văn bản, tài liệu nào>"';

/** Catalog lines that add the missing facts for `file` (under an existing entry, or a new one). */
export function catalogFix(file: string, missing: Missing[], hasEntry: boolean): string[] {
  if (missing.length === 0) return [];
  const lines = hasEntry
    ? [`# content/catalog.yaml: add to the existing entry "- source: ${file}"`]
    : ['# content/catalog.yaml, under "documents:"', `  - source: ${file}`];
  for (const m of missing) {
    if (m === 'issuer') lines.push(`    issuer: { value: "<cơ quan ban hành, ví dụ HĐND tỉnh Bắc Giang>", source: ${SOURCE_PLACEHOLDER} }`);
    if (m === 'year') {
      lines.push(`    year: { value: "<năm ban hành, ví dụ 2017>", source: ${SOURCE_PLACEHOLDER} }`);
      lines.push(`    # or, when the full date is known: date: { value: "<yyyy-mm-dd>", source: ${SOURCE_PLACEHOLDER} }`);
    }
    if (m === 'key') lines.push('    key: "<khóa URL cố định, chữ thường không dấu, ví dụ nq-chua-ro-so-1>"');
  }
  return lines;
}

const UNKNOWN: Fact<never> = { value: null, origin: null };

/**
 * Read one source. Bytes that are not text and unknown identities are held
 * back; an editor's correction that matches nothing is the editor's file
 * being wrong and is thrown (the convert fails, as for a catalog typo).
 */
export function readSource(file: string, bytes: Uint8Array, catalog: CatalogEntry | undefined, corrections: Correction[], extracted: Extracted | null = null): SourceOutcome {
  try {
    return { file, doc: readDocument({ file, bytes, catalog, corrections, extracted }), held: null, preview: null };
  } catch (error) {
    if (error instanceof CorrectionError) throw error;
    const message = (error as Error).message;
    const reason = message.startsWith(file) ? message : `${file}: ${message}`;
    if (error instanceof DecodeError) return { file, doc: null, preview: null, held: { file, reason, kind: 'bytes', fix: [] } };
    if (error instanceof IdentityError) return heldForIdentity(file, bytes, catalog, corrections, reason, extracted);
    return { file, doc: null, preview: null, held: { file, reason, kind: 'error', fix: [] } };
  }
}

/**
 * The identity step stops at the first missing fact. Read once more with a
 * placeholder for each fact the catalog lacks (a text fact always wins over
 * the catalog, so a placeholder is used only where the fact is missing), so
 * the fix names every missing fact at once, not one per build.
 */
function heldForIdentity(file: string, bytes: Uint8Array, catalog: CatalogEntry | undefined, corrections: Correction[], reason: string, extracted: Extracted | null): SourceOutcome {
  const base: CatalogEntry = { ...(catalog ?? { source: file }) };
  // identityOf checks issuer, then year, then number: the facts before the one reported are known.
  const first = MISSING_BY_MESSAGE.find(([re]) => re.test(reason))?.[1];
  const order: Missing[] = ['issuer', 'year', 'key'];
  const probes = first ? order.slice(order.indexOf(first)).filter((m) => (m === 'key' ? base.key === undefined : base[m] === undefined)) : [];
  const attempt = (ms: Missing[]): DocumentModel | null => {
    const probe: CatalogEntry = { ...base };
    for (const m of ms) PROBE[m](probe);
    try {
      return readDocument({ file, bytes, catalog: probe, corrections, extracted });
    } catch {
      return null;
    }
  };
  // A key is refused when the number is known: then read again without it.
  const keyless = probes.filter((m) => m !== 'key');
  let preview = probes.length > 0 ? attempt(probes) : null;
  if (preview === null && keyless.length < probes.length) preview = attempt(keyless);
  let missing: Missing[] = [];
  if (preview) {
    const probed = (f: Fact<unknown>) => f.origin === 'catalog' && f.note === 'probe';
    missing = probes.filter((m) => (m === 'issuer' ? probed(preview!.meta.issuer) : m === 'year' ? probed(preview!.meta.year) : preview!.url.endsWith('/probe/')));
    const meta = { ...preview.meta };
    if (missing.includes('issuer')) meta.issuer = UNKNOWN;
    if (missing.includes('year')) meta.year = UNKNOWN;
    preview = { ...preview, id: '', url: '', meta };
  } else if (first) {
    // Something else is wrong too (e.g. a URL segment that is not ASCII): fix what the reason names.
    missing = [first];
  }
  const why = missing.length > 1 ? `${reason} (missing: ${missing.join(', ')})` : reason;
  return { file, doc: null, preview, held: { file, reason: why, kind: 'identity', fix: catalogFix(file, missing, catalog !== undefined) } };
}

/** A file step 00 could not read (ADR 1501): held back as 'bytes', the reason naming the file and the problem. */
export function heldForExtraction(error: ExtractError): SourceOutcome {
  const reason = `${error.file}: [${error.problem}] ${error.reason}`;
  return { file: error.file, doc: null, preview: null, held: { file: error.file, reason, kind: 'bytes', fix: [] } };
}

/**
 * An unsigned Word draft (ADR 1501, "Drafts"): a .docx or .doc whose number
 * is blank. The number and the date are given by the văn thư once the
 * document is signed (Nghị định 30/2020/NĐ-CP, cấp số và thời gian ban hành
 * văn bản), so a Word file without them is the text before
 * signing, not the document issued. A PDF or text copy with a blank number is
 * different: the signed document's number often stands only in the signature
 * stamp, and those keep their provisional address (ADR 0002). The editor
 * publishes a draft by giving the signed number and date (or a key) in the catalog.
 */
export function heldAsDraft(doc: DocumentModel, catalog: CatalogEntry | undefined): HeldBack | null {
  const format = doc.sourceReading?.format;
  if (format !== 'docx' && format !== 'doc') return null;
  if (doc.meta.numberSymbol.value !== null || catalog?.key !== undefined) return null;
  const file = doc.sourceFile;
  const lines = catalog
    ? [`# content/catalog.yaml: add to the existing entry "- source: ${file}" the signed document's number and date`]
    : ['# content/catalog.yaml, under "documents:" (the signed document\'s number and date)', `  - source: ${file}`];
  lines.push(
    `    numberSymbol: { value: "<số ký hiệu của văn bản đã ký, ví dụ 123/UBND-NC>", source: ${SOURCE_PLACEHOLDER} }`,
    `    date: { value: "<yyyy-mm-dd>", source: ${SOURCE_PLACEHOLDER} }`,
    '    # or, to publish this unsigned text as it is under a provisional address: key: "<khóa URL cố định, ví dụ du-thao-1>"',
  );
  return {
    file,
    kind: 'identity',
    reason: `${file}: an unsigned draft: the ${format === 'docx' ? 'Word (.docx)' : 'Word 97 (.doc)'} file leaves the number blank ("${blankNumberLine(doc)}"), which the office fills in when the document is signed; not published. Add the signed PDF, or give the number and date in the catalog`,
    fix: lines,
  };
}

/** The header's "Số:" line as the draft shows it, for the reason. */
function blankNumberLine(doc: DocumentModel): string {
  const line = doc.segments.header.find((l) => /^\s*Số\s*[:.]/u.test(l));
  return (line ?? 'Số: …').replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------
// Held-back documents the editor has acknowledged (content/held-back.yaml;
// ADR 1501, "Strict mode"): strict mode fails on every held-back document
// except these, and on an acknowledgment that no longer holds.

export interface Acknowledged {
  file: string;
  kind: HeldBackKind;
  /** Why it stays held back, in the editor's words. */
  why: string;
}

const KINDS: readonly HeldBackKind[] = ['identity', 'bytes', 'duplicate', 'error'];

/** Parse and validate content/held-back.yaml: every problem listed, as for the catalog. */
export function parseAcknowledged(text: string, file: string): Acknowledged[] {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    throw new Error(`${file}: not valid YAML: ${(e as Error).message}`);
  }
  if (doc === null || doc === undefined) return [];
  const list = (doc as { held_back?: unknown }).held_back;
  if (typeof doc !== 'object' || !Array.isArray(list)) throw new Error(`${file}: expected a top-level "held_back:" list`);
  const problems: string[] = [];
  const out: Acknowledged[] = [];
  const seen = new Set<string>();
  list.forEach((raw: unknown, i: number) => {
    const where = `held_back[${i}]`;
    const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const unknownKeys = Object.keys(r).filter((k) => !['file', 'kind', 'why'].includes(k));
    if (typeof r.file !== 'string' || !/^[^/\\]+$/.test(r.file) || r.file.startsWith('.')) problems.push(`${where}: needs "file: <file name in content/sources>"`);
    else if (seen.has(r.file)) problems.push(`${where}: ${r.file} is listed twice`);
    if (typeof r.kind !== 'string' || !KINDS.includes(r.kind as HeldBackKind)) problems.push(`${where}: "kind" must be one of ${KINDS.join(', ')}`);
    if (typeof r.why !== 'string' || r.why.trim() === '' || /<[^>]*>/.test(r.why)) problems.push(`${where}: "why" must say, in words, why the document stays held back (no <placeholder>)`);
    if (unknownKeys.length > 0) problems.push(`${where}: unknown field(s) ${unknownKeys.join(', ')} (fields: file, kind, why)`);
    if (typeof r.file === 'string') seen.add(r.file);
    if (typeof r.file === 'string' && typeof r.kind === 'string' && typeof r.why === 'string') out.push({ file: r.file, kind: r.kind as HeldBackKind, why: r.why.trim() });
  });
  if (problems.length > 0) throw new Error(`${file}: ${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`);
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/**
 * What strict mode refuses: held-back documents nobody acknowledged, and
 * acknowledgments that no longer hold (the file is published now, or held
 * back for another reason): an acknowledgment must not outlive its reason.
 */
export function strictProblems(heldBack: HeldBack[], acknowledged: Acknowledged[], files: string[]): string[] {
  const ack = new Map(acknowledged.map((a) => [a.file, a]));
  const held = new Map(heldBack.map((h) => [h.file, h]));
  const out: string[] = [];
  for (const h of heldBack) {
    const a = ack.get(h.file);
    if (!a) out.push(`held back (strict mode): [${h.kind}] ${h.reason}`);
    else if (a.kind !== h.kind) out.push(`held back (strict mode): [${h.kind}] ${h.reason} (content/held-back.yaml acknowledges it as "${a.kind}", not "${h.kind}")`);
  }
  const present = new Set(files);
  for (const a of acknowledged) {
    if (!present.has(a.file)) out.push(`content/held-back.yaml: ${a.file} is acknowledged as held back ("${a.kind}"), but content/sources has no such file: remove its entry`);
    else if (!held.has(a.file)) out.push(`content/held-back.yaml: ${a.file} is acknowledged as held back ("${a.kind}"), but it is not held back now: remove its entry`);
  }
  return out;
}
