/**
 * The editor's catalog (content/catalog.yaml): facts a source text lacks, each
 * with its source. Validated strictly: a typo must stop the build with a
 * message, not silently drop a fact or put a value into a path.
 */
import { parse } from 'yaml';
import type { DocTypeCode } from '../../lib/model.ts';
import { isTypeCode, parseSymbol } from '../../lib/symbol.ts';
import { canonicalIssuer } from '../../lib/issuers.ts';
import { isoDate } from '../../lib/vn-date.ts';

export interface CatalogFact<T> {
  value: T;
  /** Where the editor took it from: "signature block", "inferred from the citation in 001 ...". */
  source: string;
  inferred: boolean;
}

export interface CatalogEntry {
  source: string;
  /** Permanent URL key for a document whose number is unknown (ASCII, lower case). */
  key?: string;
  type?: CatalogFact<DocTypeCode>;
  numberSymbol?: CatalogFact<string>;
  date?: CatalogFact<string>;
  year?: CatalogFact<number>;
  issuer?: CatalogFact<string>;
  title?: CatalogFact<string>;
  signer?: CatalogFact<string>;
  organ?: CatalogFact<string>;
}

export class CatalogError extends Error {
  readonly problems: string[];
  constructor(file: string, problems: string[]) {
    super(`${file}: ${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`);
    this.name = 'CatalogError';
    this.problems = problems;
  }
}

const FACT_KEYS = ['type', 'numberSymbol', 'date', 'year', 'issuer', 'title', 'signer', 'organ'] as const;
type FactKey = (typeof FACT_KEYS)[number];
const KEY_RE = /^[a-z0-9][a-z0-9-]{0,60}$/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function validateValue(key: FactKey, value: unknown): string | null {
  switch (key) {
    case 'type':
      return typeof value === 'string' && isTypeCode(value) ? null : `type must be a type code such as NQ, CT, QĐ (got ${JSON.stringify(value)})`;
    case 'numberSymbol':
      return typeof value === 'string' && parseSymbol(value) ? null : `numberSymbol ${JSON.stringify(value)} is not a document symbol such as 09-NQ/TU or 205/NQ-HĐND`;
    case 'date': {
      const m = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
      return m && isoDate(m[3] as string, m[2] as string, m[1] as string) ? null : `date must be an ISO date yyyy-mm-dd (got ${JSON.stringify(value)})`;
    }
    case 'year':
      return Number.isInteger(value) && (value as number) >= 1945 && (value as number) <= 2100 ? null : `year must be a four-digit year (got ${JSON.stringify(value)})`;
    case 'issuer':
      return typeof value === 'string' && canonicalIssuer(value) ? null : `issuer ${JSON.stringify(value)} is not a known issuing body (e.g. "Tỉnh ủy Quảng Ninh", "HĐND tỉnh Quảng Ninh")`;
    default:
      return typeof value === 'string' && value.trim() !== '' && !/[<>{}]/.test(value) ? null : `${key} must be plain text`;
  }
}

/** Parse and validate the catalog text; throws CatalogError listing every problem. */
export function parseCatalog(text: string, file: string): Map<string, CatalogEntry> {
  const problems: string[] = [];
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    throw new CatalogError(file, [`not valid YAML: ${(e as Error).message}`]);
  }
  const entries = new Map<string, CatalogEntry>();
  if (doc === null || doc === undefined) return entries;
  if (!isRecord(doc) || !Array.isArray(doc.documents)) throw new CatalogError(file, ['expected a top-level "documents:" list']);
  doc.documents.forEach((raw: unknown, i: number) => {
    const where = `documents[${i}]`;
    if (!isRecord(raw) || typeof raw.source !== 'string') {
      problems.push(`${where}: needs "source: <file name in content/sources>"`);
      return;
    }
    const source = raw.source;
    if (!/^[\w.-]+\.(?:txt|pdf|docx|doc)$/.test(source) || source.includes('..')) {
      problems.push(`${where}: source ${JSON.stringify(source)} must be a plain file name in content/sources (.txt, .pdf, .docx or .doc)`);
      return;
    }
    if (entries.has(source)) problems.push(`${where}: ${source} is listed twice`);
    const entry: CatalogEntry = { source };
    for (const k of Object.keys(raw)) {
      if (k === 'source') continue;
      if (k === 'key') {
        if (typeof raw.key !== 'string' || !KEY_RE.test(raw.key)) problems.push(`${where} (${source}): key ${JSON.stringify(raw.key)} must be lower-case ASCII letters, digits and hyphens (it becomes part of a URL)`);
        else entry.key = raw.key;
        continue;
      }
      if (!(FACT_KEYS as readonly string[]).includes(k)) {
        problems.push(`${where} (${source}): unknown field "${k}" (allowed: key, ${FACT_KEYS.join(', ')})`);
        continue;
      }
      const f = raw[k];
      if (!isRecord(f) || !('value' in f) || typeof f.source !== 'string' || f.source.trim() === '') {
        problems.push(`${where} (${source}): ${k} needs { value: ..., source: "where this fact comes from" }`);
        continue;
      }
      const err = validateValue(k as FactKey, f.value);
      if (err) {
        problems.push(`${where} (${source}): ${err}`);
        continue;
      }
      const value = k === 'numberSymbol' ? (parseSymbol(f.value as string) as { canonical: string }).canonical : f.value;
      (entry as unknown as Record<string, CatalogFact<unknown>>)[k] = { value, source: f.source.trim(), inferred: f.inferred === true };
    }
    entries.set(source, entry);
  });
  if (problems.length > 0) throw new CatalogError(file, problems);
  return entries;
}
