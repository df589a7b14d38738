/** A document page: language, metadata panel, provision anchors. */
import { describe, expect, it } from 'vitest';
import { useSite } from '../support/site.ts';

const site = useSite();
const NQ_09 = '/van-ban/tinh-uy-quang-ninh/2017/09-nq-tu/';

describe('document page 09-NQ/TU (2017)', () => {
  it('is Vietnamese, shows its metadata panel and has the provision #II.3', async () => {
    const { page, response, problemList } = await site.open(NQ_09);
    expect(response?.status()).toBe(200);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('vi');

    // The metadata panel: a labelled region with the facts as a list of terms.
    const panel = page.getByRole('region', { name: 'Thông tin văn bản' });
    await expect(panel.count()).resolves.toBe(1);
    const panelText = (await panel.innerText()).normalize('NFC');
    expect(panelText).toContain('09-NQ/TU');
    expect(panelText).toContain('2017');
    expect(panelText).toContain('Quảng Ninh');
    await expect(panel.locator('dt').count()).resolves.toBeGreaterThanOrEqual(4);

    // Section II, item 3 keeps its citable fragment id.
    await expect(page.locator('[id="II.3"]').count()).resolves.toBe(1);

    expect(problemList()).toEqual([]);
  });

  it('opens at the provision when the URL carries #II.3', async () => {
    const { page, problemList } = await site.open(`${NQ_09}#II.3`);
    const target = page.locator('[id="II.3"]');
    await target.waitFor({ state: 'attached' });
    const box = await target.evaluate((element) => {
      const rect = element.getBoundingClientRect();
      return { top: rect.top, viewport: window.innerHeight };
    });
    expect(box.top).toBeGreaterThanOrEqual(-1);
    expect(box.top).toBeLessThan(box.viewport);
    expect(problemList()).toEqual([]);
  });
});
