import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import worldCountries from 'world-countries';
import { articleFromText } from '../src/corpus';
import { findMentions, loadRegistry, readRegistryFile, KIT_REGISTRY, type Registry } from '../src/annotators/actors';
import { generateStates, packageStates, readStatesFile, KIT_STATES } from '../src/annotators/actors/states';
import { countryPalette } from '../src/charts/colors';
import { dataPath } from '../src/data';
import { createPipeline, type Pipeline } from '../src/pipeline';
import { tempCorpus } from './helpers';

let registry: Registry;
let pipeline: Pipeline;

beforeAll(() => {
  registry = loadRegistry();
  pipeline = createPipeline();
});

const mentions = (text: string, published = '2023-05-10') => findMentions(articleFromText(text, { published }), registry);
/** "surface→actor_id/kind country" of each mention. */
const found = (text: string, published?: string) => mentions(text, published).map((m) => `${m.surface}→${m.actor_id}/${m.kind} ${m.country}`);
const ids = (text: string, published?: string) => mentions(text, published).map((m) => m.actor_id);

describe('states come from world-countries', () => {
  it('has every UN member and observer state, Taiwan, Kosovo, Hong Kong and Macau', () => {
    const states = registry.actors.filter((a) => a.type === 'state' && a.id !== 'soviet-union');
    expect(states.length).toBe(199); // 193 members, the Holy See, Palestine, Taiwan, Kosovo, Hong Kong, Macau
    expect(packageStates(readStatesFile()).length).toBe(199);
    for (const [id, code] of [['afghanistan', 'AFG'], ['kosovo', 'XKX'], ['palestine', 'PSE'], ['libya', 'LBY'], ['holy-see', 'VAT'], ['taiwan', 'TWN'], ['hong-kong', 'HKG'], ['macau', 'MAC']]) {
      expect(registry.byId.get(id!)?.country, id).toBe(code);
    }
    // Kosovo is "UNK" in the package; the kit uses XKX.
    expect(worldCountries.find((c) => c.name.common === 'Kosovo')?.cca3).toBe('UNK');
    expect(registry.actors.some((a) => a.country === 'UNK')).toBe(false);
  });

  it('finds states by name, with their codes', () => {
    expect(found('Zhang cited turmoil in Kosovo, Libya and Afghanistan. Palestine objected.')).toEqual([
      'Kosovo→kosovo/name XKX',
      'Libya→libya/name LBY',
      'Afghanistan→afghanistan/name AFG',
      'Palestine→palestine/name PSE',
    ]);
    // Official names and other spellings from the package.
    expect(found('The State of Libya and the Islamic Republic of Afghanistan.')).toEqual(['State of Libya→libya/alias LBY', 'Islamic Republic of Afghanistan→afghanistan/alias AFG']);
    // Not inside other words, not in lower case.
    expect(found('Libyans and afghanistanis.')).toEqual([]);
  });

  it('keeps the ids, metonyms and colours the registry had', () => {
    expect(found('Zhongnanhai and Kiev said so.')).toEqual(['Zhongnanhai→china/alias CHN', 'Kiev→ukraine/alias UKR']);
    expect(registry.countries.CHN).toEqual({ label: 'China', color: '#d62728' });
    expect(registry.countries.TUR).toEqual({ label: 'Turkey', color: '#393b79' });
    expect(registry.byId.get('turkey')?.name).toBe('Turkey');
    expect(ids('Türkiye and Turkey, but not a turkey.')).toEqual(['turkey', 'turkey']);
    // Downing Street is an organisation of its own now, not the UK.
    expect(ids('Downing Street said.')).toEqual(['downing-street']);
  });

  it('gives every state a countries entry: its colour, else the neutral grey, which the charts read', () => {
    expect(registry.countries.LBY).toEqual({ label: 'Libya', color: '#bdbdbd' });
    expect(registry.countries.XKX).toEqual({ label: 'Kosovo', color: '#bdbdbd' });
    expect(countryPalette().countries.LBY).toEqual({ label: 'Libya', color: '#bdbdbd' });
    expect(countryPalette().countries.CHN).toEqual({ label: 'China', color: '#d62728' });
    for (const a of registry.actors.filter((x) => x.type === 'state')) expect(registry.countries[a.country], a.id).toBeDefined();
    // Blocs keep codes of their own.
    expect(['SCO', 'BRICS', 'ASEAN', 'G7', 'G20', 'CSTO', 'EAEU', 'AU', 'OSCE'].map((c) => registry.countries[c]?.label)).toEqual([
      'Shanghai Cooperation Organisation',
      'BRICS',
      'ASEAN',
      'G7',
      'G20',
      'Collective Security Treaty Organization',
      'Eurasian Economic Union',
      'African Union',
      'OSCE',
    ]);
    expect(ids('The SCO and BRICS met; the African Union too.').map((id) => registry.byId.get(id)!.country)).toEqual(['SCO', 'BRICS', 'AU']);
  });
});

