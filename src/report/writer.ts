/**
 * The report's output side: takes the outcomes `processCorpus` yields, in input
 * order, and appends them to the tables. Each streamed table is one CSV file; the
 * large ones are also a Parquet dataset with one part per segment
 * (OUT/parquet/TABLE/part-00000.parquet, …). Each article's tallies go to its
 * segment's partial aggregates, merged into the stages' at the segment's end. A
 * segment the cache holds whole is written from what the cache kept: its CSV bytes,
 * its Parquet parts copied as they are, its aggregates merged. With a cache, every
 * segment built here is stored for the next run.
 */
import { copyFileSync, constants, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SkippedInput } from '../corpus/types';
import { CsvTableWriter, type CsvOptions } from '../tables/csv';
import { parquetDir, parquetPart } from '../tables/parquet';
import type { TableSpec } from '../tables/schema';
import type { OutputCache, RecordedSegment } from './cache';
import type { ProcessedItem } from './parallel';
import type { ReportStage } from '../tables/stage';
import { parquetSpecs, SegmentBuilder, type BuiltSegment, type SegmentTargets } from './segment-builder';

/** CSV bytes that may wait to be written before the run waits for them (see `ReportWriter.ready`). */
const BACKLOG_BYTES = 64 * 1024 * 1024;

export interface TableWritten {
  name: string;
  /** Path under OUT: a CSV file, or a Parquet dataset's folder. */
  file: string;
  rows: number;
  /** Parquet part files. */
  parts?: number;
}

export interface ReportWriterOptions {
  csv: CsvOptions;
  parquet: boolean;
  cache?: OutputCache;
}

export class ReportWriter {
  /** Files of the articles written, and the inputs skipped, in input order. */
  readonly read: string[] = [];
  readonly skipped: SkippedInput[] = [];
  /** Where segments built here or on a worker write their Parquet parts and cache files. */
  readonly targets: SegmentTargets;
  private readonly csv = new Map<string, CsvTableWriter>();
  private readonly parquetSpecs: TableSpec[];
  private readonly parquetRows = new Map<string, number>();
  /** The segment being built here, one outcome at a time (one thread), opened by its first. */
  private open: SegmentBuilder | undefined;
  private segments = 0;

  constructor(
    private readonly out: string,
    private readonly stages: readonly ReportStage[],
    options: ReportWriterOptions,
  ) {
    const specs = stages.flatMap((s) => s.tables);
    for (const spec of specs) this.csv.set(spec.name, new CsvTableWriter(join(out, spec.file), spec, options.csv, { background: true }));
    this.parquetSpecs = parquetSpecs(stages, options.parquet);
    for (const spec of this.parquetSpecs) {
      // `out` is a run's fresh staged folder (report/output-folder.ts): no earlier part can mix with this run's.
      mkdirSync(join(out, parquetDir(spec)), { recursive: true });
      this.parquetRows.set(spec.name, 0);
    }
    this.targets = { out, cacheDir: options.cache?.dir, parquet: options.parquet };
  }

  take(item: ProcessedItem): void {
    switch (item.kind) {
      case 'article':
      case 'skipped':
        (this.open ??= this.builder()).take(item);
        return;
      case 'segment-end':
        this.write((this.open ?? this.builder()).finish(item.key));
        this.open = undefined;
        return;
      case 'built-segment':
        this.write(item.segment);
        return;
      case 'cached-segment': {
        const { segment } = item;
        for (const spec of this.parquetSpecs) copyFileSync(segment.parts[spec.name]!.path, join(this.out, parquetPart(spec, this.segments)), constants.COPYFILE_FICLONE);
        this.append(segment);
        return;
      }
    }
  }

  private builder(): SegmentBuilder {
    return new SegmentBuilder(this.segments, this.stages, this.targets);
  }

  /** Appends a built segment (its Parquet parts already in place) and merges its aggregates. */
  private write(segment: BuiltSegment): void {
    // segments come in input order; a part numbered otherwise would be another segment's
    if (segment.index !== this.segments) throw new Error(`segment ${segment.index} written as number ${this.segments}`);
    this.append(segment);
  }

  /** Appends a segment's CSV bytes, merges its aggregates and counts its Parquet rows (its parts in place). */
  private append(segment: RecordedSegment['output']): void {
    this.read.push(...segment.files);
    this.skipped.push(...segment.skipped);
    for (const [name, chunk] of Object.entries(segment.tables)) this.csv.get(name)!.writeLines(chunk.csv, chunk.rows);
    this.merge(segment.aggregates);
    for (const spec of this.parquetSpecs) this.parquetRows.set(spec.name, this.parquetRows.get(spec.name)! + (segment.tables[spec.name]?.rows ?? 0));
    this.segments++;
  }

  /** Adds a segment's aggregates to the stages', in input order. */
  private merge(aggregates: Record<string, unknown>): void {
    for (const stage of this.stages) if (stage.name in aggregates) stage.merge!(aggregates[stage.name]);
  }

  /**
   * Resolves at once unless more than `BACKLOG_BYTES` of CSV wait to be written (the
   * files are written in the background): then once they are, so a run the cache serves
   * never holds more than that of its segments' bytes.
   */
  async ready(): Promise<void> {
    let pending = 0;
    for (const w of this.csv.values()) pending += w.pendingBytes;
    if (pending > BACKLOG_BYTES) await Promise.all([...this.csv.values()].map((w) => w.drained()));
  }

  /** Writes what is left and closes every file; a run with no segment still gets one empty part per Parquet table. */
  async close(): Promise<void> {
    try {
      if (this.open || this.segments === 0) this.write((this.open ?? this.builder()).finish());
      this.open = undefined;
    } finally {
      // every file closed, the first error thrown
      const closed = await Promise.allSettled([...this.csv.values()].map((w) => w.finish()));
      const failed = closed.find((c): c is PromiseRejectedResult => c.status === 'rejected');
      if (failed) throw failed.reason;
    }
  }

  /** The streamed tables and Parquet datasets written, for run.json. */
  written(): { tables: TableWritten[]; parquet: TableWritten[] } {
    return {
      tables: [...this.csv.values()].map((w) => ({ name: w.spec.name, file: w.spec.file, rows: w.rows })),
      parquet: this.parquetSpecs.map((spec) => ({ name: spec.name, file: parquetDir(spec), rows: this.parquetRows.get(spec.name)!, parts: this.segments })),
    };
  }
}
