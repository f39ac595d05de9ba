import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { BackgroundAppender } from './background-appender';
import { dirname } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { Row, TableSpec } from './schema';

export interface CsvOptions {
  /**
   * Neutralise text cells that a spreadsheet would run as a formula (those starting
   * with = + - @ tab or CR, or with a line inside them starting so) by prefixing a
   * single quote, as OWASP advises. Default true.
   */
  formulaGuard?: boolean;
}

/**
 * csv-stringify's options: records end with LF, and a cell holding CR or LF is quoted
 * (by default it quotes only cells holding the record delimiter, and a bare CR would
 * start a new record in spreadsheets and Python's csv module).
 */
const STRINGIFY_OPTIONS = { record_delimiter: '\n', quote_record_delimiter: true } as const;

const FORMULA_START = /^[=+\-@\t\r]/;
/** A line break followed by a trigger: a reader that splits the cell at its CR or LF sees that line start a formula. */
const FORMULA_AFTER_BREAK = /(\r\n|\r|\n)(?=[=+\-@\t\r])/g;
const LINE_BREAK = /[\r\n]/;

/**
 * A text cell made safe to open in a spreadsheet: `=1+1` becomes `'=1+1`, and so does
 * every line inside the cell (`Outlet\r+cmd` becomes `Outlet\r'+cmd`): some readers
 * start a record at a bare CR even inside quotes. Numbers are left alone.
 */
export function guardFormula(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return LINE_BREAK.test(guarded) ? guarded.replace(FORMULA_AFTER_BREAK, "$1'") : guarded;
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
  return stringify([spec.columns.map((c) => c.name), ...cells(rows, spec, options.formulaGuard ?? true)], STRINGIFY_OPTIONS);
}

/** A cell that RFC 4180 makes quote: it holds a comma, a double quote, or a line break (CR or LF). */
const NEEDS_QUOTES = /[",\n\r]/;
const QUOTE = /"/g;

/**
 * Rows as CSV lines without the header, as `CsvTableWriter` appends them: the same
 * bytes as csv-stringify gives (a property test holds them equal), written by a
 * small kernel because the report formats a few rows per article per table, and
 * csv-stringify's set-up per call and per cell cost more than the annotators it serves.
 */
export function csvLines(rows: readonly Row[], spec: TableSpec, options: CsvOptions = {}): string {
  const guard = options.formulaGuard ?? true;
  const names = spec.columns.map((c) => c.name);
  let out = '';
  for (const row of rows) {
    for (let i = 0; i < names.length; i++) {
      if (i > 0) out += ',';
      const v = row[names[i]!];
      if (v === undefined || v === null) continue;
      if (typeof v !== 'string') {
        out += String(v);
        continue;
      }
      const text = guard ? guardFormula(v) : v;
      out += NEEDS_QUOTES.test(text) ? `"${text.replace(QUOTE, '""')}"` : text;
    }
    out += '\n';
  }
  return out;
}

/** Writes a table row batch by row batch, so large tables never sit in memory. */
export class CsvTableWriter {
  private fd: number;
  /** With `background`, where the rows go: written on libuv's threads (`finish` waits for them). */
  private readonly appender: BackgroundAppender | undefined;
  rows = 0;

  constructor(
    readonly path: string,
    readonly spec: TableSpec,
    private readonly options: CsvOptions = {},
    { background = false }: { background?: boolean } = {},
  ) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'w');
    writeSync(this.fd, stringify([spec.columns.map((c) => c.name)], STRINGIFY_OPTIONS));
    if (background) this.appender = new BackgroundAppender(this.fd);
  }

  write(rows: readonly Row[]): void {
    this.writeLines(csvLines(rows, this.spec, this.options), rows.length);
  }

  /** Appends `count` rows already formatted by `csvLines` (on a worker thread, or from the cache); bytes are kept until written. */
  writeLines(lines: string | Uint8Array, count: number): void {
    if (count === 0) return;
    if (this.fd < 0) throw new Error(`${this.path}: written after close`);
    if (this.appender) this.appender.append(typeof lines === 'string' ? Buffer.from(lines) : lines);
    else if (typeof lines === 'string') writeSync(this.fd, lines);
    else writeSync(this.fd, lines);
    this.rows += count;
  }

  /** Bytes handed to `writeLines` and not yet written (background writing only). */
  get pendingBytes(): number {
    return this.appender?.pendingBytes ?? 0;
  }

  /** Resolves once the rows handed over so far are written (at once without background writing). */
  async drained(): Promise<void> {
    await this.appender?.drained();
  }

  /** Closes the file; with background writing, call `finish` instead. */
  close(): void {
    if (this.appender?.pendingBytes) throw new Error(`${this.path}: closed with rows still being written (await finish())`);
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }

  /** Waits for every row to be written, then closes the file. */
  async finish(): Promise<void> {
    try {
      await this.drained();
    } finally {
      if (this.fd >= 0) closeSync(this.fd);
      this.fd = -1;
    }
  }
}
