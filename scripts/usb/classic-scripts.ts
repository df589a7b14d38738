/**
 * Module scripts as classic scripts. Chromium refuses module scripts from
 * file:// (an opaque origin cannot load modules), but runs classic ones, so
 * each module script of the built site (Astro's `_astro/*.js` and their
 * imports) is bundled by esbuild into one IIFE. Imports that name the site's
 * root (`/_astro/x.js`) resolve inside the built site.
 */
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { PAGEFIND_GLOBAL, type ClassicScript } from './html.ts';

/** esbuild plugin: `/x/y.js` is a file of the built site, not of the disk. */
function siteRootImports(siteDir: string): esbuild.Plugin {
  return {
    name: 'site-root-imports',
    setup(build) {
      // (Go regular expressions: no lookahead.) Entry points are disk paths, not site paths.
      build.onResolve({ filter: /^\/[^/]/ }, (args) => (args.kind === 'entry-point' ? undefined : { path: join(siteDir, args.path) }));
    },
  };
}

const COMMON: esbuild.BuildOptions = {
  bundle: true,
  format: 'iife',
  platform: 'browser',
  write: false,
  minify: true,
  legalComments: 'none',
  charset: 'utf8',
  logLevel: 'silent',
  // Astro's output already targets the browsers it supports; keep its syntax.
  target: 'esnext',
};

function classic(result: esbuild.BuildResult): ClassicScript {
  const file = result.outputFiles?.[0];
  if (!file) throw new Error('esbuild wrote nothing');
  const code = file.text;
  return { code, usesPagefind: code.includes(PAGEFIND_GLOBAL) };
}

/** A module file of the site (relative path) bundled into a classic script. */
export async function classicFromModuleFile(siteDir: string, file: string): Promise<ClassicScript> {
  const result = await esbuild.build({ ...COMMON, entryPoints: [join(siteDir, file)], plugins: [siteRootImports(siteDir)] });
  return classic(result);
}

/** An inline module script of the page `file`, bundled into classic code. */
export async function classicFromInlineModule(siteDir: string, code: string, file: string): Promise<ClassicScript> {
  const result = await esbuild.build({
    ...COMMON,
    stdin: { contents: code, resolveDir: join(siteDir, file, '..'), sourcefile: file, loader: 'js' },
    plugins: [siteRootImports(siteDir)],
  });
  const out = classic(result);
  if (/<\/script/i.test(out.code) || /<!--/.test(out.code)) throw new Error(`${file}: an inline module script bundles into code holding "</script" or "<!--"`);
  return out;
}
