/**
 * Structure: segmented lines -> the document's provision list, with the
 * fixed ids of the non-numbered parts (mo-dau, can-cu, ket-thuc, noi-nhan,
 * chu-ky), slug ids for unnumbered headings, inline targets "(1) ... (2)",
 * annexes after the signature (ids under the annex's slug), and unique ids
 * within the document.
 */
import type { Line } from '../02-normalise/index.ts';
import { PREAMBLE_START, type Annex, type Segmented } from '../03-segment/index.ts';
import type { Block, Inline, Provision, ProvisionKind, QualityIssue } from '../../lib/model.ts';
import { AsciiSlugger } from '../../lib/slug.ts';
import { buildOutline } from './outline.ts';
import { continuesParagraph, joinLines } from './paragraphs.ts';
import { lostTables, withTables } from './table-blocks.ts';

export interface StructureResult {
  provisions: Provision[];
  issues: QualityIssue[];
}

function fixed(id: string, kind: ProvisionKind, blocks: Block[], heading = ''): Provision {
  return { id, kind, label: '', number: '', heading: heading ? [{ kind: 'text', text: heading }] : [], blocks, children: [] };
}

const para = (text: string): Block => ({ kind: 'paragraph', content: [{ kind: 'text', text }] });

/** Paragraphs by the ordinary joining rule; `startsNew` forces a break (e.g. each "Căn cứ"). */
function paragraphs(lines: Line[], wrapWidth: number, startsNew: (l: Line) => boolean = () => false): Block[] {
  return withTables(lines, (run) => textParagraphs(run, wrapWidth, startsNew));
}

function textParagraphs(lines: Line[], wrapWidth: number, startsNew: (l: Line) => boolean): Block[] {
  const out: string[][] = [];
  let prev: Line | null = null;
  for (const l of lines) {
    // A rule ("---", a markdown thematic break) is decoration, not text.
    if (/^-{3,}$/.test(l.text)) continue;
    const last = out[out.length - 1];
    if (last && prev && !startsNew(l) && continuesParagraph(prev, l, wrapWidth)) last.push(l.text);
    else out.push([l.text]);
    prev = l;
  }
  return out.map((p) => para(joinLines(p)));
}

/** Recipients: "- " starts an item; other lines continue the item before. */
function recipientItems(lines: Line[]): Block[] {
  const items: Array<{ marker: string; parts: string[] }> = [];
  for (const l of lines) {
    // A rule line is decoration between the two columns, not a recipient.
    if (/^[-_=*–—]{3,}$/u.test(l.text)) continue;
    const m = /^([-–+•])\s*(.*)$/.exec(l.text);
    const last = items[items.length - 1];
    if (m && m[1]) items.push({ marker: m[1], parts: [m[2] ?? ''] });
    else if (last) last.parts.push(l.text);
    else items.push({ marker: '', parts: [l.text] });
  }
  return items.map((it) => (it.marker ? { kind: 'bullet', marker: it.marker, content: [{ kind: 'text', text: joinLines(it.parts) }] } : para(joinLines(it.parts))));
}

/** Split "(1) ... (2) ..." inside a provision's paragraphs into target anchors, when they run 1, 2, 3... */
function markTargets(p: Provision): void {
  let next = 1;
  const visit = (content: Inline[]): Inline[] => {
    const out: Inline[] = [];
    for (const node of content) {
      if (node.kind !== 'text') {
        out.push(node);
        continue;
      }
      let rest = node.text;
      const re = /\((\d{1,2})\)/g;
      let last = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(rest)) !== null) {
        if (Number(m[1]) !== next) continue;
        if (m.index > last) out.push({ kind: 'text', text: rest.slice(last, m.index) });
        out.push({ kind: 'target', id: `${p.id}.ct-${next}`, label: m[0] });
        next++;
        last = m.index + m[0].length;
      }
      if (last < rest.length) out.push({ kind: 'text', text: rest.slice(last) });
      rest = '';
    }
    return out;
  };
  // Only provisions whose own text starts a sequence at (1) carry targets (never table cells).
  const own = p.blocks.map((b) => ('content' in b ? b.content.map((c) => (c.kind === 'text' ? c.text : '')).join('') : '')).join(' ');
  if (!/\(1\)[^]*\(2\)/.test(own)) return;
  for (const b of p.blocks) if ('content' in b) b.content = visit(b.content);
}

function walk(ps: Provision[], fn: (p: Provision) => void): void {
  for (const p of ps) {
    fn(p);
    walk(p.children, fn);
  }
}

/** Like walk, with the id prefix of the annex a provision stands in ("quy-che.", or ""). */
function walkIn(ps: Provision[], prefix: string, fn: (p: Provision, prefix: string) => void): void {
  for (const p of ps) {
    fn(p, prefix);
    walkIn(p.children, p.kind === 'annex' ? `${p.id}.` : prefix, fn);
  }
}

