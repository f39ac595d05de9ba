/**
 * Theme tables: every coded match (themes.csv), keyword-in-context evidence,
 * theme frequencies by period and by speaker country, and keyness.
 *
 * Shares are shares of statements: for a theme and a period (or a speaker
 * country), `statements` counts the statements holding at least one match of the
 * theme, and `share` = statements / all statements of that period (or country),
 * 0 when there is no statement at all. `count` counts every match, statements or
 * not (narration included). A statement's period is its date, else the article's
 * publication date. Period tables are zero-filled: every theme × every period of
 * the analysis window, 0 where nothing was coded, then any other period present
 * (outside the window, "undated") as the statements tables do. By country, the
 * group is the speaker's country, "unknown" for statements without one, and ""
 * for matches outside statements (narration).
 */
import type { DataFrame } from 'danfojs-node';
import type { Article, Span } from '../corpus/types';
import type { Statement, ThemeMatch } from '../annotators/types';
import { codeThemes, findInArticle } from '../annotators/themes/code';
import type { Codebook } from '../annotators/themes/codebook';
import { countKeynessWords, keynessFromCounts, type KeynessRow } from '../annotators/themes/keyness';
import { loadCodebook } from '../annotators/themes/load';
import { themeMessages } from '../messages';
import { compilePattern, wordsIn, type Word } from '../annotators/themes/patterns';
import { tokensOf } from '../text';
import { check, KitError } from '../errors';
import type { AnnotatedArticle } from '../pipeline';
import type { ReportStage } from './stage';
import type { StageOptions } from './stage';
import { detach } from './detach';
import { checkCountryCodes } from './valid-values';
import { keynessData, type ReportData } from './report-data';
import { toDataFrame } from './frame';
import { checkWindow, DEFAULT_WINDOW, periodOf, periodsInWindow, PERIOD_UNITS, type AnalysisWindow, type PeriodUnit } from './periods';
import { col, type ColumnSpec, type Row, type TableSpec } from './schema';


export const THEMES: TableSpec = {
  name: 'themes',
  file: 'tables/themes.csv',
  description: 'One row per codebook match: the evidence behind every theme count.',
  columns: [
    col('article_id', 'string', 'article holding the match'),
    col('sentence', 'integer', '0-based index of the sentence holding the match'),
    col('statement_id', 'string', 'statement holding the match (inside its content, else inside the whole statement); empty when the sentence is not part of a statement'),
    col('theme', 'string', 'theme id from the codebook'),
    col('pattern', 'string', 'the codebook pattern that matched, as written'),
    col('start', 'integer', 'character offset of the match in the cleaned text'),
    col('end', 'integer', 'character offset after the match (matched = cleaned.slice(start, end))'),
    col('matched', 'string', 'the matched text as written'),
    col('speaker_country', 'string', "the statement's speaker country (CHN, RUS, USA, …); empty outside statements or when unknown"),
    col('date', 'date', "the statement's date, else the article's publication date (ISO), or empty"),
  ],
};

export const KWIC: TableSpec = {
  name: 'kwic',
  file: 'tables/kwic.csv',
  description: 'Keyword in context: each match of a theme or pattern with the words around it.',
  columns: [
    col('article_id', 'string', 'article holding the match'),
    col('sentence', 'integer', '0-based index of the sentence holding the match'),
    col('left', 'string', 'the `window` words before the match (spaces collapsed)'),
    col('match', 'string', 'the matched text'),
    col('right', 'string', 'the `window` words after the match (spaces collapsed)'),
  ],
};

const frequencyColumns = (key: ColumnSpec): ColumnSpec[] => [
  col('theme', 'string', 'theme id from the codebook'),
  col('label', 'string', 'theme label from the codebook'),
  key,
  col('count', 'integer', 'matches of the theme (in statements or not)'),
  col('statements', 'integer', 'statements holding at least one match of the theme'),
  col('share', 'number', 'statements / all statements of the group (4 decimals; 0 when the group has no statement)'),
];

export const THEMES_BY_YEAR: TableSpec = {
  name: 'themes_by_year',
  file: 'tables/themes_by_year.csv',
  description: 'Theme frequencies per year, zero-filled across the analysis window (every theme × every year), then any year outside it.',
  columns: frequencyColumns(col('period', 'string', 'year (YYYY) of the statement date, else of publication; "undated" when neither is known')),
};

