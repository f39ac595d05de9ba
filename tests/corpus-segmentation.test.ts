import { beforeAll, describe, expect, it } from 'vitest';
import { articleFromText, loadCorpus, type Article } from '../src/corpus';
import { SEED, SEEDS } from './helpers';

let articles: Article[];
beforeAll(async () => {
  articles = (await loadCorpus(SEEDS)).articles;
});
const seed = (id: string): Article => articles.find((a) => a.article_id === id)!;
const texts = (a: Article) => a.sentences.map((s) => s.text);
const sentenceWith = (a: Article, fragment: string) => {
  const found = a.sentences.filter((s) => s.text.includes(fragment));
  expect(found, fragment).toHaveLength(1);
  return found[0]!.text;
};

describe('abbreviations from the seeds', () => {
  it('"U.S. Secretary of State Antony Blinken" does not end a sentence (001)', () => {
    expect(sentenceWith(seed(SEED.ap), 'U.S. Secretary of State')).toBe(
      'During an hour-long phone conversation with U.S. Secretary of State Antony Blinken on Saturday, Wang said China opposes any moves that “add fuel to the flames” in Ukraine.',
    );
  });

  it('"on Feb. 4, after which" does not end a sentence (001)', () => {
    expect(sentenceWith(seed(SEED.ap), 'Feb. 4')).toBe(
      'Much attention has been paid to a meeting between Chinese leader Xi Jinping and President Vladimir Putin in Beijing on Feb. 4, after which a joint statement was issued affirming “strong mutual support for the protection of their core interests.”',
    );
  });

  it('"the U.S., Europe" keeps going; the next real sentence ("It says") splits (001)', () => {
    const a = seed(SEED.ap);
    expect(texts(a).slice(4, 6)).toEqual([
      'China has broken with the U.S., Europe and others that have imposed sanctions on Russia after its invasion of Ukraine.',
      'It says Washington is to blame for the conflict in Ukraine.',
    ]);
    expect(a.sentences[4]!.paragraph).toBe(a.sentences[5]!.paragraph);
  });

  it('"the U.N. at its core" and "a U.N. resolution" stay inside their sentences (004)', () => {
    expect(sentenceWith(seed(SEED.newsmax), 'U.N. at its core')).toMatch(/^"China and Russia should continue .* Wang added\.$/);
    expect(sentenceWith(seed(SEED.newsmax), 'a U.N. resolution')).toMatch(/^China and Russia last week vetoed .* nuclear weapons\.$/);
  });

  it('a dotted acronym before a usual sentence opener does end the sentence', () => {
    const a = articleFromText('Wang took a shot at the U.S. The move angered Washington.');
    expect(texts(a)).toEqual(['Wang took a shot at the U.S.', 'The move angered Washington.']);
  });

  it('titles and initials: "Gen. Milley" and "John F. Kennedy" are not split; "Dr." is not split', () => {
    const a = articleFromText('Gen. Milley met Dr. Li in Beijing. John F. Kennedy was not there.');
    expect(texts(a)).toEqual(['Gen. Milley met Dr. Li in Beijing.', 'John F. Kennedy was not there.']);
  });
});

describe('quotes spanning sentences (002)', () => {
  it('a multi-sentence quote is split into its sentences; the closing quote stays with the last one', () => {
    expect(texts(seed(SEED.newsweek)).slice(11, 14)).toEqual([
      'Beijing\'s implicit support for Ukraine thus far has come in the form of one oft-repeated phrase: "The sovereignty and territorial integrity of every country should be respected and safeguarded.',
      'The aims and principles of the UN Charter should be upheld.',
      'This is China\'s consistent position, and is it a basic norm governing international relations that all countries should subscribe to."',
    ]);
  });

  it('"…," he said, without elaborating. "We always stand…" — three sentences, quotes kept with their sentence', () => {
    expect(texts(seed(SEED.newsweek)).slice(8, 11)).toEqual([
      'China\'s position on the Ukraine crisis is "based on the merits of the matter itself," he said, without elaborating.',
      '"We always stand on the side of peace and justice."',
      'He then reiterated a description of the situation as "complex," refusing to back Kyiv outright.',
    ]);
  });

  it('a comma inside a closing quote does not end the sentence ("…coordination." then the quote goes on)', () => {
    expect(texts(seed(SEED.newsweek)).slice(6, 8)).toEqual([
      '"China and Russia are comprehensive strategic partners of coordination.',
      'China-Russia relations are based on non-alliance, non-confrontation and non-targeting of third countries," ministry spokesperson Wang Wenbin said.',
    ]);
  });

  it('a quote ending with a period inside curly quotes closes the sentence (003: "…sanctions," Wang said. "These measures…")', () => {
    expect(texts(seed(SEED.dw)).slice(9, 11)).toEqual([
      '"Countries should stand together to oppose all forms of unilateral sanctions," Wang said.',
      '"These measures will not be embraced by the international community."',
    ]);
  });
});

describe('headlines and subheadings without a final period', () => {
  it('002: the headline is its own sentence and paragraph', () => {
    const a = seed(SEED.newsweek);
    expect(a.sentences[0]).toMatchObject({ index: 0, paragraph: 0, start: 0, end: 44, text: 'Beijing Says China and Russia Are Not Allies' });
    expect(a.sentences[1]!.paragraph).toBe(1);
  });

  it('003: the headline and the subheading "What the ministers said" are their own sentences', () => {
    const a = seed(SEED.dw);
    expect(a.sentences[0]!.text).toBe('China, Russia accuse US of interference');
    expect(texts(a)).toContain('What the ministers said');
    expect(texts(a)).toContain('Top security individuals targeted');
  });

  it('a headline is not glued to the next line: 003 headline and first sentence are two sentences', () => {
    const a = seed(SEED.dw);
    expect(a.sentences[1]!.text).toBe('In a show of unity, the foreign ministers of China and Russia have met to condemn Western sanctions against them over human rights.');
  });
});

describe('counts per seed', () => {
  it('paragraphs, sentences and words after cleaning', () => {
    expect(articles.map((a) => [a.article_id, a.paragraphs.length, a.sentences.length])).toEqual([
      [SEED.kyivPost, 19, 19],
      [SEED.ap, 12, 15],
      [SEED.newsweek, 19, 36],
      [SEED.dw, 24, 26],
      [SEED.newsmax, 13, 13],
    ]);
  });
});

describe('offsets', () => {
  it('every sentence of every seed slices back to its text, in order, inside its paragraph', () => {
    let checked = 0;
    for (const a of articles) {
      let previousEnd = 0;
      for (const s of a.sentences) {
        expect(a.text.slice(s.start, s.end)).toBe(s.text);
        const p = a.paragraphs[s.paragraph]!;
        expect(s.start).toBeGreaterThanOrEqual(p.start);
        expect(s.end).toBeLessThanOrEqual(p.end);
        expect(s.start).toBeGreaterThanOrEqual(previousEnd);
        expect(s.text).toBe(s.text.trim());
        previousEnd = s.end;
        checked++;
      }
    }
    expect(checked).toBe(109);
  });

  it('every paragraph of every seed is covered by its sentences, losing only whitespace', () => {
    for (const a of articles) {
      for (const p of a.paragraphs) {
        const joined = a.sentences.filter((s) => s.paragraph === p.index).map((s) => s.text).join('');
        expect(joined.replace(/\s/g, '')).toBe(a.text.slice(p.start, p.end).replace(/\s/g, ''));
      }
    }
  });

  it('sentence indexes run 0..n-1', () => {
    for (const a of articles) expect(a.sentences.map((s) => s.index)).toEqual(a.sentences.map((_, i) => i));
  });
});
