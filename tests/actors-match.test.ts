import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { articleFromText, loadCorpus, type Article } from '../src/corpus';
import { createRegistry, findMentions, loadRegistry, readRegistryFile, resolvePronoun, KIT_REGISTRY, type Registry } from '../src/annotators/actors';
import type { Mention } from '../src/annotators/types';
import { dataPath } from '../src/data';
import { SEED, SEEDS } from './helpers';

let articles: Map<string, Article>;
let registry: Registry;
const mentions = new Map<string, Mention[]>();

beforeAll(async () => {
  articles = new Map((await loadCorpus(SEEDS)).articles.map((a) => [a.article_id, a]));
  registry = loadRegistry();
  for (const [id, a] of articles) mentions.set(id, findMentions(a, registry));
});

const show = (m: Mention): string => `${m.surface}→${m.actor_id}/${m.kind}`;
/** The mentions of one seed sentence, as "surface→actor_id/kind". */
const sentence = (article: string, index: number): string[] => mentions.get(article)!.filter((m) => m.sentence === index).map(show);
const text = (article: string, index: number): string => articles.get(article)!.sentences[index]!.text;
const found = (t: string, published = '2022-03-07', reg = registry): string[] => findMentions(articleFromText(t, { published }), reg).map(show);

describe('every actor a careful reader would list is found, and nothing else', () => {
  const expected: Record<string, string[]> = {
    [SEED.kyivPost]: ['antony-blinken', 'cctv', 'china', 'janet-yellen', 'kurt-campbell', 'mao-ning', 'ncuscr', 'north-korea', 'russia', 'sergey-lavrov', 'ukraine', 'united-states', 'vladimir-putin', 'wang-yi', 'xi-jinping'],
    [SEED.ap]: ['antony-blinken', 'beijing-news', 'china', 'eu', 'national-peoples-congress', 'nato', 'russia', 'taiwan', 'ukraine', 'united-states', 'vladimir-putin', 'wang-yi', 'xi-jinping'],
    [SEED.newsweek]: ['china', 'china-embassy-ukraine', 'china-mfa', 'nato', 'russia', 'ukraine', 'united-nations', 'united-states', 'vladimir-putin', 'wang-wenbin'],
    // Hong Kong and Macao: territories the sanctions name beside mainland China, actors as China is there.
    [SEED.dw]: ['alexander-bortnikov', 'alexei-navalny', 'antony-blinken', 'canada', 'ccp', 'chen-mingguo', 'china', 'eu', 'fsb', 'hong-kong', 'josep-borrell', 'kremlin', 'macau', 'nato', 'russia', 'sergey-lavrov', 'united-kingdom', 'united-states', 'wang-yi', 'xinjiang-psb', 'xpcc-psb'],
    [SEED.newsmax]: ['bloomberg', 'china', 'china-mfa', 'nato', 'north-korea', 'russia', 'sergey-lavrov', 'the-independent', 'ukraine', 'united-nations', 'united-states', 'un-security-council', 'vladimir-putin', 'volodymyr-zelensky', 'wang-yi', 'xi-jinping'],
  };
  for (const [id, actors] of Object.entries(expected)) {
    it(id, () => expect([...new Set(mentions.get(id)!.map((m) => m.actor_id))].sort()).toEqual([...actors].sort()));
  }

  it('gives every mention its sentence, its surface as written and the actor’s country', () => {
    for (const [id, list] of mentions) {
      const a = articles.get(id)!;
      for (const m of list) {
        expect(a.text.slice(m.start, m.end)).toBe(m.surface);
        const s = a.sentences[m.sentence]!;
        expect(m.start >= s.start && m.end <= s.end, `${show(m)} in sentence ${m.sentence}`).toBe(true);
      }
    }
    const putin = mentions.get(SEED.kyivPost)!.find((m) => m.actor_id === 'vladimir-putin')!;
    expect([putin.actor, putin.actor_type, putin.country, putin.gender]).toEqual(['Vladimir Putin', 'person', 'RUS', 'male']);
  });
});

