/**
 * Theme coding scored against a devset-format gold file, statement by statement:
 * every gold statement carries the themes a careful reader codes it with, and for
 * each gold statement the kit found (matched as `scoreDevsetStatements` matches
 * them: the gold fragment lies at least half inside the prediction's content,
 * one-to-one, in text order) the kit's themes for that statement (the themes of the
 * matches whose `statement_id` is its id) are compared with the gold's.
 *
 * Required and optional gold statements alike are scored when found (optional ones
 * carry themes too); gold statements the kit did not find are not scored here (they
 * are the statement extractor's misses) but are counted, with their themes, in
 * `unscored`.
 */
import type { Article } from '../corpus/types';
import type { Statement, ThemeMatch } from '../annotators/types';
import { themeScore, type ThemeScore } from '../annotators/themes/evaluate';
import { locate, overlap, type GoldArticle, type GoldStatement } from './devset';

export interface ThemeDisagreement {
  file: string;
  gold: GoldStatement;
  /** The kit's statement the gold one was matched to. */
  predicted: Statement;
  /** Gold themes the kit did not code. */
  missed: string[];
  /** Themes the kit coded that the gold lacks. */
  extra: string[];
}

export interface DevsetThemeScores {
  /** Gold statements found by the kit and scored. */
  statements: number;
  /** Gold statements the kit did not find (not scored), and how many of them carry a theme. */
  unscored: { statements: number; withThemes: number };
  /** Per theme, in codebook order (then any theme only the gold uses). */
  themes: ThemeScore[];
  /** Pooled over every theme. */
  micro: ThemeScore;
  /** Gold statements with at least one theme, per theme (found or not): which themes are large enough to score alone. */
  goldCounts: Record<string, number>;
  disagreements: ThemeDisagreement[];
}

/** The annotations the theme scorer reads for one article (a pipeline's AnnotatedArticle has them). */
export interface ThemeAnnotations {
  article: Article;
  statements: readonly Statement[];
  themes: readonly ThemeMatch[];
}

/**
 * The kit's statement for each gold statement of an article, or undefined where
 * none matches: the rule of `scoreDevsetStatements` (src/evaluate/statements.ts),
 * which the tests hold this to (same statements found on the devset).
 */
export function matchGoldStatements(gold: GoldArticle, article: Article | undefined, statements: readonly Statement[]): (Statement | undefined)[] {
  const text = article?.text ?? '';
  const used = new Set<Statement>();
  return gold.statements.map((gs) => {
    const at = locate(text, gs.quote);
    if (!at) return undefined;
    const need = (at[1] - at[0]) / 2;
    const hit = statements.find((s) => !used.has(s) && overlap([s.content_start, s.content_end], at) >= need);
    if (hit) used.add(hit);
    return hit;
  });
}

/** Scores the kit's themes against the gold's, statement by statement (see the module comment). */
export function scoreDevsetThemes(gold: readonly GoldArticle[], annotated: ReadonlyMap<string, ThemeAnnotations>, themeIds: readonly string[]): DevsetThemeScores {
  const goldIds = gold.flatMap((g) => g.statements.flatMap((s) => s.themes));
  const ids = [...new Set([...themeIds, ...goldIds])];
  const counts = new Map(ids.map((id) => [id, { tp: 0, fp: 0, fn: 0 }]));
  const goldCounts: Record<string, number> = Object.fromEntries(ids.map((id) => [id, 0]));
  const disagreements: ThemeDisagreement[] = [];
  let scored = 0;
  const unscored = { statements: 0, withThemes: 0 };
  for (const g of gold) {
    const a = annotated.get(g.file);
    const statements = a?.statements ?? [];
    const coded = new Map<string, Set<string>>();
    for (const m of a?.themes ?? []) {
      if (m.statement_id === '') continue;
      let set = coded.get(m.statement_id);
      if (!set) coded.set(m.statement_id, (set = new Set()));
      set.add(m.theme);
    }
    matchGoldStatements(g, a?.article, statements).forEach((predicted, i) => {
      const gs = g.statements[i]!;
      const expected = new Set(gs.themes);
      for (const t of expected) goldCounts[t] = (goldCounts[t] ?? 0) + 1;
      if (!predicted) {
        unscored.statements++;
        if (expected.size > 0) unscored.withThemes++;
        return;
      }
      scored++;
      const got = coded.get(predicted.statement_id) ?? new Set<string>();
      for (const id of ids) {
        const c = counts.get(id)!;
        if (expected.has(id) && got.has(id)) c.tp++;
        else if (got.has(id)) c.fp++;
        else if (expected.has(id)) c.fn++;
      }
      const missed = ids.filter((t) => expected.has(t) && !got.has(t));
      const extra = ids.filter((t) => got.has(t) && !expected.has(t));
      if (missed.length || extra.length) disagreements.push({ file: g.file, gold: gs, predicted, missed, extra });
    });
  }
  const themes = ids.map((id) => {
    const c = counts.get(id)!;
    return themeScore(id, c.tp, c.fp, c.fn);
  });
  const sum = (k: 'tp' | 'fp' | 'fn') => themes.reduce((n, t) => n + t[k], 0);
  return { statements: scored, unscored, themes, micro: themeScore('(micro)', sum('tp'), sum('fp'), sum('fn')), goldCounts, disagreements };
}
