import { beforeAll, describe, expect, it } from 'vitest';
import { articleFromText, loadCorpus } from '../src/corpus';
import { createRegistry, findMentions, loadRegistry, readRegistryFile, KIT_REGISTRY, type Registry } from '../src/annotators/actors';
import { dataPath } from '../src/data';
import type { AnnotatedArticle } from '../src/pipeline';
import {
  actorsStage,
  articleUnits,
  cooccurrenceRows,
  cooccurrenceTable,
  COOCCURRENCE,
  mentionRows,
  mentionsTable,
  MENTIONS,
  unregisteredTable,
  UNREGISTERED,
} from '../src/tables/actors';
import { loadDanfo } from '../src/tables/frame';
import { rowsOf as stageRows } from '../src/tables/stage';
import { periodOf } from '../src/tables/periods';
import type { Row } from '../src/tables/schema';
import { expectTable, SEED, SEEDS } from './helpers';

let annotated: AnnotatedArticle[];
let registry: Registry;
const annotate = (reg: Registry) => (article: AnnotatedArticle['article']): AnnotatedArticle => ({ article, mentions: findMentions(article, reg), statements: [], themes: [] });

beforeAll(async () => {
  registry = loadRegistry();
  annotated = (await loadCorpus(SEEDS)).articles.map(annotate(registry));
});

const chinaRussia = (rows: Row[]) => rows.filter((r) => r.actor_a === 'china' && r.actor_b === 'russia').map((r) => [r.period, r.count, r.articles, r.dice]);
const rowsOf = (df: import('danfojs-node').DataFrame) => loadDanfo().toJSON(df) as Row[];

describe('China–Russia co-occurrence on the seeds', () => {
  /*
   * Counted by hand from the seed sentences (China = China, Beijing, Chinese; Russia =
   * Russia, Moscow, Russian; places excluded):
   * 2021, DW: sentences 0, 1, 2, 4, 5, 7, 11 -> 7 (China in 15 sentences, Russia in 11)
   * 2022, AP 2, 3, 4, 6, 8, 11, 13 (7) + Newsweek 0, 1, 2, 4, 5, 6, 7, 17, 21, 22, 25, 33, 35 (13)
   *       + Newsmax 0, 1, 3, 5, 6, 7, 9, 10, 11 (9) -> 29
   * 2024, Kyiv Post 0, 1, 2, 5, 7, 10, 11, 12, 13, 15 -> 10
   */
  it('co-occur at sentence level 7 times in 2021, 29 in 2022 and 10 in 2024', () => {
    expect(chinaRussia(rowsOf(cooccurrenceTable(annotated)))).toEqual([
      ['2021', 7, 1, 0.5385],
      ['2022', 29, 3, expect.any(Number)],
      ['2024', 10, 1, expect.any(Number)],
    ]);
  });

  it('Dice is 2·n_ab / (n_a + n_b) over the sentences of the period', () => {
    const dw = annotated.find((a) => a.article.article_id === SEED.dw)!;
    const units = articleUnits(dw.article, dw.mentions).units.sentence;
    const nChina = units.filter((ids) => ids.includes('china')).length;
    const nRussia = units.filter((ids) => ids.includes('russia')).length;
    expect([nChina, nRussia]).toEqual([15, 11]);
    expect(chinaRussia(cooccurrenceRows([articleUnits(dw.article, dw.mentions)]))).toEqual([['2021', 7, 1, Math.round((2 * 7 * 10000) / (15 + 11)) / 10000]]);
  });

  it('without adjectives, "Russian ... Chinese" sentences drop out (2021: 5, 2024: 8)', () => {
    const rows = chinaRussia(rowsOf(cooccurrenceTable(annotated, { includeAdjectives: false })));
    expect(rows.map((r) => [r[0], r[1]])).toEqual([
      ['2021', 5],
      ['2022', expect.any(Number)],
      ['2024', 8],
    ]);
  });

  it('by quarter and by month through the API', () => {
    expect(chinaRussia(rowsOf(cooccurrenceTable(annotated, { period: 'quarter' }))).map((r) => [r[0], r[1]])).toEqual([
      ['2021-Q1', 7],
      ['2022-Q1', 20],
      ['2022-Q2', 9],
      ['2024-Q2', 10],
    ]);
    expect(chinaRussia(rowsOf(cooccurrenceTable(annotated, { period: 'month', periods: ['2022-02', '2022-03'] }))).map((r) => [r[0], r[1]])).toEqual([
      ['2022-02', 13],
      ['2022-03', 7],
    ]);
  });

  it('at article level every seed mentions both', () => {
    expect(chinaRussia(rowsOf(cooccurrenceTable(annotated, { window: 'article' }))).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['2021', 1, 1],
      ['2022', 3, 3],
      ['2024', 1, 1],
    ]);
  });
});

