/**
 * Hostile input and faults (issue 16): inputs built to split CSV records, drop a file's
 * good lines, stall or crash the run, and the faults of the file system around it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { articleFromText, loadCorpus } from '../src/corpus';
import { createPipeline } from '../src/pipeline';
import { findMentions, loadRegistry, resolvePronoun } from '../src/annotators/actors';
import { extractStatements } from '../src/annotators/statements';
import { loadCodebook } from '../src/annotators/themes/load';
import { compilePattern } from '../src/annotators/themes/patterns';
import { runReport } from '../src/report/run';
import { OutputFolder } from '../src/report/output-folder';
import { KitError } from '../src/errors';
import { SEEDS, tempCorpus } from './helpers';

const made: string[] = [];
/** A temporary corpus (removed after the tests). */
const corpusOf = (files: Record<string, string | Uint8Array>): string => {
  const dir = tempCorpus(files);
  made.push(dir);
  return dir;
};
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'srkit-faults-'));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const GOOD = 'Wang Yi said China and Russia are partners.';
const rowsOf = (file: string): Record<string, string>[] => parse(readFileSync(file), { columns: true });

describe('1. CSV injection through a carriage return', () => {
  it('no line a reader sees in articles.csv starts a formula: .jsonl outlet and id, manifest url, file name with a CR', async () => {
    const corpus = corpusOf({
      'a.jsonl': JSON.stringify({ id: 'x\r@SUM(1)', outlet: 'Outlet\r+cmd', text: GOOD }) + '\n',
      'cr\r.txt': GOOD,
      'b.txt': GOOD,
      'manifest.csv': 'file,title,outlet,url,published\nb.txt,T,O,"\r=2+2",\n',
    });
    const out = tempDir();
    await runReport({ corpus, out, charts: false, parquet: false, cache: false });
    const csv = readFileSync(join(out, 'tables/articles.csv'), 'utf8');
    // As a reader that splits records at every CR or LF: no line, and no cell after a comma, starts with a trigger.
    for (const line of csv.split(/\r\n|\r|\n/)) expect(line).not.toMatch(/^"?[=+\-@]|,"?[=+\-@]/);
    const rows = rowsOf(join(out, 'tables/articles.csv'));
    expect(rows.map((r) => [r.article_id, r.outlet, r.url])).toEqual([
      ["x\r'@SUM(1)", "Outlet\r'+cmd", ''],
      ['b', 'O', "'\r'=2+2"],
      ['cr\r', '', ''],
    ]);
  });
});

describe('4. control bytes: per line in a .jsonl and manifest.csv, stripped from text fields', () => {
  const lines = (n: number, at: (i: number) => string | undefined) =>
    Array.from({ length: n }, (_, i) => at(i + 1) ?? JSON.stringify({ id: `a${i + 1}`, text: `Wang Yi met Lavrov, report ${i + 1} said.` })).join('\n') + '\n';

  it('a raw NUL in the first 4 KB of a .jsonl costs its line only, as one later does', async () => {
    const corpus = corpusOf({ 'feed.jsonl': lines(1000, (i) => (i === 2 || i === 900 ? `{"id": "nul${i}", "text": "a\u0000b"}` : undefined)) });
    const { articles, skipped } = await loadCorpus(corpus);
    expect(articles).toHaveLength(998);
    expect(skipped.map((s) => [s.file, s.line, s.reason.split(' (')[0]])).toEqual([
      ['feed.jsonl', 2, 'line holds a control byte'],
      ['feed.jsonl', 900, 'line holds a control byte'],
    ]);
  });

  it('a NUL in manifest.csv costs its row only; the other rows keep their metadata', async () => {
    const corpus = corpusOf({
      'a.txt': GOOD,
      'b.txt': GOOD,
      'manifest.csv': 'file,title,outlet,url,published\na.txt,Title A,TASS,,2023-03-21\nb.txt,Title\u0000B,Xinhua,,2023-03-22\n',
    });
    const { articles, skipped } = await loadCorpus(corpus);
    expect(articles.map((a) => [a.article_id, a.title, a.outlet, a.published])).toEqual([
      ['a', 'Title A', 'TASS', '2023-03-21'],
      ['b', GOOD, '', ''],
    ]);
    expect(skipped.map((s) => [s.file, s.line, s.reason.split(' (')[0]])).toEqual([['manifest.csv', 3, 'manifest line holds a control byte']]);
  });

  it('a JSON-escaped \\u0000 or \\u001b reaches no table: stripped from text, title, outlet, url and id', async () => {
    const corpus = corpusOf({
      'feed.jsonl': JSON.stringify({ id: 'i\u0000d', title: 'T\u0000itle', outlet: 'O\u001butlet', url: 'https://x.example/\u0007a', text: 'Wang\u0000 Yi said China and Russia are partners.\u001b' }) + '\n',
    });
    const out = tempDir();
    await runReport({ corpus, out, charts: false, cache: false, parquet: false });
    for (const table of ['articles', 'sentences', 'mentions', 'statements']) expect(readFileSync(join(out, `tables/${table}.csv`), 'utf8')).not.toMatch(/[\u0000-\u0008\u000e-\u001f\u007f]/);
    const [article] = rowsOf(join(out, 'tables/articles.csv'));
    expect([article!.article_id, article!.title, article!.outlet, article!.url]).toEqual(['id', 'Title', 'Outlet', 'https://x.example/a']);
    expect(rowsOf(join(out, 'tables/sentences.csv')).map((r) => r.text)).toEqual([GOOD]);
  });

  it('a text file with a NUL is still refused whole (binary), a clean one read', async () => {
    const { articles, skipped } = await loadCorpus(corpusOf({ 'bin.txt': `a\u0000b ${GOOD}`, 'ok.txt': GOOD }));
    expect(articles.map((a) => a.article_id)).toEqual(['ok']);
    expect(skipped.map((s) => [s.file, s.reason.split(' (')[0]])).toEqual([['bin.txt', 'file looks binary']]);
  });
});

