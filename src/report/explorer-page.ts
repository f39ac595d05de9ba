/**
 * The explorer of report.html and the chart pages: the charts drawn live by vega-embed
 * (inlined, offline), and a click on a mark (a bar, a heatmap cell, a timeline mark)
 * lists the statements behind it from the explorer's data embedded in the page
 * (`ExplorerData`, bounded), with filters by year, speaker country, theme and text.
 * Every value from the corpus is put in the page with textContent, never as markup.
 */
import { escapeHtml, htmlHead, inlineLibraries, isVegaLite, OFFLINE_CSP, scriptJson } from '../charts/export';
import type { ChartSpec } from '../charts/common';
import type { ExplorerData } from '../tables/explorer';

/** The charts whose marks lead to statements. */
export const EXPLORABLE_CHARTS = ['statements-by-country', 'top-speakers', 'statement-timeline', 'themes-by-year', 'themes-by-country'] as const;

/** The explorer's rows of the marks of one chart only (a chart page embeds just its own). */
export function explorerOf(data: ExplorerData, chart: string): ExplorerData {
  const prefix = { 'statements-by-country': 'yc\t', 'top-speakers': 'sp\t', 'statement-timeline': 'tl\t', 'themes-by-year': 'ty\t', 'themes-by-country': 'tc\t' }[chart];
  const rows: ExplorerData['rows'] = [];
  const index = new Map<number, number>();
  const marks: ExplorerData['marks'] = {};
  if (prefix) {
    for (const [key, mark] of Object.entries(data.marks)) {
      if (!key.startsWith(prefix)) continue;
      marks[key] = {
        count: mark.count,
        rows: mark.rows.map((i) => {
          let at = index.get(i);
          if (at === undefined) index.set(i, (at = rows.push(data.rows[i]!) - 1));
          return at;
        }),
      };
    }
  }
  return { perMark: data.perMark, rows, marks };
}

const ROW_FIELDS = ['statement_id', 'article_id', 'date', 'outlet', 'speaker', 'speaker_country', 'themes', 'text'] as const satisfies readonly (keyof ExplorerData['rows'][number])[];

/** The JSON blocks the script reads: the charts' specs and how to embed them, the explorer's data, where tables/ is. */
export function explorerBlocks(specs: Record<string, ChartSpec>, data: ExplorerData | undefined, tablesDir: string): string {
  const charts = Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, { mode: isVegaLite(spec) ? 'vega-lite' : 'vega', spec }]));
  const explorer = data ?? { perMark: 0, rows: [], marks: {} };
  // Rows as arrays (ROW_FIELDS' order): the field names once, not in each of thousands of rows.
  const rows = explorer.rows.map((r) => ROW_FIELDS.map((f) => r[f]));
  return `<script type="application/json" id="chart-specs">${scriptJson(charts)}</script>
<script type="application/json" id="explorer-data">${scriptJson({ perMark: explorer.perMark, fields: ROW_FIELDS, rows, marks: explorer.marks, tables: tablesDir })}</script>
<script>${EXPLORER_SCRIPT}</script>`;
}

/**
 * A chart's offline page with its explorer (OUT/charts/NAME.html of an explorable
 * chart): the live chart, and a click lists the statements of the mark, from the
 * chart's own marks' rows only.
 */
