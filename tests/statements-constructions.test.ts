/**
 * Attribution constructions, each with a sentence that must give a statement and a
 * near miss that must not (or must give another speaker). Sentences are real news
 * copy (AP, UPI, dpa, Reuters republished), trimmed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { articleFromText } from '../src/corpus';
import { createPipeline, type Pipeline } from '../src/pipeline';

let pipeline: Pipeline;
beforeAll(() => {
  pipeline = createPipeline();
});

const statements = (text: string, published = '2023-03-08') =>
  pipeline.annotate(articleFromText(text, { published })).statements.map((s) => [s.speaker_id || s.speaker, s.cue, s.kind, s.text]);

describe('a participle the tagger reads as an adjective is still a cue', () => {
  it('", promising to …" continues the subject of the sentence', () => {
    expect(statements("Putin used the occasion to trumpet a new gas deal with China worth an estimated $117.5 billion, promising to ramp up Russia's Far East exports.", '2022-02-05')).toEqual([
      ['vladimir-putin', 'promising', 'indirect', "to ramp up Russia's Far East exports"],
    ]);
  });
  it('"a promising start" (a determiner before it) is no cue', () => {
    expect(statements('It was a promising start for Wang Yi and Sergey Lavrov in Moscow.')).toEqual([]);
  });
});

describe('the object of a control verb speaks: "leading X to warn"', () => {
  it('the object, after its title, is the speaker', () => {
    expect(
      statements('The rapprochement has worried the West, leading U.S. Secretary of State Antony Blinken to warn that any Chinese involvement in the war effort would be a serious problem.'),
    ).toEqual([['antony-blinken', 'warn', 'indirect', 'any Chinese involvement in the war effort would be a serious problem']]);
  });
  it('a verb of wanting is no control verb: "Washington wants Beijing to say …" is nobody\'s statement', () => {
    expect(statements('Washington wants Beijing to say that it opposes the war.')).toEqual([]);
  });
});

describe('a relative clause speaks for its antecedent', () => {
  it('"the NATO summit declaration, which accuses …" is NATO\'s', () => {
    expect(statements('China has issued sharp criticism of the NATO summit declaration, which accuses Beijing of supporting Russia in its war against Ukraine.', '2024-07-11')).toEqual([
      ['nato', 'accuses', 'indirect', 'Beijing of supporting Russia in its war against Ukraine'],
    ]);
  });
  it('the clause ends at its comma', () => {
    expect(statements('Russia, which denies the reports, has moved troops to the border.')).toEqual([['russia', 'denies', 'indirect', 'the reports']]);
  });
  it('an antecedent that is no actor gives no statement', () => {
    expect(statements('The deal, which observers welcomed, was signed in May.')).toEqual([]);
  });
});

describe('parentheticals between the speaker and the cue', () => {
  it('", on the other hand," and ", speaking to reporters in Moscow," are skipped', () => {
    expect(statements('The Russian Foreign Ministry, on the other hand, reports that China has expressed support for the measures.', '2023-06-25')).toEqual([
      ['russia-mfa', 'reports', 'indirect', 'China has expressed support for the measures'],
    ]);
    expect(statements('Sergey Lavrov, speaking to reporters in Moscow, said the talks were useful.')).toEqual([['sergey-lavrov', 'said', 'indirect', 'the talks were useful']]);
  });
  it('"quoted by Chinese media on April 23" is a channel, not a cue; an institution in the role phrase speaks', () => {
    expect(statements('A Chinese foreign ministry spokesman quoted by Chinese media on April 23, said that relations have stabilized since the summit.', '2024-04-24')).toEqual([
      ['china-mfa', 'said', 'indirect', 'relations have stabilized since the summit'],
    ]);
  });
  it('a passive "quoted by" alone is no statement', () => {
    expect(statements('The figures were quoted by Chinese media on April 23.')).toEqual([]);
  });
});

describe('names in apposition to their title', () => {
  it('"A State Department spokesman, Ned Price, said …" is Ned Price\'s', () => {
    expect(statements('A State Department spokesman, Ned Price, said Washington wants to coexist responsibly with China.')).toEqual([
      ['ned-price', 'said', 'indirect', 'Washington wants to coexist responsibly with China'],
    ]);
  });
  it('after an inverted cue: "said the spokesman of the Ministry of Foreign Affairs of China, Zhao Lijian,"', () => {
    expect(statements('"NATO threw a huge tree into the fire of the Ukrainian crisis," said the spokesman of the Ministry of Foreign Affairs of China, Zhao Lijian, at a press conference.', '2022-03-10')).toEqual([
      ['zhao-lijian', 'said', 'direct', 'NATO threw a huge tree into the fire of the Ukrainian crisis,'],
    ]);
  });
  it('a list of actors is no apposition: "China, Russia, said" names no appositive person', () => {
    expect(statements('Officials in China, Russia, and Iran met on Monday.')).toEqual([]);
  });
});

describe('documents and institutions after an inverted cue', () => {
  it('"…," said a statement: the organisation named before it issued it', () => {
    expect(statements('This is the position of the Chinese Foreign Ministry. "China supports Russia in protecting national stability," said a statement on the mutiny.', '2023-06-25')).toEqual([
      ['china-mfa', 'said', 'direct', 'China supports Russia in protecting national stability,'],
    ]);
  });
  it('with no organisation before it, the document still speaks, by its words', () => {
    expect(statements('"China supports Russia in protecting national stability," said a statement on the mutiny.', '2023-06-25')).toEqual([
      ['a statement', 'said', 'direct', 'China supports Russia in protecting national stability,'],
    ]);
  });
});

describe('"agreed that" reports speech, "agreed to" does not', () => {
  it('"They both agreed that …" is the pair\'s joint statement', () => {
    expect(statements('Sergey Lavrov and Wang Yi discussed the situation in Ukraine. They both agreed that gatherings that ignore Moscow’s interests are pointless.', '2024-04-09')).toEqual([
      ['sergey-lavrov+wang-yi', 'agreed', 'indirect', 'gatherings that ignore Moscow’s interests are pointless'],
    ]);
  });
  it('"agreed to meet again" is no statement', () => {
    expect(statements('Sergey Lavrov and Wang Yi agreed to meet again in May.', '2024-04-09')).toEqual([]);
  });
});

describe('a role phrase with a possessive state speaks even when its holder is unknown', () => {
  it('"China’s foreign minister says …" with no date to resolve the role', () => {
    const a = pipeline.annotate(articleFromText('In a rare phone call with his Ukrainian counterpart, China’s foreign minister says Beijing is concerned about the conflict.'));
    expect(a.statements.map((s) => [s.speaker, s.speaker_id, s.cue, s.text])).toEqual([['China’s foreign minister', '', 'says', 'Beijing is concerned about the conflict']]);
  });
});

describe('a quotation with a clear speaker is never dropped', () => {
  it('"…," he said with no one named before: the pronoun speaks', () => {
    expect(statements('"If the U.S. side does not put on the brakes, no amount of guardrails can stop the derailment," he said.', '2023-03-07')).toEqual([
      ['he', 'said', 'direct', 'If the U.S. side does not put on the brakes, no amount of guardrails can stop the derailment,'],
    ]);
  });
  it('"he" after a named person is that person', () => {
    expect(statements('Qin Gang spoke on Tuesday. "No amount of guardrails can stop the derailment," he said.', '2023-03-07')).toEqual([
      ['qin-gang', 'said', 'direct', 'No amount of guardrails can stop the derailment,'],
    ]);
  });
});

describe('"according to" with an owner or an attribution of its own', () => {
  it('the owner of a press office speaks through it', () => {
    expect(statements("The exercise will run until Oct. 17, according to the Russian Pacific Fleet's press office.", '2021-10-15')).toEqual([
      ['pacific-fleet', 'according to', 'indirect', 'The exercise will run until Oct. 17'],
    ]);
  });
  it('"According to Sputnik, Putin, in a call with Xi Jinping, outlined …" is Putin\'s: the source only carries it', () => {
    expect(statements('According to the Sputnik news agency, Putin, in a conversation with Xi Jinping, outlined his fundamental assessments of the situation in Ukraine.', '2022-02-25')).toEqual([
      ['vladimir-putin', 'outlined', 'indirect', 'his fundamental assessments of the situation in Ukraine'],
    ]);
  });
  it('"According to TASS, the talks lasted three hours." stays TASS\'s', () => {
    expect(statements('According to TASS, the talks lasted three hours.')).toEqual([['tass', 'According to', 'indirect', 'the talks lasted three hours']]);
  });
});

describe('a role of a named country is someone of that country', () => {
  it('"the Chinese official" after a US speaker is the Chinese speaker before, not the American', () => {
    const text = 'Mao Ning said relations had stabilized. Antony Blinken said the United States would raise its concerns. The Chinese official criticized Washington\'s strategy of containing China.';
    expect(statements(text, '2024-04-24').at(-1)).toEqual(['mao-ning', 'criticized', 'indirect', "Washington's strategy of containing China"]);
  });
});

describe('participles belong to the sentence\'s subject', () => {
  it('after an introductory phrase: "Before the summit with Joe Biden, Vladimir Putin granted an interview …, saying that …"', () => {
    expect(statements('Before the summit with Joe Biden, Vladimir Putin granted an interview with the U.S. television network NBC, saying that he cherished the relationship.', '2021-06-14')).toEqual([
      ['vladimir-putin', 'saying', 'indirect', 'he cherished the relationship'],
    ]);
  });
  it('after an unnamed noun: "… gave an interview to the news agency stating that …"', () => {
    expect(statements('On August 3, Zhang Hanhui gave an interview to the Russian news agency stating that the military bloc had been fanning flames everywhere.', '2023-08-05')).toEqual([
      ['zhang-hanhui', 'stating', 'indirect', 'the military bloc had been fanning flames everywhere'],
    ]);
  });
  it('no actor opens the sentence: no statement', () => {
    expect(statements('In Beijing, protesters gathered outside the embassy, saying they wanted peace.')).toEqual([]);
  });
});

describe('a surname the source misspells', () => {
  it('"Jin said" after "spokesperson Lin Jian" is Lin Jian (one edit away)', () => {
    const text = 'Foreign Ministry spokesperson Lin Jian spoke on Monday. Asked at a daily news briefing, Jin said "the Chinese side is not aware of the situation."';
    expect(statements(text, '2024-10-29').map((s) => s[0])).toEqual(['lin-jian']);
  });
  it('"Kim said" is not Lin Jian', () => {
    expect(statements('Foreign Ministry spokesperson Lin Jian spoke on Monday. Kim said the Korean side is not aware of the situation.', '2024-10-29').map((s) => s[0])).toEqual(['unregistered:kim']);
  });
});

describe('people spoken of together speak together', () => {
  const opEd =
    'Russian and Chinese ambassadors to the US Anatoly Antonov and Qin Gang have presented a joint article in which they criticized US President Joe Biden for excluding Moscow and Beijing from the summit. “This will stoke up ideological confrontation,” the countries’ representatives wrote. The ambassadors have also suggested that foreign governments should focus on their own affairs.';
  it('"in which they", "the countries’ representatives", "the ambassadors" are the pair named as the subject', () => {
    expect(statements(opEd, '2021-11-27').map((s) => [s[0], s[1]])).toEqual([
      ['anatoly-antonov+qin-gang', 'criticized'],
      ['anatoly-antonov+qin-gang', 'wrote'],
      ['anatoly-antonov+qin-gang', 'suggested'],
    ]);
  });
  it('a pair that is no subject ("standoffs on Ukraine and Taiwan with …") is not what "they" means', () => {
    const text = 'China and Russia backed each other over standoffs on Ukraine and Taiwan with a promise of more cooperation. They said their relationship was superior to any alliance.';
    expect(statements(text, '2022-02-04').at(-1)?.[0]).toBe('china+russia');
  });
});

describe('a place after a role noun is where the role is held', () => {
  it('"Moscow’s and Beijing’s envoys to Washington have denounced …" is the envoys\', not Washington\'s', () => {
    expect(statements('Moscow’s and Beijing’s envoys to Washington have denounced their non-invitation to the summit.', '2021-11-27')).toEqual([
      ['Moscow’s and Beijing’s envoys to Washington', 'denounced', 'indirect', 'their non-invitation to the summit'],
    ]);
  });
  it('"Troops loyal to Moscow said …" names no role: no statement of Russia', () => {
    expect(statements('Troops loyal to Moscow said they had crossed the river.')).toEqual([]);
  });
});

describe('"the statement read": a document verb', () => {
  it('after a document noun it is a cue, for the institution that spoke before', () => {
    const text = 'The Russian Foreign Ministry reports that China has expressed support for the measures. “The Chinese side expressed support for the efforts of the Russian leadership,” the statement read.';
    expect(statements(text, '2023-06-25').at(-1)).toEqual(['russia-mfa', 'read', 'direct', 'The Chinese side expressed support for the efforts of the Russian leadership,']);
  });
  it('"Putin read a statement" is no statement', () => {
    expect(statements('Vladimir Putin read a statement on Russian television.')).toEqual([]);
  });
});

describe('an appositive that runs to the cue without its closing comma', () => {
  it('"…, Dmitry Peskov, the press secretary of the Russian president stated." is Peskov\'s, not the president\'s', () => {
    expect(statements('There are good relations between Russia and the PRC, and they continue developing, Dmitry Peskov, the press secretary of the Russian president stated.', '2025-03-07').map((s) => [s[0], s[1]])).toEqual([
      ['dmitry-peskov', 'stated'],
    ]);
  });
  it('with no name before it, the role phrase itself speaks: "…, the Chinese foreign minister said" is the minister at the date', () => {
    expect(statements('Ties are strong, the Chinese foreign minister said.', '2023-03-08').map((s) => s[0])).toEqual(['qin-gang']);
  });
  it('an appositive holding a verb is not passed over', () => {
    expect(statements('Ties are strong, Dmitry Peskov, the man who briefed the Russian president said.', '2023-03-08').map((s) => s[0])).not.toContain('dmitry-peskov');
  });
});

describe('"quoted X as saying" after a quote', () => {
  it('the one quoted speaks, not the agency', () => {
    expect(statements('"Ties are strong," Xinhua quoted Wang Yi as saying.', '2023-03-08').map((s) => [s[0], s[2]])).toEqual([['wang-yi', 'direct']]);
    expect(statements('Dmitry Peskov spoke on Sunday. "China and Russia have their own issues with the United States," the Russian news agency quoted the official as saying.', '2019-06-09').map((s) => s[0])).toEqual(['dmitry-peskov']);
  });
  it('"quoted a report as noting" names no one quoted: the agency speaks', () => {
    expect(statements('"Ties are strong," Xinhua quoted a report as noting.', '2023-03-08').map((s) => s[0])).toEqual(['xinhua']);
  });
});

describe('circumstances around an inverted or trailing cue', () => {
  it('"…, said during a briefing on Friday, March 17, Chinese Foreign Ministry spokesman Wang Wenbin."', () => {
    expect(statements('China intends to adhere to an objective position on the crisis in Ukraine, said during a briefing on Friday, March 17, Chinese Foreign Ministry spokesman Wang Wenbin.', '2023-03-17')).toEqual([
      ['wang-wenbin', 'said', 'indirect', 'China intends to adhere to an objective position on the crisis in Ukraine'],
    ]);
  });
  it('"…, Wang Wenbin told reporters when asked about …": the occasion is not the content', () => {
    expect(statements("China's position on Ukraine has been consistent and clear, Wang Wenbin told reporters when asked about the recent situation.", '2022-09-21')).toEqual([
      ['wang-wenbin', 'told', 'indirect', "China's position on Ukraine has been consistent and clear"],
    ]);
  });
  it('"Wang Wenbin told reporters that …" keeps its content after the cue', () => {
    expect(statements('Wang Wenbin told reporters that the talks were useful.', '2022-09-21')).toEqual([['wang-wenbin', 'told', 'indirect', 'the talks were useful']]);
  });
});

describe('a state\'s cue inside what a person says after the comma', () => {
  it('"China maintains that …, Wang Wenbin said, adding …" is Wang Wenbin\'s, twice', () => {
    expect(statements('China maintains that the sovereignty of all countries should be respected, Wang Wenbin said, adding the security concerns of all countries should be taken seriously.', '2022-09-21').map((s) => [s[0], s[1]])).toEqual([
      ['wang-wenbin', 'said'],
      ['wang-wenbin', 'adding'],
    ]);
  });
  it('a channel after the comma leaves the state its statement: "Russia says …, TASS reported."', () => {
    expect(statements('Russia says the drills are routine, TASS reported.', '2022-09-21')).toEqual([['russia', 'says', 'indirect', 'the drills are routine']]);
  });
});

describe('"he added" goes on with the last speaker', () => {
  it('even when a question put to the speaker named someone else', () => {
    const text = 'Russia has full information about the recent communication, Chinese Ambassador to Russia Zhang Hanhui told TASS. "There has not been any messages at all," the Chinese envoy said, when asked if Chinese Foreign Minister Wang Yi sent any messages to Moscow. "Of course, the Russian side has full information," he added.';
    expect(statements(text, '2024-09-29').map((s) => s[0])).toEqual(['zhang-hanhui', 'zhang-hanhui', 'zhang-hanhui']);
  });
  it('"he said" after a newly named speaker is that speaker', () => {
    const text = 'Wang Yi met Sergey Lavrov. "We are partners," Lavrov said. Wang Yi opened the second round. "Cooperation is broad," he said.';
    expect(statements(text, '2024-04-09').map((s) => s[0])).toEqual(['sergey-lavrov', 'wang-yi']);
  });
});

describe('experts, publications and articles speak', () => {
  it('"the Chinese expert added" is the expert named before, of unknown country; "X spoke in Shanghai" names X', () => {
    const text = 'Feng Shaolei spoke in Shanghai. Noting that this is the structure of the relationship between China and Russia, the Chinese expert added, "This structure was not determined by chance by one or two people."';
    expect(statements(text, '2025-03-31').map((s) => [s[0], s[1], s[2]])).toEqual([['unregistered:feng-shaolei', 'added', 'direct']]);
  });
  it('"the Chinese expert" is never a person of another country', () => {
    const text = 'Antony Blinken spoke in Washington. "Cooperation is growing," the Chinese expert added.';
    expect(statements(text, '2025-03-31').map((s) => s[0])).toEqual(['the Chinese expert']);
  });
  it('"the publication says", "The article stated" speak by their words when no outlet is named', () => {
    expect(statements('“The root of this divided US attitude lies in the fear of a Sino-Russian alliance,” the publication says.', '2023-05-01').map((s) => [s[0], s[2]])).toEqual([['publication', 'direct']]);
    expect(statements('The article stated, “Chinese leaders left for Moscow three days later.”', '2023-05-01').map((s) => [s[0], s[2]])).toEqual([['article', 'direct']]);
  });
});

describe('"Mr Lavrov" without a dot', () => {
  it('is the Sergei Lavrov named before, not a new person', () => {
    expect(statements('Russian Foreign Minister Sergei Lavrov spoke in Moscow. Mr Lavrov said that China had been seen by the West as its rival for years.', '2022-03-18').map((s) => s[0])).toEqual(['sergey-lavrov']);
  });
  it('a Mr no one was named before is a person of his own', () => {
    expect(statements('Mr Ordinary said that the talks had failed.', '2022-03-18').map((s) => s[0])).toEqual(['unregistered:ordinary']);
  });
});

describe('transcripts, unnamed roles and a second attribution after "while"', () => {
  it('"MR MILLER:" after "Matthew Miller" was named is Matthew Miller', () => {
    const text = 'State Department spokesperson Matthew Miller briefed reporters.\n\nMR MILLER: So we have been concerned really since the outset of that conflict about the support for Russia.';
    expect(statements(text, '2024-04-08').map((s) => [s[0], s[1]])).toEqual([['matthew-miller', ':']]);
  });
  it('"MR SMITH:" with no Smith named before speaks by the label', () => {
    expect(statements('MR SMITH: We have been concerned since the outset of that conflict.', '2024-04-08').map((s) => s[0])).toEqual(['unregistered:mr-smith']);
  });
  it('an unresolved role keeps the country it names: "A Chinese embassy spokesperson told Reuters …" speaks for China', () => {
    const a = pipeline.annotate(articleFromText('A Chinese embassy spokesperson told Reuters last week that China was not a party to the Ukraine crisis.', { published: '2024-04-16' }));
    expect(a.statements.map((s) => [s.speaker, s.speaker_id, s.speaker_country])).toEqual([['A Chinese embassy spokesperson', '', 'CHN']]);
  });
  it('"…, while the U.S. said that …" starts a second statement', () => {
    expect(statements('China denied it was supplying Russia with arms, while the U.S. said that Beijing gave Russia every support behind the scenes.', '2024-07-27').map((s) => [s[0], s[1], s[3]])).toEqual([
      ['china', 'denied', 'it was supplying Russia with arms'],
      ['united-states', 'said', 'Beijing gave Russia every support behind the scenes'],
    ]);
  });
  it('"said that after the ministry announced …" keeps the subordinate clause in the content', () => {
    const found = statements('A spokesman for the foreign ministry, Zhao Lijian, said that after the Russian Ministry of Defense announced the evidence, the United States owed the world an explanation.', '2022-03-08');
    expect(found[0]?.slice(0, 2)).toEqual(['zhao-lijian', 'said']);
    expect(found[0]?.[3]).toMatch(/^after the Russian Ministry of Defense announced/);
  });
});

describe('the channel after the cue is no content', () => {
  it('"wrote on Telegram (, a messaging app,) that …"', () => {
    expect(statements('Maria Zakharova wrote on Telegram that the West was obsessed with China and Russia.', '2023-06-01').map((s) => s[3])).toEqual(['the West was obsessed with China and Russia']);
    expect(statements('Maria Zakharova wrote on Telegram, a messaging app, that the West was obsessed with China.', '2023-06-01').map((s) => s[3])).toEqual(['the West was obsessed with China']);
  });
  it('"commented on the claims" with no that-clause keeps its words', () => {
    expect(statements('Maria Zakharova commented on the claims of the West.', '2023-06-01').map((s) => s[3])).toEqual(['on the claims of the West']);
  });
});

describe('the addressee after "told" runs to "that"', () => {
  it('"told the Security Council that …", "told the Russian news agency TASS that …"', () => {
    expect(statements("Russia's UN Ambassador Vassily Nebenzia told the Security Council that the sanctions were illegal.", '2023-03-08').map((s) => [s[0], s[3]])).toEqual([['vassily-nebenzia', 'the sanctions were illegal']]);
    expect(statements('Sergey Lavrov told the Russian news agency TASS that relations were strong.', '2023-03-08').map((s) => [s[0], s[3]])).toEqual([['sergey-lavrov', 'relations were strong']]);
  });
  it('"told reporters that …" as before', () => {
    expect(statements('Sergey Lavrov told reporters that relations were strong.', '2023-03-08').map((s) => s[3])).toEqual(['relations were strong']);
  });
});

describe('newspaper and British quote marks', () => {
  it("''…'' and ``…'' are quotes, the statement's span holding both marks", () => {
    const a = pipeline.annotate(articleFromText("''We will never accept this,'' Wang Yi said.", { published: '2022-03-01' }));
    expect(a.statements.map((s) => [s.speaker_id, s.kind, s.text, s.start])).toEqual([['wang-yi', 'direct', 'We will never accept this,', 0]]);
    expect(statements("``We will never accept this,'' Wang Yi said.", '2022-03-01').map((s) => [s[0], s[2]])).toEqual([['wang-yi', 'direct']]);
  });
  it("single quotes of British copy, before or after the cue", () => {
    expect(statements("'We will never accept this,' Wang Yi said.", '2022-03-01').map((s) => [s[0], s[2], s[3]])).toEqual([['wang-yi', 'direct', 'We will never accept this,']]);
    expect(statements("Wang Yi said: 'We will never accept this.'", '2022-03-01').map((s) => [s[0], s[2]])).toEqual([['wang-yi', 'direct']]);
  });
  it("apostrophes and plural possessives are no quotes: \"the allies' plans and Russia's stance\"", () => {
    expect(statements("Wang Yi criticised the allies' plans and Russia's stance, saying they would fail.", '2022-03-01').map((s) => s[2])).toEqual(['indirect', 'indirect']);
  });
  it("a single-quoted term with no cue is no statement: the 'no limits' partnership", () => {
    expect(statements("The 'no limits' partnership was hailed in Beijing.", '2022-03-01')).toEqual([]);
  });
});

describe('a host welcoming a guest is no statement', () => {
  it('"Putin welcomed Han Zheng to Russia for the forum" states nothing', () => {
    expect(statements('Vladimir Putin welcomed Han Zheng to Russia for the ninth Eastern Economic Forum.', '2024-09-04')).toEqual([]);
  });
  it('"welcomed the decision" and "urged Putin to seek talks" are statements', () => {
    expect(statements('Wang Yi welcomed the decision to resume talks.', '2024-09-04').map((s) => s[0])).toEqual(['wang-yi']);
    expect(statements('Russia and China met. Xi Jinping urged Vladimir Putin to seek talks.', '2024-09-04').map((s) => [s[0], s[3]])).toEqual([['xi-jinping', 'Vladimir Putin to seek talks']]);
  });
});

describe('no clause between the cue and a participle: the participle says it', () => {
  it('"X reported earlier in the day, citing sources, that …" is one statement, by the participle', () => {
    // UrduPoint / Sputnik, 13 March 2023
    expect(
      statements('Reuters reported earlier in the day, citing sources familiar with the matter, that the Chinese leader may pay an official visit to Russia as early as next week.', '2023-03-13'),
    ).toEqual([['reuters', 'citing', 'indirect', 'sources familiar with the matter, that the Chinese leader may pay an official visit to Russia as early as next week']]);
  });
  it('a clause before the participle is a statement of its own: "X said the talks were useful, adding that …" is two', () => {
    expect(statements('Lavrov said the talks were useful, adding that Moscow and Beijing would keep in close contact.', '2023-03-13')).toEqual([
      ['sergey-lavrov', 'said', 'indirect', 'the talks were useful'],
      ['sergey-lavrov', 'adding', 'indirect', 'Moscow and Beijing would keep in close contact'],
    ]);
  });
  it('the content before the speaker\'s comma stays the statement: "…, X said on Monday, adding that …"', () => {
    expect(statements("Russia's economy has adapted to the sanctions, Putin said on Monday, adding that trade with China had grown by a third.", '2023-03-13')).toEqual([
      ['vladimir-putin', 'said', 'indirect', "Russia's economy has adapted to the sanctions"],
      ['vladimir-putin', 'adding', 'indirect', 'trade with China had grown by a third'],
    ]);
  });
});

describe('an office named without its holder speaks for the holder', () => {
  it('"The Secretary of State said …" is the secretary of state named before', () => {
    // pledgetimes.com, 28 February 2023, trimmed
    expect(
      statements('US Secretary of State Antony Blinken vowed on Tuesday to act against companies that help Russia. The Secretary of State said that China cannot be at the table and acting when it comes to the war.', '2023-02-28'),
    ).toEqual([
      ['antony-blinken', 'vowed', 'indirect', 'to act against companies that help Russia'],
      ['antony-blinken', 'said', 'indirect', 'China cannot be at the table and acting when it comes to the war'],
    ]);
  });
  it('"the Secretary of State\'s office" is no speaker of its own', () => {
    expect(statements("Antony Blinken arrived in Astana. The Secretary of State's schedule listed talks with five ministers.", '2023-02-28')).toEqual([]);
  });
});

describe('"the <role> of <institution>" is the role\'s holder', () => {
  it('after the person is named, "the representative of the PRC Foreign Ministry" is that person', () => {
    // pledgetimes.com (TASS copy), trimmed
    expect(
      statements(
        'Chinese Foreign Ministry spokeswoman Hua Chunying said that Beijing is constantly strengthening its partnership with Russia. In addition, the representative of the PRC Foreign Ministry noted that the Sino-Russian relations "have reached the highest level of development."',
        '2021-03-23',
      ).map(([speaker, cue]) => [speaker, cue]),
    ).toEqual([
      ['hua-chunying', 'said'],
      ['hua-chunying', 'noted'],
    ]);
  });
  it('with no one of its country named before, the institution speaks, not the American named before', () => {
    const text = 'Antony Blinken arrived in Beijing on Monday. The representative of the PRC Foreign Ministry noted that the Sino-Russian relations "have reached the highest level of development."';
    const found = pipeline.annotate(articleFromText(text, { published: '2023-06-19' })).statements;
    expect(found.map((s) => [s.speaker, s.speaker_type, s.speaker_country, s.cue])).toEqual([['PRC Foreign Ministry', 'organization', 'CHN', 'noted']]);
  });
});

describe('a relative clause with commas inside, between the speaker and the cue', () => {
  it('"The Secretary of State, who …, before …, where …, emphasized that …" is the secretary\'s', () => {
    // pledgetimes.com, 28 February 2023
    expect(
      statements(
        "Antony Blinken spoke in Astana on Tuesday. The Secretary of State, who would leave for Uzbekistan, before flying to India, where he will participate in the G20 ministerial meeting, emphasized that China cannot be at the table and acting when it comes to Russia's aggression in Ukraine.",
        '2023-02-28',
      ),
    ).toEqual([['antony-blinken', 'emphasized', 'indirect', "China cannot be at the table and acting when it comes to Russia's aggression in Ukraine"]]);
  });
  it('the same clause before a verb of doing is no statement', () => {
    expect(statements('Antony Blinken spoke in Astana on Tuesday. The Secretary of State, who would leave for Uzbekistan, before flying to India, met the ministers of five countries.', '2023-02-28')).toEqual([]);
  });
});

describe('a plural noun the tagger reads as a reporting verb', () => {
  it('"former Soviet Union states including Ukraine" is no cue', () => {
    // channelnewsasia.com, 24 April 2023
    expect(
      statements("Its publication comes hard on the heels of controversial remarks by China's ambassador to France, who questioned the sovereignty of former Soviet Union states including Ukraine during an interview on Friday.", '2023-04-24'),
    ).toEqual([]);
  });
  it('"the ministry states that …" is still a cue', () => {
    expect(statements('The Russian Foreign Ministry states that the talks with China were constructive.', '2023-04-24')).toEqual([['russia-mfa', 'states', 'indirect', 'the talks with China were constructive']]);
  });
});

describe('a trailing cue followed by a long circumstance', () => {
  it('"…, Lavrov said in an interview with TV news anchor Dmitry Kiselyov on Thursday." keeps the content before the comma', () => {
    // vestikavkaza.ru, 2 February 2023
    expect(
      statements(
        'Relations between Russia and China know no bounds and are of a higher quality than traditional military alliances, Foreign Minister Sergey Lavrov said in an interview with TV news anchor Dmitry Kiselyov on Thursday.',
        '2023-02-02',
      ),
    ).toEqual([['sergey-lavrov', 'said', 'indirect', 'Relations between Russia and China know no bounds and are of a higher quality than traditional military alliances']]);
  });
  it('a cue at the start of its sentence keeps its object: "Putin warned of the consequences of …"', () => {
    expect(statements('Putin warned of the consequences of deploying NATO forces near the Russian border.', '2023-02-02')).toEqual([
      ['vladimir-putin', 'warned', 'indirect', 'of the consequences of deploying NATO forces near the Russian border'],
    ]);
  });
});

describe('"he said" after a trailing attribution is its speaker, not a person in its circumstance', () => {
  const text =
    'Relations between Russia and China know no bounds, Foreign Minister Sergey Lavrov said in an interview with TV news anchor Dmitry Kiselyov on Thursday. "The presence of areas of common interest is a very humble feature of our relations," he said.';
  it('the interviewer named after the cue does not take the pronoun', () => {
    expect(statements(text, '2023-02-02').map((s) => s[0])).toEqual(['sergey-lavrov', 'sergey-lavrov']);
  });
  it('a person named in a sentence of their own does', () => {
    expect(statements(text.replace(' he said.', ' said Dmitry Kiselyov.').replace('"The presence', 'Kiselyov was not convinced. "The presence'), '2023-02-02').map((s) => s[0])).toEqual(['sergey-lavrov', 'unregistered:dmitry-kiselyov']);
  });
});

describe('where a role is held is not whose it is', () => {
  it('"China\'s envoy to the European Union said" speaks for China, not the EU', () => {
    // bdnews24.com (Reuters copy), 24 April 2023
    const found = pipeline.annotate(articleFromText('China\'s cooperation with Europe and other nations is endless, China\'s envoy to the European Union said.', { published: '2023-04-24' })).statements;
    expect(found.map((s) => [s.speaker, s.speaker_type, s.speaker_country])).toEqual([["China's envoy to the European Union", 'unnamed', 'CHN']]);
  });
  it('"the US envoy to China" speaks for the United States', () => {
    const found = pipeline.annotate(articleFromText('Beijing will have to respond to the sanctions, the US envoy to China said.', { published: '2023-04-24' })).statements;
    expect(found.map((s) => [s.speaker_type, s.speaker_country])).toEqual([['unnamed', 'USA']]);
  });
});

describe('"he said" after a sentence naming several people is its subject', () => {
  // urdupoint.com (Sputnik copy), 20 March 2023, trimmed
  const text =
    'Russia respects the interaction of Chinese President Xi Jinping with other partners, Kremlin spokesman Dmitry Peskov said. Peskov redirected the question about contacts between Xi Jinping and Volodymyr Zelenskyy after a conversation with Putin to the Chinese side. "You approached the wrong addressee," he said.';
  it('the subject of the sentence before, not the last person it names', () => {
    expect(statements(text, '2023-03-20').map((s) => s[0])).toEqual(['dmitry-peskov', 'dmitry-peskov']);
  });
  it('a sentence opening with no person leaves the nearest person', () => {
    expect(statements('The question was put to Dmitry Peskov. "You approached the wrong addressee," he said.', '2023-03-20').map((s) => s[0])).toEqual(['dmitry-peskov']);
    expect(statements('Talks between Xi Jinping and Vladimir Putin lasted three hours. "We agreed on everything," he said.', '2023-03-20').map((s) => s[0])).toEqual(['vladimir-putin']);
  });
});

describe('a quotation running over paragraphs is one statement', () => {
  it('the part left open in the paragraph before goes with the cue after its closing mark', () => {
    const found = pipeline.annotate(
      articleFromText('Dmitry Peskov spoke on Monday.\n\n"Still, Xi Jinping heads a sovereign state, so he talks to whom he wants.\n\n"We respect this, just like the Chinese comrades respect what President Putin is doing," he said.', { published: '2023-03-20' }),
    ).statements;
    expect(found.map((s) => [s.speaker_id, s.kind, s.rule, s.text])).toEqual([
      ['dmitry-peskov', 'direct', 'quote-speaker-cue', 'Still, Xi Jinping heads a sovereign state, so he talks to whom he wants. … We respect this, just like the Chinese comrades respect what President Putin is doing,'],
    ]);
  });
  it('a quote closed in its own paragraph is not part of the next one\'s statement', () => {
    const found = pipeline.annotate(
      articleFromText('Dmitry Peskov spoke on Monday.\n\n"Xi Jinping heads a sovereign state."\n\n"We respect this," he said.', { published: '2023-03-20' }),
    ).statements;
    expect(found.map((s) => s.text)).toEqual(['We respect this,']);
  });
});

describe('an appositive between the quote\'s speaker and the cue', () => {
  it('"…," Anthony Saich, a China expert, said … is the expert\'s direct statement', () => {
    // conservativeelectoralreform.org (AP copy), 28 February 2022
    expect(
      statements('"The ongoing conflict in Ukraine will reveal whether there is a deeper connection or whether the relationship is essentially transactional," Anthony Saich, a China expert, said in a Q&A posted on the Ash Center website.', '2022-02-28'),
    ).toEqual([['unregistered:anthony-saich', 'said', 'direct', 'The ongoing conflict in Ukraine will reveal whether there is a deeper connection or whether the relationship is essentially transactional,']]);
  });
  it('a phrase set off by commas before a verb that is no cue gives nothing', () => {
    expect(statements('"The ongoing conflict in Ukraine will reveal the truth," a banner, hung in Beijing, read.', '2022-02-28')).toEqual([]);
  });
});

describe('a quote inside the reported clause, before a trailing cue', () => {
  // camerounactuonline.com (Anadolu copy), 5 April 2023
  it('a quote closing on a word, then more of the clause: the content runs from the clause start', () => {
    expect(statements('China "echoes Russian propaganda, supports Russia\'s economy" and holds joint military activities in air and sea, Stoltenberg explained.', '2023-04-05')).toEqual([
      ['unregistered:stoltenberg', 'explained', 'mixed', 'China "echoes Russian propaganda, supports Russia\'s economy" and holds joint military activities in air and sea'],
    ]);
  });
  it('a phrase with no finite verb after a closing quote goes on with the quote', () => {
    expect(statements('"China is investing heavily in new capabilities," including long-range nuclear missiles, Stoltenberg said.', '2023-04-05')).toEqual([
      ['unregistered:stoltenberg', 'said', 'mixed', '"China is investing heavily in new capabilities," including long-range nuclear missiles'],
    ]);
  });
  it('a quote closing on its comma ends a phrase: a clause with a verb after it is the content alone', () => {
    expect(statements('Ties "at an unprecedentedly high level," came across as a warning to Biden, Deng Yuwen, a political commentator, told Apple Daily.', '2021-06-16').map((s) => s[3])).toEqual(['came across as a warning to Biden']);
  });
});

describe('a base form after "and" inside the content is no new cue', () => {
  // m.thebl.com, 24 February 2022
  it('"said that China should respect … and urge Russia to …" is one statement', () => {
    expect(statements('Ned Price, a spokesman for the U.S. State Department, said that China should respect the principle of territorial integrity and urge Russia to make concessions.', '2022-02-24')).toEqual([
      ['ned-price', 'said', 'indirect', 'China should respect the principle of territorial integrity and urge Russia to make concessions'],
    ]);
  });
  it('a finite verb after "and" starts a statement of its own: "… and urged Russia to …"', () => {
    expect(statements('Ned Price said that China should respect the principle of territorial integrity, and urged Russia to make concessions.', '2022-02-24').map((s) => s[1])).toEqual(['said', 'urged']);
  });
});

describe('a pronoun whose gender no one named has goes to the last speaker', () => {
  // radar.am, trimmed: the source calls the spokeswoman "he"
  it('"…," he summarized after Mao Ning spoke is Mao Ning', () => {
    expect(statements('Mao Ning once again reminded that Beijing was not the initiator of the conflict. "We will continue to play a constructive role," he summarized.', '2024-04-02').map((s) => s[0])).toEqual(['mao-ning', 'mao-ning']);
  });
  it('a man named before takes "he"', () => {
    expect(statements('Mao Ning once again reminded that Beijing was not the initiator of the conflict. Wang Yi met Lavrov on Monday. "We will continue to play a constructive role," he said.', '2024-04-02').map((s) => s[0])).toEqual(['mao-ning', 'wang-yi']);
  });
});

describe('"maintain" reports speech with a that-clause or ending an attribution', () => {
  it('"Russia and China … maintain ties with each other" is no statement', () => {
    // radar.am, 2024
    expect(statements('Russia and China act as major independent powers and maintain ties with each other to resolve the crisis.', '2024-04-02')).toEqual([]);
  });
  it('"maintains that …" and `"…," he maintained.` are statements', () => {
    expect(statements('China maintains that its trade with Russia is normal and legitimate.', '2024-04-02')).toEqual([['china', 'maintains', 'indirect', 'its trade with Russia is normal and legitimate']]);
    expect(statements('Wang Yi spoke on Monday. "Our trade with Russia is normal," he maintained.', '2024-04-02').map((s) => [s[0], s[1]])).toEqual([['wang-yi', 'maintained']]);
  });
});

describe('a verb of replying with only its addressee before a participle', () => {
  // m.thebl.com, 24 February 2022
  it('"Hua answered CCTV about this issue, saying, …" is the participle\'s statement alone', () => {
    expect(statements('Hua Chunying spoke on Thursday. In her press conference, Hua answered CCTV about this issue, saying, "The U.S. is probably not qualified to tell China what to do."', '2022-02-24').map((s) => [s[0], s[1]])).toEqual([['hua-chunying', 'saying']]);
  });
  it('a clause after the verb of replying is its content', () => {
    expect(statements('Hua Chunying replied that the U.S. is probably not qualified to tell China what to do.', '2022-02-24')).toEqual([['hua-chunying', 'replied', 'indirect', 'the U.S. is probably not qualified to tell China what to do']]);
  });
});

describe('a wire dateline is not what was said', () => {
  it('"BEIJING, March 30 (Xinhua) -- …, a spokesperson said": the content starts after the dateline', () => {
    expect(
      statements(
        'China-Russia ties\n\nBEIJING, March 30 (Xinhua) -- The China-Russia relationship consists of non-alliance, non-confrontation and not targeting any third party, a Chinese Foreign Ministry spokesperson said Wednesday.',
        '2022-03-30',
      ),
    ).toEqual([['china-mfa', 'said', 'indirect', 'The China-Russia relationship consists of non-alliance, non-confrontation and not targeting any third party']]);
  });
  it('a paragraph opening with a name in lower case and a dash keeps its words: "Moscow — …" is no dateline', () => {
    expect(statements('Title\n\nMoscow — a partner in every sense — will stay close to Beijing, the foreign minister said on Monday.')[0]?.[3]).toBe('Moscow — a partner in every sense — will stay close to Beijing');
  });
});

describe('an attribution pointing back to the sentence before (TASS, Xinhua and their translators)', () => {
  it('"… . This was stated on Wednesday by X at …": the sentence before is X\'s', () => {
    expect(
      statements(
        'The destructive steps of the United States will not lead to the strengthening of the US-centric model of economic globalization, but will only accelerate the process of its disintegration. This was stated on Wednesday by Georgy Zinoviev, Director of the First Asian Department of the Russian Foreign Ministry, at a meeting of the deputy group for relations with the Chinese Parliament in the State Duma.',
        '2023-04-19',
      ),
    ).toEqual([['unregistered:georgy-zinoviev', 'stated', 'indirect', 'The destructive steps of the United States will not lead to the strengthening of the US-centric model of economic globalization, but will only accelerate the process of its disintegration']]);
  });
  it('"X announced this, …": the sentence before is what was announced, not "this"', () => {
    const got = statements(
      'Russia and China act as major independent powers and maintain ties with each other to resolve the Ukrainian crisis. Mao Ning announced this, the official representative of the Foreign Ministry of the People\'s Republic of China, denied the claim that "the Russian Federation is completely dependent on the Chinese side."',
      '2023-05-10',
    );
    expect(got[0]).toEqual(['mao-ning', 'announced', 'indirect', 'Russia and China act as major independent powers and maintain ties with each other to resolve the Ukrainian crisis']);
  });
  it('a sentence naming its own speaker is no content: "The statement was made by X. This was reported by Reuters."', () => {
    const got = statements('The statement was made by Chinese Foreign Ministry spokesman Lin Jian, answering questions at a daily press conference. This was reported by Reuters.', '2024-10-25');
    expect(got.filter((s) => s[1] === 'reported')).toEqual([]);
  });
  it('"said this week that …" is no pointing back', () => {
    expect(statements('Russia and China held talks in Moscow. Sergey Lavrov said this week that the talks were useful.', '2023-04-19')).toEqual([['sergey-lavrov', 'said', 'indirect', 'the talks were useful']]);
  });
  it('"…, ¶ - the diplomat noted.": a paragraph of the attribution alone gives the words before it to the speaker', () => {
    const got = statements(
      'Zakharova spoke\n\nThe official representative of the Russian Foreign Ministry, Maria Zakharova, spoke about the attempts of the United States to quarrel between Russia and China.\n\nToday China [at the WEF] was also represented at a high level,\n\n- the diplomat noted.',
      '2024-09-08',
    );
    expect(got).toEqual([['maria-zakharova', 'noted', 'indirect', 'Today China [at the WEF] was also represented at a high level']]);
  });
  it('a paragraph of a speaker and a verb after a finished sentence says nothing: "Putin arrived."', () => {
    expect(statements('The talks lasted three hours.\n\nPutin then left for the airport.', '2024-09-08')).toEqual([]);
  });
});

describe('"As X noted, …" gives the clause after the comma to X', () => {
  it('"As Ukrinform reported earlier, …" and "As the diplomat noted, …"', () => {
    expect(statements('As Peskov noted, Russia is aware of the pressure exerted by the American side on China.', '2023-04-19')).toEqual([['dmitry-peskov', 'noted', 'indirect', 'Russia is aware of the pressure exerted by the American side on China']]);
  });
  it('"As Putin spoke to reporters, …" (a time clause) and "As expected, …" say nothing', () => {
    expect(statements('As Putin spoke to reporters in the Kremlin, protesters gathered outside.')).toEqual([]);
    expect(statements('As expected, the talks ended without a deal.')).toEqual([]);
  });
});

describe('verbs of news copy: "concluded", "anticipated", "shared", "summed up"', () => {
  it('a that-clause or the end of an attribution makes them cues', () => {
    expect(statements('Yang Jiechi spoke with Putin. "We are ready to achieve further positive results through strategic cooperation with Russia," he concluded.', '2021-05-26').map((s) => s.slice(0, 2))).toEqual([['yang-jiechi', 'concluded']]);
    expect(statements('Maria Zakharova shared in an interview with TASS that there was an attempt by the United States to interfere with the dialogue between Moscow and Beijing.', '2024-09-08').map((s) => s.slice(0, 2))).toEqual([['maria-zakharova', 'shared']]);
  });
  it('without one they are not: "The talks concluded on Friday", "Russia anticipated the visit"', () => {
    expect(statements('The talks concluded on Friday in Moscow.')).toEqual([]);
    expect(statements('Russia anticipated the visit of the Chinese leader for months.')).toEqual([]);
  });
});

describe('an unnamed source with the words saying whose it is or where it stands', () => {
  it('"a Ukrainian source in the delegation told Reuters" speaks for Ukraine, by its words', () => {
    const got = pipeline
      .annotate(articleFromText('“The talks have just concluded. They lasted for over three hours in total, longer than planned. This was a very deep and concrete conversation,” a Ukrainian source in the delegation told Reuters.', { published: '2024-07-24' }))
      .statements.map((s) => [s.speaker, s.speaker_type, s.speaker_country, s.cue]);
    expect(got).toEqual([['a Ukrainian source in the delegation', 'unnamed', 'UKR', 'told']]);
  });
  it('an actor closing the phrase is what the source is close to, not the speaker: "sources close to the Kremlin said"', () => {
    expect(statements('The talks were tense, sources close to the Kremlin said.', '2024-07-24')).toEqual([['sources close to the Kremlin', 'said', 'indirect', 'The talks were tense']]);
  });
  it('"the Kremlin said" alone is still the Kremlin', () => {
    expect(statements('The talks were tense, the Kremlin said.', '2024-07-24')).toEqual([['kremlin', 'said', 'indirect', 'The talks were tense']]);
  });
});

describe('a participle after a verb that reports nothing belongs to the titled subject', () => {
  it('"Secretary of State Antony Blinken met … Xi Jinping in Beijing, saying afterward …" is Blinken, not the state of his title', () => {
    const got = statements('Secretary of State Antony Blinken met for 35 minutes Monday with Chinese President Xi Jinping in Beijing, saying afterward the countries "agree on the need to stabilize" their strained relationship.', '2023-06-19');
    expect(got.map((s) => s.slice(0, 2))).toEqual([['antony-blinken', 'saying']]);
    expect(statements('U.S. Secretary of State Antony Blinken hit back, saying that China must stop supporting the Russian war effort.', '2023-06-19').map((s) => s[0])).toEqual(['antony-blinken']);
  });
  it('a subject with no person in it stays the subject: "The United States hit back, saying …"', () => {
    expect(statements('The United States hit back, saying that China must stop supporting the Russian war effort.', '2023-06-19').map((s) => s[0])).toEqual(['united-states']);
  });
});

describe('Xinhua style: an unnamed spokesperson named in the next sentence, "made the remarks"', () => {
  const peoplesDaily =
    'China-Russia cooperation normal, frank: foreign ministry\n\nChina is not the country adding fuel to the fire with the Ukraine crisis and will remain committed to carrying out normal economic and trade cooperation with the rest of the world, a foreign ministry spokesperson said on Friday.\n\nMinistry of Foreign Affairs spokesperson Wang Wenbin made the remarks at a routine press briefing in Beijing after it was announced that Chinese President Xi Jinping will pay a state visit to Russia at the invitation of President Vladimir Putin later this month.';
  it('"…, a foreign ministry spokesperson said. ¶ … spokesperson Wang Wenbin made the remarks …" is Wang Wenbin\'s, once', () => {
    expect(statements(peoplesDaily, '2023-03-10').map((s) => s.slice(0, 2))).toEqual([['wang-wenbin', 'said']]);
  });
  it('a person opening the next sentence without the role noun does not name it', () => {
    expect(statements('Title\n\nThe talks were frank and useful, a foreign ministry spokesperson said on Friday.\n\nPresident Vladimir Putin left for Beijing on Monday.', '2023-03-10').map((s) => s[0])).toEqual(['a foreign ministry spokesperson']);
  });
  it('"China believes that …, a Foreign Ministry spokesman said here Monday." is the spokesman\'s, "China believes" inside it', () => {
    const got = statements(
      'Title\n\nBEIJING, Nov. 28 (Xinhua) -- China believes that the China-Russia comprehensive strategic partnership of cooperation will maintain good development momentum in a sustainable and healthy way, a Foreign Ministry spokesman said here Monday.\n\nSpokesman Hong Lei made the remarks at a daily press conference when asked for China\'s comment on Russian Prime Minister Vladimir Putin\'s acceptance of the ruling United Russia party\'s nomination.',
      '2011-11-28',
    );
    expect(got.map((s) => [s[0], s[1], s[3]!.slice(0, 14)])).toEqual([['unregistered:hong-lei', 'said', 'China believes']]);
  });
  it('"China believes that …" with no trailing attribution stays China\'s', () => {
    expect(statements('China believes that the partnership will maintain good development momentum.', '2011-11-28').map((s) => s.slice(0, 2))).toEqual([['china', 'believes']]);
  });
  it('`"…," Zhang made the remarks after …` is a quote with its speaker; "X made the remarks in …" points back', () => {
    expect(
      statements('Zhang Jun spoke at the council.\n\n“Any action should be truly conducive to defusing the crisis, rather than adding fuel to fire,” Zhang made the remarks after the council failed to adopt a draft resolution.', '2022-02-26').map((s) => s.slice(0, 3)),
    ).toEqual([['zhang-jun', 'made the remarks', 'direct']]);
  });
  it('"made the decision" is no cue', () => {
    expect(statements('Putin made the decision to visit Beijing in May.')).toEqual([]);
  });
});

describe('a trailing attribution of another speaker ends the content', () => {
  it('"He told Wang then that …, there will be consequences, a State Department official said." stops before the official', () => {
    const got = statements('Antony Blinken met Wang Yi in Munich. He told Wang then that "if China provides material support to Russia or assistance with systemic sanctions evasion," there will be consequences, a State Department official said.', '2023-02-19');
    expect(got.find((s) => s[1] === 'told')?.[3]).toBe('"if China provides material support to Russia or assistance with systemic sanctions evasion," there will be consequences');
  });
  it('"…, the Chinese Foreign Ministry said in a statement published on its website on Wednesday." is no content of the statement before it', () => {
    const got = statements('Yang Jiechi pointed out in a phone call with Russian President Vladimir Putin that the positive energy of the relationship is growing amid international instability, the Chinese Foreign Ministry said in a statement published on its website on Wednesday.', '2021-05-26');
    expect(got).toEqual([['yang-jiechi', 'pointed out', 'indirect', 'the positive energy of the relationship is growing amid international instability']]);
  });
  it('an attribution inside the content that does not end the sentence stays in it', () => {
    expect(statements('Vladimir Putin said that the talks, which Lavrov said were useful, would continue.', '2021-05-26')[0]?.[3]).toBe('the talks, which Lavrov said were useful, would continue');
  });
});

describe('an attribution set off by commas inside the clause', () => {
  it('"Doing so now, he said, would be …": the subject before it is said too, as a part of its own', () => {
    const got = statements('Senator Lindsey Graham spoke in Munich. Doing so now, he said, would be "dumber than dirt."', '2023-02-19');
    expect(got).toEqual([['unregistered:lindsey-graham', 'said', 'mixed', 'Doing so now … would be "dumber than dirt."']]);
  });
  it('"China, he said, is ready to help" is his alone, not a joint statement of China and him', () => {
    expect(statements('Wang Yi spoke. China, he said, is ready to help.', '2023-02-19').map((s) => s[0])).toEqual(['wang-yi']);
  });
  it('a subject with a finite verb of its own stays out: "After the talks ended, he said, the two sides left."', () => {
    expect(statements('Wang Yi spoke. After the talks ended, he said, the two sides left.', '2023-02-19').map((s) => s[3])).toEqual(['the two sides left']);
  });
});

describe('an indefinite role is someone new; "the official" after it is the same one', () => {
  const rome =
    'White House national security adviser Jake Sullivan raised concerns about China\'s alignment with Russia during a meeting with China\'s top diplomat on Monday, a senior Biden administration official said. "We do have deep concerns about China\'s alignment with Russia at this time," the official told reporters.';
  it('"…, a senior Biden administration official said." is not Jake Sullivan, named in the content, and "the official" after it is that official', () => {
    expect(statements(rome, '2022-03-14').map((s) => s[0])).toEqual(['biden-administration', 'biden-administration']);
  });
  it('an indefinite role right after a person spoke goes on with that person: "…," Liu Pengyu told TASS. ¶ …, a spokesman added.', () => {
    const got = statements('"China\'s right to engage in normal economic and trade exchanges with all countries should not be undermined," Liu Pengyu told TASS.\n\nThe allegations of the US authorities have no basis, a spokesman added.', '2024-07-25');
    expect(got.map((s) => s[0])).toEqual(['liu-pengyu', 'liu-pengyu']);
  });
  it('with no one speaking just before, "an official said" stays unnamed: "Jen Psaki spoke. The talks were frank, an official said."', () => {
    expect(statements('Jen Psaki arrived in Rome. The talks were frank, an official said.', '2022-03-14').map((s) => s[0])).toEqual(['an official']);
  });
});

describe('a run of capitals in a title-case headline names no one', () => {
  it('"Xi\'s Russian Visit Added to Global Stability, Says Chinese Expert" is no statement of "Xi\'s Russian Visit", and the speaker stops at the headline\'s end', () => {
    const got = pipeline.annotate(articleFromText("Xi's Russian Visit Added to Global Stability, Says Chinese Expert\n\nSaturday 25 March 2023 - 22:01\n\nThe visit was a success for both sides.", { published: '2023-03-25' })).statements;
    expect(got.map((s) => [s.speaker, s.cue])).toEqual([['Chinese Expert', 'Says']]);
  });
  it('in prose a name the registry lacks still speaks by its words', () => {
    expect(statements('The visit was a success for both sides, Deng Yuwen said.', '2023-03-25').map((s) => s[0])).toEqual(['unregistered:deng-yuwen']);
  });
});

describe('a verb of saying after "and" with no statement before it belongs to the sentence\'s subject', () => {
  it('"Chinese Foreign Minister Wang Yi defended Beijing\'s stance … and indicated that …" is Wang Yi\'s', () => {
    expect(
      statements("Chinese Foreign Minister Wang Yi defended Beijing's stance regarding Russia's full-scale war and indicated that it would strengthen its ties with Moscow in the upcoming year.", '2022-12-25'),
    ).toEqual([['wang-yi', 'indicated', 'indirect', 'it would strengthen its ties with Moscow in the upcoming year']]);
  });
  it('a subject that is no actor says nothing: "Talks between the two sides ended and said nothing."', () => {
    expect(statements('Talks between the two sides ended and said nothing new.', '2022-12-25')).toEqual([]);
  });
});

describe('a colon and a quote after the cue introduce what was said', () => {
  it('a scare quote before "he said:" is not the statement; the quote after the colon is', () => {
    const got = statements('Wang Yi spoke on Sunday.\n\nRegarding Russia\'s full-scale war, which he referred to as the "Ukraine crisis," he said: "We have consistently upheld an objective and impartial position."', '2022-12-25');
    expect(got).toEqual([['wang-yi', 'said', 'direct', 'We have consistently upheld an objective and impartial position.']]);
  });
  it('a quote before the cue stays the statement when no quote follows the colon', () => {
    expect(statements('Wang Yi spoke on Sunday. "The talks were useful," he said: nothing more.', '2022-12-25').map((s) => s.slice(0, 3))).toEqual([['wang-yi', 'said', 'direct']]);
  });
});

describe('a circumstance between the cue and "that" is no content', () => {
  it('"reiterated on CNN\'s "State of the Union" that …" and "said earlier in the interview with … newspaper that …"', () => {
    expect(statements('Jake Sullivan reiterated on CNN\'s "State of the Union" that the U.S. is laying out those consequences in private with Chinese officials.', '2023-02-26')).toEqual([
      ['jake-sullivan', 'reiterated', 'indirect', 'the U.S. is laying out those consequences in private with Chinese officials'],
    ]);
    expect(statements('Sergey Lavrov said earlier in the interview with the Argumenty i Fakty newspaper that Russian-Chinese relations were at their best.', '2021-03-22')[0]?.[3]).toBe('Russian-Chinese relations were at their best');
  });
  it('a clause with a verb of its own before "that" is not passed over as a circumstance', () => {
    expect(statements('Sergey Lavrov said the talks were useful and that more would follow.', '2021-03-22')[0]?.[3]).toBe('the talks were useful and that more would follow');
  });
});

describe('"the two leaders" are the two people named together just before', () => {
  it('"… a summit between Russian President Vladimir Putin and Chinese President Xi Jinping. The two leaders declared …" is theirs, not the most named pair', () => {
    const got = statements(
      'EU foreign policy chief Josep Borrell said on Friday that China had limits. Borrell\'s remarks followed a summit this week between Russian President Vladimir Putin and Chinese President Xi Jinping. The two leaders declared a "no limits" partnership in February 2022.',
      '2023-03-24',
    );
    expect(got.map((s) => s[0])).toEqual(['josep-borrell', 'vladimir-putin+xi-jinping']);
  });
  it('states joined by "and" after a preposition are no pair that speaks: "standoffs on Ukraine and Taiwan"', () => {
    const got = statements('China and Russia met in Beijing. They backed each other over standoffs on Ukraine and Taiwan with a promise. The two countries said their relationship was superior to any Cold War era alliance.', '2022-02-04');
    expect(got.at(-1)?.[0]).toBe('china+russia');
  });
});

describe('the subject of a participle after a verb that reports nothing: a lower-case title, a pronoun', () => {
  it('"White House press secretary Jen Psaki declined …, saying …" is Psaki, not the White House', () => {
    expect(statements('White House press secretary Jen Psaki declined to offer details, saying they would be coordinated with U.S. allies.', '2022-03-14').map((s) => s[0])).toEqual(['jen-psaki']);
  });
  it('"But she declined …, saying …" is the woman named before', () => {
    expect(statements('Jen Psaki spoke on Monday. But she declined to offer specific information about those consequences, saying they would be coordinated with U.S. allies.', '2022-03-14').map((s) => s[0])).toEqual(['jen-psaki']);
  });
  it('a phrase with a preposition before the name is no title: "Talks between Putin and Xi ended in Beijing, saying nothing."', () => {
    expect(statements('Talks between Vladimir Putin and Xi Jinping ended in Beijing, saying nothing.', '2022-03-14')).toEqual([]);
  });
});

describe('sources of a state, groups and pairs with titles', () => {
  it('"according to U.S. intelligence" and "according to Russian media" are unnamed sources of that state, not the state', () => {
    const who = (text: string) => pipeline.annotate(articleFromText(text, { published: '2023-02-26' })).statements.map((s) => [s.speaker, s.speaker_type, s.speaker_country]);
    expect(who('China is considering supplying Russia with weapons, according to U.S. intelligence.')).toEqual([['U.S. intelligence', 'unnamed', 'USA']]);
    expect(who('China is considering supplying Russia with weapons, according to Russian media.')).toEqual([['Russian media', 'unnamed', 'RUS']]);
  });
  it('"according to the United States" is the state itself', () => {
    expect(statements('China is considering supplying Russia with weapons, according to the United States.', '2023-02-26').map((s) => s[0])).toEqual(['united-states']);
  });
  it('"countered that" reports speech; "The three nations said" is an unnamed group', () => {
    expect(statements('Linda Thomas-Greenfield countered that Russia was massing troops on the border.', '2022-01-31').map((s) => s.slice(0, 2))).toEqual([['linda-thomas-greenfield', 'countered']]);
    expect(pipeline.annotate(articleFromText('The three nations said they would closely monitor the talks.', { published: '2023-09-12' })).statements.map((s) => s.speaker)).toEqual(['The three nations']);
  });
  it('two people with their titles joined by "and" speak together', () => {
    expect(statements('Chinese Foreign Minister Wang Yi and Russian Foreign Minister Sergey Lavrov said the talks were useful.', '2021-03-23').map((s) => s[0])).toEqual(['wang-yi+sergey-lavrov']);
  });
  it('an object before "and" is no partner: "Trade with China and Russian Foreign Minister Sergey Lavrov said …" is Lavrov alone', () => {
    expect(statements('Trade with China and Russian Foreign Minister Sergey Lavrov said the talks were useful.', '2021-03-23').map((s) => s[0])).toEqual(['sergey-lavrov']);
  });
});

describe('a noun phrase summing up the clause after a trailing cue', () => {
  it('"…, the official said, a discussion that addressed …" gives the clause before the cue', () => {
    expect(statements("U.S. and Chinese officials met for seven hours in Rome, the official said, a discussion that addressed in part Russia's invasion of Ukraine.", '2022-03-14')).toEqual([
      ['the official', 'said', 'indirect', 'U.S. and Chinese officials met for seven hours in Rome'],
    ]);
  });
  it('a clause after the cue is still the content: "Lavrov said the talks, which lasted hours, were useful."', () => {
    expect(statements('Sergey Lavrov said the talks, which lasted three hours, were useful.', '2022-03-14')[0]?.[3]).toBe('the talks, which lasted three hours, were useful');
  });
});

describe('a noun after a name and a determiner, and a passive of an -en participle, are no cues', () => {
  it('"the U.S. comments appeared …" and "Lai Ching-te was sworn into office" say nothing', () => {
    expect(statements('Taken together, the U.S. comments appeared to be among the clearest warnings yet.', '2023-02-19')).toEqual([]);
    expect(statements("Beijing kicked off the military drills last week, three days after Taiwan's new President Lai Ching-te was sworn into office.", '2024-05-29')).toEqual([]);
  });
  it('"The State Department states that …" and "Lai Ching-te has sworn that …" still do', () => {
    expect(statements('The State Department states that China is helping Russia.', '2024-05-29').map((s) => s[1])).toEqual(['states']);
    expect(statements('Lai Ching-te has sworn that Taiwan will defend itself.', '2024-05-29').map((s) => s[1])).toEqual(['sworn']);
  });
});

describe('a channel trailing an according-to content', () => {
  it('"According to Yuri Ushakov, …, reports TASS News Agency." stops before the channel', () => {
    expect(statements('According to Yuri Ushakov, the meeting between Xi and Putin is a long-awaited personal contact, reports TASS News Agency.', '2022-09-13')[0]?.[3]).toBe('the meeting between Xi and Putin is a long-awaited personal contact');
  });
  it('words after the content that name no channel stay: "… with reports of progress."', () => {
    expect(statements('According to Yuri Ushakov, the meeting between Xi and Putin is a long-awaited personal contact with reports of progress.', '2022-09-13')[0]?.[3]).toBe('the meeting between Xi and Putin is a long-awaited personal contact with reports of progress');
  });
});

describe('"said the secretary" before the secretary is named', () => {
  it('is the person the next sentence opens with under the same role noun', () => {
    expect(statements('Title\n\n"We will not allow China to supply Russia with weapons," said the secretary.\n\nSecretary of State Antony Blinken made the remarks in Munich on Saturday.', '2023-02-18').map((s) => s[0])).toEqual(['antony-blinken']);
  });
  it('stays unnamed when the next sentence opens with someone of another office', () => {
    expect(statements('Title\n\n"We will not allow it," said the secretary.\n\nPresident Joe Biden left Munich on Saturday.', '2023-02-18').map((s) => s[0])).toEqual(['the secretary']);
  });
});

describe('a role noun names only someone who may hold that office (role_offices in cues.yaml)', () => {
  it('"the spokesman" after a sentence about Putin and Xi is the spokesman who spoke before, not the president', () => {
    const got = statements('"The talks will be substantive," Dmitry Peskov told reporters.\n\nThe visit was announced after Vladimir Putin spoke with Xi Jinping by phone. The spokesman added that the date was already set.', '2023-03-13');
    expect(got.map((s) => s[0])).toEqual(['dmitry-peskov', 'dmitry-peskov']);
  });
  it('"the spokesperson" after three people named together is the one whose office it is', () => {
    expect(statements('Antony Blinken and Dmitry Peskov and Wang Wenbin spoke on Tuesday.\n\nThe foreign ministry spokesperson said that China cannot be at the table and acting when it comes to the war.', '2023-04-24').map((s) => s[0])).toEqual(['wang-wenbin']);
  });
  it('a noun with no offices listed is read as before: "the official" is the subject of the sentence naming the nearest person', () => {
    expect(statements('Vladimir Putin spoke with Xi Jinping on Monday. The official added that the date was already set.', '2023-03-13').map((s) => s[0])).toEqual(['vladimir-putin']);
  });
});

describe('subjects after an opening adverb, and organisations named by their kind', () => {
  it('"Additionally, Russia and China said …" is a joint statement of both', () => {
    expect(statements('Additionally, Russia and China said that democracy must not be used to put pressure on other countries.', '2022-02-05').map((s) => s[0])).toEqual(['russia+china']);
  });
  it('"The company also said …" after "Gazprom set a record." is Gazprom; "the ministry" after NATO is no NATO', () => {
    expect(statements('Gazprom set a record. The company also said that such results were achieved because of daily deliveries.', '2024-01-03').map((s) => s[0])).toEqual(['gazprom']);
    expect(statements('NATO met in Brussels. The ministry said the talks were useful.', '2024-01-03').map((s) => s[0])).toEqual(['ministry']);
  });
});

describe('a channel right after a circumstance is no content', () => {
  it('"… reported in a telegram, reports UNN." gives no statement whose content is "reports UNN"', () => {
    const got = statements('Gazprom set a historical record of daily exports. This was announced by the press service of the Russian company reported in a telegram, reports UNN.', '2024-01-03');
    expect(got.filter((s) => s[3] === 'reports UNN')).toEqual([]);
  });
  it('the content before a trailing channel stays: "Gazprom said that exports grew, reports UNN."', () => {
    expect(statements('Gazprom said that exports to China grew again, reports UNN.', '2024-01-03').map((s) => s[3])).toEqual(['exports to China grew again']);
  });
});

describe('a speech act named by a noun: "made assurances that", "made the point that"', () => {
  it('"The envoy made assurances that …" is a statement of the envoy named before', () => {
    expect(statements('Li Hui met Dmytro Kuleba in Kyiv. The envoy made assurances that China intended to assist in decreasing the level of escalation.', '2023-06-02')).toEqual([
      ['li-hui', 'made assurances', 'indirect', 'China intended to assist in decreasing the level of escalation'],
    ]);
  });
  it('"made progress in the talks" is no cue', () => {
    expect(statements('Russia made progress in the talks with China on Monday.', '2023-06-02')).toEqual([]);
  });
});

describe('the end of an organisation\'s name is no person', () => {
  it('"The Ministry of Foreign Affairs said …" speaks as an organisation, not as a person "Foreign Affairs"', () => {
    const got = pipeline.annotate(articleFromText('The Ministry of Foreign Affairs said that China has never ruled Taiwan.', { published: '2022-02-05' })).statements;
    expect(got.map((s) => [s.speaker, s.speaker_type])).toEqual([['Ministry of Foreign Affairs', 'organization']]);
  });
  it('a name after "of" and a word that heads no organisation is still a person: "Friends of John Smith said …"', () => {
    expect(statements('Friends of John Smith said the talks were useful.', '2022-02-05').map((s) => s[0])).toEqual(['unregistered:john-smith']);
  });
});

describe('"but said" starts a new statement of the same speaker', () => {
  it('"The Kremlin … acknowledged China\'s proposal … but said the conditions … were not in place."', () => {
    expect(statements("The Kremlin on Monday acknowledged China's proposal for a political solution in Ukraine but said the conditions for a peaceful resolution were not in place.", '2023-02-27')).toEqual([
      ['kremlin', 'acknowledged', 'indirect', "China's proposal for a political solution in Ukraine"],
      ['kremlin', 'said', 'indirect', 'the conditions for a peaceful resolution were not in place'],
    ]);
  });
  it('"but that" inside the content is no new cue, and "against" is no "again": "warned against escalation"', () => {
    expect(statements('Vladimir Putin said the talks were useful but that more work was needed.', '2023-02-27')[0]?.[3]).toBe('the talks were useful but that more work was needed');
    expect(statements('Sergey Lavrov warned against any escalation in the region.', '2023-02-27')[0]?.[3]).toBe('against any escalation in the region');
  });
});

describe('an agency in apposition to the noun naming its kind', () => {
  it('"…, Russian state news agency, Tass, said in a report on Wednesday." is TASS\'s (and "Tass" is TASS), the agency\'s kind no content', () => {
    expect(statements('President Xi Jinping will meet his Russian counterpart Vladimir Putin in Samarkand next week, Russian state news agency, Tass, said in a report on Wednesday.', '2022-09-07')).toEqual([
      ['tass', 'said', 'indirect', 'President Xi Jinping will meet his Russian counterpart Vladimir Putin in Samarkand next week'],
    ]);
  });
  it('"…, in what will be the Chinese leader\'s first foreign tour since January, 2020." after the cue is no content', () => {
    const got = statements('President Xi Jinping will meet Vladimir Putin in Samarkand next week, Russian state news agency, Tass, said in a report from here on Wednesday, in what will be the Chinese leader’s first foreign tour since January, 2020.', '2022-09-07');
    expect(got.map((s) => s[3])).toEqual(['President Xi Jinping will meet Vladimir Putin in Samarkand next week']);
  });
  it('a list of actors is no apposition: "…, China, NATO, said." names no speaker by apposition', () => {
    expect(statements('Beijing and Moscow will hold talks, China, NATO, said.', '2022-09-07')).toEqual([]);
  });
});

describe('the one a source quotes or cites speaks: "quoted X as saying", "cited X as saying", "…, the ministry cited X."', () => {
  it('"It quoted Kremlin spokesman Dmitry Peskov as saying …" (Reuters) is Peskov\'s, his title and "as saying" no content', () => {
    expect(statements('The Russian news agency TASS quoted Kremlin spokesman Dmitry Peskov as saying the two sides would release details in due course.', '2022-12-26')).toEqual([
      ['dmitry-peskov', 'quoted', 'indirect', 'the two sides would release details in due course'],
    ]);
  });
  it('"The foreign ministry cited Lavrov as saying that …" (Sputnik) and "…, the ministry cited Lavrov." are Lavrov\'s', () => {
    const text = 'Sergey Lavrov met Qin Gang in Goa. The foreign ministry cited Lavrov as saying that Moscow attaches great importance to the document. Moscow is ready to maintain close contacts with Beijing, the ministry cited Lavrov.';
    expect(statements(text, '2023-05-05').map((s) => s.slice(0, 2))).toEqual([
      ['sergey-lavrov', 'cited'],
      ['sergey-lavrov', 'cited'],
    ]);
  });
  it('a document cited at the clause\'s end does not speak: "…, the ministry cited the statement." stays the ministry\'s', () => {
    expect(statements('Moscow is ready to maintain close contacts with Beijing, the ministry cited the statement.', '2023-05-05').map((s) => s.slice(0, 2))).toEqual([['ministry', 'cited']]);
  });
});

describe('an addressee and a trailing channel around a participle\'s content', () => {
  it('"…, telling him that “now is not a time of war,” CNN reported." holds neither "him" nor "CNN reported"', () => {
    const got = statements('Indian Prime Minister has apparently rebuffed Putin’s war in Ukraine, telling him that “now is not a time of war,” CNN reported.', '2022-09-16');
    expect(got.find((s) => s[1] === 'telling')?.[3]).toBe('“now is not a time of war');
  });
  it('an addressee is skipped only after a verb of telling: "…, reminding him of the importance of dialogue" keeps its object', () => {
    const got = statements('Narendra Modi spoke to Vladimir Putin, reminding him of the importance of democracy and dialogue.', '2022-09-16');
    expect(got.find((s) => s[1] === 'reminding')?.[3]).toBe('him of the importance of democracy and dialogue');
  });
});

describe('a direct question reports nothing (a reporter\'s question in an MFA transcript)', () => {
  it('"Does China believe that …?" is no statement of China\'s', () => {
    expect(statements('Does China believe that the series of bombings in many places in Ukraine today are constructive measures taken by Russia to ease the situation?', '2022-10-10')).toEqual([]);
  });
  it('a statement about a question is still one: "Lavrov asked whether the West is ready to talk." and "China believes that …"', () => {
    expect(statements('China believes that the talks are useful.', '2022-10-10')).toEqual([['china', 'believes', 'indirect', 'the talks are useful']]);
    expect(statements('Sergey Lavrov asked whether the West is ready to talk.', '2022-10-10').map((s) => s[0])).toEqual(['sergey-lavrov']);
  });
});

describe('a continuation keeps the date its statement states (the devset\'s convention)', () => {
  const dated = (text: string) => pipeline.annotate(articleFromText(text, { published: '2022-03-14' })).statements.map((s) => [s.rule, s.date, s.date_basis]);
  it('"…," Sullivan said on Sunday. "…" — both Sunday, 2022-03-13', () => {
    expect(dated('“We are communicating very directly, privately to Beijing,” Jake Sullivan said on CNN on Sunday. “We will not allow that to go forward.”')).toEqual([
      ['quote-speaker-cue', '2022-03-13', 'text'],
      ['continuation', '2022-03-13', 'text'],
    ]);
  });
  it('after an undated statement the continuation has the publication date', () => {
    expect(dated('“We are communicating very directly, privately to Beijing,” Jake Sullivan said. “We will not allow that to go forward.”')).toEqual([
      ['quote-speaker-cue', '2022-03-14', 'publication'],
      ['continuation', '2022-03-14', 'publication'],
    ]);
  });
});

describe('a pronoun\'s trailing cue takes the sentence from a state\'s cue opening it', () => {
  it('"China hopes that …, he added." (Xinhua) is his, the whole clause his content', () => {
    expect(statements('Xi Jinping met Vladimir Putin. China hopes that the China-Mongolia-Russia natural gas pipeline project will make substantive progress as soon as possible, he added.', '2023-10-18')).toEqual([
      ['xi-jinping', 'added', 'indirect', 'China hopes that the China-Mongolia-Russia natural gas pipeline project will make substantive progress as soon as possible'],
    ]);
  });
  it('a pronoun inside a clause is no trailing attribution: "China maintains that …, as what he said were signs." stays China\'s', () => {
    expect(statements('Xi Jinping met Vladimir Putin. China maintains that the talks are useful, as what he said were signs.', '2023-10-18').map((s) => s[0])).toEqual(['china']);
  });
});

describe('"without …ing" after a cue is its manner, no content', () => {
  it('"…, Russian state news agency TASS said on Monday, without giving details of the timing or format." (Reuters) gives the clause before', () => {
    expect(statements('Russian President Vladimir Putin and his Chinese counterpart Xi Jinping will speak before the end of the year, Russian state news agency TASS said on Monday, without giving details of the timing or format.', '2022-12-26')).toEqual([
      ['tass', 'said', 'indirect', 'Russian President Vladimir Putin and his Chinese counterpart Xi Jinping will speak before the end of the year'],
    ]);
  });
  it('before "that", it is passed over and the that-clause is the content: "Lavrov said, without elaborating, that Russia would respond."', () => {
    expect(statements('Sergey Lavrov said, without elaborating, that Russia would respond.', '2022-12-26')).toEqual([['sergey-lavrov', 'said', 'indirect', 'Russia would respond']]);
    expect(statements('Sergey Lavrov said without evidence that Kyiv had planned the attack.', '2022-12-26').map((s) => s[3])).toEqual(['Kyiv had planned the attack']);
  });
});

describe('what an unnamed source is said to report is the source\'s statement: "…, according to U.S. officials."', () => {
  const who = (text: string) => pipeline.annotate(articleFromText(text, { published: '2022-03-14' })).statements.map((s) => [s.speaker, s.speaker_type, s.speaker_country, s.cue, s.text]);
  it('"Russia asked China to give it military equipment …, according to U.S. officials." (NYT) is the officials\', the asking their content', () => {
    expect(who('Russia asked China to give it military equipment and support for the war in Ukraine, according to U.S. officials.')).toEqual([
      ['U.S. officials', 'unnamed', 'USA', 'according to', 'Russia asked China to give it military equipment and support for the war in Ukraine'],
    ]);
  });
  it('"…, according to conversations CNN had with two US officials." (CNN) is the officials\' too', () => {
    expect(who('Russia has asked China for military support, including drones, according to conversations CNN had with two US officials.').map((s) => s.slice(0, 4))).toEqual([['US officials', 'unnamed', 'USA', 'according to']]);
  });
  it('a named source keeps the speaker it reports: "Vladimir Putin said the talks were useful, according to the Kremlin." is Putin\'s', () => {
    expect(who('Vladimir Putin said the talks were useful, according to the Kremlin.').map((s) => s.slice(0, 4))).toEqual([['Vladimir Putin', 'person', 'RUS', 'said']]);
  });
});

describe('transcript labels (the Chinese MFA\'s and the Kremlin\'s transcripts)', () => {
  it('"Mao Ning: China has repeatedly reiterated …" is her answer, a cue inside it no statement of its own', () => {
    const text = 'Foreign Ministry Spokesperson Mao Ning hosted a regular press conference on October 10, 2022.\n\nMao Ning: China has repeatedly reiterated its position on the Ukraine issue. We always maintain that the sovereignty of all countries should be respected.';
    expect(statements(text, '2022-10-10').map((s) => s.slice(0, 3))).toEqual([['mao-ning', ':', 'direct']]);
  });
  it('a title before the name and a note after it: "President of China Xi Jinping (retranslated): …"', () => {
    const text = 'Vladimir Putin and Xi Jinping held talks in Beijing.\n\nPresident of China Xi Jinping (retranslated): Mr Putin, my dear friend, welcome to China for the Third Belt and Road Forum.';
    expect(statements(text, '2023-10-18')).toEqual([['xi-jinping', ':', 'direct', 'Mr Putin, my dear friend, welcome to China for the Third Belt and Road Forum']]);
  });
  it('capitalised words before a colon that name no person are no label: "Joint Statement of the Two Sides: …"', () => {
    expect(statements('Vladimir Putin and Xi Jinping held talks.\n\nJoint Statement of the Two Sides: the parties agreed to deepen ties.', '2023-10-18')).toEqual([]);
  });
});

describe('a trailing attribution takes the sentence from any subject but a person\'s', () => {
  it('"…, and the countries will jointly announce the time of this trip, the Kremlin spokesman said." (Vestnik Kavkaza) is Peskov\'s', () => {
    const got = statements("Dmitry Peskov spoke to reporters. Preparations for the Russian president's trip to China are being wrapped up, and the countries will jointly announce the time of this trip, the Kremlin spokesman said.", '2023-09-20');
    expect(got.map((s) => s.slice(0, 2))).toEqual([['dmitry-peskov', 'said']]);
  });
  it('the comma may close a quoted phrase: `Russia hopes to … on "all international platforms," Putin said.` is Putin\'s', () => {
    const got = statements('Vladimir Putin met Xi Jinping. Russia hopes to increase cooperation with China on "all international platforms," Putin said.', '2024-10-22');
    expect(got.map((s) => s.slice(0, 2))).toEqual([['vladimir-putin', 'said']]);
  });
  it('a person\'s own cue stays: "Putin told Xi the talks were useful, the Kremlin said." is Putin\'s', () => {
    expect(statements('Vladimir Putin told Xi Jinping the talks were useful, the Kremlin said.', '2024-10-22').map((s) => s.slice(0, 2))).toEqual([['vladimir-putin', 'told']]);
  });
});

describe('a source carrying a titled speaker\'s attribution gives way to it', () => {
  it('"According to China\'s Global Times, Chinese President Xi Jinping said that …" (Lokmat Times) is Xi\'s', () => {
    expect(statements("According to China's Global Times, Chinese President Xi Jinping said that China and Russia have found the right way.", '2024-10-22')).toEqual([
      ['xi-jinping', 'said', 'indirect', 'China and Russia have found the right way'],
    ]);
  });
  it('"Russian media reported President Putin as saying that …" is Putin\'s; "TASS reported that …" stays TASS\'s', () => {
    expect(statements('Russian Media reported President Putin as saying that Russian-Chinese relations have become a model.', '2024-10-22').map((s) => s[0])).toEqual(['vladimir-putin']);
    expect(statements('TASS reported that Vladimir Putin would visit China.', '2024-10-22').map((s) => s[0])).toEqual(['tass']);
  });
  it('an untitled clause after the source is the source\'s: "According to Xinhua, Chinese trade with Russia grew by a third."', () => {
    expect(statements('According to Xinhua, Chinese trade with Russia grew by a third.', '2024-10-22').map((s) => s[0])).toEqual(['xinhua']);
  });
});

describe('a reading that repeats a statement already read gives way to the next reader\'s', () => {
  it('"Calling Putin “old friend”, Xi said, “…”" (AFR): the scare quote is no quote before the cue; Xi\'s quote after it is read', () => {
    const got = statements('Calling Putin “old friend”, Xi Jinping said, “China is willing to work with Russia, display the responsibilities of the major powers.”', '2022-09-15');
    expect(got.filter((s) => s[1] === 'said')).toEqual([['xi-jinping', 'said', 'direct', 'China is willing to work with Russia, display the responsibilities of the major powers.']]);
  });
  it('a quote read once is not read twice: `"…," Xi said, Xinhua reported.` is one statement', () => {
    expect(statements('“China is willing to work with Russia,” Xi Jinping said, Xinhua reported.', '2022-09-15').map((s) => s.slice(0, 2))).toEqual([['xi-jinping', 'said']]);
  });
});

describe('more that stands between a speaker and the cue', () => {
  it('"at the time", "on his part" and a note in brackets are passed over (Opoyi, Hindustan Times, CNA, Taipei Times)', () => {
    expect(statements('Dmitry Peskov at the time added that Vladimir Putin had already assessed the entry of Finland and Sweden into NATO.', '2023-04-05').map((s) => s.slice(0, 2))).toEqual([['dmitry-peskov', 'added']]);
    expect(statements('Olaf Scholz on his part asked Xi Jinping to exert his influence on Russia.', '2022-11-04').map((s) => s.slice(0, 2))).toEqual([['olaf-scholz', 'asked']]);
    expect(statements('China on Friday (Nov 1) insisted that growing ties between Pyongyang and Moscow were not its concern.', '2024-11-01')).toEqual([['china', 'insisted', 'indirect', 'growing ties between Pyongyang and Moscow were not its concern']]);
  });
  it('a clause of its own between them still breaks the link: "Peskov met the press and Putin later added nothing." gives Peskov nothing', () => {
    expect(statements('Dmitry Peskov met the press and Vladimir Putin later added nothing.', '2023-04-05').filter((s) => s[0] === 'dmitry-peskov')).toEqual([]);
  });
});

describe('a contact is no statement: a guest welcomed, a person called with nothing said', () => {
  it('"Xi Jinping called his Ukrainian counterpart Volodymyr Zelenskyy on Wednesday." (Politico) and "… warmly welcomed Chinese leader Xi Jinping to the Kremlin" (AP) say nothing', () => {
    expect(statements("China's President Xi Jinping called his Ukrainian counterpart Volodymyr Zelenskyy on Wednesday.", '2023-04-26')).toEqual([]);
    expect(statements('Russian President Vladimir Putin warmly welcomed Chinese leader Xi Jinping to the Kremlin on Monday.', '2023-03-20')).toEqual([]);
    expect(statements('Xi Jinping called Vladimir Putin on Wednesday to discuss the war.', '2023-04-26')).toEqual([]);
  });
  it('"called X a Y" and "called on X to …" say something', () => {
    expect(statements('Xi Jinping called Vladimir Putin his best friend.', '2023-04-26').map((s) => s.slice(0, 2))).toEqual([['xi-jinping', 'called']]);
    expect(statements('Joe Biden called on Xi Jinping to condemn the invasion.', '2023-04-26').map((s) => s.slice(0, 2))).toEqual([['joe-biden', 'called']]);
  });
});

describe('"he" after a sentence opening with a phrase and a comma is its subject, not a person named in its object', () => {
  it('"In his own speech at the Security Council, Vassily Nebenzia began by calling for Zelensky’s participation. “…,” he said." is Nebenzia\'s', () => {
    const got = statements('In his own speech at the Security Council, Vassily Nebenzia began by calling again for Volodymyr Zelensky’s participation in meetings. “We apparently heard his next video message,” he said.', '2023-02-24');
    expect(got.map((s) => s.slice(0, 2))).toEqual([['vassily-nebenzia', 'said']]);
  });
  it('with the person in the opening phrase, the subject after the comma still is: "After meeting Wang Yi, Sergey Lavrov … “…,” he said." is Lavrov\'s', () => {
    const got = statements('After meeting Wang Yi in Moscow, Sergey Lavrov praised the talks. “We are satisfied,” he said.', '2023-02-24');
    expect(got.filter((s) => s[1] === 'said').map((s) => s[0])).toEqual(['sergey-lavrov']);
  });
});

describe('a briefing\'s questioners ask, they state nothing (cues.yaml questioners)', () => {
  it('"Reporters also asked how Moscow can respond in this regard." (Opoyi) is no statement', () => {
    expect(statements('Reporters also asked how Moscow can respond in this regard.', '2023-04-05')).toEqual([]);
  });
  it('anyone else\'s question is reported speech: "Sergey Lavrov asked whether the West was ready to talk."', () => {
    expect(statements('Sergey Lavrov asked whether the West was ready to talk.', '2023-04-05').map((s) => s.slice(0, 2))).toEqual([['sergey-lavrov', 'asked']]);
  });
});

describe('"went on to" and "continued to" before the cue (Jiji)', () => {
  it('`"…," Kishi went on to say.` and "Kishi continued to insist that …" are Kishi\'s', () => {
    expect(statements('“Japan cannot overlook the fact that China has taken a joint action with aggressor Russia,” Nobuo Kishi went on to say.', '2022-05-24').map((s) => s.slice(0, 3))).toEqual([['nobuo-kishi', 'say', 'direct']]);
    expect(statements('Nobuo Kishi continued to insist that Japan would protest.', '2022-05-24').map((s) => s.slice(0, 2))).toEqual([['nobuo-kishi', 'insist']]);
  });
  it('"went on to" before a verb that is no cue says nothing: "Nobuo Kishi went on to meet Lloyd Austin."', () => {
    expect(statements('Nobuo Kishi went on to meet Lloyd Austin in Tokyo.', '2022-05-24')).toEqual([]);
  });
});

describe('role phrases of Ukrainian and Russian copy, and "the authorities" (Interfax-Ukraine, Yonhap)', () => {
  const who = (text: string, published: string) => pipeline.annotate(articleFromText(text, { published })).statements.map((s) => [s.speaker_id || s.speaker, s.speaker_country, s.cue]);
  it('"the head of Ukrainian diplomacy" is the foreign minister, "the head of state" the president named before', () => {
    expect(who('Ukrainian Foreign Minister Dmytro Kuleba spoke to the FT. The head of Ukrainian diplomacy said he made it clear to Chinese officials that the plan was inappropriate.', '2023-03-15')).toEqual([['dmytro-kuleba', 'UKR', 'said']]);
    expect(who("President Volodymyr Zelensky spoke in Kyiv. At the same time, the head of state said that it was not China's peace plan.", '2023-02-24')).toEqual([['volodymyr-zelensky', 'UKR', 'said']]);
  });
  it('"the Chinese authorities told …" speak unnamed for China; "The authorities said" for no state', () => {
    expect(who('Through a communication line, the Chinese authorities told the South Korean military that their aircraft staged a routine exercise.', '2021-11-19')).toEqual([['the Chinese authorities', 'CHN', 'told']]);
    expect(who('The authorities said the road was closed.', '2021-11-19')).toEqual([['The authorities', '', 'said']]);
  });
});

describe('an outlet reporting the quote of the person who just spoke (Euromaidan Press)', () => {
  it('`"…," Putin told Xi. ¶ "…," Reuters reported.` gives the second quote to Putin too', () => {
    const got = statements('“We highly value the balanced position of our Chinese friends,” Vladimir Putin told Xi Jinping.\n“We understand your questions and concern about this. We will of course explain our position,” Reuters reported.', '2022-09-16');
    expect(got.map((s) => s.slice(0, 2))).toEqual([['vladimir-putin', 'told'], ['vladimir-putin', 'reported']]);
  });
  it('with no one speaking just before, the outlet\'s quote stays the outlet\'s', () => {
    expect(statements('“We understand your questions and concern about this,” Reuters reported.', '2022-09-16').map((s) => s.slice(0, 2))).toEqual([['reuters', 'reported']]);
  });
});

describe('an indefinite role with whose it is after its noun (AP via CBC)', () => {
  const who = (text: string) => pipeline.annotate(articleFromText(text, { published: '2024-07-11' })).statements.map((s) => [s.speaker, s.speaker_type, s.speaker_country, s.cue]);
  const text =
    'NATO Secretary General Jens Stoltenberg said China was a decisive enabler of the war. A spokesperson for the Chinese mission to the European Union described the draft as “full of Cold War mentality.” “China\'s core position on the Ukraine issue is to promote peace talks,” said the spokesperson.';
  it('"A spokesperson for the Chinese mission to the European Union" is someone new for China, not the EU nor Stoltenberg who spoke before; "said the spokesperson" is that one again', () => {
    expect(who(text)).toEqual([
      ['Jens Stoltenberg', 'person', 'NATO', 'said'],
      ['A spokesperson for the Chinese mission to the European Union', 'unnamed', 'CHN', 'described'],
      ['A spokesperson for the Chinese mission to the European Union', 'unnamed', 'CHN', 'said'],
    ]);
  });
  it('a definite role after a person who may hold it is that person: "Mao Ning spoke. The spokesperson for the Foreign Ministry said …"', () => {
    expect(who('Mao Ning spoke in Beijing. The spokesperson for the Foreign Ministry said the talks were useful.').map((s) => s[0])).toEqual(['Mao Ning']);
  });
});

describe('an opening dateline, a time phrase and an indefinite source around the subject (Asahi/Reuters, AFP)', () => {
  it('"BEIJING/ MOSCOW/WASHINGTON--China and Russia on the opening day of the Winter Olympics declared …" is China\'s and Russia\'s together', () => {
    const got = statements('Putin met Xi.\nBEIJING/ MOSCOW/WASHINGTON--China and Russia on the opening day of the Winter Olympics declared a "no limits" partnership, backing each other over standoffs on Ukraine and Taiwan.', '2022-02-05');
    expect(got.map((s) => s.slice(0, 2))[0]).toEqual(['china+russia', 'declared']);
  });
  it('"Vladimir Putin on the sidelines of the SCO summit said that …" is Putin\'s; "the sidelines" after no one names no speaker', () => {
    expect(statements('Vladimir Putin on the sidelines of the SCO summit said that ties were strong.', '2022-09-16').map((s) => s.slice(0, 2))).toEqual([['vladimir-putin', 'said']]);
    expect(statements('Talks on the sidelines of the SCO summit said little.', '2022-09-16')).toEqual([]);
  });
  it('"…, according to a French diplomat." is someone new, not the person named in the content', () => {
    const got = pipeline.annotate(articleFromText("Emmanuel Macron met Xi Jinping. During the talks, Xi expressed an intention to speak with Ukraine's President Volodymyr Zelenskyy when the time comes, according to a French diplomat.", { published: '2023-04-06' })).statements;
    expect(got.map((s) => [s.speaker, s.speaker_type])).toEqual([['a French diplomat', 'unnamed']]);
  });
});