export const THEMES_BY_COUNTRY: TableSpec = {
  name: 'themes_by_country',
  file: 'tables/themes_by_country.csv',
  description: 'Theme frequencies per speaker country, zero-filled (every theme × every country seen).',
  columns: frequencyColumns(col('speaker_country', 'string', 'speaker country code, "unknown" for statements without one; empty for matches outside statements (narration)')),
};

export const KEYNESS: TableSpec = {
  name: 'keyness',
  file: 'tables/keyness.csv',
  description:
    'Words distinguishing the target speakers\' statements from the reference speakers\' (by speaker country; default CHN target, USA reference; --keyness TARGET:REFERENCE), by signed log-likelihood G² as quanteda textstat_keyness(measure = "lr"); empty when either group has no statement.',
  columns: [
    col('feature', 'string', 'lowercase word'),
    col('n_target', 'integer', 'occurrences in target statements'),
    col('n_reference', 'integer', 'occurrences in reference statements'),
    col('G2', 'number', 'signed log-likelihood G² (positive: over-used by the target), Yates-corrected when an expected count is below 5'),
    col('chi2', 'number', 'signed Pearson chi², same correction rule'),
    col('p', 'number', 'p-value of |G²| (chi-squared, 1 df)'),
  ],
};

export const THEME_TABLES: readonly TableSpec[] = [THEMES, THEMES_BY_YEAR, THEMES_BY_COUNTRY, KEYNESS];

export function themeRows(matches: readonly ThemeMatch[]): Row[] {
  return matches.map((m) => ({ ...m }));
}

// ---------------------------------------------------------------- keyword in context

export interface KwicOptions {
  /** A theme id: its matches (from the annotations, or coded with `codebook` for a plain corpus). */
  theme?: string;
  /** Any codebook pattern (`sanction*`, `"no limits"`, `/regex/`), searched afresh. */
  pattern?: string;
  /** Words of context each side (default 8). */
  window?: number;
  /** Codebook for `theme` over a plain corpus (default: the kit's). */
  codebook?: Codebook;
}

type KwicInput = readonly AnnotatedArticle[] | { articles: readonly Article[] };

/** `window` words each side of [start, end), as written, spaces collapsed. */
function context(article: Article, tokens: readonly Word[], start: number, end: number, window: number): { left: string; right: string } {
  if (window === 0) return { left: '', right: '' };
  const before = tokens.filter((w) => w.end <= start);
  const after = tokens.filter((w) => w.start >= end);
  const leftFrom = before.length > 0 ? before[Math.max(0, before.length - window)]!.start : start;
  const rightTo = after.length > 0 ? after[Math.min(after.length, window) - 1]!.end : end;
  const tidy = (s: string) => s.replace(/\s+/g, ' ').trim();
  return { left: tidy(article.text.slice(leftFrom, start)), right: tidy(article.text.slice(end, rightTo)) };
}

/** Keyword-in-context rows (article_id, sentence, left, match, right) for a theme or a pattern. */
export function kwic(input: KwicInput, options: KwicOptions): Row[] {
  check((options.theme === undefined) !== (options.pattern === undefined), 'options', themeMessages.kwicNeedsOne());
  const window = options.window ?? 8;
  check(Number.isInteger(window) && window >= 0, 'options.window', `got ${window}`, 'Use a whole number of words (0 or more)');
  const annotated: readonly AnnotatedArticle[] | undefined = Array.isArray(input) ? (input as readonly AnnotatedArticle[]) : undefined;
  const articles = annotated ? annotated.map((a) => a.article) : (input as { articles: readonly Article[] }).articles;

  let spans: (article: Article, index: number) => { sentence: number; start: number; end: number }[];
  if (options.pattern !== undefined) {
    let compiled: ReturnType<typeof compilePattern>;
    try {
      compiled = compilePattern(options.pattern);
    } catch (e) {
      throw new KitError(`Invalid argument \`options.pattern\`: ${(e as Error).message}`, 'invalid-argument');
    }
    spans = (article) => findInArticle(article, compiled);
  } else {
    const theme = options.theme!;
    const codebook = options.codebook ?? loadCodebook();
    // Annotated with another codebook: its themes are in the data.
    const ids = [...new Set([...codebook.themes.map((t) => t.id), ...(annotated ?? []).flatMap((a) => a.themes.map((m) => m.theme))])];
    check(ids.includes(theme), 'options.theme', themeMessages.unknownTheme(theme, ids));
    if (annotated) spans = (_article, index) => annotated[index]!.themes.filter((m) => m.theme === theme);
    else {
      spans = (article) => codeThemes(article, [], codebook).filter((m) => m.theme === theme);
    }
  }
  return articles.flatMap((article, index) => {
    const found = spans(article, index);
    const tokens = found.length > 0 ? wordsIn(tokensOf(article), 0, article.norm.length) : [];
    return found.map((m) => {
      const { left, right } = context(article, tokens, m.start, m.end, window);
      return { article_id: article.article_id, sentence: m.sentence, left, match: article.text.slice(m.start, m.end), right };
    });
  });
}

