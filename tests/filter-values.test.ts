import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus';
import { KitError } from '../src/errors';
import { createPipeline, type AnnotatedArticle } from '../src/pipeline';
import { runReport } from '../src/report/run';
import { cooccurrenceTable, mentionsTable } from '../src/tables/actors';
import { statementFrequency, statementsTable } from '../src/tables/statements';
import { keyness, kwic, themeFrequencies } from '../src/tables/themes';
import { SEEDS } from './helpers';

/**
 * Every option of the table functions that takes a closed set of values is checked: a
 * value that could match nothing throws a KitError listing (or describing) the valid
 * ones, where it used to give an empty table without a word.
 */
let annotated: AnnotatedArticle[];

beforeAll(async () => {
  const corpus = await loadCorpus(SEEDS);
  const pipeline = createPipeline();
  annotated = corpus.articles.map((a) => pipeline.annotate(a));
});

/** The KitError message `call` throws (fails when it throws something else, or nothing). */
function errorOf(call: () => unknown): string {
  try {
    call();
  } catch (e) {
    expect(e).toBeInstanceOf(KitError);
    return (e as KitError).message;
  }
  throw new Error('expected a KitError');
}

describe('kwic: theme', () => {
  it('a theme id of the codebook gives its rows', () => {
    expect(kwic(annotated, { theme: 'sanctions' }).map((r) => `${r.article_id}#${r.sentence}`)).toEqual([
      '001_a6909c2cfd527a08#11',
      '002_85751d1f4b45d821#14',
      '002_85751d1f4b45d821#15',
      '003_ba9e1a6144e27da5#1',
      '003_ba9e1a6144e27da5#4',
      '003_ba9e1a6144e27da5#8',
      '003_ba9e1a6144e27da5#9',
    ]);
  });

  it('an unknown theme throws, listing the codebook themes (as the corpus form does)', () => {
    const message = errorOf(() => kwic(annotated, { theme: 'sanction' }));
    expect(message).toMatch(/^Invalid argument `options.theme`: theme "sanction" is not in the codebook \(known: [a-z_]+(, [a-z_]+)+\)$/);
    expect(message).toContain('sanctions, multipolarity');
    expect(message).toContain('partnership');
  });
});

describe('statementsTable and statementFrequency', () => {
  it('country codes filter', () => {
    expect(statementsTable(annotated, { countries: ['CHN'] }).shape[0]).toBe(45);
    expect(statementsTable(annotated, { countries: ['CHN', 'USA'] }).shape[0]).toBe(52);
  });

  it('a country name throws, giving its code and listing the valid codes', () => {
    const message = errorOf(() => statementsTable(annotated, { countries: ['China'] }));
    expect(message).toMatch(/^Invalid argument `countries`: got "China", which is no country or bloc code of the actor registry \(did you mean "CHN"\?\)\. Use one of: /);
    expect(message).toMatch(/: .*\bCHN, .*\bRUS, .*\bUSA\b/);
    expect(errorOf(() => statementsTable(annotated, { countries: ['chn'] }))).toMatch(/got "chn", which is no country.*registry \(did you mean "CHN"\?\)\. Use one of: AFG, AGO/);
    expect(errorOf(() => statementsTable(annotated, { countries: ['Atlantis'] }))).toMatch(/got "Atlantis", which is no country or bloc code of the actor registry\. Use one of: AFG, AGO/);
  });

  it('kinds filter, and an unknown kind lists direct, mixed, indirect', () => {
    expect(statementsTable(annotated, { kinds: ['direct'] }).shape[0]).toBe(17);
    expect(errorOf(() => statementsTable(annotated, { kinds: ['quote' as never] }))).toBe('Invalid argument `kinds`: got "quote". Use one of: direct, mixed, indirect');
  });

  it('statementFrequency checks by and period', () => {
    expect(statementFrequency(annotated, { by: 'period', period: 'quarter' }).shape[0]).toBe(16);
    expect(errorOf(() => statementFrequency(annotated, { by: 'year' as never }))).toBe('Invalid argument `by`: got "year". Use one of: country, speaker, period');
    expect(errorOf(() => statementFrequency(annotated, { by: 'period', period: 'week' as never }))).toBe('Invalid argument `period`: got "week". Use one of: year, quarter, month');
  });
});

