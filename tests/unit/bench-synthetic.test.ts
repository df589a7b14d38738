/**
 * The bench's synthetic archive (scripts/build/synthetic.ts), made from the
 * shipped content/: its own empty aliases and register, and every document in
 * it is one the converter publishes (distinct identities, no held-back copy).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeSyntheticArchive, type SyntheticSummary } from '../../scripts/build/synthetic.ts';
import { convertInMemory } from '../../scripts/pipeline/convert-archive.ts';
import { readAliases } from '../../scripts/urls/aliases.ts';
import { readRegister } from '../../scripts/urls/register.ts';

const content = join(import.meta.dirname, '..', '..', 'content');
// The first shipped sources by name (the five Quảng Ninh documents among them): enough to vary, quick to read.
const shipped = readdirSync(join(content, 'sources'))
  .filter((n) => n.endsWith('.txt'))
  .sort()
  .slice(0, 10);
const out = mkdtempSync(join(tmpdir(), 'bench-synthetic-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('synthetic archive', () => {
  // More documents than sources, so some are varied copies whatever the reader reads today.
  const count = shipped.length + 4;
  let summary: SyntheticSummary;

  it('has its own empty aliases and published-URL register', () => {
    summary = makeSyntheticArchive({ contentDir: content, outDir: out, count, seed: 7, sources: shipped });
    expect(summary.documents).toBe(count);
    expect(summary.bases + summary.unreadable.length).toBe(shipped.length);
    const { aliases } = readAliases(out);
    expect(aliases.documents.length + aliases.fragments.length + aliases.cited.length).toBe(0);
    const register = readRegister(out);
    expect(register.problems).toEqual([]);
    expect(register.entries).toEqual([]);
  }, 30_000);

  it('is published whole by the converter: every source read, none held back', async () => {
    const result = await convertInMemory(out);
    expect(result.errors).toEqual([]);
    expect((result as { heldBack?: unknown[] }).heldBack ?? []).toEqual([]);
    expect(result.documents.length).toBe(count);
    const copies = result.documents.filter((d) => d.sourceFile.includes('_synthetic_from_'));
    expect(copies.length).toBeGreaterThanOrEqual(4);
  }, 60_000);
});
