/**
 * A worker of PackPool (zip.ts): reads and packs the files it is given, a batch at a time,
 * and audits the HTML and CSS files it is asked to (audit.ts), against the files the
 * folder is expected to have (workerData.expected).
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { auditFile, mayBeLeftOut, type FileAudit } from './audit.ts';
import { siteTreeOf } from './site-tree.ts';
import { packBytes } from './zip.ts';

const expected = (workerData as { expected: string[] | null } | null)?.expected ?? null;
const tree = expected ? siteTreeOf(expected) : null;

parentPort!.on('message', (batch: Array<{ id: number; path: string; level: number; audit?: string }>) => {
  const out: Array<{ id: number; size: number; crc: number; data: Uint8Array; audit?: FileAudit }> = [];
  const transfer: ArrayBuffer[] = [];
  for (const { id, path, level, audit } of batch) {
    const raw = readFileSync(path);
    const packed = packBytes(raw, level);
    // Hand fflate's output over without a copy. A file stored as it is would hand over the
    // buffer readFileSync made, which Node marks untransferable (DataCloneError): copied first.
    const data = level === 0 ? new Uint8Array(packed.data) : packed.data;
    const own = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data : data.slice();
    const result: (typeof out)[number] = { id, size: packed.size, crc: packed.crc, data: own };
    if (audit !== undefined) {
      if (!tree) throw new Error('an audit asked of a pack worker without the expected files');
      result.audit = auditFile(audit, raw.toString('utf8'), tree, mayBeLeftOut);
    }
    out.push(result);
    transfer.push(own.buffer as ArrayBuffer);
  }
  parentPort!.postMessage(out, transfer);
});
