/**
 * Legal status and relations of a document as the pages show them (issue
 * 13, docs/decisions/1302-status-on-the-page.md): the status box near the
 * title, the "Văn bản liên quan" section, the notes on changed provisions,
 * the search filter and the /tham-chieu/ pages all take their words from
 * here, so one state is said the same way everywhere.
 *
 * The facts come from the converter (scripts/lib/model.ts: Citation.relation,
 * DocumentModel.effect and .status, ADR 1301) through site.json and
 * citations.json; nothing here reads source text or decides a relation.
 * Only the document's own citations and the citations of it are read, never
 * the whole graph per page (ADR 0201, 1008).
 */
import type { DocumentModel, Relation, RelationType, StatusChange } from '../../scripts/lib/model.ts';
import type { SiteDocument } from './archive-data';
import { formatDate, originLabel } from './format';
import { provisionName, type GraphCitation } from './citations-data';

/** A site.json record; `effect` and `status` are absent or null when the converter knows nothing (or is older). */
export type StatusDocument = SiteDocument;

export type StatusState = NonNullable<DocumentModel['status']>['state'];

/** The state in words. "Còn hiệu lực" only when the converter says in-force. */
export const STATE_LABELS: Record<StatusState, string> = {
  'in-force': 'Còn hiệu lực',
  amended: 'Đã được sửa đổi, bổ sung',
  replaced: 'Đã bị thay thế',
  repealed: 'Đã bị bãi bỏ',
  'partly-repealed': 'Bị bãi bỏ một phần',
  unknown: 'Chưa rõ tình trạng',
};

/** Said on every status box and /tham-chieu/ status: the archive is not the whole legal order. */
export const SCOPE_SENTENCE = 'Tình trạng chỉ phản ánh các văn bản có trong kho lưu trữ này.';

export function stateOf(doc: StatusDocument): StatusState {
  const state = doc.status?.state;
  return state && state in STATE_LABELS ? state : 'unknown';
}

/** The value of the search filter "tinh-trang" (the same words as the box). */
export function statusFilterValue(doc: StatusDocument): string {
  return STATE_LABELS[stateOf(doc)];
}

export interface EffectView {
  /** "Có hiệu lực từ 01/01/2018", "Có hiệu lực từ ngày ký (08/12/2017)", "Ngày có hiệu lực: chưa rõ". */
  text: string;
  known: boolean;
  inferred: boolean;
  /** "theo câu kết của văn bản" (as the metadata panel says origins). */
  origin: string | null;
  /** The provision that says it ("dieu-3"), for a link. */
  provision: string | null;
  note: string | null;
}

export function effectView(doc: StatusDocument): EffectView {
  const effect = doc.effect;
  if (!effect) return { text: 'Ngày có hiệu lực: chưa rõ', known: false, inferred: false, origin: null, provision: null, note: null };
  const date = formatDate(effect.date.value);
  const text = effect.fromSigning
    ? `Có hiệu lực từ ngày ký${date ? ` (${date})` : ''}`
    : date
      ? `Có hiệu lực từ ${date}`
      : 'Ngày có hiệu lực: chưa rõ';
  return {
    text,
    known: effect.fromSigning || date !== null,
    inferred: effect.date.inferred === true,
    // "từ ngày ký": the rule is the text's, the date is the issue date's (with that fact's origin).
    origin: effect.fromSigning && effect.date.value ? `ngày ký ${originLabel(effect.date.origin) ?? ''}`.trim() : originLabel(effect.date.origin),
    provision: effect.provision,
    note: effect.date.note ?? null,
  };
}

type ChangeType = StatusChange['type'];

/** "bị bãi bỏ", "được sửa đổi, bổ sung", "bị thay thế" (after a subject). */
const CHANGE_VERBS: Record<ChangeType, string> = {
  repeals: 'bị bãi bỏ',
  amends: 'được sửa đổi, bổ sung',
  replaces: 'bị thay thế',
};

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

