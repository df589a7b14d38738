/** Provision sub-results and excerpts (src/scripts/search-subresults.ts, docs/decisions/0602). */
import { describe, expect, it } from 'vitest';
import type { PagefindAnchor } from '../../src/scripts/pagefind-loader.ts';
import { addSearchTitles, shortTitle } from '../../src/scripts/search-anchors.ts';
import { planQuery } from '../../src/scripts/search-query.ts';
import { matchLevel, matchPage } from '../../src/scripts/search-subresults.ts';

/** A page as Pagefind gives it: words, and section anchors at word positions. */
function page(parts: Array<[string | null, string]>): { content: string; anchors: PagefindAnchor[] } {
  const words: string[] = [];
  const anchors: PagefindAnchor[] = [];
  for (const [id, text] of parts) {
    if (id) anchors.push({ element: id.includes('.ct-') ? 'span' : 'section', id, text: '', title: id.includes('.ct-') ? undefined : `Tiêu đề ${id}`, location: words.length });
    words.push(...text.split(' '));
  }
  return { content: words.join(' '), anchors };
}

describe('match levels', () => {
  const [dang] = planQuery('dang').tokens;
  const [dangMarked] = planQuery('đảng').tokens;
  const [uy] = planQuery('uỷ').tokens;
  const [n176] = planQuery('176').tokens;
  const [sym] = planQuery('NQ/TU').tokens;
  it('matches whole words, folded, and as typed', () => {
    expect(matchLevel('Đảng', dang!)).toBe(2);
    expect(matchLevel('dạng', dang!)).toBe(2);
    expect(matchLevel('Đảng,', dangMarked!)).toBe(2);
    expect(matchLevel('đang', dangMarked!)).toBe(1);
    expect(matchLevel('đảngviên', dangMarked!)).toBe(0);
    expect(matchLevel('ủy.', uy!)).toBe(2);
  });
  it('matches numbers and symbol pieces inside longer symbols', () => {
    expect(matchLevel('176/NQ-HĐND', n176!)).toBe(2);
    expect(matchLevel('2176/NQ-HĐND', n176!)).toBe(0);
    expect(matchLevel('09-NQ/TU,', sym!)).toBe(2);
    expect(matchLevel('NQ-TU', sym!)).toBe(2);
  });
});

describe('sub-results', () => {
  const doc = page([
    ['dau-van-ban', 'TỈNH UỶ QUẢNG NINH Số 09 - NQ/TU'],
    ['I', 'I- MỤC TIÊU'],
    ['I.1', '1- Ban Chấp hành Đảng bộ tỉnh xác định dạng bộ mới'],
    ['I.2', '2- Các chỉ tiêu chủ yếu: đảng viên đạt 75%.'],
    ['I.2.ct-1', '(1) Tỷ lệ xã đạt chuẩn nông thôn mới 100%.'],
    [null, 'Một câu dài thêm cho chỉ tiêu này với nhiều từ để vượt quá tầm với của chỉ tiêu nội tuyến như thế này đủ bốn mươi từ một hai ba bốn năm sáu bảy tám chín mười một hai ba bốn năm sáu bảy tám chín mười nông thôn'],
    ['noi-nhan', 'Nơi nhận: - Các đảng bộ trực thuộc'],
  ]);
  const hits = (q: string) => matchPage(doc.content, doc.anchors, [], planQuery(q).tokens);

  it('ranks the provision holding the phrase first and names it', () => {
    const found = hits('dang bo');
    expect(found.subs[0]!.id).toBe('I.1');
    expect(found.subs[0]!.label).toBe('Mục I.1');
    expect(found.subs[0]!.heading).toBe('Tiêu đề I.1');
    // The real text, marks and all, with the hits marked.
    expect(found.subs[0]!.excerpt).toContain('<mark>Đảng</mark> <mark>bộ</mark>');
    // Recipients hold the phrase too, but rank after the text itself.
    expect(found.subs.map((s) => s.id)).toEqual(['I.1', 'noi-nhan', 'I.2']);
  });

  it('gives an inline target only the words near it; later hits go to its provision', () => {
    const found = hits('nông thôn mới');
    expect(found.subs[0]!.id).toBe('I.2.ct-1');
    expect(found.subs[0]!.label).toBe('Mục I.2, chỉ tiêu (1)');
    const i2 = found.subs.find((s) => s.id === 'I.2');
    expect(i2?.excerpt).toContain('<mark>nông</mark> <mark>thôn</mark>');
  });

  it('with marks typed, words that only fold alike are not marked', () => {
    const found = hits('mới');
    expect(found.subs.every((s) => !/mark>mọi/.test(s.excerpt))).toBe(true);
    expect(found.subs[0]!.excerpt).toContain('<mark>mới</mark>');
  });

  it('escapes the text', () => {
    const p = page([['I', 'a <b> & "c" nông']]);
    const found = matchPage(p.content, p.anchors, [], planQuery('nong').tokens);
    expect(found.subs[0]!.excerpt).toBe('a &#60;b&#62; &#38; &#34;c&#34; <mark>nông</mark>');
  });
});

describe('provision titles at build time', () => {
  it('adds data-pagefind-title to provision sections from the outline, escaped and short', () => {
    const html = '<section id="II.3" class="provision" data-provision="II.3"><p>x</p></section><section id="x"><p>y</p></section>';
    const out = addSearchTitles(html, [{ id: 'II.3', title: 'Nhiệm vụ "trọng tâm" & giải pháp' }]);
    expect(out).toBe('<section id="II.3" class="provision" data-provision="II.3" data-pagefind-title="Nhiệm vụ &quot;trọng tâm&quot; &amp; giải pháp"><p>x</p></section><section id="x"><p>y</p></section>');
    expect(shortTitle('a '.repeat(80)).length).toBeLessThanOrEqual(91);
    expect(shortTitle('a '.repeat(80)).endsWith('…')).toBe(true);
  });
});
