// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';

export default defineConfig({
  // Absolute site URL for canonical links and citations; optional (the build works without it).
  site: process.env.ARCHIVE_SITE_URL || undefined,
  // Where the built site goes; the pagefind step indexes this folder afterwards.
  outDir: process.env.ARCHIVE_DIST_DIR || 'dist',
  trailingSlash: 'always',
  // Stylesheets are files, never inlined: a page carries its text, the CSS is cached once for the site (issue 12).
  build: { format: 'directory', inlineStylesheets: 'never' },
  markdown: {
    // Faithful typography: never rewrite quotes or dashes of the source text.
    processor: satteri({ features: { smartPunctuation: false } }),
  },
  integrations: [mdx()],
  // Our classic page scripts (src/components/PageScripts.astro, `?url`) stay files however small: a data: URL
  // would put them back in every page.
  vite: { build: { assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined) } },
});
