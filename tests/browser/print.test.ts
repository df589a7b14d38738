/**
 * Printing a document (ADR 1402): under print media the page shows the
 * document alone — no site header, menu, outline, metadata, tools or panels —
 * with its own header laid out officially (issuer and number left, national
 * name and date right, side by side); page.pdf() gives a multi-page PDF; and
 * `html[data-print-only="<id>"]` leaves that provision alone.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite } from '../support/site.ts';

const site = useSite();
const NQ_205 = '/van-ban/hdnd-tinh-quang-ninh/2024/205-nq-hdnd/';
const QD_08 = '/van-ban/ubnd-thanh-pho-ha-noi/2025/08-2025-qd-ubnd/';

/** Selectors of the site's furniture; each must print as nothing. */
const UI = ['.site-header', '.site-footer', 'nav', '.breadcrumb', '.doc-aside', '.meta-panel', '.cite-doc', '.toc', '.prov-tools', 'button', '.doc-citations', '.related', '.downloads', '.doc__source', '.status-box__scope'];

/** Elements of `selector` that take room on the page. */
async function visibleCount(page: Page, selector: string): Promise<number> {
  return page.locator(selector).evaluateAll((els) => els.filter((el) => {
    const r = el.getBoundingClientRect();
    return getComputedStyle(el).display !== 'none' && r.width > 0 && r.height > 0;
  }).length);
}

async function printView(path: string): Promise<Page> {
  const { page } = await site.open(path);
  await page.setViewportSize({ width: 800, height: 1100 });
  await page.emulateMedia({ media: 'print' });
  return page;
}

async function columns(page: Page) {
  const box = async (sel: string) => {
    const b = await page.locator(`#dau-van-ban ${sel}`).boundingBox();
    if (!b) throw new Error(`${sel} is not shown`);
    return b;
  };
  const text = async (sel: string) => (await page.locator(`#dau-van-ban ${sel}`).innerText()).normalize('NFC');
  return { left: await box('.source-header__left'), right: await box('.source-header__right'), leftText: await text('.source-header__left'), rightText: await text('.source-header__right') };
}

describe('printing a document', () => {
  it('205/NQ-HĐND prints without UI, its header in two columns side by side, on several PDF pages', async () => {
    const page = await printView(NQ_205);
    // The page does have the furniture on screen: the test would see it if print left it.
    await page.emulateMedia({ media: 'screen' });
    await expect(visibleCount(page, '.site-header')).resolves.toBe(1);
    await page.emulateMedia({ media: 'print' });

    for (const sel of UI) await expect(visibleCount(page, sel), sel).resolves.toBe(0);
    // What prints: the identity line, the text with its first article and its signature.
    await expect(visibleCount(page, '.doc__title')).resolves.toBe(1);
    await expect(visibleCount(page, '[id="dieu-1"]')).resolves.toBe(1);
    await expect(visibleCount(page, '[id="chu-ky"]')).resolves.toBe(1);

    const c = await columns(page);
    expect(c.leftText).toContain('HỘI ĐỒNG NHÂN DÂN');
    expect(c.leftText).toContain('Số: 205/NQ-HĐND');
    expect(c.rightText).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(c.rightText).toContain('Quảng Ninh, ngày 10 tháng 7 năm 2024');
    expect(c.left.x + c.left.width).toBeLessThanOrEqual(c.right.x + 1);
    expect(Math.abs(c.left.y - c.right.y)).toBeLessThan(5);
    // The type is centred below both columns.
    const type = await page.locator('#dau-van-ban .source-header__centre p').first().boundingBox();
    expect(type!.y).toBeGreaterThan(Math.max(c.left.y + c.left.height, c.right.y + c.right.height) - 1);

    // Before printing, the address and today's date are written under the text (none in the built page).
    await expect(page.locator('.print-meta').count()).resolves.toBe(0);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const line = (await page.locator('.print-meta').innerText()).normalize('NFC');
    const d = new Date();
    const today = `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
    expect(line).toContain(NQ_205);
    expect(line).toContain(today);

    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdf.length).toBeGreaterThan(0);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
    expect(pages).toBeGreaterThan(1);
  });

  it('a real two-column header (08/2025/QĐ-UBND of Hà Nội) prints issuer and number left, national name and date right', async () => {
    const page = await printView(QD_08);
    for (const sel of UI) await expect(visibleCount(page, sel), sel).resolves.toBe(0);
    const c = await columns(page);
    expect(c.leftText).toContain('ỦY BAN NHÂN DÂN');
    expect(c.leftText).toContain('Số: 08 /2025/QĐ-UBND');
    expect(c.rightText).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(c.rightText).toContain('Hà Nội, ngày 25 tháng 02 năm 2025');
    expect(c.left.x + c.left.width).toBeLessThanOrEqual(c.right.x + 1);
    expect(Math.abs(c.left.y - c.right.y)).toBeLessThan(5);
  });

  it('html[data-print-only] prints that provision alone, with the identity line', async () => {
    const page = await printView(NQ_205);
    await page.evaluate(() => {
      document.documentElement.dataset.printOnly = 'dieu-1.2';
    });
    await expect(visibleCount(page, '[id="dieu-1.2"]')).resolves.toBe(1);
    await expect(visibleCount(page, '.doc__title')).resolves.toBe(1);
    for (const sel of ['#dau-van-ban', '[id="dieu-1.1"]', '[id="dieu-1.3"]', '[id="dieu-2"]', '[id="chu-ky"]', '.status-box']) {
      await expect(visibleCount(page, sel), sel).resolves.toBe(0);
    }
    // Of Điều 1, only khoản 2 shows: nothing above it on the page but the identity line.
    const own = await page.locator('[id="dieu-1.2"]').boundingBox();
    const title = await page.locator('.doc__title').boundingBox();
    const visibleTexts = await page.locator('.doc__body p, .doc__body h2, .doc__body h3').evaluateAll((els) =>
      els.filter((el) => el.getBoundingClientRect().height > 0 && !el.closest('[id="dieu-1.2"]')).map((el) => el.textContent),
    );
    expect(visibleTexts).toEqual([]);
    expect(own!.y).toBeGreaterThan(title!.y);

    // Cleared afterwards, the whole document prints again.
    await page.evaluate(() => {
      delete document.documentElement.dataset.printOnly;
    });
    await expect(visibleCount(page, '[id="dieu-1.1"]')).resolves.toBe(1);
    await expect(visibleCount(page, '#dau-van-ban')).resolves.toBe(1);
  });
});