/** `kwic` as a danfo DataFrame (for notebooks). */
export function kwicFrame(input: KwicInput, options: KwicOptions): DataFrame {
  return toDataFrame(kwic(input, options), KWIC);
}

// ---------------------------------------------------------------- periods


// ---------------------------------------------------------------- tallies

const SEP = '\u0000';

/**
 * The spans of a statement's content in its article: its text is its parts joined
 * by " … " (extract.ts), the first starting at `content_start`, the last ending at
 * `content_end`. A text that cannot be placed so (not cut from this article) gives
 * the whole content span.
 */
export function statementParts(article: Article, s: Statement): Span[] {
  if (s.content_end - s.content_start === s.text.length && article.text.startsWith(s.text, s.content_start)) return [{ start: s.content_start, end: s.content_end }];
  const parts: Span[] = [];
  let from = s.content_start;
  for (const piece of s.text.split(' … ')) {
    const start = article.text.indexOf(piece, from);
    if (start < 0 || start + piece.length > s.content_end) return [{ start: s.content_start, end: s.content_end }];
    parts.push({ start, end: start + piece.length });
    from = start + piece.length;
  }
  return parts;
}

/** Adds the keyness features of a statement's words (from its article's text layer) to `counts`. */
function countStatementWords(article: Article, s: Statement, counts: Map<string, number>): void {
  const layer = tokensOf(article);
  for (const part of statementParts(article, s)) countKeynessWords(layer, part.start, part.end, counts);
}

/** Country group of a match or statement: the speaker's country, "unknown", or "" outside statements. */
const countryGroup = (inStatement: boolean, country: string) => (inStatement ? country || 'unknown' : '');

/**
 * What the theme aggregates need of one article, as count keys (theme, country
 * group and date joined by SEP) and, per speaker country in order of first
 * statement, its statements' word counts in order of first use.
 */
export interface ThemeDigest {
  /** country group, date: one per statement */
  statements: string[];
  words: [country: string, counts: [word: string, n: number][]][];
  /** theme, country group, date: one per match */
  matches: string[];
  /** theme, country group, date: one per statement holding the theme */
  coded: string[];
}

/** Reduces an annotated article to its `ThemeDigest`. */
export function themeDigest({ article, statements, themes }: Pick<AnnotatedArticle, 'article' | 'statements' | 'themes'>): ThemeDigest {
  const dateOf = (s: Statement) => s.date || article.published;
  const digest: ThemeDigest = { statements: [], words: [], matches: [], coded: [] };
  const wordsByCountry = new Map<string, Map<string, number>>();
  for (const s of statements) {
    digest.statements.push(countryGroup(true, s.speaker_country) + SEP + dateOf(s));
    let counts = wordsByCountry.get(s.speaker_country);
    if (!counts) wordsByCountry.set(s.speaker_country, (counts = new Map()));
    countStatementWords(article, s, counts);
  }
  digest.words = [...wordsByCountry].map(([country, counts]) => [country, [...counts]]);
  const byId = new Map(statements.map((s) => [s.statement_id, s]));
  const seen = new Set<string>();
  for (const m of themes) {
    const s = byId.get(m.statement_id);
    digest.matches.push([m.theme, countryGroup(s !== undefined, m.speaker_country), m.date].join(SEP));
    if (s && !seen.has(m.theme + SEP + s.statement_id)) {
      seen.add(m.theme + SEP + s.statement_id);
      digest.coded.push([m.theme, countryGroup(true, s.speaker_country), dateOf(s)].join(SEP));
    }
  }
  return digest;
}

