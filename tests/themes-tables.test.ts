import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { articleFromText, loadCorpus, type Corpus } from '../src/corpus';
import type { Article } from '../src/corpus/types';
import type { Statement } from '../src/annotators/types';
import { chiSquareUpperTail, codebookFromData, codeThemes, evaluateThemes, loadCodebook, loadGold } from '../src/annotators/themes';
import { createPipeline, type AnnotatedArticle } from '../src/pipeline';
import { DEFAULT_WINDOW } from '../src/tables/periods';
import { rowsOf } from '../src/tables/stage';
import { runReport } from '../src/report/run';
import { keyness, kwic, kwicFrame, statementParts, themeFrequencies, themesStage, THEMES_BY_YEAR } from '../src/tables/themes';
import { expectTable, SEED, SEEDS, tempCorpus } from './helpers';

const book = loadCodebook();

/** A statement over [start, end) of an article, content [contentStart, contentEnd). */
function statement(article: Article, n: number, range: [number, number], content: [number, number], country: string, date: string): Statement {
  return {
    statement_id: `${article.article_id}#${n}`,
    article_id: article.article_id,
    sentence: article.sentences.find((s) => s.start <= range[0] && range[0] < s.end)!.index,
    start: range[0],
    end: range[1],
    speaker: country,
    speaker_id: '',
    speaker_type: 'state',
    speaker_country: country,
    cue: 'said',
    kind: 'direct',
    date,
    date_basis: 'text',
    text: article.text.slice(content[0], content[1]),
    content_start: content[0],
    content_end: content[1],
    caption: false,
    rule: 'speaker-cue-content',
  };
}

function annotate(article: Article, statements: Statement[] = []): AnnotatedArticle {
  return { article, mentions: [], statements, themes: codeThemes(article, statements, book) };
}

/** Two small articles: three statements (two Chinese, one American, dated before its article). */
function tinyCorpus(): AnnotatedArticle[] {
  const a = articleFromText('We oppose unilateral sanctions. Trade will grow.', { article_id: 'a', published: '2022-03-01' });
  const b = articleFromText('Sanctions were imposed on peace and war.', { article_id: 'b', published: '2023-05-05' });
  return [
    annotate(a, [statement(a, 1, [0, 31], [0, 31], 'CHN', ''), statement(a, 2, [32, 48], [32, 48], 'CHN', '2022-03-01')]),
    annotate(b, [statement(b, 1, [0, 40], [0, 40], 'USA', '2022-12-30')]),
  ];
}

let corpus: Corpus;
let seeds: AnnotatedArticle[];
const seed = (id: string) => corpus.articles.find((a) => a.article_id === id)!;

beforeAll(async () => {
  corpus = await loadCorpus(SEEDS);
  seeds = corpus.articles.map((a) => annotate(a));
});

describe('matches carry their statement', () => {
  it('inside the content: statement id, speaker country and the statement date', () => {
    const kp = seed(SEED.kyivPost);
    // Campbell, Tuesday 9 April: "we have told China directly, ... it will have an impact on the US-China relationship"
    const campbell = statement(kp, 13, [2286, 2423], [2323, 2422], 'USA', '2024-04-09');
    const rows = codeThemes(kp, [campbell], book).filter((m) => m.sentence === 14 || m.sentence === 10);
    expect(rows.map((m) => [m.sentence, m.theme, m.matched, m.statement_id, m.speaker_country, m.date])).toEqual([
      [10, 'western_warnings', 'indirect support', '', '', '2024-04-10'],
      [10, 'western_warnings', 'war effort', '', '', '2024-04-10'],
      [10, 'economic_cooperation', 'continuing to trade', '', '', '2024-04-10'],
      [14, 'western_warnings', 'impact on the US-China relationship', '000_6c805811b0115857#13', 'USA', '2024-04-09'],
    ]);
  });

  it('outside the content but inside the statement: falls back to the whole statement', () => {
    const kp = seed(SEED.kyivPost);
    // Mao Ning's sentence with a (made-up) content range ending before "root causes".
    const mao = statement(kp, 17, [2821, 2991], [2822, 2900], 'CHN', '2024-04-10');
    const other = statement(kp, 1, [0, 91], [22, 91], 'CHN', '2024-04-10');
    const rows = codeThemes(kp, [other, mao], book).filter((m) => m.sentence === 18);
    expect(rows.map((m) => [m.matched, m.start, m.end, m.statement_id])).toEqual([
      ['peace', 2862, 2867, '000_6c805811b0115857#17'],
      ['early end to the crisis', 2897, 2920, '000_6c805811b0115857#17'],
      ['root causes', 2955, 2966, '000_6c805811b0115857#17'],
    ]);
  });
});

