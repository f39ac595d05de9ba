import { COOCCURRENCE_WINDOWS, type CooccurrenceWindow } from '../tables/actors';
import { actorsFromMentionRows } from '../tables/report-data';
import type { Spec as VegaSpec } from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { countryColor, countryScale } from './colors';
import {
  bandHeight,
  byRank,
  CHART_CONFIG,
  countTicks,
  labelOf,
  num,
  paletteOf,
  periodDomain,
  safeLabel,
  str,
  VEGA_LITE_SCHEMA,
  type ChartOptions,
  type TableRow,
  type WindowOption,
} from './common';

/** Name and country of each actor id (cooccurrence.csv holds ids only). */
export type ActorIndex = ReadonlyMap<string, { name: string; country: string }>;

/** Actor names and countries from mentions.csv rows (`actor_id,actor,country`), as the tables stage reads them. */
export const actorsFromMentions = actorsFromMentionRows;

export { COOCCURRENCE_WINDOWS, type CooccurrenceWindow };

export interface CooccurrenceOptions extends ChartOptions {
  /** Names and countries of the actor ids (default: the ids themselves). */
  actors?: ActorIndex;
  /** Which co-occurrence window to draw: actors within the same sentence (default), paragraph or article (the table's `window` column). */
  within?: CooccurrenceWindow;
  /** One period (a year, or "undated"); default all periods summed. */
  period?: string;
  /** Keep the actors with the most co-occurrences (default 15). */
  top?: number;
  /** Actors with any co-occurrence in the window, when `rows` holds only the pairs drawn (for the subtitle). */
  actorCount?: number;
}

interface Pair {
  a: string;
  b: string;
  count: number;
  articles: number;
}

/** Pairs of the chosen window and period, counts summed over periods (an article has one date, so articles sum too). */
function pairsOf(rows: readonly TableRow[], options: CooccurrenceOptions): Pair[] {
  const within = options.within ?? 'sentence';
  const pairs = new Map<string, Pair>();
  for (const r of rows) {
    if (str(r.window) !== within) continue;
    if (options.period !== undefined && str(r.period) !== options.period) continue;
    const [a, b] = [str(r.actor_a), str(r.actor_b)].sort();
    if (!a || !b || a === b) continue;
    const key = `${a}\u0000${b}`;
    const p = pairs.get(key) ?? { a: a, b: b, count: 0, articles: 0 };
    p.count += num(r.count);
    p.articles += num(r.articles);
    pairs.set(key, p);
  }
  return [...pairs.values()].filter((p) => p.count > 0);
}

interface Node {
  id: string;
  name: string;
  code: string;
  country: string;
  weight: number;
}

/** The `top` actors by co-occurrence weight, ordered by country (registry order) then weight. */
function topActors(pairs: readonly Pair[], options: CooccurrenceOptions): Node[] {
  const weight = new Map<string, number>();
  for (const p of pairs) {
    weight.set(p.a, (weight.get(p.a) ?? 0) + p.count);
    weight.set(p.b, (weight.get(p.b) ?? 0) + p.count);
  }
  const top = [...weight.entries()]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, options.top ?? 15);
  const order = Object.keys(paletteOf(options).countries);
  const rank = (code: string) => (order.includes(code) ? order.indexOf(code) : order.length);
  return top
    .map(([id, w]) => {
      const actor = options.actors?.get(id);
      const code = actor?.country ?? '';
      return { id, name: safeLabel(actor?.name ?? id), code, country: labelOf(code, options), weight: w };
    })
    .sort((x, y) => rank(x.code) - rank(y.code) || x.code.localeCompare(y.code) || y.weight - x.weight || x.name.localeCompare(y.name));
}

function subtitle(options: CooccurrenceOptions, shown: number, total: number): string {
  const within = options.within ?? 'sentence';
  if (options.actorCount !== undefined && options.period === undefined) total = options.actorCount;
  const period = options.period === undefined ? 'all periods' : options.period;
  return `Actors named in the same ${within}, ${period}; ${shown} of ${total} actors with co-occurrences`;
}

/**
 * Vega expression giving each axis label its actor's country colour, by the label's
 * position (vega gives each tick `index` = i / (n - 1)). Only colours enter the
 * expression (validated "#rrggbb" strings), never names: those come from article text.
 */
