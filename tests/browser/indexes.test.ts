/**
 * The two index pages that used to list the whole archive, as a reader follows
 * them (docs/decisions/1008-browsing-at-archive-scale.md, "Quality and
 * cited-document indexes"): the data-quality index links to each document's
 * notes, paginated, and a document's page shows its real notes; the index of
 * cited documents lists issuers, each linking to its paginated list, whose
 * items lead to the cited-document pages. Expected values come from the
 * build's open data (quality.json, citations.json, documents.json).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CitationGraph } from '../../scripts/pipeline/07-link/index.ts';
import { useSite } from '../support/site.ts';

const site = useSite();
const PAGE_SIZE = 50;
const DOC_001 = '/van-ban/tinh-uy-quang-ninh/2022/nq-chua-ro-so-1/';

interface QualityJson {
  documents: Array<{ id: string; url: string; issues: Array<{ kind: string; text?: string; message: string; provision?: string }> }>;
}
const quality = (): QualityJson => JSON.parse(readFileSync(join(site.distDir, 'data', 'quality.json'), 'utf8')) as QualityJson;
const graph = (): CitationGraph => JSON.parse(readFileSync(join(site.distDir, 'data', 'citations.json'), 'utf8')) as CitationGraph;
const pathOf = (url: string) => new URL(url, 'http://x/').pathname;
const hrefs = (page: Page | Locator, selector: string) =>
  page.locator(selector).evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));

/** Open a paginated listing and follow its "next" links; the given links of every page, in order. */
async function followPages(path: string, selector: string): Promise<{ pages: string[]; links: string[] }> {
  const pages: string[] = [];
  const links: string[] = [];
  const { page, problemList } = await site.open(path);
  for (;;) {
    pages.push(new URL(page.url()).pathname);
    const here = await hrefs(page, selector);
    expect(here.length, pages.at(-1)).toBeLessThanOrEqual(PAGE_SIZE);
    links.push(...here);
    const next = page.locator('nav.pager a[rel="next"]');
    if ((await next.count()) === 0) break;
    await Promise.all([page.waitForURL((u) => !pages.includes(u.pathname)), next.click()]);
  }
  expect(problemList()).toEqual([]);
  return { pages, links };
}

async function expectNoSideScroll(page: Page): Promise<void> {
  await page.setViewportSize({ width: 360, height: 800 });
  await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
}