/** `ThemeTally.state()`. */
export interface ThemeState {
  matches: [string, number][];
  coded: [string, number][];
  statements: [string, number][];
  words: [string, [string, number][]][];
}

/**
 * Counts kept while streaming (no texts): matches and coded statements per
 * theme × country group × date, statements per country group × date, and word
 * counts of statements per speaker country for keyness.
 */
export class ThemeTally {
  /** theme, country group, date → matches */
  private readonly matches = new Map<string, number>();
  /** theme, country group, date → statements holding the theme */
  private readonly coded = new Map<string, number>();
  /** country group, date → statements */
  private readonly statements = new Map<string, number>();
  readonly wordsByCountry = new Map<string, Map<string, number>>();

  constructor(private readonly codebook: Codebook) {}

  add(digest: ThemeDigest): void {
    const inc = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);
    for (const key of digest.statements) inc(this.statements, key);
    for (const [country, words] of digest.words) {
      let counts = this.wordsByCountry.get(country);
      if (!counts) this.wordsByCountry.set(country, (counts = new Map()));
      for (const [w, n] of words) {
        const had = counts.get(w);
        if (had === undefined) counts.set(detach(w), n);
        else counts.set(w, had + n);
      }
    }
    for (const key of digest.matches) inc(this.matches, key);
    for (const key of digest.coded) inc(this.coded, key);
  }

  /** The counts as plain data, for `merge`. */
  state(): ThemeState {
    return { matches: [...this.matches], coded: [...this.coded], statements: [...this.statements], words: [...this.wordsByCountry].map(([c, words]) => [c, [...words]]) };
  }

  /** Adds the counts of a later segment of the corpus (from `state`). */
  merge(state: ThemeState): void {
    const sum = (into: Map<string, number>, counts: [string, number][]) => {
      for (const [k, n] of counts) into.set(k, (into.get(k) ?? 0) + n);
    };
    sum(this.matches, state.matches);
    sum(this.coded, state.coded);
    sum(this.statements, state.statements);
    for (const [country, words] of state.words) {
      let counts = this.wordsByCountry.get(country);
      if (!counts) this.wordsByCountry.set(country, (counts = new Map()));
      sum(counts, words);
    }
  }

  /** Sums by theme and group (a function of country group and date). */
  private static sums(counts: Map<string, number>, group: (country: string, date: string) => string): Map<string, number> {
    const out = new Map<string, number>();
    for (const [key, n] of counts) {
      const [theme, country, date] = key.split(SEP) as [string, string, string];
      const k = theme + SEP + group(country, date);
      out.set(k, (out.get(k) ?? 0) + n);
    }
    return out;
  }

  private table(keyName: string, groups: readonly string[], group: (country: string, date: string) => string): Row[] {
    const matches = ThemeTally.sums(this.matches, group);
    const coded = ThemeTally.sums(this.coded, group);
    // Statement keys have no theme: prefix an empty one so `sums` reads them alike.
    const totals = ThemeTally.sums(new Map([...this.statements].map(([k, n]) => [SEP + k, n])), group);
    return this.codebook.themes.flatMap((theme) =>
      groups.map((g) => {
        const statements = coded.get(theme.id + SEP + g) ?? 0;
        const total = totals.get(SEP + g) ?? 0;
        return {
          theme: theme.id,
          label: theme.label,
          [keyName]: g,
          count: matches.get(theme.id + SEP + g) ?? 0,
          statements,
          share: total > 0 ? Math.round((statements / total) * 1e4) / 1e4 : 0,
        };
      }),
    );
  }

  private dates(): string[] {
    return [...this.matches.keys(), ...this.statements.keys()].map((k) => k.split(SEP).at(-1)!);
  }

  /**
   * Theme × period rows: every period of the window first (zero-filled), then any
   * other period present (outside the window, "undated"), as the statements tables do.
   */
  byPeriod(unit: PeriodUnit, window: AnalysisWindow): Row[] {
    checkWindow(window);
    const periods = periodsInWindow(window, unit);
    const extra = new Set(this.dates().map((d) => periodOf(d, unit)).filter((p) => !periods.includes(p)));
    return this.table('period', [...periods, ...[...extra].sort()], (_c, date) => periodOf(date, unit));
  }

  /** Theme × country group rows over every group seen (all dates), "" (matches outside statements) last. */
  byCountry(): Row[] {
    const countries = new Set<string>();
    for (const key of this.matches.keys()) countries.add(key.split(SEP)[1]!);
    for (const key of this.statements.keys()) countries.add(key.split(SEP)[0]!);
    const groups = [...countries].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a < b ? -1 : a > b ? 1 : 0));
    return this.table('speaker_country', groups, (country) => country);
  }

  /**
   * Keyness of one group of speaker countries' statements against another's ([] when
   * either group has none): a group is a country code or several, their counts summed.
   */
  keynessBetween(target: string | readonly string[], reference: string | readonly string[]): KeynessRow[] {
    const t = this.groupWords(target);
    const r = this.groupWords(reference);
    return t && r ? keynessFromCounts(t, r) : [];
  }

  private groupWords(group: string | readonly string[]): ReadonlyMap<string, number> | undefined {
    const codes = typeof group === 'string' ? [group] : group;
    const maps = codes.map((c) => this.wordsByCountry.get(c)).filter((m): m is Map<string, number> => m !== undefined);
    if (maps.length <= 1) return maps[0];
    const sum = new Map<string, number>();
    for (const m of maps) for (const [w, n] of m) sum.set(w, (sum.get(w) ?? 0) + n);
    return sum;
  }
}

