import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempCorpus } from './helpers';

const ROOT = resolve(__dirname, '..');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const GOOD = 'Chinese Foreign Minister Wang Yi and his Russian counterpart Sergey Lavrov both rejected outside criticism of their authoritarian systems.';

/** Runs `srkit report --corpus DIR --out OUT --quiet ...` as a user would (src/cli.ts under tsx). */
function report(corpus: string, ...args: string[]) {
  return reportInto(mkdtempSync(join(tmpdir(), 'srkit-cli-')), corpus, ...args);
}

function reportInto(out: string, corpus: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [TSX, 'src/cli.ts', 'report', '--corpus', corpus, '--out', out, '--quiet', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CI: '1' },
    timeout: 120_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, out };
}

describe('report command exit codes', () => {
  it('exits 0 when some inputs are skipped but some were read; the summary line counts both', () => {
    const corpus = tempCorpus({ 'good.txt': GOOD, 'empty.txt': '', 'run.sh': 'echo =1' });
    const r = report(corpus);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^report: 1 articles read, 2 skipped, 1 sentences, 2 warnings -> .+ in \d+\.\ds\n$/);
    const run = JSON.parse(readFileSync(join(r.out, 'run.json'), 'utf8'));
    expect(run.skipped.map((s: { file: string }) => s.file)).toEqual(['empty.txt', 'run.sh']);
  });

  it('says how many articles came from the cache on a re-run, and nothing of it with --no-cache', () => {
    const corpus = tempCorpus({ 'good.txt': GOOD, 'empty.txt': '' });
    const first = report(corpus);
    const again = reportInto(first.out, corpus);
    expect(again.stdout).toMatch(/^report: 1 articles read \(1 from the cache\), 1 skipped, 1 sentences, 1 warnings -> /);
    const uncached = reportInto(first.out, corpus, '--no-cache');
    expect(uncached.stdout).toMatch(/^report: 1 articles read, 1 skipped,/);
  });

  it('exits 1 when nothing could be read, saying so on stderr', () => {
    const corpus = tempCorpus({ 'empty.txt': '', 'binary.txt': new Uint8Array([0, 0, 0]) });
    const r = report(corpus);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`error: no article could be read from "${corpus}"; see run.json for the reason each input was skipped`);
  });

  it('--strict exits 1 when an input was skipped, 0 when none was', () => {
    const withSkip = report(tempCorpus({ 'good.txt': GOOD, 'empty.txt': '' }), '--strict');
    expect(withSkip.status).toBe(1);
    expect(withSkip.stderr).toContain('--strict: 1 input(s) skipped');
    const clean = report(tempCorpus({ 'good.txt': GOOD }), '--strict');
    expect(clean.status).toBe(0);
  });

  it('exits 2 on a usage error (missing corpus folder), naming it', () => {
    const r = report('/nonexistent/srkit-corpus');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('corpus folder "/nonexistent/srkit-corpus" does not exist');
  });

  it('--no-formula-guard and --encoding windows-1252 reach the tables', () => {
    const corpus = tempCorpus({ 'a.txt': Buffer.concat([Buffer.from('- Wang said '), Buffer.from([0x93]), Buffer.from('no'), Buffer.from([0x94]), Buffer.from('.')]) });
    const guarded = report(corpus, '--encoding', 'windows-1252');
    const raw = report(corpus, '--encoding', 'windows-1252', '--no-formula-guard');
    expect([guarded.status, raw.status]).toEqual([0, 0]);
    expect(readFileSync(join(guarded.out, 'tables/sentences.csv'), 'utf8')).toBe('article_id,sentence,paragraph,start,end,text\na,0,0,0,17,\'- Wang said “no”.\n');
    expect(readFileSync(join(raw.out, 'tables/sentences.csv'), 'utf8')).toBe('article_id,sentence,paragraph,start,end,text\na,0,0,0,17,- Wang said “no”.\n');
  });
});
