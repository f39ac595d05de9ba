/**
 * Reporting verbs read by lemma from a published resource of communication verbs
 * (cues.yaml: VerbNet classes), with a part-of-speech check, and the attribution
 * pattern each statement records in its `rule`. Real sentences of news copy, a near
 * miss beside each.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { articleFromText } from '../src/corpus';
import { createPipeline, type Pipeline } from '../src/pipeline';
import { findQuotes, loadCues } from '../src/annotators/statements';
import { tempCorpus } from './helpers';
import { join } from 'node:path';

let pipeline: Pipeline;
beforeAll(() => {
  pipeline = createPipeline();
});

const statements = (text: string, published = '2021-06-16') =>
  pipeline.annotate(articleFromText(text, { published })).statements.map((s) => [s.speaker, s.cue, s.kind, s.rule, s.text]);

describe('cue verbs by lemma', () => {
  it('reads any inflection of a listed lemma: hailed, underlined', () => {
    expect(statements('Russian President Vladimir Putin hailed a high level of trust and cooperation in all areas.')).toEqual([
      ['Vladimir Putin', 'hailed', 'indirect', 'speaker-cue-content', 'a high level of trust and cooperation in all areas'],
    ]);
    expect(statements('Russian Foreign Minister Sergei Lavrov underlined that the relationship was higher than any alliance.')).toEqual([
      ['Sergey Lavrov', 'underlined', 'indirect', 'speaker-cue-content', 'the relationship was higher than any alliance'],
    ]);
  });

  it('takes a particle that belongs to the cue, and no cue without it', () => {
    expect(statements('Maria Zakharova pointed out that China focused on the western Pacific.')).toEqual([
      ['Maria Zakharova', 'pointed out', 'indirect', 'speaker-cue-content', 'China focused on the western Pacific'],
    ]);
    expect(statements('The Kremlin pointed to China as an example of a major power offering friendship.')).toEqual([]);
  });

  it('is no cue where the tagger reads a noun after a determiner or a proper noun', () => {
    expect(statements('China issued a warning over the drills near the island.')).toEqual([]);
    expect(statements('The US Secretary of State met Russian think tank leaders.')).toEqual([]);
  });
});

describe('according-to phrases', () => {
  it('name the source after the content, "as reported by" too', () => {
    expect(statements('Putin made his most recent trip to Beijing in October, as reported by CNN.')).toEqual([
      ['CNN', 'as reported by', 'indirect', 'according-to', 'Putin made his most recent trip to Beijing in October'],
    ]);
  });
});

describe('the cue lexicon file', () => {
  it('refuses an inflected form where a lemma is due, naming the file and entry', () => {
    const dir = tempCorpus({
      'cues.yaml':
        'version: 2\nverbs:\n  say-37.7: [said]\nphrases: [according to]\nspeaker_nouns: { refers_person: [], organization: [], unnamed: [] }\npronouns: { he: male }\nplural_pronouns: [they]\n',
    });
    expect(() => loadCues(join(dir, 'cues.yaml'))).toThrow(/cues\.yaml: invalid data\n\s+verbs\.say-37\.7\[0\]: "said" is not a lemma \(the tagger reads it as "say"\)/);
  });

  it('loads the kit lexicon with each lemma and its VerbNet class', () => {
    const cues = loadCues();
    expect(cues.verbs.get('hail')).toEqual({ source: 'judgment-33', object: false });
    expect(cues.verbs.get('tell')).toEqual({ source: 'tell-37.2', object: true });
    expect(cues.verbs.has('said')).toBe(false);
  });
});

describe('organisation and document nouns as speakers', () => {
  it('resolve "the ministry" to the ministry named before, and "the statement" to the institution that issued it', () => {
    const text =
      "China's Ministry of National Defense said in a statement that the partnership has seen high-level development. The militaries have deepened cooperation in various fields, the statement said. Two destroyers joined the drill, the ministry said.";
    expect(pipeline.annotate(articleFromText(text, { published: '2021-11-24' })).statements.map((s) => [s.speaker, s.speaker_id, s.speaker_country])).toEqual([
      ['Chinese Ministry of National Defense', 'china-mnd', 'CHN'],
      ['Chinese Ministry of National Defense', 'china-mnd', 'CHN'],
      ['Chinese Ministry of National Defense', 'china-mnd', 'CHN'],
    ]);
  });

  it('leave a document noun unresolved when the last speaker is a person, and an institution noun when no such institution was named', () => {
    const text = 'Xi told Lavrov that China attached great importance to relations with Moscow. The two sides agreed to keep close exchanges, the readout said. The drill was routine, the fleet said.';
    expect(pipeline.annotate(articleFromText(text, { published: '2024-04-09' })).statements.slice(1).map((s) => [s.speaker, s.speaker_id, s.speaker_type])).toEqual([
      ['readout', '', 'organization'],
      ['fleet', '', 'organization'],
    ]);
  });
});

describe('attribution after the content', () => {
  it('reads "…, X said at the meeting." with the circumstance after the cue left out of the content', () => {
    expect(statements('The friendship between Russia and China is very strong, Lavrov said at the meeting.', '2021-03-25')).toEqual([
      ['Sergey Lavrov', 'said', 'indirect', 'content-speaker-cue', 'The friendship between Russia and China is very strong'],
    ]);
    expect(statements('Lavrov said at the meeting that the friendship between Russia and China was very strong.', '2021-03-25')).toEqual([
      ['Sergey Lavrov', 'said', 'indirect', 'speaker-cue-content', 'the friendship between Russia and China was very strong'],
    ]);
  });

  it('reads the inverted "…, said TITLE NAME." with the person as speaker, not the title\'s organisation', () => {
    expect(statements("NATO's claim about China's responsibility in the Ukraine war is unjustified, said Chinese Foreign Ministry spokesman Lin Jian.", '2024-07-11')).toEqual([
      ['Lin Jian', 'said', 'indirect', 'content-cue-speaker', "NATO's claim about China's responsibility in the Ukraine war is unjustified"],
    ]);
    // A subject with an appositive before the cue is no content of its own.
    expect(statements('Treasury Secretary Janet Yellen, who wrapped up a visit to China on Monday, said she had warned officials of the consequences.', '2024-04-10').map((s) => s[3])).toEqual(['speaker-cue-content']);
  });

  it('continues the sentence\'s last speaker with a participle, and reads none without one', () => {
    expect(statements('All parties should push for a proper settlement of the Ukraine crisis, Xi said, adding that China would play its due role.', '2022-06-15')).toEqual([
      ['Xi Jinping', 'said', 'indirect', 'content-speaker-cue', 'All parties should push for a proper settlement of the Ukraine crisis'],
      ['Xi Jinping', 'adding', 'indirect', 'participle', 'China would play its due role'],
    ]);
    expect(statements('Russian troops moved closer to Kharkiv, adding pressure on the defenders of the city.', '2022-06-15')).toEqual([]);
  });
});

describe('joint statements', () => {
  it('give two actors speaking as one subject one statement, both names and ids joined', () => {
    const [s] = pipeline.annotate(articleFromText('China and Russia condemned Western sanctions against them at the meeting in Guilin.', { published: '2021-03-23' })).statements;
    expect([s?.speaker, s?.speaker_id, s?.speaker_type, s?.speaker_country]).toEqual(['China and Russia', 'china+russia', 'state', '']);
  });

  it('keep one speaker when the first actor is no subject of the cue', () => {
    const [s] = pipeline.annotate(articleFromText('In talks with China, Russia condemned Western sanctions against them.', { published: '2021-03-23' })).statements;
    expect([s?.speaker, s?.speaker_id]).toEqual(['Russia', 'russia']);
  });
});

describe('a role appositive between speaker and cue', () => {
  it('is passed over, with or without an article, and the addressee after "told" is never the speaker', () => {
    expect(statements('The meeting was to destroy Russian-Chinese ties, Deng Yuwen, an independent political commentator and international relations scholar, told Sing Tao Daily.')).toEqual([
      ['Deng Yuwen', 'told', 'indirect', 'content-speaker-cue', 'The meeting was to destroy Russian-Chinese ties'],
    ]);
    expect(statements('Hui Ching, research director at the Charhar Institute, told reporters that China was the closest ally of Russia.')).toEqual([
      ['Hui Ching', 'told', 'indirect', 'speaker-cue-content', 'China was the closest ally of Russia'],
    ]);
  });

  it('is not passed over when it names no role', () => {
    expect(statements('Zhang Wei, who lives in Guilin, said the ties were close.').map((s) => s[0])).toEqual(['Zhang Wei']);
    expect(statements('The talks in Moscow, long delayed and tense, ended.')).toEqual([]);
  });
});

describe('the same speaker going on', () => {
  it('a verb after "and" starts a statement of the same speaker, the first ending before it', () => {
    expect(statements('At the end of the visit, Chinese special envoy Li Hui said that there is no panacea for war, and called on all parties to create conditions for peace negotiations.', '2023-06-02')).toEqual([
      ['Li Hui', 'said', 'indirect', 'speaker-cue-content', 'there is no panacea for war'],
      ['Li Hui', 'called', 'indirect', 'participle', 'on all parties to create conditions for peace negotiations'],
    ]);
    // No speaker before it in the sentence: "and" joins no statement.
    expect(statements('The talks stalled and warned observers of nothing in particular today.', '2023-06-02')).toEqual([]);
  });

  it('"a spokesman added", "according to him" and "it added" point back to the speaker before', () => {
    const text =
      'Chinese Foreign Ministry spokesman Lin Jian said the claims were groundless. The allegations of the US authorities have no basis, a spokesman added. According to him, the trade is normal and mutually beneficial.';
    expect(pipeline.annotate(articleFromText(text, { published: '2024-07-25' })).statements.map((s) => [s.speaker_id, s.cue])).toEqual([
      ['lin-jian', 'said'],
      ['lin-jian', 'added'],
      ['lin-jian', 'According to'],
    ]);
    const org = "The Russian Foreign Ministry said in its statement that the ministers would discuss cooperation. It added that a deep exchange of views is scheduled on many topics.";
    expect(pipeline.annotate(articleFromText(org, { published: '2024-04-08' })).statements.map((s) => s.speaker_id)).toEqual(['russia-mfa', 'russia-mfa']);
  });

  it('"According to X," opening a sentence names the source of what follows', () => {
    expect(statements('As reported by OBOZ.UA, North Korean troops may be sent to the Kursk region of the Russian Federation.', '2024-10-24')).toEqual([
      ['OBOZ.UA', 'As reported by', 'indirect', 'according-to', 'North Korean troops may be sent to the Kursk region of the Russian Federation'],
    ]);
    expect(statements('According to reports from Russian state news agency TASS, Lavrov and Wang discussed the situation in Ukraine.', '2024-04-09').map((s) => [s[0], s[3]])).toEqual([['TASS', 'according-to']]);
  });

  it('passes over "meanwhile" and a date between speaker and cue', () => {
    expect(statements("Russia, meanwhile, said it does not need China's help.", '2022-03-17').map((s) => [s[0], s[4]])).toEqual([['Russia', "it does not need China's help"]]);
    expect(statements('US National Security Advisor Jake Sullivan on March 15, warned China against helping Russia evade sanctions.', '2022-03-17').map((s) => s[0])).toEqual(['Jake Sullivan']);
  });
});

describe('a title between the content\'s comma and the speaker', () => {
  it('is passed over: "…, the Russian Defense Ministry said Thursday.", "…, President Volodymyr Zelensky said on Oct. 22."', () => {
    expect(statements("Russia and China's navies have kicked off joint naval maneuvers in the Sea of Japan, the Russian Defense Ministry said Thursday.", '2021-10-15').map((s) => [s[0], s[3], s[4]])).toEqual([
      ['Russian Defence Ministry', 'content-speaker-cue', "Russia and China's navies have kicked off joint naval maneuvers in the Sea of Japan"],
    ]);
    expect(statements('Two North Korean brigades are currently undergoing training in Russia, President Volodymyr Zelensky said on Oct. 22.', '2024-10-24').map((s) => [s[0], s[3]])).toEqual([
      ['Volodymyr Zelensky', 'content-speaker-cue'],
    ]);
  });

  it('is no title when it opens with a preposition, and a participle trails no content', () => {
    expect(statements('Politicians around Europe have condemned the sanctions, with EU foreign policy chief Josep Borrell describing them as "regrettable and unacceptable."', '2021-03-23').map((s) => [s[0], s[2]])).toEqual([
      ['Josep Borrell', 'mixed'],
    ]);
  });

  it('a participle opening the content continues the sentence\'s subject', () => {
    expect(statements('The United States hit back, saying Xi should have used the meeting to push for lowering of tensions in Ukraine.', '2022-02-05')).toEqual([
      ['United States', 'saying', 'indirect', 'participle', 'Xi should have used the meeting to push for lowering of tensions in Ukraine'],
    ]);
  });
});

describe('plural speakers', () => {
  it('"the two nations" are the story\'s most-named pair of states, not the last two named', () => {
    const text = 'China and Russia declared a partnership. Russia and China backed each other over Ukraine and Taiwan as the two nations said their relationship was superior to any alliance.';
    const s = pipeline.annotate(articleFromText(text, { published: '2022-02-05' })).statements.find((x) => x.cue === 'said');
    expect([s?.speaker, s?.speaker_id]).toEqual(['China and Russia', 'china+russia']);
  });

  it('"the pair" are two people; a plural with no two actors of its type named before stays unnamed', () => {
    const pair = 'Wang Yi met Sergei Lavrov in Guilin. Speaking after the meeting, the pair said the two countries were working together.';
    expect(pipeline.annotate(articleFromText(pair, { published: '2021-03-23' })).statements.map((x) => x.speaker_id)).toEqual(['wang-yi+sergey-lavrov']);
    const alone = 'Officials met in Guilin. The leaders said the talks went well and would go on.';
    expect(pipeline.annotate(articleFromText(alone, { published: '2021-03-23' })).statements.map((x) => [x.speaker, x.speaker_type])).toEqual([['The leaders', 'unnamed']]);
  });
});

describe('a speaker no actor resolves', () => {
  it('still speaks by the word used when it is one proper noun before the cue', () => {
    expect(statements('At the security conference, Wang said China was "deeply concerned" by the extended crisis.', '2023-02-21').map((s) => [s[0], s[2]])).toEqual([['Wang', 'mixed']]);
  });

  it('is no speaker as the object of a preposition', () => {
    expect(statements('Politicians around Europe have condemned the retaliatory sanctions on lawmakers.', '2021-03-23').map((s) => s[0])).toEqual([]);
  });
});

describe('a participle opening the sentence', () => {
  it('is the statement of the subject after its comma', () => {
    expect(statements('Noting that Russia-China relations are in the best period in history, Putin said Russia values the cooperation.', '2024-09-05').slice(0, 1)).toEqual([
      ['Vladimir Putin', 'Noting', 'indirect', 'participle', 'Russia-China relations are in the best period in history'],
    ]);
  });

  it('is none when no actor follows the comma', () => {
    expect(statements('Noting the late hour, the talks were adjourned until the morning.', '2024-09-05')).toEqual([]);
  });
});

describe('quote marks', () => {
  it('pair „…“ and «…» as well as “…”', () => {
    expect(statements('„We will never accept this pressure,“ Maria Zakharova said.', '2023-06-02').map((s) => [s[0], s[2], s[4]])).toEqual([['Maria Zakharova', 'direct', 'We will never accept this pressure,']]);
    expect(statements('«We will never accept this pressure», Maria Zakharova said.', '2023-06-02').map((s) => [s[0], s[2], s[4]])).toEqual([['Maria Zakharova', 'direct', 'We will never accept this pressure']]);
  });

  it('still take a second “ before the first closed as the first left open, but not after „', () => {
    const closedness = (t: string) => findQuotes(articleFromText(t, {})).map((q) => [t.slice(q.contentStart, q.contentEnd), q.closed]);
    expect(closedness('“We reject this “pressure” from outside.')).toEqual([
      ['We reject this', false],
      ['pressure', true],
    ]);
    expect(closedness('„We reject this pressure“ from outside.')).toEqual([['We reject this pressure', true]]);
  });
});

describe('speaker labels', () => {
  it('make a transcript paragraph the labelled person\'s direct statement', () => {
    const text = 'ANTONY BLINKEN: We have been very clear with China about the consequences.\n\nMARGARET BRENNAN: What would those consequences be for Beijing?';
    expect(pipeline.annotate(articleFromText(text, { published: '2023-02-19' })).statements.map((s) => [s.speaker, s.speaker_id, s.kind, s.rule])).toEqual([
      ['Antony Blinken', 'antony-blinken', 'direct', 'label'],
      ['Margaret Brennan', 'unregistered:margaret-brennan', 'direct', 'label'],
    ]);
  });

  it('are no labels when they name a place or a rubric', () => {
    expect(statements('BEIJING: The talks resumed on Monday after a long pause.\n\nUPDATE: More talks are planned for the coming week.', '2023-02-19')).toEqual([]);
  });
});

describe('a quote paragraph after a statement', () => {
  it('continues the speaker of the paragraph before', () => {
    const text =
      'Chinese Ambassador to Russia Zhang Hanhui said the alliance should have been broken up when the Cold War ended.\n\n“However, it continues to thrive, sustaining itself by constantly instigating warfare and conflicts.”';
    expect(pipeline.annotate(articleFromText(text, { published: '2023-08-03' })).statements.map((s) => [s.speaker_id, s.rule])).toEqual([
      ['zhang-hanhui', 'speaker-cue-content'],
      ['zhang-hanhui', 'continuation'],
    ]);
  });

  it('does not when the paragraph before holds no statement, or the quote is only part of its paragraph', () => {
    const none = 'The talks ended late on Tuesday in Moscow.\n\n“However, it continues to thrive, sustaining itself by constantly instigating warfare.”';
    expect(pipeline.annotate(articleFromText(none, { published: '2023-08-03' })).statements).toEqual([]);
    const part = 'Zhang Hanhui said the alliance should have been broken up.\n\n“It thrives on conflict,” a headline in the Global Times read as the talks went on.';
    expect(pipeline.annotate(articleFromText(part, { published: '2023-08-03' })).statements.map((s) => s.rule)).not.toContain('continuation');
  });
});

describe('a title between an inverted cue and the name', () => {
  it('is part of the speaker, and the person it titles speaks', () => {
    expect(statements('"We will not allow this to stand," said Sen. Bob Menendez, the committee chairman.', '2022-03-01').map((s) => [s[0], s[3]])).toEqual([['Bob Menendez', 'quote-cue-speaker']]);
    expect(statements('"The council must act," said Russia\'s Permanent Representative to the United Nations Vassily Nebenzia.', '2022-03-01').map((s) => [s[0], s[3]])).toEqual([['Vassily Nebenzia', 'quote-cue-speaker']]);
  });

  it('is not when a verb or a clause stands between', () => {
    expect(statements('"The council must act," said the ministry, which met Vassily Nebenzia later.', '2022-03-01').map((s) => s[0])).not.toContain('Vassily Nebenzia');
  });
});
