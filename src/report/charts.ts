import type { AnalysisWindow } from '../tables/periods';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { countryLabel, countryPalette } from '../charts/colors';
import { num, periodDomain, str, type ChartSpec, type TableRow } from '../charts/common';
import { actorsFromMentions, COOCCURRENCE_WINDOWS, cooccurrenceByYear, cooccurrenceHeatmap, cooccurrenceNetwork } from '../charts/cooccurrence';
import { chartTitle, EXPORT_FORMATS, exportChart, formatExtension, renderSvg, type ExportFormat } from '../charts/export';
import { articlesByYear } from '../charts/corpus';
import { statementsByCountry, statementTimeline, topSpeakers } from '../charts/statements';
import { keynessBars, themeByCountry, themeYearHeatmap } from '../charts/themes';
import { KIT_VERSION } from '../data';
import { reportHtml, type HtmlTable, type Provenance, type ReportChart, type ReportSection } from './html';

/** The tables charts and the report read (OUT/tables/NAME.csv). */
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
] as const;
export type ReportTableName = (typeof REPORT_TABLES)[number];

/** The report's tables by name, as parsed CSV rows; absent when the file is. */
export type Tables = Partial<Record<ReportTableName, TableRow[]>>;

/** Reads every CSV in `dir` that a chart or the report uses. Missing files are left out, not errors. */
export function readTables(dir: string): Tables {
  const tables: Tables = {};
  for (const name of REPORT_TABLES) {
    const file = join(dir, `${name}.csv`);
    if (!existsSync(file)) continue;
    tables[name] = parse(readFileSync(file), { columns: true, skip_empty_lines: true, bom: true, relax_column_count: true }) as TableRow[];
  }
  return tables;
}

interface BuildContext {
  window: AnalysisWindow;
  /** The speaker groups keyness.csv compares, from run.json ("CHN", "USA+EU"). */
  keyness: { target: string; reference: string };
}

/** One chart of the report: the tables it needs and how to build it from them. */
export interface ReportChartDef {
  name: string;
  section: 'corpus' | 'statements' | 'actors' | 'themes';
  title: string;
  needs: ReportTableName[];
  build(tables: Required<Tables>, ctx: BuildContext): ChartSpec;
}

/** Co-occurrence is drawn for the narrowest window that has any pair (sentence, else paragraph, else article). */
function narrowestWindow(rows: readonly TableRow[]) {
  return COOCCURRENCE_WINDOWS.find((w) => rows.some((r) => str(r.window) === w)) ?? 'sentence';
}

export const REPORT_CHARTS: readonly ReportChartDef[] = [
  {
    name: 'articles-by-year',
    section: 'corpus',
    title: 'Articles per year',
    needs: ['articles'],
    build: (t, ctx) => articlesByYear(t.articles, { window: ctx.window }),
  },
  {
    name: 'statements-by-country',
    section: 'statements',
    title: 'Statements per year by speaker country',
    needs: ['statements_by_country'],
    build: (t, ctx) => statementsByCountry(t.statements_by_country, { window: ctx.window }),
  },
  {
    name: 'top-speakers',
    section: 'statements',
    title: 'Most quoted speakers',
    needs: ['statements_by_speaker'],
    build: (t) => topSpeakers(t.statements_by_speaker),
  },
  {
    name: 'statement-timeline',
    section: 'statements',
    title: 'Statement timeline',
    needs: ['statements'],
    build: (t, ctx) => statementTimeline(t.statements, { window: ctx.window }),
  },
  {
    name: 'cooccurrence-heatmap',
    section: 'actors',
    title: 'Actor co-occurrence',
    needs: ['cooccurrence', 'mentions'],
    build: (t) => cooccurrenceHeatmap(t.cooccurrence, { actors: actorsFromMentions(t.mentions), within: narrowestWindow(t.cooccurrence) }),
  },
  {
    name: 'cooccurrence-network',
    section: 'actors',
    title: 'Actor co-occurrence network',
    needs: ['cooccurrence', 'mentions'],
    build: (t) => cooccurrenceNetwork(t.cooccurrence, { actors: actorsFromMentions(t.mentions), within: narrowestWindow(t.cooccurrence) }),
  },
  {
    name: 'cooccurrence-by-year',
    section: 'actors',
    title: 'Actor co-occurrence by year',
    needs: ['cooccurrence', 'mentions'],
    build: (t, ctx) =>
      cooccurrenceByYear(t.cooccurrence, { actors: actorsFromMentions(t.mentions), within: narrowestWindow(t.cooccurrence), window: ctx.window }),
  },
  {
    name: 'themes-by-year',
    section: 'themes',
    title: 'Rhetorical themes by year',
    needs: ['themes_by_year'],
    build: (t, ctx) => themeYearHeatmap(t.themes_by_year, { window: ctx.window }),
  },
  {
    name: 'themes-by-country',
    section: 'themes',
    title: 'Rhetorical themes by speaker country',
    needs: ['themes_by_country'],
    build: (t) => themeByCountry(t.themes_by_country),
  },
  {
    name: 'keyness',
    section: 'themes',
    title: 'Key terms',
    needs: ['keyness'],
    // keyness.csv compares the target speakers' statements with the reference speakers' (run.json: CHN and USA by default).
    build: (t, ctx) => keynessBars(t.keyness, keynessSides(ctx.keyness)),
  },
];


