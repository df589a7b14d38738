/**
 * A deterministic zip of a folder (fflate's zip writer, streamed to disk):
 * entries sorted, every entry dated 2000-01-01 00:00 (DOS time is local
 * time; the date is built from local components so the bytes do not depend
 * on the time zone), one deflate level. The entries sit in one top folder,
 * so "Extract All" gives a single folder to copy onto a stick.
 *
 * Each file is deflated whole with fflate's `deflateSync` (pure JavaScript, so
 * the bytes depend on the input and the locked fflate version only, never on
 * the machine's zlib or CPU), at a fast level; files that are already
 * compressed are stored. `ZipPacker` and `zipFolderParallel` pack in worker
 * threads (zip-worker.ts) and write the entries in the same order, so they
 * write the same bytes as `zipFolder`.
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { crc32 } from 'node:zlib';
import { deflateSync, Zip, type ZipInputFile } from 'fflate';
import { listFiles } from '../build/tree.ts';
import { joinAudits, type AuditResult, type FileAudit } from './audit.ts';

/** The one folder inside the USB edition's zip (what "Extract All" gives, to copy onto a stick). */
export const ZIP_TOP_FOLDER = 'luu-tru-nghi-quyet';

const FIXED_TIME = new Date(2000, 0, 1, 0, 0, 0);

/** Already-compressed files gain nothing from deflate. */
const STORED = /\.(zip|gz|png|jpe?g|gif|webp|woff2?|pdf)$/i;

/**
 * The deflate level: 2 of 9. On the USB edition of 2,000 documents (404 MB:
 * HTML, text, JSON, Pagefind's base64 scripts) it gives a zip 6 % larger than
 * level 6 for about 25 % less CPU.
 */
export const ZIP_LEVEL = 2;

/** Compression flag bits of the zip header for a deflate level (as fflate's ZipDeflate sets them). */
const levelFlag = (level: number): number => (level === 1 ? 3 : level < 6 ? 2 : level === 9 ? 1 : 0);

/** How a file goes into the zip: 0 (stored) or the deflate level. */
export function levelFor(file: string): number {
  return STORED.test(file) ? 0 : ZIP_LEVEL;
}

/** One file ready for the zip: its raw size and CRC-32, and the bytes to write (deflated or raw). */
export interface PackedFile {
  size: number;
  crc: number;
  data: Uint8Array;
  /** The file's audit, when asked for (PackPool.pack). */
  audit?: FileAudit;
}

export function packFile(path: string, level: number): PackedFile {
  return packBytes(readFileSync(path), level);
}

export function packBytes(raw: Uint8Array, level: number): PackedFile {
  return { size: raw.length, crc: crc32(raw) >>> 0, data: level === 0 ? raw : deflateSync(raw, { level: level as 1 }) };
}

interface ZipSink {
  add(name: string, level: number, packed: PackedFile): void;
  end(): number;
}

function openZip(zipFile: string): ZipSink {
  const fd = openSync(zipFile, 'w');
  let bytes = 0;
  let failure: Error | null = null;
  let finished = false;
  const zip = new Zip((error, chunk, final) => {
    if (error) {
      failure = error;
      return;
    }
    writeSync(fd, chunk);
    bytes += chunk.length;
    if (final) finished = true;
  });
  const check = () => {
    if (failure) {
      closeSync(fd);
      throw failure;
    }
  };
  return {
    add(name, level, packed) {
      // An entry whose bytes are ready: fflate's writer takes any object with these fields.
      const entry = {
        filename: name,
        compression: level === 0 ? 0 : 8,
        flag: level === 0 ? 0 : levelFlag(level),
        mtime: FIXED_TIME,
        size: packed.size,
        crc: packed.crc,
        ondata: null as unknown as ZipInputFile['ondata'],
      } as ZipInputFile & { flag: number; compression: number };
      zip.add(entry);
      entry.ondata!(null, packed.data as Uint8Array<ArrayBuffer>, true);
      check();
    },
    end() {
      zip.end();
      check();
      closeSync(fd);
      if (!finished) throw new Error('the zip writer did not finish');
      return bytes;
    },
  };
}

/** Zip `dir` into `zipFile`, in this thread. */
export function zipFolder(dir: string, zipFile: string, topFolder: string): { files: number; bytes: number } {
  const files = listFiles(dir);
  const sink = openZip(zipFile);
  for (const file of files) sink.add(`${topFolder}/${file}`, levelFor(file), packFile(join(dir, file), levelFor(file)));
  return { files: files.length, bytes: sink.end() };
}

/** Worker threads (zip-worker.ts) that read and pack files, the least busy one taking the next file. */
export class PackPool {
  private readonly workers: Array<{ worker: Worker; busy: number }>;
  private readonly pending = new Map<number, { resolve: (packed: PackedFile) => void; reject: (error: Error) => void; slot: { busy: number } }>();
  private nextId = 0;
  private failure: Error | null = null;
  /** Files not posted yet, per worker: posted in batches (one message per file costs more than packing a small one). */
  private readonly batches: Array<Array<{ id: number; path: string; level: number; audit?: string }>>;

