/**
 * One source file -> its DocumentModel: the pipeline's steps in data-flow
 * order. Each step is a module of its own under scripts/pipeline/NN-*.
 */
import { createHash } from 'node:crypto';
import type { DocumentModel, QualityIssue, Segments } from '../lib/model.ts';
import { decodeSource } from './01-decode/index.ts';
import { normalise } from './02-normalise/index.ts';
import { normaliseNotes } from './02-normalise/notes.ts';
import { segment } from './03-segment/index.ts';
import { structure } from './04-structure/index.ts';
import { columnsOf, readHeader, type HeaderReading, type HeaderSources, type TextFacts } from './05-metadata/header.ts';
import type { Line } from './02-normalise/index.ts';
import { identityOf, resolveMetadata, textDigest } from './05-metadata/index.ts';
import type { CatalogEntry } from './05-metadata/catalog.ts';
import { annotate, type Correction } from './06-annotate/index.ts';
import { isZone } from '../lib/format-rules/header-zones.ts';
import { layoutHeader } from './05-metadata/header-layout.ts';
import type { Extracted } from './00-extract/types.ts';
import type { SourceReading } from '../lib/model.ts';

export interface ReadInput {
  file: string;
  /** The source file's bytes as stored (their digest is the model's sourceSha256). */
  bytes: Uint8Array;
  catalog: CatalogEntry | undefined;
  corrections: Correction[];
  /**
   * Step 00's reading of a .pdf, .docx or .doc file (00-extract/index.ts): its
   * reader text is what steps 01–08 read. Absent (or format 'txt'): `bytes` are the text.
   */
  extracted?: Extracted | null;
}

/** The bytes step 01 decodes: the file itself, or the extracted reader text as UTF-8. */
export function receivedBytes(bytes: Uint8Array, extracted: Extracted | null | undefined): Uint8Array {
  return extracted && extracted.format !== 'txt' ? new TextEncoder().encode(extracted.text) : bytes;
}

/** The last source readDocument decoded (one entry): its decoded text is asked for again right after (decodedText). */
let lastDecoded: { bytes: Uint8Array; extracted: Extracted | null; file: string; text: string } | null = null;

/**
 * The text of a source as step 01 decodes it: what copies are compared on
 * (duplicates.ts). The source readDocument has just read is not decoded again.
 */
export function decodedText(bytes: Uint8Array, extracted: Extracted | null | undefined, file: string): string {
  const last = lastDecoded;
  if (last !== null && last.bytes === bytes && last.extracted === (extracted ?? null) && last.file === file) return last.text;
  return decodeSource(receivedBytes(bytes, extracted), file).text;
}

/** What the page and the open data say about how the file was read; none for a text file. */
export function sourceReadingOf(extracted: Extracted | null | undefined): SourceReading | null {
  if (!extracted || extracted.format === 'txt') return null;
  const ocr = extracted.ocr ? { engine: extracted.ocr.engine, confidence: extracted.ocr.confidence, pages: [...extracted.ocr.pages] } : null;
  return { format: extracted.format, method: extracted.method, pages: extracted.pages, ocr };
}

/**
 * Step 00's notes, and the words the OCR engine was unsure of, for the
 * quality report. A word the syllable check (06-annotate/ocr-suspects.ts)
 * already lists is not listed twice.
 */
