/**
 * npm run preview: serve a built site over http, as a plain static host would.
 *
 *   node scripts/build/serve.ts [--dist <dir>] [--port <n>] [--host <addr>]
 *
 * Defaults: dist/ (or env ARCHIVE_DIST_DIR), port 4321, host 127.0.0.1.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from './pipeline.ts';
import { startStaticServer } from './static-server.ts';

const { values } = parseArgs({
  options: {
    dist: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
  },
});
const dist = resolve(values.dist ?? process.env.ARCHIVE_DIST_DIR ?? join(PROJECT_ROOT, 'dist'));
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`preview: ${dist} has no index.html; run npm run build first`);
  process.exit(1);
}
const server = await startStaticServer(dist, { port: Number(values.port ?? 4321), host: values.host ?? '127.0.0.1' });
console.log(`preview: serving ${dist} at ${server.url}/ (Ctrl-C to stop)`);
