/**
 * Importing real material: a document that cannot be published is held back
 * (bad bytes, unknown identity, a second copy, two texts on one URL) and the
 * rest of the archive builds; --strict turns any held-back document into a
 * failure; the duplicate rule's similarity, measured on the corpus's real
 * copies (docs/decisions/1004-held-back-documents.md).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { convertArchive, convertInMemory, readSources, type HeldBack } from '../../scripts/pipeline/convert-archive.ts';
import { SAME_TEXT_THRESHOLD, shingles, jaccard, textSimilarity } from '../../scripts/pipeline/duplicates.ts';
import { importReport } from '../../scripts/import-report.ts';
import { parseCatalog } from '../../scripts/pipeline/05-metadata/catalog.ts';

const SOURCES = 'content/sources';
const FIXTURES = 'tests/fixtures/duplicates';
const S000 = '000_1be5c67f345d0e91.txt';
const source000 = readFileSync(path.join(SOURCES, S000), 'utf8');

/** PDF-text copy (tests/fixtures/duplicates) -> markdown copy of the same document (content/sources). */
const COPY_PAIRS: Array<[string, string]> = [
  ['087', '121'],
  ['088', '118'],
  ['094', '123'],
  ['099', '122'],
  ['104', '119'],
  ['106', '120'],
];
const fixtureNames = readdirSync(FIXTURES).filter((n) => n.endsWith('.txt')).sort();
const sourceNames = readdirSync(SOURCES).filter((n) => n.endsWith('.txt')).sort();
const named = (names: string[], prefix: string): string => {
  const found = names.find((n) => n.startsWith(`${prefix}_`));
  if (!found) throw new Error(`no file ${prefix}_* (fixtures: ${FIXTURES}, sources: ${SOURCES})`);
  return found;
};
const pairs = COPY_PAIRS.map(([pdf, md]) => ({ pdf: named(fixtureNames, pdf), md: named(sourceNames, md) }));

describe('textSimilarity: the evidence that two files are one document', () => {
  it('folds tones, đ, case, punctuation and words split by a PDF extractor', () => {
    const a = 'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015; Ủy ban nhân dân tỉnh quyết định:';
    expect(textSimilarity(a, 'CAN CU LUAT TO CHUC CHINH QUYEN DIA PHUONG NGAY 19 6 2015 UY BAN NHAN DAN TINH QUYET DINH')).toBe(1);
    expect(textSimilarity(a, 'Căn cứ Luật Tổ chức chính quy ền địa phương ngày 19/6/2015; Ủy ban nhân dân t ỉnh quyết định:')).toBe(1);
    expect(textSimilarity(a, 'Điều 1. Phê duyệt kế hoạch phát triển kinh tế - xã hội năm 2025 của thành phố.')).toBeLessThan(0.05);
  });

  // The same pairs and distribution as the ADR: if content changes, the threshold is re-measured.
  const texts = new Map<string, string>([
    ...sourceNames.map((n): [string, string] => [n, readFileSync(path.join(SOURCES, n), 'utf8')]),
    ...fixtureNames.map((n): [string, string] => [`fixture:${n}`, readFileSync(path.join(FIXTURES, n), 'utf8')]),
  ]);
  const sets = new Map([...texts].map(([k, t]) => [k, shingles(t)]));

  it(`scores every known copy pair (PDF text vs markdown) at or above ${SAME_TEXT_THRESHOLD}`, () => {
    const scores = pairs.map(({ pdf, md }) => ({ pdf, md, similarity: jaccard(sets.get(`fixture:${pdf}`)!, sets.get(md)!) }));
    for (const s of scores) expect(s.similarity, `${s.pdf} vs ${s.md}`).toBeGreaterThanOrEqual(SAME_TEXT_THRESHOLD);
  });

  it(`scores no two distinct documents of the corpus at ${SAME_TEXT_THRESHOLD} or more`, { timeout: 30_000 }, () => {
    const isPair = (a: string, b: string) => pairs.some(({ pdf, md }) => (a === `fixture:${pdf}` && b === md) || (b === `fixture:${pdf}` && a === md));
    const keys = [...sets.keys()];
    const tooClose: string[] = [];
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++) {
        const [a, b] = [keys[i]!, keys[j]!];
        if (isPair(a, b)) continue;
        // |A ∩ B| / |A ∪ B| <= min / max: pairs of very different sizes cannot reach the threshold.
        const [na, nb] = [sets.get(a)!.size, sets.get(b)!.size];
        if (Math.min(na, nb) < SAME_TEXT_THRESHOLD * Math.max(na, nb)) continue;
        const s = jaccard(sets.get(a)!, sets.get(b)!);
        if (s >= SAME_TEXT_THRESHOLD) tooClose.push(`${a} ~ ${b}: ${s.toFixed(3)}`);
      }
    }
    expect(tooClose).toEqual([]);
  });
});

