/**
 * The report's charts and report.html, drawn from `ReportData`: the bounded cuts of
 * the aggregate tables the stages hand over at the end of a run (nothing is read back
 * from the CSVs), or, for tables written elsewhere, the same cuts of OUT/tables/*.csv
 * (`writeChartsAndReport`). With a chart cache, a chart whose spec is unchanged is
 * copied from the cache instead of drawn again.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { countryLabel, countryPalette } from '../charts/colors';
import type { TableRow } from '../charts/common';
import { chartTitle, EXPORT_FORMATS, formatExtension, startExport, type ExportFormat } from '../charts/export';
import { REPORT_CHARTS, type ReportChartDef } from '../charts/registry';
import { KIT_VERSION } from '../data';
import { DEFAULT_WINDOW, type AnalysisWindow } from '../tables/periods';
import { statementsByCountryYear, themesByYear } from '../tables/pivots';
import type { Row } from '../tables/schema';
import { ARTICLE_LIST, DATA_SOURCES, reportDataFromTables, TOP_SPEAKERS, UNREGISTERED_LIST, type ReportData, type ReportDataKey } from '../tables/report-data';
import { CHART_CACHE, ChartCache, chartKey } from './chart-cache';
import { EXPLORABLE_CHARTS, explorerChartPage, hasExplorer } from './explorer-page';
import { reportHtml, type HtmlTable, type Provenance, type ReportChart, type ReportSection } from './html';

export { REPORT_CHARTS, type ReportChartDef } from '../charts/registry';

/** The tables charts and the report read (OUT/tables/NAME.csv) when drawn from CSV files. */
export const REPORT_TABLES = [
  'articles',
  'statements',
  'statements_by_country',
  'statements_by_speaker',
  'mentions',
  'cooccurrence',
  'unregistered',
  'themes_by_year',
  'themes_by_country',
  'keyness',
  // The statements' themes, for the explorer (optional).
  'themes',
  // The co-occurrence explorer's sentences (optional): only those with a mention are kept.
  'sentences',
] as const;
export type ReportTableName = (typeof REPORT_TABLES)[number];

/** The report's tables by name, as parsed CSV rows; absent when the file is. */
export type Tables = Partial<Record<ReportTableName, TableRow[]>>;

/**
 * Reads every CSV in `dir` that a chart or the report uses. Missing files are left out,
 * not errors. Of sentences.csv, the largest table, only the sentences holding a mention
 * (mentions.csv) are kept.
 */
export function readTables(dir: string): Tables {
  const tables: Tables = {};
  for (const name of REPORT_TABLES) {
    const file = join(dir, `${name}.csv`);
    if (!existsSync(file)) continue;
    const mentioned = name === 'sentences' ? new Set((tables.mentions ?? []).map((m) => `${m.article_id}\t${m.sentence}`)) : undefined;
    tables[name] = parse(readFileSync(file), {
      columns: true,
      skip_empty_lines: true,
      bom: true,
      relax_column_count: true,
      ...(mentioned && { on_record: (r: TableRow) => (mentioned.has(`${r.article_id}\t${r.sentence}`) ? r : null) }),
    }) as TableRow[];
  }
  return tables;
}

export interface ChartsAndReportOptions {
  /** Analysis window (default 2021-01-01 to 2024-12-31), as the report's period tables. */
  window?: AnalysisWindow;
  /** Chart formats to write (default all four). */
  formats?: readonly ExportFormat[];
}

export interface ChartsAndReportResult {
  report: string;
  charts: { name: string; files: string[] }[];
  unavailable: { name: string; title: string; reason: string }[];
  /** Charts copied from the chart cache (hits) or drawn (misses), when there is one. */
  cache?: { hits: number; misses: number };
}

/** What report.html says about the run: run.json's fields (a `RunSummary` is one). */
export interface RunInfo {
  kit?: { version?: string };
  corpus?: string;
  finished?: string;
  articles?: number;
  skipped?: unknown[];
  warnings?: unknown[];
  versions?: Record<string, string>;
  keyness?: { target?: string; reference?: string };
}

