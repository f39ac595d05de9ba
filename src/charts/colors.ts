import { existsSync } from 'node:fs';
import { z } from 'zod';
import { dataPath, readYaml, validateData } from '../data';

/** One colour and display label per country code, shared by every chart. */
export interface CountryPalette {
  /** code -> { label, color }, in the registry's order (legends follow it). */
  countries: Record<string, { label: string; color: string }>;
}

/** Colour of rows whose country is empty or unknown to the registry. */
export const UNKNOWN_COUNTRY = { code: '', label: 'unknown', color: '#9e9e9e' } as const;

/**
 * Used when the registry has no `countries` block yet, and for codes it does not list:
 * distinct, colour-blind-friendly hues (Tableau 10 without its grey).
 */
export const FALLBACK_COLORS = ['#4e79a7', '#f28e2b', '#59a14f', '#b07aa1', '#edc948', '#76b7b2', '#ff9da7', '#9c755f', '#e15759'] as const;

/** The kit's defaults, overridden by the actor registry's `countries` block. */
const DEFAULT_COUNTRIES: CountryPalette['countries'] = {
  CHN: { label: 'China', color: '#d62728' },
  RUS: { label: 'Russia', color: '#1f4e9c' },
  USA: { label: 'United States', color: '#7f3c8d' },
  UKR: { label: 'Ukraine', color: '#e6a700' },
  EU: { label: 'European Union', color: '#11a579' },
  NATO: { label: 'NATO', color: '#3969ac' },
  UN: { label: 'United Nations', color: '#5fa2ce' },
};

const registryCountries = z
  .object({
    countries: z
      .record(z.string(), z.object({ label: z.string().min(1), color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like "#d62728"') }).passthrough())
      .optional(),
  })
  .passthrough();

const REGISTRY = 'annotators/actors/registry.yaml';
let cached: CountryPalette | undefined;

/** The palette from the actor registry (read once), falling back to the kit's defaults. */
export function countryPalette(): CountryPalette {
  if (cached) return cached;
  const file = dataPath(REGISTRY);
  const fromRegistry = existsSync(file) ? (validateData(readYaml(file), registryCountries, file).countries ?? {}) : {};
  const countries: CountryPalette['countries'] = {};
  for (const [code, c] of Object.entries(fromRegistry)) countries[code] = { label: c.label, color: c.color };
  for (const [code, c] of Object.entries(DEFAULT_COUNTRIES)) countries[code] ??= c;
  return (cached = { countries });
}

/** Empty, or the tables' explicit "unknown". */
export function isUnknownCountry(code: string): boolean {
  return code === '' || code.toLowerCase() === UNKNOWN_COUNTRY.label;
}

/** Display label of a country code ("" -> "unknown"; an unlisted code stays as it is). */
export function countryLabel(code: string, palette: CountryPalette): string {
  if (isUnknownCountry(code)) return UNKNOWN_COUNTRY.label;
  return palette.countries[code]?.label ?? code;
}

/**
 * A vega-lite colour scale for the given codes: registry colours, a fallback hue for
 * codes the registry lacks (stable: chosen by the code's letters, not its position),
 * grey for unknown. Domain is the display labels, in registry order.
 */
export function countryScale(codes: Iterable<string>, palette: CountryPalette): { domain: string[]; range: string[] } {
  const present = new Set(codes);
  const known = Object.keys(palette.countries).filter((c) => present.has(c));
  const others = [...present].filter((c) => !isUnknownCountry(c) && !palette.countries[c]).sort();
  const domain: string[] = [];
  const range: string[] = [];
  for (const code of known) {
    domain.push(palette.countries[code]!.label);
    range.push(palette.countries[code]!.color);
  }
  for (const code of others) {
    domain.push(code);
    range.push(fallbackColor(code));
  }
  if ([...present].some(isUnknownCountry)) {
    domain.push(UNKNOWN_COUNTRY.label);
    range.push(UNKNOWN_COUNTRY.color);
  }
  return { domain, range };
}

/** Colour of one country code, as every chart draws it. */
export function countryColor(code: string, palette: CountryPalette): string {
  if (isUnknownCountry(code)) return UNKNOWN_COUNTRY.color;
  return palette.countries[code]?.color ?? fallbackColor(code);
}

function fallbackColor(code: string): string {
  let h = 0;
  for (const ch of code) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return FALLBACK_COLORS[h % FALLBACK_COLORS.length]!;
}
