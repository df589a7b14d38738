/**
 * Citable URLs in the browser, on the site built from the shipped content
 * (global setup; no ARCHIVE_SITE_URL, so citations carry the address the
 * page was opened at): fragments land in view and highlighted, permalinks
 * and cite buttons work with the keyboard, the clipboard gets the exact
 * citation (or the reader is told and gets it selected), the page carries
 * its identity in metadata, and the committed register holds.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { allProblems, launchBrowser, watchPage, type PageProblems } from '../support/browser.ts';
import { readAliases } from '../../scripts/urls/aliases.ts';
import { checkPermanence } from '../../scripts/urls/permanence.ts';
import { readRegister } from '../../scripts/urls/register.ts';
import { scanDist } from '../../scripts/urls/scan-dist.ts';

const siteUrl = inject('siteUrl');
const distDir = inject('distDir');
const contentDir = inject('contentDir');

const NQ09 = '/van-ban/tinh-uy-quang-ninh/2017/09-nq-tu/';
const NQ205 = '/van-ban/hdnd-tinh-quang-ninh/2024/205-nq-hdnd/';
const NQ003 = '/van-ban/tinh-uy-quang-ninh/2021/nq-chua-ro-so-2/';
const NQ004 = '/van-ban/thanh-uy-ha-long/2020/nq-chua-ro-so-1/';
const ISSUER_TU_QN = '/van-ban/tinh-uy-quang-ninh/';
const TARGET_BG = 'rgb(255, 244, 194)'; // --target in src/styles/global.css

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
});

async function open(path: string, options: Parameters<Browser['newContext']>[0] = {}, init?: () => void): Promise<{ page: Page; problems: PageProblems }> {
  const context = await browser.newContext({ locale: 'vi-VN', ...options });
  contexts.push(context);
  const page = await context.newPage();
  if (init) await page.addInitScript(init);
  const problems = watchPage(page);
  await page.goto(`${siteUrl}${path}`, { waitUntil: 'load' });
  return { page, problems };
}

/** The listing item of the document at `href`, following the listing's "Trang sau" links from `listing`. */
async function listingItem(listing: string, href: string) {
  const { page } = await open(listing);
  for (let pages = 1; ; pages++) {
    const item = page.locator('.doc-item', { has: page.locator(`a[href="${href}"]`) });
    if ((await item.count()) > 0) return item;
    const next = page.locator('a[rel="next"]');
    if ((await next.count()) === 0 || pages > 100) throw new Error(`${href} is not listed on ${listing} or its further pages`);
    await page.goto(new URL((await next.first().getAttribute('href'))!, page.url()).href, { waitUntil: 'load' });
  }
}

/** Where an element is, whether the page shows it as the :target, and its background. */
function placement(page: Page, id: string) {
  return page.evaluate((id) => {
    const el = document.getElementById(id)!;
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, viewport: innerHeight, isTarget: el.matches(':target'), background: getComputedStyle(el).backgroundColor };
  }, id);
}

describe('fragments', () => {
  it('#II.3 of 09-NQ/TU opens with the section in view and highlighted', async () => {
    const { page, problems } = await open(`${NQ09}#II.3`);
    const p = await placement(page, 'II.3');
    expect(p.isTarget).toBe(true);
    expect(p.top).toBeGreaterThanOrEqual(-1);
    expect(p.top).toBeLessThan(p.viewport / 3);
    expect(p.background).toBe(TARGET_BG);
    // Only the target is highlighted, not the next provision.
    expect((await placement(page, 'II.4')).background).not.toBe(TARGET_BG);
    expect(allProblems(problems)).toEqual([]);
  });

  it('an inline target #I.2.ct-3 (chỉ tiêu) is in view and highlighted too', async () => {
    const { page } = await open(`${NQ004}#I.2.ct-3`);
    const p = await placement(page, 'I.2.ct-3');
    expect(p.isTarget).toBe(true);
    expect(p.top).toBeGreaterThanOrEqual(-1);
    expect(p.bottom).toBeLessThanOrEqual(p.viewport);
    expect(p.background).toBe(TARGET_BG);
  });
});

