/**
 * Worker thread of `runReport({ workers })`: builds its own pipeline (same data
 * files as the main thread) and annotates the batches of articles it is sent,
 * returning mentions, statements, themes and the warnings each article raised.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Article } from '../corpus/types';
import { Logger } from '../logger';
import { createPipeline, type PipelineOptions } from '../pipeline';
import type { AnnotateReply, AnnotateRequest } from './parallel';

const port = parentPort;
if (!port) throw new Error('annotate-worker must run in a worker thread');

const logger = new Logger();
let pipeline: ReturnType<typeof createPipeline> | undefined;
try {
  pipeline = createPipeline({ ...(workerData.options as Omit<PipelineOptions, 'logger'>), logger });
  port.postMessage({ ready: true });
} catch (e) {
  port.postMessage({ ready: false, error: (e as Error).message });
}

port.on('message', (request: AnnotateRequest) => {
  try {
    const results = request.articles.map((article: Article) => {
      const before = logger.warnings.length;
      const { mentions, statements, themes } = pipeline!.annotate(article);
      // warnings are sent with their article, so the main thread logs them in input order
      const warnings = logger.warnings.splice(before);
      return { mentions, statements, themes, warnings };
    });
    port.postMessage({ id: request.id, results } satisfies AnnotateReply);
  } catch (e) {
    port.postMessage({ id: request.id, error: String((e as Error).stack ?? e) } satisfies AnnotateReply);
  }
});