describe('the data-quality index (/chat-luong-du-lieu/)', () => {
  it('links to every document’s notes, at most 50 per page, and keeps the totals per kind', async () => {
    const q = quality();
    const { pages, links } = await followPages('/chat-luong-du-lieu/', 'a.quality-docs__name');
    expect(pages.length).toBe(Math.ceil(q.documents.length / PAGE_SIZE));
    expect(pages.slice(1)).toEqual(pages.slice(1).map((_, i) => `/chat-luong-du-lieu/trang-${i + 2}/`));
    expect([...links].sort()).toEqual(q.documents.map((d) => `/chat-luong-du-lieu/${d.id}/`).sort());

    // The totals: one row per kind, with the number of notes of the whole archive.
    const { page } = await site.open('/chat-luong-du-lieu/');
    const rows = await page.locator('table.summary tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent!.trim())));
    const notes = q.documents.flatMap((d) => d.issues);
    expect(rows.reduce((n, r) => n + Number(r[1]), 0)).toBe(notes.length);
    expect(rows.length).toBe(new Set(notes.map((i) => i.kind)).size);
    // No note text on the index: the notes are on each document's page.
    const ocr001 = q.documents.find((d) => d.url === DOC_001)!.issues.find((i) => i.kind === 'ocr-suspect' && i.text === 'tmh');
    expect(ocr001).toBeDefined();
    expect((await page.locator('main').innerText()).normalize('NFC')).not.toContain(ocr001!.message);
    await expectNoSideScroll(page);
  });

  it('following 001 shows its OCR suspect "tmh" with a link to its provision, and its other notes by kind', async () => {
    const q = quality();
    const doc = q.documents.find((d) => d.url === DOC_001)!;
    const { links } = await followPages('/chat-luong-du-lieu/', 'a.quality-docs__name');
    const at = links.indexOf(`/chat-luong-du-lieu/${doc.id}/`);
    expect(at).toBeGreaterThanOrEqual(0);
    const indexPage = at < PAGE_SIZE ? '/chat-luong-du-lieu/' : `/chat-luong-du-lieu/trang-${Math.floor(at / PAGE_SIZE) + 1}/`;

    const { page, problemList } = await site.open(indexPage);
    const item = page.locator('.quality-docs__item', { has: page.locator(`a[href="/chat-luong-du-lieu/${doc.id}/"]`) });
    const ocrCount = doc.issues.filter((i) => i.kind === 'ocr-suspect').length;
    expect((await item.innerText()).normalize('NFC')).toContain(`nghi lỗi OCR: ${ocrCount}`);
    await Promise.all([page.waitForURL((u) => u.pathname === `/chat-luong-du-lieu/${doc.id}/`), item.locator('a.quality-docs__name').click()]);

    const ocr = page.locator('section.quality-group', { has: page.locator('h2', { hasText: 'Nghi lỗi nhận dạng chữ (OCR)' }) });
    const tmh = ocr.locator('li', { has: page.locator('q.quality-text', { hasText: /^tmh$/ }) }).first();
    const note = doc.issues.find((i) => i.kind === 'ocr-suspect' && i.text === 'tmh')!;
    expect((await tmh.innerText()).normalize('NFC')).toContain(note.message);
    await expect(ocr.locator('li').count()).resolves.toBe(ocrCount);
    if (note.provision) await expect(tmh.locator(`a[href="${DOC_001}#${note.provision}"]`).count()).resolves.toBe(1);
    // A link back to the document, and to the index.
    await expect(page.locator(`main a[href="${DOC_001}"]`).count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('nav.breadcrumb a[href="/chat-luong-du-lieu/"]').count()).resolves.toBe(1);
    await expectNoSideScroll(page);
    expect(problemList()).toEqual([]);
  });

  it('a document with a lost table shows it on its notes page', async () => {
    const q = quality();
    const doc = q.documents.find((d) => d.issues.some((i) => i.kind === 'lost-table'))!;
    expect(doc).toBeDefined();
    const lost = doc.issues.filter((i) => i.kind === 'lost-table');
    const { page, problemList } = await site.open(`/chat-luong-du-lieu/${doc.id}/`);
    const section = page.locator('section.quality-group', { has: page.locator('h2', { hasText: 'Bảng bị mất trong bản nguồn' }) });
    const text = (await section.innerText()).normalize('NFC');
    for (const i of lost) expect(text).toContain(i.message);
    expect(problemList()).toEqual([]);
  });

  it('lists the most cited documents missing from the archive, with the full list a link away', async () => {
    const missing = graph().cited.filter((c) => c.targetId === null);
    const mostCited = Math.max(...missing.map((c) => c.citedBy.length));
    const { page, problemList } = await site.open('/chat-luong-du-lieu/');
    const section = page.locator('section', { has: page.locator('h2#chua-co-trong-kho') });
    const top = await hrefs(section, '.cited-item a.cited-item__name');
    expect(top.length).toBe(Math.min(10, missing.length));
    expect(missing.find((c) => c.url === top[0])!.citedBy.length).toBe(mostCited);
    await Promise.all([page.waitForURL((u) => u.pathname === '/chat-luong-du-lieu/chua-co-trong-kho/'), section.locator('a', { hasText: `Xem cả ${missing.length} văn bản` }).click()]);
    expect(problemList()).toEqual([]);

    const { links } = await followPages('/chat-luong-du-lieu/chua-co-trong-kho/', '.cited-item a.cited-item__name');
    expect([...links].sort()).toEqual(missing.map((c) => c.url).sort());
  });
});

describe('the index of cited documents (/tham-chieu/)', () => {
  it('lists every issuer once, central bodies first, with counts that add up to every cited document', async () => {
    const g = graph();
    const { page, problemList } = await site.open('/tham-chieu/');
    const groups = await page.locator('.cited-province h3').allInnerTexts();
    expect(groups[0]).toMatch(/^Trung ương/);
    const items = await page.locator('.cited-issuers li').evaluateAll((lis) =>
      lis.map((li) => ({ href: new URL(li.querySelector('a')!.href).pathname, count: Number(/\((\d+) văn bản/.exec(li.textContent ?? '')?.[1]) })),
    );
    const expected = new Map<string, number>();
    for (const c of g.cited) {
      const issuerPage = `/tham-chieu/${c.key.split('/')[0]}/`;
      expected.set(issuerPage, (expected.get(issuerPage) ?? 0) + 1);
    }
    expect(Object.fromEntries(items.map((i) => [i.href, i.count]))).toEqual(Object.fromEntries(expected));
    expect(items.length).toBe(expected.size);
    // Not a list of cited documents: only the short "add first" and conflict lists link to cited pages.
    const citedLinks = (await hrefs(page, 'main a')).filter((h) => /^\/tham-chieu\/[^/]+\/[^/]+\/$/.test(h));
    expect(citedLinks.length).toBeLessThanOrEqual(20);
    await expectNoSideScroll(page);
    expect(problemList()).toEqual([]);
  });

  it('an issuer link leads to its cited documents, paginated, each leading to its page and back to the issuer', async () => {
    const g = graph();
    const counts = new Map<string, number>();
    for (const c of g.cited) counts.set(c.key.split('/')[0]!, (counts.get(c.key.split('/')[0]!) ?? 0) + 1);
    // The issuer with the most cited documents: the one that paginates, if any does.
    const [slug] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
    const mine = g.cited.filter((c) => c.key.startsWith(`${slug}/`));

    const { page, problemList } = await site.open('/tham-chieu/');
    await Promise.all([page.waitForURL((u) => u.pathname === `/tham-chieu/${slug}/`), page.locator(`.cited-issuers a[href="/tham-chieu/${slug}/"]`).click()]);
    expect(problemList()).toEqual([]);
    const { pages, links } = await followPages(`/tham-chieu/${slug}/`, '.cited-item a.cited-item__name');
    expect(pages.length).toBe(Math.ceil(mine.length / PAGE_SIZE));
    expect([...links].sort()).toEqual(mine.map((c) => c.url).sort());

    // Follow one: the cited page names it and links back to the issuer's list.
    const { page: list } = await site.open(`/tham-chieu/${slug}/`);
    const first = list.locator('.cited-item a.cited-item__name').first();
    const name = (await first.innerText()).normalize('NFC');
    const target = pathOf(await first.evaluate((a) => (a as HTMLAnchorElement).href));
    await Promise.all([list.waitForURL((u) => u.pathname === target), first.click()]);
    expect((await list.locator('h1').innerText()).normalize('NFC')).toContain(name);
    await expect(list.locator(`.breadcrumb a[href="/tham-chieu/${slug}/"]`).count()).resolves.toBe(1);
    await expectNoSideScroll(list);
  });

});
