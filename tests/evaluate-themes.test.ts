import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { articleFromText, loadCorpus } from '../src/corpus';
import { createPipeline, type AnnotatedArticle, type Pipeline } from '../src/pipeline';
import { loadDevsetGold, type GoldArticle, type GoldStatement } from '../src/evaluate/devset';
import { scoreDevsetStatements } from '../src/evaluate/statements';
import { matchGoldStatements, scoreDevsetThemes } from '../src/evaluate/themes';
import { evaluateThemes, loadGold } from '../src/annotators/themes';

const DEVSET = resolve(__dirname, 'fixtures/devset');

let pipeline: Pipeline;
let devset: { gold: GoldArticle[]; annotated: Map<string, AnnotatedArticle> };
beforeAll(async () => {
  pipeline = createPipeline();
  const gold = loadDevsetGold(join(DEVSET, 'gold.json'));
  const corpus = await loadCorpus(join(DEVSET, 'articles'));
  devset = { gold, annotated: new Map(corpus.articles.map((a) => [a.file, pipeline.annotate(a)])) };
});

const ids = () => pipeline.codebook.themes.map((t) => t.id);

function goldStatement(quote: string, themes: string[], over: Partial<GoldStatement> = {}): GoldStatement {
  return { speaker: 'Jens Stoltenberg', speaker_type: 'person', speaker_country: 'NATO', cue: 'said', kind: 'direct', quote, required: true, themes, ...over };
}

describe('themes scored against devset-format gold, statement by statement', () => {
  // The opening of devset article 25 (A News, AFP copy), as published.
  const text =
    'NATO Secretary General Jens Stoltenberg called Monday for China to face consequences if it keeps supporting Russia, accusing Beijing of worsening the Ukraine war while seeking better relations with the West.\n\n' +
    '"Beijing cannot have it both ways. At some point -- and unless China changes course -- allies need to impose a cost. There should be consequences," Stoltenberg said at the Wilson Center in Washington.';

  /** The article above as a devset gold entry holding `statements`. */
  const goldArticle = (statements: GoldArticle['statements']): GoldArticle => ({ file: 'a.txt', url: '', outlet: '', published: '2024-06-17', published_evidence: '', excluded: [], actors: [], statements });

  it('compares the themes of each gold statement the kit found with the gold\'s, and counts the ones it did not find', () => {
    const article = articleFromText(text, { file: 'a.txt', published: '2024-06-17' });
    const annotated = pipeline.annotate(article);
    const gold = goldArticle([
      goldStatement('allies need to impose a cost. There should be consequences', ['western_warnings']),
      // Coded here, for the test, as if the gold saw a peace call in it: a miss.
      goldStatement('Beijing cannot have it both ways. At some point', ['western_warnings', 'peace_dialogue']),
      goldStatement('a sentence that is not in the article at all', ['taiwan']),
    ]);
    const s = scoreDevsetThemes([gold], new Map([['a.txt', annotated]]), ids());
    // Both quotes lie in the one direct statement; the second gold statement finds it used.
    expect(matchGoldStatements(gold, article, annotated.statements).map((p) => p?.kind)).toEqual(['direct', undefined, undefined]);
    expect([s.statements, s.unscored]).toEqual([1, { statements: 2, withThemes: 2 }]);
    const ww = s.themes.find((t) => t.theme === 'western_warnings')!;
    expect([ww.tp, ww.fp, ww.fn]).toEqual([1, 0, 0]);
    expect([s.micro.tp, s.micro.fp, s.micro.fn]).toEqual([1, 0, 0]);
    expect(s.goldCounts.western_warnings).toBe(2);
    expect(s.disagreements).toEqual([]);
  });

  it('lists a disagreement with the statement, the missed and the extra themes', () => {
    const article = articleFromText(text, { file: 'a.txt', published: '2024-06-17' });
    const annotated = pipeline.annotate(article);
    const gold = goldArticle([goldStatement('allies need to impose a cost. There should be consequences', ['taiwan'])]);
    const s = scoreDevsetThemes([gold], new Map([['a.txt', annotated]]), ids());
    expect(s.disagreements.map((d) => [d.predicted.speaker, d.missed, d.extra])).toEqual([['Jens Stoltenberg', ['taiwan'], ['western_warnings']]]);
    expect([s.micro.tp, s.micro.fp, s.micro.fn, s.micro.precision, s.micro.recall]).toEqual([0, 1, 1, 0, 0]);
  });

  it('finds on the devset the statements the statement scorer finds (one matching rule)', () => {
    const statements = scoreDevsetStatements(devset.gold, devset.annotated, pipeline.registry);
    let foundRequired = 0;
    for (const g of devset.gold) {
      const a = devset.annotated.get(g.file)!;
      matchGoldStatements(g, a.article, a.statements).forEach((p, i) => {
        if (p && g.statements[i]!.required) foundRequired++;
      });
    }
    expect(foundRequired).toBe(statements.found);
  });
});

describe('theme coding on the devset (30 real articles; the codebook was revised against their gold)', () => {
  it('keeps its statement-level figures at the floors measured at this version', () => {
    const s = scoreDevsetThemes(devset.gold, devset.annotated, ids());
    // Measured with codebook 2024.2: 186 gold statements scored, precision 0.959, recall 0.975, F1 0.967.
    expect(s.statements).toBeGreaterThanOrEqual(180);
    expect(s.micro.precision).toBeGreaterThanOrEqual(0.94);
    expect(s.micro.recall).toBeGreaterThanOrEqual(0.96);
    expect(s.micro.f1).toBeGreaterThanOrEqual(0.95);
    // The target: recall 0.70 or more for every theme with five gold statements or more.
    const large = s.themes.filter((t) => (s.goldCounts[t.theme] ?? 0) >= 5);
    expect(large.map((t) => t.theme).sort()).toEqual(
      ['bloc_confrontation', 'economic_cooperation', 'interference', 'multipolarity', 'nato_security', 'partnership', 'peace_dialogue', 'root_causes', 'western_warnings'].sort(),
    );
    expect(large.filter((t) => (t.recall ?? 0) < 0.7).map((t) => [t.theme, t.recall])).toEqual([]);
  });

  it('keeps the in-sample seed figures (89 hand-coded seed sentences) without a false positive', () => {
    const result = evaluateThemes(loadGold(join(__dirname, 'fixtures/themes-gold.yaml')), pipeline.codebook);
    // Measured: 78 tp, 0 fp, 7 fn (before this version: 71, 0, 14).
    expect([result.micro.tp, result.micro.fp]).toEqual([78, 0]);
    expect(result.micro.f1).toBeGreaterThanOrEqual(0.957);
  });
});
