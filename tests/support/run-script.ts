/**
 * Run one of the project's scripts (scripts/build.ts, scripts/bench.ts ...)
 * with this Node, in the project root, asynchronously (a test worker must
 * stay responsive meanwhile). `env` is added to the test's own environment.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from './paths.ts';

export interface ScriptRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr as they came, interleaved. */
  out: string;
}

export function runScript(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<ScriptRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(PROJECT_ROOT, script), ...args], { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const run = { stdout: '', stderr: '', out: '' };
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      run.stdout += chunk;
      run.out += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      run.stderr += chunk;
      run.out += chunk;
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, ...run }));
  });
}
