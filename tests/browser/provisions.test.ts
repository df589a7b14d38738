/**
 * Every provision of every shipped document is an element of its page whose
 * id is the provision id (the public fragment), exactly once; the page shows
 * the source's text, with hostile-looking characters as text; unknown
 * metadata reads "chưa rõ".
 */
import { describe, expect, it } from 'vitest';
import type { Provision } from '../../scripts/lib/model.ts';
import { isFirstFive, loadShippedDocuments } from '../support/shipped.ts';
import { useSite } from '../support/site.ts';

const site = useSite();
const docs = await loadShippedDocuments();
const ids = (ps: Provision[]): string[] => ps.flatMap((p) => [p.id, ...ids(p.children)]);
/**
 * One of the five first (Quảng Ninh) sources by its number: the corpus has
 * files with the same prefix (003_bacgiang_…), so the prefix alone is ambiguous.
 */
function original(prefix: string) {
  const d = docs.find((x) => isFirstFive(x.sourceFile) && x.sourceFile.startsWith(`${prefix}_`));
  if (!d) throw new Error(`no original source ${prefix}_… in the shipped archive`);
  return d;
}

describe('provisions in the built pages', () => {
  for (const d of docs) {
    it(`${d.url}: one element per provision id, in document order`, async () => {
      const { page, problemList } = await site.open(d.url);
      const onPage = await page.locator('section[data-provision]').evaluateAll((els) => els.map((e) => e.id));
      expect(onPage).toEqual(ids(d.provisions));
      for (const id of ids(d.provisions)) await expect(page.locator(`[id="${id}"]`).count(), id).resolves.toBe(1);
      expect(problemList()).toEqual([]);
    });
  }

  it("003's OCR brace in the recipients is shown as text, not run", async () => {
    const d = original('003');
    const { page } = await site.open(d.url);
    await expect(page.locator('[id="noi-nhan"]').innerText()).resolves.toContain('VPTW và các ban Đảng Trung ương {để b/cáo),');
  });

  it('keeps the typography of the source (no smart quotes or dashes)', async () => {
    const d = original('000');
    const { page } = await site.open(d.url);
    const text = (await page.locator('[id="II.1"]').innerText()).normalize('NFC');
    expect(text).toContain('Triển khai thực hiện tốt Nghị quyết "Về đổi mới, nâng cao chất lượng');
  });

  it('marks an editorial correction, with the original', async () => {
    const d = original('001');
    const { page } = await site.open(d.url);
    const ins = page.locator('[id="mo-dau"] ins.correction');
    await expect(ins.first().innerText()).resolves.toBe('COVID-19');
    await expect(ins.first().getAttribute('title')).resolves.toBe('Nguyên văn: COVỈD-Ỉ9');
  });

  it('shows a fact the text lacks as "chưa rõ", and an inferred one as inferred', async () => {
    const d = original('001');
    const { page } = await site.open(d.url);
    const panel = (await page.getByRole('region', { name: 'Thông tin văn bản' }).innerText()).normalize('NFC');
    expect(panel).toMatch(/Số ký hiệu\s+chưa rõ/);
    expect(panel).toMatch(/Ngày ban hành\s+chưa rõ/);
    expect(panel).toContain('suy luận');
  });
});
