/**
 * Relations: what each citing provision does to the document it cites
 * (basis, amends, replaces, repeals, implements, or a plain mention), read
 * from the words around the citation in its sentence, its provision (and a
 * list its parent announces: "Bãi bỏ các văn bản sau:"), the enacting
 * formula of the preamble and the title. Rules: rules.ts, read.ts; ADR 1301.
 * Runs after citations are recognised; linking stays 07-link's job.
 */
import type { Citation, DocumentModel, Provision, Relation } from '../../../lib/model.ts';
import { blockInlines } from '../../../lib/blocks.ts';
import { recogniseCitations } from '../citations/recognise.ts';
import { BASIS_OPENING, ENACTING_FORMULA, LIST_ANNOUNCED, NOT_ENACTING, OBJECT_BREAKERS, OBJECT_MAX, SENTENCE_SHIELDS, VERB_GROUP } from './rules.ts';
import { coordinatedObject, liveVerb, relationOf } from './read.ts';
import { provisionStream, sentences, type Stream } from './stream.ts';

export const MENTION: Relation = { type: 'mention', provisions: [], partial: false, evidence: '' };

/** Only these kinds of provision can act on another document; text after the signature may (an annexed regulation). */
const SILENT_KINDS = new Set<Provision['kind']>(['recipients', 'signature']);
/** A list item's marker or nothing: the item starts with its citation. */
const ITEM_START = /^\s*(?:[-+•–]\s*)?$/u;

/** The words of the citation span before its type word: "Điều 1 của ", "khoản 2 Điều 5 ". */
function spanPrefix(c: Citation): string {
  const at = c.text.toLowerCase().indexOf(c.identity.typeWord.toLowerCase());
  return at > 0 ? c.text.slice(0, at) : '';
}

interface Context {
  preamble: boolean;
  /** A change announced by the parent for its items ("Bãi bỏ ... sau đây:"). */
  listVerb: { type: Relation['type']; words: string } | null;
}

/** Relations of the citations of one provision's text; returns the change it announces for its children, if any. */
function readProvision(stream: Stream, citations: Citation[], out: Map<number, Relation>, ctx: Context): Context['listVerb'] {
  const { text, spans, quoted } = stream;
  let previousSentence: { relation: Relation | null; end: string; sameParagraph: boolean } | null = null;
  let first = true;
  let announced: Context['listVerb'] = null;
  for (const [start, end] of sentences(stream)) {
    const inside = spans.filter((s) => s.start >= start && s.end <= end);
    const sentence = text.slice(start, end);
    let prev: { relation: Relation | null; end: number } | null = null;
    let sentenceRelation: Relation | null = null;
    for (const span of inside) {
      const c = citations[span.citations[0] as number] as Citation;
      const prefix = spanPrefix(c);
      let relation: Relation | null = null;
      if (quoted(span.start)) {
        relation = null; // text an amending provision quotes: the amended document's words, not this one's act
      } else if (prev === null) {
        const gap = text.slice(start, span.start);
        relation = firstRelation(gap, prefix, ctx);
        if (!relation && ITEM_START.test(gap)) {
          // A list item: the change its parent announced, or the one the previous item (";") had.
          if (first && ctx.listVerb) relation = relationOf(ctx.listVerb, prefix);
          else if (previousSentence?.relation && previousSentence.end === ';' && (previousSentence.sameParagraph || ctx.preamble)) relation = relationOf({ type: previousSentence.relation.type, words: verbOf(previousSentence.relation) }, prefix);
        }
        sentenceRelation = relation;
      } else {
        const object = prev.relation ? coordinatedObject(text.slice(prev.end, span.start)) : null;
        if (prev.relation && object !== null) relation = relationOf({ type: prev.relation.type, words: verbOf(prev.relation) }, `${object}${prefix}`);
      }
      for (const i of span.citations) out.set(i, relation ?? MENTION);
      prev = { relation, end: span.end };
    }
    // A sentence that announces a list of the documents it changes, with no citation after its verb.
    if (!ctx.preamble && LIST_ANNOUNCED.test(sentence)) {
      const verb = liveVerb(sentence);
      const after = verb ? sentence.slice(verb.objectStart) : '';
      const citedAfter = inside.some((s) => verb && s.start >= start + verb.objectStart);
      if (verb && verb.type !== 'implements' && !citedAfter && !quoted(start + verb.objectStart) && !OBJECT_BREAKERS.test(after)) announced = { type: verb.type, words: verb.words };
    }
    const boundary = text[end - 1] ?? '';
    previousSentence = { relation: sentenceRelation, end: boundary, sameParagraph: !text.slice(end, (spans.find((s) => s.start >= end)?.start ?? end)).includes('\n') };
    if (sentence.trim() !== '') first = false;
  }
  return announced;
}

/** The change words of a relation, for a coordinated citation ("thay thế", "bãi bỏ"). */
function verbOf(r: Relation): string {
  if (r.type === 'basis') return 'Căn cứ';
  const m = /^(?:(?:bãi\s+bỏ|thay\s+thế|sửa\s+đổi|bổ\s+sung|điều\s+chỉnh|hướng\s+dẫn(?:\s+thi\s+hành|\s+thực\s+hiện)?|quy\s+định\s+chi\s+tiết(?:\s+thi\s+hành)?)(?:\s*(?:,|và|hoặc)\s*)?)+/iu.exec(r.evidence);
  return (m?.[0] ?? r.evidence).replace(/\s*(?:,|và|hoặc)\s*$/u, '');
}

