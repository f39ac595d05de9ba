import { beforeAll, describe, expect, it } from 'vitest';
import { prng } from '../scripts/bench/corpus';
import { articleFromText } from '../src/corpus';
import { findMentions, loadRegistry, type Registry } from '../src/annotators/actors';
import type { AnnotatedArticle } from '../src/pipeline';
import { explorerBlocks } from '../src/report/explorer-page';
import { actorsStage, CooccurrenceTally, MAX_PAIRED_ACTORS, type ArticleUnits } from '../src/tables/actors';
import {
  COOCCURRENCE_MAX_ROWS,
  CooccurrenceSamples,
  cooccurrenceKeys,
  SAMPLE_BUDGET,
  SAMPLE_ROWS,
  type CooccurrenceExplorerData,
  type UnitTexts,
} from '../src/tables/cooccurrence-explorer';
import { cooccurrenceData } from '../src/tables/report-data';
import { rowsOf } from '../src/tables/stage';

let registry: Registry;
beforeAll(() => {
  registry = loadRegistry();
});

const annotate = (text: string, meta: { article_id: string; published: string; outlet: string }): AnnotatedArticle => {
  const article = articleFromText(text, meta);
  return { article, mentions: findMentions(article, registry), statements: [], themes: [] };
};

/** The co-occurrence explorer's data of articles run through the actors stage, as the report runs it. */
function stageData(articles: readonly AnnotatedArticle[]): CooccurrenceExplorerData | undefined {
  const stage = actorsStage();
  for (const a of articles) rowsOf(stage, a);
  return stage.finish!().data.cooccurrence_explorer;
}

/** A mark's rows, as the page lists them. */
const rowsOfMark = (data: CooccurrenceExplorerData, key: string) => (data.marks[key]?.rows ?? []).map((i) => data.rows[i]!);

const TALKS = 'Wang Yi met Sergey Lavrov on Monday.\nThe weather was mild in the afternoon.\nLavrov said Russia and China would deepen their ties.\nThe two ministers did not take questions.';
const REPLY = 'Markets closed early on Friday.\nChina said it opposed the sanctions.\nThe Kremlin said Russia would respond.';

