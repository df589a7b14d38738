/**
 * Emit: DocumentModel -> MDX text. The MDX is built as an mdast tree and
 * printed by remark's own MDX printer, so every character of source text is
 * escaped ({, }, <, >). The printer does not escape "import"/"export" at the
 * start of a line (MDX would run them as ES modules at build time), so this
 * emitter adds that rule itself (see `UNSAFE_ESM`).
 */
import { toMarkdown, type Options, type Unsafe } from 'mdast-util-to-markdown';
import { mdxToMarkdown } from 'mdast-util-mdx';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { BlockContent, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { Block, DocumentModel, Inline, Provision, Table } from '../../lib/model.ts';
import { inlineText } from './data.ts';
import { fastText } from './safe-text.ts';
import { printTree } from './printer.ts';

/**
 * "import"/"export" at the start of a line would be compiled as ESM by MDX.
 * An unsafe pattern makes the printer write the first letter as a character
 * reference ("&#x65;xport"), which renders as the same text.
 */
export const UNSAFE_ESM: Unsafe[] = [
  { character: 'i', atBreak: true, after: 'mport\\b' },
  { character: 'e', atBreak: true, after: 'xport\\b' },
  { character: 'I', atBreak: true, after: 'MPORT\\b' },
  { character: 'E', atBreak: true, after: 'XPORT\\b' },
];

type Attrs = Record<string, string>;

function attributes(attrs: Attrs): MdxJsxAttribute[] {
  return Object.entries(attrs).map(([name, value]) => ({ type: 'mdxJsxAttribute', name, value }));
}

function textEl(name: string, attrs: Attrs, children: PhrasingContent[]): MdxJsxTextElement {
  return { type: 'mdxJsxTextElement', name, attributes: attributes(attrs), children };
}

function flowEl(name: string, attrs: Attrs, children: Array<BlockContent | MdxJsxFlowElement>): MdxJsxFlowElement {
  return { type: 'mdxJsxFlowElement', name, attributes: attributes(attrs), children: children as MdxJsxFlowElement['children'] };
}

const paragraph = (children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });

export function phrasing(content: Inline[], doc: DocumentModel): PhrasingContent[] {
  return content.map((node): PhrasingContent => {
    switch (node.kind) {
      case 'text':
        return { type: 'text', value: node.text };
      case 'footnoteRef':
        return textEl('sup', { class: 'fnref' }, [textEl('a', { href: `#fn-${node.n}`, id: `fnref-${node.n}` }, [{ type: 'text', value: node.n }])]);
      case 'correction':
        return textEl('ins', { class: 'correction', title: `Nguyên văn: ${node.original}`, 'data-original': node.original }, [{ type: 'text', value: node.corrected }]);
      case 'target':
        return textEl('span', { id: node.id, class: 'target' }, [{ type: 'text', value: node.label }]);
      case 'citation': {
        const c = doc.citations[node.citationIndex];
        const href = c?.href;
        return c && href
          ? textEl(
              'a',
              {
                href,
                class: 'citation',
                ...(c.targetId ? {} : { 'data-unresolved': 'true' }),
                ...(c.targetInferred ? { 'data-inferred': 'true', title: 'Liên kết dựa trên số ký hiệu suy luận, chưa được xác nhận' } : {}),
              },
              [{ type: 'text', value: node.text }],
            )
          : { type: 'text', value: node.text };
      }
    }
  });
}

function labelLink(p: Provision): MdxJsxTextElement {
  return textEl('a', { class: 'provision__label', href: `#${p.id}`, title: 'Liên kết đến mục này' }, [{ type: 'text', value: p.label }]);
}

function blockNode(b: Block, doc: DocumentModel, prefix: PhrasingContent[] = []): Paragraph | MdxJsxFlowElement {
  switch (b.kind) {
    case 'bullet':
      return flowEl('div', { class: 'bullet' }, [
        paragraph([textEl('span', { class: 'bullet__marker' }, [{ type: 'text', value: b.marker }]), { type: 'text', value: ' ' }, ...phrasing(b.content, doc)]),
      ]);
    case 'table':
      return tableNode(b.table, doc, b.id);
    case 'gap':
      return paragraph([textEl('p', { class: 'gap', role: 'note', title: b.placeholder }, [{ type: 'text', value: GAP_TEXT }])]);
    case 'paragraph':
      return paragraph([...prefix, ...phrasing(b.content, doc)]);
  }
}

