import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { Row, TableSpec } from './schema';

export interface CsvOptions {
  /**
   * Neutralise text cells that a spreadsheet would run as a formula (those starting
   * with = + - @ tab or CR) by prefixing a single quote, as OWASP advises. Default true.
   */
  formulaGuard?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made safe to open in a spreadsheet: `=1+1` becomes `'=1+1`. Numbers are left alone. */
export function guardFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function cells(rows: readonly Row[], spec: TableSpec, guard: boolean): (string | number)[][] {
  return rows.map((row) =>
    spec.columns.map(({ name }) => {
      const v = row[name];
      if (v === undefined || v === null) return '';
      return typeof v === 'string' && guard ? guardFormula(v) : v;
    }),
  );
}

/** RFC 4180 CSV (quotes, commas and newlines quoted) with a header row, by csv-stringify. */
export function formatCsv(rows: readonly Row[], spec: TableSpec, options: CsvOptions = {}): string {
  return stringify([spec.columns.map((c) => c.name), ...cells(rows, spec, options.formulaGuard ?? true)], { record_delimiter: '\n' });
}

/** Writes a table row batch by row batch, so large tables never sit in memory. */
/** Rows as CSV lines without the header, as `CsvTableWriter` appends them. */
export function csvLines(rows: readonly Row[], spec: TableSpec, options: CsvOptions = {}): string {
  return rows.length === 0 ? '' : stringify(cells(rows, spec, options.formulaGuard ?? true), { record_delimiter: '\n' });
}

export class CsvTableWriter {
  private fd: number;
  rows = 0;

  constructor(
    readonly path: string,
    readonly spec: TableSpec,
    private readonly options: CsvOptions = {},
  ) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'w');
    writeSync(this.fd, stringify([spec.columns.map((c) => c.name)], { record_delimiter: '\n' }));
  }

  write(rows: readonly Row[]): void {
    this.writeLines(csvLines(rows, this.spec, this.options), rows.length);
  }

  /** Appends `count` rows already formatted by `csvLines` (on a worker thread, or from the cache). */
  writeLines(lines: string | Uint8Array, count: number): void {
    if (count === 0) return;
    if (typeof lines === 'string') writeSync(this.fd, lines);
    else writeSync(this.fd, lines);
    this.rows += count;
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
}
