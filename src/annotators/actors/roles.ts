/**
 * Role phrases ("China's top diplomat", "the Chinese foreign minister", "Russia's
 * top diplomat") resolve through the registry's dated roles at the article's date.
 * When several people hold the role then (spokespersons; a template without a
 * country, like "top diplomat"), the one mentioned last before the phrase is meant;
 * with none mentioned, the phrase is left unresolved.
 *
 * A role phrase used as a title or an appositive of a name ("Foreign Minister Sergei
 * Lavrov", "Chen Mingguo, director of the Xinjiang Public Security Bureau") is not
 * a second mention of the person: the name is. The state or adjective inside the
 * phrase keeps its own mention either way ("Chinese" in "Chinese Foreign Minister").
 */
import type { Hit } from './hit';
import { actorRef, overlaps } from './hit';
import type { Lexicon, RoleForm, Word } from './lexicon';
import { rolesOn, type Actor } from './registry';
import { startsToken, type TokenLayer } from '../../text';


/** People by each role they hold at some date, in registry order; built once per registry. */
const peopleByRole = new WeakMap<readonly Actor[], Map<string, Actor[]>>();

function peopleEverIn(actors: readonly Actor[], role: string): readonly Actor[] {
  let byRole = peopleByRole.get(actors);
  if (!byRole) {
    byRole = new Map();
    for (const a of actors) {
      if (a.type !== 'person') continue;
      for (const r of new Set(a.roles.map((x) => x.role))) (byRole.get(r) ?? byRole.set(r, []).get(r)!).push(a);
    }
    peopleByRole.set(actors, byRole);
  }
  return byRole.get(role) ?? [];
}

function holders(actors: readonly Actor[], form: RoleForm, date: string): Actor[] {
  return peopleEverIn(actors, form.role).filter((a) => rolesOn(a, date).some((r) => r.role === form.role && (form.of === undefined || r.of === form.of)));
}

/** True when a person's full name stands right after the phrase (title) or right before it (appositive). */
function besideName(text: string, start: number, end: number, names: readonly Hit[]): boolean {
  const after = /^,?\s+/.exec(text.slice(end, end + 3));
  if (after && names.some((n) => n.start === end + after[0].length)) return true;
  return names.some((n) => n.end <= start && /^,\s+(?:(?:the|a|an)\s+)?$/i.test(text.slice(n.end, start)));
}

/** Role mentions in the text of `layer`, whose words are `words`; `hits` are the mentions found so far. */
export function findRoleMentions(layer: TokenLayer, words: readonly Word[], lexicon: Lexicon, actors: readonly Actor[], date: string, hits: readonly Hit[]): Hit[] {
  const text = layer.text;
  const names = hits.filter((h) => h.actor.type === 'person' && h.kind === 'name');
  const found: Hit[] = [];
  // The longest role phrase at each word start, left to right, not overlapping each other.
  for (const { start, end, form } of lexicon.roleForms.longestMatches(layer, words)) {
    if (!startsToken(layer, start)) continue;
    // Inside an organisation's own name ("National Committee on US-China Relations") it is no role.
    if (hits.some((h) => h.actor.type !== 'person' && h.start <= start && end <= h.end && h.end - h.start > end - start)) continue;
    if (besideName(text, start, end, names)) continue;
    const candidates = holders(actors, form, date);
    let person: Actor | undefined = candidates.length === 1 ? candidates[0] : undefined;
    if (candidates.length > 1) {
      const ids = new Set(candidates.map((c) => c.id));
      const before = [...hits, ...found].filter((h) => h.end <= start && ids.has(h.actor.id)).sort((a, b) => a.start - b.start);
      const last = before.at(-1);
      person = last ? candidates.find((c) => c.id === last.actor.id) : undefined;
    }
    if (person && !found.some((h) => overlaps(h, start, end))) found.push({ start, end, actor: actorRef(person), kind: 'role' });
  }
  return found;
}