describe('a surname alone resolves to the person last named in full in its article', () => {
  const wangs = (id: string) => mentions.get(id)!.filter((m) => m.surface === 'Wang').map((m) => m.actor_id);

  it('"Wang" is Wang Wenbin in Newsweek, Wang Yi in AP, DW and Newsmax', () => {
    expect(text(SEED.newsweek, 7)).toContain('ministry spokesperson Wang Wenbin said');
    expect(wangs(SEED.newsweek)).toEqual(Array(7).fill('wang-wenbin'));
    expect(wangs(SEED.dw)).toEqual(['wang-yi', 'wang-yi']);
    expect(wangs(SEED.newsmax)).toEqual(Array(5).fill('wang-yi'));
    expect(wangs(SEED.ap)).toEqual(['wang-yi', 'wang-yi']);
  });

  it('the same surname switches person when another is named in full between', () => {
    expect(found('Wang Yi met the press. Wang said no. Wang Wenbin spoke later. Wang said yes.')).toEqual([
      'Wang Yi→wang-yi/name',
      'Wang→wang-yi/surname',
      'Wang Wenbin→wang-wenbin/name',
      'Wang→wang-wenbin/surname',
    ]);
  });

  it('a surname of someone never named in full in the article is not read', () => {
    expect(found('Wang said the talks went well.')).toEqual([]);
  });

  it('"Xi", "Lavrov", "Mao" and "Campbell" resolve in the Kyiv Post seed', () => {
    expect(sentence(SEED.kyivPost, 7).slice(0, 2)).toEqual(['Xi→xi-jinping/surname', 'Lavrov→sergey-lavrov/surname']);
    expect(sentence(SEED.kyivPost, 14)[0]).toBe('Campbell→kurt-campbell/surname');
    expect(sentence(SEED.kyivPost, 18)).toEqual(['Ukraine→ukraine/name', 'Mao→mao-ning/surname']);
  });
});

describe('a leader named by surname only, on a page without a date (Euromaidan Press)', () => {
  it('"Putin" alone is Putin when the page states no date: a role he held in the registry counts', () => {
    expect(found('Putin said he understood the concerns of Russia.', '')).toContain('Putin→vladimir-putin/surname');
  });
  it('a surname several registered people share stays unread, dated or not: "Wang"', () => {
    expect(found('Wang said China wants peace.', '').filter((m) => m.startsWith('Wang'))).toEqual([]);
  });
});

describe('a surname alone in the article\'s own spelling of a registered name', () => {
  it('"Vasily Nebenzya …, Nebenzya began" (the registry\'s Nebenzia) is Nebenzia', () => {
    expect(found('Russian Permanent Representative to the UN Vasily Nebenzya came to the meeting. Nebenzya began by calling for talks.', '2023-02-24')).toContain('Nebenzya→vassily-nebenzia/surname');
  });
  it('the spelling of another name is no surname of this one: "Nebenzya" alone, with no full name, is not Nebenzia', () => {
    expect(found('Nebenzya began by calling for talks.', '2023-02-24').filter((m) => m.startsWith('Nebenzya→vassily'))).toEqual([]);
  });
});

