import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, type Article } from '../src/corpus';
import { KIT_VERSION } from '../src/data';
import { runReport, type RunSummary } from '../src/report/run';
import { guardFormula } from '../src/tables/csv';
import { SEED, SEEDS } from './helpers';

type CsvRow = Record<string, string>;
const readCsv = (file: string): CsvRow[] => parse(readFileSync(file, 'utf8'), { columns: true });
const header = (file: string): string => readFileSync(file, 'utf8').split('\n', 1)[0]!;

let out: string;
let unguarded: string;
let summary: RunSummary;
let articles: Article[];
beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'srkit-report-'));
  unguarded = mkdtempSync(join(tmpdir(), 'srkit-report-raw-'));
  summary = await runReport({ corpus: SEEDS, out });
  await runReport({ corpus: SEEDS, out: unguarded, formulaGuard: false, charts: false, parquet: false });
  articles = (await loadCorpus(SEEDS)).articles;
}, 120_000);

describe('report on the bundled seeds', () => {
  it('articles.csv lists the five seeds with the researched dates and outlets', () => {
    const file = join(out, 'tables/articles.csv');
    expect(header(file)).toBe('article_id,file,title,outlet,url,published,date_basis,paragraphs,sentences,words');
    expect(readCsv(file).map((r) => [r.article_id, r.outlet, r.published, r.date_basis, r.paragraphs, r.sentences, r.words])).toEqual([
      [SEED.kyivPost, 'Kyiv Post (AFP wire)', '2024-04-10', 'manifest', '19', '19', '470'],
      [SEED.ap, 'Associated Press', '2022-03-07', 'manifest', '12', '15', '371'],
      [SEED.newsweek, 'Newsweek', '2022-02-28', 'manifest', '19', '36', '707'],
      [SEED.dw, 'DW', '2021-03-23', 'manifest', '24', '26', '490'],
      [SEED.newsmax, 'Newsmax', '2022-06-02', 'manifest', '13', '13', '383'],
    ]);
  });

  it('titles with commas and quotes survive the CSV round trip', () => {
    const titles = readCsv(join(out, 'tables/articles.csv')).map((r) => r.title);
    expect(titles[3]).toBe('China, Russia accuse US of interference');
    expect(titles[0]).toBe('China vows it will not accept "criticism or pressure" over its ties with Russia');
  });

  it('sentences.csv: 109 rows whose offsets slice the cleaned text back to the cell (formula guard off)', () => {
    const rows = readCsv(join(unguarded, 'tables/sentences.csv'));
    expect(header(join(unguarded, 'tables/sentences.csv'))).toBe('article_id,sentence,paragraph,start,end,text');
    expect(rows).toHaveLength(109);
    const byId = new Map(articles.map((a) => [a.article_id, a]));
    for (const r of rows) {
      const a = byId.get(r.article_id!)!;
      expect(a.text.slice(Number(r.start), Number(r.end))).toBe(r.text);
      expect(a.sentences[Number(r.sentence)]!.paragraph).toBe(Number(r.paragraph));
    }
  });

  it('sentences.csv with the formula guard on: the same cells, neutralised where they start with a trigger', () => {
    const guarded = readCsv(join(out, 'tables/sentences.csv'));
    const raw = readCsv(join(unguarded, 'tables/sentences.csv'));
    expect(guarded.map((r) => r.text)).toEqual(raw.map((r) => guardFormula(r.text!)));
    // The subheading "- Continued support -" in 000 is the one seed sentence that starts with a trigger.
    const changed = guarded.filter((r, i) => r.text !== raw[i]!.text).map((r) => [r.article_id, r.sentence, r.text]);
    expect(changed).toEqual([[SEED.kyivPost, '9', "'- Continued support -"]]);
  });

  it('removed.csv names article, line and rule for every removal (000 teaser block first)', () => {
    const rows = readCsv(join(out, 'tables/removed.csv'));
    expect(rows).toHaveLength(18);
    expect(rows.filter((r) => r.article_id === SEED.kyivPost).map((r) => [r.line, r.rule])).toEqual([
      ['18', 'teaser-block'],
      ['19', 'teaser-block'],
      ['21', 'teaser-block'],
      ['23', 'teaser-block'],
      ['48', 'correction-footer'],
      ['49', 'correction-footer'],
    ]);
    expect(rows.find((r) => r.line === '23')?.text).toMatch(/^Zelensky has said dozens of world leaders/);
    expect(rows.map((r) => r.rule).sort()).toEqual(
      ['teaser-block', 'teaser-block', 'teaser-block', 'teaser-block', 'correction-footer', 'correction-footer', 'date-marker', 'photo-credit-parenthesised', 'byline', 'photo-credit-getty', 'skip-link', 'skip-link', 'skip-link', 'dateline', 'photo-credit-image', 'agency-signoff', 'contributor-line', 'copyright'].sort(),
    );
  });

  it('no teaser text from "Other Topics of Interest" reaches sentences.csv', () => {
    const text = readFileSync(join(out, 'tables/sentences.csv'), 'utf8');
    expect(text).not.toContain('Zelensky has said dozens');
    expect(text).not.toContain('Other Topics of Interest');
    expect(readFileSync(join(out, 'tables/removed.csv'), 'utf8')).toContain('Zelensky has said dozens');
  });

  it('run.json: kit version, what was read, nothing skipped, table row counts', () => {
    const json = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as RunSummary;
    expect(json.kit).toEqual({ name: 'sino-russia-kit', version: KIT_VERSION });
    expect(json.articles).toBe(5);
    expect(json.read).toEqual(articles.map((a) => a.file));
    expect(json.skipped).toEqual([]);
    expect(json.warnings).toEqual([]);
    const rows = Object.fromEntries(json.tables.map((t) => [t.name, t.rows]));
    expect([rows.articles, rows.sentences, rows.removed]).toEqual([5, 109, 18]);
    expect(json.timings_ms.total).toBeGreaterThan(0);
    expect(Date.parse(json.finished)).toBeGreaterThanOrEqual(Date.parse(json.started));
    expect(json).toEqual(JSON.parse(JSON.stringify(summary)));
  });
});
