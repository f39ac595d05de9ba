/**
 * The explorer of report.html and the chart pages: the charts drawn live by vega-embed
 * (inlined, offline), and a click on a mark (a bar, a heatmap cell, a timeline mark)
 * lists the statements behind it from the explorer's data embedded in the page
 * (`ExplorerData`, bounded), with filters by year, speaker country, theme and text; a
 * click on a co-occurrence mark (a cell, a network node or link) lists the sentences
 * naming its actors (`CooccurrenceExplorerData`, bounded), with the same filters but
 * the theme's (sentences have none). Every value from the corpus is put in the page
 * with textContent, never as markup.
 */
import { escapeHtml, htmlHead, inlineLibraries, isVegaLite, OFFLINE_CSP, scriptJson } from '../charts/export';
import type { ChartSpec } from '../charts/common';
import type { CooccurrenceExplorerData } from '../tables/cooccurrence-explorer';
import type { BoundMarks, ExplorerData } from '../tables/explorer';
import { ListedOnce } from '../tables/listed-once';

/** The charts whose marks lead to statements. */
export const STATEMENT_CHARTS = ['statements-by-country', 'top-speakers', 'statement-timeline', 'themes-by-year', 'themes-by-country'] as const;
/** The charts whose marks lead to the sentences naming a pair of actors (or an actor with any other). */
export const COOCCURRENCE_CHARTS = ['cooccurrence-heatmap', 'cooccurrence-network', 'cooccurrence-by-year'] as const;
export const EXPLORABLE_CHARTS = [...STATEMENT_CHARTS, ...COOCCURRENCE_CHARTS] as const;

/** Each explorable chart's marks: the prefixes of their keys (the network's links are pairs, as the heatmap's cells). */
const MARK_PREFIXES: Record<(typeof EXPLORABLE_CHARTS)[number], string[]> = {
  'statements-by-country': ['yc\t'],
  'top-speakers': ['sp\t'],
  'statement-timeline': ['tl\t'],
  'themes-by-year': ['ty\t'],
  'themes-by-country': ['tc\t'],
  'cooccurrence-heatmap': ['co\t'],
  'cooccurrence-network': ['cn\t', 'co\t'],
  'cooccurrence-by-year': ['cy\t'],
};

/** The marks of one chart only, their rows indexed anew (a chart page embeds just its own). */
function marksOf<R, D extends BoundMarks<R>>(data: D, chart: string): D {
  const prefixes = MARK_PREFIXES[chart as keyof typeof MARK_PREFIXES] ?? [];
  const rows = new ListedOnce<R, number>();
  const marks: BoundMarks<R>['marks'] = {};
  for (const [key, mark] of Object.entries(data.marks)) {
    if (!prefixes.some((p) => key.startsWith(p))) continue;
    marks[key] = { count: mark.count, rows: mark.rows.map((i) => rows.indexOf(data.rows[i]!, i)) };
  }
  return { ...data, rows: rows.values, marks };
}

/** The explorer's rows of the marks of one chart only (a chart page embeds just its own). */
export function explorerOf(data: ExplorerData, chart: string): ExplorerData {
  return marksOf(data, chart);
}

/** The co-occurrence explorer's rows of one chart's marks only. */
export function cooccurrenceExplorerOf(data: CooccurrenceExplorerData, chart: string): CooccurrenceExplorerData {
  return marksOf(data, chart);
}

const ROW_FIELDS = ['statement_id', 'article_id', 'date', 'outlet', 'speaker', 'speaker_country', 'themes', 'text'] as const satisfies readonly (keyof ExplorerData['rows'][number])[];
const SENTENCE_FIELDS = ['article_id', 'date', 'outlet', 'sentence', 'pair', 'countries', 'text'] as const satisfies readonly (keyof CooccurrenceExplorerData['rows'][number])[];

/**
 * The JSON blocks the script reads: the charts' specs and how to embed them, the
 * explorer's data (the statements, and the co-occurrence sentences when there are
 * any), where tables/ is.
 */