describe('role phrases resolve through dated roles', () => {
  it('"China’s top diplomat" and "China’s Foreign Minister" are Wang Yi in March 2022 (AP)', () => {
    expect(sentence(SEED.ap, 1)).toEqual(['China’s top diplomat→wang-yi/role', 'China→china/name']);
    expect(sentence(SEED.ap, 2).slice(0, 2)).toEqual(['China’s Foreign Minister→wang-yi/role', 'China→china/name']);
  });

  it('"Russia’s top diplomat" is Lavrov in 2024 (Kyiv Post); the possessive covers the name only', () => {
    const s1 = mentions.get(SEED.kyivPost)!.filter((m) => m.sentence === 1);
    expect(s1.map(show)).toContain("Russia's top diplomat→sergey-lavrov/role");
    expect(s1.map(show)).toContain('Russia→russia/name');
  });

  it('"the Chinese leader" is Xi, "the Russian president" is Putin', () => {
    expect(sentence(SEED.ap, 10)).toEqual(['Putin→vladimir-putin/surname', 'Chinese leader→xi-jinping/role', 'Chinese→china/adjective']);
    expect(sentence(SEED.newsweek, 1)).toContain('Russian president→vladimir-putin/role');
  });

  it('"the top diplomat" without a country is the holder mentioned last: Lavrov in DW', () => {
    expect(text(SEED.dw, 14)).toMatch(/^However, the top diplomat added/);
    expect(sentence(SEED.dw, 14)).toEqual(['top diplomat→sergey-lavrov/role', 'Moscow→russia/alias', 'EU→eu/alias']);
    expect(found('The top diplomat added nothing.')).toEqual([]);
  });

  it('the date decides: China’s foreign minister is Wang Yi in 2022, Qin Gang in spring 2023, Wang Yi again in 2024', () => {
    const phrase = "the Chinese foreign minister said. China's foreign minister agreed.";
    expect(found(phrase, '2022-06-02').filter((m) => m.includes('/role'))).toEqual(['Chinese foreign minister→wang-yi/role', "China's foreign minister→wang-yi/role"]);
    expect(found(phrase, '2023-04-01').filter((m) => m.includes('/role'))).toEqual(['Chinese foreign minister→qin-gang/role', "China's foreign minister→qin-gang/role"]);
    expect(found(phrase, '2024-04-10').filter((m) => m.includes('/role'))).toEqual(['Chinese foreign minister→wang-yi/role', "China's foreign minister→wang-yi/role"]);
  });

  it('a title before a name is not a second mention: "Foreign Minister Sergei Lavrov", "Chinese Foreign Minister Wang Yi"', () => {
    expect(sentence(SEED.kyivPost, 6)).toEqual(['Sergei Lavrov→sergey-lavrov/name', 'Xi Jinping→xi-jinping/name', 'Wang Yi→wang-yi/name']);
    expect(sentence(SEED.dw, 2)).toEqual(['Russian→russia/adjective', 'Sergey Lavrov→sergey-lavrov/name', 'Chinese→china/adjective', 'Wang Yi→wang-yi/name']);
    expect(sentence(SEED.newsmax, 6).slice(0, 4)).toEqual(['Chinese→china/adjective', 'Xi Jinping→xi-jinping/name', 'Russia→russia/name', 'Vladimir Putin→vladimir-putin/name']);
    // Nor an appositive after it.
    expect(sentence(SEED.dw, 17)).toContain('Chen Mingguo→chen-mingguo/name');
    expect(sentence(SEED.dw, 17).filter((m) => m.includes('/role'))).toEqual([]);
  });
});

describe('a capital used as a place is not an actor', () => {
  it('"In Brussels last week" is a place; "after Brussels had destroyed them" is the EU', () => {
    expect(text(SEED.kyivPost, 12)).toMatch(/^In Brussels last week/);
    expect(sentence(SEED.kyivPost, 12)).toEqual(['US→united-states/alias', 'Antony Blinken→antony-blinken/name', 'China→china/name', 'Russia→russia/name']);
    expect(sentence(SEED.dw, 13)).toContain('Brussels→eu/alias');
  });

  it('"Beijing responded" and "warnings to Beijing" are China; "in Beijing" and "visit to Beijing" are places', () => {
    expect(sentence(SEED.kyivPost, 17)).toEqual(['Beijing→china/alias', 'Ukraine→ukraine/name']);
    expect(sentence(SEED.kyivPost, 11)).toEqual(['US→united-states/alias', 'Beijing→china/alias', 'Russian→russia/adjective']);
    expect(text(SEED.ap, 7)).toContain('Putin in Beijing on Feb. 4');
    expect(sentence(SEED.ap, 7)).toEqual(['Chinese→china/adjective', 'Xi Jinping→xi-jinping/name', 'Vladimir Putin→vladimir-putin/name']);
    expect(text(SEED.newsmax, 12)).toContain('first visit to Beijing');
    expect(sentence(SEED.newsmax, 12)).toEqual(['Lavrov→sergey-lavrov/surname']);
  });

  it('"Washington warned", "Moscow makes gains", "Beijing’s relationship" are actors', () => {
    expect(sentence(SEED.kyivPost, 0)).toEqual(['China→china/name', 'Russia→russia/name', 'Washington→united-states/alias', 'Beijing→china/alias', 'Moscow→russia/alias', 'Ukraine→ukraine/name']);
    expect(sentence(SEED.newsweek, 35)).toContain('Beijing→china/alias');
  });

  it('"regime change in Kyiv" is a place, "the Chinese Embassy in Kyiv" an embassy; "refusing to back Kyiv" is Ukraine', () => {
    expect(sentence(SEED.newsweek, 1)).not.toContain('Kyiv→ukraine/alias');
    expect(sentence(SEED.newsweek, 26)).toEqual(['Chinese Embassy in Kyiv→china-embassy-ukraine/alias', 'Chinese→china/adjective']);
    expect(sentence(SEED.newsweek, 10)).toEqual(['Kyiv→ukraine/alias']);
  });

  it('a country introducing a place is a place: "in Guilin, China", "in China’s far western Xinjiang region"', () => {
    expect(sentence(SEED.dw, 3)).toEqual(['Sergey Lavrov→sergey-lavrov/name', 'Wang Yi→wang-yi/name']);
    expect(sentence(SEED.dw, 8)).toEqual(['Wang→wang-yi/surname', 'Beijing→china/alias', 'EU→eu/alias', 'Britain→united-kingdom/alias', 'US→united-states/alias', 'Canada→canada/name']);
    // But a country after "in" that introduces nothing stays an actor.
    expect(found('Peace in Ukraine matters; so does trust in China.')).toEqual(['Ukraine→ukraine/name', 'China→china/name']);
  });

  it('a headline-cased "Beijing Says" is the actor; "Beijing News" is a newspaper, not China', () => {
    expect(sentence(SEED.newsweek, 0)).toEqual(['Beijing→china/alias', 'China→china/name', 'Russia→russia/name']);
    expect(sentence(SEED.ap, 13)).toContain('Beijing News→beijing-news/alias');
    expect(sentence(SEED.ap, 13)).not.toContain('Beijing→china/alias');
    expect(found('Officials met at the Beijing Winter Olympics.')).toEqual([]);
  });

  it('a seat of government: "the Kremlin said" is the actor, "in the Kremlin" the place', () => {
    expect(found('The Kremlin said talks in the Kremlin went well.')).toEqual(['The Kremlin→kremlin/alias']);
  });
});

