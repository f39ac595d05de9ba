/**
 * One segment (segments.ts) of the report, built from its outcomes: its articles'
 * CSV bytes by table, its Parquet parts (written as the articles come), its stages'
 * partial aggregates, and, with a cache, what the cache keeps of it. The same
 * builder runs on the main thread (one thread: outcomes come one at a time) and on a
 * worker (a whole segment is built there and only the result crosses threads: its
 * CSV bytes and aggregates' states, not every article's rows, columns and tallies).
 */
import { join } from 'node:path';
import { skipInput, type CorpusInput } from '../corpus/read';
import type { SkippedInput } from '../corpus/types';
import { Logger, type Warning } from '../logger';
import { messages } from '../messages';
import { PARQUET_TABLES, ParquetTableWriter, parquetPart } from '../tables/parquet';
import type { TableSpec } from '../tables/schema';
import type { PartialAggregate, ReportStage } from '../tables/stage';
import type { ArticleOutput, InputProcessor, InputResult } from './article-output';
import { decodeEntry, encodeEntry, storeSegment, type CachedArticle, type RecordedSegment } from './cache';
import type { PendingItem } from './segments';

/** Where a segment's files go: the run's staged folder, and its cache folder when it keeps one. */
export interface SegmentTargets {
  /** The run's staged output folder (Parquet parts go to OUT/parquet/TABLE/part-INDEX.parquet). */
  out: string;
  /** This run's cache folder (`OutputCache.dir`), if it keeps one. */
  cacheDir?: string;
  /** Write Parquet parts. */
  parquet: boolean;
}

/** A segment as built: what the writer appends and merges (its Parquet parts are already in place), and what the cache keeps of it. */
export type BuiltSegment = RecordedSegment['output'] & {
  /** Its position among the run's segments (its Parquet parts' number). */
  index: number;
};

/** The streamed tables written as Parquet too, in stage order. */
export function parquetSpecs(stages: readonly ReportStage[], parquet: boolean): TableSpec[] {
  return parquet ? stages.flatMap((s) => s.tables).filter((spec) => PARQUET_TABLES.includes(spec.name)) : [];
}

export class SegmentBuilder {
  private readonly files: string[] = [];
  private readonly skipped: SkippedInput[] = [];
  private readonly warnings: Warning[] = [];
  private readonly chunks = new Map<string, { rows: number; csv: Uint8Array[] }>();
  private readonly parts = new Map<string, ParquetTableWriter>();
  private readonly partials: [ReportStage, PartialAggregate<unknown, unknown>][];
  /** [inputKey, entry] of each article, for the cache. */
  private readonly entries: [string, Uint8Array][] = [];

  constructor(
    readonly index: number,
    stages: readonly ReportStage[],
    private readonly targets: SegmentTargets,
  ) {
    for (const spec of parquetSpecs(stages, targets.parquet)) this.parts.set(spec.name, new ParquetTableWriter(join(targets.out, parquetPart(spec, index)), spec));
    this.partials = stages.flatMap((stage) => (stage.partial ? [[stage, stage.partial()] as [ReportStage, PartialAggregate<unknown, unknown>]] : []));
  }

  /** An article: its output, the warnings logged for it, and its cache entry when it came from the cache or was encoded where it was processed. */
  article(key: string, output: ArticleOutput, warnings: readonly Warning[], entry?: Uint8Array): void {
    this.files.push(output.file);
    for (const [name, table] of Object.entries(output.tables)) {
      let chunk = this.chunks.get(name);
      if (!chunk) this.chunks.set(name, (chunk = { rows: 0, csv: [] }));
      chunk.rows += table.rows;
      chunk.csv.push(table.csv);
      if (table.parquet) this.parts.get(name)?.writeColumns(table.parquet, table.rows);
    }
    for (const [stage, partial] of this.partials) if (stage.name in output.tallies) partial.add(output.tallies[stage.name]);
    this.warnings.push(...warnings);
    if (this.targets.cacheDir !== undefined) this.entries.push([key.slice(0, 40), entry ?? encodeEntry(output)]);
  }

  /** An input's outcome, in input order. */
  take(item: InputOutcome): void {
    if (item.kind === 'article') this.article(item.key, item.output, item.warnings, item.cached?.entry ?? item.entry);
    else this.skip(item.skipped, item.warnings);
  }

