/**
 * A second site for browser tests that need other content than the shipped
 * one (a document added, a source broken): copy content/ (tempContent), let
 * the test change the copy, build it ONCE with the same build as the global
 * setup (scripts/build.ts into a temporary dist), serve it on 127.0.0.1 and
 * open pages in the system Chromium with the same problem recorder as
 * useSite(). Everything is deleted afterwards (ARCHIVE_TEST_KEEP=1 keeps it).
 *
 * A build takes ~10 s: use one temp site per test file, for all its tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startStaticServer } from '../../scripts/build/static-server.ts';
import { allProblems, launchBrowser, watchPage } from './browser.ts';
import { buildInto } from './global-setup.ts';
import type { OpenedPage } from './site.ts';
import { tempContent, type TempContent } from './temp-content.ts';

export interface TempSite {
  /** http://127.0.0.1:<port> (no trailing slash); set once the beforeAll hook ran. */
  readonly url: string;
  readonly distDir: string;
  open(path: string): Promise<OpenedPage>;
}

/**
 * Call at the top level of a test file. `prepare` changes the copy of
 * content/ (e.g. `c.write('sources/005_x.txt', text)`) before the build.
 */
export function useTempSite(prepare: (content: TempContent) => void): TempSite {
  let browser: Browser | null = null;
  let server: Awaited<ReturnType<typeof startStaticServer>> | null = null;
  let content: TempContent | null = null;
  let buildDir: string | null = null;
  let dist = '';
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    content = tempContent();
    prepare(content);
    buildDir = mkdtempSync(join(tmpdir(), 'archive-temp-site-'));
    dist = await buildInto(buildDir, content.dir);
    server = await startStaticServer(dist);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
    if (!process.env.ARCHIVE_TEST_KEEP) {
      content?.cleanup();
      if (buildDir) rmSync(buildDir, { recursive: true, force: true });
    }
  });

  return {
    get url() {
      if (!server) throw new Error('useTempSite(): the site is not built yet (use it inside a test)');
      return server.url;
    },
    get distDir() {
      return dist;
    },
    async open(path: string): Promise<OpenedPage> {
      if (!browser || !server) throw new Error('useTempSite(): the site is not running (call open() inside a test)');
      const context = await browser.newContext({ locale: 'vi-VN' });
      contexts.push(context);
      const page = await context.newPage();
      const problems = watchPage(page);
      const response = await page.goto(new URL(path, `${server.url}/`).href, { waitUntil: 'load' });
      return { page, response, problems, problemList: () => allProblems(problems) };
    },
  };
}