/** What a reader sees where the source lost a table (a `<jsontable>` placeholder). */
export const GAP_TEXT = '[Bảng bị mất: bản nguồn không còn nội dung của bảng ở chỗ này]';
/** A web copy that lost its header table (issuer, number, place and date): ADR 1001. */
export const HEADER_GAP_TEXT = '[Phần đầu văn bản (cơ quan ban hành, số ký hiệu, địa danh và ngày) bị mất trong bản nguồn]';

/** Tables of a document numbered 1, 2, … in reading order, for their accessible names. */
const tableNumbers = new WeakMap<DocumentModel, Map<Table, number>>();

function tableNumber(doc: DocumentModel, table: Table): number {
  let numbers = tableNumbers.get(doc);
  if (!numbers) {
    const found = new Map<Table, number>();
    const visit = (ps: Provision[]): void => {
      for (const p of ps) {
        for (const b of p.blocks) if (b.kind === 'table') found.set(b.table, found.size + 1);
        visit(p.children);
      }
    };
    visit(doc.provisions);
    tableNumbers.set(doc, found);
    numbers = found;
  }
  return numbers.get(table) ?? 0;
}

/**
 * A table: a focusable, labelled scrolling region (a wide table scrolls, not
 * the page) around a plain HTML table. Header rows get th scope="col"; the
 * first column stays td (the sources give no sign that it names its row). A
 * row shorter than the widest row lost its merged cells in the source: its
 * last cell spans the remaining columns, so the grid stays aligned. Each cell
 * is one line of JSX, so its text is phrasing, escaped like a paragraph's.
 */
/** Characters from which a cell is prose rather than a figure or a label. */
const PROSE_CELL = 40;

function tableNode(t: Table, doc: DocumentModel, id: string | undefined): MdxJsxFlowElement {
  const width = Math.max(1, ...t.rows.map((r) => r.length));
  const row = (cells: Inline[][], header: boolean): MdxJsxFlowElement =>
    flowEl(
      'tr',
      {},
      cells.map((cell, i) => {
        const attrs: Attrs = header ? { scope: 'col' } : {};
        // A cell of prose gets a readable minimum width (src/styles/global.css).
        if (inlineText(cell).length > PROSE_CELL) attrs.class = 'prose';
        if (i === cells.length - 1 && cells.length < width) attrs.colspan = String(width - cells.length + 1);
        return paragraph([textEl(header ? 'th' : 'td', attrs, phrasing(cell, doc))]);
      }),
    );
  const head = t.rows.slice(0, t.headerRows);
  const body = t.rows.slice(t.headerRows);
  const caption = t.caption ? phrasing(t.caption, doc) : null;
  const name = t.caption ? inlineText(t.caption) : `Bảng ${tableNumber(doc, t)}`;
  const parts: Array<BlockContent | MdxJsxFlowElement> = [];
  if (caption) parts.push(paragraph([textEl('caption', {}, caption)]));
  if (head.length > 0) parts.push(flowEl('thead', {}, head.map((r) => row(r, true))));
  if (body.length > 0) parts.push(flowEl('tbody', {}, body.map((r) => row(r, false))));
  return flowEl('div', { ...(id ? { id } : {}), class: 'table-scroll', role: 'region', 'aria-label': name, tabindex: '0' }, [flowEl('table', {}, parts)]);
}

function provisionNode(p: Provision, depth: number, doc: DocumentModel): MdxJsxFlowElement {
  const children: Array<BlockContent | MdxJsxFlowElement> = [];
  const hasLabel = p.label !== '';
  let blocks = p.blocks;
  if (p.heading.length > 0) {
    const level = Math.min(2 + depth, 6);
    const inner: PhrasingContent[] = hasLabel ? [labelLink(p), { type: 'text', value: ' ' }, ...phrasing(p.heading, doc)] : phrasing(p.heading, doc);
    children.push(paragraph([textEl(`h${level}`, { class: 'provision__heading' }, inner)]));
  } else if (hasLabel) {
    const [first, ...rest] = blocks;
    const prefix: PhrasingContent[] = [labelLink(p), { type: 'text', value: ' ' }];
    children.push(first && first.kind === 'paragraph' ? blockNode(first, doc, prefix) : paragraph([labelLink(p)]));
    blocks = first && first.kind === 'paragraph' ? rest : blocks;
  }
  for (const b of blocks) children.push(blockNode(b, doc));
  for (const c of p.children) children.push(provisionNode(c, depth + 1, doc));
  return flowEl('section', { id: p.id, class: `provision provision--${p.kind}`, 'data-provision': p.id }, children);
}

