/**
 * Tables on the built page (docs/decisions/1003-tables.md), on a site built
 * from 118 alone (Quyết định 01/2025/QĐ-UBND of Hà Nội, whose annexes are
 * price tables): a real <table> with column header cells inside a labelled
 * scrolling region, cell text searchable, and at 360 px the table scrolls,
 * not the page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/paths.ts';
import { useTempSite } from '../support/temp-site.ts';
import { readDocumentsJson } from '../support/site.ts';

const F118 = '118_hanoi_vanbangoc_qd_01_2025_llm_md.txt';
const SOURCE = readFileSync(join(PROJECT_ROOT, 'content', 'sources', F118), 'utf8');
/** A word that stands only in table cells of 118 ("Giếng khoan sâu ≤ 25m", Phụ lục III). */
const CELL_ONLY = 'khoan';

const site = useTempSite((content) => {
  // Only 118: the shipped catalog, corrections, aliases and published URLs concern other sources.
  for (const name of readdirSync(join(content.dir, 'sources'))) if (name !== F118) content.remove(`sources/${name}`);
  content.write('catalog.yaml', 'documents: []\n');
  content.write('corrections.yaml', 'corrections: []\n');
  content.write('aliases.yaml', '');
  content.write('published-urls.txt', '');
});

function url118(): string {
  const doc = readDocumentsJson(site.distDir).find((d) => d.number_symbol === '01/2025/QĐ-UBND');
  if (!doc) throw new Error('118 (01/2025/QĐ-UBND) is not in documents.json');
  return doc.url;
}

describe('tables of 118 (01/2025/QĐ-UBND)', () => {
  it('the fixture word stands in table rows of the source and nowhere else', () => {
    const lines = SOURCE.split('\n').filter((l) => l.toLowerCase().includes(CELL_ONLY));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.trim().startsWith('|'))).toBe(true);
  });

  it('shows a <table> with column header cells, in a labelled scrolling region inside the indexed body', async () => {
    const { page, response, problemList } = await site.open(url118());
    expect(response?.status()).toBe(200);
    const tables = page.locator('.doc table');
    expect(await tables.count()).toBeGreaterThanOrEqual(3);
    const first = tables.first();
    const headers = (await first.locator('thead th[scope="col"]').allInnerTexts()).map((t) => t.normalize('NFC').trim());
    expect(headers.slice(0, 3)).toEqual(['Stt', 'LOẠI NHÀ', 'Đơn giá xây dựng (đồng/m² sàn xây dựng)']);
    expect(headers).toContain('Chưa bao gồm VAT');
    const cells = (await first.locator('tbody td').allInnerTexts()).map((t) => t.normalize('NFC').trim());
    expect(cells).toContain('- Nhà có khu phụ');
    expect(cells).toContain('2.414.600');

    const region = page.getByRole('region', { name: 'Bảng 1' });
    await expect(region.count()).resolves.toBe(1);
    await expect(region.getAttribute('tabindex')).resolves.toBe('0');
    // Pagefind indexes only what stands inside data-pagefind-body.
    const inBody = await first.evaluate((t) => t.closest('[data-pagefind-body]') !== null);
    expect(inBody).toBe(true);
    expect(problemList()).toEqual([]);
  });

  it('a phrase found only in a table cell is found by the search', async () => {
    const { page, problemList } = await site.open(`/tim-kiem/?q=${encodeURIComponent(CELL_ONLY)}`);
    await page.waitForFunction(() => document.querySelector('#search-results > li') !== null, null, { timeout: 30_000 });
    const hrefs = await page.locator('#search-results .result__title a').evaluateAll((as) => as.map((a) => new URL(a.getAttribute('href') ?? '', location.href).pathname));
    expect(hrefs).toContain(url118());
    // Found by the cell's own word, not by a looser match elsewhere in the text.
    const marks = (await page.locator('#search-results mark').allInnerTexts()).map((m) => m.normalize('NFC').toLowerCase());
    expect(marks).toContain(CELL_ONLY);
    expect(problemList()).toEqual([]);
  });

  it('at 360 px the wide table scrolls inside its box and the page does not scroll sideways', async () => {
    const { page, problemList } = await site.open(url118());
    await page.setViewportSize({ width: 360, height: 740 });
    const widths = await page.evaluate(() => {
      const box = document.querySelector('.table-scroll') as HTMLElement;
      return { page: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth, box: box.clientWidth, table: box.scrollWidth };
    });
    expect(widths.page).toBeLessThanOrEqual(widths.viewport);
    // The table is wider than its box (so the box is what scrolls).
    expect(widths.table).toBeGreaterThan(widths.box);
    expect(problemList()).toEqual([]);
  });
});
