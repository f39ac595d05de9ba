/**
 * The report on several cores. The main thread reads the corpus (files, lines,
 * decoding) and sends batches of inputs to worker threads; each worker, with its
 * own pipeline, cleans, annotates and digests them (see article-output.ts) and
 * sends back each article's CSV lines, Parquet columns and tallies. Results are
 * taken in input order, so the tables come out byte for byte the same as a
 * single-threaded run's, while the main thread is left with little more than
 * appending to files.
 */
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CorpusInput } from '../corpus/read';
import { skipInput } from '../corpus/read';
import type { SkippedInput } from '../corpus/types';
import { KitError } from '../errors';
import { messages, parallelMessages } from '../messages';
import { Logger, type Warning } from '../logger';
import type { ArticleOutput, InputProcessor, InputResult, ProcessorOptions } from './article-output';
import type { CachedArticle, CachedSegment, OutputCache } from './cache';
import { segmentsOf, type PendingItem, type Segment } from './segments';

type Input = Extract<CorpusInput, { kind: 'input' }>;

/** Message to a worker: a batch of inputs. */
export interface ProcessRequest {
  id: number;
  inputs: Input[];
}

/** A worker's reply: one result per input, in the batch's order, or the error. */
export interface ProcessReply {
  id: number;
  results?: InputResult[];
  error?: string;
}

