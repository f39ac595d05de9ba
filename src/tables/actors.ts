/**
 * Actor tables: mentions (one row per mention), co-occurrence (who appears with
 * whom, per window and period) and unregistered people. Row functions and the
 * co-occurrence computation are free functions over small records; the *Table
 * functions return danfo DataFrames for notebooks, one call per cell.
 */
import type { DataFrame } from 'danfojs-node';
import type { Article } from '../corpus/types';
import type { ActorType, Mention, MentionKind } from '../annotators/types';
import { ACTOR_TYPES, MENTION_KINDS } from '../annotators/types';
import { check, checkOneOf } from '../errors';
import type { Warning } from '../logger';
import { tableMessages } from '../messages';
import type { AnnotatedArticle } from '../pipeline';
import type { ReportStage } from './stage';
import { detach } from './detach';
import { cooccurrenceData, topRows, UNREGISTERED_LIST, type ReportData } from './report-data';
import { CooccurrenceSamples, unitTexts, type CooccurrenceSamplesState, type UnitTexts } from './cooccurrence-explorer';
import { toDataFrame } from './frame';
import { col, type Row, type TableSpec } from './schema';
import { periodOf, PERIOD_UNITS, type PeriodUnit } from './periods';
import { checkActorIds, checkPeriodLabels } from './valid-values';


export const MENTIONS: TableSpec = {
  name: 'mentions',
  file: 'tables/mentions.csv',
  description: 'One row per actor mention: who is referred to, where, and how.',
  columns: [
    col('article_id', 'string', 'article holding the mention'),
    col('sentence', 'integer', '0-based index of the sentence holding the mention (sentences.csv)'),
    col('start', 'integer', 'character offset of the mention in the cleaned text'),
    col('end', 'integer', 'character offset after the mention (surface = cleaned.slice(start, end))'),
    col('surface', 'string', 'the words as written ("Beijing", "China\'s top diplomat", "Wang")'),
    col('actor_id', 'string', 'registry id ("wang-yi"), or "unregistered:<slug>" for people and organisations the registry lacks'),
    col('actor', 'string', 'canonical name ("Wang Yi")'),
    col('actor_type', 'string', 'person, state, organization or media (news outlets cited as sources)'),
    col('country', 'string', 'country or bloc code of the actor (CHN, RUS, USA, EU, NATO, UN, …); empty when unknown'),
    col(
      'kind',
      'string',
      'name (canonical or full name), alias (other aliases and metonyms: "US", "Beijing"), surname ("Wang", resolved to the person last named in full), role ("China\'s top diplomat", resolved by dated roles), adjective ("Chinese"), pronoun',
    ),
  ],
};

export const COOCCURRENCE: TableSpec = {
  name: 'cooccurrence',
  file: 'tables/cooccurrence.csv',
  description: 'Pairs of actors mentioned in the same window unit (sentence, paragraph or article), per period.',
  columns: [
    col('actor_a', 'string', 'actor id; pairs are unordered and listed once, with actor_a < actor_b by id'),
    col('actor_b', 'string', 'the other actor id'),
    col('window', 'string', 'unit both must be mentioned in: sentence, paragraph or article'),
    col('period', 'string', 'period of the articles\' publication date: year (YYYY) in the CSV; quarter (YYYY-Qn) or month (YYYY-MM) through the API; "undated" when unknown'),
    col('count', 'integer', 'n_ab: window units of the period mentioning both actors'),
    col('articles', 'integer', 'articles with at least one such unit'),
    col('dice', 'number', 'Dice coefficient 2·n_ab / (n_a + n_b), n_a and n_b counting the units of the period mentioning each actor; 1 = always together, 0 = never'),
  ],
};

