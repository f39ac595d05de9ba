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
import { PARQUET_TABLES, ParquetTableWriter, parquetDir, parquetPart } from '../tables/parquet';
import type { TableSpec } from '../tables/schema';
import { SegmentRecorder, type OutputCache } from './cache';
import type { ProcessedItem } from './parallel';
import type { PartialAggregate, ReportStage } from '../tables/stage';

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
  private readonly csv = new Map<string, CsvTableWriter>();
  private readonly parquetSpecs: TableSpec[];
  private readonly parquetRows = new Map<string, number>();
  /** The current segment's Parquet parts and aggregates, opened by its first article. */
  private open: { parts: Map<string, ParquetTableWriter>; partials: Map<ReportStage, PartialAggregate<unknown, unknown>> } | undefined;
  private segments = 0;
  private readonly recorder: SegmentRecorder | undefined;

  constructor(
    private readonly out: string,
    private readonly stages: readonly ReportStage[],
    private readonly options: ReportWriterOptions,
  ) {
    const specs = stages.flatMap((s) => s.tables);
    for (const spec of specs) this.csv.set(spec.name, new CsvTableWriter(join(out, spec.file), spec, options.csv));
    this.parquetSpecs = options.parquet ? specs.filter((spec) => PARQUET_TABLES.includes(spec.name)) : [];
    for (const spec of this.parquetSpecs) {
      // `out` is a run's fresh staged folder (report/output-folder.ts): no earlier part can mix with this run's.
      mkdirSync(join(out, parquetDir(spec)), { recursive: true });
      this.parquetRows.set(spec.name, 0);
    }
    this.recorder = options.cache && new SegmentRecorder();
  }

  take(item: ProcessedItem): void {
    switch (item.kind) {
      case 'article': {
        const { output } = item;
        this.read.push(output.file);
        const segment = (this.open ??= this.openSegment());
        for (const [name, chunk] of Object.entries(output.tables)) {
          this.csv.get(name)!.writeLines(chunk.csv, chunk.rows);
          if (chunk.parquet) segment.parts.get(name)?.writeColumns(chunk.parquet, chunk.rows);
        }
        for (const [stage, partial] of segment.partials) if (stage.name in output.tallies) partial.add(output.tallies[stage.name]);
        this.recorder?.article(item.key, output, item.warnings, item.cached?.entry ?? item.entry);
        return;
      }
      case 'skipped':
        this.skipped.push(item.skipped);
        this.recorder?.skip(item.skipped, item.warnings);
        return;
      case 'segment-end': {
        const { parts, aggregates } = this.closeSegment(this.open ?? this.openSegment());
        this.open = undefined;
        if (this.recorder) this.options.cache!.putSegment(item.key, this.recorder.finish(aggregates), parts);
        return;
      }
      case 'cached-segment': {
        const { segment } = item;
        this.read.push(...segment.files);
        this.skipped.push(...segment.skipped);
        for (const [name, chunk] of Object.entries(segment.tables)) this.csv.get(name)!.writeLines(chunk.csv, chunk.rows);
        this.merge(segment.aggregates);
        for (const spec of this.parquetSpecs) {
          const target = join(this.out, parquetPart(spec, this.segments));
          copyFileSync(segment.parts[spec.name]!.path, target, constants.COPYFILE_FICLONE);
          this.parquetRows.set(spec.name, this.parquetRows.get(spec.name)! + (segment.tables[spec.name]?.rows ?? 0));
        }
        this.segments++;
        return;
      }
    }
  }

  /** Adds a segment's aggregates to the stages', in input order. */
  private merge(aggregates: Record<string, unknown>): void {
    for (const stage of this.stages) if (stage.name in aggregates) stage.merge!(aggregates[stage.name]);
  }

  private openSegment(): NonNullable<ReportWriter['open']> {
    return {
      parts: new Map(this.parquetSpecs.map((spec) => [spec.name, new ParquetTableWriter(join(this.out, parquetPart(spec, this.segments)), spec)])),
      partials: new Map(this.stages.flatMap((stage) => (stage.partial ? [[stage, stage.partial()] as const] : []))),
    };
  }

  /** Closes a segment's parts and merges its aggregates; returns the parts' paths and the aggregates' states. */
  private closeSegment({ parts, partials }: NonNullable<ReportWriter['open']>): { parts: Record<string, string>; aggregates: Record<string, unknown> } {
    const paths: Record<string, string> = {};
    for (const [name, writer] of parts) {
      writer.close();
      this.parquetRows.set(name, this.parquetRows.get(name)! + writer.rows);
      paths[name] = writer.path;
    }
    const aggregates = Object.fromEntries([...partials].map(([stage, partial]) => [stage.name, partial.state()]));
    this.merge(aggregates);
    this.segments++;
    return { parts: paths, aggregates };
  }

  /** Closes every file; a run with no segment still gets one empty part per Parquet table. */
  close(): void {
    for (const w of this.csv.values()) w.close();
    if (this.open) this.closeSegment(this.open);
    else if (this.segments === 0) this.closeSegment(this.openSegment());
    this.open = undefined;
  }

  /** The streamed tables and Parquet datasets written, for run.json. */
  written(): { tables: TableWritten[]; parquet: TableWritten[] } {
    return {
      tables: [...this.csv.values()].map((w) => ({ name: w.spec.name, file: w.spec.file, rows: w.rows })),
      parquet: this.parquetSpecs.map((spec) => ({ name: spec.name, file: parquetDir(spec), rows: this.parquetRows.get(spec.name)!, parts: this.segments })),
    };
  }
}
