import { kitCountries } from '../annotators/actors/registry';

/** One colour and display label per country code, shared by every chart. */
export interface CountryPalette {
  /** code -> { label, color }, in the registry's order (legends follow it). */
  countries: Record<string, { label: string; color: string }>;
}

/** Colour of rows whose country is empty or unknown to the registry. */
export const UNKNOWN_COUNTRY = { code: '', label: 'unknown', color: '#9e9e9e' } as const;

/**
 * For codes the registry does not list:
 * distinct, colour-blind-friendly hues (Tableau 10 without its grey).
 */
export const FALLBACK_COLORS = ['#4e79a7', '#f28e2b', '#59a14f', '#b07aa1', '#edc948', '#76b7b2', '#ff9da7', '#9c755f', '#e15759'] as const;

/**
 * Outlet colours (Okabe–Ito, colour-blind safe, and two of Paul Tol's): a palette of
 * their own, none of them a country's colour in the registry (tested), so an outlet never reads as a country (Kyiv Post in
 * China's red). The outlets beyond it share OTHER_OUTLETS_COLOR.
 */
export const OUTLET_COLORS = ['#e69f00', '#56b4e9', '#009e73', '#f0e442', '#0072b2', '#d55e00', '#cc79a7', '#332288', '#882255', '#000000'] as const;
export const OTHER_OUTLETS_COLOR = '#cccccc';

let cached: CountryPalette | undefined;

/** The palette of the actor registry's `countries` block (read once: the registry the pipeline loaded, else its file, by the registry's own validating reader). */
export function countryPalette(): CountryPalette {
  if (cached) return cached;
  const countries: CountryPalette['countries'] = {};
  for (const [code, c] of Object.entries(kitCountries())) countries[code] = { label: c.label, color: c.color };
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