export const UNREGISTERED: TableSpec = {
  name: 'unregistered',
  file: 'tables/unregistered.csv',
  description: 'People and organisations the text names (by a title, an appositive, a speech verb, an organisation head) but the actor registry lacks: candidates to add with --actors FILE.',
  columns: [
    col('actor_id', 'string', 'generated id: "unregistered:" and the name as a slug'),
    col('name', 'string', 'the name as first written'),
    col('actor_type', 'string', 'person or organization'),
    col('count', 'integer', 'mentions (full name and surname)'),
    col('articles', 'integer', 'articles mentioning the person'),
    col('sample_article_id', 'string', 'article of the first mention'),
    col('sample_sentence', 'integer', 'sentence index of the first mention'),
    col('sample_text', 'string', 'the sentence of the first mention'),
  ],
};

export const ACTOR_TABLES: readonly TableSpec[] = [MENTIONS, COOCCURRENCE, UNREGISTERED];

export type CooccurrenceWindow = 'sentence' | 'paragraph' | 'article';
export const COOCCURRENCE_WINDOWS: readonly CooccurrenceWindow[] = ['sentence', 'paragraph', 'article'];
export const UNDATED = 'undated';

export interface MentionFilter {
  /** Keep actors of these types. */
  types?: readonly ActorType[];
  /** Keep mentions of these kinds. */
  kinds?: readonly MentionKind[];
  /** Keep these actor ids. */
  actors?: readonly string[];
}

function checkFilter(filter: MentionFilter, annotated: readonly AnnotatedArticle[]): void {
  for (const t of filter.types ?? []) checkOneOf(t, 'types', ACTOR_TYPES);
  for (const k of filter.kinds ?? []) checkOneOf(k, 'kinds', MENTION_KINDS);
  checkActorIds(filter.actors, 'actors', () => annotated.flatMap((a) => a.mentions.map((m) => m.actor_id)));
}

export function filterMentions(mentions: readonly Mention[], filter: MentionFilter = {}): Mention[] {
  const types = filter.types && new Set<string>(filter.types);
  const kinds = filter.kinds && new Set<string>(filter.kinds);
  const actors = filter.actors && new Set(filter.actors);
  return mentions.filter((m) => (!types || types.has(m.actor_type)) && (!kinds || kinds.has(m.kind)) && (!actors || actors.has(m.actor_id)));
}

export function mentionRows(mentions: readonly Mention[]): Row[] {
  return mentions.map((m) => ({
    article_id: m.article_id,
    sentence: m.sentence,
    start: m.start,
    end: m.end,
    surface: m.surface,
    actor_id: m.actor_id,
    actor: m.actor,
    actor_type: m.actor_type,
    country: m.country,
    kind: m.kind,
  }));
}

/**
 * The most distinct actors one unit (sentence, paragraph or article) may name and still
 * count its pairs: a news article names a few dozen, and the pairs of an input naming
 * thousands (8,000 made 32 million) would exhaust the run's memory. Such a unit still
 * counts once for each actor; its pairs are left out, with a warning.
 */
export const MAX_PAIRED_ACTORS = 500;

/** A warning for each window where a unit of the article names more actors than MAX_PAIRED_ACTORS. */
function unpairedUnits(article: Pick<Article, 'article_id' | 'file'>, units: ArticleUnits): Warning[] {
  return COOCCURRENCE_WINDOWS.flatMap((window) => {
    const most = units.units[window].reduce((n, ids) => Math.max(n, ids.length), 0);
    return most > MAX_PAIRED_ACTORS ? [{ code: 'cooccurrence', file: article.file || article.article_id, message: tableMessages.unpairedUnit(window, most, MAX_PAIRED_ACTORS) }] : [];
  });
}

/**
 * One article reduced to what co-occurrence needs: for each window, the set of
 * actor ids of each unit that mentions any (no text), so a report over a large
 * corpus keeps only these.
 */
export interface ArticleUnits {
  article_id: string;
  published: string;
  units: Record<CooccurrenceWindow, string[][]>;
}

