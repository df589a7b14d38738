/**
 * `npm ci` on a fresh machine needs an entry in package-lock.json for every
 * optional dependency, including platform builds the registry does not serve.
 * If this fails, run `npm run lock:fix` (scripts/maintenance/lockfile-optional-stubs.ts).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { missingOptional, platformOf } from '../../scripts/maintenance/lockfile-optional-stubs.ts';

describe('package-lock.json', () => {
  it('has an entry for every optional dependency (else `npm ci` refuses it)', () => {
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
    expect(missingOptional(lock.packages).map((m) => m.name)).toEqual([]);
  });
  it('reads platforms from package names', () => {
    expect(platformOf('@pagefind/darwin-arm64')).toEqual({ os: ['darwin'], cpu: ['arm64'] });
    expect(platformOf('@astrojs/compiler-binding-linux-arm64-musl')).toEqual({ os: ['linux'], cpu: ['arm64'], libc: ['musl'] });
    expect(platformOf('@pagefind/windows-x64')).toEqual({ os: ['win32'], cpu: ['x64'] });
  });
});