/** A keyness side's name for the chart ("Chinese speakers", "speakers from Russia + NATO") and the country whose colour it takes. */
function keynessSide(group: string): { name: string; country: string } {
  const palette = countryPalette();
  const codes = group.split('+');
  const name = group === 'CHN' ? 'Chinese speakers' : group === 'USA' ? 'US speakers' : `speakers from ${codes.map((c) => countryLabel(c, palette)).join(' + ')}`;
  return { name, country: codes[0]! };
}

function keynessSides(groups: { target: string; reference: string }) {
  const target = keynessSide(groups.target);
  const reference = keynessSide(groups.reference);
  return { target: target.name, reference: reference.name, targetCountry: target.country, referenceCountry: reference.country };
}

/** Why a chart cannot be drawn from these tables, or undefined when it can. */
function missingInput(def: ReportChartDef, tables: Tables): string | undefined {
  for (const name of def.needs) {
    const rows = tables[name];
    if (!rows) return `tables/${name}.csv not found`;
    if (rows.length === 0) return `tables/${name}.csv has no rows`;
  }
  return undefined;
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
}

/**
 * Reads OUT/tables/*.csv and OUT/run.json, writes every chart to OUT/charts/NAME.{vl.json,
 * svg,png,html} and OUT/report.html. A chart whose tables are missing or empty (or that
 * fails to draw) is left out and listed in the report as not available.
 */
export async function writeChartsAndReport(outDir: string, options: ChartsAndReportOptions = {}): Promise<ChartsAndReportResult> {
  const window = options.window ?? { from: '2021-01-01', to: '2024-12-31' };
  const tables = readTables(join(outDir, 'tables'));
  const run = readRunJson(join(outDir, 'run.json'));
  mkdirSync(join(outDir, 'charts'), { recursive: true });
  const formats = options.formats ?? EXPORT_FORMATS;

  const drawn = new Map<string, ReportChart>();
  const result: ChartsAndReportResult = { report: join(outDir, 'report.html'), charts: [], unavailable: [] };
  for (const def of REPORT_CHARTS) {
    const missing = missingInput(def, tables);
    if (missing) {
      result.unavailable.push({ name: def.name, title: def.title, reason: missing });
      continue;
    }
    try {
      const spec = def.build(tables as Required<Tables>, { window, keyness: { target: run.keyness?.target || 'CHN', reference: run.keyness?.reference || 'USA' } });
      const files = await exportChart(spec, join(outDir, 'charts', def.name), { formats });
      const svg = formats.includes('svg') ? readFileSync(join(outDir, 'charts', def.name + '.svg'), 'utf8') : await renderSvg(spec);
      drawn.set(def.name, {
        name: def.name,
        title: chartTitle(spec),
        svg,
        files: formats.map((f) => ({ format: FORMAT_NAMES[f], file: `charts/${def.name}${formatExtension(f, spec)}` })),
      });
      result.charts.push({ name: def.name, files: files.map((f) => f.file) });
    } catch (e) {
      result.unavailable.push({ name: def.name, title: def.title, reason: `failed to draw: ${(e as Error).message}` });
    }
  }

  const sections = reportSections(tables, drawn, window);
  writeFileSync(
    result.report,
    reportHtml({
      title: 'China–Russia diplomacy coverage: report',
      provenance: provenance(run, tables),
      sections,
      unavailable: result.unavailable.map(({ title, reason }) => ({ title, reason })),
    }),
  );
  return result;
}