export function articleUnits(article: Pick<Article, 'article_id' | 'published' | 'sentences'>, mentions: readonly Pick<Mention, 'sentence' | 'actor_id'>[]): ArticleUnits {
  const paragraphOf = new Map(article.sentences.map((s) => [s.index, s.paragraph]));
  // One pass a window, a set of ids per unit (this runs for every article: d3's rollups built an array per unit first).
  const group = (key: (m: Pick<Mention, 'sentence'>) => number): string[][] => {
    const byUnit = new Map<number, Set<string>>();
    for (const m of mentions) {
      const unit = key(m);
      const ids = byUnit.get(unit);
      if (ids) ids.add(m.actor_id);
      else byUnit.set(unit, new Set([m.actor_id]));
    }
    return [...byUnit].sort((a, b) => a[0] - b[0]).map(([, ids]) => [...ids].sort());
  };
  return {
    article_id: article.article_id,
    published: article.published,
    units: {
      sentence: group((m) => m.sentence),
      paragraph: group((m) => paragraphOf.get(m.sentence) ?? -1),
      article: mentions.length > 0 ? [[...new Set(mentions.map((m) => m.actor_id))].sort()] : [],
    },
  };
}

export interface CooccurrenceOptions {
  window?: CooccurrenceWindow;
  period?: PeriodUnit;
  /** Keep pairs seen in at least this many units. */
  minCount?: number;
  /** Keep only these periods ("2022", "2022-Q1", "undated"). */
  periods?: readonly string[];
}

const round = (x: number): number => Math.round(x * 10000) / 10000;

/** `CooccurrenceTally.state()`: window → period → counts per actor, and per pair [b, units, articles]. */
export type CooccurrenceState = [CooccurrenceWindow, [string, [string, number][], [string, [string, number, number][]][]][]][];

/** Co-occurrence counts of one window and period. */
interface PeriodCounts {
  singles: Map<string, number>;
  pairs: Map<string, Map<string, { count: number; articles: number; lastArticle: number }>>;
}

/**
 * Co-occurrence counts kept article by article: for each window and period, n_ab
 * (units mentioning both actors), the articles holding such units, and n_a (units
 * mentioning each actor). Its size grows with the number of pairs, never with the
 * number of articles, so the report's memory stays bounded on any corpus.
 */
export class CooccurrenceTally {
  /** window → period → units mentioning each actor, and per pair (a < b) the units with both and the articles holding such units */
  private readonly buckets = new Map<CooccurrenceWindow, Map<string, PeriodCounts>>();
  /** Numbers the articles added, so a pair counts each article once without a set per article. */
  private articleSeq = 0;

  constructor(
    readonly period: PeriodUnit = 'year',
    readonly windows: readonly CooccurrenceWindow[] = COOCCURRENCE_WINDOWS,
  ) {
    checkOneOf(period, 'period', PERIOD_UNITS);
    for (const w of windows) checkOneOf(w, 'window', COOCCURRENCE_WINDOWS);
  }

  add(article: ArticleUnits): void {
    const period = periodOf(article.published, this.period);
    const seq = ++this.articleSeq;
    for (const window of this.windows) {
      let periods = this.buckets.get(window);
      if (!periods) this.buckets.set(window, (periods = new Map()));
      let counts = periods.get(period);
      if (!counts) periods.set(period, (counts = { singles: new Map(), pairs: new Map() }));
      for (const ids of article.units[window]) {
        // A unit naming more actors than MAX_PAIRED_ACTORS counts for each actor, not for its pairs (their number grows with its square).
        const paired = ids.length <= MAX_PAIRED_ACTORS ? ids.length : 0;
        for (let i = 0; i < ids.length; i++) {
          const a = ids[i]!;
          counts.singles.set(a, (counts.singles.get(a) ?? 0) + 1);
          let withA = counts.pairs.get(a);
          for (let j = i + 1; j < paired; j++) {
            if (!withA) counts.pairs.set(a, (withA = new Map()));
            const b = ids[j]!;
            let pair = withA.get(b);
            if (!pair) withA.set(b, (pair = { count: 0, articles: 0, lastArticle: 0 }));
            pair.count++;
            if (pair.lastArticle !== seq) {
              pair.articles++;
              pair.lastArticle = seq;
            }
          }
        }
      }
    }
  }