// ---------------------------------------------------------------------------

let root: string | null = null;
const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
  root = null;
});

/** A content folder with exactly these sources (and catalog text, if any). */
function contentWith(sources: Record<string, string | Uint8Array>, catalog?: string): string {
  root = mkdtempSync(path.join(tmpdir(), 'archive-import-'));
  roots.push(root);
  const dir = path.join(root, 'content');
  mkdirSync(path.join(dir, 'sources'), { recursive: true });
  for (const [name, data] of Object.entries(sources)) writeFileSync(path.join(dir, 'sources', name), data);
  if (catalog !== undefined) writeFileSync(path.join(dir, 'catalog.yaml'), catalog);
  return dir;
}

// 000 retyped with its number left blank, as unsigned copies print it; the catalog gives it a key.
const RETYPED = '000_0_retyped.txt';
const retyped000 = source000.replace(/^Số  09  - NQ\/TU $/m, 'Số      - NQ/TU').replace(/ {2,}/g, ' ');
const RETYPED_CATALOG = `documents:\n  - source: ${RETYPED}\n    key: nq-ban-go-lai\n`;
// A text with neither issuer nor year: the body of a resolution, its header and signature lost.
const FRAGMENT = '998_fragment.txt';
const fragment = 'Điều 1. Giao Ủy ban nhân dân tổ chức thực hiện Nghị quyết này.\n\nĐiều 2. Nghị quyết này có hiệu lực kể từ ngày ký.\n';
// 000's header over another document's body: two different texts on one URL.
const OTHER = '997_other.txt';
const other = [...source000.split('\n').slice(0, 18), ...readFileSync('tests/fixtures/176-nq-hdnd.txt', 'utf8').split('\n').slice(29)].join('\n');
const EMPTY = '999_empty.txt';

function mixedContent(): string {
  return contentWith({ [S000]: source000, [RETYPED]: retyped000, [FRAGMENT]: fragment, [OTHER]: other, [EMPTY]: '' }, RETYPED_CATALOG);
}

const kinds = (held: HeldBack[]) => Object.fromEntries(held.map((h) => [h.file, h.kind]));

