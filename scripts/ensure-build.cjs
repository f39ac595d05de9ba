#!/usr/bin/env node
/**
 * Rebuilds dist/ when a source file is newer than its compiled file (or has none), so
 * `npm run report` always runs the compiled kit of the current source. Plain CommonJS
 * with no dependencies: it runs before anything is compiled.
 *
 * Why compiled: under tsx every named closure is wrapped in `__name(...)` (esbuild's
 * keepNames, which tsx does not let a project turn off), and the annotators create
 * such closures per sentence and per cue; the compiled kit runs about 5% faster and
 * starts without the TypeScript loader.
 *
 *   node scripts/ensure-build.cjs        (exit 0 when dist/ is current or was rebuilt)
 */
'use strict';
const { readdirSync, statSync } = require('node:fs');
const { join, relative } = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = join(__dirname, '..');
const SRC = join(ROOT, 'src');
const DIST = join(ROOT, 'dist');

/** The first TypeScript source under `src` whose compiled .js under `dist` is missing or older, if any. */
function staleSource(src, dist, dir = src) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const stale = staleSource(src, dist, path);
      if (stale) return stale;
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
      const compiled = join(dist, relative(src, path)).replace(/\.ts$/, '.js');
      let built;
      try {
        built = statSync(compiled).mtimeMs;
      } catch {
        return path;
      }
      if (statSync(path).mtimeMs > built) return path;
    }
  }
  return undefined;
}

function ensureBuild() {
  const stale = staleSource(SRC, DIST);
  if (!stale) return;
  process.stderr.write(`dist/ is older than ${relative(ROOT, stale)}: rebuilding (npm run build) …\n`);
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write('The build failed (above); fix the type errors, or run the source directly: npx tsx src/cli.ts report\n');
    process.exit(r.status ?? 1);
  }
}

module.exports = { staleSource };
if (require.main === module) ensureBuild();
