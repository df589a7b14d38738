/**
 * The document model: the one typed representation of a resolution that every
 * later step reads (MDX emitter, open data, search metadata, reference graph,
 * offline pack). The site never parses source text itself.
 */
import type { ExtractMethod, SourceFormat } from '../pipeline/00-extract/types.ts';

/** Where a metadata value came from, in words an editor can check. */
export type FactOrigin =
  | 'header' // the document's own header block
  | 'signature' // the signature block at the end
  | 'closing' // the closing line ("... thông qua ngày ...")
  | 'annex' // an annex's link to its document: "(Kèm theo Nghị quyết số 18/2017/NQ-HĐND ngày ...)"
  | 'enacting' // the enacting line above the preamble ("HỘI ĐỒNG NHÂN DÂN TỈNH BẮC GIANG / KHÓA XVIII, KỲ HỌP THỨ 3")
  | 'catalog'; // content/catalog.yaml, maintained by an editor

/** One metadata value with its provenance. `value: null` means unknown. */
export interface Fact<T> {
  value: T | null;
  origin: FactOrigin | null;
  /** Free text from the catalog: "inferred from the citation in 001 ...". */
  note?: string;
  /** True when the value is an inference, not read from the text. */
  inferred?: boolean;
}

/** Document type codes (docs/domain.md, section 2, "Type codes"). */
export type DocTypeCode =
  | 'NQ' | 'CT' | 'QĐ' | 'KL' | 'CTr' | 'KH' | 'TB' | 'HD' | 'BC' | 'TTr' | 'NĐ' | 'TT' | 'TTLT' | 'NQLT' | 'QP' | 'L' | 'CV';

/** Symbol families: they differ in how numbering restarts (docs/domain.md, section 2). */
export type SymbolFamily = 'party' | 'state' | 'normative';

export interface Issuer {
  /** Display name, e.g. "Tỉnh ủy Quảng Ninh", "HĐND tỉnh Quảng Ninh". */
  name: string;
  /** ASCII URL segment, e.g. "tinh-uy-quang-ninh". */
  slug: string;
  /** Party committee or state body: decides which symbols it issues. */
  branch: 'party' | 'state';
  /**
   * The province (or centrally governed city) the body belongs to, e.g.
   * "Quảng Ninh" for Thành ủy Hạ Long; null for central bodies (Chính phủ,
   * Bộ ...) and where it is not known. Listings group issuers by it.
   */
  province: string | null;
}

export interface DocumentMetadata {
  type: Fact<DocTypeCode>;
  /** Số ký hiệu as written in canonical form, e.g. "09-NQ/TU", "205/NQ-HĐND". */
  numberSymbol: Fact<string>;
  /** ISO date yyyy-mm-dd. */
  date: Fact<string>;
  /** Year of issue; known even when the full date is not (e.g. inferred). */
  year: Fact<number>;
  issuer: Fact<Issuer>;
  /** The issuing organ as the header names it: "Ban Chấp hành Đảng bộ tỉnh". */
  organ: Fact<string>;
  place: Fact<string>;
  title: Fact<string>;
  signer: Fact<string>;
  /** e.g. "BÍ THƯ", "CHỦ TỊCH". */
  signerTitle: Fact<string>;
  /** e.g. "T/M BAN CHẤP HÀNH". */
  signingCapacity: Fact<string>;
  /** HĐND term and session line, e.g. "KHÓA XIV, KỲ HỌP THỨ 19". */
  session: Fact<string>;
}

/** Inline content of a paragraph or heading. */
export type Inline =
  | { kind: 'text'; text: string }
  /** A reference to footnote `n` of the document. */
  | { kind: 'footnoteRef'; n: string }
  /** An editorial correction: the reader sees `corrected`, marked, with `original`. */
  | { kind: 'correction'; original: string; corrected: string; note?: string }
  /** An inline numbered target "(3)" (chỉ tiêu), citable as "<provision>.ct-3". */
  | { kind: 'target'; id: string; label: string }
  /** A recognised citation (filled by the annotate step). */
  | { kind: 'citation'; text: string; citationIndex: number };

/** A table as the source gives it (pipe, markdown or tab-separated rows). */
export interface Table {
  /** "Bảng 1: ..." or the line that names the table, when the text gives one. */
  caption: Inline[] | null;
  /** How many of the first rows are header rows (th cells). */
  headerRows: number;
  /** Rows of cells; a cell is inline content (citations may stand in cells). */
  rows: Inline[][][];
}

export type Block =
  | { kind: 'paragraph'; content: Inline[] }
  /** A "- ..." or "+ ..." list item kept as its own block. */
  | { kind: 'bullet'; marker: string; content: Inline[] }
  /** `id`: citable fragment (ADR 1002): the slug of its caption, else "<provision>.bang-N"; set by 04-structure. */
  | { kind: 'table'; id?: string; table: Table }
  /**
   * Something the source lost (a `<jsontable ...>` placeholder of a web copy):
   * shown to readers as a visible gap, listed in the quality report.
   */
  | { kind: 'gap'; what: 'table'; placeholder: string };

