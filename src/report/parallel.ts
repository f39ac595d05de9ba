/**
 * The report on several cores. The main thread reads the corpus (files, lines,
 * decoding), groups the inputs into segments (segments.ts) and sends each segment a
 * worker thread; each worker, with its own pipeline, cleans, annotates and digests
 * its inputs and builds the whole segment (segment-builder.ts): its Parquet parts and
 * cache files written, its CSV bytes and its stages' aggregates sent back. Segments
 * are taken in input order, so the tables come out byte for byte the same as a
 * single-threaded run's, while the main thread is left with little more than
 * appending to files and merging aggregates.
 */
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CorpusInput } from '../corpus/read';
import { KitError } from '../errors';
import { parallelMessages } from '../messages';
import { Logger, type Warning } from '../logger';
import type { InputProcessor, ProcessorOptions } from './article-output';
import type { CachedSegment, LoadedSegment, OutputCache } from './cache';
import { segmentsOf, type PendingItem, type Segment } from './segments';
import { outcomeOf, type BuiltSegment, type InputOutcome, type SegmentRequest, type SegmentTargets } from './segment-builder';

/** What a worker is sent: a segment to build, or a run of inputs to process ahead of their segment's build. */
export type WorkerRequest = ({ kind: 'segment' } & SegmentRequest) | { kind: 'entries'; id: number; items: PendingItem[] };

/** A worker's reply: the segment built, or the inputs' entries (see `prepareEntries`), or the error. */
export interface SegmentReply {
  id: number;
  segment?: BuiltSegment;
  entries?: (Uint8Array | undefined)[];
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

/**
 * Inputs in one run processed ahead of a segment's build at the tail of a run: small, so
 * that no worker waits long for another's last piece of work.
 */
export const TAIL_PIECE_INPUTS = 16;

/** Throws a KitError unless `n` is a whole number from 1 to 64. */
export function checkWorkers(n: unknown): number {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1 || n > 64) throw new KitError(parallelMessages.badWorkers(n), 'bad-option');
  return n;
}

interface Slot {
  worker: Worker;
  /** A task sent and not yet returned. */
  busy: boolean;
}

/** A message for a worker, what to do with the reply, and with a failure of the pool. */
interface Task {
  request: WorkerRequest;
  settle: (reply: SegmentReply) => void;
  reject: (error: Error) => void;
}

/** A segment to build, and the promise its caller holds. */
interface Job {
  request: SegmentRequest;
  resolve: (segment: BuiltSegment) => void;
  reject: (error: Error) => void;
}

/**
 * A fixed set of worker threads, each with an input processor built from the same options.
 *
 * Segments go whole to the first worker free, in order. At the tail of a run (the
 * input ended, and no more segments wait than there are workers), a segment is
 * split instead: its inputs go out in pieces of `TAIL_PIECE_INPUTS` to whichever worker
 * is free, and come back as entries that its build then takes as cache entries.
 * Without it, a worker that finished its last segment sat idle while another built
 * a whole segment of some 256 inputs: a few seconds of a run, on a two-core machine
 * the gap between the workers' speed-up and what two cores can do.
 */
export class ProcessorPool {
  private nextId = 0;
  private readonly pending = new Map<number, Task & { slot: Slot }>();
  /** Tasks not yet sent: each goes to the first worker free, so a long segment holds up no other. */
  private readonly waiting: (Task | Job)[] = [];
  private inputEnded = false;
  private failure: Error | undefined;
  private pieces = 0;