describe('word forms', () => {
  it('adjectives are their own kind: "Chinese state broadcaster CCTV", "the Russian war effort"', () => {
    expect(sentence(SEED.kyivPost, 7).slice(-2)).toEqual(['Chinese→china/adjective', 'CCTV→cctv/name']);
    expect(sentence(SEED.newsweek, 17)).toEqual(['Chinese→china/adjective', 'Russia→russia/name']);
  });

  it('hyphenated pairs are two mentions: "China-Russia relations", "US-China relationship"', () => {
    const pair = mentions.get(SEED.newsweek)!.filter((m) => m.sentence === 2);
    expect(pair.map(show)).toEqual(['China→china/name', 'Russia→russia/name']);
    expect(pair[1]!.start).toBe(pair[0]!.end + 1);
    expect(sentence(SEED.kyivPost, 14)).toEqual(['Campbell→kurt-campbell/surname', 'China→china/name', 'US→united-states/alias', 'China→china/name']);
    // Inside an organisation's own name it is that organisation only.
    expect(sentence(SEED.kyivPost, 15)).toContain('National Committee on US-China Relations→ncuscr/name');
    expect(sentence(SEED.kyivPost, 15)).not.toContain('US→united-states/alias');
  });

  it('word boundaries: no "Russian" in "Belarussian" or "Prussian", no "US" in "us"', () => {
    expect(found('Belarussian and Prussian officials met Russian diplomats.')).toEqual(['Belarussian→belarus/adjective', 'Russian→russia/adjective']);
    expect(found('"This kind of cooperation should not be interfered with," she told us.')).toEqual([]);
    expect(found('Let us see what the US does.')).toEqual(['US→united-states/alias']);
  });

  it('all capitals are matched, lower-case proper names are not', () => {
    const caps = text(SEED.kyivPost, 1).toUpperCase();
    expect(caps).toMatch(/^DEPUTY SECRETARY OF STATE KURT CAMPBELL SAID/);
    expect(found(caps, '2024-04-10')).toEqual([
      'KURT CAMPBELL→kurt-campbell/name',
      'WASHINGTON→united-states/alias',
      'BEIJING→china/alias',
      'MOSCOW→russia/alias',
      "RUSSIA'S TOP DIPLOMAT→sergey-lavrov/role",
      'RUSSIA→russia/name',
    ]);
    expect(found(text(SEED.kyivPost, 1).toLowerCase(), '2024-04-10')).toEqual([]);
  });

  it('no-break spaces inside names match; the surface keeps them', () => {
    const nbsp = text(SEED.kyivPost, 6).replace('Sergei Lavrov', 'Sergei\u00A0Lavrov').replace('Xi Jinping', 'Xi\u00A0Jinping');
    expect(found(nbsp, '2024-04-10')).toEqual(['Sergei\u00A0Lavrov→sergey-lavrov/name', 'Xi\u00A0Jinping→xi-jinping/name', 'Wang Yi→wang-yi/name']);
  });

  it('the teaser box removed by cleaning contributes nothing', () => {
    const raw = readFileSync(join(SEEDS, `${SEED.kyivPost}.txt`), 'utf8');
    expect(raw).toContain("'Applauding Putin': Zelensky");
    expect(mentions.get(SEED.kyivPost)!.filter((m) => m.actor_id === 'volodymyr-zelensky')).toEqual([]);
    expect(mentions.get(SEED.newsmax)!.filter((m) => m.actor_id === 'volodymyr-zelensky').map(show)).toEqual(['Volodymyr Zelenskyy→volodymyr-zelensky/name']);
  });
});