describe('convert: documents that cannot be published are held back, the rest builds', () => {
  it('publishes the good document and holds back the empty file, the unknown identity, the copy and the clash', async () => {
    const { documents, errors, heldBack, files } = await convertInMemory(mixedContent());
    expect(errors).toEqual([]);
    expect(documents.map((d) => d.sourceFile)).toEqual([S000]);
    expect(kinds(heldBack)).toEqual({ [RETYPED]: 'duplicate', [OTHER]: 'identity', [FRAGMENT]: 'identity', [EMPTY]: 'bytes' });
    const by = new Map(heldBack.map((h) => [h.file, h]));
    // The copy with its number stated is kept, though the blank one comes first by name.
    expect(by.get(RETYPED)!.reason).toMatch(new RegExp(`^${RETYPED}: a copy of ${S000} .*${S000} is published`));
    expect(by.get(OTHER)!.reason).toContain(`same identity as ${S000} (/van-ban/tinh-uy-quang-ninh/2017/09-nq-tu/) but a different text`);
    expect(by.get(EMPTY)!.reason).toMatch(/^999_empty\.txt: file is empty/);
    expect(by.get(FRAGMENT)!.reason).toMatch(/^998_fragment\.txt: issuer unknown.*\(missing: issuer, year, key\)$/);
    // Nothing of a held-back document is published.
    expect([...files.keys()].filter((f) => f.startsWith('documents/'))).toEqual(['documents/tinh-uy-quang-ninh-2017-09-nq-tu.mdx']);
    const open = JSON.parse(files.get('data/documents.json')!) as Array<{ source_file: string }>;
    expect(open.map((r) => r.source_file)).toEqual([S000]);
    expect((JSON.parse(files.get('data/site.json')!) as unknown[]).length).toBe(1);
    const quality = JSON.parse(files.get('data/quality.json')!) as { heldBack: HeldBack[] };
    expect(quality.heldBack).toEqual(heldBack);
  });

  it('gives catalog lines that, filled in, publish a document held back for its identity', async () => {
    const first = await convertInMemory(contentWith({ [S000]: source000, [FRAGMENT]: fragment }));
    const fix = first.heldBack.find((h) => h.file === FRAGMENT)!.fix;
    expect(fix.join('\n')).toMatch(/- source: 998_fragment\.txt\n\s+issuer: .*\n\s+year: .*\n.*\n\s+key: /);
    // The placeholders do not pass as values: pasted unfilled, the catalog is refused.
    const unfilled = await convertInMemory(contentWith({ [S000]: source000, [FRAGMENT]: fragment }, `documents:\n${fix.filter((l) => !l.trim().startsWith('#')).join('\n')}\n`));
    expect(unfilled.errors.join('\n')).toMatch(/998_fragment\.txt\): issuer "<cơ quan ban hành/);
    const filled = fix
      .filter((l) => !l.trim().startsWith('#'))
      .map((l) =>
        l
          .replace(/"<cơ quan ban hành[^"]*>"/, '"HĐND tỉnh Bắc Giang"')
          .replace(/"<năm ban hành[^"]*>"/, '2017')
          .replace(/"<nguồn của thông tin[^"]*>"/g, '"kiểm thử"')
          .replace(/"<khóa URL[^"]*>"/, 'nq-manh-1'),
      );
    const second = await convertInMemory(contentWith({ [S000]: source000, [FRAGMENT]: fragment }, `documents:\n${filled.join('\n')}\n`));
    expect(second.errors).toEqual([]);
    expect(second.heldBack).toEqual([]);
    expect(second.documents.find((d) => d.sourceFile === FRAGMENT)?.url).toBe('/van-ban/hdnd-tinh-bac-giang/2017/nq-manh-1/');
  });

  it('holds back a byte-identical copy as a duplicate naming the first file', async () => {
    const { documents, heldBack } = await convertInMemory(contentWith({ [S000]: source000, '999_copy.txt': source000 }));
    expect(documents.map((d) => d.sourceFile)).toEqual([S000]);
    expect(heldBack).toEqual([
      { file: '999_copy.txt', kind: 'duplicate', fix: [], reason: expect.stringContaining(`999_copy.txt: same identity as ${S000} (/van-ban/tinh-uy-quang-ninh/2017/09-nq-tu/) and the same text`) },
    ]);
  });

  it('writes the good documents and names every held-back one in the summary', async () => {
    const dir = mixedContent();
    const out = path.join(root!, 'generated');
    const lines: string[] = [];
    const result = await convertArchive({ contentDir: dir, outDir: out, log: (l) => lines.push(l) });
    expect(result.errors).toEqual([]);
    expect(readdirSync(path.join(out, 'documents'))).toEqual(['tinh-uy-quang-ninh-2017-09-nq-tu.mdx']);
    const summary = lines.join('\n');
    expect(summary).toMatch(/4 document\(s\) held back/);
    for (const f of [RETYPED, OTHER, FRAGMENT, EMPTY]) expect(lines.some((l) => l.includes('⚠') && l.includes(f))).toBe(true);
  });

  it('--strict: any held-back document fails the convert, each one listed, and nothing is written', async () => {
    const dir = mixedContent();
    const out = path.join(root!, 'generated');
    mkdirSync(out);
    writeFileSync(path.join(out, 'previous.txt'), 'previous\n');
    const result = await convertArchive({ contentDir: dir, outDir: out, strict: true });
    expect(result.errors).toHaveLength(4);
    for (const f of [RETYPED, OTHER, FRAGMENT, EMPTY]) expect(result.errors.some((e) => e.startsWith('held back (strict mode)') && e.includes(f))).toBe(true);
    expect(readdirSync(out)).toEqual(['previous.txt']);
    // With nothing held back, strict mode converts as usual.
    const clean = await convertArchive({ contentDir: contentWith({ [S000]: source000 }), outDir: path.join(root!, 'generated'), strict: true });
    expect(clean.errors).toEqual([]);
  });

  it('still fails on problems of the archive as a whole: a catalog entry for a missing file, no publishable document', async () => {
    const missing = await convertInMemory(contentWith({ [S000]: source000 }, 'documents:\n  - source: 996_gone.txt\n    key: x-1\n'));
    expect(missing.errors).toEqual([expect.stringContaining('entry for 996_gone.txt, but content/sources has no such file')]);
    const nothing = await convertInMemory(contentWith({ [EMPTY]: '' }));
    expect(nothing.errors).toEqual([expect.stringMatching(/none of the 1 source texts can be published; held back: 999_empty\.txt/)]);
  });
});

