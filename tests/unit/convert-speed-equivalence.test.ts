/**
 * The converter's fast paths give exactly what the slow ones gave:
 * - MDX emission's `text` handler (08-emit/safe-text.ts) against
 *   mdast-util-to-markdown's own, on texts full of markdown and MDX syntax;
 * - the packed shingles of duplicates.ts against shingles() + jaccard().
 */
import { describe, expect, it } from 'vitest';
import { toMarkdown } from 'mdast-util-to-markdown';
import { mdxToMarkdown } from 'mdast-util-mdx';
import type { Root } from 'mdast';
import { UNSAFE_ESM } from '../../scripts/pipeline/08-emit/mdx.ts';
import { fastText } from '../../scripts/pipeline/08-emit/safe-text.ts';
import { jaccard, shingled, shingledJaccard, shingles } from '../../scripts/pipeline/duplicates.ts';

const TRICKY = [
  'Điều 1. Phê duyệt {kế hoạch} <b>năm</b> 2025',
  '1. Mục tiêu',
  '- gạch đầu dòng',
  '+ cộng',
  '* sao *nhấn* **đậm**',
  '# tiêu đề',
  'import x from "y"',
  'export const a = 1',
  'a_b __c__ _d_ e_',
  '[liên kết](http://x) ![ảnh]',
  'dòng\nmới\r\n  thụt lề',
  '    mã thụt',
  '&amp; &#123; & một',
  '`mã` ~~gạch~~ ~ = > < 1) 2.',
  'a \\ b \\* c \\',
  '100% 5/2025/NQ-HĐND; (a) [b]',
  '   ',
  'Tab\tvà\u0001điều khiển\u007f',
];

function tree(values: string[]): Root {
  return {
    type: 'root',
    children: values.flatMap((v, i) => [
      { type: 'paragraph', children: [{ type: 'text', value: v }] },
      {
        type: 'mdxJsxFlowElement',
        name: 'section',
        attributes: [{ type: 'mdxJsxAttribute', name: 'id', value: `s${i}` }],
        children: [
          {
            type: 'paragraph',
            children: [
              { type: 'text', value: v },
              { type: 'mdxJsxTextElement', name: 'a', attributes: [], children: [{ type: 'text', value: v }] },
              { type: 'text', value: ` ${v} ` },
            ],
          },
        ],
      },
    ]),
  } as Root;
}

describe('fastText: the printer text handler, cheaper', () => {
  it('prints every tricky text, alone and among elements, as the printer does', () => {
    const values = [...TRICKY, ...TRICKY.flatMap((a) => TRICKY.map((b) => `${a} ${b}`))];
    for (const v of values) {
      const t = tree([v]);
      const slow = toMarkdown(t, { extensions: [mdxToMarkdown()], unsafe: UNSAFE_ESM });
      const fast = toMarkdown(t, { extensions: [mdxToMarkdown()], unsafe: UNSAFE_ESM, handlers: { text: fastText } });
      expect(fast, JSON.stringify(v)).toBe(slow);
    }
  });
});

describe('shingledJaccard: packed shingles, same values', () => {
  const texts = [
    'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015; Ủy ban nhân dân tỉnh quyết định:',
    'CAN CU LUAT TO CHUC CHINH QUYEN DIA PHUONG NGAY 19 6 2015 UY BAN NHAN DAN TINH QUYET DINH',
    'Căn cứ Luật Tổ chức chính quy ền địa phương ngày 20/6/2015; Hội đồng nhân dân tỉnh quyết nghị:',
    'Điều 1. Phê duyệt kế hoạch phát triển kinh tế - xã hội năm 2025 của thành phố.',
    'ngắn',
    '',
    'Ελληνικά κείμενα και chữ Việt trộn lẫn với nhau trong một văn bản dài hơn mười hai',
  ];
  it('equals jaccard(shingles(a), shingles(b)) for every pair, and -1 only when below the floor', () => {
    for (const a of texts) {
      for (const b of texts) {
        const exact = jaccard(shingles(a), shingles(b));
        expect(shingledJaccard(shingled(a), shingled(b))).toBe(exact);
        const floored = shingledJaccard(shingled(a), shingled(b), 0.73);
        if (floored === -1) expect(exact).toBeLessThan(0.73);
        else expect(floored).toBe(exact);
      }
    }
  });
});
