import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CORE_SCHEMA, load as parseYaml, YAMLException } from 'js-yaml';
import type { ZodError, ZodType, ZodTypeDef } from 'zod';
import { KitError } from './errors';
import { dataMessages } from './messages';

/** The package root (the folder holding package.json), from src/ or dist/ alike. */
export const PACKAGE_ROOT: string = (() => {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above ' + __dirname);
    dir = up;
  }
  return dir;
})();

export const KIT_VERSION: string = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** Absolute path of a data file shipped in src/ (registries, lexicons, rules). */
export function dataPath(relative: string): string {
  return resolve(PACKAGE_ROOT, 'src', relative);
}

/** Names the offending entry of a data file: `actors[3] (id "wang-yi").aliases`. */
function describePath(data: unknown, path: (string | number)[]): string {
  let node: unknown = data;
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') {
      node = Array.isArray(node) ? node[key] : undefined;
      const id = node && typeof node === 'object' && 'id' in node ? (node as { id: unknown }).id : undefined;
      out += `[${key}]` + (id !== undefined ? ` (id "${String(id)}")` : '');
    } else {
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
      out += (out ? '.' : '') + key;
    }
  }
  return out || '(top level)';
}

/** Validates parsed data against a schema; errors name the file, the entry and the field. */
export function validateData<T>(data: unknown, schema: ZodType<T, ZodTypeDef, unknown>, file: string): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issues = (result.error as ZodError).issues
    .slice(0, 5)
    .map((i) => `  ${describePath(data, i.path)}: ${i.message}`)
    .join('\n');
  throw new KitError(`${file}: invalid data\n${issues}`, 'invalid-data', file);
}

/** Reads a YAML file; syntax errors name the file and line. */
export function readYaml(file: string): unknown {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (e) {
    throw new KitError(`${file}: cannot read (${(e as Error).message})`, 'unreadable', file);
  }
  // js-yaml with the YAML 1.2 core schema: dates stay strings, as the schemas expect;
  // it reads the registry ten times faster than the yaml package.
  let data: unknown;
  try {
    data = parseYaml(source, { schema: CORE_SCHEMA, filename: file });
  } catch (e) {
    if (!(e instanceof YAMLException)) throw e;
    const line = e.mark ? e.mark.line + 1 : undefined;
    throw new KitError(`${file}${line ? `:${line}` : ''}: YAML syntax error: ${e.reason}`, 'invalid-yaml', file, line);
  }
  // js-yaml shares an aliased node rather than copying it, but whatever walks the data (the schema check) would expand it.
  if (expandedValues(data, MAX_YAML_VALUES) > MAX_YAML_VALUES) throw new KitError(`${file}: ${dataMessages.aliasBomb(MAX_YAML_VALUES)}`, 'yaml-alias-bomb', file);
  return data;
}

/** The most values a data file may hold once its YAML aliases are expanded (the kit's registry holds some 20,000). */
export const MAX_YAML_VALUES = 5_000_000;

/** How many values `data` holds with every shared (aliased) node counted each time it is used; counting stops past `limit`. */
function expandedValues(data: unknown, limit: number): number {
  const sizes = new Map<object, number>();
  const size = (value: unknown): number => {
    if (value === null || typeof value !== 'object') return 1;
    const known = sizes.get(value);
    if (known !== undefined) return known;
    sizes.set(value, Infinity); // a node holding itself expands without end
    let n = 1;
    for (const child of Array.isArray(value) ? value : Object.values(value)) {
      n += size(child);
      if (n > limit) break;
    }
    sizes.set(value, n);
    return n;
  };
  return size(data);
}

/** Reads and validates a YAML data file. */
export function loadYaml<T>(file: string, schema: ZodType<T, ZodTypeDef, unknown>): T {
  return validateData(readYaml(file), schema, file);
}
