/**
 * Citations of one document: recognise them in every provision's text (and
 * its footnotes), parse their identity, decide their issuer, and replace the
 * text spans by citation nodes. Linking to other documents is 07-link's job.
 */
import type { Citation, CitedIdentity, DocumentModel, Inline, Issuer, Provision } from '../../../lib/model.ts';
import { slugify } from '../../../lib/slug.ts';
import { TYPE_NAMES } from '../../../lib/symbol.ts';
import { citedIssuer } from './issuer.ts';
import { recogniseCitations, type RecognisedCitation } from './recognise.ts';
import { mapBlockInlines } from '../../../lib/blocks.ts';

/** The sentence around [start, end) of `text`. */
function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(0, start);
  const from = Math.max(before.lastIndexOf('. '), before.lastIndexOf('; '), before.lastIndexOf(': ')) + 1;
  const afterIdx = text.slice(end).search(/[.;](?:\s|$)/);
  const to = afterIdx < 0 ? text.length : end + afterIdx + 1;
  const s = text.slice(from, to).trim();
  return s.length > 400 ? `${s.slice(0, 400)} …` : s;
}

function identityOf(c: RecognisedCitation, citing: Issuer | null): CitedIdentity {
  const guess = citedIssuer(c, citing);
  const year = c.date ? Number(c.date.slice(0, 4)) : (c.symbol?.year ?? c.law?.year ?? null);
  const name =
    c.kind === 'plenum' && c.plenum
      ? `Nghị quyết Trung ương ${c.plenum.number} khóa ${c.plenum.term}`
      : c.kind === 'law' && c.law
        ? `${c.typeWord} ${c.law.name} năm ${c.law.year}`
        : null;
  return {
    kind: c.kind,
    type: c.type,
    typeWord: c.typeWord,
    numberSymbol: c.symbol?.canonical ?? null,
    number: c.number,
    date: c.date,
    year,
    issuer: guess.issuer,
    issuerBasis: guess.basis,
    provision: c.provision,
    name,
  };
}

/** Stable key of the cited document: the path of its page under /tham-chieu/. */
export function citedKey(id: CitedIdentity): string {
  const issuer = id.issuer?.slug ?? 'chua-ro-co-quan';
  if (id.kind === 'plenum' || id.kind === 'law') return `${issuer}/${slugify(id.name ?? '')}`;
  const type = id.type ? slugify(TYPE_NAMES[id.type]) : 'van-ban';
  const num = id.numberSymbol ? slugify(id.numberSymbol) : `${type}-so-${id.number ?? 'x'}`;
  // The year is part of the identity: numbering restarts by term (party) or year (state).
  const year = id.numberSymbol && /\/\d{4}\//.test(id.numberSymbol) ? null : id.year;
  return `${issuer}/${num}${year ? `-${year}` : ''}`;
}

function walk(ps: Provision[], fn: (p: Provision) => void): void {
  for (const p of ps) {
    fn(p);
    walk(p.children, fn);
  }
}

export function annotateCitations(model: DocumentModel): DocumentModel {
  const citations: Citation[] = [];
  const citing = model.meta.issuer.value;
  const mark = (content: Inline[], provision: string): Inline[] => {
    const out: Inline[] = [];
    for (const node of content) {
      if (node.kind !== 'text') {
        out.push(node);
        continue;
      }
      const found = recogniseCitations(node.text);
      let last = 0;
      let lastSpan = -1;
      for (const c of found) {
        const identity = identityOf(c, citing);
        const index = citations.length;
        citations.push({
          text: c.text,
          provision,
          sentence: sentenceAround(node.text, c.start, c.end),
          identity,
          typeMismatch: c.typeMismatch,
          citedKey: citedKey(identity),
          targetId: null,
          targetInferred: false,
          status: 'unresolved',
          candidates: [],
          href: null,
        });
        // Several documents in one span ("số 18,19,26-NQ/TW"): one link, to the first.
        if (c.start === lastSpan) continue;
        if (c.start > last) out.push({ kind: 'text', text: node.text.slice(last, c.start) });
        out.push({ kind: 'citation', text: c.text, citationIndex: index });
        last = c.end;
        lastSpan = c.start;
      }
      if (last < node.text.length) out.push({ kind: 'text', text: node.text.slice(last) });
    }
    return out;
  };
  walk(model.provisions, (p) => {
    p.heading = mark(p.heading, p.id);
    for (const b of p.blocks) mapBlockInlines(b, (content) => mark(content, p.id));
  });
  for (const f of model.footnotes) f.content = mark(f.content, 'chu-thich');
  const quality = [...model.quality];
  for (const c of citations) {
    if (c.typeMismatch) {
      quality.push({ kind: 'citation-type-mismatch', message: `"${c.text}": từ "${c.identity.typeWord}" không khớp với mã loại trong số ký hiệu; giữ nguyên như văn bản`, provision: c.provision, text: c.text });
    }
  }
  return { ...model, citations, quality };
}
