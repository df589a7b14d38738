/**
 * One source file -> its DocumentModel: the pipeline's steps in data-flow
 * order. Each step is a module of its own under scripts/pipeline/NN-*.
 */
import { createHash } from 'node:crypto';
import type { DocumentModel, QualityIssue } from '../lib/model.ts';
import { decodeSource } from './01-decode/index.ts';
import { normalise } from './02-normalise/index.ts';
import { segment } from './03-segment/index.ts';
import { structure } from './04-structure/index.ts';
import { readHeader, type TextFacts } from './05-metadata/header.ts';
import type { Line } from './02-normalise/index.ts';
import { identityOf, resolveMetadata } from './05-metadata/index.ts';
import type { CatalogEntry } from './05-metadata/catalog.ts';
import { annotate, type Correction } from './06-annotate/index.ts';

export interface ReadInput {
  file: string;
  bytes: Uint8Array;
  catalog: CatalogEntry | undefined;
  corrections: Correction[];
}

export function readDocument({ file, bytes, catalog, corrections }: ReadInput): DocumentModel {
  const decoded = decodeSource(bytes, file);
  const norm = normalise(decoded.text);
  const seg = segment(norm.lines, norm.wrapWidth);
  const { provisions, issues: structureIssues } = structure(seg, norm.wrapWidth);
  const facts = readCorrectedHeader(seg.header, seg.signature, seg.closing, corrections);
  const { meta, issues: metaIssues } = resolveMetadata(facts, catalog);
  const { id, url } = identityOf(meta, catalog, file);
  const quality: QualityIssue[] = [
    ...decoded.warnings.map((w): QualityIssue => ({ kind: 'note', message: w })),
    ...norm.removed.map((r): QualityIssue => ({ kind: 'note', message: `đã bỏ ${r.why === 'page number' ? 'số trang' : 'dấu chấm rời'} ở dòng ${r.sourceLine} của nguồn`, text: r.text })),
    ...seg.splits.map((s): QualityIssue => ({ kind: 'note', message: `tách dòng bị ghép hai cột (dòng ${s.sourceLine} của nguồn): "${s.moved}" chuyển sang phần chữ ký`, text: s.text })),
    ...seg.splits
      .filter((s) => s.dropped !== '')
      .map((s): QualityIssue => ({ kind: 'note', message: `đã bỏ ký tự rời giữa hai cột ở dòng ${s.sourceLine} của nguồn`, text: s.dropped })),
    ...structureIssues,
    ...(seg.signature.length === 0 && seg.recipients.length === 0
      ? [{ kind: 'note', message: 'không có "Nơi nhận" và không có phần chữ ký: văn bản có thể bị cắt cụt' } satisfies QualityIssue]
      : []),
    ...metaIssues,
  ];
  const model: DocumentModel = {
    id,
    url,
    provisional: false,
    sourceFile: file,
    sourceSha256: createHash('sha256').update(bytes).digest('hex'),
    meta,
    segments: { header: seg.header.map((l) => l.text), closingLines: [] },
    provisions,
    footnotes: [],
    citations: [],
    quality,
  };
  return annotate(model, norm.footnotes, corrections);
}

/**
 * Metadata from the header and signature, read after the editor's corrections
 * (so "Nguyên Xuân Ký" corrected to "Nguyễn Xuân Ký" names the signer); a fact
 * that a correction changed says so in its note.
 */
function readCorrectedHeader(header: Line[], signature: Line[], closing: Line[], corrections: Correction[]): TextFacts {
  const fix = (lines: Line[]): Line[] =>
    lines.map((l) => ({ ...l, text: corrections.reduce((t, c) => (c.provision && c.provision !== 'chu-ky' ? t : t.split(c.original).join(c.corrected)), l.text) }));
  const raw = readHeader(header, signature, closing);
  if (corrections.length === 0) return raw;
  const fixed = readHeader(fix(header), fix(signature), fix(closing));
  for (const key of Object.keys(fixed) as Array<keyof TextFacts>) {
    const before = JSON.stringify(raw[key].value);
    if (before !== JSON.stringify(fixed[key].value)) fixed[key].note = `theo đính chính của biên tập; nguyên văn: ${before}`;
  }
  return fixed;
}
