/**
 * A deterministic zip of a folder (fflate, streamed to disk): entries sorted,
 * every entry dated 2000-01-01 00:00 (DOS time is local time; the date is
 * built from local components so the bytes do not depend on the time zone),
 * one compression level. The entries sit in one top folder, so "Extract
 * All" gives a single folder to copy onto a stick.
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { listFiles } from '../build/tree.ts';

/** The one folder inside the USB edition's zip (what "Extract All" gives, to copy onto a stick). */
export const ZIP_TOP_FOLDER = 'luu-tru-nghi-quyet';

const FIXED_TIME = new Date(2000, 0, 1, 0, 0, 0);

/** Already-compressed files gain nothing from deflate. */
const STORED = /\.(zip|gz|png|jpe?g|gif|webp|woff2?)$/i;

export function zipFolder(dir: string, zipFile: string, topFolder: string): { files: number; bytes: number } {
  const fd = openSync(zipFile, 'w');
  let bytes = 0;
  let failure: Error | null = null;
  let finished = false;
  try {
    const zip = new Zip((error, chunk, final) => {
      if (error) {
        failure = error;
        return;
      }
      writeSync(fd, chunk);
      bytes += chunk.length;
      if (final) finished = true;
    });
    const files = listFiles(dir);
    for (const file of files) {
      const name = `${topFolder}/${file}`;
      const entry = STORED.test(file) ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 6 });
      entry.mtime = FIXED_TIME;
      zip.add(entry);
      entry.push(readFileSync(join(dir, file)), true);
      if (failure) throw failure;
    }
    zip.end();
    if (failure) throw failure;
    if (!finished) throw new Error('the zip writer did not finish');
    return { files: files.length, bytes };
  } finally {
    closeSync(fd);
  }
}
