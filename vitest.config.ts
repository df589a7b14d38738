import { defineConfig } from 'vitest/config';

/**
 * One `vitest run` runs every test (npm test):
 * - unit: tests/unit, fast, default timeouts, no build (the global setup fills
 *   the extraction cache from content/sources first: tests/support/warm-extract.ts);
 * - browser: tests/browser, against a site built once from the shipped
 *   content by tests/support/global-setup.ts (a temporary dist, never the
 *   project's dist/) and served on 127.0.0.1; generous timeouts.
 * A project's global setup runs only when that project has tests to run, so
 * `vitest run --project unit` (or a unit test file) does not build the site.
 */
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // Reads the shipped PDF/Word originals once into the extraction cache (OCR takes minutes cold).
          globalSetup: ['tests/support/warm-extract.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/global-setup.ts'],
          // The build in the global setup takes ~20 s (more on a slow CI machine).
          hookTimeout: 180_000,
          testTimeout: 60_000,
          // Each file launches one Chromium; two at a time is plenty.
          maxWorkers: 2,
        },
      },
    ],
  },
});
