/**
 * A convert worker thread (ADR 1202): runs batches of per-document work
 * (convert-workers.ts readOne / emitOne) that the main thread's WorkerPool
 * sends, and answers each batch with its results (JSON text) in task order.
 */
import { parentPort } from 'node:worker_threads';
import { emitOne, readOne, type WorkerReply, type WorkerRequest } from './convert-workers.ts';

if (!parentPort) throw new Error('convert-worker.ts runs as a worker thread (scripts/pipeline/convert-workers.ts)');
const port = parentPort;

port.on('message', async (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    const results: string[] = [];
    if (request.kind === 'read') for (const task of request.tasks) results.push(await readOne(task, request.ctx));
    else for (const task of request.tasks) results.push(emitOne(task, request.cacheDir));
    reply = { id: request.id, results };
  } catch (e) {
    reply = { id: request.id, error: (e as Error).stack ?? String(e) };
  }
  port.postMessage(reply);
});
