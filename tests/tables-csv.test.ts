import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BackgroundAppender } from '../src/tables/background-appender';
import { CsvTableWriter, csvLines, formatCsv, guardFormula } from '../src/tables/csv';
import type { Row, TableSpec } from '../src/tables/schema';
import { tempCorpus } from './helpers';

const SPEC: TableSpec = {
  name: 'probe',
  file: 'tables/probe.csv',
  description: 'test table',
  columns: [
    { name: 'id', type: 'string', description: 'id' },
    { name: 'n', type: 'number', description: 'a number' },
    { name: 'text', type: 'string', description: 'text' },
  ],
};

const parseBack = (csv: string): string[][] => parse(csv, { relax_column_count: false });

describe('CSV quoting (RFC 4180, parsed back with csv-parse)', () => {
  // Texts from the seeds: a comma inside a title, quotes inside a quote, a newline in a joined caption.
  const tricky: Row[] = [
    { id: 'comma', n: 1, text: 'China, Russia accuse US of interference' },
    { id: 'quotes', n: 2, text: 'China\'s "no limits" partnership with Russia is under scrutiny' },
    { id: 'newline', n: 3, text: 'China-Russia Relationship Not an Alliance: Beijing\nChina’s foreign ministry spokesman Wang Wenbin' },
    { id: 'crlf', n: 4, text: 'line one\r\nline two' },
    { id: 'all, of "them"\n', n: 5, text: '"", ,\n"' },
    { id: 'unicode', n: 6, text: 'Сергей Лавров и 王毅 🇨🇳🇷🇺' },
  ];

  it('every cell comes back exactly, header first', () => {
    const csv = formatCsv(tricky, SPEC, { formulaGuard: false });
    expect(parseBack(csv)).toEqual([['id', 'n', 'text'], ...tricky.map((r) => [String(r.id), String(r.n), String(r.text)])]);
  });

  it('cells with commas, quotes or newlines are quoted, quotes doubled; plain cells are not quoted', () => {
    const csv = formatCsv(tricky.slice(0, 2), SPEC);
    expect(csv).toBe('id,n,text\ncomma,1,"China, Russia accuse US of interference"\nquotes,2,"China\'s ""no limits"" partnership with Russia is under scrutiny"\n');
  });

  it('missing values are empty cells, not "undefined"', () => {
    const csv = formatCsv([{ id: 'x' } as Row], SPEC);
    expect(csv).toBe('id,n,text\nx,,\n');
    expect(csv).not.toContain('undefined');
  });

  it('the streaming writer writes the same bytes as formatCsv, batch by batch', () => {
    const dir = tempCorpus({});
    const writer = new CsvTableWriter(join(dir, SPEC.file), SPEC);
    writer.write(tricky.slice(0, 3));
    writer.write([]);
    writer.write(tricky.slice(3));
    writer.close();
    expect(writer.rows).toBe(6);
    expect(readFileSync(join(dir, SPEC.file), 'utf8')).toBe(formatCsv(tricky, SPEC));
  });

  it('written in the background, the file holds the same bytes, in order, once finished', async () => {
    const dir = tempCorpus({});
    const writer = new CsvTableWriter(join(dir, SPEC.file), SPEC, {}, { background: true });
    writer.write(tricky.slice(0, 2));
    // bytes as a worker or the cache hands them over, then rows formatted here
    writer.writeLines(Buffer.from(formatCsv(tricky.slice(2, 4), SPEC).split('\n').slice(1).join('\n')), 2);
    writer.write(tricky.slice(4));
    expect(writer.pendingBytes).toBeGreaterThan(0);
    await writer.finish();
    expect(writer.pendingBytes).toBe(0);
    expect(writer.rows).toBe(6);
    expect(readFileSync(join(dir, SPEC.file), 'utf8')).toBe(formatCsv(tricky, SPEC));
    expect(() => writer.write(tricky.slice(0, 1))).toThrow('written after close');
  });

  it('written in the background, a plain close while rows are being written is refused', async () => {
    const dir = tempCorpus({});
    const writer = new CsvTableWriter(join(dir, SPEC.file), SPEC, {}, { background: true });
    writer.write(tricky.slice(0, 3));
    expect(() => writer.close()).toThrow('closed with rows still being written (await finish())');
    await writer.finish();
    expect(readFileSync(join(dir, SPEC.file), 'utf8')).toBe(formatCsv(tricky.slice(0, 3), SPEC));
  });

  it('a background write that fails is thrown when waited for, and refuses more', async () => {
    const dir = tempCorpus({ 'read-only.csv': 'x\n' });
    const fd = openSync(join(dir, 'read-only.csv'), 'r');
    const appender = new BackgroundAppender(fd);
    appender.append(Buffer.from('y\n'));
    await expect(appender.drained()).rejects.toMatchObject({ code: 'EBADF' });
    expect(() => appender.append(Buffer.from('z\n'))).toThrow();
    closeSync(fd);
    expect(readFileSync(join(dir, 'read-only.csv'), 'utf8')).toBe('x\n');
  });

  it('a table with no rows still has its header', () => {
    const dir = tempCorpus({});
    const writer = new CsvTableWriter(join(dir, 'empty.csv'), SPEC);
    writer.close();
    expect(readFileSync(join(dir, 'empty.csv'), 'utf8')).toBe('id,n,text\n');
  });
});

