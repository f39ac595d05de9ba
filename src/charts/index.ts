/** Chart builders (table rows -> vega-lite spec), the country palette and export. */
export { type ChartSpec, type TableRow, type ChartOptions, type WindowOption, type PeriodType, windowPeriods, CHART_CONFIG } from './common';
export { countryPalette, countryScale, countryColor, countryLabel, type CountryPalette } from './colors';
export { articlesByYear } from './corpus';
export { statementsByCountry, topSpeakers, statementTimeline, type StatementsByCountryOptions, type TopSpeakersOptions, type StatementTimelineOptions } from './statements';
export {
  actorsFromMentions,
  cooccurrenceHeatmap,
  cooccurrenceNetwork,
  cooccurrenceByYear,
  COOCCURRENCE_WINDOWS,
  type ActorIndex,
  type CooccurrenceOptions,
  type CooccurrenceByYearOptions,
} from './cooccurrence';
export { themeYearHeatmap, themeByCountry, keynessBars, type ThemeChartOptions, type KeynessOptions } from './themes';
export { exportChart, renderSvg, svgToPng, chartHtml, toVegaSpec, EXPORT_FORMATS, type ExportFormat, type ExportOptions, type ExportedFile } from './export';
