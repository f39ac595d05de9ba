import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..');

/** Which of the HTML and date libraries a fresh Node process has loaded after running `script` (CommonJS, through tsx). */
function loadedAfter(script: string): string[] {
  const probe = `${script}; process.stdout.write(JSON.stringify([...new Set(Object.keys(require.cache).flatMap((k) => /node_modules\\/(linkedom|chrono-node|@mozilla\\/readability)\\//.exec(k)?.[1] ?? []))].sort()))`;
  const run = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', probe], { cwd: ROOT, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as string[];
}

/** The chrono-node locales a fresh Node process has loaded after running `script`. */
function chronoLocalesAfter(script: string): string[] {
  const probe = `${script}; process.stdout.write(JSON.stringify([...new Set(Object.keys(require.cache).flatMap((k) => /chrono-node\\/dist\\/cjs\\/locales\\/([a-z]+)\\//.exec(k)?.[1] ?? []))].sort()))`;
  const run = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', probe], { cwd: ROOT, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as string[];
}

describe('libraries loaded when first needed', () => {
  it('the report module loads neither linkedom, Readability nor chrono-node (a re-run the cache serves needs none)', () => {
    expect(loadedAfter("require('./src/report/run')")).toEqual([]);
  });

  it('an HTML page loads linkedom and Readability, a date line chrono-node', () => {
    expect(loadedAfter("require('./src/corpus/html').extractHtml('<html><body><article><p>Wang Yi met Sergei Lavrov in Moscow.</p></article></body></html>')")).toEqual(['@mozilla/readability', 'linkedom']);
    expect(loadedAfter("require('./src/corpus/metadata').parseFullDate('February 5, 2022')")).toEqual(['chrono-node']);
  });

  it('chrono-node is loaded with its English locale only (the kit reads English dates; all sixteen cost a tenth of a second)', () => {
    expect(chronoLocalesAfter("require('./src/corpus/metadata').parseFullDate('February 5, 2022')")).toEqual(['en']);
  });
});
