import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRegistry, findMentions, KIT_REGISTRY, readRegistryFile } from '../src/annotators/actors';
import { articleFromText, loadCorpus } from '../src/corpus';
import type { CorpusInput } from '../src/corpus/read';
import { dataPath } from '../src/data';
import { createPipeline, type AnnotatedArticle } from '../src/pipeline';
import { endsSegment, inputKey, segmentsOf, SEGMENT_MAX_INPUTS, type Segment } from '../src/report/segments';
import { finishStages, type ReportStage } from '../src/tables/stage';
import type { Row } from '../src/tables/schema';
import type { ReportData } from '../src/tables/report-data';
import { createStages } from '../src/report/stages';
import { DEFAULT_WINDOW } from '../src/tables/periods';
import { SEEDS } from './helpers';

type Input = Extract<CorpusInput, { kind: 'input' }>;
const input = (n: number): Input => ({ kind: 'input', raw: { article_id: `a${n}`, file: 'corpus.jsonl', line: n, text: `Article ${n}.` } });

/** Inputs numbered from 0 whose keys end a segment (about 1 in 256), and some that do not. */
const boundaries: number[] = [];
const inner: number[] = [];
for (let n = 0; boundaries.length < 40 || inner.length < 200; n++) (endsSegment(inputKey(input(n))) ? boundaries : inner).push(n);

async function* items(numbers: readonly number[], skippedAt: ReadonlySet<number> = new Set()) {
  for (const [i, n] of numbers.entries()) {
    if (skippedAt.has(i)) yield { input: { kind: 'skipped', skipped: { file: 'corpus.jsonl', line: 10_000 + i, reason: 'not valid JSON' } } as CorpusInput, warnings: [] };
    yield { input: input(n) as CorpusInput, warnings: [] };
  }
}
async function collect(numbers: readonly number[], skippedAt?: ReadonlySet<number>): Promise<Segment[]> {
  const segments: Segment[] = [];
  for await (const s of segmentsOf(items(numbers, skippedAt))) segments.push(s);
  return segments;
}
const lines = (s: Segment) => s.items.map((i) => (i.input.kind === 'input' ? i.input.raw.line : `skipped ${i.input.skipped.line}`));

describe('segments of the corpus', () => {
  it('end after each input whose key ends a segment, and at the end of the corpus', async () => {
    const [b0, b1] = boundaries as [number, number];
    const [i0, i1, i2] = inner as [number, number, number];
    const segments = await collect([i0, b0, i1, i2, b1, i0 + 100_000]);
    expect(segments.map(lines)).toEqual([[i0, b0], [i1, i2, b1], [i0 + 100_000]]);
    expect(new Set(segments.map((s) => s.key)).size).toBe(3);
    // the key of a segment is its inputs': the same inputs give the same key
    expect((await collect([i1, i2, b1]))[0]!.key).toBe(segments[1]!.key);
    expect((await collect([i1, b1]))[0]!.key).not.toBe(segments[1]!.key);
  });

  it('hold skipped inputs too, in order, and their key changes with them', async () => {
    const [b0] = boundaries as [number];
    const [i0, i1] = inner as [number, number];
    const plain = await collect([i0, i1, b0]);
    const withSkip = await collect([i0, i1, b0], new Set([1]));
    expect(withSkip.map(lines)).toEqual([[i0, 'skipped 10001', i1, b0]]);
    expect(withSkip[0]!.key).not.toBe(plain[0]!.key);
  });

  it(`are cut at ${SEGMENT_MAX_INPUTS} inputs when no key ends one`, async () => {
    const many = Array.from({ length: SEGMENT_MAX_INPUTS + 5 }, (_, i) => inner[i % inner.length]! + 1_000_000 * Math.floor(i / inner.length));
    const segments = await collect(many.map((n) => (endsSegment(inputKey(input(n))) ? n + 500_000_000 : n)));
    expect(segments.map((s) => s.items.length)).toEqual([SEGMENT_MAX_INPUTS, 5]);
  });

  it('adding an input anywhere changes the key of one segment only (property)', async () => {
    const pool = [...boundaries.slice(0, 20), ...inner.slice(0, 60)];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 60 }), fc.nat(), async (picked, at) => {
        const corpus = [...new Set(picked)];
        const added = inner[100 + (at % 50)]!;
        const position = at % (corpus.length + 1);
        const before = (await collect(corpus)).map((s) => s.key);
        const after = (await collect([...corpus.slice(0, position), added, ...corpus.slice(position)])).map((s) => s.key);
        expect(before.filter((k) => !after.includes(k)).length).toBeLessThanOrEqual(1);
        expect(after.filter((k) => !before.includes(k)).length).toBe(1);
      }),
      { numRuns: 60 },
    );
  });
});

