/**
 * Keyness between any two speaker groups: `--keyness TARGET:REFERENCE` on the CLI,
 * `target`/`reference` in the API (country codes, several joined by +; CHN vs USA by
 * default), and the keyness chart marking the terms that pass p < 0.05.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleFromText } from '../src/corpus';
import type { Article } from '../src/corpus/types';
import type { Statement } from '../src/annotators/types';
import { codeThemes, loadCodebook } from '../src/annotators/themes';
import { keynessBars, KEYNESS_CRITICAL_G2 } from '../src/charts/themes';
import type { AnnotatedArticle } from '../src/pipeline';
import { rowsOf } from '../src/tables/stage';
import { DEFAULT_WINDOW } from '../src/tables/periods';
import { DEFAULT_KEYNESS_GROUPS, keyness, parseKeynessGroups, themesStage } from '../src/tables/themes';
import { tempCorpus } from './helpers';

const ROOT = resolve(__dirname, '..');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const book = loadCodebook();

// Three statements from the devset, one per speaker country: Lin Jian (26, dpa), NATO's
// declaration (26) and Blinken (13, CNN), with a Kremlin line (11, ANI).
const LINES: [country: string, text: string][] = [
  ['CHN', "NATO's claim about China's responsibility in the Ukraine war is unjustified."],
  ['NATO', 'NATO called on China to immediately cease all material and political support for Russia\'s war.'],
  ['USA', 'The concern that we have now is that they are considering providing lethal support.'],
  ['RUS', 'Russian-Chinese relations are at an unprecedented high level and are constantly improving.'],
];

function corpus(): AnnotatedArticle[] {
  const text = LINES.map(([, t]) => t).join(' ');
  const article: Article = articleFromText(text, { article_id: 'k', published: '2024-07-11' });
  let from = 0;
  const statements: Statement[] = LINES.map(([country, line], i) => {
    const start = text.indexOf(line, from);
    from = start + line.length;
    return {
      statement_id: `k#${i + 1}`,
      article_id: 'k',
      sentence: i,
      start,
      end: start + line.length,
      speaker: country,
      speaker_id: '',
      speaker_type: 'state',
      speaker_country: country,
      cue: 'said',
      kind: 'indirect',
      date: '',
      date_basis: 'publication',
      text: line,
      content_start: start,
      content_end: start + line.length,
      caption: false,
      rule: 'speaker-cue-content',
    };
  });
  return [{ article, mentions: [], statements, themes: codeThemes(article, statements, book) }];
}

const counts = (rows: { feature: string; n_target: number; n_reference: number }[], ...features: string[]) =>
  Object.fromEntries(features.map((f) => [f, rows.find((r) => r.feature === f) ? [rows.find((r) => r.feature === f)!.n_target, rows.find((r) => r.feature === f)!.n_reference] : undefined]));

describe('speaker groups for keyness', () => {
  it('reads TARGET:REFERENCE, several codes joined by +, case-insensitively', () => {
    expect(parseKeynessGroups('CHN:USA')).toEqual(DEFAULT_KEYNESS_GROUPS);
    expect(parseKeynessGroups('chn+rus:usa+EU+nato')).toEqual({ target: ['CHN', 'RUS'], reference: ['USA', 'EU', 'NATO'] });
  });

  it('refuses one side, an empty side, a code on both sides and a code that is no code', () => {
    expect(() => parseKeynessGroups('CHN')).toThrow(/Invalid argument `--keyness`: got "CHN"\. Write TARGET:REFERENCE/);
    expect(() => parseKeynessGroups('CHN:')).toThrow(/got "CHN:"/);
    expect(() => parseKeynessGroups('CHN+RUS:RUS')).toThrow(/RUS is on both sides of "CHN\+RUS:RUS"/);
    expect(() => parseKeynessGroups('CH1:USA')).toThrow(/got "CH1:USA"/);
    expect(() => parseKeynessGroups('CHN:USA:RUS')).toThrow(/got "CHN:USA:RUS"/);
  });
});

describe('keyness between two groups in the API', () => {
  it('compares Chinese with US statements by default', () => {
    const rows = keyness(corpus());
    expect(counts(rows, 'nato\'s', 'lethal', 'support', 'relations')).toEqual({ "nato's": [1, 0], lethal: [0, 1], support: [0, 1], relations: undefined });
  });

  it('takes country codes for target and reference, one or several', () => {
    const rows = keyness(corpus(), { target: 'RUS', reference: ['USA', 'NATO'] });
    expect(counts(rows, 'relations', 'support', 'china', 'unjustified')).toEqual({ relations: [1, 0], support: [0, 2], china: [0, 1], unjustified: undefined });
    // "support" twice in the reference (NATO once, the US once), none in the target: over-used by the reference.
    expect(rows.find((r) => r.feature === 'support')!.G2).toBeLessThan(0);
  });

  it('keeps a test of a statement as before, the reference then every other statement', () => {
    const rows = keyness(corpus(), { target: (s) => s.speaker_country === 'NATO' });
    expect(counts(rows, 'cease', 'support', 'relations')).toEqual({ cease: [1, 0], support: [1, 1], relations: [0, 1] });
  });

  it('sums the groups\' counts in the report stage', () => {
    const stage = themesStage({ window: DEFAULT_WINDOW, codebook: book, keyness: parseKeynessGroups('CHN+RUS:USA+NATO') });
    for (const a of corpus()) rowsOf(stage, a);
    const rows = stage.finish!().tables[2]!.rows as { feature: string; n_target: number; n_reference: number }[];
    expect(counts(rows, 'china\'s', 'relations', 'support', 'lethal')).toEqual({ "china's": [1, 0], relations: [1, 0], support: [0, 2], lethal: [0, 1] });
    // Nothing when a group has no statement at all.
    const none = themesStage({ window: DEFAULT_WINDOW, codebook: book, keyness: parseKeynessGroups('UKR:USA') });
    for (const a of corpus()) rowsOf(none, a);
    expect(none.finish!().tables[2]!.rows).toEqual([]);
  });
});

describe('the keyness chart', () => {
  it('marks the terms that pass p < 0.05: by p where the table gives it, else by |G²| ≥ 3.84', () => {
    const spec = keynessBars([
      { feature: 'cooperation', n_target: '6', n_reference: '1', G2: '7.9', p: '0.005' },
      { feature: 'if', n_target: '2', n_reference: '0', G2: '3.1', p: '0.078' },
      { feature: 'sanctions', g2: '-4.8', target_count: '0', reference_count: '5' },
      { feature: 'war', g2: '3.5', target_count: '2', reference_count: '0' },
    ]);
    const values = (spec as unknown as { data: { values: { feature: string; significance: string }[] } }).data.values;
    expect(values.map((v) => [v.feature, v.significance])).toEqual([
      ['cooperation', 'p < 0.05'],
      ['sanctions', 'p < 0.05'],
      ['war', 'not significant'],
      ['if', 'not significant'],
    ]);
    const layers = (spec as unknown as { layer: { mark: { type: string }; data?: { values: { threshold: number }[] } }[] }).layer;
    expect(layers.map((l) => l.mark.type)).toEqual(['bar', 'rule']);
    expect(layers[1]!.data!.values.map((v) => v.threshold)).toEqual([KEYNESS_CRITICAL_G2, -KEYNESS_CRITICAL_G2]);
    expect(KEYNESS_CRITICAL_G2).toBeCloseTo(3.84, 2);
  });
});

describe('--keyness on the command line', () => {
  const run = (corpusDir: string, ...args: string[]) => {
    const out = mkdtempSync(join(tmpdir(), 'srkit-keyness-'));
    const r = spawnSync(process.execPath, [TSX, 'src/cli.ts', 'report', '--corpus', corpusDir, '--out', out, '--quiet', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, CI: '1' },
      timeout: 120_000,
    });
    return { status: r.status, stderr: r.stderr, out };
  };

  it('writes keyness.csv for the groups named, records them in run.json and names them in the chart', () => {
    const dir = tempCorpus({
      'a.txt':
        'Russian Foreign Minister Sergei Lavrov said relations with China were at their best in history.\n\n' +
        'U.S. Secretary of State Antony Blinken said China was providing support to Russia\'s defence industrial base.\n',
    });
    const r = run(dir, '--keyness', 'RUS:USA');
    expect(r.status).toBe(0);
    const run_ = JSON.parse(readFileSync(join(r.out, 'run.json'), 'utf8'));
    expect(run_.keyness).toEqual({ target: 'RUS', reference: 'USA' });
    const csv = readFileSync(join(r.out, 'tables', 'keyness.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('feature,n_target,n_reference,G2,chi2,p');
    expect(csv.find((l) => l.startsWith('history,'))).toMatch(/^history,1,0,/);
    const chart = JSON.parse(readFileSync(join(r.out, 'charts', 'keyness.vl.json'), 'utf8'));
    expect(chart.title.subtitle).toContain('speakers from Russia vs US speakers');
  });

  it('exits 2 with the reason on a malformed value', () => {
    const r = run(tempCorpus({ 'a.txt': 'Lavrov said relations were at their best.' }), '--keyness', 'RUS');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/error: Invalid argument `--keyness`: got "RUS"/);
  });
});