describe('the co-occurrence samples of real sentences', () => {
  it('lists, for each pair, the sentences naming both, with article, date, outlet and sentence index', () => {
    const data = stageData([
      annotate(TALKS, { article_id: 'talks', published: '2022-03-07', outlet: 'AP' }),
      annotate(REPLY, { article_id: 'reply', published: '2023-01-05', outlet: 'TASS' }),
    ])!;
    expect(data.window).toBe('sentence');
    expect(rowsOfMark(data, cooccurrenceKeys.pair('sergey-lavrov', 'wang-yi'))).toEqual([
      { article_id: 'talks', date: '2022-03-07', outlet: 'AP', sentence: 0, pair: 'Sergey Lavrov – Wang Yi', countries: ['RUS', 'CHN'], text: 'Wang Yi met Sergey Lavrov on Monday.' },
    ]);
    // "Lavrov" (his surname) names him again in sentence 2, with Russia and China: three pairs from one sentence.
    const third = 'Lavrov said Russia and China would deepen their ties.';
    expect(rowsOfMark(data, cooccurrenceKeys.pair('china', 'russia'))).toEqual([{ article_id: 'talks', date: '2022-03-07', outlet: 'AP', sentence: 2, pair: 'China – Russia', countries: ['CHN', 'RUS'], text: third }]);
    expect(data.marks[cooccurrenceKeys.pairYear('china', 'russia', '2022')]).toEqual(data.marks[cooccurrenceKeys.pair('china', 'russia')]);
    expect(rowsOfMark(data, cooccurrenceKeys.pair('kremlin', 'russia')).map((r) => [r.article_id, r.date, r.outlet, r.sentence, r.text])).toEqual([['reply', '2023-01-05', 'TASS', 2, 'The Kremlin said Russia would respond.']]);
    // Russia's node: its co-occurrences with China, Lavrov and the Kremlin (its weight, 3), one row each, the partners in turn.
    expect(data.marks[cooccurrenceKeys.actor('russia')]!.count).toBe(3);
    expect(rowsOfMark(data, cooccurrenceKeys.actor('russia')).map((r) => r.pair)).toEqual(['China – Russia', 'Kremlin – Russia', 'Russia – Sergey Lavrov']);
    // A sentence naming one actor (China opposing the sanctions), or none, is never listed; nor is a pair that never met (China and the Kremlin).
    const texts = new Set(data.rows.map((r) => r.text));
    expect(texts).toEqual(new Set(['Wang Yi met Sergey Lavrov on Monday.', third, 'The Kremlin said Russia would respond.']));
    expect(data.marks[cooccurrenceKeys.pair('china', 'kremlin')]).toBeUndefined();
    expect(data.marks[cooccurrenceKeys.pairYear('china', 'russia', '2023')]).toBeUndefined();
  });

  it("holds each row's text once in its state: the three pairs of one sentence share it", () => {
    const stage = actorsStage();
    const part = stage.partial!();
    part.add(stage.digest(annotate(TALKS, { article_id: 'talks', published: '2022-03-07', outlet: 'AP' })).tally!);
    const samples = part.state().samples;
    expect(samples.texts).toEqual(['Lavrov said Russia and China would deepen their ties.', 'Wang Yi met Sergey Lavrov on Monday.']);
    // china–russia, china–sergey-lavrov, russia–sergey-lavrov from sentence 2; sergey-lavrov–wang-yi from sentence 0
    expect(samples.entries.map(([, a, b, , rows]) => [a, b, rows.map((r) => r[4])])).toEqual([
      ['china', 'russia', [0]],
      ['china', 'sergey-lavrov', [0]],
      ['russia', 'sergey-lavrov', [0]],
      ['sergey-lavrov', 'wang-yi', [1]],
    ]);
  });

  it('an article with no pair gives the samples nothing', () => {
    expect(stageData([annotate(REPLY.split('\n').slice(0, 2).join('\n'), { article_id: 'x', published: '2022-01-01', outlet: 'AP' })])).toBeUndefined();
  });

  it('falls back to the paragraph, as the charts do, with an excerpt of the two sentences; a sentence pair later drops the paragraphs', () => {
    const apart = annotate('Wang Yi arrived in the capital on Monday. The talks with Sergey Lavrov lasted two hours.\nThe weather was mild.', { article_id: 'apart', published: '2021-05-07', outlet: 'DW' });
    const data = stageData([apart])!;
    expect(data.window).toBe('paragraph');
    expect(rowsOfMark(data, cooccurrenceKeys.pair('sergey-lavrov', 'wang-yi'))).toEqual([
      { article_id: 'apart', date: '2021-05-07', outlet: 'DW', sentence: 0, pair: 'Sergey Lavrov – Wang Yi', countries: ['RUS', 'CHN'], text: 'Wang Yi arrived in the capital on Monday. … The talks with Sergey Lavrov lasted two hours.' },
    ]);
    // With a sentence naming two actors anywhere in the corpus, the charts draw sentences: so do the samples, in either order.
    const talks = annotate(TALKS, { article_id: 'talks', published: '2022-03-07', outlet: 'AP' });
    for (const order of [
      [apart, talks],
      [talks, apart],
    ]) {
      const both = stageData(order)!;
      expect(both.window).toBe('sentence');
      expect(rowsOfMark(both, cooccurrenceKeys.pair('sergey-lavrov', 'wang-yi')).map((r) => r.article_id)).toEqual(['talks']);
    }
  });
});

// ---- generated inputs: units and texts made directly (the real sentences are above)

/** A generated article's units (sentence window) and texts: each unit's actors and its text "article i, unit u". */
function generated(i: number, units: string[][], published: string): { units: ArticleUnits; texts: UnitTexts } {
  const sorted = units.map((ids) => [...new Set(ids)].sort());
  return {
    units: { article_id: `a${i}`, published, units: { sentence: sorted, paragraph: [], article: [] } },
    texts: { window: 'sentence', outlet: `Outlet ${i % 7}`, sentences: sorted.map((_, u) => u), texts: sorted.map((_, u) => `article ${i}, unit ${u}`), firsts: sorted.map((ids, u) => (ids.length >= 2 ? [u] : [])) },
  };
}

