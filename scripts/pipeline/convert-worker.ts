/**
 * A convert worker thread (ADR 1202): runs batches of per-document work
 * (convert-workers.ts) that the main thread's WorkerPool sends, and answers
 * each batch with its results in task order:
 * - read: each source's record (JSON text, stored in the convert cache when
 *   the task has a key); the model read and its received text are kept
 *   here, so the rest of the document's work needs little from the main thread;
 * - shingle: the shingles of received texts kept here (duplicates.ts
 *   shingled), for the main thread's comparison of copies;
 * - emit-held: what the link step changed in documents read here -> their
 *   records (from the convert cache when it has them); when the convert
 *   writes into a folder, their MDX pages are written here, straight into it;
 * - emit: whole linked models (JSON) of documents read elsewhere (the cache).
 */
import { parentPort } from 'node:worker_threads';
import type { DocumentModel } from '../lib/model.ts';
import { shingled } from './duplicates.ts';
import { applyLinked, emitHeld, emitOne, readRecord, storeRead, writeEmitted, type ReadResult, type WorkerReply, type WorkerRequest } from './convert-workers.ts';

if (!parentPort) throw new Error('convert-worker.ts runs as a worker thread (scripts/pipeline/convert-workers.ts)');
const port = parentPort;

/** The documents this worker read, by file name: the model as read and the text as received. */
const held = new Map<string, { doc: DocumentModel; received: string }>();

function heldOne(file: string): { doc: DocumentModel; received: string } {
  const h = held.get(file);
  if (!h) throw new Error(`${file}: not read in this worker`);
  return h;
}

port.on('message', async (request: WorkerRequest) => {
  let reply: WorkerReply;
  const transfer: ArrayBuffer[] = [];
  try {
    const results: unknown[] = [];
    if (request.kind === 'read') {
      for (const task of request.tasks) {
        const record = await readRecord(task, request.ctx);
        const json = storeRead(task, request.ctx, record);
        const doc = record.outcome?.doc ?? null;
        if (doc !== null && record.received !== null) held.set(task.name, { doc, received: record.received });
        else held.delete(task.name);
        results.push({ json, held: held.has(task.name) } satisfies ReadResult);
      }
    } else if (request.kind === 'shingle') {
      for (const file of request.files) {
        const s = shingled(heldOne(file).received);
        transfer.push(s.hi.buffer as ArrayBuffer, s.lo.buffer as ArrayBuffer);
        results.push(s);
      }
    } else if (request.kind === 'emit-held') {
      for (const part of request.tasks) {
        const doc = heldOne(part.file).doc;
        results.push(writeEmitted(emitHeld(applyLinked(doc, part), request.cacheDir), doc.id, request.writeTo));
      }
    } else for (const task of request.tasks) results.push(emitOne(task, request.cacheDir));
    reply = { id: request.id, results };
  } catch (e) {
    reply = { id: request.id, error: (e as Error).stack ?? String(e) };
    transfer.length = 0;
  }
  port.postMessage(reply, transfer);
});