export type ProvisionKind =
  | 'volume' // Phần thứ nhất, Phần I (normative documents)
  | 'chapter' // Chương I
  | 'division' // Mục 1 (inside a chapter)
  | 'subdivision' // Tiểu mục 1
  | 'annex' // Phụ lục, or a regulation "ban hành kèm theo", after the signature
  | 'part' // I-, II.
  | 'section' // 1-, 1.
  | 'subsection' // 2.1., 2.2.1.
  | 'article' // Điều 1.
  | 'clause' // 1. inside an article
  | 'point' // a), b)
  | 'heading' // an unnumbered heading (slug id)
  | 'intro' // paragraphs before the first numbered provision (id mo-dau)
  | 'preamble' // Căn cứ ... (id can-cu)
  | 'closing' // "Nghị quyết này ..." closing lines (id ket-thuc)
  | 'recipients' // Nơi nhận (id noi-nhan)
  | 'signature'; // chữ ký (id chu-ky)

export interface Provision {
  /** Citable fragment id, unique within the document: "II.3", "dieu-1.2.a". */
  id: string;
  kind: ProvisionKind;
  /** The numbering as written in the source, e.g. "II-", "3.", "Điều 1.", "a)". */
  label: string;
  /** The number alone, normalised: "II", "3", "2.1", "1", "a". */
  number: string;
  /** Heading text after the label when the provision starts with a heading. */
  heading: Inline[];
  /** Content before the first child provision. */
  blocks: Block[];
  children: Provision[];
}

export interface Footnote {
  n: string;
  content: Inline[];
}

/** Lines of the header and closing, kept verbatim (normalised) for display. */
export interface Segments {
  header: string[];
  /**
   * Indexes of header lines that are placeholders of a lost header table
   * (`<jsontable name="bang_0"> </jsontable>` of a web copy): shown as a gap.
   */
  headerGaps?: number[];
  closingLines: string[];
  /**
   * The header's lines arranged as the first page prints them (ADR 1402):
   * the same text as `header`, cut at its zones. Absent when the reader could
   * not place the lines (they are then shown centred, as they are).
   */
  layout?: HeaderLayout;
}

/** The official header layout (NĐ 30/2020 Phụ lục I; HD 36 for party documents). */
export interface HeaderLayout {
  /** Above the columns: a copy's stamp ("SAO Y; ...", "Giờ ký: ..."). */
  top: string[];
  /** Issuer (and its parent body), the party star, the number. */
  left: string[];
  /** National name (or "ĐẢNG CỘNG SẢN VIỆT NAM"), motto, place and date. */
  right: string[];
  /** Type, title, enacting line: centred below the columns. */
  centre: string[];
  /** The placeholder of a lost header table, standing where the columns were. */
  gap?: string;
}

export interface QualityIssue {
  kind:
    | 'ocr-suspect' // a token that is not a well-formed Vietnamese syllable
    | 'rejected-heading' // a numbered line that breaks the sequence, kept as text
    | 'metadata-gap' // a fact that is unknown
    | 'correction' // an editorial correction that was applied
    | 'citation-unresolved'
    | 'citation-ambiguous'
    | 'citation-conflict'
    | 'citation-type-mismatch'
    | 'lost-table' // a `<jsontable>` placeholder: the source lost a table here ("bảng bị mất trong bản nguồn (…)")
    | 'note';
  message: string;
  /** Provision id where it was found, when known. */
  provision?: string;
  /** The text concerned (token, line). */
  text?: string;
}

/** What a citation says of the cited document (parsed, normalised). */
export interface CitedIdentity {
  kind: 'numbered' | 'plenum' | 'law';
  /** The type word decides the type, not the symbol's code (docs/domain.md, section 2). */
  type: DocTypeCode | null;
  typeWord: string;
  numberSymbol: string | null;
  /** A bare number without symbol ("Nghị quyết số 19 ngày 03/3/2015"). */
  number: string | null;
  date: string | null;
  year: number | null;
  issuer: Issuer | null;
  /** How the issuer was decided ("của Tỉnh ủy", "symbol code TW", ...). */
  issuerBasis: string;
  /** A provision of the cited document, e.g. "dieu-80". */
  provision: string | null;
  /** Human name for unnumbered citations: "Nghị quyết Trung ương 6 khóa XII", "Luật Chăn nuôi năm 2018". */
  name: string | null;
}

/** A citation of another document, recognised in the text (cross-links work). */
/**
 * What a citing provision does to the cited document, read from the words
 * around the citation (ADR 1301). `mention` is the default: ambiguous wording
 * stays a mention (a wrong relation is worse than none).
 */
