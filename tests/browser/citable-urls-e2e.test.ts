/**
 * End to end, in a temporary copy of content/: accept the published URLs,
 * then change a document's identity (004 gets its number, so its URL moves)
 * and renumber one of its sections (a corrected source: "7.3." was really
 * "8."). The build must fail naming the lost URL; with the aliases added it
 * passes, and the old URL and old fragment lead to the right place in
 * Chromium, over http and from file://. Two builds (the first fails at its
 * last stage); the accepted URLs come from the global setup's build.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../../scripts/build/static-server.ts';
import { launchBrowser } from '../support/browser.ts';
import { runScript } from '../support/run-script.ts';
import { aliasesFor004 } from '../support/aliases-004.ts';
import { tempContent, type TempContent } from '../support/temp-content.ts';

const SITE = 'https://luu-tru.example.org';
const OLD = '/van-ban/thanh-uy-ha-long/2020/nq-chua-ro-so-1/';
const NEW = '/van-ban/thanh-uy-ha-long/2020/12-nq-tu/';
const NEW_ID = 'thanh-uy-ha-long-2020-12-nq-tu';
const SOURCE_004 = 'sources/004_60d8232af79dd006.txt';

const run = (script: string, args: string[], env: Record<string, string> = {}) => runScript(script, args, env);

let content: TempContent;
let browser: Browser | null = null;
let server: StaticServer | null = null;
beforeAll(() => {
  content = tempContent(inject('contentDir'));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  content?.cleanup();
});

/** Where the page ended up and what it shows for its fragment. */
async function landing(page: Page) {
  await page.waitForLoadState('load');
  return page.evaluate(() => {
    const id = decodeURIComponent(location.hash.slice(1));
    const el = document.getElementById(id);
    const r = el?.getBoundingClientRect();
    return {
      href: location.href,
      id,
      isTarget: el?.matches(':target') ?? false,
      inView: r !== undefined && r.top >= -1 && r.top < innerHeight,
      notice: document.getElementById('trang:muc-da-doi-thong-bao')?.textContent ?? null,
    };
  });
}