describe('formula guard (OWASP CSV injection)', () => {
  const dangerous = ['=HYPERLINK("http://x.example","click")', '+7 (495) 123', '-2+3', '@SUM(A1:A2)', '\t=1+1', '\rnote', '- Continued support -'];

  it.each(dangerous)('a text cell starting with %j gets a leading single quote', (value) => {
    expect(guardFormula(value)).toBe(`'${value}`);
    const [, row] = parseBack(formatCsv([{ id: 'x', n: 1, text: value }], SPEC));
    expect(row).toEqual(['x', '1', `'${value}`]);
  });

  it('every line inside a cell is guarded: a reader splitting the cell at CR or LF sees no formula', () => {
    expect(guardFormula('Outlet\r+cmd')).toBe("Outlet\r'+cmd");
    expect(guardFormula('x\r@SUM(1)')).toBe("x\r'@SUM(1)");
    expect(guardFormula('\r=2+2')).toBe("'\r'=2+2");
    expect(guardFormula('a\r\n-1\n=2')).toBe("a\r\n'-1\n'=2");
    // a break followed by no trigger, or a trigger later in a line, is left alone
    expect(guardFormula('line one\r\nline two = 2')).toBe('line one\r\nline two = 2');
    const [, row] = parseBack(formatCsv([{ id: 'x', n: 1, text: 'Outlet\r+cmd' }], SPEC));
    expect(row).toEqual(['x', '1', "Outlet\r'+cmd"]);
    expect(csvLines([{ id: 'x', n: 1, text: 'Outlet\r+cmd' }], SPEC, { formulaGuard: false })).toBe('x,1,"Outlet\r+cmd"\n');
  });

  it('text cells that do not start with a trigger are unchanged (a trigger later in the cell is harmless)', () => {
    for (const safe of ['China said =1', 'A 2+2 summit', "'already quoted", ' =1+1 after a space', '']) {
      expect(guardFormula(safe)).toBe(safe);
    }
  });

  it('numbers are untouched, negative numbers too', () => {
    const [, row] = parseBack(formatCsv([{ id: 'neg', n: -3.5, text: 'x' }], SPEC));
    expect(row).toEqual(['neg', '-3.5', 'x']);
    const [, zero] = parseBack(formatCsv([{ id: 'zero', n: 0, text: '-1' }], SPEC));
    expect(zero).toEqual(['zero', '0', "'-1"]);
  });

  it('formulaGuard: false leaves every cell as it is', () => {
    const rows = dangerous.map((text, i) => ({ id: `r${i}`, n: -i, text }));
    const parsed = parseBack(formatCsv(rows, SPEC, { formulaGuard: false }));
    expect(parsed.slice(1).map((r) => r[2])).toEqual(dangerous);
    expect(parsed.slice(1).map((r) => r[1])).toEqual(dangerous.map((_, i) => String(-i)));
  });

  it('the id column is guarded like any text cell', () => {
    const [, row] = parseBack(formatCsv([{ id: '=cmd|calc', n: 1, text: 'x' }], SPEC));
    expect(row![0]).toBe("'=cmd|calc");
  });

  it('the streaming writer guards too, and not with formulaGuard: false', () => {
    const dir = tempCorpus({});
    const on = new CsvTableWriter(join(dir, 'on.csv'), SPEC);
    const off = new CsvTableWriter(join(dir, 'off.csv'), SPEC, { formulaGuard: false });
    for (const w of [on, off]) {
      w.write([{ id: 'a', n: -1, text: '@risk' }]);
      w.close();
    }
    expect(readFileSync(join(dir, 'on.csv'), 'utf8')).toBe("id,n,text\na,-1,'@risk\n");
    expect(readFileSync(join(dir, 'off.csv'), 'utf8')).toBe('id,n,text\na,-1,@risk\n');
  });
});

describe('csvLines, the streamed tables\' kernel, against csv-stringify', () => {
  // Characters that decide quoting and guarding, beside plain and non-ASCII letters.
  const cellText = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\n', '\r', '=', '+', '-', '@', '\t', "'", 'й', '王', '🇨🇳') });
  const cell = fc.oneof(cellText, fc.integer({ min: -1000, max: 1000 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(undefined));
  const row = fc.record({ id: cell, n: cell, text: cell }, { requiredKeys: [] });

  it('writes the very bytes csv-stringify writes, guarded or not', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 6 }), fc.boolean(), (rows, formulaGuard) => {
        const whole = formatCsv(rows as Row[], SPEC, { formulaGuard });
        expect('id,n,text\n' + csvLines(rows as Row[], SPEC, { formulaGuard })).toBe(whole);
      }),
      { numRuns: 300 },
    );
  });

  it('quotes a cell holding a bare carriage return, and one holding a comma; leaves a plain one bare', () => {
    expect(csvLines([{ id: 'Outlet\r+cmd', n: 1, text: 'Lavrov, Wang' }], SPEC)).toBe('"Outlet\r\'+cmd",1,"Lavrov, Wang"\n');
    expect(csvLines([{ id: 'Outlet\rTASS', n: 1, text: 'Lavrov, Wang' }], SPEC)).toBe('"Outlet\rTASS",1,"Lavrov, Wang"\n');
    expect(csvLines([{ id: 'TASS', n: 2, text: 'Wang Yi' }], SPEC)).toBe('TASS,2,Wang Yi\n');
  });
});