/**
 * An annex after the signature (Phụ lục, a regulation "ban hành kèm theo"):
 * its own outline, every id under the annex's id, the slug of its first
 * title line ("PHỤ LỤC I" -> phu-luc-i, so phu-luc-i.I.2; "QUY CHẾ" ->
 * quy-che, so quy-che.dieu-3). ADR 0002, "Annexes".
 */
function annexProvision(annex: Annex, slugger: AsciiSlugger, wrapWidth: number, issues: QualityIssue[]): Provision {
  const id = slugger.slug(annex.heading[0]?.text ?? '');
  const outline = buildOutline(annex.lines, wrapWidth);
  walk(outline.provisions, (p) => {
    if (p.id !== '') p.id = `${id}.${p.id}`;
  });
  issues.push(...outline.issues.map((q) => (q.provision === undefined ? q : { ...q, provision: `${id}.${q.provision}` })));
  return {
    id,
    kind: 'annex',
    label: '',
    number: '',
    heading: annex.heading.length > 0 ? [{ kind: 'text', text: joinLines(annex.heading.map((l) => l.text)) }] : [],
    // The page header repeated above the annex (issuer, national name) is kept, line by line, before its text.
    blocks: [...annex.header.filter((l) => !/^-{3,}$/.test(l.text)).map((l) => para(l.text)), ...outline.intro],
    children: outline.provisions,
  };
}

/** Give unnumbered headings slug ids and make every id unique within the document. */
function assignIds(provisions: Provision[], issues: QualityIssue[], slugger: AsciiSlugger): void {
  const seen = new Set<string>();
  walk(provisions, (p) => {
    if (p.id !== '') slugger.reserve(p.id.toLowerCase());
  });
  walkIn(provisions, '', (p, prefix) => {
    if (p.id === '') {
      const text = p.heading.map((h) => (h.kind === 'text' ? h.text : '')).join('');
      p.id = prefix + slugger.slug(text);
    }
    if (seen.has(p.id)) {
      let n = 2;
      while (seen.has(`${p.id}-${n}`)) n++;
      issues.push({ kind: 'note', message: `mã mục "${p.id}" xuất hiện hai lần; mục sau mang mã "${p.id}-${n}"`, provision: `${p.id}-${n}` });
      p.id = `${p.id}-${n}`;
    }
    seen.add(p.id);
  });
  // Tables: a captioned table by the slug of its caption (the same slugger, so unique), else by its
  // place in its provision ("dieu-2.bang-1"), which no change elsewhere in the document moves.
  walkIn(provisions, '', (p, prefix) => {
    let n = 0;
    for (const b of p.blocks) {
      if (b.kind !== 'table') continue;
      n++;
      const caption = (b.table.caption ?? []).map((c) => (c.kind === 'text' ? c.text : '')).join('').trim();
      b.id = caption ? prefix + slugger.slug(caption) : `${p.id}.bang-${n}`;
    }
  });
}

export function structure(seg: Segmented, wrapWidth: number): StructureResult {
  const issues: QualityIssue[] = [];
  // One slugger per document: annex ids first (in order), then unnumbered headings.
  const slugger = new AsciiSlugger();
  const annexes = seg.annexes.map((a) => annexProvision(a, slugger, wrapWidth, issues));
  const provisions: Provision[] = [];
  if (seg.preamble.length > 0) {
    provisions.push(fixed('can-cu', 'preamble', paragraphs(seg.preamble, wrapWidth, (l) => PREAMBLE_START.test(l.text))));
  }
  if (seg.decision) provisions.push(fixed('', 'heading', [], seg.decision.text));
  const outline = buildOutline(seg.body, wrapWidth);
  issues.push(...outline.issues);
  if (outline.intro.length > 0) provisions.push(fixed('mo-dau', 'intro', outline.intro));
  provisions.push(...outline.provisions);
  if (seg.closing.length > 0) provisions.push(fixed('ket-thuc', 'closing', paragraphs(seg.closing, wrapWidth)));
  if (seg.recipientsLabel || seg.recipients.length > 0) {
    provisions.push(fixed('noi-nhan', 'recipients', withTables(seg.recipients, recipientItems), seg.recipientsLabel?.text ?? ''));
  }
  if (seg.signature.length > 0) provisions.push(fixed('chu-ky', 'signature', withTables(seg.signature, (ls) => ls.map((l) => para(l.text)))));
  provisions.push(...annexes);
  walk(provisions, markTargets);
  assignIds(provisions, issues, slugger);
  issues.push(...lostTables(provisions));
  return { provisions, issues };
}
