import type { DataFrame } from 'danfojs-node';
import type { Row, TableSpec } from './schema';

type Danfo = typeof import('danfojs-node');
let danfo: Danfo | undefined;

const onLoad: ((loaded: Danfo) => void)[] = [];

/** danfojs-node is loaded on first use: the report path does not need it. */
export function loadDanfo(): Danfo {
  if (!danfo) {
    danfo = require('danfojs-node') as Danfo;
    for (const hook of onLoad.splice(0)) hook(danfo);
  }
  return danfo;
}

/**
 * Runs `hook` with danfo once the kit has loaded it (at once if it has): how the display
 * layer (display.ts) teaches DataFrames to show themselves without loading danfo early.
 */
export function whenDanfoLoads(hook: (loaded: Danfo) => void): void {
  if (danfo) hook(danfo);
  else onLoad.push(hook);
}

/** Rows to a danfo DataFrame with the spec's columns in order (an empty table keeps its columns). */
export function toDataFrame(rows: readonly Row[], spec: TableSpec | readonly string[]): DataFrame {
  const { DataFrame } = loadDanfo();
  const columns = Array.isArray(spec) ? (spec as readonly string[]) : (spec as TableSpec).columns.map((c) => c.name);
  if (rows.length === 0) return new DataFrame([], { columns: [...columns] });
  return new DataFrame(rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c] ?? '']))), { columns: [...columns] });
}