describe('permalinks', () => {
  it('unnumbered provisions get a visible "#" link to themselves; numbered ones keep their label as the link', async () => {
    const { page } = await open(NQ205);
    for (const id of ['can-cu', 'quyet-nghi', 'ket-thuc', 'chu-ky']) {
      const link = page.locator(`[id="${id}"] > .prov-tools > a.permalink`);
      await expect(link.getAttribute('href')).resolves.toBe(`#${id}`);
      await expect(link.isVisible()).resolves.toBe(true);
      const glyph = await link.evaluate((a) => getComputedStyle(a, '::before').content);
      expect(glyph).toBe('"#"');
    }
    await expect(page.locator('[id="dieu-1.2"] > .prov-tools > a.permalink').count()).resolves.toBe(0);
    await expect(page.locator('[id="dieu-1.2"] a.provision__label').first().getAttribute('href')).resolves.toBe('#dieu-1.2');
    await expect(page.locator('[id="dieu-1.2"] a.provision__label').first().getAttribute('title')).resolves.toBe('Liên kết đến mục này');
    await expect(page.locator('[id="can-cu"] > .prov-tools > a.permalink').getAttribute('aria-label')).resolves.toBe('Liên kết đến phần căn cứ ban hành');
    await expect(page.locator('[id="can-cu"] > .prov-tools > button.cite').getAttribute('aria-label')).resolves.toBe('Trích dẫn phần căn cứ ban hành');
    // The toolbar adds no text to the provision (copying or reading the text gets the source only).
    const text = await page.locator('[id="quyet-nghi"]').innerText();
    expect(text.trim()).toBe('QUYẾT NGHỊ:');
  });

  it('a provision named by its heading (from the page\'s outline data block, not its id) is named so by its tools and its citation', async () => {
    const { page } = await open(NQ205);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
    const parts = JSON.parse((await page.locator('script[id="trang:muc-trich-dan"]').textContent()) ?? '[]') as Array<[string, string]>;
    expect(parts).toContainEqual(['quyet-nghi', 'phần “QUYẾT NGHỊ”']);
    await expect(page.locator('[id="quyet-nghi"] > .prov-tools > a.permalink').getAttribute('aria-label')).resolves.toBe('Liên kết đến phần “QUYẾT NGHỊ”');
    const cite = page.locator('[id="quyet-nghi"] > .prov-tools > button.cite');
    await expect(cite.getAttribute('aria-label')).resolves.toBe('Trích dẫn phần “QUYẾT NGHỊ”');
    await cite.click();
    await page.locator('.cite-pop--ok').waitFor();
    const copied = (await page.evaluate(() => navigator.clipboard.readText())).normalize('NFC');
    expect(copied).toContain('Nghị quyết số 205/NQ-HĐND');
    expect(copied).toContain('phần “QUYẾT NGHỊ”');
    expect(copied).toContain(`${NQ205}#quyet-nghi`);
  });

  it('are reached with Tab and followed with Enter', async () => {
    const { page } = await open(NQ205);
    // Focus the element just before the link, then Tab onto it (keyboard order, not a programmatic jump).
    await page.locator('[id="can-cu"] a.permalink').evaluate((a) => {
      const all = [...document.querySelectorAll<HTMLElement>('a[href], button:not([hidden]), input, select, textarea, summary')];
      all[all.indexOf(a as HTMLElement) - 1]!.focus();
    });
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('href'))).resolves.toBe('#can-cu');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#can-cu');
    expect((await placement(page, 'can-cu')).isTarget).toBe(true);
  });
});