describe('5. catastrophic user regexes', () => {
  const codebook = (pattern: string) =>
    join(corpusOf({ 'book.yaml': `version: t\nnegation: { words: [not], window: 3 }\nthemes:\n  - id: partnership\n    label: P\n    definition: d\n    patterns: [partner, '${pattern}']\n` }), 'book.yaml');

  it('a nested unbounded quantifier is refused at load, naming the file, the theme and the pattern', () => {
    const file = codebook('/(a+)+$/');
    expect(() => loadCodebook(file)).toThrow(
      `${file}: invalid data\n  themes[0] (id "partnership").patterns[1]: regular expression /(a+)+$/ repeats "(a+)+", a part that itself repeats without bound`,
    );
    for (const bad of ['/(\\w+\\s?)*x/', '/(?:a|b*)+c/', '/((ab)*c)+d/']) expect(() => compilePattern(bad), bad).toThrow(/repeats without bound/);
  });

  it('bounded nesting, lookarounds and plain repeats are kept, the kit\'s own codebook too', () => {
    expect(loadCodebook(codebook('/(?:\\w+\\s+){0,3}partners?/')).themes[0]!.patterns).toHaveLength(2);
    for (const ok of ['/\\bno\\W+forbidden\\b/', '/(?:the\\s+)?partners?/', '/(?:(?!not\\b)\\w+\\s+){0,2}?blame/', '/a+(?=b+)c*/']) expect(() => compilePattern(ok), ok).not.toThrow();
    expect(loadCodebook().themes.length).toBeGreaterThan(5);
  });

  it('the report refuses such a codebook before touching --out', async () => {
    const out = tempDir();
    writeFileSync(join(out, 'keep.txt'), 'x');
    await expect(runReport({ corpus: corpusOf({ 'a.txt': GOOD }), out, codebook: codebook('/(a+)+$/'), charts: false })).rejects.toThrow(/repeats "\(a\+\)\+"/);
    expect(readdirSync(out)).toEqual(['keep.txt']);
  });
});