describe('co-occurrence table', () => {
  it('lists each unordered pair once, actor_a < actor_b', () => {
    const rows = rowsOf(cooccurrenceTable(annotated, { window: 'paragraph' }));
    expect(rows.length).toBeGreaterThan(0);
    const keys = rows.map((r) => `${r.period}|${r.actor_a}|${r.actor_b}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of rows) expect(String(r.actor_a) < String(r.actor_b), `${r.actor_a} ${r.actor_b}`).toBe(true);
    expect(rows.every((r) => r.window === 'paragraph')).toBe(true);
  });

  it('filters by actor type and minimum count', () => {
    const people = rowsOf(cooccurrenceTable(annotated, { types: ['person'] }));
    expect(people.filter((r) => r.period === '2021').map((r) => [r.actor_a, r.actor_b, r.count])).toEqual([['sergey-lavrov', 'wang-yi', 3]]);
    const frequent = rowsOf(cooccurrenceTable(annotated, { minCount: 10 }));
    expect(chinaRussia(frequent).map((r) => r[0])).toEqual(['2022', '2024']);
    expect(frequent.every((r) => (r.count as number) >= 10)).toBe(true);
  });

  it('puts articles without a date in period "undated"', () => {
    const undated = articleFromText('China and Russia signed a deal.');
    expect(undated.published).toBe('');
    const rows = cooccurrenceRows([articleUnits(undated, findMentions(undated, registry))]);
    expect(rows).toEqual([{ actor_a: 'china', actor_b: 'russia', window: 'sentence', period: 'undated', count: 1, articles: 1, dice: 1 }]);
  });

  it('rejects an unknown window or period naming the argument', () => {
    expect(() => cooccurrenceTable(annotated, { window: 'page' as never })).toThrow('Invalid argument `window`: got "page". Use one of: sentence, paragraph, article');
    expect(() => cooccurrenceTable(annotated, { period: 'week' as never })).toThrow('Invalid argument `period`');
    expect(() => cooccurrenceTable(annotated, { minCount: 0 })).toThrow('Invalid argument `minCount`');
  });

  it('periodOf', () => {
    expect([periodOf('2022-03-07', 'year'), periodOf('2022-03-07', 'quarter'), periodOf('2022-11-30', 'quarter'), periodOf('2022-03-07', 'month'), periodOf('', 'year')]).toEqual([
      '2022',
      '2022-Q1',
      '2022-Q4',
      '2022-03',
      'undated',
    ]);
  });
});

describe('mentions table', () => {
  it('has the documented columns and filters by kind, type and actor', () => {
    const roles = mentionsTable(annotated, { kinds: ['role'] });
    expect(roles.columns).toEqual(MENTIONS.columns.map((c) => c.name));
    expectTable(roles, {
      article_id: [SEED.kyivPost, SEED.ap, SEED.ap, SEED.ap, SEED.newsweek, SEED.dw, SEED.newsmax],
      actor_id: ['sergey-lavrov', 'wang-yi', 'wang-yi', 'xi-jinping', 'vladimir-putin', 'sergey-lavrov', 'wang-yi'],
    });
    const dwStates = rowsOf(mentionsTable(annotated.filter((a) => a.article.article_id === SEED.dw), { types: ['state'], actors: ['canada', 'united-kingdom', 'wang-yi'] }));
    expect(dwStates.map((r) => r.surface)).toEqual(['Britain', 'Canada']);
    expect(() => mentionsTable(annotated, { kinds: ['nickname' as never] })).toThrow('Invalid argument `kinds`');
  });
});

describe('unregistered table and the report stage', () => {
  let lacking: AnnotatedArticle[];
  beforeAll(() => {
    const kit = readRegistryFile(dataPath(KIT_REGISTRY));
    const reg = createRegistry({ ...kit, actors: kit.actors.filter((a) => !['alexander-bortnikov', 'josep-borrell', 'chen-mingguo'].includes(a.id)) });
    lacking = annotated.map((a) => annotate(reg)(a.article));
  });

  it('counts unregistered people with a sample sentence', () => {
    const dw = lacking.find((a) => a.article.article_id === SEED.dw)!;
    expectTable(unregisteredTable(lacking), {
      actor_id: ['unregistered:alexander-bortnikov', 'unregistered:chen-mingguo', 'unregistered:josep-borrell'],
      name: ['Alexander Bortnikov', 'Chen Mingguo', 'Josep Borrell'],
      actor_type: ['person', 'person', 'person'],
      count: [1, 1, 1],
      articles: [1, 1, 1],
      sample_article_id: [SEED.dw, SEED.dw, SEED.dw],
      sample_sentence: [16, 17, 25],
      sample_text: [dw.article.sentences[16]!.text, dw.article.sentences[17]!.text, dw.article.sentences[25]!.text],
    });
    expect(unregisteredTable(annotated).shape[0]).toBe(0);
    expect(unregisteredTable(lacking).columns).toEqual(UNREGISTERED.columns.map((c) => c.name));
  });

  it('actorsStage streams mentions and writes co-occurrence for every window and unregistered at the end', () => {
    const stage = actorsStage();
    expect(stage.tables).toEqual([MENTIONS]);
    let streamed = 0;
    for (const a of lacking) {
      const { mentions } = stageRows(stage, a);
      expect(mentions).toEqual(mentionRows(a.mentions));
      streamed += mentions!.length;
    }
    expect(streamed).toBe(lacking.reduce((n, a) => n + a.mentions.length, 0));
    const [co, unregistered] = stage.finish!().tables;
    expect(co!.spec).toBe(COOCCURRENCE);
    expect([...new Set(co!.rows.map((r) => r.window))]).toEqual(['sentence', 'paragraph', 'article']);
    expect(chinaRussia(co!.rows.filter((r) => r.window === 'sentence')).map((r) => [r[0], r[1]])).toEqual([
      ['2021', 7],
      ['2022', 29],
      ['2024', 10],
    ]);
    expect(unregistered!.spec).toBe(UNREGISTERED);
    expect(unregistered!.rows.map((r) => r.actor_id)).toEqual(['unregistered:alexander-bortnikov', 'unregistered:chen-mingguo', 'unregistered:josep-borrell']);
  });
});
