import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startArgs } from '../scripts/notebooks';

/** The set-up a newcomer follows: README, .ci/run and the notebook launcher agree. */
const ROOT = resolve(__dirname, '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

describe('set-up', () => {
  it("README's apt-get line names exactly the Debian packages .ci/run installs", () => {
    const ci = /^DEBIAN_PACKAGES=\(([^)]*)\)$/m.exec(read('.ci/run'))?.[1]?.split(/\s+/);
    const setUp = read('README.md').split('## Set-up (fresh machine)')[1]!.split('\n## ')[0]!;
    const readme = /apt-get install ([^\n]+)/.exec(setUp)?.[1]?.split(/\s+/);
    expect(ci).toEqual(['chromium', 'jupyter-nbconvert', 'python3-ipykernel', 'jupyter-notebook', 'fonts-dejavu-core']);
    expect(readme).toEqual(ci);
  });

  it('.ci/run installs with npm ci from the lock file, never npm install', () => {
    const commands = read('.ci/run')
      .split('\n')
      .filter((l) => /^npm /.test(l));
    expect(commands).toEqual(['npm ci --no-audit --no-fund', 'npm run report', 'npm test']);
    expect(JSON.parse(read('package-lock.json')).lockfileVersion).toBe(3);
  });

  it('ignores Jupyter checkpoints', () => {
    expect(read('.gitignore').split('\n')).toContain('.ipynb_checkpoints/');
  });

  it("runs each test file in a temporary folder of its own (tests/setup/temp-folder.ts)", () => {
    expect(basename(tmpdir())).toMatch(/^srkit-test-/);
    expect(process.env.TMPDIR).toBe(tmpdir());
  });
});

describe('npm run notebooks', () => {
  const dir = `--notebook-dir=${join(ROOT, 'notebooks')}`;

  it('adds --allow-root as root, where Jupyter refuses to start without it', () => {
    expect(startArgs('notebook', 0, [])).toEqual(['notebook', dir, '--allow-root']);
    expect(startArgs('lab', 0, ['--allow-root', '--port', '9000'])).toEqual(['lab', dir, '--allow-root', '--port', '9000']);
  });

  it('adds nothing for other users, and passes the arguments after -- on', () => {
    expect(startArgs('lab', 1000, [])).toEqual(['lab', dir]);
    expect(startArgs('notebook', undefined, ['--no-browser'])).toEqual(['notebook', dir, '--no-browser']);
  });
});
