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
 * compressed are stored. `zipFolderParallel` deflates in worker threads
 * (zip-worker.ts) and writes the entries in the same order, so it writes the
 * same bytes as `zipFolder`.
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { crc32 } from 'node:zlib';
import { deflateSync, Zip, type ZipInputFile } from 'fflate';
import { listFiles } from '../build/tree.ts';

/** The one folder inside the USB edition's zip (what "Extract All" gives, to copy onto a stick). */
export const ZIP_TOP_FOLDER = 'luu-tru-nghi-quyet';

const FIXED_TIME = new Date(2000, 0, 1, 0, 0, 0);

/** Already-compressed files gain nothing from deflate. */
const STORED = /\.(zip|gz|png|jpe?g|gif|webp|woff2?|pdf|pf_(?:fragment|index|filter|meta))$/i;

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
}

export function packFile(path: string, level: number): PackedFile {
  const raw = readFileSync(path);
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
      entry.ondata!(null, packed.data, true);
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

/**
 * The same zip as `zipFolder` (byte for byte), the files deflated by worker
 * threads, one per core (at most `workers`), a bounded number of files in
 * flight; the entries are written in order as they come back.
 */
export async function zipFolderParallel(dir: string, zipFile: string, topFolder: string, workers = Math.min(4, availableParallelism())): Promise<{ files: number; bytes: number }> {
  const files = listFiles(dir);
  if (workers < 2 || files.length === 0) return zipFolder(dir, zipFile, topFolder);
  const sink = openZip(zipFile);
  const pool = Array.from({ length: workers }, () => new Worker(new URL('./zip-worker.ts', import.meta.url)));
  const results = new Map<number, PackedFile>();
  const WINDOW = workers * 8;
  let next = 0; // next file to hand out
  let written = 0; // next file to write
  try {
    await new Promise<void>((resolvePromise, reject) => {
      const flush = () => {
        while (results.has(written)) {
          const packed = results.get(written)!;
          results.delete(written);
          const file = files[written]!;
          sink.add(`${topFolder}/${file}`, levelFor(file), packed);
          written += 1;
        }
        if (written === files.length) resolvePromise();
      };
      const feed = (worker: Worker) => {
        if (next >= files.length || next - written >= WINDOW) return false;
        const id = next++;
        worker.postMessage({ id, path: join(dir, files[id]!), level: levelFor(files[id]!) });
        return true;
      };
      const idle: Worker[] = [];
      for (const worker of pool) {
        worker.on('error', reject);
        worker.on('message', (message: { id: number } & PackedFile) => {
          results.set(message.id, { size: message.size, crc: message.crc, data: message.data });
          try {
            flush();
          } catch (error) {
            reject(error as Error);
            return;
          }
          if (!feed(worker)) idle.push(worker);
          // Writing frees room in the window: wake the workers that waited.
          while (idle.length > 0 && feed(idle[0]!)) idle.shift();
        });
        // Each worker starts with a few files, so none waits on a round trip.
        for (let i = 0; i < 4; i++) if (!feed(worker)) break;
      }
      if (files.length === 0) resolvePromise();
    });
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
  return { files: files.length, bytes: sink.end() };
}
