/** A worker of zipFolderParallel (zip.ts): reads and packs the files it is given. */
import { parentPort } from 'node:worker_threads';
import { packFile } from './zip.ts';

parentPort!.on('message', ({ id, path, level }: { id: number; path: string; level: number }) => {
  const packed = packFile(path, level);
  // Hand fflate's output over without a copy; a file read as it is (stored) may sit in a
  // buffer Node does not let go of, so that one is copied into its own.
  const data = level === 0 ? new Uint8Array(packed.data) : packed.data;
  const own = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data : data.slice();
  parentPort!.postMessage({ id, size: packed.size, crc: packed.crc, data: own }, [own.buffer as ArrayBuffer]);
});
