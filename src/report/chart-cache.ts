/**
 * Charts in the report's cache. A chart is a pure function of its spec, so a re-run
 * whose chart has the same spec (same data, same options) as one drawn before copies
 * its files from OUT/.cache/FINGERPRINT/charts/KEY/ instead of drawing it again; only
 * charts whose data changed are drawn. KEY is a hash of the spec, the formats and the
 * versions of the renderers (vega, vega-lite, vega-embed, resvg). Each entry holds the
 * chart's files and, written last, their sizes, so an entry cut short is never used.
 * Entries are read from the previous run's cache and written into this run's (staged
 * with its output, report/output-folder.ts): a reused entry is linked into it, so the
 * new cache holds just the charts this run drew or reused, and the previous one stays
 * whole until the new output is swapped in.
 */
import { createHash } from 'node:crypto';
import { constants, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ChartSpec } from '../charts/common';
import { linkFiles } from './link-files';

/** The chart cache's folder inside the cache's fingerprint folder. */
export const CHART_CACHE = 'charts';

const RENDERERS = ['vega', 'vega-lite', 'vega-embed', '@resvg/resvg-js'];
const SIZES = 'sizes.json';
/** Every entry keeps the SVG, which report.html inlines, whatever the formats written. */
const SVG = '.svg';

/** A package's version, from the package.json above its entry point (some packages do not export their package.json). */
function packageVersion(name: string): string {
  for (let dir = dirname(require.resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === name) return pkg.version ?? '';
  }
  return '';
}

let rendererVersions: string | undefined;
const renderers = () => (rendererVersions ??= RENDERERS.map((name) => `${name} ${packageVersion(name)}`).join('\n'));

/** The key of a chart drawn from `spec` into files with these extensions. */
export function chartKey(spec: ChartSpec, extensions: readonly string[]): string {
  return createHash('sha256').update(`${renderers()}\n${extensions.join(' ')}\n`).update(JSON.stringify(spec)).digest('hex').slice(0, 40);
}

export class ChartCache {
  /** Charts copied from the cache, or drawn. */
  hits = 0;
  misses = 0;

  constructor(
    /** The previous run's chart cache (read only). */
    private readonly from: string,
    /** This run's. */
    private readonly dir: string = from,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  /**
   * Copies the files of a chart drawn before with this key to `basePath` + each
   * extension; returns its SVG, or undefined (nothing copied) when it is not cached whole.
   */
  restore(key: string, basePath: string, extensions: readonly string[]): string | undefined {
    const entry = join(this.from, key);
    try {
      const sizes = JSON.parse(readFileSync(join(entry, SIZES), 'utf8')) as Record<string, number>;
      for (const ext of new Set([...extensions, SVG])) if (statSync(join(entry, `chart${ext}`)).size !== sizes[ext]) throw new Error('cut short');
      const svg = readFileSync(join(entry, `chart${SVG}`), 'utf8');
      for (const ext of extensions) copyFileSync(join(entry, `chart${ext}`), basePath + ext, constants.COPYFILE_FICLONE);
      this.keep(entry, join(this.dir, key));
      this.hits++;
      return svg;
    } catch {
      this.misses++;
      return undefined;
    }
  }

  /** Keeps a chart just drawn to `basePath` + each extension, and its SVG. */
  store(key: string, basePath: string, extensions: readonly string[], svg: string): void {
    const entry = join(this.dir, key);
    rmSync(entry, { recursive: true, force: true });
    mkdirSync(entry, { recursive: true });
    const sizes: Record<string, number> = {};
    for (const ext of extensions) {
      copyFileSync(basePath + ext, join(entry, `chart${ext}`), constants.COPYFILE_FICLONE);
      sizes[ext] = statSync(join(entry, `chart${ext}`)).size;
    }
    if (!extensions.includes(SVG)) {
      writeFileSync(join(entry, `chart${SVG}`), svg);
      sizes[SVG] = Buffer.byteLength(svg);
    }
    writeFileSync(join(entry, SIZES), JSON.stringify(sizes));
  }

  /** Puts a reused entry into this run's cache: hard links (no copy), or copies where links are not allowed; the sizes last. */
  private keep(from: string, to: string): void {
    if (from === to || existsSync(join(to, SIZES))) return;
    linkFiles(from, to, SIZES);
  }
}
