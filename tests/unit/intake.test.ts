/**
 * Source intake (docs/decisions/1501-source-intake.md): dispatch by extension
 * checked by the first bytes, limits, missing tools named with the apt line,
 * the extraction cache (a hit gives what the cold run gave, a corrupt entry
 * is read again), drafts, copies across formats, what documents.json says
 * about the reading, and strict mode with the editor's acknowledgments.
 * Real files of content/sources throughout; no OCR (seconds, not minutes).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cached, cacheKey, cacheStats } from '../../scripts/pipeline/00-extract/cache.ts';
import { APT_DOC, APT_OCR, extractSource, formatOf } from '../../scripts/pipeline/00-extract/index.ts';
import { ExtractError, LIMITS, type ExtractTools } from '../../scripts/pipeline/00-extract/types.ts';
import { convertInMemory, toolsOfThisMachine } from '../../scripts/pipeline/convert-archive.ts';
import { parseAcknowledged } from '../../scripts/pipeline/held-back.ts';

const SOURCES = 'content/sources';
const bytesOf = (name: string) => new Uint8Array(readFileSync(path.join(SOURCES, name)));
const NO_TOOLS: ExtractTools = { ocr: null, antiword: null };

const PDF = '07_binhthuan_ubnd_qd_779_2022.pdf';
const DOCX = '16_dongthap_thptcl2_kh_58_2026.docx';
const DRAFT = '17_lamdong_ubnd_cv_3980_draft_2025.docx';
const DOC = '19_dongthap_sgddt_kh_362_2026.doc';
const SCAN = '11_hanoi_hdnd_nq_12_2025_scan.pdf';
const PDF04 = '04_hanoi_hdnd_nq_11_2025.pdf';
const TXT083 = '083_hanoi_nqso11_2025_pdftext.txt';
const S000 = '000_1be5c67f345d0e91.txt';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'intake-'));
  roots.push(d);
  return d;
}
/** A content folder with only these sources (copied from content/sources) and the given editor files. */
function contentWith(sources: string[], files: Record<string, string> = {}): string {
  const dir = path.join(tempDir(), 'content');
  const src = path.join(dir, 'sources');
  mkdirSync(src, { recursive: true });
  for (const s of sources) writeFileSync(path.join(src, s), readFileSync(path.join(SOURCES, s)));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}
async function problemOf(p: Promise<unknown>): Promise<{ problem: string; reason: string }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ExtractError) return { problem: e.problem, reason: e.reason };
    throw e;
  }
  throw new Error('no ExtractError');
}

describe('dispatch', () => {
  it('takes .txt, .pdf, .docx and .doc (any case); anything else is not a source', async () => {
    expect(['a.txt', 'B.PDF', 'c.docx', 'd.Doc', 'e.xlsx', 'f.odt', 'README'].map(formatOf)).toEqual(['txt', 'pdf', 'docx', 'doc', null, null, null]);
    expect(await problemOf(extractSource('table.xlsx', new Uint8Array([0x50, 0x4b, 3, 4]), NO_TOOLS))).toMatchObject({ problem: 'unsupported' });
  });

  it('a .txt goes to step 01 untouched', async () => {
    const x = await extractSource(S000, bytesOf(S000), NO_TOOLS);
    expect({ format: x.format, method: x.method, text: x.text }).toEqual({ format: 'txt', method: 'text', text: '' });
  });

  it('refuses a file whose bytes are not what its name says', async () => {
    // A real PDF named .docx, a real DOCX named .doc, a Word 97 file named .pdf.
    expect(await problemOf(extractSource('x.docx', bytesOf(PDF), NO_TOOLS))).toEqual({ problem: 'not-what-it-says', reason: expect.stringContaining('named .docx but its bytes are a PDF') });
    expect(await problemOf(extractSource('x.doc', bytesOf(DOCX), NO_TOOLS))).toEqual({ problem: 'not-what-it-says', reason: expect.stringContaining('named .doc but its bytes are a zip archive') });
    expect(await problemOf(extractSource('x.pdf', bytesOf(DOC), NO_TOOLS))).toEqual({ problem: 'not-what-it-says', reason: expect.stringContaining('legacy Office file') });
    expect(await problemOf(extractSource('x.doc', new TextEncoder().encode('{\\rtf1\\ansi Số: 12/QĐ-UBND}'), NO_TOOLS))).toEqual({ problem: 'not-what-it-says', reason: expect.stringContaining('an RTF file') });
  });

  it('does not open a file over the size limit, or an empty one', async () => {
    const big = new Uint8Array(LIMITS.maxFileBytes + 1);
    big.set(bytesOf(PDF).subarray(0, 8));
    expect(await problemOf(extractSource('big.pdf', big, NO_TOOLS))).toEqual({ problem: 'too-large', reason: expect.stringContaining('more than the limit of 50.0 MB') });
    expect(await problemOf(extractSource('empty.docx', new Uint8Array(0), NO_TOOLS))).toMatchObject({ problem: 'corrupt' });
  });

  it('without OCR a scan is held back naming the apt line; without antiword a .doc likewise', async () => {
    const scan = await problemOf(extractSource(SCAN, bytesOf(SCAN), NO_TOOLS));
    expect(scan.problem).toBe('tool-missing');
    expect(scan.reason).toContain('7 of 7 page(s) have no text layer');
    expect(scan.reason).toContain(APT_OCR);
    const doc = await problemOf(extractSource(DOC, bytesOf(DOC), NO_TOOLS));
    expect(doc).toEqual({ problem: 'tool-missing', reason: expect.stringContaining(APT_DOC) });
  });
});