describe('import report', () => {
  it('lists each file with its status and reading, the reasons, and totals, writing nothing', async () => {
    const dir = mixedContent();
    const before = readdirSync(root!);
    const catalog = parseCatalog(RETYPED_CATALOG, 'catalog.yaml');
    const read = await readSources(path.join(dir, 'sources'), readdirSync(path.join(dir, 'sources')).sort(), catalog, []);
    const report = importReport(read);
    const row = (file: string) => report.split('\n').find((l) => l.startsWith(file)) ?? '';
    expect(row(S000)).toMatch(/đăng\s+NQ\s+09-NQ\/TU\s+2017-12-08\s+2017\s+Tỉnh ủy Quảng Ninh\s+\d+\s+0\s+\d+\s+\d+$/);
    expect(row(EMPTY)).toMatch(/giữ lại: tệp không đọc được/);
    expect(row(FRAGMENT)).toMatch(/giữ lại: chưa rõ danh tính/);
    expect(row(RETYPED)).toMatch(/giữ lại: bản trùng\s+NQ\s+\?\s+/);
    expect(report).toContain(`a copy of ${S000}`);
    expect(report).toMatch(/Đăng \(published\)\s+1\n/);
    expect(report).toMatch(/Giữ lại \(held back\)\s+4\n/);
    expect(report).toMatch(/Tổng số văn bản \(documents\)\s+5\n/);
    expect(readdirSync(root!)).toEqual(before);
    expect(existsSync(path.join(root!, 'generated'))).toBe(false);
  });
});

describe('duplicates end to end: the PDF-text copies of six markdown documents', () => {
  // Needs the header reader to give the PDF-text copies (blank number and day)
  // their issuer, year and a provisional identity: until it does, they are
  // held back for their identity instead, and this test fails.
  it('publishes the markdown copy (its number is stated) and holds back the PDF text as its duplicate', async () => {
    const sources: Record<string, string> = {};
    for (const { pdf, md } of pairs) {
      sources[pdf] = readFileSync(path.join(FIXTURES, pdf), 'utf8');
      sources[md] = readFileSync(path.join(SOURCES, md), 'utf8');
    }
    const { documents, heldBack, errors } = await convertInMemory(contentWith(sources));
    expect(errors).toEqual([]);
    expect(documents.map((d) => d.sourceFile).sort()).toEqual(pairs.map((p) => p.md).sort());
    expect(heldBack.map((h) => ({ file: h.file, kind: h.kind, names: h.reason.includes(`a copy of ${pairs.find((p) => p.pdf === h.file)?.md} `) }))).toEqual(
      pairs.map((p) => ({ file: p.pdf, kind: 'duplicate', names: true })).sort((a, b) => (a.file < b.file ? -1 : 1)),
    );
  });
});