  /** The counts as plain data, for `merge` (a segment's counts, kept in the report's cache). */
  state(): CooccurrenceState {
    return [...this.buckets].map(([window, periods]) => [
      window,
      [...periods].map(([period, { singles, pairs }]) => [period, [...singles], [...pairs].map(([a, withA]) => [a, [...withA].map(([b, { count, articles }]) => [b, count, articles])])]),
    ]);
  }

  /** Adds the counts of articles tallied elsewhere (a later segment of the corpus, from `state`). */
  merge(state: CooccurrenceState): void {
    for (const [window, periods] of state) {
      let into = this.buckets.get(window);
      if (!into) this.buckets.set(window, (into = new Map()));
      for (const [period, singles, pairs] of periods) {
        let counts = into.get(period);
        if (!counts) into.set(period, (counts = { singles: new Map(), pairs: new Map() }));
        for (const [a, n] of singles) counts.singles.set(a, (counts.singles.get(a) ?? 0) + n);
        for (const [a, withB] of pairs) {
          let withA = counts.pairs.get(a);
          if (!withA) counts.pairs.set(a, (withA = new Map()));
          for (const [b, count, articles] of withB) {
            const pair = withA.get(b);
            // an article is in one segment only, so article counts add up
            if (pair) [pair.count, pair.articles] = [pair.count + count, pair.articles + articles];
            else withA.set(b, { count, articles, lastArticle: 0 });
          }
        }
      }
    }
  }

  /** Rows for one window: by period, most frequent pair first. */
  rows(window: CooccurrenceWindow, options: Pick<CooccurrenceOptions, 'minCount' | 'periods'> = {}): Row[] {
    const minCount = options.minCount ?? 1;
    check(Number.isInteger(minCount) && minCount >= 1, 'minCount', `got ${minCount}`, 'Use a whole number of 1 or more');
    const keep = options.periods && new Set(options.periods);
    const rows: Row[] = [];
    for (const [period, counts] of this.buckets.get(window) ?? []) {
      if (keep && !keep.has(period)) continue;
      for (const [a, withA] of counts.pairs) {
        for (const [b, { count, articles }] of withA) {
          if (count < minCount) continue;
          const n = (counts.singles.get(a) ?? 0) + (counts.singles.get(b) ?? 0);
          rows.push({ actor_a: a, actor_b: b, window, period, count, articles, dice: round((2 * count) / n) });
        }
      }
    }
    return rows.sort(
      (x, y) => String(x.period).localeCompare(String(y.period)) || (y.count as number) - (x.count as number) || String(x.actor_a).localeCompare(String(y.actor_a)) || String(x.actor_b).localeCompare(String(y.actor_b)),
    );
  }
}

/**
 * Co-occurrence rows for one window from reduced articles: for each period, each
 * unordered pair of actors mentioned in the same unit, with n_ab (units with both),
 * the articles holding such units, and Dice = 2·n_ab / (n_a + n_b).
 */
export function cooccurrenceRows(articles: readonly ArticleUnits[], options: CooccurrenceOptions = {}): Row[] {
  const window = options.window ?? 'sentence';
  checkOneOf(window, 'window', COOCCURRENCE_WINDOWS);
  checkOneOf(options.period ?? 'year', 'period', PERIOD_UNITS);
  checkPeriodLabels(options.periods, 'periods', options.period ?? 'year');
  const tally = new CooccurrenceTally(options.period ?? 'year', [window]);
  for (const art of articles) tally.add(art);
  return tally.rows(window, options);
}

/** An unregistered person named in an article; `text` (the sentence) only on the article's first naming of each. */
export interface UnregisteredSighting {
  actor_id: string;
  name: string;
  actor_type: string;
  article_id: string;
  sentence: number;
  text?: string;
}

/** The unregistered mentions of an article, in order: all `UnregisteredTally` needs of it. */
export function unregisteredSightings(article: Pick<Article, 'sentences'>, mentions: readonly Mention[]): UnregisteredSighting[] {
  const named = new Set<string>();
  const sightings: UnregisteredSighting[] = [];
  for (const m of mentions) {
    if (!m.unregistered) continue;
    const sighting: UnregisteredSighting = { actor_id: m.actor_id, name: m.actor, actor_type: m.actor_type, article_id: m.article_id, sentence: m.sentence };
    if (!named.has(m.actor_id)) {
      named.add(m.actor_id);
      sighting.text = article.sentences.find((s) => s.index === m.sentence)?.text ?? '';
    }
    sightings.push(sighting);
  }
  return sightings;
}