const FORMAT_NAMES: Record<ExportFormat, string> = { spec: 'spec (JSON)', svg: 'SVG', png: 'PNG', html: 'interactive HTML' };

interface RunJson {
  kit?: { version?: string };
  corpus?: string;
  finished?: string;
  articles?: number;
  skipped?: unknown[];
  warnings?: unknown[];
  versions?: Record<string, string>;
  keyness?: { target?: string; reference?: string };
}

function readRunJson(file: string): RunJson {
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as RunJson;
  } catch {
    return {};
  }
}

function provenance(run: RunJson, tables: Tables): Provenance {
  const articles = tables.articles ?? [];
  const dates = articles.map((a) => str(a.published)).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
  return {
    corpus: run.corpus ?? 'unknown',
    articles: run.articles ?? articles.length,
    skipped: run.skipped?.length ?? 0,
    warnings: run.warnings?.length ?? 0,
    dateRange: dates.length ? { from: dates[0]!, to: dates[dates.length - 1]!, undated: articles.length - dates.length } : null,
    kitVersion: run.kit?.version ?? KIT_VERSION,
    versions: { registry: 'not recorded', codebook: 'not recorded', cues: 'not recorded', ...(run.versions ?? {}) },
    generated: run.finished ?? new Date().toISOString(),
  };
}

const country = (code: string) => countryLabel(code, countryPalette());