/** The first citation of a sentence: the verb before it, in the preamble only "Căn cứ" and the enacting formula. */
function firstRelation(gap: string, prefix: string, ctx: Context): Relation | null {
  if (ctx.preamble) {
    const basis = BASIS_OPENING.exec(gap);
    if (basis) {
      const object = gap.slice(basis[0].length);
      if (object.length > OBJECT_MAX || OBJECT_BREAKERS.test(object) || /\S/.test(object.replace(/(?:điểm|khoản|điều|mục)\s+[\p{L}\d.]{1,6}|của|và|các|,|\s/giu, ''))) return null;
      return relationOf({ type: 'basis', words: 'Căn cứ' }, `${object}${prefix}`);
    }
    // "... ban hành Thông tư sửa đổi, bổ sung Điều 1 của Thông tư số ...": the enacting formula says what this document does.
    if (NOT_ENACTING.test(gap)) return null;
    const verb = liveVerb(gap);
    if (!verb || !ENACTING_FORMULA.test(gap.slice(0, verb.objectStart - verb.words.length))) return null;
    return relationOf(verb, `${gap.slice(verb.objectStart)}${prefix}`);
  }
  const verb = liveVerb(gap);
  if (!verb) return null;
  return relationOf(verb, `${gap.slice(verb.objectStart)}${prefix}`);
}

function walk(ps: Provision[], fn: (p: Provision) => void): void {
  for (const p of ps) {
    fn(p);
    walk(p.children, fn);
  }
}

export function annotateRelations(model: DocumentModel): DocumentModel {
  const n = model.citations.length;
  if (n === 0) return model;
  // Citations of one span (a list "số 18,19,26-NQ/TW") have one inline node: the first's; the others follow it.
  const inline = new Set<number>();
  const visit = (list: Array<{ kind: string; citationIndex?: number }>) => {
    for (const node of list) if (node.kind === 'citation' && node.citationIndex !== undefined) inline.add(node.citationIndex);
  };
  walk(model.provisions, (p) => {
    visit(p.heading);
    for (const b of p.blocks) for (const l of blockInlines(b)) visit(l);
  });
  for (const f of model.footnotes) visit(f.content);
  const siblings = new Map<number, number[]>();
  let lastInline = -1;
  for (let i = 0; i < n; i++) {
    if (inline.has(i)) lastInline = i;
    else if (lastInline >= 0) siblings.set(lastInline, [...(siblings.get(lastInline) ?? []), i]);
  }

  const out = new Map<number, Relation>();
  const readTree = (ps: Provision[], listVerb: Context['listVerb']): void => {
    for (const p of ps) {
      let announced: Context['listVerb'] = null;
      if (!SILENT_KINDS.has(p.kind)) {
        announced = readProvision(provisionStream(p, siblings), model.citations, out, { preamble: p.kind === 'preamble', listVerb });
      }
      readTree(p.children, announced);
    }
  };
  readTree(model.provisions, null);
  const citations = model.citations.map((c, i) => ({ ...c, relation: out.get(i) ?? MENTION }));
  return { ...model, citations: titleRelations(model.meta?.title?.value ?? null, citations) };
}

/**
 * The title names what the document does to one cited document ("Bãi bỏ
 * Nghị quyết số 21/2012/NQ-HĐND ...", "Sửa đổi, bổ sung một số điều của
 * Nghị quyết số 15/2013/NQ-HĐND ..."). The title has no citation of its own:
 * when no citation of that document in the text already carries a change,
 * the title's relation goes to its first citation in the enacting formula or
 * the body's first article that cites it in a sentence with no verb of its own.
 */
function titleRelations(title: string | null, citations: Citation[]): Citation[] {
  if (!title) return citations;
  const found = recogniseCitations(title);
  const first = found[0];
  if (!first || !first.symbol) return citations;
  const verb = liveVerb(title.slice(0, first.start), { titleStart: true });
  if (!verb) return citations;
  const relation = relationOf(verb, title.slice(verb.objectStart, first.start) + title.slice(first.start, first.end).slice(0, Math.max(0, first.text.toLowerCase().indexOf(first.typeWord.toLowerCase()))));
  if (!relation) return citations;
  const symbol = first.symbol.canonical;
  const same = citations.filter((c) => c.identity.numberSymbol === symbol);
  if (same.some((c) => c.relation && c.relation.type !== 'mention' && c.relation.type !== 'basis')) return citations;
  // Only a citation of the first article whose sentence has no verb, shield or quotation of its own.
  const target = same.find((c) => (c.provision === 'dieu-1' || c.provision.startsWith('dieu-1.')) && c.relation?.type === 'mention' && !/[“”"]/u.test(c.sentence) && !SENTENCE_SHIELDS.test(c.sentence) && [...c.sentence.matchAll(VERB_GROUP)].length === 0);
  if (!target) return citations;
  return citations.map((c) => (c === target ? { ...c, relation: { ...relation, evidence: `tiêu đề: ${relation.evidence}` } } : c));
}