  skip(skipped: SkippedInput, warnings: readonly Warning[]): void {
    this.skipped.push(skipped);
    this.warnings.push(...warnings);
  }

  /** Closes its Parquet parts and, with a cache and a segment `key`, stores it; the builder is not used after. */
  finish(key?: string): BuiltSegment {
    const paths: Record<string, string> = {};
    for (const [name, writer] of this.parts) {
      writer.close();
      paths[name] = writer.path;
    }
    const tables = Object.fromEntries([...this.chunks].map(([name, { rows, csv }]) => [name, { rows, csv: Buffer.concat(csv) }]));
    const aggregates = Object.fromEntries(this.partials.map(([stage, partial]) => [stage.name, partial.state()]));
    const built: BuiltSegment = { index: this.index, files: this.files, skipped: this.skipped, warnings: this.warnings, tables, aggregates };
    if (this.targets.cacheDir !== undefined && key !== undefined) {
      const { index: _index, ...output } = built;
      storeSegment(this.targets.cacheDir, key, { output, entries: this.entries }, paths);
    }
    return built;
  }
}

/** What became of one input: an article's output (computed, or from the cache), or the reason it was skipped; each with every warning logged for it. */
export type InputOutcome =
  | { kind: 'article'; output: ArticleOutput; warnings: Warning[]; key: string; cached?: CachedArticle; entry?: Uint8Array }
  | { kind: 'skipped'; skipped: SkippedInput; warnings: Warning[] };

/** The outcome of a read item: skipped when read, served from the cache, or the `result` of processing it (skipped when no text was left). */
export function outcomeOf({ input, warnings, key }: PendingItem, result: InputResult | undefined, cached: CachedArticle | undefined): InputOutcome {
  if (input.kind === 'skipped') return { ...input, warnings };
  if (cached) return { kind: 'article', output: cached.output, key: key!, cached, warnings: [...warnings, ...cached.output.warnings] };
  if (!result) throw new Error(`no result for ${input.raw.file}`);
  if (result.kind === 'no-text') {
    const noText = new Logger();
    return { ...skipInput(noText, input.raw.file, messages.noText(), input.raw.line), warnings: [...warnings, ...noText.warnings] };
  }
  return { kind: 'article', output: result.output, key: key!, entry: result.entry, warnings: [...warnings, ...result.output.warnings] };
}

/** A segment to build on a worker: its items as read, each input's cache entry when the cache holds it. */
export interface SegmentRequest {
  id: number;
  index: number;
  key: string;
  items: { pending: PendingItem; entry?: Uint8Array }[];
  targets: SegmentTargets;
}

type Input = Extract<CorpusInput, { kind: 'input' }>;

/**
 * Part of a segment processed ahead of its build, on another worker (the tail of a
 * run, see parallel.ts): each input's output as a cache entry, which the segment's
 * build then takes as it takes the cache's, so the segment comes out the same;
 * undefined where there is nothing to carry (an input skipped when read, or left
 * with no text: the build finds that again at no cost).
 */
export function prepareEntries(items: readonly PendingItem[], processor: InputProcessor): (Uint8Array | undefined)[] {
  return items.map(({ input }) => {
    if (input.kind !== 'input') return undefined;
    const result = processor.process(input);
    if (result.kind !== 'article') return undefined;
    return result.entry ?? encodeEntry(result.output);
  });
}

/** Builds a whole segment: decodes its cached entries, processes its other inputs, and stores it in the cache. */
export function buildSegment(request: SegmentRequest, processor: InputProcessor): BuiltSegment {
  const builder = new SegmentBuilder(request.index, processor.stages, request.targets);
  for (const { pending, entry } of request.items) {
    // the entry crossed threads as bytes: decoded here, off the main thread
    const stored = entry && Buffer.from(entry.buffer, entry.byteOffset, entry.byteLength);
    const cached = stored && { output: decodeEntry<ArticleOutput>(stored), entry: stored };
    const result = pending.input.kind === 'input' && !cached ? processor.process(pending.input as Input) : undefined;
    builder.take(outcomeOf(pending, result, cached));
  }
  return builder.finish(request.key);
}
