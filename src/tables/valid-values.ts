/**
 * Checks of the values the table functions filter on. A filter value that can match
 * nothing (a country name where a code is meant, an actor's name for its id, a
 * quarter label with period "year") would give an empty table without a word; these
 * throw a KitError listing or describing the valid values instead.
 */
import { loadRegistry } from '../annotators/actors/registry';
import { check } from '../errors';
import { filterMessages } from '../messages';
import type { PeriodUnit } from './periods';

const norm = (s: string) => s.trim().toLowerCase();

/**
 * Country and bloc codes: the kit's registry's, and any the data carries (a user
 * registry adds codes of its own). `seen` is only read when a code is not the kit's.
 */
export function checkCountryCodes(codes: readonly unknown[] | undefined, argument: string, seen: () => Iterable<string>): void {
  if (!codes || codes.length === 0) return;
  const countries = loadRegistry().countries;
  let inData: Set<string> | undefined;
  for (const code of codes) {
    if (typeof code === 'string' && code in countries) continue;
    inData ??= new Set(seen());
    if (typeof code === 'string' && inData.has(code)) continue;
    // "chn" for CHN, "China" for CHN
    const suggestion =
      typeof code === 'string' ? (code.toUpperCase() in countries ? code.toUpperCase() : Object.entries(countries).find(([, c]) => norm(c.label) === norm(code))?.[0]) : undefined;
    const valid = [...new Set([...Object.keys(countries), ...inData])].filter((c) => c !== '').sort();
    check(false, argument, filterMessages.unknownCountry(code, suggestion, valid));
  }
}

/** Actor ids: the kit's registry's, and any the data carries (unregistered names, user registries). */
export function checkActorIds(ids: readonly unknown[] | undefined, argument: string, seen: () => Iterable<string>): void {
  if (!ids || ids.length === 0) return;
  const registry = loadRegistry();
  let inData: Set<string> | undefined;
  for (const id of ids) {
    if (typeof id === 'string' && registry.byId.has(id)) continue;
    inData ??= new Set(seen());
    if (typeof id === 'string' && inData.has(id)) continue;
    const suggestion = typeof id === 'string' ? registry.actors.find((a) => norm(a.name) === norm(id) || a.aliases.some((x) => norm(x) === norm(id)))?.id : undefined;
    check(false, argument, filterMessages.unknownActor(id, suggestion));
  }
}

const PERIOD_LABEL: Record<PeriodUnit, { pattern: RegExp; example: string }> = {
  year: { pattern: /^\d{4}$/, example: '"2022"' },
  quarter: { pattern: /^\d{4}-Q[1-4]$/, example: '"2022-Q1"' },
  month: { pattern: /^\d{4}-(0[1-9]|1[0-2])$/, example: '"2022-03"' },
};

/** Period labels of one unit ("2022", "2022-Q1", "2022-03") or "undated". */
export function checkPeriodLabels(labels: readonly unknown[] | undefined, argument: string, unit: PeriodUnit): void {
  for (const label of labels ?? []) {
    if (label === 'undated' || (typeof label === 'string' && PERIOD_LABEL[unit].pattern.test(label))) continue;
    check(false, argument, filterMessages.badPeriodLabel(label, unit, PERIOD_LABEL[unit].example));
  }
}