export type RelationType =
  | 'basis' // căn cứ: a legal basis in the preamble
  | 'amends' // sửa đổi, bổ sung
  | 'replaces' // thay thế
  | 'repeals' // bãi bỏ (wholly, or the provisions named)
  | 'implements' // hướng dẫn, quy định chi tiết (thi hành)
  | 'mention'; // dẫn chiếu

export interface Relation {
  type: RelationType;
  /**
   * The provisions of the cited document concerned, as written ("khoản 2
   * Điều 5") and as ids of that document when they can be named ("dieu-5.2");
   * empty = the whole document (for amends: "some provisions", unnamed).
   */
  provisions: Array<{ text: string; id: string | null }>;
  /** True when the wording says only part ("bãi bỏ một phần", "một số điều"). */
  partial: boolean;
  /** The words that decided it ("bãi bỏ", "sửa đổi, bổ sung"), shown to readers. */
  evidence: string;
}

export interface Citation {
  /** What the citing provision does to the cited document (filled by the relations step). */
  relation?: Relation;
  /** The citation as written in the source. */
  text: string;
  /** Id of the provision that contains it ("chu-thich" for footnotes). */
  provision: string;
  /** The sentence it stands in, for "cited by" lists. */
  sentence: string;
  identity: CitedIdentity;
  /** The type word disagrees with the symbol's type code. */
  typeMismatch: boolean;
  /** Key of the cited document in the index of cited documents (/tham-chieu/<key>/). */
  citedKey: string;
  /** Archive document id it resolves to, or null. */
  targetId: string | null;
  /** The target's identity is itself inferred (catalog), so the link is too. */
  targetInferred: boolean;
  /** resolved: one archive document fits; ambiguous: several; unresolved: none. */
  status: 'resolved' | 'ambiguous' | 'unresolved';
  /** Archive ids that fit when ambiguous. */
  candidates: string[];
  /** Link target in the site (archive document or provision, or the cited-document page). */
  href: string | null;
}

/** How a source file became text (scripts/pipeline/00-extract, ADR 1501): told on the page and in the open data. */
export interface SourceReading {
  format: SourceFormat;
  method: ExtractMethod;
  /** Pages of a PDF (or a DOCX's own page count); null when unknown. */
  pages: number | null;
  /** Set when any page was read by OCR: engine, mean confidence (0–100) and the OCR'd pages. */
  ocr: { engine: string; confidence: number; pages: number[] } | null;
}

export interface DocumentModel {
  /** Permanent ASCII id: "tinh-uy-quang-ninh-2017-09-nq-tu". */
  id: string;
  /** Public URL path: "/van-ban/tinh-uy-quang-ninh/2017/09-nq-tu/". */
  url: string;
  /**
   * True when the URL's last segment was derived without the document's number
   * (type, date or year, and a digest of the text; ADR 0002): shown as
   * provisional on the page until the number is known.
   */
  provisional: boolean;
  /** Source file name relative to content/sources. */
  sourceFile: string;
  /** Hex SHA-256 of the source bytes: ties output to input. */
  sourceSha256: string;
  /** How the source file was read (step 00, ADR 1501); absent means a text file read as text. */
  sourceReading?: SourceReading;
  meta: DocumentMetadata;
  /**
   * When the document takes effect, as its text says ("có hiệu lực từ ngày
   * 01 tháng 01 năm 2018", "... kể từ ngày ký"): the date when it can be
   * known, with its origin; `words` is the sentence's wording (ADR 1301).
   */
  effect?: { date: Fact<string>; fromSigning: boolean; words: string; provision: string | null };
  /**
   * Status as far as the archive's own documents show (07-link, ADR 1301):
   * what later archive documents did to this one.
   */
  status?: DocumentStatus;
  segments: Segments;
  /** The provision tree: preamble, body provisions, recipients, signature. */
  provisions: Provision[];
  footnotes: Footnote[];
  citations: Citation[];
  quality: QualityIssue[];
}

/** One change a later archive document made to this one. */
export interface StatusChange {
  type: Exclude<RelationType, 'basis' | 'implements' | 'mention'>;
  /** The changing document: archive id, URL, and the provision that does it. */
  by: string;
  byUrl: string;
  byProvision: string;
  /** Link to the provision that does it ("/van-ban/.../#dieu-1"). */
  href: string;
  /** Its date of effect, else its date of issue, when known. */
  date: string | null;
  provisions: Array<{ text: string; id: string | null }>;
  partial: boolean;
}

export interface DocumentStatus {
  /**
   * in-force: the archive holds no change to it (and no reason to doubt);
   * amended / replaced / repealed / partly-repealed: a later archive document
   * says so; unknown: the archive cannot tell (no effect date, or nothing
   * known). Never invented: it reflects only the archive's documents.
   */
  state: 'in-force' | 'amended' | 'replaced' | 'repealed' | 'partly-repealed' | 'unknown';
  changes: StatusChange[];
}
