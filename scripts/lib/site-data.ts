/**
 * What the conversion step hands to the Astro site and to the open data.
 * Written by scripts/convert.ts into <generated>/data/; read by src/ only.
 */
import type { DocumentMetadata, DocumentModel, QualityIssue, StatusChange } from './model.ts';

/** One entry of a document's table of contents (numbered provisions and headings). */
export interface TocEntry {
  id: string; // fragment id, e.g. "II.3"
  label: string; // numbering as written, e.g. "3-"
  title: string; // heading text, or the first words of the provision
  depth: number; // 0 for top-level provisions
}

/** A document as the site needs it: identity, metadata with provenance, outline. */
export interface SiteDocument {
  id: string;
  url: string;
  sourceFile: string;
  /** How the source file was read (ADR 1501); absent for a text file read as text. */
  sourceReading?: DocumentModel['sourceReading'];
  /** Vietnamese name of the type, e.g. "Nghị quyết"; null when unknown. */
  typeName: string | null;
  meta: DocumentMetadata;
  toc: TocEntry[];
  quality: QualityIssue[];
  /** Plain text length in characters (for listings). */
  textLength: number;
  /** When it takes effect, as its text says; null when it says nothing (ADR 1301). */
  effect?: DocumentModel['effect'] | null;
  /** Status as far as the archive shows, with the changes and who made them (ADR 1301). */
  status?: DocumentModel['status'] | null;
}

/** The open-data record (dist/data/documents.json), documented in the README. */
export interface OpenDocumentRecord {
  id: string;
  url: string;
  type: string | null;
  number_symbol: string | null;
  date: string | null;
  year: number | null;
  issuer: string | null;
  /** Province (or centrally governed city) of the issuer; null for central bodies. */
  province: string | null;
  title: string | null;
  signer: string | null;
  /** The URL's last segment was derived without the number (ADR 0002, "Provisional keys"). */
  provisional: boolean;
  source_file: string;
  /** Digest of the source file as stored (the PDF, DOCX or DOC itself, not its text). */
  source_sha256: string;
  /** txt | pdf | docx | doc (ADR 1501). */
  source_format: string;
  /** How its text was read: text | pdf-text | docx | doc | ocr | pdf-text+ocr. */
  source_method: string;
  /** OCR engine and model when any page was read by OCR ("Tesseract 5.3.0 (vie)"), else null. */
  ocr_engine: string | null;
  /** Mean OCR word confidence over the OCR'd pages, 0–100, else null. */
  ocr_confidence: number | null;
  /** Date of effect (yyyy-mm-dd) as the text says it, else null (ADR 1301). */
  effect_date: string | null;
  /** in-force | amended | replaced | repealed | partly-repealed | unknown: only what the archive's documents show. */
  status: string;
  /** The changes later archive documents made to it. */
  changed_by: Array<{ type: StatusChange['type']; by: string; by_url: string; by_provision: string; date: string | null; provisions: Array<{ text: string; id: string | null }>; partial: boolean }>;
  /** Each with `relation` (type, provisions, partial, evidence). */
  citations: unknown[];
}