  private constructor(private readonly slots: Slot[]) {
    for (const slot of slots) {
      slot.worker.on('message', (reply: SegmentReply) => this.settle(reply));
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
    return new ProcessorPool(workers.map((worker) => ({ worker, busy: false })));
  }

  get size(): number {
    return this.slots.length;
  }

  /** Pieces of segments sent so far (see the class). */
  get piecesSent(): number {
    return this.pieces;
  }

  /** Builds a segment on the first worker free (or, at the tail, on all of them: see the class). */
  build(segment: Omit<SegmentRequest, 'id'>): Promise<BuiltSegment> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting.push({ request: { id: this.nextId++, ...segment }, resolve, reject });
      this.send();
    });
  }

  /** No segment comes after those given so far: the last ones may be split (see the class). */
  endOfInput(): void {
    this.inputEnded = true;
    this.send();
  }

  /** Sends waiting tasks to the workers free. */
  private send(): void {
    for (const slot of this.slots) {
      if (slot.busy) continue;
      let next = this.waiting.shift();
      while (next && 'resolve' in next) next = this.taskOf(next);
      if (!next) return;
      slot.busy = true;
      this.pending.set(next.request.id, { ...next, slot });
      slot.worker.postMessage(next.request);
    }
  }

  /**
   * The task that starts a segment job: its build, or, at the tail, its first piece
   * (the other pieces put first in the queue, the build queued when all are back).
   */
  private taskOf(job: Job): Task | undefined {
    const segmentsWaiting = this.waiting.filter((t) => 'resolve' in t).length + 1;
    const open = job.request.items.flatMap((item, i) => (item.pending.input.kind === 'input' && !item.entry ? [i] : []));
    const build: Task = { request: { kind: 'segment', ...job.request }, settle: (reply) => (reply.segment ? job.resolve(reply.segment) : job.reject(this.failed(reply))), reject: job.reject };
    if (!this.inputEnded || segmentsWaiting > this.slots.length || open.length < 2 * TAIL_PIECE_INPUTS) return build;
    const pieces: number[][] = [];
    for (let i = 0; i < open.length; i += TAIL_PIECE_INPUTS) pieces.push(open.slice(i, i + TAIL_PIECE_INPUTS));
    let left = pieces.length;
    const tasks = pieces.map(
      (piece): Task => ({
        request: { kind: 'entries', id: this.nextId++, items: piece.map((i) => job.request.items[i]!.pending) },
        settle: (reply) => {
          if (!reply.entries) return job.reject(this.failed(reply));
          piece.forEach((i, k) => (job.request.items[i]!.entry = reply.entries![k]));
          // the build first: the run writes segments in order, and this one is the oldest
          if (--left === 0) this.waiting.unshift(build);
        },
        reject: job.reject,
      }),
    );
    this.pieces += tasks.length;
    this.waiting.unshift(...tasks.slice(1));
    return tasks[0];
  }

  private failed(reply: SegmentReply): Error {
    return new KitError(parallelMessages.workerFailed(reply.error ?? 'no result'), 'worker-failed');
  }

  private settle(reply: SegmentReply): void {
    const task = this.pending.get(reply.id);
    if (!task) return;
    this.pending.delete(reply.id);
    task.slot.busy = false;
    task.settle(reply);
    // the next task first: the worker starts on it while this one is written
    this.send();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const task of [...this.pending.values(), ...this.waiting.splice(0)]) task.reject(error);
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
  /** Where the workers write the segments' Parquet parts and cache files. */
  targets: SegmentTargets;
  /** Workers started by the caller (with `workers` > 1), else started here with the first segment to build; closed here. */
  pool?: Promise<ProcessorPool>;
  /** Receives reading, skipping and annotating warnings, in input order whatever the workers. */
  logger: Logger;
  /** Outputs of segments and inputs seen before, reused instead of processing them again. */
  cache?: OutputCache;
}

/**
 * An outcome, in input order. On one thread: each input's outcome, then its
 * segment's end. With workers: each segment built. And a whole segment from the cache.
 */
export type ProcessedItem =
  | InputOutcome
  | { kind: 'segment-end'; key: string }
  | { kind: 'built-segment'; segment: BuiltSegment }
  | { kind: 'cached-segment'; segment: CachedSegment };

/**
 * Reads a corpus and processes every input, yielding outcomes in input order.
 * `read(logger)` is the reader (it logs to the logger it is given): its warnings are
 * held back and logged with their input, so the warnings list comes out in the same
 * order whatever the workers and the cache. Inputs are grouped into segments
 * (segments.ts): a segment the cache holds whole is yielded as one item without
 * processing its inputs; in any other, each input is looked up in the cache and the
 * rest processed, on this thread one input at a time, or on the workers a segment
 * at a time.
 */