function labelColorExpr(nodes: readonly Node[], options: ChartOptions): string {
  const palette = paletteOf(options);
  const colors = nodes.map((n) => countryColor(n.code, palette)).filter((c) => /^#[0-9a-fA-F]{6}$/.test(c));
  if (colors.length !== nodes.length) return "'#333333'";
  return `${JSON.stringify(colors)}[round(datum.index * ${Math.max(nodes.length - 1, 1)})] || '#333333'`;
}

/** Cell colour by count; empty cells light grey so the grid stays visible without reading as "some". */
function countColor(max: number) {
  return {
    condition: { test: 'datum.count === 0', value: '#f2f2f2' },
    field: 'count',
    type: 'quantitative' as const,
    title: 'Co-occurrences',
    // Light end of the scheme trimmed so a count of 1 still reads as coloured.
    scale: { scheme: { name: 'blues', extent: [0.25, 1] }, domain: [1, max] },
    legend: { values: countTicks(1, max), format: 'd' },
  };
}

/**
 * Actor × actor matrix of co-occurrence counts, from cooccurrence.csv
 * (`actor_a,actor_b,window,period,count,articles,dice`). Axis labels carry the
 * actor's country colour.
 */
export function cooccurrenceHeatmap(rows: readonly TableRow[], options: CooccurrenceOptions = {}): TopLevelSpec {
  const pairs = pairsOf(rows, options);
  const nodes = topActors(pairs, options);
  const lookup = new Map(pairs.map((p) => [`${p.a}\u0000${p.b}`, p]));
  // The actor ids ride along for the explorer (report.html): a click lists the pair's sentences.
  const values: { row: string; col: string; row_id: string; col_id: string; row_rank: number; col_rank: number; count: number; articles: number; row_country: string; col_country: string }[] = [];
  for (const [i, r] of nodes.entries()) {
    for (const [j, c] of nodes.entries()) {
      if (r.id === c.id) continue;
      const [a, b] = [r.id, c.id].sort();
      const p = lookup.get(`${a}\u0000${b}`);
      values.push({ row: r.name, col: c.name, row_id: r.id, col_id: c.id, row_rank: i, col_rank: j, count: p?.count ?? 0, articles: p?.articles ?? 0, row_country: r.country, col_country: c.country });
    }
  }
  const names = nodes.map((n) => n.name);
  const max = Math.max(1, ...values.map((v) => v.count ?? 0));
  const size = Math.max(160, names.length * 34);
  const labelColor = { expr: labelColorExpr(nodes, options) };
  const allActors = new Set([...pairs.flatMap((p) => [p.a, p.b])]).size;
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: options.title ?? 'Actor co-occurrence', subtitle: subtitle(options, nodes.length, allActors) },
    width: options.width ?? size,
    height: size,
    data: { values },
    encoding: {
      x: { field: 'col', type: 'nominal', sort: byRank('col_rank'), title: null, axis: { labelAngle: -45, labelColor, orient: 'top', labelLimit: 300 } },
      y: { field: 'row', type: 'nominal', sort: byRank('row_rank'), title: null, axis: { labelColor, labelLimit: 300 } },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 1 },
        encoding: {
          color: countColor(max),
          tooltip: [
            { field: 'row', title: 'Actor' },
            { field: 'row_country', title: 'Country' },
            { field: 'col', title: 'With' },
            { field: 'col_country', title: 'Country ' },
            { field: 'count', type: 'quantitative', title: 'Co-occurrences' },
            { field: 'articles', type: 'quantitative', title: 'Articles' },
          ],
        },
      },
      {
        transform: [{ filter: 'datum.count > 0' }],
        mark: { type: 'text', fontSize: 11 },
        encoding: {
          text: { field: 'count', type: 'quantitative' },
          color: { condition: { test: `datum.count > ${max / 2}`, value: '#ffffff' }, value: '#222222' },
        },
      },
    ],
    config: CHART_CONFIG,
  };
}

/** Actor names above the nodes of the network; `extra` adds encodings (the halo's stroke). */
function nodeLabels(zindex: number, extra: Record<string, { value: string | number }> = {}) {
  return {
    type: 'text' as const,
    from: { data: 'nodes' },
    zindex,
    interactive: false,
    encode: {
      update: {
        x: { field: 'x' },
        y: { field: 'y' },
        dy: { value: -14 },
        align: { value: 'center' as const },
        baseline: { value: 'bottom' as const },
        text: { field: 'datum.name' },
        fontSize: { value: 12 },
        fill: { value: '#222222' },
        ...extra,
      },
    },
  };
}

