import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// scripts/ensure-build.cjs: what `npm run report` runs before the compiled CLI.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { staleSource } = require('../scripts/ensure-build.cjs') as { staleSource(src: string, dist: string): string | undefined };
const ROOT = resolve(__dirname, '..');

/** A src/ and dist/ pair with the given files, each at its own modification time (seconds). */
function tree(files: Record<string, number>): { src: string; dist: string } {
  const root = mkdtempSync(join(tmpdir(), 'srkit-build-'));
  for (const [path, mtime] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, '');
    utimesSync(full, mtime, mtime);
  }
  return { src: join(root, 'src'), dist: join(root, 'dist') };
}

describe('ensure-build: is dist/ older than src/?', () => {
  it('names a source edited after its build, in a sub-folder too', () => {
    const { src, dist } = tree({ 'src/cli.ts': 100, 'dist/cli.js': 200, 'src/text/tagger.ts': 300, 'dist/text/tagger.js': 200 });
    expect(staleSource(src, dist)).toBe(join(src, 'text', 'tagger.ts'));
  });

  it('names a source never built', () => {
    const { src, dist } = tree({ 'src/cli.ts': 100, 'dist/cli.js': 200, 'src/new-stage.ts': 100 });
    expect(staleSource(src, dist)).toBe(join(src, 'new-stage.ts'));
  });

  it('finds nothing when every source is older than its build; declarations and data files are not sources', () => {
    const { src, dist } = tree({ 'src/cli.ts': 100, 'dist/cli.js': 200, 'src/types.d.ts': 900, 'src/actors/registry.yaml': 900 });
    expect(staleSource(src, dist)).toBeUndefined();
  });

  it('runs before the compiled CLI in `npm run report`, under the node flags the bench reads', () => {
    const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.report;
    expect(script).toBe('node scripts/ensure-build.cjs && node --max-old-space-size=512 --max-semi-space-size=64 dist/cli.js report');
  });
});