describe('demonyms, capitals and names that are words', () => {
  it('demonyms are adjectives', () => {
    expect(found('Libyan officials met Kosovar and Afghan envoys.')).toEqual(['Libyan→libya/adjective LBY', 'Kosovar→kosovo/adjective XKX', 'Afghan→afghanistan/adjective AFG']);
    // A demonym two states share names neither; their names still do.
    expect(found('Congolese officials and Dominican ones.')).toEqual([]);
    expect(ids('The DRC and the Dominican Republic.')).toEqual(['dr-congo', 'dominican-republic']);
  });

  it('capitals stand for their states, except as places', () => {
    expect(found('Kabul said the talks in Kabul would go ahead.')).toEqual(['Kabul→afghanistan/alias AFG']);
    expect(found('Tripoli rejected it. Officials flew to Tripoli.')).toEqual(['Tripoli→libya/alias LBY']);
    // Capitals that are given names or shared by other places are not metonyms.
    expect(found('Victoria said so. Sofia said so. Santiago said so.')).toEqual([]);
  });

  it('"Jordan" is the state unless it begins a longer name or follows a place preposition', () => {
    expect(ids('Jordan said it would help.')).toEqual(['jordan']);
    expect(ids("Jordan's king spoke.")).toEqual(['jordan']);
    // The speaker is a person, and the state's name alone is not his surname.
    expect(ids('Jordan Bardella spoke. The Jordan River. Talks in Jordan.')).toEqual(['unregistered:jordan-bardella']);
    expect(ids('Chad objected; Chad Wolf did not.')).toEqual(['chad']);
    expect(ids('Niger said so, but the oil of the Niger Delta is found in southern Nigeria.')).toEqual(['niger', 'nigeria']);
  });

  it('phrases that name no state are not read as one', () => {
    expect(ids('Mexico said so. New Mexico and the Gulf of Mexico did not.')).toEqual(['mexico']);
    expect(ids('America and Latin America.')).toEqual(['united-states']);
    expect(ids('Guinea, Papua New Guinea and Equatorial Guinea.')).toEqual(['guinea', 'papua-new-guinea', 'equatorial-guinea']);
  });
});

describe('the overrides file', () => {
  it('lists no override that no longer applies', () => {
    const file = readStatesFile();
    const states = packageStates(file);
    const codes = new Set(states.map((c) => file.codes[c.cca3] ?? c.cca3));
    expect(Object.keys(file.states).filter((code) => !codes.has(code))).toEqual([]);
    const pkgForms = new Set(states.flatMap((c) => [...c.altSpellings, ...c.capital]).map((f) => f.toLowerCase()));
    expect([...file.not_aliases, ...file.not_metonyms].filter((f) => !pkgForms.has(f.toLowerCase()))).toEqual([]);
  });

  it('names the forms the package gives but the kit leaves out for a conflict', () => {
    const kit = readRegistryFile(dataPath(KIT_REGISTRY));
    const own = kit.actors.filter((a) => a.type !== 'state' || a.id === 'soviet-union');
    const surfaces = new Set(own.flatMap((a) => [a.name, ...a.aliases, ...a.metonyms, ...a.adjectives]).map((f) => f.toLowerCase()));
    const { dropped } = generateStates(readStatesFile(), { countries: {}, ids: new Set(own.map((a) => a.id)), surfaces });
    expect(dropped.filter((d) => d.reason === 'two states' || d.reason === 'kit actor')).toEqual([
      { code: 'BEL', form: 'Brussels', reason: 'kit actor' },
      { code: 'COD', form: 'Congolese', reason: 'two states' },
      { code: 'COG', form: 'Congolese', reason: 'two states' },
      { code: 'DMA', form: 'Dominican', reason: 'two states' },
      { code: 'DOM', form: 'Dominican', reason: 'two states' },
    ]);
  });

  it('is validated, naming the file and the field', () => {
    const dir = tempCorpus({ 'states.yaml': 'version: "1"\ncolor: grey\nstates:\n  CHN: { id: China }\n' });
    const file = join(dir, 'states.yaml');
    expect(() => readStatesFile(file)).toThrow(`${file}: invalid data\n  color: must be a hex colour like "#bdbdbd"\n  states.CHN.id: must be a lowercase slug`);
    expect(() => readStatesFile(dataPath(KIT_STATES))).not.toThrow();
  });
});