export interface ChangeView {
  type: ChangeType;
  /** "Bị bãi bỏ toàn bộ", "Bị bãi bỏ một phần", or the provisions before "bị bãi bỏ". */
  lead: string;
  /** The provisions of this document concerned, as written, with their ids (for links). */
  provisions: Array<{ text: string; id: string | null }>;
  /** Verb after the provisions ("bị bãi bỏ"); empty when `lead` says it. */
  verb: string;
  /** "/van-ban/.../#dieu-1": the changing provision. */
  href: string;
  /** "Nghị quyết số 12/2018/NQ-HĐND ngày 12/7/2018, Điều 1". */
  byLabel: string;
  date: string | null;
}

/**
 * One change of the status as a sentence in parts: "[Khoản 1 Điều 3] bị bãi
 * bỏ bởi <Nghị quyết số …, Điều 1>, từ 01/01/2019". `name(id)` names the
 * changing archive document (archiveLabel of citations-data).
 */
export function changeView(change: StatusChange, name: (id: string) => string): ChangeView {
  const verb = CHANGE_VERBS[change.type];
  const named = change.provisions.length > 0;
  let lead: string;
  if (named) lead = '';
  else if (change.type === 'repeals') lead = change.partial ? 'Bị bãi bỏ một phần' : 'Bị bãi bỏ toàn bộ';
  else if (change.type === 'amends') lead = change.partial ? 'Được sửa đổi, bổ sung một số nội dung' : 'Được sửa đổi, bổ sung';
  else lead = change.partial ? 'Bị thay thế một phần' : 'Bị thay thế toàn bộ';
  return {
    type: change.type,
    lead,
    provisions: change.provisions.map((p, i) => ({ text: i === 0 ? capitalise(p.text) : p.text, id: p.id })),
    verb: named ? verb : '',
    href: change.href,
    byLabel: `${name(change.by)}, ${provisionName(change.byProvision)}`,
    date: formatDate(change.date),
  };
}

/** "Khoản này", "Điểm này", "Điều này", "Mục này": the subject of a note on a provision. */
export function provisionNoun(id: string): string {
  if (/^dieu-\d+[a-z]?\.\d+[a-z]?\.[a-z]+$/.test(id)) return 'Điểm này';
  if (/^dieu-\d+[a-z]?\.\d+[a-z]?$/.test(id)) return 'Khoản này';
  if (/^dieu-\d+[a-z]?$/.test(id)) return 'Điều này';
  if (/(^|\.)[a-z]{1,2}$/.test(id) && /^([IVXLC]+|\d+)\./.test(id)) return 'Điểm này';
  return 'Mục này';
}

/** The notes on provisions: provision id -> the changes that name it (in the status's order). */
export function provisionChanges(doc: StatusDocument): Map<string, StatusChange[]> {
  const out = new Map<string, StatusChange[]>();
  for (const change of doc.status?.changes ?? []) {
    for (const p of change.provisions) {
      if (!p.id) continue;
      const list = out.get(p.id) ?? [];
      if (!list.includes(change)) list.push(change);
      out.set(p.id, list);
    }
  }
  return out;
}

/** "Khoản này đã bị bãi bỏ" (then "bởi" and the link). */
export function provisionNoteLead(id: string, type: ChangeType): string {
  return `${provisionNoun(id)} đã ${CHANGE_VERBS[type]}`;
}

// ---- "Văn bản liên quan" ----

export type Direction = 'out' | 'in';
type TypedRelation = Exclude<RelationType, 'mention'>;