export function explorerBlocks(specs: Record<string, ChartSpec>, data: ExplorerData | undefined, tablesDir: string, sentences?: CooccurrenceExplorerData): string {
  const charts = Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, { mode: isVegaLite(spec) ? 'vega-lite' : 'vega', spec }]));
  const explorer = data ?? { perMark: 0, rows: [], marks: {} };
  // Rows as arrays (the fields' order): the field names once, not in each of thousands of rows.
  const rows = explorer.rows.map((r) => ROW_FIELDS.map((f) => r[f]));
  const block: Record<string, unknown> = { perMark: explorer.perMark, fields: ROW_FIELDS, rows, marks: explorer.marks, tables: tablesDir };
  if (sentences) block.sentences = { window: sentences.window, perMark: sentences.perMark, fields: SENTENCE_FIELDS, rows: sentences.rows.map((r) => SENTENCE_FIELDS.map((f) => r[f])), marks: sentences.marks };
  return `<script type="application/json" id="chart-specs">${scriptJson(charts)}</script>
<script type="application/json" id="explorer-data">${scriptJson(block)}</script>
<script>${EXPLORER_SCRIPT}</script>`;
}

/** What the explorer can list: the statements behind the statement and theme charts, the sentences behind the co-occurrence charts. */
export interface ExplorerContent {
  statements?: ExplorerData;
  sentences?: CooccurrenceExplorerData;
}

/** Whether a chart's page gets the explorer: its marks' rows are there. */
export function hasExplorer(name: string, content: ExplorerContent): boolean {
  if ((STATEMENT_CHARTS as readonly string[]).includes(name)) return content.statements !== undefined;
  if ((COOCCURRENCE_CHARTS as readonly string[]).includes(name)) return content.sentences !== undefined;
  return false;
}

/**
 * A chart's offline page with its explorer (OUT/charts/NAME.html of an explorable
 * chart): the live chart, and a click lists the statements (or sentences) of the mark,
 * from the chart's own marks' rows only.
 */
export function explorerChartPage(name: string, spec: ChartSpec, title: string, content: ExplorerContent): string {
  const style = "body{font-family:'DejaVu Sans',Verdana,Arial,sans-serif;margin:24px;color:#222;line-height:1.45}table{border-collapse:collapse;font-size:.9em}th,td{border-bottom:1px solid #ddd;padding:3px 10px;text-align:left;vertical-align:top}th{background:#f0f0f0}" + EXPLORER_STYLE;
  const cooccurrence = (COOCCURRENCE_CHARTS as readonly string[]).includes(name);
  const note =
    cooccurrence && content.sentences
      ? `Hover a mark for its figures; click it to list the ${content.sentences.window}s behind it (at most ${content.sentences.perMark} a mark; the rest can be found through ../tables/mentions.csv).`
      : `Hover a mark for its figures; click it to list the statements behind it (at most ${content.statements?.perMark ?? 0} a mark; the rest are in ../tables/statements.csv).`;
  return `${htmlHead({ title, csp: OFFLINE_CSP, style, extra: inlineLibraries() })}
<body>
<figure class="chart" id="chart" data-chart="${escapeHtml(name)}" data-title="${escapeHtml(title)}"></figure>
<p class="note">${escapeHtml(note)}</p>
${explorerBlocks(
  { [name]: spec },
  !cooccurrence && content.statements ? explorerOf(content.statements, name) : undefined,
  '../tables',
  cooccurrence && content.sentences ? cooccurrenceExplorerOf(content.sentences, name) : undefined,
)}
</body>
</html>
`;
}

export const EXPLORER_STYLE = `
.explorer{border:1px solid #ccc;border-radius:4px;padding:8px 12px;margin:.5em 0 1.5em;background:#fcfcfc}
.explorer h3{font-size:1em;margin:.2em 0 .4em}.explorer .filters{display:flex;flex-wrap:wrap;gap:8px;margin:.4em 0}
.explorer .filters label{font-size:.85em}.explorer table{width:100%}.explorer td.text{max-width:520px}.explorer td:first-child{white-space:nowrap}
.explorer .more,.explorer .shown{font-size:.85em;color:#555}.explorer button.close{float:right}
figure.chart[data-live] svg{max-width:none}
`;