describe('stage aggregates merged segment by segment', () => {
  let annotated: AnnotatedArticle[];
  beforeAll(async () => {
    const pipeline = createPipeline();
    // without three people in the registry, so unregistered.csv has rows to merge
    const kit = readRegistryFile(dataPath(KIT_REGISTRY));
    const lacking = createRegistry({ ...kit, actors: kit.actors.filter((a) => !['alexander-bortnikov', 'josep-borrell', 'chen-mingguo'].includes(a.id)) });
    // and a sixth article naming one of them again, so his counts span two articles
    const sixth = articleFromText('EU foreign policy chief Josep Borrell spoke in Brussels. Borrell said the EU would act.', { article_id: 'sixth', published: '2022-05-01' });
    annotated = [...(await loadCorpus(SEEDS)).articles, sixth].map((article) => ({ ...pipeline.annotate(article), mentions: findMentions(article, lacking) }));
  });

  /** Every aggregate table, after merging the articles split into the given parts, each part's state through JSON as the cache keeps it. */
  function tablesFromParts(parts: AnnotatedArticle[][]) {
    const stages = createStages(createPipeline(), { window: DEFAULT_WINDOW }) as ReportStage[];
    for (const part of parts) {
      for (const stage of stages) {
        const partial = stage.partial?.();
        if (!partial) continue;
        for (const a of part) partial.add(stage.digest(a).tally);
        stage.merge!(JSON.parse(JSON.stringify(partial.state())));
      }
    }
    // The aggregate tables, then what the charts read of them.
    const { tables, data } = finishStages(stages);
    return [...tables.map(({ spec, rows }) => [spec.name, rows] as const), ['report data', data] as const];
  }

  it('give the same tables and report data as one part holding every article, for every split of the seeds and one more', () => {
    const whole = tablesFromParts([annotated]);
    const rowsOf = (name: string) => whole.find(([n]) => n === name)![1] as Row[];
    expect(rowsOf('unregistered').map((r) => [r.actor_id, r.count, r.articles])).toEqual([
      ['unregistered:josep-borrell', 3, 2],
      ['unregistered:alexander-bortnikov', 1, 1],
      ['unregistered:chen-mingguo', 1, 1],
    ]);
    expect(
      rowsOf('cooccurrence')
        .filter((r) => r.window === 'sentence' && r.actor_a === 'china' && r.actor_b === 'russia')
        .map((r) => [r.period, r.count]),
    ).toEqual([
      ['2021', 7],
      ['2022', 29],
      ['2024', 10],
    ]);
    expect(rowsOf('statements_by_speaker').length).toBeGreaterThan(5);
    const data = whole.at(-1)![1] as Partial<ReportData>;
    expect(Object.keys(data).sort()).toEqual(['articles', 'cooccurrence', 'cooccurrence_explorer', 'explorer', 'keyness', 'statements', 'statements_by_country', 'statements_by_speaker', 'themes_by_country', 'themes_by_year', 'unregistered']);
    expect([data.articles!.total, data.articles!.list.length, data.articles!.dates]).toEqual([6, 6, { from: '2021-03-23', to: '2024-04-10', undated: 0 }]);
    expect(data.statements!.cells.reduce((n, c) => n + c.count, 0)).toBe(data.statements!.inWindow);
    // the 32 ways to cut 6 articles into consecutive parts
    for (let cuts = 0; cuts < 32; cuts++) {
      const parts: AnnotatedArticle[][] = [[]];
      annotated.forEach((a, i) => {
        if (i > 0 && cuts & (1 << (i - 1))) parts.push([]);
        parts.at(-1)!.push(a);
      });
      expect(tablesFromParts(parts), `cuts ${cuts.toString(2)}`).toEqual(whole);
    }
  });
});