describe('mentionsTable and cooccurrenceTable', () => {
  it('actor ids filter', () => {
    expect(mentionsTable(annotated, { actors: ['wang-yi'] }).shape[0]).toBeGreaterThan(0);
    const ids = new Set(mentionsTable(annotated, { actors: ['wang-yi', 'china'] }).column('actor_id').values as string[]);
    expect([...ids].sort()).toEqual(['china', 'wang-yi']);
  });

  it("an actor's name throws, giving its id", () => {
    expect(errorOf(() => mentionsTable(annotated, { actors: ['Wang Yi'] }))).toMatch(/^Invalid argument `actors`: got "Wang Yi", which is no actor id of the registry nor of the data \(did you mean "wang-yi"\?\)\. /);
    expect(errorOf(() => mentionsTable(annotated, { types: ['country' as never] }))).toBe('Invalid argument `types`: got "country". Use one of: person, state, organization, media');
  });

  it("period labels must be the period's: 2022-Q1 with quarters, not with years", () => {
    const quarter = cooccurrenceTable(annotated, { period: 'quarter', periods: ['2022-Q1'] });
    expect(new Set(quarter.column('period').values as string[])).toEqual(new Set(['2022-Q1']));
    expect(errorOf(() => cooccurrenceTable(annotated, { periods: ['2022-Q1'] }))).toBe('Invalid argument `periods`: got "2022-Q1", which is no year label. Use labels like "2022", or "undated"');
    expect(errorOf(() => cooccurrenceTable(annotated, { period: 'month', periods: ['2022-13'] }))).toBe('Invalid argument `periods`: got "2022-13", which is no month label. Use labels like "2022-03", or "undated"');
  });

  it('window and period are checked', () => {
    expect(cooccurrenceTable(annotated, { window: 'paragraph' }).shape[0]).toBeGreaterThan(0);
    expect(errorOf(() => cooccurrenceTable(annotated, { window: 'sentences' as never }))).toBe('Invalid argument `window`: got "sentences". Use one of: sentence, paragraph, article');
    expect(errorOf(() => cooccurrenceTable(annotated, { period: 'years' as never }))).toBe('Invalid argument `period`: got "years". Use one of: year, quarter, month');
  });
});

describe('keyness and theme frequencies', () => {
  it('keyness takes country codes', () => {
    expect(keyness(annotated, { target: 'CHN', reference: ['USA', 'EU'] }).length).toBeGreaterThan(0);
    expect(errorOf(() => keyness(annotated, { target: 'China' }))).toMatch(/^Invalid argument `target`: got "China".*\(did you mean "CHN"\?\)/);
    expect(errorOf(() => keyness(annotated, { target: 'CHN', reference: ['USA', 'US'] }))).toMatch(/^Invalid argument `reference`: got "US"/);
  });

  it('themeFrequencies checks by', () => {
    expect(themeFrequencies(annotated, { by: 'country' }).length).toBeGreaterThan(0);
    expect(errorOf(() => themeFrequencies(annotated, { by: 'speaker' as never }))).toBe('Invalid argument `options.by`: got "speaker". Use one of: year, quarter, month, country');
  });
});

describe('the report: --keyness codes', () => {
  it('runReport refuses a code the registry does not know, before reading anything', async () => {
    const out = mkdtempSync(join(tmpdir(), 'srkit-'));
    await expect(runReport({ corpus: SEEDS, out, keyness: { target: ['CHN'], reference: ['USX'] }, charts: false })).rejects.toThrow(
      /^Invalid argument `keyness`: "USX" is no country or bloc code of the actor registry \(add it to a registry with --actors, or use one of: .*\bUSA\b/,
    );
    expect(existsSync(join(out, 'run.json'))).toBe(false);
  });

  it('the CLI exits 2 with the same message; a known code runs', () => {
    const ROOT = resolve(__dirname, '..');
    const cli = (keynessSpec: string) =>
      spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'src/cli.ts', 'report', '--corpus', SEEDS, '--out', mkdtempSync(join(tmpdir(), 'srkit-')), '--quiet', '--no-parquet', '--keyness', keynessSpec], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, CI: '1' },
      });
    const bad = cli('CHN:XYZ');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^error: Invalid argument `keyness`: "XYZ" is no country or bloc code/);
    const good = cli('RUS:USA');
    expect(good.status).toBe(0);
    expect(good.stdout).toMatch(/^report: 5 articles read/);
  });
});
