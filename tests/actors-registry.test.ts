import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleFromText } from '../src/corpus';
import { createRegistry, findMentions, loadRegistry, readRegistryFile, KIT_REGISTRY } from '../src/annotators/actors';
import { KIT_STATES } from '../src/annotators/actors/states';
import { loadMatchingRules } from '../src/annotators/actors/rules';
import { dataPath } from '../src/data';
import { tempCorpus } from './helpers';

/** Writes a user registry file and returns its path. */
function userFile(yaml: string): string {
  return join(tempCorpus({ 'my-actors.yaml': yaml }), 'my-actors.yaml');
}

const found = (text: string, registry = loadRegistry(), published = '2024-04-10') =>
  findMentions(articleFromText(text, { published }), registry).map((m) => `${m.surface}→${m.actor_id}/${m.kind}`);

describe('kit registry', () => {
  it('loads with its countries (label and colour), a version and a lookup by id', () => {
    const registry = loadRegistry();
    expect(registry.version).toBe('2024.2');
    expect(registry.countries.CHN).toEqual({ label: 'China', color: '#d62728' });
    expect(registry.byId.get('wang-yi')?.name).toBe('Wang Yi');
    expect(registry.byId.get('wang-yi')?.surname).toBe('Wang');
    expect(registry.byId.get('no-such-actor')).toBeUndefined();
    expect(registry.files).toEqual([dataPath(KIT_REGISTRY)]);
  });

  it('covers the spokespersons the issue names, with dated roles', () => {
    const registry = loadRegistry();
    for (const id of ['wang-wenbin', 'mao-ning', 'zhao-lijian', 'hua-chunying', 'lin-jian', 'maria-zakharova', 'dmitry-peskov']) {
      expect(registry.byId.get(id)?.type, id).toBe('person');
    }
    const qin = registry.byId.get('qin-gang')!.roles.find((r) => r.role === 'foreign-minister')!;
    expect([qin.from, qin.to]).toEqual(['2022-12-30', '2023-07-25']);
  });

  it('keeps the role nouns of the unregistered-name detector as data', () => {
    const rules = loadMatchingRules();
    expect(rules.roleNouns).toContainEqual(['chief']);
    expect(rules.roleNouns).toContainEqual(['secretary', 'of', 'state']);
    expect(rules.roleNouns).not.toContainEqual(['critic']);
  });
});

describe('registry validation names the file, the entry and the field', () => {
  const entry = (fields: string) => `actors:\n  - { id: acme, name: Acme Corp, type: organization, country: USA${fields} }\n`;

  it('accepts a valid user file (control for the cases below)', () => {
    expect(() => loadRegistry([userFile(entry(''))])).not.toThrow();
  });

  it('rejects an unknown country code', () => {
    const file = userFile('actors:\n  - { id: acme, name: Acme Corp, type: organization, country: XXX }\n');
    expect(() => loadRegistry([file])).toThrow(`${file}: invalid actor registry\n  actors[0] (id "acme").country: unknown country code "XXX"`);
  });

  it('rejects an alias that already names another actor, case-insensitively', () => {
    const file = userFile(entry(', aliases: [beijing]'));
    // China is a generated state: the message names the overrides file it comes from.
    expect(() => loadRegistry([file])).toThrow(`actors[0] (id "acme").aliases[0]: "beijing" also names actor "china" (${dataPath(KIT_STATES)})`);
    const org = userFile(entry(', aliases: [the kremlin]'));
    expect(() => loadRegistry([org])).toThrow(`actors[0] (id "acme").aliases[0]: "the kremlin" also names actor "kremlin" (${dataPath(KIT_REGISTRY)})`);
  });

  it('rejects an impossible date and a role that ends before it starts', () => {
    const person = (dates: string) =>
      `actors:\n  - id: jane-doe\n    name: Jane Doe\n    type: person\n    country: USA\n    roles: [{ role: spokesperson, of: USA, title: Spokesperson, ${dates} }]\n`;
    const badDate = userFile(person('from: 2022-02-30'));
    expect(() => loadRegistry([badDate])).toThrow(`actors[0] (id "jane-doe").roles[0].from: must be an ISO date (YYYY-MM-DD) that exists`);
    const reversed = userFile(person('from: 2023-01-01, to: 2022-01-01'));
    expect(() => loadRegistry([reversed])).toThrow('actors[0] (id "jane-doe").roles[0].to: `from` is after `to`');
    expect(() => loadRegistry([userFile(person('from: 2022-01-01, to: 2023-01-01'))])).not.toThrow();
  });

  it('rejects an unknown role key', () => {
    const file = userFile('actors:\n  - { id: jane-doe, name: Jane Doe, type: person, country: USA, roles: [{ role: emperor, of: USA, from: 2022-01-01 }] }\n');
    expect(() => loadRegistry([file])).toThrow('actors[0] (id "jane-doe").roles[0].role: unknown role "emperor"');
  });

  it('rejects the same id twice in one file', () => {
    const file = userFile(entry('') + '  - { id: acme, name: Acme Two, type: organization, country: USA }\n');
    expect(() => loadRegistry([file])).toThrow('actors[1] (id "acme").id: id "acme" is used by another entry of this file');
  });

  it('rejects a misspelt field instead of ignoring it', () => {
    const file = userFile(entry(', alias: [Acme]'));
    expect(() => loadRegistry([file])).toThrow(/actors\[0\] \(id "acme"\): Unrecognized key\(s\) in object: 'alias'/);
  });
});