describe('"Trích dẫn" (cite)', () => {
  const clipboard = { permissions: ['clipboard-read', 'clipboard-write'] };

  it('copies the citation of 09-NQ/TU, mục II.3 (button pressed with the keyboard)', async () => {
    const { page, problems } = await open(NQ09, clipboard);
    const button = page.locator('button.cite[data-cite="II.3"]');
    await expect(button.getAttribute('aria-label')).resolves.toBe('Trích dẫn mục II.3');
    await button.focus();
    await page.keyboard.press('Enter');
    await page.locator('.cite-pop--ok').waitFor();
    await expect(page.locator('.cite-pop__msg').innerText()).resolves.toBe('Đã sao chép trích dẫn:');
    const expected = `Nghị quyết số 09-NQ/TU ngày 08/12/2017 của Ban Chấp hành Đảng bộ tỉnh Quảng Ninh, mục II.3, ${siteUrl}${NQ09}#II.3`;
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(expected);
    await expect(page.locator('.cite-pop__text').inputValue()).resolves.toBe(expected);
    // Escape closes the box and gives the focus back to the button.
    await page.locator('.cite-pop__text').focus();
    await page.keyboard.press('Escape');
    await expect(page.locator('.cite-pop').count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-cite'))).resolves.toBe('II.3');
    expect(allProblems(problems)).toEqual([]);
  });

  it('copies the citation of 205/NQ-HĐND, Điều 1 khoản 2', async () => {
    const { page } = await open(NQ205, clipboard);
    await page.locator('button.cite[data-cite="dieu-1.2"]').click();
    await page.locator('.cite-pop--ok').waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(
      `Nghị quyết số 205/NQ-HĐND ngày 10/7/2024 của Hội đồng nhân dân tỉnh Quảng Ninh, Điều 1 khoản 2, ${siteUrl}${NQ205}#dieu-1.2`,
    );
  });

  it('copies the whole document\'s citation from the panel', async () => {
    const { page } = await open(NQ205, clipboard);
    const expected = `Nghị quyết số 205/NQ-HĐND ngày 10/7/2024 của Hội đồng nhân dân tỉnh Quảng Ninh, ${siteUrl}${NQ205}`;
    await expect(page.locator('[data-cite-doc]').innerText()).resolves.toBe(expected);
    await page.getByRole('button', { name: 'Sao chép trích dẫn' }).click();
    await page.locator('.cite-pop--ok').waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(expected);
  });

  it('tells the reader when the clipboard refuses, and leaves the citation selected to copy by hand', async () => {
    const { page, problems } = await open(NQ09, {}, () => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
      document.execCommand = () => false;
    });
    await page.locator('button.cite[data-cite="II.3"]').click();
    await page.locator('.cite-pop--fail').waitFor();
    await expect(page.locator('.cite-pop__msg').innerText()).resolves.toMatch(/^Không sao chép tự động được\. .*Ctrl\+C/);
    const selection = await page.evaluate(() => {
      const box = document.activeElement as HTMLTextAreaElement;
      return { focused: box.className, selected: box.value.slice(box.selectionStart, box.selectionEnd) };
    });
    expect(selection).toEqual({
      focused: 'cite-pop__text',
      selected: `Nghị quyết số 09-NQ/TU ngày 08/12/2017 của Ban Chấp hành Đảng bộ tỉnh Quảng Ninh, mục II.3, ${siteUrl}${NQ09}#II.3`,
    });
    expect(allProblems(problems)).toEqual([]);
  });

  it('without JavaScript: the document citation is visible, the cite buttons are not; ids, outline and numbering labels stay links', async () => {
    const { page } = await open(NQ09, { javaScriptEnabled: false });
    const text = page.locator('[data-cite-doc]');
    await expect(text.isVisible()).resolves.toBe(true);
    await expect(text.innerText()).resolves.toBe(`Nghị quyết số 09-NQ/TU ngày 08/12/2017 của Ban Chấp hành Đảng bộ tỉnh Quảng Ninh, ${NQ09}`);
    await expect(page.locator('button.cite').first().isVisible()).resolves.toBe(false);
    // The toolbars are attached by the page's script (issue 12: not repeated in the HTML per provision).
    await expect(page.locator('.prov-tools').count()).resolves.toBe(0);
    await expect(page.locator('[id="noi-nhan"]').count()).resolves.toBe(1);
    await expect(page.locator('.toc a[href="#noi-nhan"]').first().isVisible()).resolves.toBe(true);
    const label = page.locator('[id="II.3"] a.provision__label').first();
    await expect(label.getAttribute('href')).resolves.toBe('#II.3');
    await expect(label.isVisible()).resolves.toBe(true);
  });

  it('never cites an inferred number (003), though the page shows it marked "(suy luận)"', async () => {
    const { page } = await open(NQ003);
    const citation = await page.locator('[data-cite-doc]').innerText();
    expect(citation).toMatch(/^Nghị quyết của Tỉnh ủy Quảng Ninh về đẩy mạnh cải cách hành chính/);
    expect(citation).not.toContain('05-NQ/TU');
    await expect(page.locator('h1').innerText()).resolves.toMatch(/^Nghị quyết số 05-NQ\/TU \(suy luận\)/);
    await expect(page.title()).resolves.toMatch(/^Nghị quyết số 05-NQ\/TU \(suy luận\) – /);
  });
});

