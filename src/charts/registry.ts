/**
 * The report's charts: for each, the data it reads (`ReportData`, bounded cuts of the
 * tables) and how its builder draws it. report.html shows them in this order.
 */
import type { AnalysisWindow } from '../tables/periods';
import { TOP_ACTORS, TOP_KEYNESS, TOP_PAIRS, TOP_SPEAKERS, type ReportData, type ReportDataKey } from '../tables/report-data';
import { countryLabel, countryPalette } from './colors';
import type { ChartSpec } from './common';
import { cooccurrenceByYear, cooccurrenceHeatmap, cooccurrenceNetwork } from './cooccurrence';
import { articlesByYear } from './corpus';
import { statementsByCountry, statementTimeline, topSpeakers } from './statements';
import { keynessBars, themeByCountry, themeYearHeatmap } from './themes';

export interface ChartContext {
  window: AnalysisWindow;
  /** The speaker groups keyness.csv compares ("CHN", "USA+EU"). */
  keyness: { target: string; reference: string };
}

/** One chart of the report: the data it needs and how to draw it. */
export interface ReportChartDef {
  name: string;
  section: 'corpus' | 'statements' | 'actors' | 'themes';
  title: string;
  needs: ReportDataKey[];
  build(data: ReportData, ctx: ChartContext): ChartSpec;
}

/** The co-occurrence charts' common options: the window drawn, the actors' names, the pairs' totals. */
function cooccurrenceOptions(co: ReportData['cooccurrence']) {
  return { actors: new Map(co.actors), within: co.window, actorCount: co.actorCount };
}

export const REPORT_CHARTS: readonly ReportChartDef[] = [
  {
    name: 'articles-by-year',
    section: 'corpus',
    title: 'Articles per year',
    needs: ['articles'],
    build: (d, ctx) => articlesByYear(d.articles.byYear, { window: ctx.window }),
  },
  {
    name: 'statements-by-country',
    section: 'statements',
    title: 'Statements per year by speaker country',
    needs: ['statements_by_country'],
    // With the articles' years, a year of the window with no article reads "no articles", not 0.
    build: (d, ctx) => statementsByCountry(d.statements_by_country, { window: ctx.window, articleYears: d.articles?.byYear.map((r) => r.year) }),
  },
  {
    name: 'top-speakers',
    section: 'statements',
    title: 'Most quoted speakers',
    needs: ['statements_by_speaker'],
    build: (d) => topSpeakers(d.statements_by_speaker.rows, { top: TOP_SPEAKERS, speakerCount: d.statements_by_speaker.named }),
  },
  {
    name: 'statement-timeline',
    section: 'statements',
    title: 'Statement timeline',
    needs: ['statements'],
    build: (d, ctx) => statementTimeline(d.statements, { window: ctx.window }),
  },
  {
    name: 'cooccurrence-heatmap',
    section: 'actors',
    title: 'Actor co-occurrence',
    needs: ['cooccurrence'],
    build: (d) => cooccurrenceHeatmap(d.cooccurrence.rows, { ...cooccurrenceOptions(d.cooccurrence), top: TOP_ACTORS }),
  },
  {
    name: 'cooccurrence-network',
    section: 'actors',
    title: 'Actor co-occurrence network',
    needs: ['cooccurrence'],
    build: (d) => cooccurrenceNetwork(d.cooccurrence.rows, { ...cooccurrenceOptions(d.cooccurrence), top: TOP_ACTORS }),
  },
  {
    name: 'cooccurrence-by-year',
    section: 'actors',
    title: 'Actor co-occurrence by year',
    needs: ['cooccurrence'],
    build: (d, ctx) => cooccurrenceByYear(d.cooccurrence.rows, { ...cooccurrenceOptions(d.cooccurrence), topPairs: TOP_PAIRS, periods: d.cooccurrence.periods, window: ctx.window }),
  },
  {
    name: 'themes-by-year',
    section: 'themes',
    title: 'Rhetorical themes by year',
    needs: ['themes_by_year'],
    build: (d, ctx) => themeYearHeatmap(d.themes_by_year, { window: ctx.window, articleYears: d.articles?.byYear.map((r) => r.year) }),
  },
  {
    name: 'themes-by-country',
    section: 'themes',
    title: 'Rhetorical themes by speaker country',
    needs: ['themes_by_country'],
    build: (d) => themeByCountry(d.themes_by_country),
  },
  {
    name: 'keyness',
    section: 'themes',
    title: 'Key terms',
    needs: ['keyness'],
    // keyness.csv compares the target speakers' statements with the reference speakers' (run.json: CHN and USA by default).
    build: (d, ctx) => keynessBars(d.keyness.rows, { ...keynessSides(ctx.keyness), top: TOP_KEYNESS }),
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
