/**
 * Alias pages, moved fragments and citations in the USB edition, on a
 * temporary site built once with a public site URL (ARCHIVE_SITE_URL): 004
 * gets its number (its key URL becomes an alias page) and its section "7.3."
 * is renumbered "8." (a fragment alias), as in citable-urls-e2e.test.ts. The
 * build writes the USB edition beside its dist; opened through file://:
 * - the old URL with the old fragment lands on the new provision, with the notice;
 * - the cite button copies the public web address, not a file:// path.
 * The shipped content has no alias, so the global setup's build cannot show this.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultUsbDir } from '../../scripts/build/pipeline.ts';
import { auditUsb } from '../../scripts/usb/audit.ts';
import { allProblems, launchBrowser, watchPage } from '../support/browser.ts';
import { PROJECT_ROOT } from '../support/paths.ts';
import { aliasesFor004 } from '../support/aliases-004.ts';
import { useTempSite } from '../support/temp-site.ts';

const SITE = 'https://luu-tru.example.org';
const OLD = 'van-ban/thanh-uy-ha-long/2020/nq-chua-ro-so-1/';
const NEW = 'van-ban/thanh-uy-ha-long/2020/12-nq-tu/';
const NEW_ID = 'thanh-uy-ha-long-2020-12-nq-tu';
const SOURCE_004 = 'sources/004_60d8232af79dd006.txt';

// The temporary build inherits this process's environment: give it the public site URL, only while it builds.
const previousSite = process.env.ARCHIVE_SITE_URL;
beforeAll(() => {
  process.env.ARCHIVE_SITE_URL = SITE;
});

const site = useTempSite((content) => {
  const catalog = readFileSync(join(content.dir, 'catalog.yaml'), 'utf8');
  const at = catalog.indexOf('  - source: 004_60d8232af79dd006.txt');
  if (at < 0) throw new Error('catalog.yaml has no entry for 004');
  const entry = catalog.slice(at).replace(/^ {4}key: .*\n/m, '    numberSymbol:\n      value: 12-NQ/TU\n      source: "bản gốc lưu tại Văn phòng Thành ủy (thử nghiệm)"\n');
  content.write('catalog.yaml', catalog.slice(0, at) + entry);
  let source = readFileSync(join(PROJECT_ROOT, 'content', SOURCE_004), 'utf8');
  for (const [from, to] of [
    ['### **7.3. Về phát triển nguồn nhân lực**', '### **8. Về phát triển nguồn nhân lực**'],
    ['### **8. Phát triển các lĩnh vực', '### **9. Phát triển các lĩnh vực'],
    ['### **9. Đảm bảo quốc phòng', '### **10. Đảm bảo quốc phòng'],
  ] as const) {
    if (!source.includes(from)) throw new Error(`004 no longer holds "${from}"`);
    source = source.replace(from, to);
  }
  content.write(SOURCE_004, source);
  content.write('aliases.yaml', aliasesFor004(`/${OLD}`, NEW_ID));
});

let browser: Browser;
beforeAll(async () => {
  if (previousSite === undefined) delete process.env.ARCHIVE_SITE_URL;
  else process.env.ARCHIVE_SITE_URL = previousSite;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the USB edition of a site with aliases and a public URL', () => {
  it('passes the audit; the alias page keeps its public canonical link', () => {
    const usb = defaultUsbDir(site.distDir);
    const audit = auditUsb(usb);
    expect(audit.problems).toEqual([]);
    expect(audit.unknown).toEqual([]);
    // A configured site: citation addresses are absolute, so none is kept root-absolute.
    expect(audit.kept).toEqual([]);
    const alias = readFileSync(join(usb, OLD, 'index.html'), 'utf8');
    expect(alias).toContain(`<link rel="canonical" href="${SITE}/${NEW}">`);
    expect(alias).toContain('<meta http-equiv="refresh" content="0; url=../12-nq-tu/index.html">');
    expect(readFileSync(join(usb, 'README.txt'), 'utf8')).toContain(SITE);
  });

  it('from file://, the old URL and fragment land on the new provision; the citation gives the public address', async () => {
    const usb = defaultUsbDir(site.distDir);
    const context = await browser.newContext({ locale: 'vi-VN', permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    const problems = watchPage(page);
    const newFile = pathToFileURL(join(usb, NEW, 'index.html')).href;
    await page.goto(`${pathToFileURL(join(usb, OLD, 'index.html')).href}#II.7.3`);
    await page.waitForURL(`${newFile}#II.8`);
    await page.waitForLoadState('networkidle');
    const landed = await page.evaluate(() => ({
      target: document.querySelector(':target')?.id ?? null,
      notice: document.getElementById('trang:muc-da-doi-thong-bao')?.textContent ?? null,
    }));
    expect(landed.target).toBe('II.8');
    expect(landed.notice).toMatch(/^Mục II\.7\.3 .* nay là mục II\.8/);

    await page.locator('button.cite[data-cite="II.8"]').click();
    await page.locator('.cite-pop--ok, .cite-pop--fail').waitFor();
    const citation = await page.locator('.cite-pop__text').inputValue();
    expect(citation).toBe(`Nghị quyết số 12-NQ/TU của Ban Chấp hành Đảng bộ thành phố Hạ Long, mục II.8, ${SITE}/${NEW}#II.8`);
    if (await page.locator('.cite-pop--ok').count()) await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(citation);
    expect(allProblems(problems)).toEqual([]);
    await context.close();
  });
});
