/**
 * The page-weight measure of issue 12 (scripts/build/page-weight.ts): HTML
 * bytes over the bytes of the text a reader sees.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distWeight, pageWeight, visibleText } from '../../scripts/build/page-weight.ts';

describe('visible text', () => {
  it('is the body text without scripts, styles, templates, hidden elements and attribute values', () => {
    const html =
      '<!DOCTYPE html><html><head><title>Tiêu đề</title><style>p{color:red}</style></head>' +
      '<body><p class="x" title="không thấy">Điều 1.</p><script>var a = "<p>x</p>";</script>' +
      '<template><p>mẫu</p></template><div hidden><p>ẩn <b>đậm</b></p><br></div>' +
      '<p>sau &amp; <img alt="ảnh" src="a.png">   hết</p>\n\n<style>.y{}</style></body></html>';
    expect(visibleText(html)).toBe('Điều 1.sau & hết');
  });

  it('counts whitespace runs as one space and trims the ends', () => {
    expect(visibleText('<body>\n  <p>a\n\t b</p>  <p> c </p>\n</body>')).toBe('a b c');
  });
});

describe('pageWeight', () => {
  it('divides UTF-8 bytes of the HTML by UTF-8 bytes of the visible text', () => {
    const html = '<body><p>Nghị quyết</p></body>';
    const w = pageWeight(html);
    expect(w.htmlBytes).toBe(Buffer.byteLength(html));
    expect(w.textBytes).toBe(Buffer.byteLength('Nghị quyết')); // "ị" and "ế" are 3 bytes each
    expect(w.textBytes).toBe(14);
    expect(w.ratio).toBeCloseTo(w.htmlBytes / 14, 10);
  });

  it('grows with markup a reader does not see', () => {
    const text = '<p>Điều 1. Phê chuẩn</p>';
    const plain = pageWeight(`<body>${text}</body>`);
    const tooled = pageWeight(`<body><section id="dieu-1"><span class="prov-tools"><button hidden data-cite="dieu-1"></button></span>${text}</section></body>`);
    expect(tooled.textBytes).toBe(plain.textBytes);
    expect(tooled.ratio).toBeGreaterThan(plain.ratio);
  });
});

describe('distWeight', () => {
  it('reads document pages only and reports median, p90, max and the worst first', () => {
    const dist = mkdtempSync(join(tmpdir(), 'page-weight-'));
    try {
      const page = (path: string, html: string) => {
        mkdirSync(join(dist, path), { recursive: true });
        writeFileSync(join(dist, path, 'index.html'), html);
      };
      page('van-ban/a/2024/1-nq', '<body><p>abcdefghij</p></body>'); // 30 / 10
      page('van-ban/a/2024/2-nq', '<body><div><p>abcdefghij</p></div></body>'); // 41 / 10
      page('van-ban/b/2023/3-nq', '<body><section><div><p>abcdefghij</p></div></section></body>'); // 60 / 10
      page('van-ban/a', '<body><p>listing page, not a document</p><p>x</p></body>');
      page('tim-kiem', '<body><div><div><div><p>x</p></div></div></div></body>');
      const w = distWeight(dist, 2);
      expect(w.pages).toBe(3);
      expect(w.median).toBeCloseTo(4.1, 10);
      expect(w.max).toBeCloseTo(6, 10);
      expect(w.worst.map((r) => r.page)).toEqual(['van-ban/b/2023/3-nq/index.html', 'van-ban/a/2024/2-nq/index.html']);
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
