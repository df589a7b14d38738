/**
 * npm run build: convert -> astro build -> pagefind, in one command.
 *
 *   node scripts/build.ts [--content <dir>] [--generated <dir>] [--dist <dir>] [--strict]
 *
 * Defaults: content/, .generated/ and dist/ (or the env ARCHIVE_GENERATED_DIR
 * and ARCHIVE_DIST_DIR). With another --dist and no --generated, the
 * generated files go to `<dist>.generated` beside it, so a build into a
 * temporary directory never touches the project's own .generated/.
 *
 * Every stage writes into staging directories (`<parent>/.tmp/...`); dist/
 * and .generated/ are replaced only when all stages succeeded, so a failed
 * build leaves the previous output untouched. See
 * docs/decisions/0101-build-and-determinism.md.
 *
 * A document that cannot be published is held back and the rest builds;
 * --strict (or ARCHIVE_STRICT=1) makes any held-back document fail the build
 * (docs/decisions/1004-held-back-documents.md).
 *
 * --pdf (or ARCHIVE_PDF=1) adds the optional pdf stage: each document page
 * printed to van-ban.pdf beside it (docs/decisions/1403-take-it-away.md).
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { releaseAllLocks } from './build/lock.ts';
import { buildSite, defaultGeneratedDir, PROJECT_ROOT, removeActiveStaging } from './build/pipeline.ts';
import { formatSeconds, killRunningStages } from './build/run-stage.ts';
import { NO_PUBLIC_ADDRESS_WARNING } from './build/site-config.ts';

const USAGE = `usage: node scripts/build.ts [--content <dir>] [--generated <dir>] [--dist <dir>] [--strict] [--pdf]`;

function main(): Promise<number> | number {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        content: { type: 'string' },
        generated: { type: 'string' },
        dist: { type: 'string' },
        strict: { type: 'boolean' },
        pdf: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    console.error(`build: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const contentDir = resolve(values.content ?? resolve(PROJECT_ROOT, 'content'));
  const distDir = resolve(values.dist ?? process.env.ARCHIVE_DIST_DIR ?? resolve(PROJECT_ROOT, 'dist'));
  const generatedDir = resolve(values.generated ?? (values.dist ? undefined : process.env.ARCHIVE_GENERATED_DIR) ?? defaultGeneratedDir(PROJECT_ROOT, distDir));
  const strict = values.strict === true || process.env.ARCHIVE_STRICT === '1';
  // A PDF of each document page: optional, it costs 0.2-0.7 s a document (docs/decisions/1403-take-it-away.md).
  const pdf = values.pdf === true || process.env.ARCHIVE_PDF === '1';
  return run(contentDir, generatedDir, distDir, strict, pdf);
}

async function run(contentDir: string, generatedDir: string, distDir: string, strict: boolean, pdf: boolean): Promise<number> {
  const onSignal = (signal: NodeJS.Signals) => {
    killRunningStages(signal);
    removeActiveStaging();
    releaseAllLocks();
    console.error(`\nbuild: interrupted (${signal}); ${distDir} left unchanged`);
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  console.log(`build: ${contentDir} -> ${generatedDir} -> ${distDir}${strict ? ' (strict)' : ''}`);
  const result = await buildSite({ contentDir, generatedDir, distDir, strict, pdf });
  console.log('');
  for (const stage of result.stages) {
    console.log(`  ${stage.name.padEnd(9)} ${formatSeconds(stage.seconds).padStart(9)}${stage.ok ? '' : '  FAILED'}`);
  }
  console.log(`  ${'total'.padEnd(9)} ${formatSeconds(result.totalSeconds).padStart(9)}`);
  if (!result.ok) {
    console.error(`\nbuild FAILED at stage "${result.failedStage}": ${result.message}`);
    console.error(`${distDir} was left unchanged.`);
    return 1;
  }
  console.log(`\nbuild OK: ${distDir}`);
  // Last, so an editor sees it (content/site.yaml; docs/decisions/1403-take-it-away.md).
  if (result.publicAddress.url === null) console.warn(`\n${NO_PUBLIC_ADDRESS_WARNING}`);
  else console.log(`public address: ${result.publicAddress.url} (${result.publicAddress.from === 'env' ? 'ARCHIVE_SITE_URL' : 'content/site.yaml'})`);
  return 0;
}

process.exitCode = await main();
