/**
 * Faithful text: every word of each source is in the document model exactly
 * as often as in the source (markup and page artefacts aside), and the model
 * has no word the source lacks. Corrections count with their original text.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentModel, Inline, Provision } from '../../scripts/lib/model.ts';
import { blockInlines } from '../../scripts/lib/blocks.ts';
import { loadShippedDocuments } from '../support/shipped.ts';
import { receivedText } from '../../scripts/pipeline/convert-archive.ts';

const docs = await loadShippedDocuments();

function inlineWords(content: Inline[]): string {
  return content
    .map((n) => (n.kind === 'text' ? n.text : n.kind === 'correction' ? n.original : n.kind === 'target' ? n.label : n.kind === 'citation' ? n.text : n.n))
    .join('');
}

function modelText(d: DocumentModel): string {
  const parts: string[] = [...d.segments.header];
  const visit = (ps: Provision[]): void => {
    for (const p of ps) {
      parts.push(p.label, inlineWords(p.heading));
      for (const b of p.blocks) {
        // Table cells count like paragraph text; a lost table's placeholder is kept as written.
        if (b.kind === 'gap') parts.push(b.placeholder);
        else parts.push(b.kind === 'bullet' ? b.marker : '', ...blockInlines(b).map(inlineWords));
      }
      visit(p.children);
    }
  };
  visit(d.provisions);
  for (const f of d.footnotes) parts.push(f.n, inlineWords(f.content));
  // One part a line, so a header line kept as written ("---", "_____") is cleaned like the source's line.
  return parts.join('\n');
}

/**
 * Characters of a text, without whitespace and without the markup the
 * normaliser removes (`#` heading marks, `*` emphasis, `<sup>` tags, "• •"
 * page artefacts, rule lines ("-----", "_____"), the pipes and separator rows of tables). Comparing characters, not words,
 * avoids counting a re-joined line or a split-off bullet marker as a change.
 */
function chars(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const cleaned = text
    .normalize('NFC')
    .replace(/<\/?sup>/g, '')
    .replace(/^\s*#{1,6}\s/gm, '')
    .replace(/\*+/g, '')
    .replace(/[•·▪]/g, '')
    // Rule lines (decoration under a name or the motto: "-----", "_____", "***"; format-rules/header-zones.ts).
    .replace(/^\s*[-_=*–—]{3,}\s*$/gm, '')
    // Table markup: separator rows ("|---|:--|", "---- | ----") and cell pipes.
    .replace(/^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$/gm, '')
    .replace(/\|/g, '')
    .replace(/\s+/g, '');
  for (const ch of cleaned) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return counts;
}

function difference(a: Map<string, number>, b: Map<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [w, n] of a) if (n > (b.get(w) ?? 0)) out[w] = n - (b.get(w) ?? 0);
  return out;
}

describe('faithful text', () => {
  for (const d of docs) {
    it(`${d.sourceFile}: no character lost, none added`, async () => {
      // The text as received: the file itself, or what step 00 read from a PDF, DOCX, DOC or scan.
      const source = chars(await receivedText('content/sources', d.sourceFile));
      // Page numbers, gazette running heads, e-signature stamps and stray OCR marks are the only text allowed to go, and each is reported.
      // (Split words re-joined by the normaliser lose a space only, which chars() ignores.)
      const removed = d.quality.filter((q) => /^đã bỏ (số trang|dòng đầu trang Công báo|dấu chữ ký số|ký tự rời)/.test(q.message)).map((q) => q.text ?? '').join('');
      const model = chars(modelText(d) + removed);
      expect(difference(source, model)).toEqual({});
      expect(difference(model, source)).toEqual({});
    });
  }
});