/**
 * The co-occurrence network (a vega spec: force layout run to completion, so the
 * static SVG and PNG show the settled graph). Node size = co-occurrences, colour =
 * country, edge width = count.
 */
export function cooccurrenceNetwork(rows: readonly TableRow[], options: CooccurrenceOptions = {}): VegaSpec {
  const pairs = pairsOf(rows, options);
  const nodes = topActors(pairs, options);
  const ids = new Set(nodes.map((n) => n.id));
  const links = pairs
    .filter((p) => ids.has(p.a) && ids.has(p.b))
    .map((p) => ({ source: p.a, target: p.b, count: p.count, articles: p.articles }));
  const names = new Map(nodes.map((n) => [n.id, n.name]));
  const scale = countryScale(new Set(nodes.map((n) => n.code)), paletteOf(options));
  const height = Math.max(320, Math.min(600, nodes.length * 45));
  const width = options.width ?? Math.round(height * 1.15);
  const allActors = new Set([...pairs.flatMap((p) => [p.a, p.b])]).size;
  const maxWeight = Math.max(1, ...nodes.map((n) => n.weight));
  const maxCount = Math.max(1, ...links.map((l) => l.count));
  return {
    $schema: 'https://vega.github.io/schema/vega/v5.json',
    title: {
      text: options.title ?? 'Actor co-occurrence network',
      subtitle: subtitle(options, nodes.length, allActors) + '; node size = co-occurrences, line width = count',
      anchor: 'start',
      fontSize: 16,
      subtitleFontSize: 12,
      subtitleColor: '#555555',
      font: CHART_CONFIG.font!,
      subtitleFont: CHART_CONFIG.font!,
      offset: 12,
    },
    width,
    height,
    padding: 12,
    background: '#ffffff',
    autosize: 'pad',
    config: { text: { font: CHART_CONFIG.font! }, legend: { labelFont: CHART_CONFIG.font!, titleFont: CHART_CONFIG.font!, labelFontSize: 12, titleFontSize: 13 } },
    data: [
      { name: 'node-data', values: nodes.map((n) => ({ ...n, cx: width / 2, cy: height / 2 })) },
      {
        name: 'link-data',
        values: links.map((l) => ({ ...l, source_name: names.get(l.source), target_name: names.get(l.target) })),
      },
    ],
    scales: [
      { name: 'color', type: 'ordinal', domain: scale.domain, range: scale.range },
      { name: 'size', type: 'linear', domain: [0, maxWeight], range: [80, 900], zero: true },
      { name: 'width', type: 'linear', domain: [1, maxCount], range: [1.5, 7] },
    ],
    legends: [{ fill: 'color', title: 'Country', orient: 'right', symbolType: 'circle' }],
    marks: [
      {
        name: 'nodes',
        type: 'symbol',
        zindex: 1,
        from: { data: 'node-data' },
        encode: {
          enter: {
            fill: { scale: 'color', field: 'country' },
            stroke: { value: '#ffffff' },
            strokeWidth: { value: 1.5 },
            size: { scale: 'size', field: 'weight' },
            tooltip: { signal: "{'Actor': datum.name, 'Country': datum.country, 'Co-occurrences': datum.weight}" },
            // Read out by screen readers (the SVG's aria-label), as vega-lite describes its marks.
            description: { signal: "'Actor: ' + datum.name + '; Country: ' + datum.country + '; Co-occurrences: ' + datum.weight" },
          },
        },
        transform: [
          {
            type: 'force',
            iterations: 300,
            static: true,
            forces: [
              { force: 'center', x: width / 2, y: height / 2 },
              { force: 'collide', radius: 34 },
              // Strong repulsion and loose links spread a dense graph over the plot.
              { force: 'nbody', strength: -900 },
              { force: 'link', links: 'link-data', distance: 160, strength: 0.15, id: 'datum.id' },
              // Pull toward the centre so unconnected actors stay in view.
              { force: 'x', x: 'datum.cx', strength: 0.06 },
              { force: 'y', y: 'datum.cy', strength: 0.08 },
            ],
          },
        ],
      },
      {
        type: 'path',
        from: { data: 'link-data' },
        interactive: true,
        encode: {
          update: {
            stroke: { value: '#8a8a8a' },
            strokeOpacity: { value: 0.6 },
            strokeWidth: { scale: 'width', field: 'count' },
            tooltip: { signal: "{'Pair': datum.source_name + ' – ' + datum.target_name, 'Co-occurrences': datum.count, 'Articles': datum.articles}" },
            description: { signal: "'Pair: ' + datum.source_name + ' – ' + datum.target_name + '; Co-occurrences: ' + datum.count + '; Articles: ' + datum.articles" },
          },
        },
        transform: [
          {
            type: 'linkpath',
            shape: 'line',
            sourceX: 'datum.source.x',
            sourceY: 'datum.source.y',
            targetX: 'datum.target.x',
            targetY: 'datum.target.y',
          },
        ],
      },
      // A white halo under each label keeps names readable over the links.
      nodeLabels(2, { stroke: { value: '#ffffff' }, strokeWidth: { value: 3 }, strokeOpacity: { value: 0.8 } }),
      nodeLabels(3),
    ],
  };
}

