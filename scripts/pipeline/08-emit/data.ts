/**
 * Emit the data files from the models: what the site reads (site.json), the
 * open data (documents.json) and the data-quality report (quality.json).
 * Stable key order and sorting keep the output byte-identical between runs.
 */
import type { DocumentModel, Inline, Issuer, Provision } from '../../lib/model.ts';
import type { OpenDocumentRecord, SiteDocument, TocEntry } from '../../lib/site-data.ts';
import { TYPE_NAMES } from '../../lib/symbol.ts';
import { blockInlines } from '../../lib/blocks.ts';
import type { CitationGraph } from '../07-link/index.ts';

export function inlineText(content: Inline[]): string {
  return content
    .map((n) => (n.kind === 'text' ? n.text : n.kind === 'correction' ? n.corrected : n.kind === 'target' ? n.label : n.kind === 'citation' ? n.text : ''))
    .join('');
}

function provisionTitle(p: Provision): string {
  if (p.heading.length > 0) return inlineText(p.heading);
  const first = p.blocks[0];
  const text = first ? blockInlines(first).map(inlineText).join(' ') : '';
  return text.length > 90 ? `${text.slice(0, 90).replace(/\s+\S*$/, '')} …` : text;
}

const FIXED_TITLES: Partial<Record<Provision['kind'], string>> = {
  intro: 'Mở đầu',
  preamble: 'Căn cứ ban hành',
  closing: 'Điều khoản thi hành',
  recipients: 'Nơi nhận',
  signature: 'Chữ ký',
};

export function tableOfContents(provisions: Provision[], maxDepth = 3): TocEntry[] {
  const out: TocEntry[] = [];
  const visit = (ps: Provision[], depth: number): void => {
    for (const p of ps) {
      if (p.kind === 'point') continue;
      out.push({ id: p.id, label: p.label, title: FIXED_TITLES[p.kind] ?? provisionTitle(p), depth });
      if (depth + 1 < maxDepth) visit(p.children, depth + 1);
    }
  };
  visit(provisions, 0);
  return out;
}

function textLength(provisions: Provision[]): number {
  let n = 0;
  const visit = (ps: Provision[]): void => {
    for (const p of ps) {
      n += inlineText(p.heading).length;
      for (const b of p.blocks) for (const list of blockInlines(b)) n += inlineText(list).length;
      visit(p.children);
    }
  };
  visit(provisions);
  return n;
}

/** Province-level bodies, by canonical issuer name: "HĐND tỉnh Bắc Giang" states its province. */
const PROVINCE_BODY = /^(?:Tỉnh ủy|HĐND tỉnh|UBND tỉnh)\s+(.+)$/u;
/** City bodies: a province only for the centrally governed cities ("UBND thành phố Hà Nội"). */
const CITY_BODY = /^(?:Thành ủy|HĐND thành phố|UBND thành phố)\s+(.+)$/u;
const CENTRAL_CITIES = new Set(['Hà Nội', 'Hồ Chí Minh', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ', 'Huế']);
const LOCAL_BODY = /^(?:Thành ủy|HĐND thành phố|UBND thành phố|Huyện ủy|Thị ủy)\s/u;

/**
 * The issuer as listings group it. The reader's `province` is kept when it set
 * one (a name, or null for a central body). A reader that leaves it out gets
 * the province the canonical name states; a local body whose name states none
 * ("Thành ủy Hạ Long") keeps it out, so the site says "chưa rõ" instead of
 * filing a city under the central bodies; any other body is central (null).
 */
function siteIssuer(issuer: Issuer): Issuer {
  if (issuer.province !== undefined) return issuer;
  const province = PROVINCE_BODY.exec(issuer.name)?.[1];
  if (province) return { ...issuer, province };
  const city = CITY_BODY.exec(issuer.name)?.[1];
  if (city && CENTRAL_CITIES.has(city)) return { ...issuer, province: city };
  if (LOCAL_BODY.test(issuer.name)) return issuer;
  return { ...issuer, province: null };
}

/** site.json's record; `provisional` is read by the site's archive-data (src/lib/archive-data.ts). */
export function siteDocument(doc: DocumentModel): SiteDocument & { provisional: boolean } {
  const type = doc.meta.type.value;
  const issuer = doc.meta.issuer;
  return {
    id: doc.id,
    url: doc.url,
    provisional: doc.provisional,
    sourceFile: doc.sourceFile,
    ...(doc.sourceReading ? { sourceReading: doc.sourceReading } : {}),
    typeName: type ? TYPE_NAMES[type] : null,
    meta: issuer.value ? { ...doc.meta, issuer: { ...issuer, value: siteIssuer(issuer.value) } } : doc.meta,
    toc: tableOfContents(doc.provisions),
    quality: doc.quality,
    textLength: textLength(doc.provisions),
    effect: doc.effect ?? null,
    status: doc.status ?? null,
  };
}

export function openRecord(doc: DocumentModel): OpenDocumentRecord {
  const m = doc.meta;
  return {
    id: doc.id,
    url: doc.url,
    type: m.type.value,
    number_symbol: m.numberSymbol.value,
    date: m.date.value,
    year: m.year.value,
    issuer: m.issuer.value?.name ?? null,
    province: m.issuer.value?.province ?? null,
    title: m.title.value,
    signer: m.signer.value,
    provisional: doc.provisional,
    source_file: doc.sourceFile,
    source_sha256: doc.sourceSha256,
    source_format: doc.sourceReading?.format ?? 'txt',
    source_method: doc.sourceReading?.method ?? 'text',
    ocr_engine: doc.sourceReading?.ocr?.engine ?? null,
    ocr_confidence: doc.sourceReading?.ocr?.confidence ?? null,
    effect_date: doc.effect?.date.value ?? null,
    status: doc.status?.state ?? 'unknown',
    changed_by: (doc.status?.changes ?? []).map((c) => ({ type: c.type, by: c.by, by_url: c.byUrl, by_provision: c.byProvision, date: c.date, provisions: c.provisions, partial: c.partial })),
    citations: doc.citations,
  };
}

export function qualityReport(docs: DocumentModel[], graph: CitationGraph): unknown {
  return {
    documents: docs.map((d) => ({ id: d.id, url: d.url, sourceFile: d.sourceFile, issues: d.quality })),
    /** Cited documents not in the archive, most cited first: what an editor should add next. */
    missing: graph.cited
      .filter((c) => c.targetId === null && c.kind === 'numbered')
      .map((c) => ({ key: c.key, url: c.url, typeName: c.typeName, numberSymbol: c.numberSymbol ?? c.number, issuer: c.issuer?.name ?? null, datesSeen: c.datesSeen, citedBy: c.citedBy.length }))
      .sort((a, b) => b.citedBy - a.citedBy || (a.key < b.key ? -1 : 1)),
    conflicts: graph.cited.filter((c) => c.conflict).map((c) => ({ key: c.key, url: c.url, numberSymbol: c.numberSymbol, issuer: c.issuer?.name ?? null, datesSeen: c.datesSeen })),
  };
}

/** Deterministic JSON: two-space indent, trailing newline. */
export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