describe('a statement is coded as one unit', () => {
  // Devset 25 (A News, AFP copy): one direct quote over three sentences.
  const text =
    '"Beijing cannot have it both ways. At some point -- and unless China changes course -- allies need to impose a cost. There should be consequences," Stoltenberg said at the Wilson Center in Washington.\n\n' +
    'Unless China changes course, the talks will go on. There should be consequences, analysts wrote in a report that was never published.';
  const mine = codebookFromData(
    { version: 't', themes: [{ id: 'cost', label: 'Cost', definition: 'Cost to China.', patterns: ['China NEAR/12 consequence*'] }] },
    'mine.yaml',
  );

  it('a proximity pattern pairs words of two sentences of one quote, never of two narration sentences', () => {
    const article = articleFromText(text, { article_id: 'a', published: '2024-06-17' });
    const statements = createPipeline().annotate(article).statements;
    const quote = statements.find((s) => s.kind === 'direct')!;
    const rows = codeThemes(article, statements, mine);
    expect(rows.map((m) => [m.sentence, m.matched, m.statement_id])).toEqual([[1, 'China changes course -- allies need to impose a cost. There should be consequences', quote.statement_id]]);
    expect(rows[0]!.speaker_country).toBe(quote.speaker_country);
    // Without statements every sentence is narration, coded alone: nothing pairs across sentences.
    expect(codeThemes(article, [], mine)).toEqual([]);
  });
});

