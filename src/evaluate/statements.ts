/**
 * Statement extraction scored against a devset-format gold file: each gold statement
 * gives a 6–15-word fragment of its content, copied from the article.
 *
 * - A predicted statement matches a gold one when the fragment, found in the article
 *   text, lies mostly (at least half its characters) inside the prediction's content
 *   parts; one-to-one, in text order.
 * - Recall counts required gold statements; optional ones count as matched when
 *   found and are never missed.
 * - Precision: of the predictions whose content has at least six words (shorter ones
 *   cannot carry a fragment and are not scored), the share that match a gold
 *   statement. A prediction holding an excluded fragment (a teaser, a "Read also"
 *   headline) is junk and counts against precision.
 * - Speaker, kind and date are scored on the matched required statements: the
 *   speaker by name as a reader compares it (see `normalizeActorName`; an unnamed
 *   gold speaker wants an unnamed prediction); the date against the gold's date
 *   where it gives one; where it gives none, the publication date, or the kit's own
 *   fallback for the article (its publication date as it read it, empty when the
 *   page states none) so long as the date was not taken from the text.
 */
import type { Article } from '../corpus/types';
import type { Statement } from '../annotators/types';
import type { Registry } from '../annotators/actors';
import { wordCount, tokensOf } from '../text';
import { normalizeActorName } from './actors';
import { locate, overlap, type GoldArticle, type GoldStatement } from './devset';

export interface StatementPair {
  file: string;
  gold: GoldStatement;
  predicted: Statement;
}

export interface Share {
  right: number;
  of: number;
  share: number;
}

export interface DevsetStatementScores {
  required: number;
  found: number;
  recall: number;
  /** Scored predictions (content of six words or more). */
  predicted: number;
  /** Scored predictions that match a gold statement (required or optional). */
  correct: number;
  precision: number;
  junk: number;
  speaker: Share;
  kind: Share;
  date: Share;
  /** Recall of required statements by gold kind. */
  recallByKind: Record<string, Share>;
  /** Of the found required statements, how many each rule found. */
  foundByRule: Record<string, number>;
  misses: { file: string; gold: GoldStatement }[];
  wrongSpeaker: StatementPair[];
  /** Scored predictions that match no gold statement. */
  unmatched: { file: string; predicted: Statement; junk: boolean }[];
}

const share = (right: number, of: number): Share => ({ right, of, share: of === 0 ? 1 : right / of });

/** Content parts of a statement: its content span, or for a split quote the parts its text joins. */
function contentSpan(s: Statement): [number, number] {
  return [s.content_start, s.content_end];
}

function namesOf(label: string, id: string, registry: Registry): Set<string> {
  const names = [label];
  const actor = registry.byId.get(id);
  if (actor) names.push(actor.name, ...actor.aliases);
  return new Set(names.map(normalizeActorName));
}

/**
 * The gold speaker, compared by name (canonical name or alias). A joint speaker
 * ("Anatoly Antonov and Qin Gang"; the kit joins ids with "+") is right when each
 * of its speakers is, in any order.
 */
export function speakerIsRight(gold: GoldStatement, predicted: Statement, registry: Registry): boolean {
  if (gold.speaker_type === 'unnamed') return predicted.speaker_type === 'unnamed';
  if (namesOf(predicted.speaker, predicted.speaker_id, registry).has(normalizeActorName(gold.speaker))) return true;
  const goldParts = gold.speaker.split(/\s+and\s+/);
  const ids = predicted.speaker_id.split('+');
  const labels = predicted.speaker.split(/\s+and\s+/);
  if (goldParts.length !== 2 || ids.length !== 2 || labels.length !== 2) return false;
  const parts = [0, 1].map((k) => namesOf(labels[k]!, ids[k]!, registry));
  const has = (k: number, name: string) => parts[k]!.has(normalizeActorName(name));
  return (has(0, goldParts[0]!) && has(1, goldParts[1]!)) || (has(0, goldParts[1]!) && has(1, goldParts[0]!));
}

function dateIsRight(p: StatementPair, goldPublished: string, kitPublished: string): boolean {
  if (p.gold.date) return p.predicted.date === p.gold.date;
  return p.predicted.date === goldPublished || (p.predicted.date_basis !== 'text' && p.predicted.date === kitPublished);
}

export function scoreDevsetStatements(
  gold: readonly GoldArticle[],
  annotated: ReadonlyMap<string, { article: Article; statements: readonly Statement[] }>,
  registry: Registry,
): DevsetStatementScores {
  const pairs: StatementPair[] = [];
  const misses: { file: string; gold: GoldStatement }[] = [];
  const unmatched: DevsetStatementScores['unmatched'] = [];
  let required = 0;
  let predicted = 0;
  let correct = 0;
  let junk = 0;
  const byKind = new Map<string, [number, number]>();
  for (const g of gold) {
    const a = annotated.get(g.file);
    const statements = a?.statements ?? [];
    const text = a?.article.text ?? '';
    const used = new Set<Statement>();
    const matchedPredictions = new Set<Statement>();
    for (const gs of g.statements) {
      const at = locate(text, gs.quote);
      const need = at ? (at[1] - at[0]) / 2 : Infinity;
      const hit = at ? statements.find((s) => !used.has(s) && overlap(contentSpan(s), at) >= need) : undefined;
      if (gs.required) {
        required++;
        const k = byKind.get(gs.kind) ?? [0, 0];
        k[1]++;
        if (hit) k[0]++;
        byKind.set(gs.kind, k);
      }
      if (!hit) {
        if (gs.required) misses.push({ file: g.file, gold: gs });
        continue;
      }
      used.add(hit);
      matchedPredictions.add(hit);
      if (gs.required) pairs.push({ file: g.file, gold: gs, predicted: hit });
    }
    const layer = a ? tokensOf(a.article) : undefined;
    for (const s of statements) {
      if (!layer || wordCount(layer, s.content_start, s.content_end) < 6) continue;
      predicted++;
      if (matchedPredictions.has(s)) {
        correct++;
        continue;
      }
      const isJunk = g.excluded.some((e) => {
        const at = locate(text, e.quote);
        return at !== undefined && overlap(contentSpan(s), at) >= (at[1] - at[0]) / 2;
      });
      if (isJunk) junk++;
      unmatched.push({ file: g.file, predicted: s, junk: isJunk });
    }
  }
  const publishedOf = new Map(gold.map((g) => [g.file, g.published]));
  const speakerRight = pairs.filter((p) => speakerIsRight(p.gold, p.predicted, registry));
  const foundByRule: Record<string, number> = {};
  for (const p of pairs) {
    foundByRule[p.predicted.rule] = (foundByRule[p.predicted.rule] ?? 0) + 1;
  }
  return {
    required,
    found: pairs.length,
    recall: required === 0 ? 1 : pairs.length / required,
    predicted,
    correct,
    precision: predicted === 0 ? 1 : correct / predicted,
    junk,
    speaker: share(speakerRight.length, pairs.length),
    kind: share(pairs.filter((p) => p.predicted.kind === p.gold.kind).length, pairs.length),
    date: share(pairs.filter((p) => dateIsRight(p, publishedOf.get(p.file) ?? '', annotated.get(p.file)?.article.published ?? '')).length, pairs.length),
    recallByKind: Object.fromEntries([...byKind].map(([kind, [r, of]]) => [kind, share(r, of)])),
    foundByRule,
    misses,
    wrongSpeaker: pairs.filter((p) => !speakerRight.includes(p)),
    unmatched,
  };
}
