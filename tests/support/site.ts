/**
 * Per-file fixture for the browser tests: one Chromium per test file, a fresh
 * context per page, and the problems (console errors, failed requests) of
 * every page opened.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { allProblems, launchBrowser, watchPage, type PageProblems } from './browser.ts';

export interface OpenedPage {
  page: Page;
  response: Response | null;
  problems: PageProblems;
  /** Console errors, page errors and failed requests so far, one string each. */
  problemList(): string[];
}

export interface Site {
  /** http://127.0.0.1:<port> (no trailing slash). */
  readonly url: string;
  /** The built site's folder. */
  readonly distDir: string;
  open(path: string): Promise<OpenedPage>;
}

/** Call at the top level of a test file. */
export function useSite(): Site {
  let browser: Browser | null = null;
  const contexts: BrowserContext[] = [];
  const url = inject('siteUrl');
  const distDir = inject('distDir');

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
  });

  return {
    url,
    distDir,
    async open(path: string): Promise<OpenedPage> {
      if (!browser) throw new Error('useSite(): the browser is not running (call open() inside a test)');
      const context = await browser.newContext({ locale: 'vi-VN' });
      contexts.push(context);
      const page = await context.newPage();
      const problems = watchPage(page);
      const response = await page.goto(new URL(path, `${url}/`).href, { waitUntil: 'load' });
      return { page, response, problems, problemList: () => allProblems(problems) };
    },
  };
}

/** One record of dist/data/documents.json (the fields the tests use). */
export interface DocumentRecord {
  id: string;
  url: string;
  number_symbol: string | null;
  title: string | null;
  /** The file in content/sources it was read from. */
  source_file: string;
}

export function readDocumentsJson(distDir: string): DocumentRecord[] {
  const data = JSON.parse(readFileSync(join(distDir, 'data', 'documents.json'), 'utf8')) as unknown;
  if (Array.isArray(data)) return data as DocumentRecord[];
  const documents = (data as { documents?: unknown }).documents;
  if (Array.isArray(documents)) return documents as DocumentRecord[];
  throw new Error('dist/data/documents.json holds neither an array nor { documents: [...] }');
}

/** The source texts shipped in content/sources. */
export function shippedSources(contentDir: string): string[] {
  return readdirSync(join(contentDir, 'sources'))
    .filter((name) => name.endsWith('.txt'))
    .sort();
}

/** A URL's path, for comparing links written relative or absolute. */
export function pathOf(href: string, base: string): string {
  return new URL(href, `${base}/`).pathname;
}