describe('keyword in context', () => {
  it('gives left, match and right for a theme from the annotations', () => {
    const rows = kwic(seeds, { theme: 'sanctions', window: 3 }).filter((r) => r.article_id === SEED.newsweek);
    expect(rows).toEqual([
      { article_id: SEED.newsweek, sentence: 14, left: 'Ukraine, but quickly', match: 'dismissed any possibility of joining global sanctions', right: 'against its neighbor' },
      { article_id: SEED.newsweek, sentence: 15, left: 'the north. "China', match: 'does not approve of solving problems through sanctions', right: '," Wang said. The' },
    ]);
  });

  it('searches a pattern afresh in a plain corpus, as a DataFrame too', () => {
    const frame = kwicFrame(corpus, { pattern: 'no limits', window: 2 });
    expectTable(frame, {
      article_id: [SEED.newsweek, SEED.newsmax],
      sentence: [1, 6],
      left: ['Allies China\'s "', 'declared a "'],
      match: ['no limits', 'no limits'],
      right: ['" partnership with', '" friendship with'],
    });
    expect(kwic(corpus, { pattern: 'no limits', window: 0 }).map((r) => [r.left, r.right])).toEqual([
      ['', ''],
      ['', ''],
    ]);
  });

  it('refuses both or neither of theme and pattern, and an unknown theme', () => {
    expect(() => kwic(corpus, { theme: 'sanctions', pattern: 'x' })).toThrow(/give exactly one of `theme` or `pattern`/);
    expect(() => kwic(corpus, {})).toThrow(/give exactly one of `theme` or `pattern`/);
    expect(() => kwic(corpus, { theme: 'climate' })).toThrow(/theme "climate" is not in the codebook/);
    // annotated articles too (they used to give no rows without a word)
    expect(() => kwic(seeds, { theme: 'climate' })).toThrow(/theme "climate" is not in the codebook \(known: sovereignty, sanctions/);
  });
});

describe('theme frequencies', () => {
  it('by year: every theme × every year of 2021–2024, zeros where nothing was coded', () => {
    const rows = themeFrequencies(seeds, { by: 'year' });
    expect(rows).toHaveLength(14 * 4);
    expect(rows.filter((r) => r.theme === 'sanctions')).toEqual([
      { theme: 'sanctions', label: 'Opposition to unilateral sanctions', period: '2021', count: 4, statements: 0, share: 0 },
      { theme: 'sanctions', label: 'Opposition to unilateral sanctions', period: '2022', count: 3, statements: 0, share: 0 },
      { theme: 'sanctions', label: 'Opposition to unilateral sanctions', period: '2023', count: 0, statements: 0, share: 0 },
      { theme: 'sanctions', label: 'Opposition to unilateral sanctions', period: '2024', count: 0, statements: 0, share: 0 },
    ]);
    expect(rows.filter((r) => r.theme === 'western_warnings').map((r) => r.count)).toEqual([0, 0, 0, 10]);
    // "self-governing Taiwan as an ... independence of Taiwan": two matches in one 2022 sentence
    expect(rows.filter((r) => r.theme === 'taiwan').map((r) => r.count)).toEqual([0, 2, 0, 0]);
  });

  it('shares are coded statements over all statements of the period, by the statement date', () => {
    const rows = themeFrequencies(tinyCorpus(), { by: 'year' }).filter((r) => r.theme === 'sanctions' || r.theme === 'economic_cooperation');
    expect(rows.map((r) => [r.theme, r.period, r.count, r.statements, r.share])).toEqual([
      ['sanctions', '2021', 0, 0, 0],
      // article a (2022-03-01) has 2 statements, b's statement is dated 2022-12-30: 1 of 3
      ['sanctions', '2022', 1, 1, 0.3333],
      ['sanctions', '2023', 0, 0, 0],
      ['sanctions', '2024', 0, 0, 0],
      ['economic_cooperation', '2021', 0, 0, 0],
      ['economic_cooperation', '2022', 0, 0, 0],
      ['economic_cooperation', '2023', 0, 0, 0],
      ['economic_cooperation', '2024', 0, 0, 0],
    ]);
  });

  it('by quarter and by month within a window, and by speaker country', () => {
    const window = { from: '2022-01-01', to: '2022-12-31' };
    const quarters = themeFrequencies(tinyCorpus(), { by: 'quarter', window }).filter((r) => r.theme === 'sanctions');
    expect(quarters.map((r) => [r.period, r.count, r.statements, r.share])).toEqual([
      ['2022-Q1', 1, 1, 0.5],
      ['2022-Q2', 0, 0, 0],
      ['2022-Q3', 0, 0, 0],
      ['2022-Q4', 0, 0, 0],
    ]);
    const months = themeFrequencies(tinyCorpus(), { by: 'month', window }).filter((r) => r.theme === 'sanctions');
    expect(months.map((r) => r.period)).toEqual(['2022-01', '2022-02', '2022-03', '2022-04', '2022-05', '2022-06', '2022-07', '2022-08', '2022-09', '2022-10', '2022-11', '2022-12']);
    expect(months.map((r) => r.count)).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const countries = themeFrequencies(tinyCorpus(), { by: 'country' }).filter((r) => r.theme === 'sanctions');
    expect(countries.map((r) => [r.speaker_country, r.count, r.statements, r.share])).toEqual([
      ['CHN', 1, 1, 0.5],
      ['USA', 0, 0, 0],
    ]);
    expect(() => themeFrequencies(tinyCorpus(), { window: { from: '2024-01-01', to: '2021-01-01' } })).toThrow(/Invalid argument `window`: got {"from":"2024-01-01","to":"2021-01-01"}/);
  });

  it('lists periods outside the window and undated matches after the window, and narration apart from statements', () => {
    const old = articleFromText('We oppose unilateral sanctions.', { article_id: 'old', published: '2019-06-01' });
    const undated = articleFromText('We oppose unilateral sanctions.', { article_id: 'undated' });
    const rows = themeFrequencies([...tinyCorpus(), annotate(old), annotate(undated)], { by: 'year' }).filter((r) => r.theme === 'sanctions');
    expect(rows.map((r) => [r.period, r.count])).toEqual([
      ['2021', 0],
      ['2022', 1],
      ['2023', 0],
      ['2024', 0],
      ['2019', 1],
      ['undated', 1],
    ]);
    const countries = themeFrequencies([...tinyCorpus(), annotate(old)], { by: 'country' }).filter((r) => r.theme === 'sanctions');
    expect(countries.map((r) => [r.speaker_country, r.count, r.statements])).toEqual([
      ['CHN', 1, 1],
      ['USA', 0, 0],
      ['', 1, 0],
    ]);
  });
});

describe('keyness', () => {
  it('counts words per group and scores them with signed G² and chi² as quanteda does', () => {
    const a = articleFromText('Sanctions, sanctions; peace. Peace war.', { article_id: 'k', published: '2022-01-01' });
    const annotated = [annotate(a, [statement(a, 1, [0, 28], [0, 28], 'CHN', ''), statement(a, 2, [29, 39], [29, 39], 'USA', '')])];
    const rows = keyness(annotated, { target: (s) => s.speaker_country === 'CHN' });
    expect(rows.map((r) => [r.feature, r.n_target, r.n_reference])).toEqual([
      ['sanctions', 2, 0],
      ['war', 0, 1],
      ['peace', 1, 1],
    ]);
    // sanctions: a=2 b=0 c=1 d=2, Yates-shifted to 1.5/0.5/1.5/1.5 (an expected count < 5, |ad-bc| = 4 > N/2)
    expect(rows[0]!.G2).toBeCloseTo(0.321893, 6);
    expect(rows[0]!.chi2).toBeCloseTo(0.3125, 10);
    expect(rows[0]!.p).toBeCloseTo(0.570472, 6);
    // peace: under-represented in the target, |ad-bc| = 1 < N/2 so uncorrected: chi² = -5/36
    expect(rows[2]!.chi2).toBeCloseTo(-5 / 36, 10);
    expect(rows[2]!.G2).toBeLessThan(0);
    expect(keyness(annotated, { target: (s) => s.speaker_country === 'RUS' })).toEqual([]);
  });

  it('counts the words of a split quote from the text layer, not the attribution between its parts', () => {
    const text = '"We oppose unilateral sanctions," Wang said, "and we want peace." Others want war.';
    const a = articleFromText(text, { article_id: 'split', published: '2022-01-01' });
    const first = 'We oppose unilateral sanctions,';
    const second = 'and we want peace.';
    const split = { ...statement(a, 1, [0, 63], [1, text.indexOf(second) + second.length], 'CHN', ''), text: `${first} … ${second}` };
    expect(statementParts(a, split)).toEqual([
      { start: 1, end: 1 + first.length },
      { start: text.indexOf(second), end: text.indexOf(second) + second.length },
    ]);
    const others = statement(a, 2, [64, text.length], [64, text.length], 'USA', '');
    expect(statementParts(a, others)).toEqual([{ start: 64, end: text.length }]);
    const rows = keyness([annotate(a, [split, others])], { target: (s) => s.speaker_country === 'CHN' });
    expect(Object.fromEntries(rows.map((r) => [r.feature, [r.n_target, r.n_reference]]))).toEqual({
      oppose: [1, 0],
      unilateral: [1, 0],
      sanctions: [1, 0],
      want: [1, 1],
      peace: [1, 0],
      others: [0, 1],
      war: [0, 1],
    });
    expect(rows.some((r) => r.feature === 'wang' || r.feature === 'said')).toBe(false);
  });

  it('p-values are the chi-squared (1 df) upper tail', () => {
    expect(chiSquareUpperTail(3.841458820694124)).toBeCloseTo(0.05, 12);
    expect(chiSquareUpperTail(10.827566170662733)).toBeCloseTo(0.001, 12);
    expect(chiSquareUpperTail(0)).toBe(1);
  });
});

describe('the themes report stage', () => {
  it('streams themes.csv rows and writes zero-filled aggregates at the end', () => {
    const stage = themesStage({ window: DEFAULT_WINDOW, codebook: book });
    expect(rowsOf(stage, seeds[0]!).themes).toHaveLength(25);
    for (const a of seeds.slice(1)) rowsOf(stage, a);
    const [byYear, byCountry, key] = stage.finish!().tables;
    expect(byYear!.spec).toBe(THEMES_BY_YEAR);
    expect([...new Set(byYear!.rows.map((r) => r.period))]).toEqual(['2021', '2022', '2023', '2024']);
    expect(byYear!.rows.filter((r) => r.theme === 'partnership').map((r) => r.count)).toEqual([0, 21, 0, 5]);
    // No statements: every match is unattributed (country "").
    expect(byCountry!.rows.filter((r) => r.theme === 'sanctions')).toEqual([
      { theme: 'sanctions', label: 'Opposition to unilateral sanctions', speaker_country: '', count: 7, statements: 0, share: 0 },
    ]);
    expect(key!.rows).toEqual([]);
  });

  it('writes keyness.csv for Chinese vs US statements when both exist', () => {
    const stage = themesStage({ window: DEFAULT_WINDOW, codebook: book });
    for (const a of tinyCorpus()) rowsOf(stage, a);
    const keynessRows = stage.finish!().tables[2]!.rows;
    expect(keynessRows.find((r) => r.feature === 'sanctions')).toMatchObject({ n_target: 1, n_reference: 1 });
    expect(keynessRows.find((r) => r.feature === 'trade')).toMatchObject({ n_target: 1, n_reference: 0 });
  });

  it('the report writes the themes tables; a user codebook changes them', async () => {
    const out = tempCorpus({});
    await runReport({ corpus: SEEDS, out });
    const byYear = readFileSync(join(out, 'tables', 'themes_by_year.csv'), 'utf8').trim().split('\n');
    expect(byYear[0]).toBe('theme,label,period,count,statements,share');
    expect(byYear).toHaveLength(1 + 14 * 4);
    expect(readFileSync(join(out, 'tables', 'keyness.csv'), 'utf8').split('\n')[0]).toBe('feature,n_target,n_reference,G2,chi2,p');

    const dir = tempCorpus({ 'dict.yml': 'climate: [climate change, pandemic]\n' });
    const mine = createPipeline({ codebook: join(dir, 'dict.yml') });
    expect(corpus.articles.flatMap((a) => mine.annotate(a).themes.map((m) => `${m.theme}:${m.matched}`))).toEqual(['climate:climate change', 'climate:pandemic']);
    const out2 = tempCorpus({});
    await runReport({ corpus: SEEDS, out: out2, codebook: join(dir, 'dict.yml') });
    expect(readFileSync(join(out2, 'tables', 'themes_by_year.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').slice(2, 4).join(':'))).toEqual([
      '2021:2',
      '2022:0',
      '2023:0',
      '2024:0',
    ]);
  });
});

describe('evaluation against the hand-coded sample', () => {
  it('the gold sentences are the seeds\' sentences', () => {
    const gold = loadGold(join(__dirname, 'fixtures', 'themes-gold.yaml'));
    expect(gold.length).toBeGreaterThanOrEqual(60);
    for (const g of gold) expect(seed(g.article_id).sentences[g.sentence]!.text).toBe(g.text);
    const ids = new Set(book.themes.map((t) => t.id));
    expect(gold.flatMap((g) => g.themes).filter((t) => !ids.has(t))).toEqual([]);
  });

  it('scores precision and recall per theme and pooled', () => {
    const result = evaluateThemes(
      [
        { article_id: 'x', sentence: 0, text: 'We oppose unilateral sanctions.', themes: ['sanctions'] },
        { article_id: 'x', sentence: 1, text: 'Taiwan was discussed.', themes: [] },
        { article_id: 'x', sentence: 2, text: 'Trade grew.', themes: ['taiwan'] },
      ],
      book,
    );
    expect(result.themes.find((t) => t.theme === 'sanctions')).toEqual({ theme: 'sanctions', tp: 1, fp: 0, fn: 0, precision: 1, recall: 1, f1: 1 });
    expect(result.themes.find((t) => t.theme === 'taiwan')).toEqual({ theme: 'taiwan', tp: 0, fp: 1, fn: 1, precision: 0, recall: 0, f1: 0 });
    expect(result.themes.find((t) => t.theme === 'un_order')).toEqual({ theme: 'un_order', tp: 0, fp: 0, fn: 0, precision: null, recall: null, f1: null });
    expect(result.micro).toMatchObject({ tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5 });
    expect(result.disagreements).toEqual([
      { article_id: 'x', sentence: 1, missed: [], extra: ['taiwan'] },
      { article_id: 'x', sentence: 2, missed: ['taiwan'], extra: [] },
    ]);
  });
});
