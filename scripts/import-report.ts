/**
 * npm run import-report -- <folder>: what the converter would make of a
 * folder of source files (.txt, .pdf, .docx, .doc), before they go into
 * content/sources; a PDF, DOCX or DOC row says how it was read ("đăng (ocr)"). Writes
 * nothing. One row per file (published or held back, and why; type, number,
 * date, year, issuer; provisions, tables, citations and quality notes), then
 * totals. Reads with the converter's own per-document step and duplicate rule
 * (readSources in scripts/pipeline/convert-archive.ts): no second pipeline.
 *
 * The project's catalog and corrections are used only when the folder is
 * content/sources itself; any other folder is read as received.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Block, DocumentModel, Provision } from './lib/model.ts';
import type { CatalogEntry } from './pipeline/05-metadata/catalog.ts';
import type { Correction } from './pipeline/06-annotate/index.ts';
import { readEditorFiles, readSources, sourceFileNames, type HeldBackKind, type ReadSourcesResult } from './pipeline/convert-archive.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const KIND_VI: Record<HeldBackKind, string> = {
  identity: 'chưa rõ danh tính',
  bytes: 'tệp không đọc được',
  duplicate: 'bản trùng',
  error: 'lỗi khi đọc',
};

function countProvisions(ps: Provision[]): number {
  return ps.reduce((n, p) => n + 1 + countProvisions(p.children), 0);
}

function countTables(ps: Provision[]): number {
  const inBlocks = (bs: Block[]) => bs.filter((b) => b.kind === 'table').length;
  return ps.reduce((n, p) => n + inBlocks(p.blocks) + countTables(p.children), 0);
}

export interface ReportRow {
  file: string;
  status: string;
  type: string;
  number: string;
  date: string;
  year: string;
  issuer: string;
  provisions: string;
  tables: string;
  citations: string;
  notes: string;
}

const UNKNOWN = '?';

function rowOf(file: string, doc: DocumentModel | null, status: string): ReportRow {
  const m = doc?.meta;
  const v = (x: string | number | null | undefined) => (x === null || x === undefined ? UNKNOWN : String(x));
  return {
    file,
    status,
    type: v(m?.type.value),
    number: v(m?.numberSymbol.value),
    date: v(m?.date.value),
    year: v(m?.year.value),
    issuer: v(m?.issuer.value?.name),
    provisions: doc ? String(countProvisions(doc.provisions)) : '-',
    tables: doc ? String(countTables(doc.provisions)) : '-',
    citations: doc ? String(doc.citations.length) : '-',
    notes: doc ? String(doc.quality.length) : '-',
  };
}

const HEADERS: ReportRow = {
  file: 'Tệp',
  status: 'Trạng thái',
  type: 'Loại',
  number: 'Số ký hiệu',
  date: 'Ngày',
  year: 'Năm',
  issuer: 'Cơ quan ban hành',
  provisions: 'Mục',
  tables: 'Bảng',
  citations: 'Dẫn chiếu',
  notes: 'Ghi chú',
};
const NUMERIC = new Set<keyof ReportRow>(['provisions', 'tables', 'citations', 'notes']);

/** Plain-text table with aligned columns (NFC: one code point per letter). */
export function formatTable(rows: ReportRow[]): string {
  const keys = Object.keys(HEADERS) as Array<keyof ReportRow>;
  const all = [HEADERS, ...rows];
  const width = new Map(keys.map((k) => [k, Math.max(...all.map((r) => [...r[k]].length))]));
  const pad = (k: keyof ReportRow, s: string) => {
    const fill = ' '.repeat((width.get(k) ?? 0) - [...s].length);
    return NUMERIC.has(k) ? fill + s : s + fill;
  };
  const line = (r: ReportRow) => keys.map((k) => pad(k, r[k])).join('  ').trimEnd();
  const rule = keys.map((k) => '-'.repeat(width.get(k) ?? 0)).join('  ');
  return [line(HEADERS), rule, ...rows.map(line)].join('\n');
}

/** The report's rows, held-back reasons and totals, from the converter's reading. */
export function importReport(read: ReadSourcesResult): string {
  const held = new Map(read.heldBack.map((h) => [h.file, h]));
  const rows: ReportRow[] = [];
  const models: DocumentModel[] = [];
  for (const o of read.outcomes) {
    const h = held.get(o.file);
    const doc = o.doc ?? o.preview;
    if (doc) models.push(doc);
    // How a PDF, DOCX or DOC was read (ADR 1501), after the status: "đăng (ocr)".
    const how = doc?.sourceReading ? ` (${doc.sourceReading.method})` : '';
    rows.push(rowOf(o.file, doc, h ? `giữ lại: ${KIND_VI[h.kind]}${how}` : `đăng${how}`));
  }
  const out = [formatTable(rows), ''];
  if (read.heldBack.length > 0) {
    out.push('Văn bản giữ lại (held back) và cách sửa:');
    for (const h of read.heldBack) {
      out.push(`  ${h.file} [${h.kind}]`, `    ${h.reason}`);
      for (const line of h.fix) out.push(`    | ${line}`);
    }
    out.push('');
  }
  const byKind = (k: HeldBackKind) => read.heldBack.filter((h) => h.kind === k).length;
  const totals: Array<[string, number]> = [
    ['Tổng số văn bản (documents)', read.outcomes.length],
    ['Đăng (published)', read.documents.length],
    ['Giữ lại (held back)', read.heldBack.length],
    ...(Object.keys(KIND_VI) as HeldBackKind[]).map((k): [string, number] => [`  - ${KIND_VI[k]} (${k})`, byKind(k)]),
    ['Chưa rõ số ký hiệu (number unknown)', models.filter((d) => d.meta.numberSymbol.value === null).length],
    ['Chưa rõ ngày ban hành (date unknown)', models.filter((d) => d.meta.date.value === null).length],
  ];
  const w = Math.max(...totals.map(([label]) => [...label].length));
  out.push('Tổng hợp:');
  for (const [label, n] of totals) out.push(`  ${label.padEnd(w)}  ${String(n).padStart(4)}`);
  if (read.errors.length > 0) {
    out.push('', 'Lỗi của cả kho (errors of the archive):');
    for (const e of read.errors) out.push(`  ✗ ${e}`);
  }
  return `${out.join('\n')}\n`;
}

async function main(): Promise<number> {
  const folder = process.argv.slice(2).find((a) => !a.startsWith('-'));
  if (!folder || !existsSync(folder) || !statSync(folder).isDirectory()) {
    console.error('usage: npm run import-report -- <folder of source files: .txt, .pdf, .docx, .doc>');
    return 2;
  }
  const dir = path.resolve(folder);
  const names = sourceFileNames(readdirSync(dir));
  if (names.length === 0) {
    console.error(`import-report: ${dir} holds no files`);
    return 2;
  }
  let catalog = new Map<string, CatalogEntry>();
  let corrections: Correction[] = [];
  if (dir === path.join(ROOT, 'content', 'sources')) {
    const editor = await readEditorFiles(path.join(ROOT, 'content'));
    if (editor.errors.length > 0) {
      for (const e of editor.errors) console.error(`  ✗ ${e}`);
      return 1;
    }
    ({ catalog, corrections } = editor);
  }
  const read = await readSources(dir, names, catalog, corrections);
  process.stdout.write(importReport(read));
  return read.errors.length > 0 ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = await main();