/** n articles: China and Russia in most, a few regular actors, and rare ones from a long tail of `tail` actors. */
function corpus(n: number, tail: number, seed = 7) {
  const rand = prng(seed);
  const regular = ['china', 'russia', 'usa', 'ukraine', 'eu', 'nato', 'wang-yi', 'sergey-lavrov'];
  return Array.from({ length: n }, (_, i) => {
    const units: string[][] = [];
    for (let u = 0, k = 1 + Math.floor(rand() * 4); u < k; u++) {
      const ids = [regular[Math.floor(rand() ** 2 * regular.length)]!, regular[Math.floor(rand() * regular.length)]!];
      if (rand() < 0.6) ids.push(`tail-${Math.floor(rand() * tail)}`);
      units.push(ids);
    }
    const year = 2021 + (i % 4);
    return generated(i, units, i % 50 === 0 ? '' : `${year}-0${1 + (i % 9)}-1${i % 10}`);
  });
}

/** The co-occurrence data of generated articles (the charts' cut), as the tables stage computes it. */
function coOf(articles: readonly { units: ArticleUnits }[]) {
  const tally = new CooccurrenceTally('year', ['sentence']);
  for (const a of articles) tally.add(a.units);
  const names = new Map<string, { name: string; country: string }>();
  for (const a of articles) for (const ids of a.units.units.sentence) for (const id of ids) names.set(id, { name: id.toUpperCase(), country: id.startsWith('tail') ? '' : 'CHN' });
  return cooccurrenceData(tally.rows('sentence'), names)!;
}