type UnregisteredPerson = { name: string; type: string; count: number; articles: Set<string>; sample: { article_id: string; sentence: number; text: string } };

/** `UnregisteredTally.state()`. */
export type UnregisteredState = [string, Omit<UnregisteredPerson, 'articles'> & { articles: string[] }][];

/** Counts of unregistered people, with the first sentence naming each. */
export class UnregisteredTally {
  private readonly people = new Map<string, UnregisteredPerson>();

  add(sightings: readonly UnregisteredSighting[]): void {
    for (const m of sightings) {
      let p = this.people.get(m.actor_id);
      if (!p) {
        p = { name: detach(m.name), type: m.actor_type, count: 0, articles: new Set(), sample: { article_id: m.article_id, sentence: m.sentence, text: detach(m.text ?? '') } };
        this.people.set(m.actor_id, p);
      }
      p.count++;
      p.articles.add(m.article_id);
    }
  }

  /** The counts as plain data, for `merge`. */
  state(): UnregisteredState {
    return [...this.people].map(([id, { articles, ...p }]) => [id, { ...p, articles: [...articles] }]);
  }

  /** Adds the counts of a later segment of the corpus (from `state`); the first sample sentence stays. */
  merge(state: UnregisteredState): void {
    for (const [id, p] of state) {
      const had = this.people.get(id);
      if (!had) this.people.set(id, { ...p, articles: new Set(p.articles) });
      else {
        had.count += p.count;
        for (const a of p.articles) had.articles.add(a);
      }
    }
  }

  rows(minCount = 1): Row[] {
    return [...this.people]
      .filter(([, p]) => p.count >= minCount)
      .map(([id, p]) => ({
        actor_id: id,
        name: p.name,
        actor_type: p.type,
        count: p.count,
        articles: p.articles.size,
        sample_article_id: p.sample.article_id,
        sample_sentence: p.sample.sentence,
        sample_text: p.sample.text,
      }))
      .sort((a, b) => b.count - a.count || a.actor_id.localeCompare(b.actor_id));
  }
}

// ---- danfo API for notebooks -------------------------------------------------------------

/** mentions.csv as a DataFrame, filtered by actor types, mention kinds or actor ids. */
export function mentionsTable(annotated: readonly AnnotatedArticle[], filter: MentionFilter = {}): DataFrame {
  checkFilter(filter, annotated);
  return toDataFrame(mentionRows(annotated.flatMap((a) => filterMentions(a.mentions, filter))), MENTIONS);
}

export interface CooccurrenceTableOptions extends CooccurrenceOptions {
  /** Only actors of these types take part. */
  types?: readonly ActorType[];
  /** Count adjective mentions ("Chinese", "Russian"); default true. */
  includeAdjectives?: boolean;
}

/** cooccurrence.csv as a DataFrame: `cooccurrenceTable(annotated, { window: 'paragraph', period: 'quarter', types: ['state'] })`. */
export function cooccurrenceTable(annotated: readonly AnnotatedArticle[], options: CooccurrenceTableOptions = {}): DataFrame {
  checkFilter({ types: options.types }, annotated);
  const kinds = options.includeAdjectives === false ? MENTION_KINDS.filter((k) => k !== 'adjective') : undefined;
  const reduced = annotated.map((a) => articleUnits(a.article, filterMentions(a.mentions, { types: options.types, kinds })));
  return toDataFrame(cooccurrenceRows(reduced, options), COOCCURRENCE);
}

/** unregistered.csv as a DataFrame. */
export function unregisteredTable(annotated: readonly AnnotatedArticle[], options: { minCount?: number } = {}): DataFrame {
  const tally = new UnregisteredTally();
  for (const a of annotated) tally.add(unregisteredSightings(a.article, a.mentions));
  return toDataFrame(tally.rows(options.minCount ?? 1), UNREGISTERED);
}