describe('user registries extend the kit without editing it', () => {
  it('adds an actor that is then found in text', () => {
    const text = 'Acme Corp said it would keep trading with Russia.';
    // Without the entry the name recogniser finds it as an unregistered organisation.
    expect(found(text)).toEqual(['Acme Corp→unregistered:acme-corp/name', 'Russia→russia/name']);
    const registry = loadRegistry([userFile('actors:\n  - { id: acme, name: Acme Corp, type: organization, country: USA, aliases: [Acme] }\n')]);
    expect(found(text, registry)).toEqual(['Acme Corp→acme/name', 'Russia→russia/name']);
    expect(registry.version).toBe('2024.2+my-actors.yaml');
  });

  it('overrides a kit entry with the same id', () => {
    const kit = loadRegistry();
    const registry = loadRegistry([userFile('actors:\n  - { id: cctv, name: China Central Television, type: organization, country: CHN, aliases: [CCTV] }\n')]);
    expect(registry.actors.length).toBe(kit.actors.length);
    expect(registry.byId.get('cctv')?.name).toBe('China Central Television');
    expect(kit.byId.get('cctv')?.name).toBe('CCTV');
    const cctv = findMentions(articleFromText('Chinese state broadcaster CCTV said so.'), registry).find((m) => m.actor_id === 'cctv');
    expect(cctv?.actor).toBe('China Central Television');
  });

  it('adds role phrases to the kit’s for that role', () => {
    const text = "Russia's chief envoy met Russia's top diplomat.";
    expect(found(text)).toEqual(['Russia→russia/name', "Russia's top diplomat→sergey-lavrov/role", 'Russia→russia/name']);
    const registry = loadRegistry([userFile('role_phrases:\n  top-diplomat: ["{state}\'s chief envoy"]\n')]);
    expect(found(text, registry)).toEqual([
      "Russia's chief envoy→sergey-lavrov/role",
      'Russia→russia/name',
      "Russia's top diplomat→sergey-lavrov/role",
      'Russia→russia/name',
    ]);
  });

  it('builds a registry from data in memory with the same checks', () => {
    const kit = readRegistryFile(dataPath(KIT_REGISTRY));
    const small = createRegistry({ ...kit, actors: kit.actors.filter((a) => a.id === 'china' || a.id === 'russia') });
    expect(found('China and Russia met the US.', small)).toEqual(['China→china/name', 'Russia→russia/name']);
    expect(() => createRegistry({ ...kit, actors: [{ id: 'Bad Id', name: 'X', type: 'state', country: 'CHN' }] })).toThrow(
      '(inline registry): invalid data\n  actors[0] (id "Bad Id").id: must be a lowercase slug',
    );
  });
});