const lineParagraph = (t: string): Paragraph => paragraph([{ type: 'text', value: t }]);
const headerGap = (placeholder: string): Paragraph => paragraph([textEl('span', { class: 'gap', role: 'note', title: placeholder }, [{ type: 'text', value: HEADER_GAP_TEXT }])]);

/**
 * The document's own header (`#dau-van-ban`). With a layout (ADR 1402): the
 * issuer's column and the national name's column side by side, the type,
 * title and enacting line centred below (src/styles/document-header.css).
 * Without one, the lines centred as they are.
 */
function headerNode(doc: DocumentModel): MdxJsxFlowElement {
  const layout = doc.segments.layout;
  if (!layout) {
    const gaps = new Set(doc.segments.headerGaps ?? []);
    return flowEl('div', { class: 'source-header', id: 'dau-van-ban' }, doc.segments.header.map((t, i) => (gaps.has(i) ? headerGap(t) : lineParagraph(t))));
  }
  const parts: Array<BlockContent | MdxJsxFlowElement> = [];
  if (layout.top.length > 0) parts.push(flowEl('div', { class: 'source-header__top' }, layout.top.map(lineParagraph)));
  if (layout.gap !== undefined) parts.push(headerGap(layout.gap));
  if (layout.left.length + layout.right.length > 0) {
    parts.push(
      flowEl('div', { class: 'source-header__columns' }, [
        flowEl('div', { class: 'source-header__left' }, layout.left.map(lineParagraph)),
        flowEl('div', { class: 'source-header__right' }, layout.right.map(lineParagraph)),
      ]),
    );
  }
  if (layout.centre.length > 0) parts.push(flowEl('div', { class: 'source-header__centre' }, layout.centre.map(lineParagraph)));
  return flowEl('div', { class: 'source-header source-header--official', id: 'dau-van-ban' }, parts);
}

export function toMdxTree(doc: DocumentModel): Root {
  const children: RootContent[] = [];
  if (doc.segments.header.length > 0) children.push(headerNode(doc));
  for (const p of doc.provisions) children.push(provisionNode(p, 0, doc));
  if (doc.footnotes.length > 0) {
    const items = doc.footnotes.map((f) =>
      flowEl('li', { id: `fn-${f.n}` }, [
        paragraph([...phrasing(f.content, doc), { type: 'text', value: ' ' }, textEl('a', { href: `#fnref-${f.n}`, class: 'fnback', title: 'Quay lại chỗ chú thích' }, [{ type: 'text', value: '↩' }])]),
      ]),
    );
    children.push(flowEl('section', { class: 'footnotes', id: 'chu-thich' }, [paragraph([textEl('h2', {}, [{ type: 'text', value: 'Chú thích' }])]), flowEl('ol', {}, items)]));
  }
  return { type: 'root', children };
}

/** The printer's configuration: MDX, the ESM rule above, the cheaper text handler. */
export const PRINT_OPTIONS: Options = { extensions: [mdxToMarkdown()], unsafe: UNSAFE_ESM, handlers: { text: fastText } };

/** The tree printed as the library prints it (`printTree`: the same text, directly; the library for anything else). */
export function printMdx(tree: Root): string {
  return printTree(tree, PRINT_OPTIONS) ?? toMarkdown(tree, PRINT_OPTIONS);
}

/** The whole MDX file: a minimal frontmatter (the id) and the printed tree. */
export function emitMdx(doc: DocumentModel): string {
  const body = printMdx(toMdxTree(doc));
  return `---\nid: ${JSON.stringify(doc.id)}\n---\n\n${body}`;
}
