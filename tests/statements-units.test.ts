/** The units the attribution patterns read (units.ts): quotes and cues merged, sentence and paragraph starts marked. */
import { describe, expect, it } from 'vitest';
import { articleFromText } from '../src/corpus';
import { createPipeline } from '../src/pipeline';
import { findQuotes } from '../src/annotators/statements';
import { findCues } from '../src/annotators/statements/cue-scan';
import { speakerContext } from '../src/annotators/statements/speaker';
import { sentenceUnits, UNIT_ATTRIBUTES } from '../src/annotators/statements/units';

const pipeline = createPipeline();
function unitsOf(text: string, sentence = 0) {
  const article = articleFromText(text, { published: '2022-03-01' });
  const mentions = pipeline.annotate(article).mentions;
  const ctx = speakerContext(article, mentions, findQuotes(article), pipeline.cues);
  const s = article.sentences[sentence]!;
  const stream = sentenceUnits(ctx, s, findCues(ctx, s));
  // Each unit's attributes as the patterns read them.
  return stream.units.map((_, i) => Object.fromEntries([...UNIT_ATTRIBUTES].map(([name, read]) => [name, read(stream, i)])));
}

describe('sentenceUnits', () => {
  it('merges a quotation into one QUOTE unit and a cue with its particle into one CUE unit', () => {
    const units = unitsOf('"Sanctions are illegal," Wang Wenbin pointed out on Monday.');
    expect(units.map((u) => u.TEXT)).toEqual(['"Sanctions are illegal,"', 'Wang', 'Wenbin', 'pointed out', 'on', 'Monday', '.']);
    expect(units.map((u) => u.QUOTE)).toEqual([true, false, false, false, false, false, false]);
    expect(units[3]).toMatchObject({ CUE: 'verb', CUE_LEMMA: 'point', OBJECT: false });
    expect(units.filter((u) => u.CUE !== undefined)).toHaveLength(1);
  });
  it('leaves a verb that is no cue a token of its own ("pointed to" has no particle "out")', () => {
    const units = unitsOf('Wang pointed to the map.');
    expect(units.map((u) => u.TEXT)).toEqual(['Wang', 'pointed', 'to', 'the', 'map', '.']);
    expect(units.some((u) => u.CUE !== undefined)).toBe(false);
  });
  it('marks a phrase cue, the first word and the paragraph start', () => {
    const units = unitsOf('According to TASS, the drills will start on Monday.');
    expect(units[0]).toMatchObject({ TEXT: 'According to', CUE: 'phrase', FIRST_WORD: true, SENT_START: true, PARA_START: true });
    expect(units.filter((u) => u.FIRST_WORD)).toHaveLength(1);
  });
  it('a second sentence starts no paragraph', () => {
    const units = unitsOf('Wang spoke on Monday. Lavrov said the talks went well.', 1);
    expect(units[0]).toMatchObject({ TEXT: 'Lavrov', SENT_START: true, PARA_START: false, CASE: 'title' });
  });
});
