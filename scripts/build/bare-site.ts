/**
 * The bench's yardstick (issue 12): a bare Astro + Pagefind site that renders
 * the very same generated MDX as the archive, with nothing of the archive's
 * own: one page per document (<html><title><main data-pagefind-body><Content/>),
 * the project's own astro and @astrojs/mdx, and the markdown settings of the
 * very config file the archive was built with (its `markdown`: Sätteri with
 * smart punctuation off from astro.config.mjs, or the bench's unified
 * engine), then Pagefind over it. The ratio of
 * the whole build to this is what the archive's layout, data pages, checks and
 * USB edition cost on top of rendering and indexing the texts themselves.
 *
 * The site is written into a temporary folder; its node_modules is a link to
 * the project's, so the versions are the project's exactly.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runStage, type StageResult } from './run-stage.ts';
import { binOf } from './pipeline.ts';

export interface BareBuild {
  ok: boolean;
  stages: StageResult[];
  distDir: string;
  message: string | null;
}

/** The bare site's config: nothing of the archive's but its markdown settings (`archiveConfig`: an absolute path). */
const config = (archiveConfig: string) => `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import archive from ${JSON.stringify(archiveConfig)};
export default defineConfig({
  outDir: process.env.BARE_DIST_DIR,
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: archive.markdown,
  integrations: [mdx()],
});
`;

const CONTENT_CONFIG = `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
export const collections = {
  documents: defineCollection({
    loader: glob({ pattern: '*.mdx', base: process.env.BARE_DOCUMENTS_DIR, retainBody: false }),
    schema: z.object({ id: z.string() }),
  }),
};
`;

const PAGE = `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  const documents = await getCollection('documents');
  return documents.map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="vi"><head><meta charset="utf-8"><title>{entry.data.id}</title></head>
<body><main data-pagefind-body><Content /></main></body></html>
`;

/** Write the bare site into `siteDir` (emptied first). */
function writeBareSite(root: string, siteDir: string, archiveConfig: string): void {
  rmSync(siteDir, { recursive: true, force: true });
  mkdirSync(join(siteDir, 'src', 'pages', 'van-ban'), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(siteDir, 'node_modules'), 'dir');
  writeFileSync(join(siteDir, 'package.json'), '{ "name": "bare-site", "private": true, "type": "module" }\n');
  writeFileSync(join(siteDir, 'astro.config.mjs'), config(archiveConfig));
  writeFileSync(join(siteDir, 'src', 'content.config.ts'), CONTENT_CONFIG);
  writeFileSync(join(siteDir, 'src', 'pages', 'van-ban', '[id].astro'), PAGE);
}

/**
 * Build the bare site over `documentsDir` (the converter's generated MDX):
 * astro build, then pagefind, each a child process timed like the archive's
 * stages. `astroConfig`: the config the archive was built with (default
 * `<root>/astro.config.mjs`), whose markdown settings the bare site takes.
 */
export async function buildBareSite(options: { root: string; documentsDir: string; workDir: string; astroConfig?: string; measureMemory?: boolean; logFile?: string }): Promise<BareBuild> {
  const root = resolve(options.root);
  const siteDir = join(resolve(options.workDir), 'bare-site');
  const distDir = join(resolve(options.workDir), 'bare-dist');
  rmSync(distDir, { recursive: true, force: true });
  writeBareSite(root, siteDir, resolve(options.astroConfig ?? join(root, 'astro.config.mjs')));
  const env: NodeJS.ProcessEnv = { ...process.env, BARE_DIST_DIR: distDir, BARE_DOCUMENTS_DIR: resolve(options.documentsDir), ASTRO_TELEMETRY_DISABLED: '1' };
  const run = { measureMemory: options.measureMemory, logFile: options.logFile };
  const stages: StageResult[] = [];
  const astro = await runStage({ name: 'bare astro', command: process.execPath, args: [binOf(root, 'astro'), 'build', '--force'], env, cwd: siteDir }, run);
  stages.push(astro);
  if (!astro.ok) return { ok: false, stages, distDir, message: `bare astro build failed (exit ${astro.exitCode})` };
  const pagefind = await runStage({ name: 'bare pagefind', command: process.execPath, args: [binOf(root, 'pagefind'), '--site', distDir], env, cwd: siteDir }, run);
  stages.push(pagefind);
  if (!pagefind.ok) return { ok: false, stages, distDir, message: `bare pagefind failed (exit ${pagefind.exitCode})` };
  return { ok: true, stages, distDir, message: null };
}

/** The bare site's document pages (van-ban/<id>/index.html), for the page-weight figures. */
export function barePages(distDir: string): string[] {
  const root = join(distDir, 'van-ban');
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .sort()
    .map((id) => `van-ban/${id}/index.html`)
    .filter((page) => existsSync(join(distDir, page)));
}