describe('9. smaller faults', () => {
  it('a manifest.csv linked from outside the corpus is refused with its reason; one linked inside is read', async () => {
    const outside = corpusOf({ 'manifest.csv': 'file,title,outlet,url,published\na.txt,Secret title,Leak,,2023-01-01\n' });
    const corpus = corpusOf({ 'a.txt': GOOD });
    symlinkSync(join(outside, 'manifest.csv'), join(corpus, 'manifest.csv'));
    const refused = await loadCorpus(corpus);
    expect(refused.articles.map((a) => [a.title, a.outlet])).toEqual([[GOOD, '']]);
    expect(refused.skipped).toEqual([{ file: 'manifest.csv', line: undefined, reason: expect.stringMatching(/^manifest.csv is a symbolic link to a file outside the corpus folder; refused/) }]);
    const inside = corpusOf({ 'a.txt': GOOD, 'meta/m.csv': 'file,title,outlet,url,published\na.txt,Own title,TASS,,2023-01-01\n' });
    symlinkSync(join(inside, 'meta/m.csv'), join(inside, 'manifest.csv'));
    const read = await loadCorpus(inside);
    expect(read.articles.map((a) => [a.title, a.outlet])).toEqual([['Own title', 'TASS']]);
    expect(read.skipped.map((s) => s.file)).toEqual(['meta/m.csv']);
  });

  it('a cached Parquet part or entry changed on disk is built again, with a warning; the output equals a clean run', async () => {
    const corpus = manyArticles(30);
    const out = tempDir();
    await runReport({ corpus, out, charts: false });
    const [fingerprint] = readdirSync(join(out, '.cache'));
    const segments = join(out, '.cache', fingerprint!, 'segments');
    const [segment] = readdirSync(segments);
    // 64 bytes flipped in the middle of the part: same size, so only the checksum tells.
    const part = join(segments, segment!, 'sentences.parquet');
    const bytes = readFileSync(part);
    for (let i = 0; i < 64; i++) bytes[(bytes.length >> 1) + i]! ^= 0xff;
    writeFileSync(part, bytes);
    const again = await runReport({ corpus, out, charts: false });
    expect(again.cache!.segments).toEqual({ hits: 0, misses: 1 });
    expect(again.cache!.hits).toBe(30); // the articles' own entries were intact
    expect(again.warnings.map((w) => w.message)).toEqual([`cache: sentences.parquet of segment ${segment!.slice(0, 12)} does not match its checksum (changed on disk since it was written); the segment was built again`]);
    const clean = tempDir();
    await runReport({ corpus, out: clean, charts: false, cache: false });
    expect(outputOf(out)).toEqual(outputOf(clean));
    // A changed byte in the pack of article entries: those articles are processed again, the output the same.
    const pack = join(out, '.cache', fingerprint!, 'segments', segment!, 'articles');
    const packed = readFileSync(pack);
    packed[packed.length - 10]! ^= 0x01;
    writeFileSync(pack, packed);
    const entry = join(out, '.cache', fingerprint!, 'segments', segment!, 'entry');
    const stored = readFileSync(entry);
    stored[stored.length - 10]! ^= 0x01;
    writeFileSync(entry, stored);
    const third = await runReport({ corpus, out, charts: false });
    expect([third.cache!.segments.misses, third.cache!.misses]).toEqual([1, 1]);
    expect(outputOf(out)).toEqual(outputOf(clean));
  }, 60_000);

  it('a registry of 20,001 actors is refused with the limit; a small one is read', () => {
    const dir = tempDir();
    const actors = (n: number) => `version: "big"\nactors:\n${Array.from({ length: n }, (_, i) => `  - { id: p${i}, name: Person Number${i}, type: person, country: RUS }\n`).join('')}`;
    writeFileSync(join(dir, 'big.yaml'), actors(20_001));
    expect(() => loadRegistry([join(dir, 'big.yaml')])).toThrow(
      `${join(dir, 'big.yaml')}: the registry lists 20,001 actors, over the limit of 20,000 a run holds in memory (each worker thread loads it too); split it and run the report once per part, or keep only the actors the corpus names`,
    );
    writeFileSync(join(dir, 'small.yaml'), actors(3));
    expect(loadRegistry([join(dir, 'small.yaml')]).actors.some((a) => a.id === 'p2')).toBe(true);
  });

  it('a folder nested 500 deep, and one whose path passes PATH_MAX, are skipped with their reasons; the rest is read', async () => {
    const corpus = corpusOf({ 'top.txt': GOOD });
    // Made by a child process, one relative step at a time: no single path handed to the kernel is too long.
    const nest = (name: string, depth: number) =>
      spawnSync(process.execPath, ['-e', `process.chdir(process.argv[1]); for (let i = 0; i < ${depth}; i++) { require('fs').mkdirSync('${name}'); process.chdir('${name}'); } require('fs').writeFileSync('deep.txt', 'Deep text.')`, corpus]);
    expect(nest('dddddddddd', 500).status).toBe(0);
    expect(nest('e'.repeat(200), 25).status).toBe(0);
    try {
      const { articles, skipped } = await loadCorpus(corpus);
      expect(articles.map((a) => a.article_id)).toEqual(['top']);
      expect(skipped).toEqual([
        { file: `${'dddddddddd/'.repeat(32)}dddddddddd`, reason: 'folder nested more than 32 levels below the corpus folder; not read (move its files higher up)' },
        { file: expect.stringMatching(/^(e{200}\/){19,20}e{200}$/), reason: 'folder could not be read (ENAMETOOLONG); its files were not read' },
      ]);
    } finally {
      spawnSync('rm', ['-rf', corpus]);
    }
  });
});