export function explorerChartPage(name: string, spec: ChartSpec, title: string, data: ExplorerData): string {
  const style = "body{font-family:'DejaVu Sans',Verdana,Arial,sans-serif;margin:24px;color:#222;line-height:1.45}table{border-collapse:collapse;font-size:.9em}th,td{border-bottom:1px solid #ddd;padding:3px 10px;text-align:left;vertical-align:top}th{background:#f0f0f0}" + EXPLORER_STYLE;
  return `${htmlHead({ title, csp: OFFLINE_CSP, style, extra: inlineLibraries() })}
<body>
<figure class="chart" id="chart" data-chart="${escapeHtml(name)}" data-title="${escapeHtml(title)}"></figure>
<p class="note">Hover a mark for its figures; click it to list the statements behind it (at most ${data.perMark} a mark; the rest are in ../tables/statements.csv).</p>
${explorerBlocks({ [name]: spec }, explorerOf(data, name), '../tables')}
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
  data.rows = data.rows.map(function (values) {
    var row = {};
    data.fields.forEach(function (f, i) { row[f] = values[i]; });
    return row;
  });
  var T = '\t';
  function valuesOf(spec) { return (spec.data && spec.data.values) || []; }
  function codeOf(spec, label) {
    var v = valuesOf(spec);
    for (var i = 0; i < v.length; i++) if (v[i].country === label) return v[i].code;
    return undefined;
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
  };
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
  var panel = null;
  function show(figure, title, mark) {
    if (panel) panel.remove();
    panel = el('section', undefined, 'explorer');
    panel.setAttribute('aria-live', 'polite');
    var close = el('button', 'close', 'close');
    close.type = 'button';
    close.addEventListener('click', function () { panel.remove(); panel = null; });
    panel.appendChild(close);
    var entry = data.marks[mark.key];
    var rows = entry ? entry.rows.map(function (i) { return data.rows[i]; }) : [];
    var total = entry ? entry.count : 0;
    panel.appendChild(el('h3', title + ': ' + mark.what + ', ' + mark.count + ' statement' + (mark.count === 1 ? '' : 's')));
    var filters = el('div', undefined, 'filters');
    var year = el('select'), country = el('select'), theme = el('select'), search = el('input');
    year.name = 'year'; country.name = 'country'; theme.name = 'theme'; search.name = 'search';
    search.type = 'search'; search.placeholder = 'search the text';
    options(year, 'any year', uniq(rows.map(function (r) { return r.date.slice(0, 4); })));
    options(country, 'any speaker country', uniq(rows.map(function (r) { return r.speaker_country; })));
    options(theme, 'any theme', uniq([].concat.apply([], rows.map(function (r) { return r.themes; }))));
    [['Year ', year], ['Speaker country ', country], ['Theme ', theme], ['Text ', search]].forEach(function (p) {
      var label = el('label', p[0]);
      label.appendChild(p[1]);
      filters.appendChild(label);
    });
    panel.appendChild(filters);
    var shown = el('p', '', 'shown');
    panel.appendChild(shown);
    var table = el('table');
    var head = table.appendChild(el('thead')).appendChild(el('tr'));
    ['Date', 'Outlet', 'Speaker', 'Country', 'Themes', 'Statement', 'Article (tables/articles.csv)'].forEach(function (h) { head.appendChild(el('th', h)).scope = 'col'; });
    var body = table.appendChild(el('tbody'));
    panel.appendChild(table);
    if (total > rows.length) panel.appendChild(el('p', (total - rows.length) + ' more: see ' + data.tables + '/statements.csv filtered by ' + mark.filter + '.', 'more'));
    function render() {
      var q = search.value.trim().toLowerCase();
      var kept = rows.filter(function (r) {
        return (!year.value || r.date.slice(0, 4) === year.value) && (!country.value || r.speaker_country === country.value) && (!theme.value || r.themes.indexOf(theme.value) >= 0) &&
          (!q || (r.text + ' ' + r.speaker + ' ' + r.outlet).toLowerCase().indexOf(q) >= 0);
      });
      while (body.firstChild) body.removeChild(body.firstChild);
      kept.forEach(function (r) {
        var tr = body.appendChild(el('tr'));
        tr.setAttribute('data-statement', r.statement_id);
        [r.date, r.outlet, r.speaker, r.speaker_country, r.themes.join(', ')].forEach(function (v) { tr.appendChild(el('td', v)); });
        tr.appendChild(el('td', r.text, 'text'));
        var a = el('a', r.article_id);
        a.href = data.tables + '/articles.csv';
        a.title = 'article_id ' + r.article_id + ' in ' + data.tables + '/articles.csv (statement ' + r.statement_id + ')';
        tr.appendChild(el('td')).appendChild(a);
      });
      shown.textContent = kept.length + ' of ' + rows.length + ' listed statements shown' + (total > rows.length ? ' (' + total + ' in all)' : '');
    }
    [year, country, theme].forEach(function (s) { s.addEventListener('change', render); });
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
        if (!markOf) return;
        figure.setAttribute('data-explorable', '');
        result.view.addEventListener('click', function (event, item) {
          var mark = item && item.datum && markOf(item.datum, chart.spec);
          if (mark) show(figure, figure.getAttribute('data-title') || name, mark);
        });
      })
      .catch(function (e) { holder.remove(); console.error('chart ' + name + ': ' + e); });
  });
})();`;
