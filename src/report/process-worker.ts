/**
 * Worker thread of `runReport({ workers })`: builds its own input processor (same
 * data files and options as the main thread) and builds the segments it is sent
 * (see segment-builder.ts), or processes a segment's inputs ahead of its build.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createInputProcessor, type InputProcessor, type ProcessorOptions } from './article-output';
import type { SegmentReply, WorkerRequest } from './parallel';
import { buildSegment, prepareEntries } from './segment-builder';

const port = parentPort;
if (!port) throw new Error('process-worker must run in a worker thread');

let processor: InputProcessor | undefined;
try {
  processor = createInputProcessor(workerData.options as ProcessorOptions);
  port.postMessage({ ready: true });
} catch (e) {
  port.postMessage({ ready: false, error: (e as Error).message });
}

port.on('message', (request: WorkerRequest) => {
  try {
    if (request.kind === 'entries') port.postMessage({ id: request.id, entries: prepareEntries(request.items, processor!) } satisfies SegmentReply);
    else port.postMessage({ id: request.id, segment: buildSegment(request, processor!) } satisfies SegmentReply);
  } catch (e) {
    port.postMessage({ id: request.id, error: String((e as Error).stack ?? e) } satisfies SegmentReply);
  }
});