const ROOT = resolve(__dirname, '..');
/** src/cli.ts run by node through tsx's loader, in one process (tsx's own CLI would run it in a child). */
const CLI = ['--import', 'tsx', 'src/cli.ts', 'report', '--quiet'];

/** `srkit report` as a user runs it, with node options before the script (a fault preload). */
function cli(args: string[], nodeArgs: string[] = [], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [...nodeArgs, ...CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: '1', ...env }, timeout: 120_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Every file under `dir` (but the kit's staging and lock) with the SHA-256 of its bytes. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.name.startsWith('.srkit')) continue;
      if (entry.isDirectory()) walk(rel);
      else files[rel] = createHash('sha256').update(readFileSync(join(dir, rel))).digest('hex');
    }
  };
  walk('');
  return files;
}

/** The tables and Parquet parts of a run (what must be identical to a clean run's), by path. */
const outputOf = (out: string) => Object.fromEntries(Object.entries(snapshot(out)).filter(([f]) => f.startsWith('tables/') || f.startsWith('parquet/')));

/** A corpus of `n` short articles in one .jsonl, long enough to be caught mid-run. */
const manyArticles = (n: number) =>
  corpusOf({
    'wire.jsonl': Array.from({ length: n }, (_, i) => JSON.stringify({ id: `w${i}`, text: `Chinese Foreign Minister Wang Yi met Sergey Lavrov on day ${i}. "Relations are at their best, number ${i}," Lavrov said. Wang said the two countries would deepen trust.` })).join('\n') + '\n',
  });

