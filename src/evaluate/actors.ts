/**
 * Actor recall and publication-date accuracy against a devset-format gold file.
 *
 * A gold actor counts as found when some mention in its article names it: the
 * mention's canonical name, one of its registered names or aliases, or (for people
 * the registry lacks) the name as written, compared after `normalizeActorName`.
 *
 * A publication date is right when it equals the gold date. Where the page states no
 * full date (the gold evidence quotes no line with a year that is in the text), an
 * empty date is right too; a wrong non-empty date is always wrong.
 */
import type { Article } from '../corpus/types';
import type { Mention } from '../annotators/types';
import type { Registry } from '../annotators/actors';
import type { GoldArticle } from './devset';

/** Case, leading "the", dots of abbreviations ("U.S."), curly apostrophes and hyphen spacing do not matter. */
export function normalizeActorName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\./g, '')
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when the gold evidence quotes a line holding a year, and that line is in the article's file. */
export function goldDateIsStated(gold: GoldArticle, text: string): boolean {
  if (/^no date/i.test(gold.published_evidence)) return false;
  const quoted = gold.published_evidence.match(/'[^']+'/g) ?? [];
  return quoted.some((q) => /\b(19|20)\d\d\b/.test(q) && text.includes(q.slice(1, -1).trim()));
}

export interface ActorArticleScore {
  file: string;
  gold: number;
  found: number;
  missed: string[];
  published: { gold: string; predicted: string; stated: boolean; right: boolean };
}

export interface ActorScores {
  articles: ActorArticleScore[];
  goldActors: number;
  foundActors: number;
  recall: number;
  /** Articles whose date is right, of all. */
  datesRight: number;
  /** Articles whose page states a full date, and of those the ones dated right. */
  datesStated: number;
  datesStatedRight: number;
  /** Non-empty predicted dates that differ from the gold. */
  datesWrong: number;
}

function namesOfMention(m: Mention, registry: Registry): string[] {
  const actor = registry.byId.get(m.actor_id);
  const names = [m.actor];
  if (actor) names.push(actor.name, ...actor.aliases);
  else if (m.kind === 'name') names.push(m.surface);
  return names;
}

/** One annotated article of the corpus, keyed by its file; `source` is the file's text as read (before cleaning). */
export interface ScoredArticle {
  article: Article;
  mentions: readonly Mention[];
  source: string;
}

export function scoreActors(gold: readonly GoldArticle[], annotated: ReadonlyMap<string, ScoredArticle>, registry: Registry): ActorScores {
  const articles: ActorArticleScore[] = [];
  for (const g of gold) {
    const a = annotated.get(g.file);
    const names = new Set((a?.mentions ?? []).flatMap((m) => namesOfMention(m, registry)).map(normalizeActorName));
    const missed = g.actors.filter((name) => !names.has(normalizeActorName(name)));
    const predicted = a?.article.published ?? '';
    const stated = a ? goldDateIsStated(g, a.source) : false;
    const right = predicted === g.published || (predicted === '' && !stated);
    articles.push({ file: g.file, gold: g.actors.length, found: g.actors.length - missed.length, missed, published: { gold: g.published, predicted, stated, right } });
  }
  const goldActors = articles.reduce((n, a) => n + a.gold, 0);
  const foundActors = articles.reduce((n, a) => n + a.found, 0);
  return {
    articles,
    goldActors,
    foundActors,
    recall: goldActors ? foundActors / goldActors : 1,
    datesRight: articles.filter((a) => a.published.right).length,
    datesStated: articles.filter((a) => a.published.stated).length,
    datesStatedRight: articles.filter((a) => a.published.stated && a.published.right).length,
    datesWrong: articles.filter((a) => a.published.predicted !== '' && a.published.predicted !== a.published.gold).length,
  };
}
