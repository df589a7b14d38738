/**
 * The whole build (scripts/build.ts, a child process) on a folder of good and
 * broken sources: the good documents are published, the broken ones held
 * back and listed on the data-quality page with the lines that fix them; with
 * --strict (or ARCHIVE_STRICT=1) the same folder fails the build and the
 * previous dist stays as it was (docs/decisions/1004-held-back-documents.md).
 * Lives with the browser tests because it builds a site (~15 s).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { treeDigest } from '../../scripts/build/tree.ts';
import { PROJECT_ROOT } from '../support/paths.ts';
import { runScript } from '../support/run-script.ts';

const temp = mkdtempSync(join(tmpdir(), 'archive-import-build-'));
afterAll(() => {
  if (!process.env.ARCHIVE_TEST_KEEP) rmSync(temp, { recursive: true, force: true });
});

const build = (args: string[], env: Record<string, string> = {}) => runScript('scripts/build.ts', args, { ARCHIVE_STRICT: '', ...env });

const source = (name: string) => readFileSync(join(PROJECT_ROOT, 'content', 'sources', name));
const GOOD = {
  '000_1be5c67f345d0e91.txt': '/van-ban/tinh-uy-quang-ninh/2017/09-nq-tu/',
  '002_69de05d7962fd3a5.txt': '/van-ban/hdnd-tinh-quang-ninh/2024/205-nq-hdnd/',
};
const BROKEN = {
  // Not text: a PNG saved as .txt.
  '997_image.txt': 'bytes',
  // Neither issuer nor year: a body whose header and signature were lost.
  '998_fragment.txt': 'identity',
  // A second copy of 000.
  '999_copy.txt': 'duplicate',
};

const content = join(temp, 'content');
const dist = join(temp, 'site', 'dist');
let first: { status: number | null; out: string };

beforeAll(async () => {
  mkdirSync(join(content, 'sources'), { recursive: true });
  for (const name of Object.keys(GOOD)) writeFileSync(join(content, 'sources', name), source(name));
  writeFileSync(join(content, 'sources', '997_image.txt'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]));
  writeFileSync(join(content, 'sources', '998_fragment.txt'), 'Điều 1. Giao Ủy ban nhân dân tổ chức thực hiện Nghị quyết này.\n\nĐiều 2. Nghị quyết này có hiệu lực kể từ ngày ký.\n');
  writeFileSync(join(content, 'sources', '999_copy.txt'), source('000_1be5c67f345d0e91.txt'));
  first = await build(['--content', content, '--dist', dist]);
}, 240_000);

describe('build with held-back documents', () => {
  it('succeeds and publishes the good documents only', () => {
    expect(first.status, first.out.split('\n').slice(-40).join('\n')).toBe(0);
    for (const url of Object.values(GOOD)) expect(existsSync(join(dist, url, 'index.html')), url).toBe(true);
    const records = JSON.parse(readFileSync(join(dist, 'data', 'documents.json'), 'utf8')) as Array<{ source_file: string }>;
    expect(records.map((r) => r.source_file).sort()).toEqual(Object.keys(GOOD).sort());
    // The convert summary names each held-back file with its kind.
    for (const [file, kind] of Object.entries(BROKEN)) expect(first.out).toMatch(new RegExp(`⚠ \\[${kind}\\] ${file.replace('.', '\\.')}`));
  });

  it('lists the held-back documents on the data-quality page, with the catalog lines that fix them', () => {
    const quality = JSON.parse(readFileSync(join(dist, 'data', 'quality.json'), 'utf8')) as { heldBack: Array<{ file: string; kind: string }> };
    expect(Object.fromEntries(quality.heldBack.map((h) => [h.file, h.kind]))).toEqual(BROKEN);
    const page = readFileSync(join(dist, 'chat-luong-du-lieu', 'index.html'), 'utf8');
    const section = page.slice(page.indexOf('id="chua-dua-len"'));
    expect(section).toContain('Văn bản chưa đưa lên');
    for (const file of Object.keys(BROKEN)) expect(section).toContain(`<code>${file}</code>`);
    expect(section).toMatch(/<pre[^>]*>[^<]*- source: 998_fragment\.txt\n\s+issuer: \{ value: &quot;&lt;cơ quan ban hành/);
    expect(section).toContain('Bản trùng của một văn bản đã đưa lên');
  });

  it('--strict fails the build, listing every held-back document, and leaves dist unchanged', { timeout: 120_000 }, async () => {
    const before = treeDigest(dist);
    const strict = await build(['--content', content, '--dist', dist, '--strict']);
    expect(strict.status).not.toBe(0);
    expect(strict.out).toMatch(/build FAILED at stage "convert"/);
    for (const file of Object.keys(BROKEN)) expect(strict.out).toMatch(new RegExp(`held back \\(strict mode\\): \\[\\w+\\] ${file.replace('.', '\\.')}`));
    const env = await build(['--content', content, '--dist', dist], { ARCHIVE_STRICT: '1' });
    expect(env.status).not.toBe(0);
    expect(env.out).toMatch(/held back \(strict mode\)/);
    const after = treeDigest(dist);
    expect([...after]).toEqual([...before]);
  });
});
