/**
 * Browser helpers for the tests: the system Chromium (see
 * scripts/build/chromium.ts for the flags) and a recorder of everything that
 * goes wrong on a page.
 */
import type { Page } from 'playwright-core';

export { CHROMIUM_ARGS, CHROMIUM_PATH, launchBrowser } from '../../scripts/build/chromium.ts';

/** Everything that went wrong while a page was open. */
export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
}

/**
 * Record console errors, uncaught exceptions, requests that failed and
 * responses with an HTTP error status. Attach before navigating.
 */
export function watchPage(page: Page): PageProblems {
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const where = message.location();
      problems.consoleErrors.push(`${message.text()}${where.url ? ` (${where.url}:${where.lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (error) => problems.pageErrors.push(error.stack ?? error.message));
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText ?? 'failed';
    // The browser cancels what a page was still loading (its favicon) when a click navigates away:
    // not a failure of the site. A missing file shows as HTTP 404 or ERR_FILE_NOT_FOUND instead.
    if (error === 'net::ERR_ABORTED') return;
    problems.failedRequests.push(`${request.method()} ${request.url()}: ${error}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.failedRequests.push(`${response.request().method()} ${response.url()}: HTTP ${response.status()}`);
  });
  return problems;
}

/** All problems as one list, for a single `toEqual([])` with a readable diff. */
export function allProblems(problems: PageProblems): string[] {
  return [
    ...problems.consoleErrors.map((text) => `console error: ${text}`),
    ...problems.pageErrors.map((text) => `page error: ${text}`),
    ...problems.failedRequests.map((text) => `request: ${text}`),
  ];
}
