/**
 * The direct printer (scripts/pipeline/08-emit/printer.ts) writes what
 * mdast-util-to-markdown + mdast-util-mdx write for the emitter's trees,
 * byte for byte: on every shipped document, on documents whose every text
 * slot holds hostile text, and on raw trees with neighbouring texts. The
 * library is run both with the emitter's text handler (what emitMdx used
 * before) and with its own (the reference).
 */
import { describe, expect, it } from 'vitest';
import { toMarkdown } from 'mdast-util-to-markdown';
import { mdxToMarkdown } from 'mdast-util-mdx';
import type { PhrasingContent, Root } from 'mdast';
import type { DocumentModel, Inline, Provision } from '../../scripts/lib/model.ts';
import { PRINT_OPTIONS, UNSAFE_ESM, emitMdx, printMdx, toMdxTree } from '../../scripts/pipeline/08-emit/mdx.ts';
import { printTree } from '../../scripts/pipeline/08-emit/printer.ts';
import { loadShippedDocuments } from '../support/shipped.ts';

const LIBRARY = { extensions: [mdxToMarkdown()], unsafe: UNSAFE_ESM };

function expectSame(tree: Root, label: string): void {
  const direct = printTree(tree, PRINT_OPTIONS);
  expect(direct, `${label}: printed directly`).not.toBeNull();
  expect(direct, label).toBe(toMarkdown(tree, PRINT_OPTIONS));
  expect(direct, `${label} (library's own text handler)`).toBe(toMarkdown(tree, LIBRARY));
}

const HOSTILE = [
  '',
  ' ',
  '{',
  '}',
  '{process.exit(1)}',
  '<',
  '<script>alert(1)</script>',
  '<https://example.org>',
  'http://example.org/a_b_c',
  'a < b > c',
  '*',
  '* sao *nhấn* **đậm**',
  '_',
  'a_b __c__ _d_ e_',
  '#',
  '# tiêu đề',
  '| a | b |',
  '`',
  '``mã``',
  '&',
  '&amp; &#123; &x',
  '1.',
  '1. Mục tiêu',
  '12) khoản',
  '> trích',
  'a\n> trích',
  'cuối  ',
  'cuối\t',
  '\tđầu',
  '   thụt',
  '\\',
  'a \\ b \\* c \\',
  '[liên kết](http://x)',
  '![ảnh](y)',
  ']( [x]',
  '!',
  '- gạch',
  '+ cộng',
  '= bằng',
  '~~gạch~~ ~',
  'export const x = 1',
  'import fs from "node:fs"',
  'EXPORT x',
  'exports',
  'e',
  'i',
  'dòng\nmới\r\n  thụt lề\rcũ',
  '\n',
  'a\n\nb',
  '    mã thụt',
  '"ngoặc" \'đơn\'',
  'Tab\tvà\u0001điều khiển\u007f',
  '😀 chữ 𝒜',
  '(a) [b] 100% 5/2025/NQ-HĐND;',
];

const text = (t: string): Inline => ({ kind: 'text', text: t });

/** A document with `a` and `b` in every place the emitter prints source text. */
function hostileDocument(a: string, b: string, layout: boolean): DocumentModel {
  const inlines: Inline[] = [
    text(a),
    { kind: 'footnoteRef', n: '1' },
    text(b),
    { kind: 'correction', original: `${a}"${b}`, corrected: b },
    { kind: 'target', id: 't-1', label: a },
    { kind: 'citation', text: b, citationIndex: 0 },
    { kind: 'citation', text: a, citationIndex: 1 },
    text(a),
    text(b),
  ];
  const child: Provision = { id: 'II.3.a', kind: 'point', label: a, number: 'a', heading: [], blocks: [{ kind: 'paragraph', content: [text(b), text(a)] }], children: [] } as unknown as Provision;
  const provision: Provision = {
    id: 'II.3',
    kind: 'section',
    label: b,
    number: '3',
    heading: [text(a), text(b)],
    blocks: [
      { kind: 'paragraph', content: inlines },
      { kind: 'paragraph', content: [text(b)] },
      { kind: 'bullet', marker: a, content: [text(b), text(a)] },
      {
        kind: 'table',
        id: 'bang-1',
        table: { caption: [text(a)], headerRows: 1, rows: [[[text(a)], [text(b)], []], [[text(`${a}${b}`.repeat(5)), text(b)]], [[], [text(a)], [text(b)]]] },
      },
      { kind: 'table', table: { caption: null, headerRows: 0, rows: [[[text(b)]]] } },
      { kind: 'gap', what: 'table', placeholder: `${a}"${b}` },
    ],
    children: [child, { ...child, id: 'II.3.b', label: '', blocks: [{ kind: 'gap', what: 'table', placeholder: b }] } as Provision],
  } as unknown as Provision;
  const labelOnly: Provision = { id: 'II.4', kind: 'section', label: a, number: '4', heading: [], blocks: [{ kind: 'paragraph', content: inlines.slice(0, 3) }], children: [] } as unknown as Provision;
  return {
    id: 'hostile',
    url: '/van-ban/x/2024/1-nq-tu/',
    provisional: false,
    sourceFile: 'x.txt',
    sourceSha256: '',
    meta: {} as DocumentModel['meta'],
    segments: layout
      ? { header: [a, b], closingLines: [], layout: { top: [a], left: [b, a], right: [], centre: [a, b], gap: b } }
      : { header: [a, b, `${b} ${a}`], headerGaps: [1], closingLines: [] },
    provisions: [provision, labelOnly],
    footnotes: [{ n: '1', content: [text(b), text(a)] }],
    citations: [
      { text: b, href: `/van-ban/${a}/`, targetId: null, targetInferred: true },
      { text: a, href: '', targetId: 'x', targetInferred: false },
    ] as unknown as DocumentModel['citations'],
    quality: [],
  } as DocumentModel;
}

