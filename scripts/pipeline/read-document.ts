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
import { readHeader } from './05-metadata/header.ts';
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
  const facts = readHeader(seg.header, seg.signature, seg.closing);
  const { meta, issues: metaIssues } = resolveMetadata(facts, catalog);
  const { id, url } = identityOf(meta, catalog, file);
  const quality: QualityIssue[] = [
    ...decoded.warnings.map((w): QualityIssue => ({ kind: 'note', message: w })),
    ...norm.removed.map((r): QualityIssue => ({ kind: 'note', message: `removed ${r.why} on source line ${r.sourceLine}`, text: r.text })),
    ...seg.splits.map((s): QualityIssue => ({ kind: 'note', message: `split a merged two-column line (source line ${s.sourceLine}): "${s.moved}" moved to the signature`, text: s.text })),
    ...structureIssues,
    ...(seg.signature.length === 0 && seg.recipients.length === 0
      ? [{ kind: 'note', message: 'no "Nơi nhận" list and no signature block: the text may be truncated' } satisfies QualityIssue]
      : []),
    ...metaIssues,
  ];
  const model: DocumentModel = {
    id,
    url,
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