export interface ReportPageOptions extends ChartsAndReportOptions {
  run: RunInfo;
  /** Why a piece of data is absent, when not because its tables have no rows. */
  missing?: Partial<Record<ReportDataKey, string>>;
  /** Charts drawn before, copied when their spec is unchanged. */
  cache?: ChartCache;
  /** Called before the first chart (0, total, '') and after each: (done, total, chart name). */
  onProgress?: (done: number, total: number, chart: string) => void;
}

/**
 * Reads OUT/tables/*.csv and OUT/run.json, writes every chart to OUT/charts/NAME.{vl.json,
 * svg,png,html} and OUT/report.html. A chart whose tables are missing or empty (or that
 * fails to draw) is left out and listed in the report as not available.
 */
export async function writeChartsAndReport(outDir: string, options: ChartsAndReportOptions = {}): Promise<ChartsAndReportResult> {
  const window = options.window ?? DEFAULT_WINDOW;
  // csv-parse gives strings only: the rows are `Row`s.
  const { data, missing } = reportDataFromTables(readTables(join(outDir, 'tables')) as Partial<Record<string, Row[]>>, window);
  return writeReport(outDir, data, { ...options, window, run: readRunJson(join(outDir, 'run.json')), missing });
}

/** Why a chart cannot be drawn from this data, or undefined when it can. */
function missingInput(def: ReportChartDef, data: Partial<ReportData>, missing: Partial<Record<ReportDataKey, string>>): string | undefined {
  for (const key of def.needs) if (data[key] === undefined) return missing[key] ?? `tables/${DATA_SOURCES[key][0]}.csv has no rows`;
  return undefined;
}

/**
 * Writes every chart of `data` to OUT/charts/NAME.{vl.json,svg,png,html} and
 * OUT/report.html. PNGs are drawn on the thread pool while the next chart's SVG is
 * drawn here.
 */
export async function writeReport(outDir: string, data: Partial<ReportData>, options: ReportPageOptions): Promise<ChartsAndReportResult> {
  const window = options.window ?? DEFAULT_WINDOW;
  const { run, cache } = options;
  mkdirSync(join(outDir, 'charts'), { recursive: true });
  const formats = options.formats ?? EXPORT_FORMATS;
  const ctx = { window, keyness: { target: run.keyness?.target || 'CHN', reference: run.keyness?.reference || 'USA' } };

  const drawn = new Map<string, ReportChart>();
  const result: ChartsAndReportResult = { report: join(outDir, 'report.html'), charts: [], unavailable: [] };
  const pngs: Promise<void>[] = [];
  let done = 0;
  options.onProgress?.(0, REPORT_CHARTS.length, '');
  for (const def of REPORT_CHARTS) {
    const missing = missingInput(def, data, options.missing ?? {});
    if (missing) result.unavailable.push({ name: def.name, title: def.title, reason: missing });
    else {
      try {
        const spec = def.build(data as ReportData, ctx);
        const base = join(outDir, 'charts', def.name);
        const extensions = formats.map((f) => formatExtension(f, spec));
        const key = cache && chartKey(spec, extensions);
        let svg = cache && key ? cache.restore(key, base, extensions) : undefined;
        if (svg === undefined) {
          const started = await startExport(spec, base, { formats });
          svg = started.svg;
          const drawnSvg = svg;
          pngs.push(
            started.png.then(
              () => (cache && key ? cache.store(key, base, extensions, drawnSvg) : undefined),
              // The PNG failed after the rest was written: the chart is not available, as if it had failed to draw.
              (e: Error) => {
                drawn.delete(def.name);
                result.charts = result.charts.filter((c) => c.name !== def.name);
                result.unavailable.push({ name: def.name, title: def.title, reason: `failed to draw: ${e.message}` });
              },
            ),
          );
        }
        drawn.set(def.name, {
          name: def.name,
          title: chartTitle(spec),
          svg,
          files: formats.map((f, i) => ({ format: FORMAT_NAMES[f], file: `charts/${def.name}${extensions[i]}` })),
          spec,
        });
        result.charts.push({ name: def.name, files: extensions.map((ext) => base + ext) });
      } catch (e) {
        result.unavailable.push({ name: def.name, title: def.title, reason: `failed to draw: ${(e as Error).message}` });
      }
    }
    options.onProgress?.(++done, REPORT_CHARTS.length, def.name);
  }
  await Promise.all(pngs);
  if (cache) result.cache = { hits: cache.hits, misses: cache.misses };
  // The explorable charts' pages get the explorer, written after the cache took its copy: the page depends on the
  // statements' (or sentences') rows, not only on the spec the cache is keyed by. Unlinked first, as the file may be the cache's own.
  const content = { statements: data.explorer, sentences: data.cooccurrence_explorer };
  if (formats.includes('html')) {
    for (const name of EXPLORABLE_CHARTS) {
      const chart = drawn.get(name);
      if (!chart?.spec || !hasExplorer(name, content)) continue;
      const file = join(outDir, 'charts', `${name}.html`);
      rmSync(file, { force: true });
      writeFileSync(file, explorerChartPage(name, chart.spec, chart.title, content));
    }
  }

  writeFileSync(
    result.report,
    reportHtml({
      title: 'China–Russia diplomacy coverage: report',
      provenance: provenance(run, data),
      sections: reportSections(data, drawn, window),
      unavailable: result.unavailable.map(({ title, reason }) => ({ title, reason })),
      explorer: data.explorer,
      sentences: data.cooccurrence_explorer,
    }),
  );
  return result;
}