const t = (value: string): PhrasingContent => ({ type: 'text', value });
const el = (name: string, children: PhrasingContent[]): PhrasingContent => ({ type: 'mdxJsxTextElement', name, attributes: [], children }) as PhrasingContent;

/** Neighbouring texts and elements in shapes the emitter does not build today, at the root and in elements. */
function rawTree(a: string, b: string): Root {
  const phrasing: PhrasingContent[] = [t(a), t(b), el('b', [t(b), el('i', [t(a)]), t('')]), t(''), t(a), el('i', []), t(b)];
  return {
    type: 'root',
    children: [
      { type: 'paragraph', children: phrasing },
      { type: 'mdxJsxFlowElement', name: 'div', attributes: [], children: [] },
      {
        type: 'mdxJsxFlowElement',
        name: 'section',
        attributes: [{ type: 'mdxJsxAttribute', name: 'data-x', value: `${a}"${b}` }, { type: 'mdxJsxAttribute', name: 'hidden', value: null }],
        children: [{ type: 'paragraph', children: phrasing }, { type: 'mdxJsxFlowElement', name: 'div', attributes: [], children: [{ type: 'paragraph', children: [t(b)] }] }],
      },
    ],
  } as Root;
}

describe('direct MDX printer', () => {
  it('prints every hostile text next to every other as the library does', () => {
    for (const a of HOSTILE) for (const b of HOSTILE) expectSame(rawTree(a, b), `${JSON.stringify(a)} + ${JSON.stringify(b)}`);
  }, 60_000);

  it('prints every hostile text in every slot of a document (with and without a header layout) as the library does', () => {
    HOSTILE.forEach((a, i) => {
      // Each text with itself, the empty text and a few others (every pair is the test above).
      for (const b of [a, '', HOSTILE[(i + 1) % HOSTILE.length]!, HOSTILE[(i + 7) % HOSTILE.length]!, HOSTILE[(i + 19) % HOSTILE.length]!]) {
        for (const layout of [false, true]) expectSame(toMdxTree(hostileDocument(a, b, layout)), `${JSON.stringify(a)} + ${JSON.stringify(b)}${layout ? ' (layout)' : ''}`);
      }
    });
  }, 60_000);

  it('leaves what it does not handle to the library', () => {
    const expression: Root = { type: 'root', children: [{ type: 'mdxJsxFlowElement', name: 'div', attributes: [{ type: 'mdxJsxExpressionAttribute', value: '...x' }], children: [] }] } as Root;
    const emphasis: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'emphasis', children: [t('a')] }] }] };
    const phrasingRoot: Root = { type: 'root', children: [t('a') as Root['children'][number]] };
    for (const tree of [expression, emphasis, phrasingRoot]) {
      expect(printTree(tree, PRINT_OPTIONS)).toBeNull();
      expect(printMdx(tree)).toBe(toMarkdown(tree, PRINT_OPTIONS));
    }
    // A text handler other than the emitter's: the library prints.
    expect(printTree(rawTree('a', 'b'), LIBRARY)).toBeNull();
  });

  it('prints every shipped document as the library does', async () => {
    const documents = await loadShippedDocuments();
    expect(documents.length).toBeGreaterThan(100);
    for (const d of documents) {
      expectSame(toMdxTree(d), d.sourceFile);
      expect(emitMdx(d).endsWith(toMarkdown(toMdxTree(d), PRINT_OPTIONS))).toBe(true);
    }
  }, 120_000);
});
