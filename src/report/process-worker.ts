/**
 * Worker thread of `runReport({ workers })`: builds its own input processor (same
 * data files and options as the main thread) and cleans, annotates and digests
 * the batches of inputs it is sent (see article-output.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createInputProcessor, type InputProcessor, type ProcessorOptions } from './article-output';
import type { ProcessReply, ProcessRequest } from './parallel';

const port = parentPort;
if (!port) throw new Error('process-worker must run in a worker thread');

let processor: InputProcessor | undefined;
try {
  processor = createInputProcessor(workerData.options as ProcessorOptions);
  port.postMessage({ ready: true });
} catch (e) {
  port.postMessage({ ready: false, error: (e as Error).message });
}

port.on('message', (request: ProcessRequest) => {
  try {
    const results = request.inputs.map((input) => processor!.process(input));
    port.postMessage({ id: request.id, results } satisfies ProcessReply);
  } catch (e) {
    port.postMessage({ id: request.id, error: String((e as Error).stack ?? e) } satisfies ProcessReply);
  }
});
