/** A worker of PackPool (zip.ts): reads and packs the files it is given, a batch at a time. */
import { parentPort } from 'node:worker_threads';
import { packFile } from './zip.ts';

parentPort!.on('message', (batch: Array<{ id: number; path: string; level: number }>) => {
  const out: Array<{ id: number; size: number; crc: number; data: Uint8Array }> = [];
  const transfer: ArrayBuffer[] = [];
  for (const { id, path, level } of batch) {
    const packed = packFile(path, level);
    // Hand fflate's output over without a copy; a file read as it is (stored) may sit in a
    // buffer Node does not let go of, so that one is copied into its own.
    const data = level === 0 ? new Uint8Array(packed.data) : packed.data;
    const own = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data : data.slice();
    out.push({ id, size: packed.size, crc: packed.crc, data: own });
    transfer.push(own.buffer as ArrayBuffer);
  }
  parentPort!.postMessage(out, transfer);
});
