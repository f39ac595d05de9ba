import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The kit as another project installs it: `npm pack`, then `npm install <tarball>` in an
 * empty project (from the npm cache when it holds the packages: --prefer-offline), then a
 * script importing 'sino-russia-kit'. danfojs-node travels inside the tarball
 * (bundleDependencies), so the consumer never meets danfo's CDN-hosted xlsx.
 *
 * The tarball is packed from a staging copy built here, not from the checkout: the
 * notebook test rebuilds dist/ at the same time, and a pack must not read half-written files.
 */
const ROOT = resolve(__dirname, '..');
const folders: string[] = [];
const tempFolder = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
};

// Asynchronous, so the test worker keeps answering vitest while npm runs for a minute or two.
const run = async (command: string, args: string[], cwd: string) => {
  const env = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' };
  const { stdout } = await promisify(execFile)(command, args, { cwd, encoding: 'utf8', timeout: 540_000, maxBuffer: 64 << 20, env });
  return stdout;
};

const SCRIPT = `import { loadCorpus, createPipeline, statementsTable } from 'sino-russia-kit';
const corpus = await loadCorpus('corpus');
const pipeline = createPipeline();
const annotated = corpus.articles.map((a) => pipeline.annotate(a));
const [a] = annotated;
console.log(\`\${a.article.article_id}: \${a.article.sentences.length} sentences, \${a.mentions.length} mentions, \${a.statements.length} statements\`);
for (const s of a.statements.slice(0, 3)) console.log(\`\${s.speaker} (\${s.speaker_country}, \${s.kind}, \${s.date}): \${s.text.slice(0, 60)}\`);
const df = statementsTable(annotated);
console.log(df.shape.join('x'), df.columns.slice(0, 4).join(','));
`;

let consumer: string;
let output: string;

beforeAll(async () => {
  const stage = tempFolder('srkit-pack-');
  for (const entry of ['package.json', 'README.md', 'src', 'seeds']) cpSync(join(ROOT, entry), join(stage, entry), { recursive: true });
  // npm pack takes the bundled danfojs-node tree from node_modules.
  symlinkSync(join(ROOT, 'node_modules'), join(stage, 'node_modules'), 'dir');
  await run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', join(stage, 'dist')], ROOT);
  // npm pack prints the tarball's name last.
  const tarball = join(stage, (await run('npm', ['pack', '--ignore-scripts', '--pack-destination', stage], stage)).trim().split('\n').pop()!);

  consumer = tempFolder('srkit-consumer-');
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }));
  await run('npm', ['install', '--prefer-offline', tarball], consumer);
  mkdirSync(join(consumer, 'corpus'));
  cpSync(join(ROOT, 'seeds', '001_a6909c2cfd527a08.txt'), join(consumer, 'corpus', '001_a6909c2cfd527a08.txt'));
  writeFileSync(join(consumer, 'script.js'), SCRIPT);
  output = await run(process.execPath, ['script.js'], consumer);
}, 600_000);

afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('npm install of the packed kit into an empty project', () => {
  it("runs a script importing loadCorpus and createPipeline from 'sino-russia-kit', DataFrames included", () => {
    expect(output).toBe(
      [
        '001_a6909c2cfd527a08: 15 sentences, 54 mentions, 8 statements',
        'Wang Yi (CHN, direct, 2022-03-07): The friendship between the two peoples is iron clad,',
        'Wang Yi (CHN, mixed, 2022-03-07): Russia Beijing’s “most important strategic partner,” amid it',
        'Wang Yi (CHN, mixed, 2022-03-07): ties with Moscow constituted “one of the most crucial bilate',
        '8x16 statement_id,article_id,sentence,start',
        '',
      ].join('\n'),
    );
  });

  it("installs danfo's dependencies from the tarball: the registry's xlsx and pure-JS tfjs, no CDN address", () => {
    const lock = JSON.parse(readFileSync(join(consumer, 'package-lock.json'), 'utf8')) as { packages: Record<string, { inBundle?: boolean; resolved?: string; version?: string }> };
    const entries = lock.packages;
    // danfo's manifest still names the CDN tarball; nothing is resolved from it.
    expect(Object.values(entries).filter((e) => /sheetjs/.test(e.resolved ?? ''))).toEqual([]);
    expect(entries['node_modules/sino-russia-kit/node_modules/xlsx']).toMatchObject({ version: '0.18.5', inBundle: true });
    const kitModules = join(consumer, 'node_modules', 'sino-russia-kit', 'node_modules');
    const version = (name: string) => (JSON.parse(readFileSync(join(kitModules, name, 'package.json'), 'utf8')) as { name: string; version: string });
    expect(version('xlsx').version).toBe('0.18.5');
    expect(version('@tensorflow/tfjs-node').name).toBe('@tensorflow/tfjs');
    expect(version('danfojs-node').version).toBe('1.2.0');
    expect(entries['node_modules/sino-russia-kit/node_modules/danfojs-node']?.inBundle).toBe(true);
    expect(entries['node_modules/danfojs-node']).toBeUndefined();
  });
});