/** Group headings, in the order shown: what changed this document first, then what it changes, then the rest. */
export const RELATION_GROUPS: Array<{ direction: Direction; type: TypedRelation; title: string }> = [
  { direction: 'in', type: 'repeals', title: 'Bị bãi bỏ bởi' },
  { direction: 'in', type: 'replaces', title: 'Bị thay thế bởi' },
  { direction: 'in', type: 'amends', title: 'Được sửa đổi, bổ sung bởi' },
  { direction: 'out', type: 'repeals', title: 'Văn bản này bãi bỏ' },
  { direction: 'out', type: 'replaces', title: 'Văn bản này thay thế' },
  { direction: 'out', type: 'amends', title: 'Văn bản này sửa đổi, bổ sung' },
  { direction: 'out', type: 'implements', title: 'Văn bản này hướng dẫn, quy định chi tiết' },
  { direction: 'in', type: 'implements', title: 'Được hướng dẫn, quy định chi tiết bởi' },
  { direction: 'out', type: 'basis', title: 'Căn cứ ban hành' },
  { direction: 'in', type: 'basis', title: 'Là căn cứ ban hành của' },
];

/** A citation with a relation other than a plain mention. */
export function typedRelation(c: { relation?: Relation }): TypedRelation | null {
  const type = c.relation?.type;
  return type && type !== 'mention' ? type : null;
}

export interface RelatedGroup<T> {
  direction: Direction;
  type: TypedRelation;
  title: string;
  /** Anchor of the group ("trang:lien-quan-in-repeals"). */
  id: string;
  /** One entry per other document, in first-citation order; its citations in text order. */
  entries: Array<{ key: string; citations: T[] }>;
}

/**
 * Group outgoing (this document's citations) and incoming (citations of it)
 * by relation and direction, one entry per other document: outgoing by the
 * cited document's key, incoming by the citing document. Empty groups are left out.
 */
export function relatedGroups(outgoing: GraphCitation[], incoming: GraphCitation[]): Array<RelatedGroup<GraphCitation>> {
  // One pass over each direction: "<direction> <type>" -> other document's key -> its citations, in order.
  const found = new Map<string, Map<string, GraphCitation[]>>();
  const collect = (direction: Direction, source: GraphCitation[]) => {
    for (const c of source) {
      const type = typedRelation(c);
      if (type === null) continue;
      const slot = `${direction} ${type}`;
      let entries = found.get(slot);
      if (!entries) found.set(slot, (entries = new Map()));
      const key = direction === 'out' ? c.citedKey : c.from;
      const list = entries.get(key);
      if (list) list.push(c);
      else entries.set(key, [c]);
    }
  };
  collect('out', outgoing);
  collect('in', incoming);
  const groups: Array<RelatedGroup<GraphCitation>> = [];
  for (const g of RELATION_GROUPS) {
    const entries = found.get(`${g.direction} ${g.type}`);
    if (!entries) continue;
    groups.push({ ...g, id: `trang:lien-quan-${g.direction}-${g.type}`, entries: [...entries].map(([key, citations]) => ({ key, citations })) });
  }
  return groups;
}

/** The provisions a relation names, once each (several citations may name the same). */
export function relationProvisions(citations: Array<{ relation?: Relation }>): Array<{ text: string; id: string | null }> {
  const seen = new Set<string>();
  const out: Array<{ text: string; id: string | null }> = [];
  for (const c of citations) {
    for (const p of c.relation?.provisions ?? []) {
      const k = p.id ?? `text:${p.text}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(p);
    }
  }
  return out;
}

/** "một phần" when any of the citations says only part. */
export function relationPartial(citations: Array<{ relation?: Relation }>): boolean {
  return citations.some((c) => c.relation?.partial === true);
}

// ---- /tham-chieu/ pages ----

/** What the archive's documents did to a cited document (CitedDocument.changedBy), by relation: "Bị bãi bỏ bởi ...". */
export const CITED_CHANGE_TITLES: Record<ChangeType, string> = {
  repeals: 'Bị bãi bỏ bởi',
  replaces: 'Bị thay thế bởi',
  amends: 'Được sửa đổi, bổ sung bởi',
};

export const CHANGE_TYPES: ChangeType[] = ['repeals', 'replaces', 'amends'];