describe('2. a usage error, a crash or a kill leaves the previous output whole', () => {
  it('a missing --corpus, --workers 0 or NaN, a bad --max-input-mb: refused before --out is touched', async () => {
    const corpus = corpusOf({ 'a.txt': GOOD, 'b.txt': 'Lavrov said Moscow valued the partnership.' });
    const out = tempDir();
    await runReport({ corpus, out, charts: false });
    const before = snapshot(out);
    expect(Object.keys(before)).toContain('tables/articles.csv');
    for (const bad of [{ corpus: '/nonexistent/srkit-corpus' }, { workers: 0 }, { workers: Number('abc') }, { maxInputMb: 0 }, { maxInputMb: Number.NaN }]) {
      await expect(runReport({ corpus, out, charts: false, ...bad }), JSON.stringify(bad)).rejects.toThrow(KitError);
      expect(snapshot(out), JSON.stringify(bad)).toEqual(before);
    }
    expect(readdirSync(out).filter((f) => f.startsWith('.srkit'))).toEqual([]);
  });

  it('the CLI says so in one line and exits 2: --workers abc, --max-input-mb 0, an --out past PATH_MAX', async () => {
    const corpus = corpusOf({ 'a.txt': GOOD });
    const out = tempDir();
    await runReport({ corpus, out, charts: false });
    const before = snapshot(out);
    const workers = cli(['--corpus', corpus, '--out', out, '--workers', 'abc']);
    expect([workers.status, workers.stderr]).toEqual([2, 'error: workers must be a whole number from 1 to 64, got NaN\n']);
    const max = cli(['--corpus', corpus, '--out', out, '--max-input-mb', '0']);
    expect([max.status, max.stderr]).toEqual([2, 'error: --max-input-mb must be a positive number of megabytes, got 0\n']);
    const long = join(tempDir(), 'x'.repeat(200), 'y'.repeat(5000));
    const tooLong = cli(['--corpus', corpus, '--out', long]);
    expect(tooLong.status).toBe(2);
    expect(tooLong.stderr).toMatch(/^error: the path ".{60}….{40}" is too long for the file system \(\d+ characters; a path is at most 4096 bytes, a name 255\); pass a shorter --out\n$/);
    expect(snapshot(out)).toEqual(before);
  });

  it('a run killed (SIGKILL) while writing leaves the previous complete output; the next run finishes as a clean run would', async () => {
    const corpus = manyArticles(400);
    const out = tempDir();
    const first = await runReport({ corpus, out, charts: false });
    expect(first.articles).toBe(400);
    const before = snapshot(out);
    writeFileSync(join(corpus, 'late.txt'), 'Lavrov said Moscow valued the partnership with Beijing.');
    // A cold re-run (no cache), killed once it has written into its staged output.
    const child = spawn(process.execPath, [...CLI, '--corpus', corpus, '--out', out, '--no-cache'], { cwd: ROOT, env: { ...process.env, CI: '1' } });
    const staged = join(out, '.srkit-next', 'tables', 'sentences.csv');
    await new Promise<void>((done, fail) => {
      const poll = setInterval(() => {
        if (existsSync(staged) && statSync(staged).size > 20_000) {
          clearInterval(poll);
          child.kill('SIGKILL');
        }
      }, 5);
      child.on('exit', () => (clearInterval(poll), existsSync(staged) ? done() : fail(new Error('the run ended before it was killed'))));
    });
    expect(snapshot(out)).toEqual(before);
    expect(JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')).articles).toBe(400);
    // The next run takes over the dead run's lock, clears its staged output and completes.
    const again = await runReport({ corpus, out, charts: false });
    expect(again.articles).toBe(401);
    expect(readdirSync(out).filter((f) => f.startsWith('.srkit'))).toEqual([]);
    const clean = tempDir();
    await runReport({ corpus, out: clean, charts: false, cache: false });
    expect(outputOf(out)).toEqual(outputOf(clean));
  }, 120_000);

  it('a swap cut short by a kill is finished by the next run; a staged run never completed is dropped', () => {
    const out = tempDir();
    const write = (rel: string, text: string) => (mkdirSync(join(out, rel, '..'), { recursive: true }), writeFileSync(join(out, rel), text));
    // Killed mid-swap: tables moved aside, the new tables and run.json still staged, the run marked complete.
    write('.srkit-previous/tables/articles.csv', 'old');
    write('run.json', 'old run');
    write('.srkit-next/.complete', '');
    write('.srkit-next/tables/articles.csv', 'new');
    write('.srkit-next/run.json', 'new run');
    write('notes.txt', 'the user’s own file');
    OutputFolder.open(out).abandon();
    expect([readFileSync(join(out, 'tables/articles.csv'), 'utf8'), readFileSync(join(out, 'run.json'), 'utf8'), readFileSync(join(out, 'notes.txt'), 'utf8')]).toEqual(['new', 'new run', 'the user’s own file']);
    expect(readdirSync(out).sort()).toEqual(['notes.txt', 'run.json', 'tables']);
    // Killed while building: no completion mark, so the previous output stays.
    write('.srkit-next/tables/articles.csv', 'half');
    OutputFolder.open(out).abandon();
    expect(readFileSync(join(out, 'tables/articles.csv'), 'utf8')).toBe('new');
    expect(readdirSync(out).sort()).toEqual(['notes.txt', 'run.json', 'tables']);
  });

  it('a full disk (ENOSPC) mid-run: one line naming the folder, exit 2, the previous output kept', async () => {
    const corpus = manyArticles(50);
    const out = tempDir();
    await runReport({ corpus, out, charts: false });
    const before = snapshot(out);
    const r = cli(['--corpus', corpus, '--out', out, '--no-cache'], ['--require', faultPreload()], { SRKIT_FAULT: 'ENOSPC', SRKIT_FAULT_AFTER: '5' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`error: no space left on the device holding "${out}"; free some space (a run needs room for its new output beside the previous one) and run again; the previous output was kept\n`);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(out).filter((f) => f.startsWith('.srkit'))).toEqual([]);
  });
});

/**
 * A preload that makes the file system fail as a full disk or a read-only or forbidden
 * folder would (the tests run as root, whom permissions do not stop): SRKIT_FAULT is
 * the error code; ENOSPC fails writes to open files after SRKIT_FAULT_AFTER of them,
 * the others fail creating anything under SRKIT_FAULT_UNDER.
 */
function faultPreload(): string {
  const file = join(tempDir(), 'fault.cjs');
  writeFileSync(
    file,
    `const fs = require('node:fs');
const code = process.env.SRKIT_FAULT, under = process.env.SRKIT_FAULT_UNDER, after = Number(process.env.SRKIT_FAULT_AFTER || 0);
let writes = 0;
const fault = (syscall, path) => Object.assign(new Error(code + ': simulated, ' + syscall + (path ? " '" + path + "'" : '')), { code, syscall, ...(path ? { path } : {}) });
if (code === 'ENOSPC') {
  const writeSync = fs.writeSync;
  fs.writeSync = function (fd, ...rest) { if (fd > 2 && writes++ >= after) throw fault('write'); return writeSync.call(this, fd, ...rest); };
} else {
  for (const name of ['mkdirSync', 'openSync', 'writeFileSync', 'linkSync']) {
    const original = fs[name];
    fs[name] = function (path, ...rest) { if (typeof path === 'string' && path.startsWith(under)) throw fault(name.replace('Sync', ''), path); return original.call(this, path, ...rest); };
  }
}
`,
  );
  return file;
}

describe('8. environment errors: one line naming the path and the fix, exit 2', () => {
  const corpus = () => corpusOf({ 'a.txt': GOOD });

  it('--out naming a file, or a folder under a file', () => {
    const file = join(tempDir(), 'out.txt');
    writeFileSync(file, 'a file');
    const named = cli(['--corpus', corpus(), '--out', file]);
    expect([named.status, named.stderr]).toEqual([2, `error: "${file}" is a file where --out needs a folder; pass --out DIR naming a folder\n`]);
    const under = cli(['--corpus', corpus(), '--out', join(file, 'sub')]);
    expect([under.status, under.stderr]).toEqual([2, `error: "${join(file, 'sub')}" is a file, or lies under one, where --out needs a folder; pass --out DIR naming a folder\n`]);
    expect(readFileSync(file, 'utf8')).toBe('a file');
  });

  it.each([
    ['EROFS', (out: string) => `"${out}" is on a read-only file system; pass --out DIR on a writable one`],
    ['EACCES', (out: string) => `no permission to write "${out}"; pass --out DIR you can write to, or fix the folder's permissions`],
  ])('%s on --out', (code, message) => {
    const out = join(tempDir(), 'out');
    const r = cli(['--corpus', corpus(), '--out', out], ['--require', faultPreload()], { SRKIT_FAULT: code, SRKIT_FAULT_UNDER: out });
    expect([r.status, r.stderr]).toEqual([2, `error: ${message(out)}\n`]);
  });

  it('a YAML alias bomb in --actors, and a registry past the actor limit', () => {
    const dir = tempDir();
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 8; i++) levels.push(`${'abcdefgh'[i]}: &${'abcdefgh'[i]} [${Array(9).fill(`*${'abcdefgh'[i - 1]}`).join(',')}]`);
    const bomb = join(dir, 'bomb.yaml');
    writeFileSync(bomb, `${levels.join('\n')}\nversion: "1"\nactors:\n  - id: x\n    name: X Y\n    type: person\n    country: CHN\n    aliases: *h\n`);
    const r = cli(['--corpus', corpus(), '--out', join(dir, 'out'), '--actors', bomb]);
    expect([r.status, r.stderr]).toEqual([2, `error: ${bomb}: YAML aliases (*name) expand this file to more than 5,000,000 values, as an alias bomb does; refused (write the values out, or use fewer aliases)\n`]);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

describe('3. one input cannot stall or take down the run', () => {
  /** An article of `n` quoted sentences, each attributed by a pronoun, a name or a reporting clause. */
  const quotedArticle = (n: number) =>
    ['Chinese Foreign Minister Wang Yi met his Russian counterpart Sergey Lavrov in Beijing on Tuesday.']
      .concat(Array.from({ length: n }, (_, i) => (i % 3 === 0 ? `"Point ${i} of the partnership matters to us," he said.` : i % 3 === 1 ? `Lavrov said that point ${i} was agreed.` : `"We discussed item ${i}," Wang said.`)))
      .join('\n\n');

  /** The article's mentions, each behind a proxy counting the reads of its fields: the statement passes' work, deterministically. */
  function countedStatements(pipeline: ReturnType<typeof createPipeline>, n: number) {
    const article = articleFromText(quotedArticle(n), { article_id: 'big' });
    let reads = 0;
    const mentions = findMentions(article, pipeline.registry).map((m) => new Proxy(m, { get: (target, key) => (reads++, Reflect.get(target, key)) }));
    const statements = extractStatements(article, mentions, pipeline.cues);
    return { statements, reads };
  }

  it('8,000 quoted sentences in one article: every statement read, the work growing linearly with the length', () => {
    const pipeline = createPipeline();
    const small = countedStatements(pipeline, 2000);
    const large = countedStatements(pipeline, 8000);
    expect([small.statements.length, large.statements.length]).toEqual([2000, 8000]);
    // "…," Wang said; "…," he said (the last speaker); Lavrov said that …
    expect(large.statements.slice(-3).map((s) => [s.speaker_id, s.kind])).toEqual([
      ['wang-yi', 'direct'],
      ['wang-yi', 'direct'],
      ['sergey-lavrov', 'indirect'],
    ]);
    // Four times the sentences: some four times the reads (n log n allows a little more); a scan per pronoun made it sixteen.
    expect(large.reads / small.reads).toBeGreaterThan(3.5);
    expect(large.reads / small.reads).toBeLessThan(5);
  }, 120_000);

  it('resolvePronoun reads only the mentions near the pronoun', () => {
    const article = articleFromText(quotedArticle(4000), { article_id: 'big' });
    const all = findMentions(article, createPipeline().registry);
    let reads = 0;
    const counted = all.map((m) => new Proxy(m, { get: (target, key) => (reads++, Reflect.get(target, key)) }));
    const offsets = article.sentences.slice(1).map((s) => s.start + 1);
    const resolved = offsets.map((offset) => resolvePronoun(article, counted, offset, 'male')?.actor_id);
    expect(resolved.slice(0, 3)).toEqual(['sergey-lavrov', 'sergey-lavrov', 'sergey-lavrov']);
    expect(resolved.at(-1)).toBe('wang-yi');
    // An index built once (a few reads a mention), then a handful a pronoun; a scan would read every mention for each.
    expect(reads).toBeLessThan(20 * (all.length + offsets.length));
  });

  it('an input over --max-input-mb is skipped with its reason in run.json; a .jsonl line too; the rest is read', async () => {
    const corpus = corpusOf({
      'small.txt': GOOD,
      'big.txt': `${GOOD} `.repeat(60),
      'feed.jsonl': [JSON.stringify({ id: 'short', text: GOOD }), JSON.stringify({ id: 'long', text: `${GOOD} `.repeat(60) })].join('\n') + '\n',
    });
    const out = tempDir();
    const summary = await runReport({ corpus, out, charts: false, maxInputMb: 0.002 });
    expect(summary.read).toEqual(['feed.jsonl:1', 'small.txt']);
    const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
    expect(run.skipped).toEqual([
      { file: 'big.txt', reason: 'input is 0.00264 MB, over the limit of 0.002 MB for one input; skipped (raise the limit with --max-input-mb, or split the input)' },
      { file: 'feed.jsonl', line: 2, reason: 'input is 0.00266 MB, over the limit of 0.002 MB for one input; skipped (raise the limit with --max-input-mb, or split the input)' },
    ]);
    // The default (5 MB) reads them all.
    expect((await runReport({ corpus, out: tempDir(), charts: false })).read).toEqual(['big.txt', 'feed.jsonl:1', 'feed.jsonl:2', 'small.txt']);
  });
});

describe('3. (co-occurrence) an article naming thousands of actors', () => {
  it('counts its actors but not its pairs past 500 in one unit, with a warning; a usual article keeps its pairs', async () => {
    const consonants = 'bcdfghjklmnprstvz';
    const surname = (i: number) => {
      let w = '';
      for (let x = i; ; x = Math.floor(x / consonants.length)) {
        w += consonants[x % consonants.length]! + 'aeiou'[(x >> 3) % 5]!;
        if (x < consonants.length) break;
      }
      return w[0]!.toUpperCase() + w.slice(1) + 'ov';
    };
    const crowd = Array.from({ length: 600 }, (_, i) => `Russian Deputy Minister Ivan ${surname(i)} said that visit ${i} mattered.`).join('\n\n');
    const corpus = corpusOf({ 'crowd.txt': crowd, 'usual.txt': 'Chinese Foreign Minister Wang Yi met Sergey Lavrov.\n\nLavrov said Moscow valued the partnership with Beijing.' });
    const out = tempDir();
    const summary = await runReport({ corpus, out, charts: false, parquet: false });
    expect(summary.warnings.map((w) => [w.file, w.message])).toEqual([
      ['crowd.txt', expect.stringMatching(/^the article names 60\d different actors, over the 500 whose pairs co-occurrence counts; its pairs were left out of cooccurrence.csv \(its actors still count\)$/)],
    ]);
    const pairs = rowsOf(join(out, 'tables/cooccurrence.csv')).filter((r) => r.window === 'article');
    // the usual article's pair is there, and no pair of the crowd's unregistered deputies
    expect(pairs.some((r) => [r.actor_a, r.actor_b].sort().join(' ') === 'sergey-lavrov wang-yi')).toBe(true);
    expect(pairs.filter((r) => r.actor_a!.startsWith('unregistered:') && r.actor_b!.startsWith('unregistered:'))).toEqual([]);
  });
});

describe('6. one run at a time in an --out', () => {
  it('a second run into an --out being written refuses with a clear message; the first completes as a clean run', async () => {
    const corpus = corpusOf({ 'a.txt': GOOD, 'b.txt': 'Lavrov said Moscow valued the partnership.' });
    const out = tempDir();
    const [first, second] = await Promise.allSettled([runReport({ corpus, out, charts: false }), runReport({ corpus, out, charts: false })]);
    expect(first.status).toBe('fulfilled');
    expect(second.status).toBe('rejected');
    expect((second as PromiseRejectedResult).reason.message).toMatch(new RegExp(`^another report \\(process ${process.pid}, started [0-9T:.-]+Z\\) is writing to "${out}"; wait for it to finish, or give this run another --out \\(if no report is running, delete "${out}/\\.srkit\\.lock"\\)$`));
    const clean = tempDir();
    await runReport({ corpus, out: clean, charts: false, cache: false });
    expect(outputOf(out)).toEqual(outputOf(clean));
    expect(existsSync(join(out, '.srkit.lock'))).toBe(false);
  });

  it('the CLI refuses with exit 2 while another live process holds the lock', () => {
    const corpus = corpusOf({ 'a.txt': GOOD });
    const out = tempDir();
    const held = OutputFolder.open(out); // this test's process: alive
    try {
      const r = cli(['--corpus', corpus, '--out', out]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^error: another report \\(process ${process.pid}, started .+\\) is writing to "${out}"; wait for it to finish`));
    } finally {
      held.abandon();
    }
    expect(cli(['--corpus', corpus, '--out', out]).status).toBe(0);
  });

  it('a lock left by a process that is gone is taken over', async () => {
    const out = tempDir();
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(join(out, '.srkit.lock'), JSON.stringify({ pid: Number(gone.stdout), host: hostname(), started: '2026-01-01T00:00:00.000Z' }));
    const summary = await runReport({ corpus: corpusOf({ 'a.txt': GOOD }), out, charts: false });
    expect(summary.articles).toBe(1);
    expect(existsSync(join(out, '.srkit.lock'))).toBe(false);
  });
});

describe('7. --out equal to --corpus: nothing the kit wrote is read back', () => {
  it('a second run into the corpus folder reads the same articles, and skips nothing of its own', async () => {
    const corpus = corpusOf({});
    cpSync(SEEDS, corpus, { recursive: true });
    const first = await runReport({ corpus, out: corpus });
    const second = await runReport({ corpus, out: corpus });
    expect([first.articles, first.tables.find((t) => t.name === 'sentences')!.rows, first.skipped]).toEqual([5, 109, []]);
    expect([second.articles, second.tables.find((t) => t.name === 'sentences')!.rows, second.skipped]).toEqual([5, 109, []]);
    expect(second.read).toEqual(first.read);
    expect(existsSync(join(corpus, 'report.html'))).toBe(true);
    // an --out inside the corpus is still skipped whole
    const other = corpusOf({});
    cpSync(SEEDS, other, { recursive: true });
    const inner = join(other, 'out');
    expect((await runReport({ corpus: other, out: inner, charts: false })).read).toEqual(first.read);
    expect((await runReport({ corpus: other, out: inner, charts: false })).skipped).toEqual([]);
  }, 60_000);
});