function extractionIssues(extracted: Extracted | null | undefined, listed: Set<string>): QualityIssue[] {
  if (!extracted || extracted.format === 'txt') return [];
  const out: QualityIssue[] = extracted.notes.map((message): QualityIssue => ({ kind: 'note', message }));
  const counts = new Map<string, number>();
  for (const w of extracted.ocr?.suspects ?? []) if (!listed.has(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
  for (const [token, n] of counts) {
    out.push({ kind: 'ocr-suspect', message: `"${token}": máy nhận dạng chữ (OCR) không chắc chắn khi đọc từ này${n > 1 ? `, ${n} lần` : ''}`, text: token });
  }
  return out;
}

export function readDocument({ file, bytes, catalog, corrections, extracted }: ReadInput): DocumentModel {
  const decoded = decodeSource(receivedBytes(bytes, extracted), file);
  lastDecoded = { bytes, extracted: extracted ?? null, file, text: decoded.text };
  const norm = normalise(decoded.text);
  const seg = segment(norm.lines, norm.wrapWidth);
  const { provisions, issues: structureIssues } = structure(seg, norm.wrapWidth);
  const reading = readCorrectedHeader(
    {
      header: seg.header,
      signature: seg.signature,
      // The adoption sentence closes the document, often inside its last article.
      closing: [...seg.body, ...seg.closing],
      annexHeadings: seg.annexes.flatMap((a) => a.heading),
    },
    corrections,
  );
  const { meta, issues: metaIssues } = resolveMetadata(reading.facts, catalog);
  const { id, url, provisional } = identityOf(meta, catalog, file, () => textDigest(decoded.text));
  const quality: QualityIssue[] = [
    ...decoded.warnings.map((w): QualityIssue => ({ kind: 'note', message: w })),
    ...normaliseNotes(norm),
    ...seg.splits.map((s): QualityIssue => ({ kind: 'note', message: `tách dòng bị ghép hai cột (dòng ${s.sourceLine} của nguồn): "${s.moved}" chuyển sang phần chữ ký`, text: s.text })),
    ...seg.splits
      .filter((s) => s.dropped !== '')
      .map((s): QualityIssue => ({ kind: 'note', message: `đã bỏ ký tự rời giữa hai cột ở dòng ${s.sourceLine} của nguồn`, text: s.dropped })),
    ...(seg.displacedHeader.length > 0
      ? [{ kind: 'note', message: `đầu văn bản (quốc hiệu, số, ngày) nằm giữa văn bản ở dòng ${seg.displacedHeader[0]}–${seg.displacedHeader[seg.displacedHeader.length - 1]} của nguồn: đã đọc như phần đầu văn bản` } satisfies QualityIssue]
      : []),
    ...reading.notes.map((message): QualityIssue => ({ kind: 'note', message })),
    ...structureIssues,
    ...(seg.signature.length === 0 && seg.recipients.length === 0
      ? [{ kind: 'note', message: 'không có "Nơi nhận" và không có phần chữ ký: văn bản có thể bị cắt cụt' } satisfies QualityIssue]
      : []),
    ...metaIssues,
  ];
  const sourceReading = sourceReadingOf(extracted);
  const model: DocumentModel = {
    id,
    url,
    provisional,
    sourceFile: file,
    sourceSha256: createHash('sha256').update(bytes).digest('hex'),
    ...(sourceReading ? { sourceReading: sourceReading } : {}),
    meta,
    segments: headerSegments(seg.header),
    provisions,
    footnotes: [],
    citations: [],
    quality,
  };
  const annotated = annotate(model, norm.footnotes, corrections);
  const listed = new Set(annotated.quality.filter((q) => q.kind === 'ocr-suspect').map((q) => q.text ?? ''));
  const fromExtraction = extractionIssues(extracted, listed);
  return fromExtraction.length > 0 ? { ...annotated, quality: [...fromExtraction, ...annotated.quality] } : annotated;
}

/**
 * Metadata from the header and signature, read after the editor's corrections
 * (so "Nguyên Xuân Ký" corrected to "Nguyễn Xuân Ký" names the signer); a fact
 * that a correction changed says so in its note.
 */
function readCorrectedHeader(src: HeaderSources, corrections: Correction[]): HeaderReading {
  const fix = (lines: Line[]): Line[] =>
    lines.map((l) => ({ ...l, text: corrections.reduce((t, c) => (c.provision && c.provision !== 'chu-ky' ? t : t.split(c.original).join(c.corrected)), l.text) }));
  const raw = readHeader(src);
  if (corrections.length === 0) return raw;
  const fixed = readHeader({ header: fix(src.header), signature: fix(src.signature), closing: fix(src.closing), annexHeadings: src.annexHeadings });
  for (const key of Object.keys(fixed.facts) as Array<keyof TextFacts>) {
    const before = JSON.stringify(raw.facts[key].value);
    if (before !== JSON.stringify(fixed.facts[key].value)) fixed.facts[key].note = `theo đính chính của biên tập; nguyên văn: ${before}`;
  }
  return fixed;
}

/**
 * The header's lines as shown: a header that arrived as a table (columns side
 * by side) is shown column by column, the issuer's column first, as it is
 * read; a lost header table is a gap; rule lines are left out.
 */
function headerSegments(header: Line[]): Segments {
  const lines: string[] = [];
  const headerGaps: number[] = [];
  for (const l of header) {
    // A rule line under a name or the motto is decoration (header-zones.ts), not a line of the header.
    if (isZone('rule', l.text)) continue;
    if (l.gap) headerGaps.push(lines.length);
    if (l.table) lines.push(...columnsOf(l));
    else lines.push(l.text);
  }
  // The official arrangement of the same lines (ADR 1402); none when the reader cannot place them.
  const layout = layoutHeader(lines, headerGaps);
  return { header: lines, headerGaps, closingLines: [], ...(layout ? { layout } : {}) };
}