/** Browser code (ES2017), inlined as is: it builds every element with createElement and textContent. */
const EXPLORER_SCRIPT = String.raw`(function () {
  'use strict';
  var charts = JSON.parse(document.getElementById('chart-specs').textContent);
  var data = JSON.parse(document.getElementById('explorer-data').textContent);
  function unpack(set) {
    set.rows = set.rows.map(function (values) {
      var row = {};
      set.fields.forEach(function (f, i) { row[f] = values[i]; });
      return row;
    });
    return set;
  }
  unpack(data);
  var sentences = data.sentences ? unpack(data.sentences) : null;
  var T = '\t';
  function valuesOf(spec) { return (spec.data && spec.data.values) || []; }
  function codeOf(spec, label) {
    var v = valuesOf(spec);
    for (var i = 0; i < v.length; i++) if (v[i].country === label) return v[i].code;
    return undefined;
  }
  // A pair's mark (a heatmap cell, a network link, a by-year cell): ids in the tables' order (a < b).
  function pairMark(a, b, what, count, period) {
    var ids = [a, b].sort();
    var key = period === undefined ? ['co', ids[0], ids[1]] : ['cy', ids[0], ids[1], period];
    return { list: 'sentences', key: key.join(T), what: what, count: count, noun: sentences.window,
      filter: 'both ' + ids[0] + ' and ' + ids[1] + ' (actor_id)' + (period === undefined ? '' : ', in the articles of ' + period) };
  }
  // Each chart's mark → its key in the explorer's data, a description, and the number the chart draws for it.
  var MARKS = {
    'statements-by-country': function (d, spec) {
      if (d.period === undefined || d.country === undefined) return null;
      var code = codeOf(spec, d.country) || 'unknown';
      return { key: ['yc', d.period, code].join(T), what: d.country + ', ' + d.period, count: d.sum_count !== undefined ? d.sum_count : d.count, filter: 'speaker_country = ' + code + ', date in ' + d.period };
    },
    'top-speakers': function (d) {
      if (d.speaker_key === undefined) return null;
      return { key: ['sp', d.speaker_key].join(T), what: d.speaker, count: d.count, filter: d.speaker_key.indexOf('unnamed:') === 0 ? 'speaker = ' + d.speaker : 'speaker_id = ' + d.speaker_key };
    },
    'statement-timeline': function (d) {
      if (d.key === undefined || d.month === undefined) return null;
      return { key: ['tl', d.month, d.key].join(T), what: d.speaker + ', ' + d.month, count: d.count, filter: (d.key ? 'speaker ' + d.speaker : 'the other speakers') + ', date in ' + d.month };
    },
    'themes-by-year': function (d) {
      if (d.theme === undefined || d.period === undefined) return null;
      return { key: ['ty', d.theme, d.period].join(T), what: d.label + ', ' + d.period, count: d.statements, filter: 'theme = ' + d.theme + ' in themes.csv, date in ' + d.period };
    },
    'themes-by-country': function (d) {
      if (d.theme === undefined || d.code === undefined) return null;
      return { key: ['tc', d.theme, d.code].join(T), what: d.label + ', ' + d.country, count: d.statements, filter: 'theme = ' + d.theme + ' in themes.csv, speaker_country = ' + d.code };
    },
    'cooccurrence-heatmap': function (d) {
      if (d.row_id === undefined || d.col_id === undefined) return null;
      return pairMark(d.row_id, d.col_id, d.row + ' – ' + d.col, d.count);
    },
    'cooccurrence-network': function (d) {
      // A node: its co-occurrences with any other actor (its size, and its tooltip's number).
      if (d.id !== undefined && d.weight !== undefined) {
        return { list: 'sentences', key: ['cn', d.id].join(T), what: d.name, count: d.weight, noun: 'co-occurrence', filter: d.id + ' (actor_id) with any other actor' };
      }
      // A link: the force layout points its source and target at the nodes' scene items, whose datum is the node.
      var source = d.source && (d.source.datum || d.source), target = d.target && (d.target.datum || d.target);
      if (source && target && source.id !== undefined && target.id !== undefined) return pairMark(source.id, target.id, d.source_name + ' – ' + d.target_name, d.count);
      return null;
    },
    'cooccurrence-by-year': function (d) {
      if (d.actor_a === undefined || d.actor_b === undefined || d.period === undefined) return null;
      return pairMark(d.actor_a, d.actor_b, d.pair + ', ' + d.period, d.count, d.period);
    },
  };
  // What a list shows: the statements behind a bar, cell or timeline mark; the sentences (or paragraphs, articles) behind a co-occurrence mark.
  var LISTS = {
    statements: {
      set: data,
      head: ['Date', 'Outlet', 'Speaker', 'Country', 'Themes', 'Statement', 'Article (tables/articles.csv)'],
      cells: function (r) { return [r.date, r.outlet, r.speaker, r.speaker_country, r.themes.join(', ')]; },
      countries: function (r) { return [r.speaker_country]; },
      country: ['Speaker country ', 'any speaker country'],
      themes: function (r) { return r.themes; },
      haystack: function (r) { return r.text + ' ' + r.speaker + ' ' + r.outlet; },
      tag: function (tr, r) { tr.setAttribute('data-statement', r.statement_id); },
      title: function (r) { return 'article_id ' + r.article_id + ' in ' + data.tables + '/articles.csv (statement ' + r.statement_id + ')'; },
      more: function (n, mark) { return n + ' more: see ' + data.tables + '/statements.csv filtered by ' + mark.filter + '.'; },
    },
  };
  if (sentences) {
    LISTS.sentences = {
      set: sentences,
      head: ['Date', 'Outlet', 'Actors', 'Countries', sentences.window === 'sentence' ? 'Sentence' : 'Excerpt of the ' + sentences.window, 'Article (tables/articles.csv)'],
      cells: function (r) { return [r.date, r.outlet, r.pair, r.countries.filter(function (c) { return c !== ''; }).join(', ')]; },
      countries: function (r) { return r.countries; },
      country: ['Actor country ', 'any actor country'],
      // Sentences have no themes: no theme filter.
      themes: null,
      haystack: function (r) { return r.text + ' ' + r.pair + ' ' + r.outlet; },
      tag: function (tr, r) { tr.setAttribute('data-sentence', r.article_id + ' ' + r.sentence); },
      title: function (r) { return 'article_id ' + r.article_id + ' in ' + data.tables + '/articles.csv (sentence ' + r.sentence + ' in sentences.csv)'; },
      more: function (n, mark) { return n + ' more: see ' + data.tables + '/mentions.csv for the ' + sentences.window + 's naming ' + mark.filter + ' (their text is in ' + data.tables + '/sentences.csv).'; },
    };
  }
  var LIST_OF = { 'cooccurrence-heatmap': 'sentences', 'cooccurrence-network': 'sentences', 'cooccurrence-by-year': 'sentences' };
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function options(select, label, values) {
    select.appendChild(el('option', label)).value = '';
    values.forEach(function (v) { select.appendChild(el('option', v)).value = v; });
  }
  function uniq(list) { return Array.from(new Set(list)).filter(function (v) { return v !== ''; }).sort(); }
  function flat(lists) { return [].concat.apply([], lists); }
  var panel = null;
  function show(figure, title, mark) {
    var list = LISTS[mark.list || 'statements'];
    if (panel) panel.remove();
    panel = el('section', undefined, 'explorer');
    panel.setAttribute('aria-live', 'polite');
    var close = el('button', 'close', 'close');
    close.type = 'button';
    close.addEventListener('click', function () { panel.remove(); panel = null; });
    panel.appendChild(close);
    var entry = list.set.marks[mark.key];
    var rows = entry ? entry.rows.map(function (i) { return list.set.rows[i]; }) : [];
    var total = entry ? entry.count : 0;
    var noun = mark.noun || 'statement';
    panel.appendChild(el('h3', title + ': ' + mark.what + ', ' + mark.count + ' ' + noun + (mark.count === 1 ? '' : 's')));
    var filters = el('div', undefined, 'filters');
    var year = el('select'), country = el('select'), theme = list.themes ? el('select') : null, search = el('input');
    year.name = 'year'; country.name = 'country'; search.name = 'search';
    search.type = 'search'; search.placeholder = 'search the text';
    options(year, 'any year', uniq(rows.map(function (r) { return r.date.slice(0, 4); })));
    options(country, list.country[1], uniq(flat(rows.map(list.countries))));
    var fields = [['Year ', year], [list.country[0], country]];
    if (theme) {
      theme.name = 'theme';
      options(theme, 'any theme', uniq(flat(rows.map(list.themes))));
      fields.push(['Theme ', theme]);
    }
    fields.push(['Text ', search]);
    fields.forEach(function (p) {
      var label = el('label', p[0]);
      label.appendChild(p[1]);
      filters.appendChild(label);
    });
    panel.appendChild(filters);
    var shown = el('p', '', 'shown');
    panel.appendChild(shown);
    var table = el('table');
    var head = table.appendChild(el('thead')).appendChild(el('tr'));
    list.head.forEach(function (h) { head.appendChild(el('th', h)).scope = 'col'; });
    var body = table.appendChild(el('tbody'));
    panel.appendChild(table);
    if (total > rows.length) panel.appendChild(el('p', list.more(total - rows.length, mark), 'more'));
    function render() {
      var q = search.value.trim().toLowerCase();
      var kept = rows.filter(function (r) {
        return (!year.value || r.date.slice(0, 4) === year.value) && (!country.value || list.countries(r).indexOf(country.value) >= 0) && (!theme || !theme.value || list.themes(r).indexOf(theme.value) >= 0) &&
          (!q || list.haystack(r).toLowerCase().indexOf(q) >= 0);
      });
      while (body.firstChild) body.removeChild(body.firstChild);
      kept.forEach(function (r) {
        var tr = body.appendChild(el('tr'));
        list.tag(tr, r);
        list.cells(r).forEach(function (v) { tr.appendChild(el('td', v)); });
        tr.appendChild(el('td', r.text, 'text'));
        var a = el('a', r.article_id);
        a.href = data.tables + '/articles.csv';
        a.title = list.title(r);
        tr.appendChild(el('td')).appendChild(a);
      });
      shown.textContent = kept.length + ' of ' + rows.length + ' listed ' + noun + 's shown' + (total > rows.length ? ' (' + total + ' in all)' : '');
    }
    [year, country, theme].forEach(function (s) { if (s) s.addEventListener('change', render); });
    search.addEventListener('input', render);
    render();
    figure.after(panel);
  }
  Array.prototype.forEach.call(document.querySelectorAll('figure.chart[data-chart]'), function (figure) {
    var name = figure.getAttribute('data-chart');
    var chart = charts[name];
    if (!chart || typeof vegaEmbed !== 'function') return;
    var still = figure.querySelector('svg');
    var holder = el('div', undefined, 'live');
    figure.insertBefore(holder, figure.firstChild);
    vegaEmbed(holder, chart.spec, { mode: chart.mode, renderer: 'svg', actions: still ? false : { export: true, source: true, compiled: false, editor: false } })
      .then(function (result) {
        // The live chart replaces the still one (kept in the page for a browser without scripts).
        if (still) still.remove();
        figure.setAttribute('data-live', '');
        var markOf = MARKS[name];
        // A chart is explorable when the page holds its marks' rows (the co-occurrence sentences need sentences.csv).
        if (!markOf || !LISTS[LIST_OF[name] || 'statements']) return;
        figure.setAttribute('data-explorable', '');
        result.view.addEventListener('click', function (event, item) {
          var mark = item && item.datum && markOf(item.datum, chart.spec);
          if (mark) show(figure, figure.getAttribute('data-title') || name, mark);
        });
      })
      .catch(function (e) { holder.remove(); console.error('chart ' + name + ': ' + e); });
  });
})();`;
