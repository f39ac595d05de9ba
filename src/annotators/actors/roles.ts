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
import { lowerBound } from '../positions';
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

/**
 * The hits a role phrase is read against, by position: where full names of people
 * start and end, the furthest any organisation or state hit reaches from before a
 * point, and each actor's hits in order (with those found as roles added as they are).
 */
class RoleContext {
  private readonly nameStarts: Set<number>;
  private readonly nameEnds: Set<number>;
  /** Non-person hits by start; for each prefix, the furthest end and the least start reaching it. */
  private readonly others: Hit[];
  private readonly otherStarts: number[];
  private readonly reach: { end: number; start: number }[] = [];
  /** Each actor's hits by start (then by their order), and the roles found for it (in text order), with their place in [...hits, ...found]. */
  private readonly hitsOf = new Map<string, Placed[]>();
  private readonly rolesOf = new Map<string, Placed[]>();
  private count = 0;

  constructor(hits: readonly Hit[]) {
    const names = hits.filter((h) => h.actor.type === 'person' && h.kind === 'name');
    this.nameStarts = new Set(names.map((n) => n.start));
    this.nameEnds = new Set(names.map((n) => n.end));
    this.others = hits.filter((h) => h.actor.type !== 'person').sort((a, b) => a.start - b.start);
    this.otherStarts = this.others.map((h) => h.start);
    for (const h of this.others) {
      const last = this.reach.at(-1);
      this.reach.push(!last || h.end > last.end ? { end: h.end, start: h.start } : { end: last.end, start: h.end === last.end ? Math.min(last.start, h.start) : last.start });
    }
    for (const hit of hits) (this.hitsOf.get(hit.actor.id) ?? this.hitsOf.set(hit.actor.id, []).get(hit.actor.id)!).push({ hit, at: this.count++ });
    for (const list of this.hitsOf.values()) list.sort((a, b) => a.hit.start - b.hit.start || a.at - b.at);
  }

  /** A role found (after every hit, and to the right of the roles before it). */
  add(hit: Hit): void {
    (this.rolesOf.get(hit.actor.id) ?? this.rolesOf.set(hit.actor.id, []).get(hit.actor.id)!).push({ hit, at: this.count++ });
  }

  /** True when a person's full name stands right after the phrase (title) or right before it (appositive). */
  besideName(text: string, start: number, end: number): boolean {
    const after = /^,?\s+/.exec(text.slice(end, end + 3));
    if (after && this.nameStarts.has(end + after[0].length)) return true;
    // ", " or ", the " before the phrase: the comma is right before it, or before one short word.
    let i = start;
    while (i > 0 && /\s/.test(text[i - 1]!)) i--;
    const commas = [i - 1];
    let j = i;
    while (j > 0 && j > i - 3 && /[a-z]/i.test(text[j - 1]!)) j--;
    while (j > 0 && j < i && /\s/.test(text[j - 1]!)) j--;
    commas.push(j - 1);
    return commas.some((p) => p >= 0 && this.nameEnds.has(p) && /^,\s+(?:(?:the|a|an)\s+)?$/i.test(text.slice(p, start)));
  }

  /** True when an organisation or state hit holds [start, end) and is longer. */
  insideOther(start: number, end: number): boolean {
    const k = lowerBound(this.otherStarts, start + 1) - 1;
    if (k < 0) return false;
    const { end: furthest, start: from } = this.reach[k]!;
    return furthest > end || (furthest === end && from < start);
  }

  /** Of these actors, the one named last (by start) ending by `pos`; ties go to the later in [...hits, ...found]. */
  lastNamed(ids: ReadonlySet<string>, pos: number): string | undefined {
    let best: Placed | undefined;
    for (const id of ids) {
      for (const list of [this.hitsOf.get(id), this.rolesOf.get(id)]) {
        const entry = list && lastEndingBy(list, pos);
        if (entry && (!best || entry.hit.start > best.hit.start || (entry.hit.start === best.hit.start && entry.at > best.at))) best = entry;
      }
    }
    return best?.hit.actor.id;
  }
}

interface Placed {
  hit: Hit;
  at: number;
}

/** In a list sorted by start (then place), the last ending by `pos`: read back from the last starting by it. */
function lastEndingBy(list: readonly Placed[], pos: number): Placed | undefined {
  let [lo, hi] = [0, list.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.hit.start <= pos) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo - 1; k >= 0; k--) if (list[k]!.hit.end <= pos) return list[k];
  return undefined;
}

/** Role mentions in the text of `layer`, whose words are `words`; `hits` are the mentions found so far. */
export function findRoleMentions(layer: TokenLayer, words: readonly Word[], lexicon: Lexicon, actors: readonly Actor[], date: string, hits: readonly Hit[]): Hit[] {
  const text = layer.text;
  const context = new RoleContext(hits);
  const found: Hit[] = [];
  // The longest role phrase at each word start, left to right, not overlapping each other.
  for (const { start, end, form } of lexicon.roleForms.longestMatches(layer, words)) {
    if (!startsToken(layer, start)) continue;
    // Inside an organisation's own name ("National Committee on US-China Relations") it is no role.
    if (context.insideOther(start, end)) continue;
    if (context.besideName(text, start, end)) continue;
    const candidates = holders(actors, form, date);
    let person: Actor | undefined = candidates.length === 1 ? candidates[0] : undefined;
    if (candidates.length > 1) {
      const last = context.lastNamed(new Set(candidates.map((c) => c.id)), start);
      person = last ? candidates.find((c) => c.id === last) : undefined;
    }
    // Found roles are in text order: only the last few can overlap a new one.
    let overlapping = false;
    for (let k = found.length - 1; k >= 0 && found[k]!.end > start; k--) if (overlaps(found[k]!, start, end)) overlapping = true;
    if (person && !overlapping) {
      const role: Hit = { start, end, actor: actorRef(person), kind: 'role' };
      found.push(role);
      context.add(role);
    }
  }
  return found;
}