/** Sections of the report in reading order, each with its charts and key tables. */
function reportSections(tables: Tables, drawn: Map<string, ReportChart>, window: AnalysisWindow): ReportSection[] {
  const charts = (section: ReportChartDef['section']) =>
    REPORT_CHARTS.filter((d) => d.section === section && drawn.has(d.name)).map((d) => drawn.get(d.name)!);
  const sections: ReportSection[] = [];

  const articles = tables.articles ?? [];
  sections.push({
    id: 'corpus',
    title: 'Corpus',
    intro: 'The articles read, with the metadata the kit found for them.',
    charts: charts('corpus'),
    tables: [
      {
        caption: 'Articles',
        source: 'tables/articles.csv',
        limit: 50,
        columns: [
          { key: 'published', title: 'Published' },
          { key: 'outlet', title: 'Outlet' },
          { key: 'title', title: 'Title' },
          { key: 'sentences', title: 'Sentences', numeric: true },
          { key: 'words', title: 'Words', numeric: true },
        ],
        rows: [...articles].sort((a, b) => str(a.published).localeCompare(str(b.published))),
      },
    ],
  });

  const statementTables: HtmlTable[] = [];
  if (tables.statements_by_country) statementTables.push(countryByYearTable(tables.statements_by_country, window));
  if (tables.statements_by_speaker) {
    statementTables.push({
      caption: 'Top speakers',
      source: 'tables/statements_by_speaker.csv',
      limit: 15,
      columns: [
        { key: 'speaker', title: 'Speaker' },
        { key: 'country', title: 'Country' },
        { key: 'count', title: 'Statements', numeric: true },
        { key: 'articles', title: 'Articles', numeric: true },
        { key: 'first_date', title: 'First' },
        { key: 'last_date', title: 'Last' },
      ],
      rows: [...tables.statements_by_speaker]
        .sort((a, b) => num(b.count) - num(a.count) || str(a.speaker).localeCompare(str(b.speaker)))
        .map((r) => ({ ...r, country: country(str(r.speaker_country)) })),
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
  if (tables.unregistered) {
    const present = Object.keys(tables.unregistered[0] ?? {});
    // The readable columns when the table has them (ids and offsets stay in the CSV).
    const preferred = ['name', 'surface', 'count', 'articles', 'sample_text', 'example'].filter((c) => present.includes(c));
    const columns = preferred.length >= 2 ? preferred : present.slice(0, 6);
    actorTables.push({
      caption: 'Unregistered actors (names found in the text but not in the registry)',
      source: 'tables/unregistered.csv',
      limit: 20,
      columns: columns.map((c) => ({ key: c, title: c, numeric: tables.unregistered!.every((r) => /^\d+$/.test(str(r[c]))) })),
      rows: tables.unregistered,
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
  if (tables.themes_by_year) themeTables.push(themesByYearTable(tables.themes_by_year, window));
  sections.push({
    id: 'themes',
    title: 'Rhetorical themes',
    intro: 'How the relationship is framed: codebook themes in the statements, by year and by speaker country, and the terms that set the corpus apart.',
    charts: charts('themes'),
    tables: themeTables,
  });
  return sections;
}

/** Statements per speaker country (rows) and year (columns), with totals. */
function countryByYearTable(rows: readonly TableRow[], window: AnalysisWindow): HtmlTable {
  const yearly = rows.filter((r) => str(r.period_type) === 'year');
  const years = periodDomain('year', yearly.map((r) => str(r.period)), window);
  const byCountry = new Map<string, Record<string, number>>();
  for (const r of yearly) {
    const c = byCountry.get(str(r.speaker_country)) ?? {};
    c[str(r.period)] = (c[str(r.period)] ?? 0) + num(r.count);
    byCountry.set(str(r.speaker_country), c);
  }
  const out = [...byCountry.entries()].map(([code, counts]) => ({
    country: country(code),
    ...Object.fromEntries(years.map((y) => [y, counts[y] ?? 0])),
    total: years.reduce((s, y) => s + (counts[y] ?? 0), 0),
  }));
  out.sort((a, b) => b.total - a.total || a.country.localeCompare(b.country));
  return {
    caption: 'Statements by speaker country and year',
    source: 'tables/statements_by_country.csv',
    columns: [{ key: 'country', title: 'Speaker country' }, ...years.map((y) => ({ key: y, title: y, numeric: true })), { key: 'total', title: 'Total', numeric: true }],
    rows: out,
  };
}

/** Statements voicing each theme per year (share of that year's statements), and matches in any sentence. */
function themesByYearTable(rows: readonly TableRow[], window: AnalysisWindow): HtmlTable {
  const years = periodDomain('year', rows.map((r) => str(r.period)), window);
  const byTheme = new Map<string, { cells: Record<string, string>; statements: number; matches: number }>();
  for (const r of rows) {
    const label = str(r.label) || str(r.theme);
    const t = byTheme.get(label) ?? { cells: {}, statements: 0, matches: 0 };
    t.cells[str(r.period)] = num(r.statements) ? `${num(r.statements)} (${Math.round(num(r.share) * 100)}%)` : '0';
    t.statements += num(r.statements);
    t.matches += num(r.count);
    byTheme.set(label, t);
  }
  const out = [...byTheme.entries()]
    .map(([label, t]) => ({ theme: label, ...Object.fromEntries(years.map((y) => [y, t.cells[y] ?? '0'])), total: t.statements, matches: t.matches }))
    .sort((a, b) => b.total - a.total || b.matches - a.matches || a.theme.localeCompare(b.theme));
  return {
    caption: 'Themes by year: statements voicing the theme (share of the year’s statements)',
    source: 'tables/themes_by_year.csv',
    columns: [
      { key: 'theme', title: 'Theme' },
      ...years.map((y) => ({ key: y, title: y, numeric: true })),
      { key: 'total', title: 'Statements', numeric: true },
      { key: 'matches', title: 'Matches (any sentence)', numeric: true },
    ],
    rows: out,
  };
}
