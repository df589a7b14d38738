/**
 * One source file -> a document, or the reason it is held back (ADR 1004):
 * a file whose bytes are not text, or whose identity (issuer, year, URL key)
 * cannot be established, is left out of the site and listed with the catalog
 * lines that would fix it; the rest of the archive builds.
 */
import type { DocumentModel, Fact } from '../lib/model.ts';
import { DecodeError } from './01-decode/index.ts';
import type { CatalogEntry } from './05-metadata/catalog.ts';
import { IdentityError } from './05-metadata/index.ts';
import type { Correction } from './06-annotate/index.ts';
import { CorrectionError } from './06-annotate/index.ts';
import { readDocument } from './read-document.ts';

export type HeldBackKind = 'identity' | 'bytes' | 'duplicate' | 'error';

export interface HeldBack {
  /** Source file name in the sources folder. */
  file: string;
  /** What is wrong and what to do, naming the file (English, for the editor). */
  reason: string;
  kind: HeldBackKind;
  /** Lines for content/catalog.yaml (or content/corrections.yaml, said in a comment line) that would fix it; placeholders in <...>. */
  fix: string[];
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
export function readSource(file: string, bytes: Uint8Array, catalog: CatalogEntry | undefined, corrections: Correction[]): SourceOutcome {
  try {
    return { file, doc: readDocument({ file, bytes, catalog, corrections }), held: null, preview: null };
  } catch (error) {
    if (error instanceof CorrectionError) throw error;
    const message = (error as Error).message;
    const reason = message.startsWith(file) ? message : `${file}: ${message}`;
    if (error instanceof DecodeError) return { file, doc: null, preview: null, held: { file, reason, kind: 'bytes', fix: [] } };
    if (error instanceof IdentityError) return heldForIdentity(file, bytes, catalog, corrections, reason);
    return { file, doc: null, preview: null, held: { file, reason, kind: 'error', fix: [] } };
  }
}

/**
 * The identity step stops at the first missing fact. Read once more with a
 * placeholder for each fact the catalog lacks (a text fact always wins over
 * the catalog, so a placeholder is used only where the fact is missing), so
 * the fix names every missing fact at once, not one per build.
 */
function heldForIdentity(file: string, bytes: Uint8Array, catalog: CatalogEntry | undefined, corrections: Correction[], reason: string): SourceOutcome {
  const base: CatalogEntry = { ...(catalog ?? { source: file }) };
  // identityOf checks issuer, then year, then number: the facts before the one reported are known.
  const first = MISSING_BY_MESSAGE.find(([re]) => re.test(reason))?.[1];
  const order: Missing[] = ['issuer', 'year', 'key'];
  const probes = first ? order.slice(order.indexOf(first)).filter((m) => (m === 'key' ? base.key === undefined : base[m] === undefined)) : [];
  const attempt = (ms: Missing[]): DocumentModel | null => {
    const probe: CatalogEntry = { ...base };
    for (const m of ms) PROBE[m](probe);
    try {
      return readDocument({ file, bytes, catalog: probe, corrections });
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
