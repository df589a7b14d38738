/**
 * Source text is data: whatever it contains, the emitted MDX compiles (with
 * Sätteri, the engine Astro uses) to a module whose only code is the MDX
 * runtime's, and the text shows up as text.
 */
import { describe, expect, it } from 'vitest';
import { mdxToJs } from 'satteri';
import { toMarkdown } from 'mdast-util-to-markdown';
import { mdxToMarkdown } from 'mdast-util-mdx';
import type { DocumentModel, Provision } from '../../scripts/lib/model.ts';
import { emitMdx } from '../../scripts/pipeline/08-emit/mdx.ts';
import { loadShippedDocuments } from '../support/shipped.ts';

const HOSTILE = [
  'export const x = 1',
  'import fs from "node:fs"',
  '<script>alert(1)</script>',
  '{process.exit(1)}',
  '<img src=x onerror=alert(1)>',
  '# not a heading * not emphasis * [not](a link) --- "quotes"',
  'export default function () {}',
];

function docWith(lines: string[]): DocumentModel {
  const p: Provision = {
    id: 'II.3', kind: 'section', label: '3-', number: '3',
    heading: [{ kind: 'text', text: 'import { x } from "y"' }],
    blocks: lines.map((t) => ({ kind: 'paragraph' as const, content: [{ kind: 'text' as const, text: t }] })),
    children: [],
  };
  return {
    id: 'test-doc', url: '/van-ban/x/2024/1-nq-tu/', provisional: false, sourceFile: 'x.txt', sourceSha256: '',
    meta: {} as DocumentModel['meta'], segments: { header: ['{header}', 'export let h = 2'], closingLines: [] },
    provisions: [p], footnotes: [], citations: [], quality: [],
  };
}

/** Top-level statements of the compiled module other than the MDX runtime's own. */
function foreignCode(js: string): string[] {
  return js
    .split('\n')
    .filter((l) => /^(import|export)\b/.test(l))
    .filter((l) => !/^import \{ Fragment as _Fragment, jsx as _jsx, jsxs as _jsxs \} from "react\/jsx-runtime";$/.test(l) && l !== 'export default MDXContent;');
}

describe('MDX emitter', () => {
  it('the unpatched printer would let "export" through (the hole this emitter closes)', () => {
    const tree = { type: 'root' as const, children: [{ type: 'paragraph' as const, children: [{ type: 'text' as const, value: 'export const x = 1' }] }] };
    const raw = toMarkdown(tree, { extensions: [mdxToMarkdown()] });
    expect(foreignCode(mdxToJs(raw).code)).toContain('export const x = 1;');
  });

  it('compiles hostile text to inert text', () => {
    const mdx = emitMdx(docWith(HOSTILE));
    const js = mdxToJs(mdx.replace(/^---[^]*?---\n/, '')).code;
    expect(foreignCode(js)).toEqual([]);
    for (const line of [...HOSTILE, 'import { x } from "y"', '{header}', 'export let h = 2']) {
      // Each line appears as a JSX string child: text, not code.
      expect(js).toContain(JSON.stringify(line).slice(1, -1).replace(/<\//g, '<\\/'));
    }
  });

  it('gives every provision an element with its id and a permalink label', () => {
    const mdx = emitMdx(docWith(['a']));
    expect(mdx).toContain('<section id="II.3" class="provision provision--section" data-provision="II.3">');
    expect(mdx).toContain('<a class="provision__label" href="#II.3" title="Liên kết đến mục này">3-</a>');
  });

  // Every shipped document (134 real texts: tables, annexes, quotations): converting and compiling them all takes a few seconds.
  it('emits every shipped document as MDX that compiles with no code of its own', async () => {
    for (const d of await loadShippedDocuments()) {
      const js = mdxToJs(emitMdx(d).replace(/^---[^]*?---\n/, '')).code;
      expect(foreignCode(js), d.sourceFile).toEqual([]);
    }
  }, 60_000);
});