export interface CooccurrenceByYearOptions extends Omit<CooccurrenceOptions, 'period'>, WindowOption {
  /** How many pairs to show (default 12, the most frequent over all periods). */
  topPairs?: number;
  /** Periods of the window's rows, when `rows` holds only the pairs drawn (default: the rows' own). */
  periods?: readonly string[];
}

/**
 * Pair × year matrix: how often the most frequent actor pairs co-occur each year of
 * the window (empty years shown as zero), from cooccurrence.csv.
 */
export function cooccurrenceByYear(rows: readonly TableRow[], options: CooccurrenceByYearOptions = {}): TopLevelSpec {
  const within = options.within ?? 'sentence';
  const name = (id: string) => safeLabel(options.actors?.get(id)?.name ?? id);
  const totals = pairsOf(rows, { ...options, period: undefined });
  const top = [...totals]
    .sort((x, y) => y.count - x.count || `${x.a} ${x.b}`.localeCompare(`${y.a} ${y.b}`))
    .slice(0, options.topPairs ?? 12);
  const periods = periodDomain('year', options.periods ?? rows.filter((r) => str(r.window) === within).map((r) => str(r.period)), options.window);
  // The pair's ids (a < b) ride along for the explorer.
  const values: { pair: string; actor_a: string; actor_b: string; rank: number; period: string; count: number; articles: number }[] = [];
  // Name the pair in country order (the registry's: China before Russia), as the other charts list them.
  const order = Object.keys(paletteOf(options).countries);
  const rank = (id: string) => {
    const code = options.actors?.get(id)?.country ?? '';
    return order.includes(code) ? order.indexOf(code) : order.length;
  };
  const labels = top.map((p) => {
    const [first, second] = rank(p.a) <= rank(p.b) ? [p.a, p.b] : [p.b, p.a];
    return `${name(first)} – ${name(second)}`;
  });
  for (const [i, p] of top.entries()) {
    for (const period of periods) {
      const [yearPair] = pairsOf(rows, { ...options, period }).filter((q) => q.a === p.a && q.b === p.b);
      values.push({ pair: labels[i]!, actor_a: p.a, actor_b: p.b, rank: i, period, count: yearPair?.count ?? 0, articles: yearPair?.articles ?? 0 });
    }
  }
  const max = Math.max(1, ...values.map((v) => v.count));
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: options.title ?? 'Actor co-occurrence by year',
      subtitle: `The ${top.length} most frequent actor pairs (same ${within}); every year of the window shown`,
    },
    width: options.width ?? Math.max(280, periods.length * 90),
    height: bandHeight(top.length, 28),
    data: { values },
    encoding: {
      x: { field: 'period', type: 'ordinal', scale: { domain: periods }, title: 'Year', axis: { labelAngle: 0, orient: 'top' } },
      y: { field: 'pair', type: 'nominal', sort: byRank('rank'), title: null, axis: { labelLimit: 400 } },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 1 },
        encoding: {
          color: countColor(max),
          tooltip: [
            { field: 'pair', title: 'Pair' },
            { field: 'period', title: 'Year' },
            { field: 'count', type: 'quantitative', title: 'Co-occurrences' },
            { field: 'articles', type: 'quantitative', title: 'Articles' },
          ],
        },
      },
      {
        mark: { type: 'text', fontSize: 12 },
        encoding: {
          text: { field: 'count', type: 'quantitative' },
          color: { condition: { test: `datum.count > ${max / 2}`, value: '#ffffff' }, value: '#222222' },
        },
      },
    ],
    config: CHART_CONFIG,
  };
}
