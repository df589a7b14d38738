/**
 * Cross-links between archive documents, end to end: a copy of content/ plus
 * tests/fixtures/176-nq-hdnd.txt (Nghị quyết 176/NQ-HĐND of 08/12/2023, which
 * 205/NQ-HĐND cites twice, and which itself cites "mục II.3 Nghị quyết số
 * 09-NQ/TU ngày 08/12/2017"), built once into a temporary site.
 * - a citation of another archive document's provision lands on that provision;
 * - that provision says who cites it, and leads back;
 * - 205's existing citations of 176 now link to the new document;
 * - 176's cited-document page (already published) stays and points to it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/paths.ts';
import { useTempSite } from '../support/temp-site.ts';

const site = useTempSite((content) => {
  content.write('sources/005_176.txt', readFileSync(join(PROJECT_ROOT, 'tests', 'fixtures', '176-nq-hdnd.txt')));
});

const NQ_176 = '/van-ban/hdnd-tinh-quang-ninh/2023/176-nq-hdnd/';
const NQ_205 = '/van-ban/hdnd-tinh-quang-ninh/2024/205-nq-hdnd/';
const NQ_09_2017 = '/van-ban/tinh-uy-quang-ninh/2017/09-nq-tu/';

const targetId = (page: Page) => page.evaluate(() => document.querySelector(':target')?.id ?? null);

describe('a document added to content/ that others cite', () => {
  it('176 "mục II.3 Nghị quyết số 09-NQ/TU ngày 08/12/2017" lands on II.3 of the 2017 document, which leads back', async () => {
    const { page, response, problemList } = await site.open(NQ_176);
    expect(response?.status()).toBe(200);
    const link = page.locator('.doc__body a.citation', { hasText: 'mục II.3 Nghị quyết số 09-NQ/TU ngày 08/12/2017' });
    await expect(link.count()).resolves.toBe(1);
    await expect(link.getAttribute('data-unresolved')).resolves.toBeNull();

    await Promise.all([page.waitForURL((u) => u.pathname === NQ_09_2017 && u.hash === '#II.3'), link.click()]);
    await expect(targetId(page)).resolves.toBe('II.3');
    const inView = await page.locator('[id="II.3"]').evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= -1 && r.top < window.innerHeight;
    });
    expect(inView).toBe(true);

    // Under II.3: who cites it, linking to the citing provision (no JavaScript involved: it is in the HTML).
    const note = page.locator('[id="II.3"] > .cited-by-note');
    await expect(note.count()).resolves.toBe(1);
    await expect(note.getAttribute('data-pagefind-ignore')).resolves.toBe('all');
    const said = (await note.innerText()).normalize('NFC');
    expect(said).toContain('Được dẫn chiếu bởi');
    expect(said).toContain('176/NQ-HĐND');
    // Only II.3 carries the note.
    await expect(page.locator('.cited-by-note').count()).resolves.toBe(1);

    // The document's "Được dẫn chiếu bởi" panel lists it too.
    const panel = page.locator('section.doc-citations', { has: page.locator('h2', { hasText: 'Được dẫn chiếu bởi' }) });
    await expect(panel.locator(`a[href="${NQ_176}#dieu-1.1"]`).count()).resolves.toBe(1);
    await expect(panel.locator('a[href="#II.3"]').count()).resolves.toBe(1);

    const back = note.locator('a');
    await expect(back.getAttribute('href')).resolves.toBe(`${NQ_176}#dieu-1.1`);
    await Promise.all([page.waitForURL((u) => u.pathname === NQ_176 && u.hash === '#dieu-1.1'), back.click()]);
    await expect(targetId(page)).resolves.toBe('dieu-1.1');

    expect(problemList()).toEqual([]);
  });

  it('205 now links "Nghị quyết số 176/NQ-HĐND ngày 08 tháng 12 năm 2023" to the new document', async () => {
    const { page, problemList } = await site.open(NQ_205);
    const link = page.locator('.doc__body a.citation', { hasText: 'Nghị quyết số 176/NQ-HĐND ngày 08 tháng 12 năm 2023' });
    await expect(link.count()).resolves.toBe(1);
    await expect(link.getAttribute('data-unresolved')).resolves.toBeNull();
    await expect(link.getAttribute('href')).resolves.toBe(NQ_176);
    // Both citations of 176 in 205 (the legal basis and Điều 1) link to it.
    await expect(page.locator(`.doc__body a.citation[href="${NQ_176}"]`).count()).resolves.toBe(2);

    // 205's panel lists it as in the archive.
    // (the panel of citations; "Văn bản liên quan" above it lists relations with the same item style)
    const group = page.locator('section.doc-citations .cite-group', { has: page.locator(`a.cite-link--archive[href="${NQ_176}"]`) });
    await expect(group.count()).resolves.toBe(1);
    expect((await group.innerText()).normalize('NFC')).toContain('có trong kho');

    await Promise.all([page.waitForURL((u) => u.pathname === NQ_176), link.click()]);
    // 176 says 205 cites it, at both places.
    const by = page.locator('section.doc-citations', { has: page.locator('h2', { hasText: 'Được dẫn chiếu bởi' }) });
    await expect(by.locator(`a[href="${NQ_205}#can-cu"]`).count()).resolves.toBe(1);
    await expect(by.locator(`a[href="${NQ_205}#dieu-1"]`).count()).resolves.toBe(1);

    expect(problemList()).toEqual([]);
  });

  it('the cited-document page of 176 stays, and now points to the archive document', async () => {
    const { page, response, problemList } = await site.open('/tham-chieu/hdnd-tinh-quang-ninh/176-nq-hdnd-2023/');
    expect(response?.status()).toBe(200);
    const status = page.locator('.cited-status');
    expect((await status.innerText()).normalize('NFC')).toContain('Có trong kho');
    await expect(status.locator(`a[href="${NQ_176}"]`).count()).resolves.toBe(1);
    await expect(page.locator('.cited-by__item').count()).resolves.toBe(2);
    expect(problemList()).toEqual([]);
  });
});