  /** `expected`: the files the folder will have, for the audit of HTML and CSS files as they are packed (zip-worker.ts). */
  constructor(size = Math.min(4, availableParallelism()), expected: readonly string[] | null = null) {
    this.workers = Array.from({ length: Math.max(1, size) }, () => ({
      worker: new Worker(new URL('./zip-worker.ts', import.meta.url), { workerData: { expected } }),
      busy: 0,
    }));
    this.batches = this.workers.map(() => []);
    for (const slot of this.workers) {
      slot.worker.on('message', (messages: Array<{ id: number } & PackedFile>) => {
        for (const message of messages) {
          const task = this.pending.get(message.id);
          if (!task) continue;
          this.pending.delete(message.id);
          task.slot.busy -= 1;
          task.resolve(message.audit ? { size: message.size, crc: message.crc, data: message.data, audit: message.audit } : { size: message.size, crc: message.crc, data: message.data });
        }
      });
      slot.worker.on('error', (error: Error) => {
        this.failure = error;
        for (const task of this.pending.values()) task.reject(error);
        this.pending.clear();
      });
    }
  }

  /** Pack the file at `path`; with `audit` (its path in the folder), audit it too (PackedFile.audit). */
  pack(path: string, level: number, audit?: string): Promise<PackedFile> {
    if (this.failure) return Promise.reject(this.failure);
    let index = 0;
    for (let i = 1; i < this.workers.length; i++) if (this.workers[i]!.busy < this.workers[index]!.busy) index = i;
    const slot = this.workers[index]!;
    const id = this.nextId++;
    const promise = new Promise<PackedFile>((resolve, reject) => this.pending.set(id, { resolve, reject, slot }));
    promise.catch(() => {}); // awaited later, in zip order; a failure is reported there
    slot.busy += 1;
    const batch = this.batches[index]!;
    batch.push(audit === undefined ? { id, path, level } : { id, path, level, audit });
    if (batch.length >= 16) this.flush();
    return promise;
  }

  /** Post the files waiting in batches. */
  flush(): void {
    this.batches.forEach((batch, index) => {
      if (batch.length === 0) return;
      this.workers[index]!.worker.postMessage(batch.splice(0));
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((slot) => slot.worker.terminate()));
  }
}

/**
 * Files of a folder packed ahead, while the folder is still being written
 * (the usb stage hands each file over as soon as it is final), then the zip
 * written from them in the order of `zipFolder`, byte for byte the same zip.
 */
export class ZipPacker {
  private readonly packed = new Map<string, Promise<PackedFile>>();
  private poolOf: PackPool | null = null;
  private expected: readonly string[] | null = null;
  private readonly dir: string;
  private readonly workers: number | undefined;

  constructor(dir: string, workers?: number) {
    this.dir = dir;
    this.workers = workers;
  }

  get pool(): PackPool {
    this.poolOf ??= new PackPool(this.workers, this.expected);
    return this.poolOf;
  }

  /** Before any file: the files the folder will have (some scripts may still be left out), so the workers audit HTML and CSS files as they pack them. */
  begin(expected: readonly string[]): void {
    if (this.poolOf) throw new Error('ZipPacker.begin after the first file');
    this.expected = expected;
  }

  /** `file` (relative to the folder) is written and will not change again. */
  add(file: string): void {
    const audit = this.expected !== null && /\.(?:html|css)$/.test(file) ? file : undefined;
    this.packed.set(file, this.pool.pack(join(this.dir, file), levelFor(file), audit));
  }

  /** The audit of the finished folder (its `files`), from the workers' audits of its HTML and CSS files. */
  async audit(files: readonly string[]): Promise<AuditResult> {
    if (this.expected === null) throw new Error('ZipPacker.audit without begin');
    const audits = new Map<string, FileAudit>();
    for (const file of files) {
      if (!/\.(?:html|css)$/.test(file)) continue;
      if (!this.packed.has(file)) this.add(file);
    }
    this.pool.flush();
    for (const file of files) {
      if (!/\.(?:html|css)$/.test(file)) continue;
      const packed = await this.packed.get(file)!;
      if (!packed.audit) throw new Error(`${file} was packed without its audit`);
      audits.set(file, packed.audit);
      delete packed.audit;
    }
    return joinAudits(files, audits);
  }

  /** The zip of the whole folder (`files`: its files as listFiles gives them, if known): files not handed over yet are packed now. */
  async write(zipFile: string, topFolder: string, files: readonly string[] = listFiles(this.dir)): Promise<{ files: number; bytes: number }> {
    try {
      const sink = openZip(zipFile);
      // Look ahead a bounded number of files, so a folder packed only now is not held in memory whole.
      const AHEAD = 64;
      const start = (i: number) => {
        const file = files[i];
        if (file !== undefined && !this.packed.has(file)) this.add(file);
      };
      for (let i = 0; i < AHEAD; i++) start(i);
      this.pool.flush();
      for (let i = 0; i < files.length; i++) {
        start(i + AHEAD);
        this.pool.flush(); // nothing awaited may still wait in a batch
        const file = files[i]!;
        const packed = await this.packed.get(file)!;
        this.packed.delete(file);
        sink.add(`${topFolder}/${file}`, levelFor(file), packed);
      }
      return { files: files.length, bytes: sink.end() };
    } finally {
      await this.pool.close();
    }
  }

  async close(): Promise<void> {
    await this.poolOf?.close();
  }
}

/** The same zip as `zipFolder` (byte for byte), the files packed by worker threads. */
export async function zipFolderParallel(dir: string, zipFile: string, topFolder: string, workers?: number): Promise<{ files: number; bytes: number }> {
  return new ZipPacker(dir, workers).write(zipFile, topFolder);
}