describe('organisations and media', () => {
  it('finds every organisation and outlet by each of its news forms', () => {
    const misses: string[] = [];
    for (const a of registry.actors.filter((x) => x.type === 'organization' || x.type === 'media')) {
      for (const form of [a.name, ...a.aliases]) {
        const got = mentions(`Officials said ${form} agreed.`);
        if (!got.some((m) => m.actor_id === a.id && m.surface === form)) misses.push(`${a.id}: ${form}`);
      }
    }
    expect(misses).toEqual([]);
  });

  it('reads the forms news copy writes, in either case, and no common word alone', () => {
    for (const text of ['the Chinese Foreign Ministry said', 'the Chinese foreign ministry said', "China's Foreign Ministry said", 'the Ministry of Foreign Affairs of China said', "Beijing's foreign ministry said"]) {
      expect(ids(text), text).toEqual(['china-mfa']);
    }
    expect(ids('The foreign ministry said.')).toEqual([]);
    expect(ids("Russia's Defence Ministry and the Russian Defense Ministry and the Japanese Defense Ministry.")).toEqual(['russia-mod', 'russia-mod', 'japan-mod']);
    expect(ids('The Pacific Fleet sailed with the U.S. Pacific Fleet and the Chinese Navy.')).toEqual(['pacific-fleet', 'us-pacific-fleet', 'pla-navy']);
    expect(ids('Liu Pengyu, a spokesman for the Chinese embassy in the US, said so.', '2022-03-14')).toEqual(['liu-pengyu', 'china-embassy-us']);
    expect(ids('The Russian embassy in Washington and the Chinese Embassy said so.')).toEqual(['russia-embassy-us', 'china']);
    expect(ids('The Post and the Times and the Mission said so.')).toEqual([]);
    // "WHO" only in capitals; "Sputnik" not in the vaccine's name; "Nikkei" not as the index.
    expect(ids('WHO said who knows. Who knows?')).toEqual(['who']);
    expect(ids('Sputnik V was approved, Sputnik reported.')).toEqual(['sputnik']);
    expect(ids('The Nikkei 225 fell, Nikkei reported.')).toEqual(['nikkei-asia']);
    // Armed forces by name, not "the Russian military": that is an adjective of Russia as often.
    expect(ids('The Russian armed forces and Russian military aid.')).toEqual(['russian-armed-forces', 'russia']);
  });

  it('gives outlets the type media; a statement an outlet makes is counted for no country', () => {
    expect(registry.byId.get('bloomberg')?.type).toBe('media');
    expect(registry.byId.get('xinhua')?.type).toBe('media');
    expect(registry.byId.get('kremlin')?.type).toBe('organization');
    const article = articleFromText('China is buying more Russian oil than ever, Bloomberg reported. The sanctions are failing, the Kremlin said.', { published: '2023-05-10' });
    const { mentions: ms, statements } = pipeline.annotate(article);
    expect(ms.find((m) => m.actor_id === 'bloomberg')).toMatchObject({ actor_type: 'media', country: 'USA' });
    expect(statements.map((s) => [s.speaker_id, s.speaker_type, s.speaker_country, s.cue])).toEqual([
      ['bloomberg', 'organization', '', 'reported'],
      ['kremlin', 'organization', 'RUS', 'said'],
    ]);
  });
});

describe('officials with dated roles', () => {
  it('Qin Gang is the ambassador to the US in 2022 and the foreign minister in 2023', () => {
    expect(found("China's ambassador to the US wrote.", '2022-06-01')).toEqual(["China's ambassador to the US→qin-gang/role CHN", 'China→china/name CHN', 'US→united-states/alias USA']);
    expect(ids('The Chinese Foreign Minister arrived.', '2023-04-01')).toEqual(['qin-gang', 'china']);
    // Wang Yi before and after him; no Chinese ambassador to the US between Qin Gang and Xie Feng.
    expect(ids('The Chinese Foreign Minister arrived.', '2022-06-01')).toEqual(['wang-yi', 'china']);
    expect(ids('The Chinese Foreign Minister arrived.', '2024-04-01')).toEqual(['wang-yi', 'china']);
    expect(ids("China's ambassador to the US wrote.", '2023-03-01')).toEqual(['china', 'united-states']);
    expect(ids("China's ambassador to the US wrote.", '2023-06-01')).toEqual(['xie-feng', 'china', 'united-states']);
  });

  it('"the Russian ambassador to the US" is Anatoly Antonov until October 2024', () => {
    expect(ids('The Russian ambassador to the US said so.', '2022-06-01')).toEqual(['anatoly-antonov', 'russia', 'united-states']);
    expect(ids('The Russian ambassador to the US said so.', '2025-03-01')).toEqual(['russia', 'united-states']);
  });

  it('resolves the other roles the issue names by date', () => {
    expect(ids("China's deputy UN ambassador spoke.", '2023-01-10')).toEqual(['geng-shuang', 'china', 'united-nations']);
    expect(ids('The Japanese foreign minister spoke.', '2022-06-01')).toEqual(['yoshimasa-hayashi', 'japan']);
    expect(ids('The Japanese foreign minister spoke.', '2024-01-10')).toEqual(['yoko-kamikawa', 'japan']);
    expect(ids('The German defence minister spoke.', '2023-06-01')).toEqual(['boris-pistorius', 'germany']);
    expect(ids('The German defence minister spoke.', '2022-06-01')).toEqual(['christine-lambrecht', 'germany']);
    expect(ids('The North Korean foreign minister spoke.', '2023-06-01')).toEqual(['choe-son-hui', 'north-korea']);
    expect(ids('The Indian External Affairs Minister spoke.', '2023-06-01')).toEqual(['s-jaishankar', 'india']);
    expect(ids('The UN spokesman said so.', '2023-06-01')).toEqual(['stephane-dujarric', 'united-nations']);
    // Every role names a known country and has a start no later than its end.
    for (const a of registry.actors) for (const r of a.roles) expect(registry.countries[r.of], `${a.id} ${r.role}`).toBeDefined();
  });
});
