/**
 * Issue 14, reading on a phone (docs/decisions/1401-reading-on-a-phone.md),
 * on 205/NQ-HĐND as built from the shipped archive, in Chromium at 360x740
 * (an old phone) and 1280x800.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSite } from '../support/site.ts';

const site = useSite();
const NQ_205 = '/van-ban/hdnd-tinh-quang-ninh/2024/205-nq-hdnd/';
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };

async function at(path: string, viewport: { width: number; height: number }) {
  const opened = await site.open('/');
  await opened.page.setViewportSize(viewport);
  await opened.page.goto(new URL(path, `${site.url}/`).href, { waitUntil: 'load' });
  return opened;
}

async function noSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: window.innerWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.view);
}

describe('205/NQ-HĐND at 360x740', () => {
  it('shows the first paragraph of the text in the first screen, under a one-line header', async () => {
    const { page, problemList } = await at(NQ_205, PHONE);
    const header = await page.locator('.site-header').boundingBox();
    expect(header!.height).toBeLessThanOrEqual(64);
    // The menu is folded behind its button and opens without script (details/summary).
    await expect(page.locator('.site-nav').isVisible()).resolves.toBe(false);
    await page.locator('.site-menu > summary').click();
    await expect(page.getByRole('link', { name: 'Cách trích dẫn' }).isVisible()).resolves.toBe(true);
    await page.locator('.site-menu > summary').click();
    await expect(page.locator('.site-header__search-link').isVisible()).resolves.toBe(true);

    // The metadata is one line that opens: type, number, date.
    const summary = page.locator('.meta-panel summary');
    const line = (await summary.innerText()).normalize('NFC');
    expect(line).toContain('Nghị quyết');
    expect(line).toContain('205/NQ-HĐND');
    expect(line).toContain('10/07/2024');
    await expect(page.locator('.meta-panel dl').isVisible()).resolves.toBe(false);

    // The text's first paragraph, whole, within the first screen, without scrolling.
    const first = page.locator('.doc__body p').first();
    const box = await first.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y + box!.height).toBeLessThanOrEqual(PHONE.height);
    // The status box is still there, above it, with its words.
    await expect(page.locator('.status-box').innerText()).resolves.toContain('Tình trạng');

    await summary.click();
    await expect(page.locator('.meta-panel dl').isVisible()).resolves.toBe(true);
    await noSidewaysScroll(page);
    expect(problemList()).toEqual([]);
  });

  it('opens the table of contents from the bottom of the page, marks where the reader is, and follows an entry', async () => {
    const { page, problemList } = await at(NQ_205, PHONE);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForTimeout(200);
    const button = page.locator('.reading-bar__toc');
    await expect(button.isVisible()).resolves.toBe(true);
    const barBox = await button.boundingBox();
    expect(barBox!.y + barBox!.height).toBeLessThanOrEqual(PHONE.height);
    await button.click();
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('true');

    // The outline opens in view, above the bar, wherever the reader is.
    const sheet = await page.locator('.toc').boundingBox();
    expect(sheet!.y).toBeGreaterThanOrEqual(0);
    expect(sheet!.y + sheet!.height).toBeLessThanOrEqual(barBox!.y + 1);
    const entry = page.locator('.toc a[href="#dieu-2"]');
    await expect(entry.isVisible()).resolves.toBe(true);
    await expect(page.locator('.toc a[href^="#"]').count()).resolves.toBe(17);

    await entry.click();
    await page.waitForFunction(() => location.hash === '#dieu-2');
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
    const top = await page.locator('[id="dieu-2"]').evaluate((e) => e.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(-1);
    expect(top).toBeLessThan(PHONE.height / 2);
    // The section read is marked in the outline and named in the bar.
    await page.waitForFunction(() => document.querySelector('.toc a[aria-current="location"]') !== null);
    const current = await page.locator('.toc a[aria-current="location"]').getAttribute('href');
    expect(current?.startsWith('#dieu-2')).toBe(true);
    await expect(page.locator('.reading-bar__where').innerText()).resolves.toMatch(/^Điều 2/);
    expect(problemList()).toEqual([]);
  });

  it('#dieu-1.2 shows where it is and the previous and next provision', async () => {
    const { page, problemList } = await at(`${NQ_205}#dieu-1.2`, PHONE);
    const path = page.locator('[id="dieu-1.2"] .reading-here__path');
    await path.waitFor();
    await expect(path.innerText()).resolves.toBe('Điều 1 › khoản 2');
    const box = await path.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(PHONE.height);
    await expect(page.locator('.reading-here__prev').getAttribute('href')).resolves.toBe('#dieu-1.1');
    await page.locator('.reading-here__next').click();
    await page.waitForFunction(() => location.hash === '#dieu-1.3');
    await expect(page.locator('[id="dieu-1.3"] .reading-here__path').innerText()).resolves.toBe('Điều 1 › khoản 3');
    await expect(page.locator('.reading-here').count()).resolves.toBe(1);
    await noSidewaysScroll(page);
    expect(problemList()).toEqual([]);
  });

  it('back to the top from the end of the page', async () => {
    const { page, problemList } = await at(NQ_205, PHONE);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.locator('.reading-bar__top').click();
    await page.waitForFunction(() => window.scrollY < 2);
    await expect(page.locator('.site-header__name').isVisible()).resolves.toBe(true);
    expect(problemList()).toEqual([]);
  });
});

describe('205/NQ-HĐND at 1280x800', () => {
  it('keeps the side table of contents, the open metadata, the search box and the nav bar', async () => {
    const { page, problemList } = await at(NQ_205, DESKTOP);
    await expect(page.locator('.site-header input[type="search"]').isVisible()).resolves.toBe(true);
    await expect(page.locator('.site-nav').isVisible()).resolves.toBe(true);
    await expect(page.locator('.site-menu > summary').isVisible()).resolves.toBe(false);
    await expect(page.locator('.meta-panel dl').isVisible()).resolves.toBe(true);
    await expect(page.locator('.reading-bar__toc').isVisible()).resolves.toBe(false);
    const toc = await page.locator('.toc').boundingBox();
    const text = await page.locator('.doc__body').boundingBox();
    expect(toc!.x).toBeGreaterThan(text!.x + text!.width - 1);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.locator('.reading-bar__top').click();
    await page.waitForFunction(() => window.scrollY < 2);
    await noSidewaysScroll(page);
    expect(problemList()).toEqual([]);
  });
});
