/** The home page lists every document of the archive. */
import { describe, expect, inject, it } from 'vitest';
import { pathOf, readDocumentsJson, shippedSources, useSite } from '../support/site.ts';

const site = useSite();

describe('home page', () => {
  it('lists the five shipped documents, each linked at its public URL', async () => {
    const { page, response, problemList } = await site.open('/');
    expect(response?.status()).toBe(200);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('vi');

    const records = readDocumentsJson(site.distDir);
    const sources = shippedSources(inject('contentDir'));
    expect(sources).toHaveLength(5);
    expect(records).toHaveLength(sources.length);

    const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    const linked = new Set(hrefs.map((href) => pathOf(href, site.url)));
    const documentLinks = [...linked].filter((path) => path.startsWith('/van-ban/') && path.split('/').filter(Boolean).length === 4);
    expect(documentLinks.sort()).toEqual(records.map((r) => pathOf(r.url, site.url)).sort());

    // The two URLs fixed by the URL scheme (docs/decisions, issue 2).
    expect(linked).toContain('/van-ban/tinh-uy-quang-ninh/2017/09-nq-tu/');
    expect(linked).toContain('/van-ban/hdnd-tinh-quang-ninh/2024/205-nq-hdnd/');

    expect(problemList()).toEqual([]);
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
