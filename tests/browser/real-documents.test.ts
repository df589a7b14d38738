/**
 * Real documents in the shipped archive, as a reader meets them: a table of a
 * corpus document is a real table, an annex's provision opens at its id, and
 * a document whose number is unknown shows that its address is provisional.
 * Which documents: read from the build's own documents.json, not hard-coded.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useSite } from '../support/site.ts';

const site = useSite();

interface OpenRecord { url: string; source_file: string; provisional: boolean; number_symbol: string | null }
const records = (): OpenRecord[] => JSON.parse(readFileSync(join(site.distDir, 'data', 'documents.json'), 'utf8')) as OpenRecord[];
const bySource = (prefix: string): OpenRecord => {
  const r = records().find((d) => d.source_file.startsWith(prefix));
  if (!r) throw new Error(`no published document from ${prefix}`);
  return r;
};

describe('real documents', () => {
  // The originals of Hà Nội's decisions (PDF) are published; their earlier text copies (118, 082) are held back as copies.
  it('a table of a real document (QĐ 01/2025/QĐ-UBND of Hà Nội, from its PDF) is a <table> with header cells', async () => {
    const { page, problemList } = await site.open(bySource('01_').url);
    const table = page.locator('main table').first();
    await expect(table.count()).resolves.toBe(1);
    const headers = (await table.locator('thead th').allInnerTexts()).map((t) => t.normalize('NFC').trim());
    expect(headers).toEqual(expect.arrayContaining(['Stt', 'LOẠI NHÀ']));
    await expect(table.locator('tbody tr').count()).resolves.toBeGreaterThan(10);
    expect((await table.innerText()).normalize('NFC')).toContain('Nhà 1 tầng, tường 110 bổ trụ');
    expect(problemList()).toEqual([]);
  });

  it('an annex provision (QĐ 35/2024: Điều 3 of the Quy chế after the signature) opens at its id, apart from the decision\'s own Điều 3', async () => {
    const url = bySource('02_').url;
    const { page, problemList } = await site.open(`${url}#quy-che.dieu-3`);
    const target = page.locator('[id="quy-che.dieu-3"]');
    await target.waitFor({ state: 'attached' });
    expect(await target.evaluate((el) => el.matches(':target'))).toBe(true);
    const top = await target.evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(-1);
    expect(top).toBeLessThan(await page.evaluate(() => window.innerHeight));
    // The annex is a part of its own: its heading, and the decision keeps its own dieu-3.
    await expect(page.locator('[id="quy-che"]').count()).resolves.toBe(1);
    await expect(page.locator('[id="dieu-3"]').count()).resolves.toBe(1);
    expect((await page.locator('[id="quy-che"]').innerText()).normalize('NFC')).toContain('QUY CHẾ');
    expect(problemList()).toEqual([]);
  });

  it('a document whose number is unknown has a provisional address, said so on its page', async () => {
    const doc = records().find((d) => d.provisional && d.source_file.startsWith('084_'));
    expect(doc?.number_symbol).toBeNull();
    expect(doc?.url).toMatch(/^\/van-ban\/ubnd-thanh-pho-ha-noi\/2024\/qd-nam-[0-9a-f]{6}\/$/);
    const { page, problemList } = await site.open((doc as OpenRecord).url);
    const panel = (await page.getByRole('region', { name: 'Thông tin văn bản' }).innerText()).normalize('NFC');
    expect(panel).toContain('chưa rõ');
    expect(panel).toContain('địa chỉ tạm thời');
    expect(problemList()).toEqual([]);
  });
});
