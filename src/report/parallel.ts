/**
 * Annotation on several cores. The main thread reads and cleans the corpus, sends
 * batches of articles to worker threads (each with its own pipeline), and gets
 * back mentions, statements and themes. Results are taken in input order, so the
 * stages see exactly the sequence a single-threaded run sees and every table comes
 * out byte for byte the same; only the annotators, the costly part, run in parallel.
 */
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Mention, Statement, ThemeMatch } from '../annotators/types';
import type { Article, CorpusItem } from '../corpus';
import { KitError } from '../errors';
import { parallelMessages } from '../messages';
import { Logger, type Warning } from '../logger';
import type { AnnotatedArticle, Pipeline, PipelineOptions } from '../pipeline';
import type { AnnotationCache } from './cache';

/** Message to a worker: a batch of articles. */
export interface AnnotateRequest {
  id: number;
  articles: Article[];
}

export interface ArticleAnnotations {
  mentions: Mention[];
  statements: Statement[];
  themes: ThemeMatch[];
  warnings: Warning[];
}

/** A worker's reply: one result per article, in the batch's order, or the error. */
export interface AnnotateReply {
  id: number;
  results?: ArticleAnnotations[];
  error?: string;
}

/**
 * Worker threads run the compiled `annotate-worker.js` from dist/, or the TypeScript
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

/** A fixed set of worker threads, each holding a pipeline built from the same options. */
export class AnnotatorPool {
  private nextId = 0;
  private readonly pending = new Map<number, { slot: Slot; resolve: (r: ArticleAnnotations[]) => void; reject: (e: Error) => void }>();
  private failure: Error | undefined;

  private constructor(private readonly slots: Slot[]) {
    for (const slot of slots) {
      slot.worker.on('message', (reply: AnnotateReply) => this.settle(reply));
      slot.worker.on('error', (e) => this.fail(new KitError(parallelMessages.workerFailed(e.message), 'worker-failed')));
    }
  }

  /** Starts `size` workers and waits until each has loaded its data files. */
  static async start(size: number, options: Omit<PipelineOptions, 'logger'>): Promise<AnnotatorPool> {
    checkWorkers(size);
    const entry = join(__dirname, `annotate-worker${extname(__filename)}`);
    // Resolved here, not in the worker: an eval'd worker resolves from the current folder.
    const tsx = entry.endsWith('.ts') ? require.resolve('tsx/cjs') : undefined;
    const workerOptions = { actors: options.actors, codebook: options.codebook, cues: options.cues };
    const workers = Array.from({ length: size }, () => new Worker(BOOTSTRAP, { eval: true, workerData: { entry, tsx, options: workerOptions } }));
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
    return new AnnotatorPool(workers.map((worker) => ({ worker, inFlight: 0 })));
  }

  get size(): number {
    return this.slots.length;
  }

  /** Annotates a batch on the least busy worker. */
  annotate(articles: Article[]): Promise<ArticleAnnotations[]> {
    if (this.failure) return Promise.reject(this.failure);
    const slot = this.slots.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
    const id = this.nextId++;
    slot.inFlight++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { slot, resolve, reject });
      slot.worker.postMessage({ id, articles } satisfies AnnotateRequest);
    });
  }

  private settle(reply: AnnotateReply): void {
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

export interface AnnotateCorpusOptions {
  /** Worker threads (1: annotate on the calling thread, no workers). */
  workers: number;
  /** Options the workers build their pipelines from (the data files). */
  pipelineOptions: Omit<PipelineOptions, 'logger'>;
  /** Receives reading and annotating warnings, in input order whatever the workers. */
  logger: Logger;
  /** Articles per message to a worker (default 8). */
  batchSize?: number;
  /** Annotations of articles seen before, reused instead of annotating again. */
  cache?: AnnotationCache;
}

export interface AnnotatedItem {
  item: CorpusItem;
  /** Present for articles. */
  annotated?: AnnotatedArticle;
}

/**
 * Reads a corpus and annotates every article, yielding items in input order.
 * `read(logger)` is the reader (it logs to the logger it is given): with workers,
 * its warnings are held back and logged with their item, so the warnings list
 * comes out in the same order as a single-threaded run's.
 */
export async function* annotateCorpus(read: (logger: Logger) => AsyncIterable<CorpusItem>, pipeline: Pipeline, options: AnnotateCorpusOptions): AsyncGenerator<AnnotatedItem> {
  const { cache } = options;
  const annotated = (article: Article, r: ArticleAnnotations): AnnotatedArticle => ({ article, mentions: r.mentions, statements: r.statements, themes: r.themes });
  if (checkWorkers(options.workers) === 1) {
    for await (const item of read(options.logger)) {
      if (item.kind !== 'article') {
        yield { item };
        continue;
      }
      const cached = cache?.get(item.article);
      if (cached) {
        for (const w of cached.warnings) options.logger.warn(w);
        yield { item, annotated: annotated(item.article, cached) };
        continue;
      }
      const before = options.logger.warnings.length;
      const result = pipeline.annotate(item.article);
      cache?.put(item.article, { mentions: result.mentions, statements: result.statements, themes: result.themes, warnings: options.logger.warnings.slice(before) });
      yield { item, annotated: result };
    }
    return;
  }
  const pool = await AnnotatorPool.start(options.workers, options.pipelineOptions);
  const batchSize = options.batchSize ?? 8;
  // Two batches per worker in flight: one being annotated, one waiting, so no worker idles.
  const maxInFlight = pool.size * 2;
  const held: Warning[] = [];
  const readerLogger = new Logger();
  readerLogger.onWarning((w) => held.push(w));

  interface Batch {
    items: { item: CorpusItem; warnings: Warning[]; cached?: ArticleAnnotations }[];
    results: Promise<ArticleAnnotations[]>;
  }
  const queue: Batch[] = [];
  let current: Batch['items'] = [];
  const dispatch = () => {
    const articles = current.flatMap(({ item, cached }) => (item.kind === 'article' && !cached ? [item.article] : []));
    const results = articles.length > 0 ? pool.annotate(articles) : Promise.resolve([]);
    // a rejected batch is awaited (and thrown) in order below; mark it handled meanwhile
    results.catch(() => undefined);
    queue.push({ items: current, results });
    current = [];
  };
  const logger = options.logger;
  async function* drain(batch: Batch): AsyncGenerator<AnnotatedItem> {
    const results = await batch.results;
    let next = 0;
    for (const { item, warnings, cached } of batch.items) {
      for (const w of warnings) logger.warn(w);
      if (item.kind !== 'article') {
        yield { item };
        continue;
      }
      const r = cached ?? results[next++]!;
      if (!cached) cache?.put(item.article, r);
      for (const w of r.warnings) logger.warn(w);
      yield { item, annotated: annotated(item.article, r) };
    }
  }

  try {
    let articlesInBatch = 0;
    for await (const item of read(readerLogger)) {
      const cached = item.kind === 'article' ? cache?.get(item.article) : undefined;
      current.push({ item, warnings: held.splice(0), cached });
      if (item.kind === 'article' && !cached && ++articlesInBatch === batchSize) {
        dispatch();
        articlesInBatch = 0;
        while (queue.length >= maxInFlight) yield* drain(queue.shift()!);
      }
    }
    if (current.length > 0) dispatch();
    while (queue.length > 0) yield* drain(queue.shift()!);
    for (const w of held.splice(0)) logger.warn(w);
  } finally {
    await pool.close();
  }
}