/** What run.json records of the charts. */
export interface RunCharts {
  drawn: number;
  /** Of those, copied from the chart cache. */
  cached: number;
  unavailable: { name: string; reason: string }[];
}

/**
 * The report run's charts and report.html from the stages' data; with the run's cache
 * folders (the previous run's, read, and this run's, written), unchanged charts are
 * copied from the chart cache instead of drawn again.
 */
export async function writeRunCharts(
  outDir: string,
  data: Partial<ReportData>,
  run: RunInfo,
  options: { window: AnalysisWindow; cache?: { from: string; dir: string }; onProgress?: ReportPageOptions['onProgress'] },
): Promise<RunCharts> {
  const cache = options.cache ? new ChartCache(join(options.cache.from, CHART_CACHE), join(options.cache.dir, CHART_CACHE)) : undefined;
  const result = await writeReport(outDir, data, { window: options.window, run, cache, onProgress: options.onProgress });
  return { drawn: result.charts.length, cached: cache?.hits ?? 0, unavailable: result.unavailable.map(({ name, reason }) => ({ name, reason })) };
}

const FORMAT_NAMES: Record<ExportFormat, string> = { spec: 'spec (JSON)', svg: 'SVG', png: 'PNG', html: 'interactive HTML' };

function readRunJson(file: string): RunInfo {
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as RunInfo;
  } catch {
    return {};
  }
}

function provenance(run: RunInfo, data: Partial<ReportData>): Provenance {
  return {
    corpus: run.corpus ?? 'unknown',
    articles: run.articles ?? data.articles?.total ?? 0,
    skipped: run.skipped?.length ?? 0,
    warnings: run.warnings?.length ?? 0,
    dateRange: data.articles?.dates ?? null,
    kitVersion: run.kit?.version ?? KIT_VERSION,
    versions: { registry: 'not recorded', codebook: 'not recorded', cues: 'not recorded', ...(run.versions ?? {}) },
    generated: run.finished ?? new Date().toISOString(),
  };
}

const country = (code: string) => countryLabel(code, countryPalette());

