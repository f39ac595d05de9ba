/**
 * The large tables also as Apache Parquet (hyparquet-writer), so DuckDB, pandas,
 * Polars and Spark read them directly and shards merge with one query. Each table
 * is a dataset folder of part files, one per segment of the corpus (see
 * report/segments.ts), so a re-run rewrites only the parts whose articles changed.
 * A part is written incrementally: rows are buffered and flushed as one row group
 * every `rowGroupRows` rows, so memory stays bounded whatever the segment's size.
 *
 * Columns keep the CSV's names and values: text and dates as UTF-8 strings
 * (dates ISO YYYY-MM-DD, "" when unknown, exactly as in the CSV), integers as
 * INT32 (offsets and counts), numbers as DOUBLE. No spreadsheet formula guard: Parquet is not opened
 * by spreadsheets, and the values stay the analysed text.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileWriter, ParquetWriter } from 'hyparquet-writer';
import type { SchemaElement } from 'hyparquet';
import type { ColumnSpec, Row, TableSpec } from './schema';

/** The tables written as Parquet too (the ones that grow with the corpus). */
export const PARQUET_TABLES: readonly string[] = ['sentences', 'mentions', 'statements', 'themes'];

/**
 * Columns of running text (a sentence, a statement's content): nearly every value
 * is distinct, so they are written PLAIN without min/max statistics, sparing the
 * writer a dictionary trial and string comparisons that never pay off.
 */
const PROSE_COLUMNS: ReadonlySet<string> = new Set(['text']);

/** A table's Parquet dataset under OUT: `tables/statements.csv` → `parquet/statements`. */
export function parquetDir(spec: TableSpec): string {
  return `parquet/${spec.name}`;
}

/** Part `index` of a table's dataset: `parquet/statements/part-00003.parquet`; parts sort in input order. */
export function parquetPart(spec: TableSpec, index: number): string {
  return `${parquetDir(spec)}/part-${String(index).padStart(5, '0')}.parquet`;
}

function schemaElement(column: ColumnSpec): SchemaElement {
  if (column.type === 'integer') return { name: column.name, type: 'INT32', repetition_type: 'OPTIONAL' };
  if (column.type === 'number') return { name: column.name, type: 'DOUBLE', repetition_type: 'OPTIONAL' };
  return { name: column.name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' };
}

/** One cell: strings as written, numbers as numbers, missing values as null. */
function cell(value: string | number | undefined, column: ColumnSpec): string | number | null {
  if (value === undefined || value === null) return null;
  if (column.type === 'integer' || column.type === 'number') return typeof value === 'number' ? value : value === '' ? null : Number(value);
  return String(value);
}

/** Cells of a table's rows by column (in the spec's order), as `ParquetTableWriter.writeColumns` takes them. */
export type ParquetColumns = (string | number | null)[][];

export function parquetColumns(rows: readonly Row[], spec: TableSpec): ParquetColumns {
  return spec.columns.map((column) => rows.map((r) => cell(r[column.name], column)));
}

/** Writes one table as a Parquet file, row group by row group. */
export class ParquetTableWriter {
  private readonly writer: ParquetWriter;
  private buffer: ParquetColumns;
  private buffered = 0;
  private closed = false;
  rows = 0;

  constructor(
    readonly path: string,
    readonly spec: TableSpec,
    private readonly rowGroupRows = 20_000,
  ) {
    mkdirSync(dirname(path), { recursive: true });
    const schema: SchemaElement[] = [{ name: 'root', num_children: spec.columns.length }, ...spec.columns.map(schemaElement)];
    this.writer = new ParquetWriter({ writer: fileWriter(path), schema, createdBy: 'sino-russia-kit (hyparquet-writer)' });
    this.buffer = spec.columns.map(() => []);
  }

  write(rows: readonly Row[]): void {
    this.writeColumns(parquetColumns(rows, this.spec), rows.length);
  }

  /** Appends `count` rows given by column (from `parquetColumns`, on a worker thread or from the cache). */
  writeColumns(columns: ParquetColumns, count: number): void {
    if (count === 0) return;
    for (let c = 0; c < columns.length; c++) {
      const into = this.buffer[c]!;
      for (const v of columns[c]!) into.push(v);
    }
    this.buffered += count;
    this.rows += count;
    if (this.buffered >= this.rowGroupRows) this.flush();
  }

  private flush(): void {
    if (this.buffered === 0) return;
    const columnData = this.spec.columns.map((column, c) => ({
      name: column.name,
      data: this.buffer[c]!,
      ...(PROSE_COLUMNS.has(column.name) ? { encoding: 'PLAIN' as const, statistics: false } : {}),
    }));
    void this.writer.write({ columnData, rowGroupSize: this.buffered });
    this.buffer = this.spec.columns.map(() => []);
    this.buffered = 0;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.flush();
    void this.writer.finish();
  }
}
