/**
 * Annotate the model: footnotes lifted back out of the text, editorial
 * corrections applied visibly, and suspected OCR damage listed for the
 * quality report. Citations are recognised here too, with what each citing
 * provision does to the cited document, and the document's date of effect.
 */
import type { DocumentModel, Footnote, Inline, Provision, QualityIssue } from '../../lib/model.ts';
import type { FootnoteDef } from '../02-normalise/index.ts';
import { ocrSuspects } from './ocr-suspects.ts';
import { annotateCitations } from './citations/index.ts';
import { annotateRelations } from './relations/index.ts';
import { readEffect } from './relations/effect.ts';
import { blockInlines, mapBlockInlines } from '../../lib/blocks.ts';

export interface Correction {
  source: string;
  original: string;
  corrected: string;
  note?: string;
  /** Restrict to one provision id. */
  provision?: string;
}

export class CorrectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CorrectionError';
  }
}

function walk(ps: Provision[], fn: (p: Provision) => void): void {
  for (const p of ps) {
    fn(p);
    walk(p.children, fn);
  }
}

/** Every inline list of a provision: heading and blocks (table captions and cells included). */
function inlineLists(p: Provision): Inline[][] {
  return [p.heading, ...p.blocks.flatMap(blockInlines)];
}

function mapLists(p: Provision, fn: (content: Inline[]) => Inline[]): void {
  p.heading = fn(p.heading);
  for (const b of p.blocks) mapBlockInlines(b, fn);
}

/** "Chính phủ<sup>1</sup> về" -> text, footnote reference, text. */
function splitFootnoteRefs(content: Inline[], known: Set<string>): Inline[] {
  const out: Inline[] = [];
  for (const node of content) {
    if (node.kind !== 'text') {
      out.push(node);
      continue;
    }
    const re = /<sup>(\d{1,3})<\/sup>/g;
    let last = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(node.text)) !== null) {
      if (!m[1] || !known.has(m[1])) continue;
      if (m.index > last) out.push({ kind: 'text', text: node.text.slice(last, m.index) });
      out.push({ kind: 'footnoteRef', n: m[1] });
      last = m.index + m[0].length;
    }
    if (last < node.text.length) out.push({ kind: 'text', text: node.text.slice(last) });
  }
  return out;
}

function applyCorrection(content: Inline[], c: Correction): { content: Inline[]; count: number } {
  let count = 0;
  const out: Inline[] = [];
  for (const node of content) {
    if (node.kind !== 'text' || !node.text.includes(c.original)) {
      out.push(node);
      continue;
    }
    const pieces = node.text.split(c.original);
    pieces.forEach((piece, i) => {
      if (i > 0) {
        out.push({ kind: 'correction', original: c.original, corrected: c.corrected, ...(c.note ? { note: c.note } : {}) });
        count++;
      }
      if (piece !== '') out.push({ kind: 'text', text: piece });
    });
  }
  return { content: out, count };
}

export function annotate(model: DocumentModel, footnoteDefs: FootnoteDef[], corrections: Correction[]): DocumentModel {
  const quality: QualityIssue[] = [...model.quality];

  // Footnotes: definitions were lifted out by the normaliser; markers become references.
  const known = new Set(footnoteDefs.map((f) => f.n));
  const footnotes: Footnote[] = footnoteDefs.map((f) => ({ n: f.n, content: [{ kind: 'text', text: f.text }] }));
  walk(model.provisions, (p) => mapLists(p, (c) => splitFootnoteRefs(c, known)));

  // Editorial corrections: each must apply at least once, or the editor is told.
  const problems: string[] = [];
  for (const c of corrections) {
    let count = 0;
    walk(model.provisions, (p) => {
      if (c.provision && c.provision !== p.id) return;
      mapLists(p, (content) => {
        const r = applyCorrection(content, c);
        count += r.count;
        return r.content;
      });
    });
    if (count === 0) problems.push(`correction "${c.original}" -> "${c.corrected}"${c.provision ? ` in ${c.provision}` : ''} matches nothing in the text`);
    else quality.push({ kind: 'correction', message: `"${c.original}" được đính chính thành "${c.corrected}" (${count} lần)${c.note ? `: ${c.note}` : ''}`, text: c.original, ...(c.provision ? { provision: c.provision } : {}) });
  }
  if (problems.length > 0) throw new CorrectionError(`${model.sourceFile}: ${problems.join('; ')}`);

  // Suspected OCR damage, for the quality report (never changed automatically).
  const seen = new Map<string, { count: number; provision: string }>();
  walk(model.provisions, (p) => {
    for (const list of inlineLists(p)) {
      for (const node of list) {
        if (node.kind !== 'text') continue;
        for (const token of ocrSuspects(node.text)) {
          const s = seen.get(token);
          if (s) s.count++;
          else seen.set(token, { count: 1, provision: p.id });
        }
      }
    }
  });
  for (const [token, s] of seen) {
    quality.push({ kind: 'ocr-suspect', message: `"${token}" không phải âm tiết tiếng Việt hợp lệ (nghi lỗi nhận dạng chữ)${s.count > 1 ? `, ${s.count} lần` : ''}`, text: token, provision: s.provision });
  }

  // Relations of the citations and the date of effect need the citations recognised (ADR 1301).
  const annotated = annotateRelations(annotateCitations({ ...model, footnotes, quality }));
  const effect = readEffect(annotated);
  return effect ? { ...annotated, effect } : annotated;
}
