/**
 * The home page: one search box and the latest documents (not the whole
 * archive: docs/decisions/1008-browsing-at-archive-scale.md); every document
 * is reachable from its issuer's page.
 */
import { describe, expect, it } from 'vitest';
import { pathOf, readDocumentsJson, useSite } from '../support/site.ts';

const site = useSite();
const LATEST = 10;

describe('home page', () => {
  it('has one search box and links the latest documents, each at its public URL', async () => {
    const { page, response, problemList } = await site.open('/');
    expect(response?.status()).toBe(200);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('vi');
    await expect(page.locator('input[type="search"]').count()).resolves.toBe(1);

    const records = readDocumentsJson(site.distDir);
    expect(records.length).toBeGreaterThanOrEqual(5);
    const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    const linked = new Set(hrefs.map((href) => pathOf(href, site.url)));
    const documentLinks = [...linked].filter((path) => path.startsWith('/van-ban/') && path.split('/').filter(Boolean).length === 4);
    const urls = new Set(records.map((r) => pathOf(r.url, site.url)));
    expect(documentLinks).toHaveLength(Math.min(LATEST, records.length));
    for (const path of documentLinks) expect(urls).toContain(path);
    expect(problemList()).toEqual([]);
  });

  it('every document is listed on its issuer page, the two fixed URLs among them', async () => {
    const records = readDocumentsJson(site.distDir);
    const byIssuer = new Map<string, string[]>();
    for (const r of records) {
      const path = pathOf(r.url, site.url);
      const issuer = path.split('/')[2]!;
      byIssuer.set(issuer, [...(byIssuer.get(issuer) ?? []), path]);
    }
    for (const [issuer, paths] of byIssuer) {
      // Every page of the issuer's listing, following its "next" links.
      const listed: string[] = [];
      let next: string | null = `/van-ban/${issuer}/`;
      while (next) {
        // Plain HTTP: these pages need no script, and a browser per page is slow.
        const response = await fetch(`${site.url}${next}`);
        expect(response.status, next).toBe(200);
        const html = await response.text();
        listed.push(...[...html.matchAll(/<a class="doc-item__link" href="([^"]+)"/g)].map((m) => pathOf(m[1]!, site.url)));
        const more = /<a href="([^"]+)" rel="next"/.exec(html);
        next = more ? pathOf(more[1]!, site.url) : null;
      }
      expect(listed.sort(), issuer).toEqual(paths.sort());
    }
    // The two URLs fixed by the URL scheme (docs/decisions, issue 2).
    expect(byIssuer.get('tinh-uy-quang-ninh')).toContain('/van-ban/tinh-uy-quang-ninh/2017/09-nq-tu/');
    expect(byIssuer.get('hdnd-tinh-quang-ninh')).toContain('/van-ban/hdnd-tinh-quang-ninh/2024/205-nq-hdnd/');
  });

  it('serves dist/data/documents.json with one record per document', async () => {
    const response = await fetch(`${site.url}/data/documents.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    const served = (await response.json()) as unknown;
    const list = readDocumentsJson(site.distDir);
    expect(Array.isArray(served) ? served : (served as { documents: unknown }).documents).toEqual(list);
    for (const record of list) {
      expect(record.url).toMatch(/^(https?:\/\/[^/]+)?\/van-ban\/[a-z0-9-]+\/[a-z0-9-]+\/[a-z0-9.-]+\/$/);
      expect(record.id).toMatch(/^[a-z0-9-]+$/);
    }
  });
});