describe('extraction cache', () => {
  it('a hit gives exactly what the cold run gave; a corrupt entry is ignored and written again', async () => {
    const dir = tempDir();
    const bytes = bytesOf(DOCX);
    const make = () => extractSource(DOCX, bytes, NO_TOOLS);
    const missesBefore = cacheStats.misses;
    const cold = await cached(bytes, NO_TOOLS, make, { dir });
    expect(cacheStats.misses).toBe(missesBefore + 1);
    const hitsBefore = cacheStats.hits;
    const warm = await cached(bytes, NO_TOOLS, make, { dir });
    expect(cacheStats.hits).toBe(hitsBefore + 1);
    expect(JSON.stringify(warm)).toBe(JSON.stringify(cold));

    const entry = path.join(dir, `${cacheKey(bytes, NO_TOOLS)}.json`);
    writeFileSync(entry, '{"key": "truncated');
    const again = await cached(bytes, NO_TOOLS, make, { dir });
    // Read again: the same text and facts (only the bench's timings are new).
    expect(JSON.stringify({ ...again, timings: [] })).toBe(JSON.stringify({ ...cold, timings: [] }));
    expect(JSON.parse(readFileSync(entry, 'utf8')).key).toBe(cacheKey(bytes, NO_TOOLS));
    expect(readdirSync(dir).filter((n) => n.endsWith('.lock') || n.endsWith('.tmp'))).toEqual([]);
  });

  it('the key changes with the file and with the tools, not with anything else', () => {
    const a = bytesOf(DOCX);
    const b = a.slice();
    b[b.length - 1] = (b[b.length - 1] ?? 0) ^ 1;
    expect(cacheKey(a, NO_TOOLS)).toBe(cacheKey(a.slice(), NO_TOOLS));
    expect(cacheKey(b, NO_TOOLS)).not.toBe(cacheKey(a, NO_TOOLS));
    expect(cacheKey(a, { ocr: { pdftoppm: 'p', tesseract: 't', version: 'Tesseract 9 (vie)' }, antiword: null })).not.toBe(cacheKey(a, NO_TOOLS));
  });

  it('a convert from a warm cache writes the same bytes as from a cold one', { timeout: 120_000 }, async () => {
    const content = contentWith([S000, PDF, DOCX]);
    const dir = tempDir();
    const tools = await toolsOfThisMachine();
    // The convert cache off: the warm run must read the extraction cache, not skip the reading altogether.
    const cold = await convertInMemory(content, () => {}, { tools, cache: { dir }, convertCache: { bypass: true } });
    expect(cold.errors).toEqual([]);
    expect(readdirSync(dir).filter((n) => n.endsWith('.json'))).toHaveLength(2);
    const warm = await convertInMemory(content, () => {}, { tools, cache: { dir }, convertCache: { bypass: true } });
    expect(warm.stats).toMatchObject({ converted: 3, readFromCache: 0 });
    expect([...warm.files.keys()]).toEqual([...cold.files.keys()]);
    for (const [name, text] of cold.files) expect(warm.files.get(name), name).toBe(text);
  });
});