describe('the co-occurrence samples of generated inputs', () => {
  it('merging the parts in order gives the samples of one pass (under the budget)', () => {
    const articles = corpus(1500, 400);
    const whole = new CooccurrenceSamples();
    for (const a of articles) whole.add(a.units, a.texts);
    expect(whole.rows).toBeLessThan(SAMPLE_BUDGET);
    const co = coOf(articles);
    for (const cuts of [[1], [700], [3, 900, 1499], [250, 500, 750, 1000, 1250]]) {
      const parts = [0, ...cuts, articles.length].slice(1).map((end, k, ends) => articles.slice(k === 0 ? 0 : ends[k - 1], end));
      const merged = new CooccurrenceSamples();
      for (const part of parts) {
        const partial = new CooccurrenceSamples();
        for (const a of part) partial.add(a.units, a.texts);
        // Through JSON, as a segment's state goes to the cache.
        merged.merge(JSON.parse(JSON.stringify(partial.state())));
      }
      expect(merged.state(), `cut at ${cuts}`).toEqual(whole.state());
      expect(merged.data(co)).toEqual(whole.data(co));
    }
    // A different corpus gives other samples: the comparison can fail.
    const other = new CooccurrenceSamples();
    for (const a of corpus(1500, 400, 8)) other.add(a.units, a.texts);
    expect(other.state()).not.toEqual(whole.state());
  });

  it('keeps a pair\'s first rows in input order, SAMPLE_ROWS at most, and counts every unit', () => {
    const articles = Array.from({ length: 30 }, (_, i) => generated(i, [['china', 'russia'], ['china']], '2022-05-01'));
    const samples = new CooccurrenceSamples();
    for (const a of articles) samples.add(a.units, a.texts);
    const data = samples.data(coOf(articles));
    const mark = data.marks[cooccurrenceKeys.pair('china', 'russia')]!;
    expect(mark.count).toBe(30);
    expect(mark.rows.map((i) => data.rows[i]!.text)).toEqual(Array.from({ length: SAMPLE_ROWS }, (_, i) => `article ${i}, unit 0`));
    expect(data.rows.every((r) => r.pair === 'CHINA – RUSSIA' && r.date === '2022-05-01')).toBe(true);
  });

  it('past the budget, the rarest pairs lose their rows; a pair seen again collects anew (not its first rows)', () => {
    const samples = new CooccurrenceSamples(10, 2);
    const add = (i: number, units: string[][]) => {
      const a = generated(i, units, '2022-01-01');
      samples.add(a.units, a.texts);
    };
    add(0, [['china', 'russia'], ['china', 'russia'], ['china', 'russia']]);
    add(1, [['rare-a', 'rare-b']]);
    // Pairs seen twice each: past 10 rows, the entries with the lowest counts go until 7 rows are left (rare-a–rare-b first).
    for (let i = 2; i < 9; i++) add(i, [[`x${i}`, `y${i}`], [`x${i}`, `y${i}`]]);
    expect(samples.rows).toBeLessThanOrEqual(10);
    const kept = new Map(samples.state().entries.map(([, a, b, count, rows]) => [`${a} ${b}`, [count, rows.map((r) => r[0])]]));
    // China–Russia (3 units) keeps its first 2 rows; rare-a–rare-b was evicted.
    expect(kept.get('china russia')).toEqual([3, ['a0', 'a0']]);
    expect(kept.has('rare-a rare-b')).toBe(false);
    expect(kept.size).toBeLessThan(9);
    add(9, [['rare-a', 'rare-b']]);
    const state = samples.state();
    const [count, rows] = state.entries.find(([, a]) => a === 'rare-a')!.slice(3) as [number, [string, string, string, number, number][]];
    expect([count, rows.map(([id, date, outlet, sentence, text]) => [id, date, outlet, sentence, state.texts[text]])]).toEqual([1, [['a9', '2022-01-01', 'Outlet 2', 0, 'article 9, unit 0']]]);
  });

  it('a unit naming more than MAX_PAIRED_ACTORS actors lists no pair, as it counts none', () => {
    const crowd = Array.from({ length: MAX_PAIRED_ACTORS + 1 }, (_, i) => `actor-${String(i).padStart(3, '0')}`);
    const samples = new CooccurrenceSamples(1_000_000);
    const big = generated(0, [crowd], '2022-01-01');
    samples.add(big.units, big.texts);
    expect(samples.rows).toBe(0);
    const small = generated(1, [crowd.slice(0, MAX_PAIRED_ACTORS)], '2022-01-01');
    samples.add(small.units, small.texts);
    expect(samples.rows).toBe((MAX_PAIRED_ACTORS * (MAX_PAIRED_ACTORS - 1)) / 2);
    // With the budget, such a unit's 124,750 pairs are evicted down to it, sentence by sentence.
    const bounded = new CooccurrenceSamples();
    const many = generated(2, Array.from({ length: 3 }, () => crowd.slice(0, MAX_PAIRED_ACTORS)), '2022-01-01');
    bounded.add(many.units, many.texts);
    expect(bounded.rows).toBeLessThanOrEqual(SAMPLE_BUDGET);
    expect(bounded.rows).toBeGreaterThan(0);
  });

  it('stays bounded at 50,000 articles with a long tail of actors: SAMPLE_BUDGET rows while reading, COOCCURRENCE_MAX_ROWS in the page', () => {
    const articles = corpus(50_000, 30_000);
    const samples = new CooccurrenceSamples();
    let most = 0;
    for (const a of articles) {
      samples.add(a.units, a.texts);
      most = Math.max(most, samples.rows);
    }
    expect(most).toBeLessThanOrEqual(SAMPLE_BUDGET);
    expect(most).toBeGreaterThan(SAMPLE_BUDGET / 2);
    const co = coOf(articles);
    const data = samples.data(co);
    expect(data.rows.length).toBeLessThanOrEqual(COOCCURRENCE_MAX_ROWS);
    expect(data.perMark).toBeGreaterThan(0);
    expect(data.perMark).toBeLessThanOrEqual(SAMPLE_ROWS);
    // Every mark keeps the chart's count; the most frequent pair, never evicted, lists its first rows in each year.
    const [a, b] = co.topPairs[0]!;
    const count = co.rows.filter((r) => r.actor_a === a && r.actor_b === b).reduce((n, r) => n + Number(r.count), 0);
    expect(data.marks[cooccurrenceKeys.pair(a, b)]!.count).toBe(count);
    expect(data.marks[cooccurrenceKeys.pairYear(a, b, '2021')]!.rows.length).toBe(data.perMark);
    expect(Object.values(data.marks).every((m) => m.rows.length <= data.perMark && m.rows.length <= m.count)).toBe(true);
    // Marks: the heatmap's and network's pairs, the by-year chart's cells and the network's 15 nodes.
    expect(Object.keys(data.marks).filter((k) => k.startsWith('cn\t'))).toHaveLength(15);
    // In the page, as report.html embeds it.
    expect(explorerBlocks({}, undefined, 'tables', data).length).toBeLessThan(800_000);
  }, 60_000);
});