/** Sections of the report in reading order, each with its charts and key tables. */
function reportSections(data: Partial<ReportData>, drawn: Map<string, ReportChart>, window: AnalysisWindow): ReportSection[] {
  const charts = (section: ReportChartDef['section']) =>
    REPORT_CHARTS.filter((d) => d.section === section && drawn.has(d.name)).map((d) => drawn.get(d.name)!);
  const sections: ReportSection[] = [];

  sections.push({
    id: 'corpus',
    title: 'Corpus',
    intro: 'The articles read, with the metadata the kit found for them.',
    charts: charts('corpus'),
    tables: [
      {
        caption: 'Articles',
        source: 'tables/articles.csv',
        limit: ARTICLE_LIST,
        total: data.articles?.total ?? 0,
        columns: [
          { key: 'published', title: 'Published' },
          { key: 'outlet', title: 'Outlet' },
          { key: 'title', title: 'Title' },
          { key: 'sentences', title: 'Sentences', numeric: true },
          { key: 'words', title: 'Words', numeric: true },
        ],
        rows: data.articles?.list ?? [],
      },
    ],
  });

  const statementTables: HtmlTable[] = [];
  if (data.statements_by_country) {
    const pivot = statementsByCountryYear(data.statements_by_country, window, country);
    statementTables.push({
      caption: 'Statements by speaker country and year',
      source: 'tables/statements_by_country.csv',
      columns: [{ key: 'country', title: 'Speaker country' }, ...pivot.years.map((y) => ({ key: y, title: y, numeric: true })), { key: 'total', title: 'Total', numeric: true }],
      rows: pivot.rows,
    });
  }
  if (data.statements_by_speaker) {
    statementTables.push({
      caption: 'Top speakers',
      source: 'tables/statements_by_speaker.csv',
      limit: TOP_SPEAKERS,
      total: data.statements_by_speaker.total,
      columns: [
        { key: 'speaker', title: 'Speaker' },
        { key: 'country', title: 'Country' },
        { key: 'count', title: 'Statements', numeric: true },
        { key: 'articles', title: 'Articles', numeric: true },
        { key: 'first_date', title: 'First' },
        { key: 'last_date', title: 'Last' },
      ],
      rows: data.statements_by_speaker.rows.map((r) => ({ ...r, country: country(String(r.speaker_country ?? '')) })),
    });
  }
  sections.push({
    id: 'statements',
    title: 'Statement frequency',
    intro: 'Who is quoted, how often, and when: attributed statements (direct and reported speech) by speaker country and year.',
    charts: charts('statements'),
    tables: statementTables,
  });

  const actorTables: HtmlTable[] = [];
  if (data.unregistered) {
    const rows = data.unregistered.rows;
    const present = Object.keys(rows[0] ?? {});
    // The readable columns when the table has them (ids and offsets stay in the CSV).
    const preferred = ['name', 'surface', 'count', 'articles', 'sample_text', 'example'].filter((c) => present.includes(c));
    const columns = preferred.length >= 2 ? preferred : present.slice(0, 6);
    actorTables.push({
      caption: 'Unregistered actors (names found in the text but not in the registry)',
      source: 'tables/unregistered.csv',
      limit: UNREGISTERED_LIST,
      total: data.unregistered.total,
      columns: columns.map((c) => ({ key: c, title: c, numeric: rows.every((r) => /^\d+$/.test(String(r[c] ?? ''))) })),
      rows,
    });
  }
  sections.push({
    id: 'actors',
    title: 'Actor co-occurrence',
    intro: 'Which actors are named together: pairs of registered actors in the same sentence (or paragraph or article), overall and by year.',
    charts: charts('actors'),
    tables: actorTables,
  });

  const themeTables: HtmlTable[] = [];
  if (data.themes_by_year) {
    const pivot = themesByYear(data.themes_by_year, window);
    themeTables.push({
      caption: 'Themes by year: statements voicing the theme (share of the year’s statements)',
      source: 'tables/themes_by_year.csv',
      columns: [
        { key: 'theme', title: 'Theme' },
        ...pivot.years.map((y) => ({ key: y, title: y, numeric: true })),
        { key: 'total', title: 'Statements', numeric: true },
        { key: 'matches', title: 'Matches (any sentence)', numeric: true },
      ],
      rows: pivot.rows,
    });
  }
  sections.push({
    id: 'themes',
    title: 'Rhetorical themes',
    intro: 'How the relationship is framed: codebook themes in the statements, by year and by speaker country, and the terms that set the corpus apart.',
    charts: charts('themes'),
    tables: themeTables,
  });
  return sections;
}