describe('what the archive makes of original files', () => {
  it('documents.json and site.json say how each source was read; the digest is the original file\'s', { timeout: 120_000 }, async () => {
    const { files, errors } = await convertInMemory(contentWith([S000, PDF]), () => {}, { tools: await toolsOfThisMachine(), cache: { dir: tempDir() } });
    expect(errors).toEqual([]);
    const records = JSON.parse(files.get('data/documents.json')!) as Array<Record<string, unknown>>;
    const pick = (r: Record<string, unknown>) => [r.source_file, r.source_format, r.source_method, r.ocr_engine, r.ocr_confidence];
    expect(records.map(pick).sort()).toEqual([
      [S000, 'txt', 'text', null, null],
      [PDF, 'pdf', 'pdf-text', null, null],
    ]);
    const { createHash } = await import('node:crypto');
    expect(records.find((r) => r.source_file === PDF)?.source_sha256).toBe(createHash('sha256').update(bytesOf(PDF)).digest('hex'));
    const site = JSON.parse(files.get('data/site.json')!) as Array<{ sourceFile: string; sourceReading?: unknown }>;
    expect(site.find((d) => d.sourceFile === PDF)?.sourceReading).toEqual({ format: 'pdf', method: 'pdf-text', pages: 13, ocr: null });
    expect(site.find((d) => d.sourceFile === S000)).not.toHaveProperty('sourceReading');
  });

  it('an unsigned Word draft is held back, quoting its blank number', { timeout: 60_000 }, async () => {
    const { heldBack } = await convertInMemory(contentWith([S000, DRAFT]), () => {}, { tools: NO_TOOLS, cache: { dir: tempDir() } });
    expect(heldBack).toEqual([
      expect.objectContaining({ file: DRAFT, kind: 'identity', reason: expect.stringContaining('an unsigned draft: the Word (.docx) file leaves the number blank ("Số: /UBND-NC")') }),
    ]);
    expect(heldBack[0]!.fix.join('\n')).toContain('numberSymbol: { value: "<số ký hiệu của văn bản đã ký');
  });

  it('of a PDF and its text-layer dump that state one number, the PDF is published', { timeout: 120_000 }, async () => {
    const { documents, heldBack } = await convertInMemory(contentWith([PDF04, TXT083]), () => {}, { tools: NO_TOOLS, cache: { dir: tempDir() } });
    expect(documents.map((d) => d.sourceFile)).toEqual([PDF04]);
    expect(heldBack).toEqual([expect.objectContaining({ file: TXT083, kind: 'duplicate', reason: expect.stringContaining("a PDF's text layer is kept over a text copy") })]);
  });

  it('a file of another kind in content/sources is held back by name, the rest builds', { timeout: 60_000 }, async () => {
    const content = contentWith([S000]);
    writeFileSync(path.join(content, 'sources', 'bang-tinh.xlsx'), 'PK\u0003\u0004');
    const { documents, heldBack, errors } = await convertInMemory(content, () => {}, { tools: NO_TOOLS, cache: { dir: tempDir() } });
    expect(errors).toEqual([]);
    expect(documents).toHaveLength(1);
    expect(heldBack).toEqual([expect.objectContaining({ file: 'bang-tinh.xlsx', kind: 'bytes', reason: expect.stringContaining('[unsupported]') })]);
  });
});

describe('strict mode and content/held-back.yaml', () => {
  const ack = (entries: string) => ({ 'held-back.yaml': `held_back:\n${entries}` });
  const draftAck = `  - file: ${DRAFT}\n    kind: identity\n    why: "dự thảo chưa ký"\n`;
  const run = (files: Record<string, string>) => convertInMemory(contentWith([S000, DRAFT], files), () => {}, { strict: true, tools: NO_TOOLS, cache: { dir: tempDir() } });

  it('fails on a held-back document nobody acknowledged', { timeout: 60_000 }, async () => {
    const { errors } = await run({});
    expect(errors).toEqual([expect.stringMatching(/^held back \(strict mode\): \[identity\] 17_lamdong.*an unsigned draft/)]);
  });

  it('passes when the editor acknowledged it, and says so', { timeout: 60_000 }, async () => {
    const { errors, heldBack, files } = await run(ack(draftAck));
    expect(errors).toEqual([]);
    expect(heldBack[0]?.acknowledged).toBe('dự thảo chưa ký');
    expect(JSON.parse(files.get('data/quality.json')!).heldBack[0].acknowledged).toBe('dự thảo chưa ký');
  });

  it('fails on an acknowledgment that no longer holds: another kind, a published file, a missing file', { timeout: 60_000 }, async () => {
    const { errors } = await run(
      ack(`  - file: ${DRAFT}\n    kind: duplicate\n    why: "x"\n  - file: ${S000}\n    kind: identity\n    why: "y"\n  - file: gone.pdf\n    kind: bytes\n    why: "z"\n`),
    );
    expect(errors).toEqual([
      expect.stringContaining('acknowledges it as "duplicate", not "identity"'),
      expect.stringContaining(`${S000} is acknowledged as held back ("identity"), but it is not held back now`),
      expect.stringContaining('gone.pdf is acknowledged as held back ("bytes"), but content/sources has no such file'),
    ]);
  });

  it('validates the file as strictly as the catalog', () => {
    expect(() => parseAcknowledged('held_back:\n  - file: ../x.pdf\n    kind: lost\n    why: "<lý do>"\n    note: 1\n', 'held-back.yaml')).toThrow(
      /4 problem\(s\)[\s\S]*needs "file[\s\S]*"kind" must be one of[\s\S]*no <placeholder>[\s\S]*unknown field\(s\) note/,
    );
    expect(parseAcknowledged('', 'held-back.yaml')).toEqual([]);
    expect(existsSync('content/held-back.yaml')).toBe(true);
    expect(() => parseAcknowledged(readFileSync('content/held-back.yaml', 'utf8'), 'content/held-back.yaml')).not.toThrow();
  });
});