export interface FrequencyOptions {
  /** Group by period (default year) or by speaker country. */
  by?: PeriodUnit | 'country';
  /** Analysis window for period tables (default 2021-01-01..2024-12-31). */
  window?: AnalysisWindow;
  /** Codebook giving the themes listed and their labels (default: the kit's). */
  codebook?: Codebook;
}


/**
 * Theme frequencies as rows `theme,label,period|speaker_country,count,statements,share`,
 * zero-filled (see the module comment for the share).
 */
export function themeFrequencies(annotated: readonly AnnotatedArticle[], options: FrequencyOptions = {}): Row[] {
  const by = options.by ?? 'year';
  if (by !== 'country' && !PERIOD_UNITS.includes(by)) check(false, 'options.by', `got ${JSON.stringify(by)}`, 'Use one of: year, quarter, month, country');
  const tally = new ThemeTally(options.codebook ?? loadCodebook());
  for (const a of annotated) tally.add(themeDigest(a));
  return by === 'country' ? tally.byCountry() : tally.byPeriod(by, options.window ?? DEFAULT_WINDOW);
}

// ---------------------------------------------------------------- keyness

/** Two groups of speakers compared by keyness, each one or more speaker country codes. */
export interface KeynessGroups {
  target: string[];
  reference: string[];
}

/** Chinese against US speakers: the kit's default comparison. */
export const DEFAULT_KEYNESS_GROUPS: KeynessGroups = { target: ['CHN'], reference: ['USA'] };

const GROUP_CODE = /^[A-Z]{2,10}$/;

/**
 * Reads `TARGET:REFERENCE` ("CHN:USA"; several codes joined by "+": "CHN+RUS:USA+EU"),
 * as the CLI's --keyness takes it; codes are speaker countries (ISO alpha-3, or a bloc
 * such as EU, NATO, UN), case-insensitive.
 */
export function parseKeynessGroups(spec: string): KeynessGroups {
  const sides = spec.split(':').map((side) => side.split('+').map((c) => c.trim().toUpperCase()));
  const fix = 'Write TARGET:REFERENCE with speaker country codes, several joined by + (e.g. CHN:USA, CHN+RUS:USA+EU)';
  check(sides.length === 2 && sides.every((codes) => codes.length > 0 && codes.every((c) => GROUP_CODE.test(c))), '--keyness', `got ${JSON.stringify(spec)}`, fix);
  const [target, reference] = sides as [string[], string[]];
  const shared = target.filter((c) => reference.includes(c));
  check(shared.length === 0, '--keyness', `${shared.join(', ')} is on both sides of ${JSON.stringify(spec)}`, fix);
  return { target: [...new Set(target)], reference: [...new Set(reference)] };
}