export async function* processCorpus(read: (logger: Logger) => AsyncIterable<CorpusInput>, options: ProcessCorpusOptions): AsyncGenerator<ProcessedItem> {
  const { cache, logger } = options;
  const workers = checkWorkers(options.workers);
  const held: Warning[] = [];
  const readerLogger = new Logger();
  readerLogger.onWarning((w) => held.push(w));
  async function* pending(): AsyncGenerator<Omit<PendingItem, 'key'>> {
    for await (const input of read(readerLogger)) yield { input, warnings: held.splice(0) };
  }
  const log = (warnings: readonly Warning[]): void => {
    for (const w of warnings) logger.warn(w);
  };
  const cachedOf = (item: PendingItem) => (item.key ? cache?.get(item.key) : undefined);
  const segments = segmentsOf(pending());
  const loadSegment = (segment: Segment) => cache?.loadSegment(segment) ?? Promise.resolve(undefined);

  if (workers === 1) {
    const processor = options.processor();
    // One segment read ahead: the cache loads it (off this thread) while this one is written.
    let ahead: { segment: Segment; loaded: Promise<LoadedSegment | undefined> } | undefined;
    const take = async function* (segment: Segment, loaded: Promise<LoadedSegment | undefined>): AsyncGenerator<ProcessedItem> {
      const found = await loaded;
      const whole = found && cache?.takeSegment(found);
      if (whole) {
        log(whole.warnings);
        yield { kind: 'cached-segment', segment: whole };
        return;
      }
      for (const item of segment.items) {
        const cached = cachedOf(item);
        const outcome = outcomeOf(item, item.input.kind === 'input' && !cached ? processor.process(item.input) : undefined, cached);
        log(outcome.warnings);
        yield outcome;
      }
      yield { kind: 'segment-end', key: segment.key };
    };
    for await (const segment of segments) {
      const next = { segment, loaded: loadSegment(segment) };
      if (ahead) yield* take(ahead.segment, ahead.loaded);
      ahead = next;
    }
    if (ahead) yield* take(ahead.segment, ahead.loaded);
    log(held.splice(0));
    return;
  }

  // Workers start with the first segment to build: a re-run served by the cache needs none.
  let pool = options.pool;
  // Segments read ahead: as many as four a worker, so a worker free finds the next one ready.
  const maxInFlight = workers * 4;
  const queue: Promise<Extract<ProcessedItem, { kind: 'built-segment' | 'cached-segment' }>>[] = [];
  /** The oldest segment in the queue, its warnings logged. */
  const next = async () => {
    const item = await queue.shift()!;
    log(item.segment.warnings);
    return item;
  };
  let index = 0;
  try {
    for await (const segment of segments) {
      const loaded = await loadSegment(segment);
      const whole = loaded && cache?.takeSegment(loaded);
      if (whole) queue.push(Promise.resolve({ kind: 'cached-segment', segment: whole }));
      else {
        // each cached entry is copied out of its pack (a Buffer's slice is a view), so only its own bytes cross threads
        const items = segment.items.map((pending) => {
          const cached = cachedOf(pending);
          return { pending, entry: cached && new Uint8Array(cached.entry) };
        });
        const request = { index, key: segment.key, items, targets: options.targets };
        const built = (pool ??= ProcessorPool.start(workers, options.processorOptions)).then((p) => p.build(request));
        // a rejected segment is awaited (and thrown) in order below; mark it handled meanwhile
        built.catch(() => undefined);
        queue.push(built.then((s) => ({ kind: 'built-segment' as const, segment: s })));
      }
      index++;
      while (queue.length >= maxInFlight) yield await next();
    }
    void pool?.then((p) => p.endOfInput(), () => undefined);
    while (queue.length > 0) yield await next();
    log(held.splice(0));
  } finally {
    await pool?.then(
      (p) => p.close(),
      () => undefined, // it never started: the error was thrown with the first segment
    );
  }
}
