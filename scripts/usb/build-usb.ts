/**
 * The "usb" stage of the build: the built site -> the USB edition and its zip.
 *
 *   node scripts/usb/build-usb.ts --dist <built site> --out <folder> [--zip <file>]
 *
 * The folder must not exist or be empty. The public site URL, if any, comes
 * from ARCHIVE_SITE_URL (as for the site; the build sets it from
 * content/site.yaml unless the environment gives one). Exits 1, writing nothing more,
 * when the audit finds a root-absolute URL, a module script or a URL that
 * opens nothing. Run by scripts/build/pipeline.ts into staging folders; see
 * docs/decisions/0701-usb-edition.md.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatBytes } from '../build/run-stage.ts';
import { buildUsbEdition } from './transform.ts';
import { ZIP_TOP_FOLDER, ZipPacker } from './zip.ts';

const USAGE = 'usage: node scripts/usb/build-usb.ts --dist <built site> --out <folder> [--zip <file>]';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ options: { dist: { type: 'string' }, out: { type: 'string' }, zip: { type: 'string' } }, strict: true }));
  } catch (error) {
    console.error(`usb: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!values.dist || !values.out) {
    console.error(USAGE);
    return 2;
  }
  const distDir = resolve(values.dist);
  const outDir = resolve(values.out);
  if (!existsSync(distDir) || !statSync(distDir).isDirectory()) {
    console.error(`usb: no built site at ${distDir}`);
    return 2;
  }
  if (existsSync(outDir) && readdirSync(outDir).length > 0) {
    console.error(`usb: ${outDir} is not empty`);
    return 2;
  }
  const siteUrl = process.env.ARCHIVE_SITE_URL || null;
  // The zip's files are packed by worker threads while the edition is being written.
  const packer = values.zip ? new ZipPacker(outDir) : null;
  const result = await buildUsbEdition({ distDir, outDir, siteUrl, ...(packer ? { sink: packer } : {}) });
  const failures = [...result.problems, ...result.audit.problems];
  if (failures.length > 0) {
    await packer?.close();
    console.error(`usb: the USB edition is not usable from file:// (${failures.length} problem(s)):`);
    for (const problem of failures.slice(0, 50)) console.error(`  ${problem}`);
    if (failures.length > 50) console.error(`  … and ${failures.length - 50} more`);
    return 1;
  }
  for (const note of result.audit.unknown.slice(0, 20)) console.warn(`usb: warning: root-absolute value left as it is (not a known URL attribute): ${note}`);

  const ratio = result.usb.bytes / result.web.bytes;
  console.log(
    `usb: ${result.usb.files} files, ${formatBytes(result.usb.bytes)} (web build ${result.web.files} files, ${formatBytes(result.web.bytes)}: ${ratio.toFixed(2)}×); ` +
      `${result.audit.pages} pages, ${result.audit.urls} URLs checked; ${result.audit.kept.length} citation address(es) kept as written`,
  );
  if (result.pagefind) {
    const p = result.pagefind;
    console.log(
      `usb: Pagefind: classic bundle ${formatBytes(p.bundleBytes)}; ${p.written.length - 1} asset scripts ${formatBytes(p.assetScriptBytes)} ` +
        `for ${formatBytes(p.assetBytes)} of index (+${(((p.assetScriptBytes - p.assetBytes) / Math.max(1, p.assetBytes)) * 100).toFixed(1)} %)`,
    );
  }
  if (!siteUrl) console.log('usb: note: no public address (content/site.yaml public_url, or ARCHIVE_SITE_URL), so citations copied in the USB copy carry the path (/van-ban/…), not a full web address');
  if (packer) {
    const zipFile = resolve(values.zip!);
    const zip = await packer.write(zipFile, ZIP_TOP_FOLDER, result.files);
    console.log(`usb: zip (top folder ${ZIP_TOP_FOLDER}/): ${zip.files} files, ${formatBytes(zip.bytes)}`);
  }
  return 0;
}

process.exitCode = await main();