/**
 * Worker threads run the compiled `process-worker.js` from dist/, or the TypeScript
 * source through tsx's require hook when the kit runs from src/ (tsx, vitest).
 */
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
if (workerData.tsx) require(workerData.tsx);
require(workerData.entry);
`;

/** Throws a KitError unless `n` is a whole number from 1 to 64. */
export function checkWorkers(n: unknown): number {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1 || n > 64) throw new KitError(parallelMessages.badWorkers(n), 'bad-option');
  return n;
}

interface Slot {
  worker: Worker;
  inFlight: number;
}

/** A fixed set of worker threads, each with an input processor built from the same options. */
export class ProcessorPool {
  private nextId = 0;
  private readonly pending = new Map<number, { slot: Slot; resolve: (r: InputResult[]) => void; reject: (e: Error) => void }>();
  private failure: Error | undefined;

  private constructor(private readonly slots: Slot[]) {
    for (const slot of slots) {
      slot.worker.on('message', (reply: ProcessReply) => this.settle(reply));
      slot.worker.on('error', (e) => this.fail(new KitError(parallelMessages.workerFailed(e.message), 'worker-failed')));
    }
  }

  /** Starts `size` workers and waits until each has loaded its data files. */
  static async start(size: number, options: ProcessorOptions): Promise<ProcessorPool> {
    checkWorkers(size);
    const entry = join(__dirname, `process-worker${extname(__filename)}`);
    // Resolved here, not in the worker: an eval'd worker resolves from the current folder.
    const tsx = entry.endsWith('.ts') ? require.resolve('tsx/cjs') : undefined;
    const workers = Array.from({ length: size }, () => new Worker(BOOTSTRAP, { eval: true, workerData: { entry, tsx, options } }));
    try {
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((resolve, reject) => {
              worker.once('message', (m: { ready: boolean; error?: string }) => (m.ready ? resolve() : reject(new KitError(parallelMessages.workerStart(m.error ?? 'unknown error'), 'worker-failed'))));
              worker.once('error', (e) => reject(new KitError(parallelMessages.workerStart(e.message), 'worker-failed')));
            }),
        ),
      );
    } catch (e) {
      await Promise.all(workers.map((w) => w.terminate()));
      throw e;
    }
    return new ProcessorPool(workers.map((worker) => ({ worker, inFlight: 0 })));
  }

  get size(): number {
    return this.slots.length;
  }

  /** Processes a batch on the least busy worker. */
  process(inputs: Input[]): Promise<InputResult[]> {
    if (this.failure) return Promise.reject(this.failure);
    const slot = this.slots.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
    const id = this.nextId++;
    slot.inFlight++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { slot, resolve, reject });
      slot.worker.postMessage({ id, inputs } satisfies ProcessRequest);
    });
  }

  private settle(reply: ProcessReply): void {
    const job = this.pending.get(reply.id);
    if (!job) return;
    this.pending.delete(reply.id);
    job.slot.inFlight--;
    if (reply.results) job.resolve(reply.results);
    else job.reject(new KitError(parallelMessages.workerFailed(reply.error ?? 'no result'), 'worker-failed'));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const job of this.pending.values()) job.reject(error);
    this.pending.clear();
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

export interface ProcessCorpusOptions {
  /** Worker threads (1: process on the calling thread, no workers). */
  workers: number;
  /** The calling thread's processor (used when workers is 1). */
  processor: () => InputProcessor;
  /** Options the workers build their processors from. */
  processorOptions: ProcessorOptions;
  /** Receives reading, skipping and annotating warnings, in input order whatever the workers. */
  logger: Logger;
  /** Inputs per message to a worker, at most (default 8). */
  batchSize?: number;
  /** Outputs of segments and inputs seen before, reused instead of processing them again. */
  cache?: OutputCache;
}

/**
 * An outcome, in input order: an article's output, or the reason an input was
 * skipped, each with every warning logged for it; after a segment's outcomes, its
 * end; or a whole segment from the cache.
 */
export type ProcessedItem =
  | { kind: 'article'; output: ArticleOutput; warnings: Warning[]; key: string; cached?: CachedArticle; entry?: Uint8Array }
  | { kind: 'skipped'; skipped: SkippedInput; warnings: Warning[] }
  | { kind: 'segment-end'; key: string }
  | { kind: 'cached-segment'; segment: CachedSegment };

/**
 * Reads a corpus and processes every input, yielding outcomes in input order.
 * `read(logger)` is the reader (it logs to the logger it is given): its warnings are
 * held back and logged with their input, so the warnings list comes out in the same
 * order whatever the workers and the cache. Inputs are grouped into segments
 * (segments.ts): a segment the cache holds whole is yielded as one item without
 * processing its inputs; in any other, each input is looked up in the cache and
 * the rest processed, in batches on the workers or on this thread.
 */
export async function* processCorpus(read: (logger: Logger) => AsyncIterable<CorpusInput>, options: ProcessCorpusOptions): AsyncGenerator<ProcessedItem> {
  const { cache, logger } = options;
  const workers = checkWorkers(options.workers);
  // Workers start with the first input to process: a re-run served by the cache needs none.
  let pool: Promise<ProcessorPool> | undefined;
  const processor = workers > 1 ? undefined : options.processor();
  const process = (inputs: Input[]): Promise<InputResult[]> =>
    processor
      ? new Promise((resolve) => resolve(inputs.map((input) => processor.process(input))))
      : (pool ??= ProcessorPool.start(workers, options.processorOptions)).then((p) => p.process(inputs));
  const batchSize = options.batchSize ?? 8;
  // With workers, two batches per worker in flight (one processed, one waiting) so none idles.
  const maxInFlight = processor ? 1 : workers * 2;

  const held: Warning[] = [];
  const readerLogger = new Logger();
  readerLogger.onWarning((w) => held.push(w));
  async function* pending(): AsyncGenerator<Omit<PendingItem, 'key'>> {
    for await (const input of read(readerLogger)) yield { input, warnings: held.splice(0) };
  }

  /** An input to yield in order (with its cached output, if any), or an item passed through as it is. */
  type Entry = { pending: PendingItem; cached?: CachedArticle } | { through: ProcessedItem };
  interface Batch {
    entries: Entry[];
    results: Promise<InputResult[]>;
  }
  const queue: Batch[] = [];
  let current: Entry[] = [];
  let toProcess: Input[] = [];
  const dispatch = () => {
    const results = toProcess.length > 0 ? process(toProcess) : Promise.resolve([]);
    // a rejected batch is awaited (and thrown) in order below; mark it handled meanwhile
    results.catch(() => undefined);
    queue.push({ entries: current, results });
    [current, toProcess] = [[], []];
  };
  const outcome = ({ input, warnings, key }: PendingItem, result: InputResult | undefined, cached: CachedArticle | undefined): ProcessedItem => {
    if (input.kind === 'skipped') return { ...input, warnings: log(warnings) };
    if (cached) return { kind: 'article', output: cached.output, key: key!, cached, warnings: log([...warnings, ...cached.output.warnings]) };
    if (result!.kind === 'no-text') {
      const noText = new Logger();
      return { ...skipInput(noText, input.raw.file, messages.noText(), input.raw.line), warnings: log([...warnings, ...noText.warnings]) };
    }
    return { kind: 'article', output: result!.output, key: key!, entry: result!.entry, warnings: log([...warnings, ...result!.output.warnings]) };
  };
  const log = (warnings: Warning[]): Warning[] => {
    for (const w of warnings) logger.warn(w);
    return warnings;
  };
  /** A segment's inputs, each with its output if cached, then its end. */
  function* entriesOf(segment: Segment): Generator<Entry> {
    for (const item of segment.items) yield { pending: item, cached: item.key ? cache?.get(item.key) : undefined };
    yield { through: { kind: 'segment-end', key: segment.key } };
  }
  async function* drain(batch: Batch): AsyncGenerator<ProcessedItem> {
    const results = await batch.results;
    let next = 0;
    for (const entry of batch.entries) {
      if ('through' in entry) {
        if (entry.through.kind === 'cached-segment') log(entry.through.segment.warnings);
        yield entry.through;
      } else {
        const { pending: item, cached } = entry;
        yield outcome(item, item.input.kind === 'input' && !cached ? results[next++] : undefined, cached);
      }
    }
  }

  try {
    for await (const segment of segmentsOf(pending())) {
      const whole = cache?.getSegment(segment);
      for (const entry of whole ? [{ through: { kind: 'cached-segment', segment: whole } } as const] : entriesOf(segment)) {
        current.push(entry);
        if ('pending' in entry && entry.pending.input.kind === 'input' && !entry.cached) toProcess.push(entry.pending.input);
        // A batch holds at most `batchSize` entries, and a cached segment goes at once: what waits in memory stays small.
        if (current.length >= batchSize || whole) {
          dispatch();
          while (queue.length >= maxInFlight) yield* drain(queue.shift()!);
        }
      }
    }
    if (current.length > 0) dispatch();
    while (queue.length > 0) yield* drain(queue.shift()!);
    log(held.splice(0));
  } finally {
    await pool?.then(
      (p) => p.close(),
      () => undefined, // it never started: the error was thrown with the first batch
    );
  }
}