/** A group as the CLI writes it ("CHN+RUS"). */
export const keynessGroupLabel = (codes: readonly string[]): string => codes.join('+');

/** Which statements a keyness side takes: speaker country codes, or any test of a statement. */
export type KeynessSide = string | readonly string[] | ((s: Statement) => boolean);

export interface KeynessOptions {
  /** Statements forming the target group: a speaker country code ("CHN"), several, or a test (default CHN). */
  target?: KeynessSide;
  /**
   * Statements forming the reference group, as `target` (default: USA when the target
   * is the default too, else every statement not in the target).
   */
  reference?: KeynessSide;
}

function sideTest(side: KeynessSide): (s: Statement) => boolean {
  if (typeof side === 'function') return side;
  const codes = new Set(typeof side === 'string' ? [side] : side);
  return (s) => codes.has(s.speaker_country);
}

/**
 * Keyness of the target statements' words against the reference statements' (see
 * annotators/themes/keyness.ts): by default Chinese (CHN) against US (USA) speakers.
 */
export function keyness(annotated: readonly AnnotatedArticle[], options: KeynessOptions = {}): KeynessRow[] {
  const seen = () => annotated.flatMap((a) => a.statements.map((s) => s.speaker_country));
  for (const [argument, side] of [['target', options.target], ['reference', options.reference]] as const) {
    if (typeof side === 'string' || Array.isArray(side)) checkCountryCodes(typeof side === 'string' ? [side] : side, argument, seen);
  }
  const inTarget = sideTest(options.target ?? DEFAULT_KEYNESS_GROUPS.target);
  const reference =
    options.reference !== undefined
      ? sideTest(options.reference)
      : options.target === undefined
        ? sideTest(DEFAULT_KEYNESS_GROUPS.reference)
        : (s: Statement) => !inTarget(s);
  const target = new Map<string, number>();
  const ref = new Map<string, number>();
  for (const { article, statements } of annotated) {
    for (const s of statements) {
      for (const [group, selected] of [
        [target, inTarget(s)],
        [ref, reference(s)],
      ] as const) {
        if (selected) countStatementWords(article, s, group);
      }
    }
  }
  return keynessFromCounts(target, ref);
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Keyness rows for the CSV: statistics to 4 decimals, p to 4 significant digits. */
export function keynessRows(rows: readonly KeynessRow[]): Row[] {
  return rows.map((r) => ({ ...r, G2: round(r.G2, 4), chi2: round(r.chi2, 4), p: Number(r.p.toPrecision(4)) }));
}

// ---------------------------------------------------------------- report stage

/**
 * themes.csv streamed; at the end themes_by_year.csv, themes_by_country.csv and
 * keyness.csv (the `keyness` groups' statements, by default CHN target vs USA
 * reference) from counts kept meanwhile, and the charts' share of them.
 */
export function themesStage(options: StageOptions & { codebook: Codebook }): ReportStage<ThemeDigest, ThemeState> {
  const groups = options.keyness ?? DEFAULT_KEYNESS_GROUPS;
  const tally = new ThemeTally(options.codebook);
  return {
    name: 'themes',
    tables: [THEMES],
    digest: (a) => ({ rows: { themes: themeRows(a.themes) }, tally: themeDigest(a) }),
    partial: () => new ThemeTally(options.codebook),
    merge: (state) => tally.merge(state),
    finish: () => {
      const byYear = tally.byPeriod('year', options.window);
      const byCountry = tally.byCountry();
      const key = keynessRows(tally.keynessBetween(groups.target, groups.reference));
      const data: Partial<ReportData> = {};
      if (byYear.length > 0) data.themes_by_year = byYear;
      if (byCountry.length > 0) data.themes_by_country = byCountry;
      if (key.length > 0) data.keyness = keynessData(key);
      return {
        tables: [
          { spec: THEMES_BY_YEAR, rows: byYear },
          { spec: THEMES_BY_COUNTRY, rows: byCountry },
          { spec: KEYNESS, rows: key },
        ],
        data,
      };
    },
  };
}