// ---- report stage ---------------------------------------------------------------------------

/** What the actor aggregates need of one article. */
export interface ActorsTally {
  units: ArticleUnits;
  unregistered: UnregisteredSighting[];
  /** [id, name, country] of each actor the article mentions, in order of first mention (names for the charts). */
  actors: [string, string, string][];
  /** The texts of the units pairing two actors, for the explorer's samples; absent when none does. */
  texts?: UnitTexts;
}

/** What the actor aggregates hold of part of the corpus. */
export interface ActorsState {
  cooccurrence: CooccurrenceState;
  unregistered: UnregisteredState;
  actors: [string, string, string][];
  samples: CooccurrenceSamplesState;
}

/** [id, name, country] of each actor mentioned, in order of first mention. */
function actorNames(mentions: readonly Mention[]): [string, string, string][] {
  const seen = new Set<string>();
  const out: [string, string, string][] = [];
  for (const m of mentions) {
    if (seen.has(m.actor_id)) continue;
    seen.add(m.actor_id);
    out.push([m.actor_id, m.actor, m.country]);
  }
  return out;
}

/**
 * mentions.csv streamed article by article; cooccurrence.csv (every window, by year)
 * and unregistered.csv at the end, from per-article sets of actor ids and counts;
 * for the charts, the co-occurrence rows they draw with the actors' names, and for
 * their explorer a bounded sample of the sentences behind each pair.
 */
export function actorsStage(): ReportStage<ActorsTally, ActorsState> {
  const aggregate = () => {
    const cooccurrence = new CooccurrenceTally('year');
    const unregistered = new UnregisteredTally();
    const samples = new CooccurrenceSamples();
    /** name and country of each actor id, from its first mention */
    const actors = new Map<string, { name: string; country: string }>();
    const addActors = (list: [string, string, string][]) => {
      for (const [id, name, country] of list) if (!actors.has(id)) actors.set(detach(id), { name: detach(name || id), country });
    };
    return {
      cooccurrence,
      unregistered,
      samples,
      actors,
      add(tally: ActorsTally) {
        cooccurrence.add(tally.units);
        unregistered.add(tally.unregistered);
        addActors(tally.actors);
        samples.add(tally.units, tally.texts);
      },
      state: (): ActorsState => ({
        cooccurrence: cooccurrence.state(),
        unregistered: unregistered.state(),
        actors: [...actors].map(([id, a]) => [id, a.name, a.country]),
        samples: samples.state(),
      }),
      merge(state: ActorsState) {
        cooccurrence.merge(state.cooccurrence);
        unregistered.merge(state.unregistered);
        addActors(state.actors);
        samples.merge(state.samples);
      },
    };
  };
  const whole = aggregate();
  return {
    name: 'actors',
    tables: [MENTIONS],
    digest: ({ article, mentions }) => {
      const units = articleUnits(article, mentions);
      const tally: ActorsTally = { units, unregistered: unregisteredSightings(article, mentions), actors: actorNames(mentions) };
      const texts = unitTexts(article, mentions, units);
      if (texts) tally.texts = texts;
      return {
        rows: { mentions: mentionRows(mentions) },
        tally,
        warnings: unpairedUnits(article, units),
      };
    },
    merge: whole.merge,
    partial: aggregate,
    finish: () => {
      const cooccurrence = COOCCURRENCE_WINDOWS.flatMap((window) => whole.cooccurrence.rows(window));
      const unregistered = whole.unregistered.rows();
      const data: Partial<ReportData> = {};
      const co = cooccurrenceData(cooccurrence, whole.actors);
      if (co) {
        data.cooccurrence = co;
        data.cooccurrence_explorer = whole.samples.data(co);
      }
      if (unregistered.length > 0) data.unregistered = topRows(unregistered, UNREGISTERED_LIST);
      return {
        tables: [
          { spec: COOCCURRENCE, rows: cooccurrence },
          { spec: UNREGISTERED, rows: unregistered },
        ],
        data,
      };
    },
  };
}
