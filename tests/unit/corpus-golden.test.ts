/**
 * Golden set: facts of 39 real corpus documents, written by reading each text
 * (tests/fixtures/corpus-golden.yaml; how it was made: docs/corpus-provenance.md).
 * One test per file compares everything the reader says with what the text
 * says, in one assertion, so a failure lists every wrong field of that file.
 *
 * Outline rule ("top two levels"), computed from DocumentModel.provisions:
 * - a provision is numbered unless its kind is heading, intro, preamble,
 *   closing, recipients, signature or annex; unnumbered headings are looked
 *   through (their numbered children count as if at the heading's level);
 * - containers (volume, chapter, division, subdivision) are listed with all
 *   their numbered descendants down to and including the first non-container
 *   level: chuong-I, dieu-1, dieu-2, chuong-II, chuong-II.muc-1, dieu-3 ...;
 * - any other top-level numbered provision (article, part, section) is listed
 *   with its direct numbered children: dieu-1, dieu-1.1, dieu-1.2, I, I.1 ...
 * Annexes are the top-level provisions of kind 'annex' (their ids, in order);
 * an annex's outline is the same rule applied to its children, with the
 * annex's own id prefix ("quy-che.") removed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { DocumentModel, Provision, ProvisionKind } from '../../scripts/lib/model.ts';
import { readDocument } from '../../scripts/pipeline/read-document.ts';
import { IdentityError } from '../../scripts/pipeline/05-metadata/index.ts';

interface GoldenEntry {
  file: string;
  family: string;
  type: string;
  number: string | null;
  date: string | null;
  year: number | null;
  issuer: string;
  province: string | null;
  title_starts?: string;
  outline: string[];
  annexes: string[];
  annex_outline?: Record<string, string[]>;
  notes?: string;
}

const SOURCES = 'content/sources';
const golden = parse(readFileSync('tests/fixtures/corpus-golden.yaml', 'utf8')) as GoldenEntry[];

const UNNUMBERED: ReadonlySet<ProvisionKind> = new Set(['heading', 'intro', 'preamble', 'closing', 'recipients', 'signature', 'annex']);
const CONTAINERS: ReadonlySet<ProvisionKind> = new Set(['volume', 'chapter', 'division', 'subdivision']);

/** Numbered provisions of a list, looking through unnumbered headings. */
function numbered(ps: Provision[]): Provision[] {
  return ps.flatMap((p) => (p.kind === 'heading' ? numbered(p.children) : UNNUMBERED.has(p.kind) ? [] : [p]));
}

/** Inside a container: sub-containers recursively, then the first non-container level only. */
function insideContainer(ps: Provision[]): string[] {
  return numbered(ps).flatMap((p) => (CONTAINERS.has(p.kind) ? [p.id, ...insideContainer(p.children)] : [p.id]));
}

function topTwoLevels(ps: Provision[]): string[] {
  return numbered(ps).flatMap((p) =>
    CONTAINERS.has(p.kind) ? [p.id, ...insideContainer(p.children)] : [p.id, ...numbered(p.children).map((c) => c.id)],
  );
}

const fold = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');

/** What the reader says, in the golden entry's shape (only the fields the entry asserts). */
function actualFor(entry: GoldenEntry): Record<string, unknown> {
  let doc: DocumentModel;
  try {
    const result: unknown = readDocument({ file: entry.file, bytes: readFileSync(join(SOURCES, entry.file)), catalog: undefined, corrections: [] });
    // A document the reader holds back instead of throwing counts as a failure too.
    if (!result || typeof result !== 'object' || !('meta' in result) || !('provisions' in result) || ('heldBack' in result && result.heldBack)) {
      return { failure: `no document model: ${JSON.stringify(result).slice(0, 300)}` };
    }
    doc = result as DocumentModel;
  } catch (e) {
    // Without an issuer or a year there is no identity: the converter holds the document back.
    if (e instanceof IdentityError && /^.*: (issuer|year) unknown/.test(e.message)) return { heldBack: /: issuer unknown/.test(e.message) ? 'issuer' : 'year' };
    return { failure: `reader threw: ${e instanceof Error ? e.message : String(e)}`.slice(0, 600) };
  }
  const m = doc.meta;
  const annexes = doc.provisions.filter((p) => p.kind === 'annex');
  const actual: Record<string, unknown> = {
    type: m.type.value,
    number: m.numberSymbol.value,
    date: m.date.value,
    year: m.year.value,
    issuer: m.issuer.value?.name ?? null,
    province: m.issuer.value?.province ?? null,
    outline: topTwoLevels(doc.provisions.filter((p) => p.kind !== 'annex')),
    annexes: annexes.map((a) => a.id),
  };
  if (entry.title_starts !== undefined) {
    const title = m.title.value === null ? null : fold(m.title.value);
    actual.title_starts = title === null ? null : title.slice(0, entry.title_starts.length);
  }
  if (entry.annex_outline) {
    actual.annex_outline = Object.fromEntries(
      Object.keys(entry.annex_outline).map((id) => {
        const annex = annexes.find((a) => a.id === id);
        const strip = (s: string): string => (s.startsWith(`${id}.`) ? s.slice(id.length + 1) : s);
        return [id, annex ? topTwoLevels(annex.children).map(strip) : null];
      }),
    );
  }
  return actual;
}

function expectedFor(entry: GoldenEntry): Record<string, unknown> {
  // A person who finds no issuer or no year in the text expects the document held back, for that reason.
  if (entry.issuer === null) return { heldBack: 'issuer' };
  if (entry.year === null) return { heldBack: 'year' };
  const expected: Record<string, unknown> = {
    type: entry.type,
    number: entry.number,
    date: entry.date,
    year: entry.year,
    issuer: entry.issuer,
    province: entry.province,
    outline: entry.outline,
    annexes: entry.annexes,
  };
  if (entry.title_starts !== undefined) expected.title_starts = fold(entry.title_starts);
  if (entry.annex_outline) expected.annex_outline = entry.annex_outline;
  return expected;
}

describe('golden set: the reader against facts read by a person', () => {
  it('covers every layout family with real files that exist', () => {
    const families = new Set(golden.map((e) => e.family));
    for (const f of ['lost-header', 'lost-header-appendix', 'lost-header-chapters', 'pdf-text-ubnd', 'pdf-text-hdnd', 'pdf-header-after-body', 'llm-markdown', 'gazette-central', 'amending', 'appendix']) {
      expect(families, f).toContain(f);
    }
    expect(golden.length).toBeGreaterThanOrEqual(34);
    expect(new Set(golden.map((e) => e.file)).size).toBe(golden.length);
    for (const e of golden) expect(() => readFileSync(join(SOURCES, e.file)), e.file).not.toThrow();
  });

  for (const entry of golden) {
    it(`${entry.file} (${entry.family})`, () => {
      expect(actualFor(entry), `${entry.file}: ${entry.notes ?? ''}`).toEqual(expectedFor(entry));
    });
  }
});