describe('a published URL survives a change of identity and a renumbering', () => {
  it('fails without aliases, passes with them, and the old addresses land right over http and file://', async () => {
    const dist = join(content.dir, '..', 'dist');

    // 1. Accept what the shipped build publishes (a fresh register in the copy).
    content.remove('published-urls.txt');
    const accepted = await run('scripts/urls/accept.ts', ['--dist', inject('distDir'), '--content', content.dir]);
    // Every shipped document (the five first and the real corpus, whose URLs the
    // committed register does not hold yet) and every cited-document page
    // (/tham-chieu/...), each a page URL. The corpus brings github-slugger ids
    // such as "...kinh-te---ky-thuat": the check in step 3 must read them back.
    expect(accepted.out).toMatch(/added \d+ line\(s\) \(\d+ page URL\(s\)/);
    expect(accepted.status).toBe(0);
    const register = readFileSync(join(content.dir, 'published-urls.txt'), 'utf8').split('\n');
    expect(register).toContain(OLD);
    expect(register).toContain('/tham-chieu/tinh-uy-quang-ninh/06-nq-tu-2021/');
    expect(register).toContain(`${OLD}#II.7.3`);

    // 2. 004's number becomes known (its key URL must give way), and its section "7.3." is corrected to "8.".
    const catalog = readFileSync(join(content.dir, 'catalog.yaml'), 'utf8');
    const at = catalog.indexOf('  - source: 004_60d8232af79dd006.txt');
    expect(at).toBeGreaterThan(0);
    const entry004 = catalog.slice(at).replace(/^ {4}key: .*\n/m, '    numberSymbol:\n      value: 12-NQ/TU\n      source: "bản gốc lưu tại Văn phòng Thành ủy (thử nghiệm)"\n');
    content.write('catalog.yaml', catalog.slice(0, at) + entry004);
    let source = readFileSync(join(content.dir, SOURCE_004), 'utf8');
    for (const [from, to] of [
      ['### **7.3. Về phát triển nguồn nhân lực**', '### **8. Về phát triển nguồn nhân lực**'],
      ['### **8. Phát triển các lĩnh vực', '### **9. Phát triển các lĩnh vực'],
      ['### **9. Đảm bảo quốc phòng', '### **10. Đảm bảo quốc phòng'],
    ] as const) {
      expect(source).toContain(from);
      source = source.replace(from, to);
    }
    content.write(SOURCE_004, source);

    // 3. Without aliases the build fails at the permanence check, naming the lost URL and the way out.
    const failed = await run('scripts/build.ts', ['--content', content.dir, '--dist', dist], { ARCHIVE_SITE_URL: SITE });
    expect(failed.status).not.toBe(0);
    expect(failed.out).toContain('build FAILED at stage "urls"');
    expect(failed.out).toContain(`  ${OLD}   (and its `);
    expect(failed.out).toContain(`  ${NEW}   id ${NEW_ID}`);
    expect(failed.out).toContain(`add an alias to ${join(content.dir, 'aliases.yaml')}`);
    expect(failed.out).toContain(`  - url: ${OLD}`);

    // 4. With the aliases it passes.
    content.write('aliases.yaml', aliasesFor004(OLD, NEW_ID));
    const built = await run('scripts/build.ts', ['--content', content.dir, '--dist', dist], { ARCHIVE_SITE_URL: SITE });
    expect(built.out).toMatch(/urls: all \d+ published URLs and fragments resolve \(\d+ through aliases\); 2 alias page\(s\)/);
    expect(built.status).toBe(0);

    // The alias page, the canonical links and the sitemap name the new public URL.
    const aliasHtml = readFileSync(join(dist, OLD, 'index.html'), 'utf8');
    expect(aliasHtml).toContain(`<link rel="canonical" href="${SITE}${NEW}">`);
    expect(aliasHtml).toContain('<meta http-equiv="refresh" content="0; url=../12-nq-tu/index.html">');
    expect(readFileSync(join(dist, NEW, 'index.html'), 'utf8')).toContain(`<link rel="canonical" href="${SITE}${NEW}">`);
    const sitemap = readFileSync(join(dist, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain(`<loc>${SITE}${NEW}</loc>`);
    expect(sitemap).toContain(`<loc>${SITE}/van-ban/tinh-uy-quang-ninh/2017/09-nq-tu/</loc>`);
    expect(sitemap).not.toContain(OLD);
    expect(readFileSync(join(dist, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${SITE}/sitemap.xml`);

    // 5. In Chromium over http: the old URL and the old fragment land on the new provision, highlighted, with a notice.
    browser = await launchBrowser();
    server = await startStaticServer(dist);
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(`${server.url}${OLD}#II.7.3`);
    await page.waitForURL(`${server.url}${NEW}#II.8`);
    const http = await landing(page);
    expect(http).toMatchObject({ id: 'II.8', isTarget: true, inView: true });
    expect(http.notice).toBe('Mục II.7.3 (địa chỉ #II.7.3) nay là mục II.8 (#II.8), do văn bản được đánh số lại. Khi trích dẫn, hãy dùng địa chỉ mới.');
    await expect(page.locator('[id="II.8"]').evaluate((el) => getComputedStyle(el).backgroundColor)).resolves.toBe('rgb(255, 244, 194)');
    // The configured public site is what a citation gives, not the address it was read at.
    await page.locator('button.cite[data-cite="II.8"]').click();
    await page.locator('.cite-pop--ok').waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(
      `Nghị quyết số 12-NQ/TU của Ban Chấp hành Đảng bộ thành phố Hạ Long, mục II.8, ${SITE}${NEW}#II.8`,
    );

    await page.goto(`${server.url}${OLD}#I.2.ct-3`);
    await page.waitForURL(`${server.url}${NEW}#I.2.ct-3`);
    expect(await landing(page)).toMatchObject({ id: 'I.2.ct-3', isTarget: true, inView: true, notice: null });

    // 6. From file://: the alias page's index.html forwards to the new folder's index.html with the fragment.
    const oldFile = pathToFileURL(join(dist, OLD, 'index.html')).href;
    const newFile = pathToFileURL(join(dist, NEW, 'index.html')).href;
    await page.goto(`${oldFile}#II.7.3`);
    await page.waitForURL(`${newFile}#II.8`);
    const file = await landing(page);
    expect(file).toMatchObject({ id: 'II.8', isTarget: true, inView: true });
    expect(file.notice).toMatch(/^Mục II\.7\.3 /);

    // 7. Accepting the new build adds the new URL; the register now holds both, and the check passes.
    const again = await run('scripts/urls/accept.ts', ['--dist', dist, '--content', content.dir]);
    expect(again.status).toBe(0);
    const lines = readFileSync(join(content.dir, 'published-urls.txt'), 'utf8').split('\n');
    expect(lines).toContain(OLD);
    expect(lines).toContain(`${NEW}#II.8`);
    expect(lines).toContain(`${NEW}#II.10`);
    const check = await run('scripts/urls/check.ts', ['--dist', dist, '--content', content.dir]);
    expect(check.status).toBe(0);
    rmSync(dist, { recursive: true, force: true });
  }, 240_000);
});
