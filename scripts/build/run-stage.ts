/**
 * Run one build stage as a child process: wall time, exit status and (on
 * request) the peak resident memory of the stage's whole process tree.
 *
 * Peak memory comes from GNU time (`/usr/bin/time -f %M`, the kernel's
 * ru_maxrss of the waited-for tree: the largest single process) when it is
 * installed, otherwise from sampling /proc every 50 ms (the largest sum of
 * VmRSS over the tree seen, or the largest VmHWM of one process).
 */
import { spawn } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface StageCommand {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

export type RssMethod = 'gnu-time' | 'proc-sampling' | 'none';

export interface StageResult {
  name: string;
  ok: boolean;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  seconds: number;
  /** Peak resident set size in bytes, when measured. */
  peakRssBytes: number | null;
  rssMethod: RssMethod;
  /** Error starting the process (ENOENT ...), if any. */
  spawnError?: string;
}

export interface RunOptions {
  measureMemory?: boolean;
  /** Append the stage's stdout and stderr to this file instead of the terminal. */
  logFile?: string;
}

const GNU_TIME = '/usr/bin/time';

function hasGnuTime(): boolean {
  return existsSync(GNU_TIME);
}

/** Children currently running, so an interrupted build can stop them. */
const running = new Set<import('node:child_process').ChildProcess>();

export function killRunningStages(signal: NodeJS.Signals = 'SIGTERM'): void {
  for (const child of running) {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

export async function runStage(stage: StageCommand, options: RunOptions = {}): Promise<StageResult> {
  const measure = options.measureMemory === true;
  const useGnuTime = measure && hasGnuTime();
  const timeOut = useGnuTime ? join(tmpdir(), `stage-time-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.txt`) : null;

  let command = stage.command;
  let args = stage.args;
  if (useGnuTime && timeOut) {
    command = GNU_TIME;
    args = ['-f', 'maxrss_kb=%M', '-o', timeOut, stage.command, ...stage.args];
  }

  let logFd: number | null = null;
  if (options.logFile) logFd = openSync(options.logFile, 'a');
  const stdio: import('node:child_process').StdioOptions = logFd === null ? ['ignore', 'inherit', 'inherit'] : ['ignore', logFd, logFd];

  const started = process.hrtime.bigint();
  let sampler: ProcSampler | null = null;

  const result = await new Promise<StageResult>((resolve) => {
    let settled = false;
    const finish = (r: Omit<StageResult, 'name' | 'seconds' | 'peakRssBytes' | 'rssMethod'>) => {
      if (settled) return;
      settled = true;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      resolve({ name: stage.name, seconds, peakRssBytes: null, rssMethod: 'none', ...r });
    };
    let child: import('node:child_process').ChildProcess;
    try {
      child = spawn(command, args, { cwd: stage.cwd, env: stage.env ?? process.env, stdio });
    } catch (error) {
      finish({ ok: false, exitCode: null, signal: null, spawnError: String(error) });
      return;
    }
    running.add(child);
    if (measure && !useGnuTime && child.pid !== undefined) sampler = new ProcSampler(child.pid);
    child.on('error', (error) => {
      running.delete(child);
      finish({ ok: false, exitCode: null, signal: null, spawnError: error.message });
    });
    child.on('exit', (code, signal) => {
      running.delete(child);
      finish({ ok: code === 0, exitCode: code, signal });
    });
  });

  if (logFd !== null) closeSync(logFd);

  if (useGnuTime && timeOut) {
    result.rssMethod = 'gnu-time';
    try {
      const text = readFileSync(timeOut, 'utf8');
      const match = /maxrss_kb=(\d+)/.exec(text);
      if (match?.[1]) result.peakRssBytes = Number(match[1]) * 1024;
    } catch {
      /* time did not write: the command could not start */
    }
    rmSync(timeOut, { force: true });
  } else if (sampler !== null) {
    const s = sampler as ProcSampler;
    s.stop();
    result.rssMethod = 'proc-sampling';
    result.peakRssBytes = s.peakBytes;
  }
  return result;
}

/** Samples the memory of a process tree through /proc (Linux). */
class ProcSampler {
  peakBytes = 0;
  private timer: NodeJS.Timeout;
  private rootPid: number;

  constructor(rootPid: number) {
    this.rootPid = rootPid;
    this.sample();
    this.timer = setInterval(() => this.sample(), 50);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private sample(): void {
    const tree = processTree(this.rootPid);
    let sum = 0;
    for (const pid of tree) {
      const status = readStatus(pid);
      if (!status) continue;
      sum += status.rss;
      if (status.hwm > this.peakBytes) this.peakBytes = status.hwm;
    }
    if (sum > this.peakBytes) this.peakBytes = sum;
  }
}

function readStatus(pid: number): { rss: number; hwm: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = /VmRSS:\s+(\d+) kB/.exec(text);
    const hwm = /VmHWM:\s+(\d+) kB/.exec(text);
    return { rss: Number(rss?.[1] ?? 0) * 1024, hwm: Number(hwm?.[1] ?? 0) * 1024 };
  } catch {
    return null;
  }
}

function processTree(rootPid: number): number[] {
  const parentOf = new Map<number, number>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [rootPid];
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid ...; comm may contain spaces and parentheses.
      const afterComm = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parentOf.set(Number(entry), Number(afterComm[1]));
    } catch {
      /* process ended */
    }
  }
  const tree = [rootPid];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, ppid] of parentOf) if (ppid === tree[i]) tree.push(pid);
  }
  return tree;
}

export function formatSeconds(seconds: number): string {
  return `${seconds.toFixed(seconds < 10 ? 2 : 1)} s`;
}

export function formatBytes(bytes: number | null): string {
  if (bytes === null) return 'n/a';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB`;
}