describe('people the registry lacks', () => {
  let lacking: Registry;
  beforeAll(() => {
    const kit = readRegistryFile(dataPath(KIT_REGISTRY));
    const missing = new Set(['alexander-bortnikov', 'josep-borrell', 'chen-mingguo']);
    lacking = createRegistry({ ...kit, actors: kit.actors.filter((a) => !missing.has(a.id)) });
  });

  it('are found by title or appositive, with a generated id and the country beside them', () => {
    const dw = findMentions(articles.get(SEED.dw)!, lacking).filter((m) => m.unregistered);
    expect(dw.map((m) => [m.sentence, m.surface, m.actor_id, m.actor_type, m.country, m.kind])).toEqual([
      [16, 'Alexander Bortnikov', 'unregistered:alexander-bortnikov', 'person', 'RUS', 'name'],
      [17, 'Chen Mingguo', 'unregistered:chen-mingguo', 'person', 'CHN', 'name'],
      [25, 'Josep Borrell', 'unregistered:josep-borrell', 'person', 'EU', 'name'],
    ]);
    expect(text(SEED.dw, 16)).toContain('Federal Security Service head Alexander Bortnikov');
    expect(text(SEED.dw, 25)).toContain('EU foreign policy chief Josep Borrell');
    expect(text(SEED.dw, 17)).toContain('Chen Mingguo, director of the Xinjiang Public Security Bureau');
  });

  it('are not invented: with the full registry no seed has an unregistered person', () => {
    for (const list of mentions.values()) expect(list.filter((m) => m.unregistered)).toEqual([]);
  });

  it('a capitalised run that is an organisation or a place is no person', () => {
    expect(found('The Public Security Bureau, director of nothing, met in Tiananmen Square.', '2021-03-23', lacking)).toEqual([]);
    expect(found('Spokesperson Wang said no.', '2021-03-23', lacking)).toEqual([]);
  });

  it('a possessive or a middle initial does not change the name', () => {
    expect(found("Analysts quoted ambassador John Smith's remarks and adviser Mary K. Jones on China.", '2021-03-23', lacking)).toEqual([
      'John Smith→unregistered:john-smith/name',
      'Mary K. Jones→unregistered:mary-k-jones/name',
      'China→china/name',
    ]);
  });

  it('their surname resolves like a registered one', () => {
    const out = found('EU foreign policy chief Josep Borrell spoke. Borrell said the EU would act.', '2021-03-23', lacking);
    expect(out).toEqual(['EU→eu/alias', 'Josep Borrell→unregistered:josep-borrell/name', 'Borrell→unregistered:josep-borrell/surname', 'EU→eu/alias']);
  });
});

describe('resolvePronoun', () => {
  it('finds the nearest preceding person of a compatible gender', () => {
    const a = articles.get(SEED.kyivPost)!;
    const she = a.sentences[3]!.start + a.sentences[3]!.text.indexOf('she added');
    const list = mentions.get(SEED.kyivPost)!;
    expect(resolvePronoun(a, list, she, 'female')?.actor_id).toBe('mao-ning');
    expect(resolvePronoun(a, list, she, 'male')?.actor_id).toBe('sergey-lavrov');
    const newsweek = articles.get(SEED.newsweek)!;
    const he = newsweek.sentences[8]!.start + newsweek.sentences[8]!.text.indexOf('he said');
    expect(resolvePronoun(newsweek, mentions.get(SEED.newsweek)!, he, 'male')?.actor_id).toBe('wang-wenbin');
    expect(resolvePronoun(a, list, a.sentences[0]!.start)).toBeUndefined();
  });
});