describe('identity in the page', () => {
  it('Dublin Core and schema.org Legislation from known facts only', async () => {
    const { page } = await open(NQ09);
    const meta = await page.evaluate(() =>
      Object.fromEntries([...document.querySelectorAll('meta[name^="DC."]')].map((m) => [m.getAttribute('name'), m.getAttribute('content')])),
    );
    expect(meta).toEqual({
      'DC.title': 'Nghị quyết số 09-NQ/TU về phương hướng, nhiệm vụ năm 2018',
      'DC.identifier': '09-NQ/TU',
      'DC.date': '2017-12-08',
      'DC.creator': 'Ban Chấp hành Đảng bộ tỉnh Quảng Ninh',
      'DC.type': 'Nghị quyết',
      'DC.language': 'vi',
    });
    const ld = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent() ?? 'null');
    expect(ld).toMatchObject({
      '@type': 'Legislation',
      legislationIdentifier: '09-NQ/TU',
      legislationDate: '2017-12-08',
      legislationPassedBy: { name: 'Ban Chấp hành Đảng bộ tỉnh Quảng Ninh' },
      inLanguage: 'vi',
    });
    // No site configured in this build: no canonical link claims an address.
    await expect(page.locator('link[rel="canonical"]').count()).resolves.toBe(0);

    const { page: p003 } = await open(NQ003);
    const ld003 = JSON.parse(await p003.locator('script[type="application/ld+json"]').textContent() ?? 'null');
    expect(ld003.legislationIdentifier).toBeUndefined();
    expect(ld003.legislationDate).toBeUndefined();
    await expect(p003.locator('meta[name="DC.identifier"]').count()).resolves.toBe(0);
  });

  it('listings mark an inferred number and year', async () => {
    // The home page lists only the latest documents (ADR 1008); a reader finds
    // these on their issuer's listing, which may run to several pages.
    const item = await listingItem(ISSUER_TU_QN, NQ003);
    await expect(item.innerText()).resolves.toMatch(/Nghị quyết số 05-NQ\/TU \(suy luận\)[^]*09\/04\/2021 \(suy luận\)/);
    const item001 = await listingItem(ISSUER_TU_QN, '/van-ban/tinh-uy-quang-ninh/2022/nq-chua-ro-so-1/');
    await expect(item001.innerText()).resolves.toMatch(/năm 2022 \(suy luận\)/);
  });

  it('"Cách trích dẫn" explains the scheme, is in the nav and shows real citations', async () => {
    const { page, problems } = await open('/');
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Cách trích dẫn' }).click();
    await page.waitForURL(/\/cach-trich-dan\/$/);
    await expect(page.locator('h1').innerText()).resolves.toBe('Cách trích dẫn');
    const text = await page.locator('main').innerText();
    expect(text).toContain('/van-ban/tinh-uy-quang-ninh/2017/09-nq-tu/');
    expect(text).toContain('#dieu-1.2');
    expect(text).toContain('Nghị quyết số 09-NQ/TU ngày 08/12/2017 của Ban Chấp hành Đảng bộ tỉnh Quảng Ninh, mục II.3, /van-ban/tinh-uy-quang-ninh/2017/09-nq-tu/#II.3');
    expect(allProblems(problems)).toEqual([]);
  });
});

describe('the committed register', () => {
  it('every published URL and fragment resolves in this build', () => {
    const register = readRegister(contentDir);
    expect(register.exists).toBe(true);
    const result = checkPermanence(register.entries, scanDist(distDir), readAliases(contentDir).aliases);
    expect(result.lostPages).toEqual([]);
    expect(result.lostFragments).toEqual([]);
    expect(result.aliasProblems).toEqual([]);
    expect(result.checked).toBeGreaterThan(150);
  });
});
