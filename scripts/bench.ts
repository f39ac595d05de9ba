/**
 * `npm run bench`: the kit's throughput, parallel speed-up, linearity and memory
 * against two peers, in one run on the same texts.
 *
 *   npm run bench                              # 1k and 10k articles (a few minutes on 2 cores)
 *   npm run bench -- --sizes 1000,10000,50000  # the full set
 *   npm run bench -- --workers 4 --no-peers
 *   npm run bench -- --sizes 10000 --no-peers --cache-check  # re-run after adding one article
 *
 * Every measurement runs in its own child process (so peak RSS is per run and one
 * run's heap never slows the next). Corpora are generated once per size under the
 * temp folder and reused while the generator's seed and size match.
 * Also times two one-thread runs at once, the ceiling for any two-thread speed-up here.
 * Prints a table, then as the LAST line one JSON object with the figures and ratios.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { benchArticles, seedMaterial, writeBenchCorpus, type PlannedCorpus } from './bench/corpus';

const ROOT = resolve(__dirname, '..');
const SEED = 20240101;

interface KitRun {
  ms: number;
  articles: number;
  skipped: number;
  maxRssMB: number;
  rows: Record<string, number>;
}

interface PeerRun {
  tool: string;
  ms: number;
  articles: number;
  maxRssMB: number;
}

/**
 * Node flags the "tuned" rows start the kit with: those `npm run report` uses, so
 * these rows are the main job as users run it. The heap cap: the report streams, so
 * its live heap stays near 40 MB at any corpus size; without a cap V8 lets garbage
 * pile up and RSS grows with the corpus. A 64 MB young generation: the annotators
 * make many short-lived records per article, and a larger nursery collects them in
 * fewer scavenges. The flags change when garbage is collected, never results.
 */
const TUNED_FLAGS = ['--max-old-space-size=512', '--max-semi-space-size=64'];

/** Runs a TypeScript script of the kit in a fresh Node process; returns its last stdout line as JSON. */
function child<T>(script: string, args: string[], nodeFlags: string[] = []): T {
  const out = execFileSync(process.execPath, [...nodeFlags, '--import', 'tsx', join(ROOT, script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = out.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as T;
}

/** `child`, not waiting: several run at once. */
async function childAsync<T>(script: string, args: string[]): Promise<T> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', join(ROOT, script), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const lines = stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as T;
}

/**
 * What two cores give this workload here: two independent one-thread runs of the
 * kit at once, against one alone. Their throughput over one run's is the ceiling
 * for any two-thread speed-up on this machine (shared caches, memory bandwidth and
 * the other tenants of a shared host all count).
 */
async function twoCopies(corpus: string, out: string, alone: KitRun): Promise<{ alone_ms: number; pair_ms: number; capacity: number }> {
  const t0 = performance.now();
  await Promise.all([1, 2].map((i) => childAsync<KitRun>('scripts/bench/kit.ts', [corpus, `${out}-copy${i}`, '1'])));
  const pairMs = performance.now() - t0;
  return { alone_ms: Math.round(alone.ms), pair_ms: Math.round(pairMs), capacity: round((2 * alone.ms) / pairMs) };
}

/** The corpus of one size, generated unless an identical one is already there. */
async function corpusOf(base: string, size: number): Promise<PlannedCorpus & { dir: string }> {
  const dir = join(base, `corpus-${size}`);
  const metaFile = join(base, `corpus-${size}.json`);
  if (existsSync(metaFile) && existsSync(join(dir, 'corpus.jsonl'))) {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as PlannedCorpus & { seed: number };
    if (meta.seed === SEED && meta.articles === size) return { ...meta, dir };
  }
  const planned = await writeBenchCorpus(dir, size, SEED);
  writeFileSync(metaFile, JSON.stringify({ ...planned, seed: SEED }));
  return { ...planned, dir };
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const wps = (words: number, ms: number) => Math.round((words / ms) * 1000);

function log(line: string): void {
  process.stderr.write(line + '\n');
}

function table(rows: (string | number)[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => r.map((c, i) => (typeof c === 'number' ? String(c).padStart(widths[i]!) : String(c).padEnd(widths[i]!))).join('  ')).join('\n');
}

async function main(): Promise<void> {
  const opts = new Command('bench')
    .option('--sizes <list>', 'corpus sizes in articles, comma-separated', '1000,10000')
    .option('--workers <n>', 'worker threads for the parallel run (default: all cores)', String(availableParallelism()))
    .option('--dir <dir>', 'where corpora and outputs go', join(tmpdir(), 'srkit-bench'))
    .option('--no-peers', 'skip wink-nlp and compromise')
    .option('--cache-check', 'also time a re-run after adding one article to the largest corpus (the report cache)')
    .parse(process.argv)
    .opts<{ sizes: string; workers: string; dir: string; peers: boolean; cacheCheck?: boolean }>();
  const sizes = opts.sizes
    .split(',')
    .map((s) => Number(s.trim()))
    .sort((a, b) => a - b);
  if (sizes.some((n) => !Number.isSafeInteger(n) || n < 1)) throw new Error(`--sizes: whole numbers expected, got "${opts.sizes}"`);
  const workers = Number(opts.workers);
  const base = resolve(opts.dir);
  mkdirSync(base, { recursive: true });

  const results: {
    size: number;
    words: number;
    single: KitRun;
    tuned?: KitRun;
    parallel?: KitRun;
    tunedParallel?: KitRun;
  }[] = [];
  let peers: { size: number; words: number; kit: KitRun; tuned?: KitRun; wink?: PeerRun; compromise?: PeerRun } | undefined;
  let capacity: Awaited<ReturnType<typeof twoCopies>> | undefined;

  for (const size of sizes) {
    log(`corpus: ${size} articles …`);
    const corpus = await corpusOf(base, size);
    const out = join(base, `out-${size}`);
    log(`kit, 1 thread, ${size} articles …`);
    const single = child<KitRun>('scripts/bench/kit.ts', [corpus.dir, out, '1']);
    log(`kit, 1 thread, ${TUNED_FLAGS.join(' ')}, ${size} articles …`);
    const tuned = child<KitRun>('scripts/bench/kit.ts', [corpus.dir, `${out}-tuned`, '1'], TUNED_FLAGS);
    let parallel: KitRun | undefined;
    let tunedParallel: KitRun | undefined;
    if (workers > 1) {
      log(`kit, ${workers} workers, ${size} articles …`);
      parallel = child<KitRun>('scripts/bench/kit.ts', [corpus.dir, `${out}-par`, String(workers)]);
      log(`kit, ${workers} workers, ${TUNED_FLAGS.join(' ')}, ${size} articles …`);
      tunedParallel = child<KitRun>('scripts/bench/kit.ts', [corpus.dir, `${out}-par-tuned`, String(workers)], TUNED_FLAGS);
    }
    if (workers > 1 && !capacity) {
      log(`kit, two one-thread runs at once (the machine's capacity), ${size} articles …`);
      capacity = await twoCopies(corpus.dir, out, single);
    }
    const entry: (typeof results)[number] = { size, words: corpus.words, single, tuned, parallel, tunedParallel };
    results.push(entry);
    if (opts.peers && !peers) {
      // peers on the smallest corpus only (compromise runs near 15k words/s)
      const file = join(corpus.dir, 'corpus.jsonl');
      // The ratio's target is kit/wink, and one short peer run moves by half with the
      // machine's load: the peer runs three times and the median run counts.
      log(`wink-nlp, ${size} articles (three runs) …`);
      const winkRuns = [0, 1, 2].map(() => child<PeerRun>('scripts/bench/peers.ts', ['wink', file])).sort((a, b) => a.ms - b.ms);
      const wink = { ...winkRuns[1]!, runs_ms: winkRuns.map((r) => Math.round(r.ms)) };
      log(`compromise, ${size} articles …`);
      const compromise = child<PeerRun>('scripts/bench/peers.ts', ['compromise', file]);
      peers = { size, words: corpus.words, kit: single, tuned, wink, compromise };
    }
  }

  const rows: (string | number)[][] = [['run', 'articles', 'words', 'seconds', 'words/s', 'ms/article', 'peak RSS MB']];
  for (const r of results) {
    rows.push(['kit, 1 thread', r.size, r.words, round(r.single.ms / 1000), wps(r.words, r.single.ms), round(r.single.ms / r.size), Math.round(r.single.maxRssMB)]);
    const tunedLabel = 'as npm run report (heap cap 512 MB, nursery 64 MB)';
    if (r.tuned) rows.push([`kit, 1 thread, ${tunedLabel}`, r.size, r.words, round(r.tuned.ms / 1000), wps(r.words, r.tuned.ms), round(r.tuned.ms / r.size), Math.round(r.tuned.maxRssMB)]);
    if (r.parallel) rows.push([`kit, ${workers} workers`, r.size, r.words, round(r.parallel.ms / 1000), wps(r.words, r.parallel.ms), round(r.parallel.ms / r.size), Math.round(r.parallel.maxRssMB)]);
    if (r.tunedParallel) rows.push([`kit, ${workers} workers, ${tunedLabel}`, r.size, r.words, round(r.tunedParallel.ms / 1000), wps(r.words, r.tunedParallel.ms), round(r.tunedParallel.ms / r.size), Math.round(r.tunedParallel.maxRssMB)]);
  }
  if (peers) {
    for (const p of [peers.wink, peers.compromise]) {
      if (p) rows.push([p.tool === 'wink' ? 'wink-nlp (sentences+entities), median of 3' : 'compromise (quotations+people)', p.articles, peers.words, round(p.ms / 1000), wps(peers.words, p.ms), round(p.ms / p.articles), Math.round(p.maxRssMB)]);
    }
  }
  if (capacity) rows.push([`two 1-thread runs at once (${results[0]!.size} each)`, results[0]!.size * 2, results[0]!.words * 2, round(capacity.pair_ms / 1000), wps(results[0]!.words * 2, capacity.pair_ms), `${capacity.capacity}× one run`, '']);
  const smallest = results[0]!;
  const largest = results[results.length - 1]!;

  // The cache: a cold run fills OUT/.cache; the re-run after adding one article annotates only that one.
  let cacheCheck: { articles: number; cold_ms: number; one_added_ms: number; ratio: number } | undefined;
  if (opts.cacheCheck) {
    const corpus = await corpusOf(base, largest.size);
    const plus = join(base, `corpus-${largest.size}-plus-one`);
    mkdirSync(plus, { recursive: true });
    const added = [...benchArticles(largest.size + 1, await seedMaterial(), SEED)].pop()!;
    writeFileSync(join(plus, 'corpus.jsonl'), readFileSync(join(corpus.dir, 'corpus.jsonl'), 'utf8') + JSON.stringify(added) + '\n');
    const out = join(base, `out-${largest.size}-cache`);
    rmSync(out, { recursive: true, force: true });
    log(`cache: cold run, ${largest.size} articles …`);
    const cold = child<KitRun>('scripts/bench/kit.ts', [corpus.dir, out, '1', '--cache'], TUNED_FLAGS);
    log(`cache: re-run with one article added …`);
    const again = child<KitRun>('scripts/bench/kit.ts', [plus, out, '1', '--cache'], TUNED_FLAGS);
    cacheCheck = { articles: largest.size, cold_ms: Math.round(cold.ms), one_added_ms: Math.round(again.ms), ratio: round(cold.ms / again.ms) };
    rows.push([`cache: ${largest.size} cold, then +1 article`, largest.size + 1, '', round(again.ms / 1000), '', `${cacheCheck.ratio}× faster`, Math.round(again.maxRssMB)]);
  }
  process.stdout.write(table(rows) + '\n\n');

  const kitWps = peers ? wps(peers.words, peers.kit.ms) : undefined;
  const figures = {
    machine: { cores: availableParallelism(), node: process.version, load_average_1m: round(loadavg()[0]!) },
    tuned_flags: TUNED_FLAGS,
    sizes: results.map((r) => ({
      articles: r.size,
      words: r.words,
      single_ms: Math.round(r.single.ms),
      single_words_per_s: wps(r.words, r.single.ms),
      parallel_ms: r.parallel ? Math.round(r.parallel.ms) : undefined,
      parallel_words_per_s: r.parallel ? wps(r.words, r.parallel.ms) : undefined,
      tuned_ms: r.tuned ? Math.round(r.tuned.ms) : undefined,
      tuned_words_per_s: r.tuned ? wps(r.words, r.tuned.ms) : undefined,
      tuned_parallel_ms: r.tunedParallel ? Math.round(r.tunedParallel.ms) : undefined,
      peak_rss_mb: Math.round(r.single.maxRssMB),
      parallel_peak_rss_mb: r.parallel ? Math.round(r.parallel.maxRssMB) : undefined,
    })),
    peers: peers
      ? {
          articles: peers.size,
          kit_words_per_s: kitWps,
          wink_words_per_s: peers.wink ? wps(peers.words, peers.wink.ms) : undefined,
          wink_runs_ms: (peers.wink as (PeerRun & { runs_ms?: number[] }) | undefined)?.runs_ms,
          compromise_words_per_s: peers.compromise ? wps(peers.words, peers.compromise.ms) : undefined,
        }
      : undefined,
    ratios: {
      kit_over_wink: peers?.wink ? round(peers.wink.ms / peers.kit.ms) : undefined,
      kit_over_compromise: peers?.compromise ? round(peers.compromise.ms / peers.kit.ms) : undefined,
      tuned_kit_over_wink: peers?.wink && peers.tuned ? round(peers.wink.ms / peers.tuned.ms) : undefined,
      tuned_kit_over_compromise: peers?.compromise && peers.tuned ? round(peers.compromise.ms / peers.tuned.ms) : undefined,
      parallel_speedup: largest.parallel ? round(largest.single.ms / largest.parallel.ms) : undefined,
      two_copies_capacity: capacity?.capacity,
      tuned_parallel_speedup: largest.tunedParallel && largest.tuned ? round(largest.tuned.ms / largest.tunedParallel.ms) : undefined,
      workers,
      per_article_largest_over_smallest: results.length > 1 ? round(largest.single.ms / largest.size / (smallest.single.ms / smallest.size)) : undefined,
      tuned_per_article_largest_over_smallest: results.length > 1 && largest.tuned && smallest.tuned ? round(largest.tuned.ms / largest.size / (smallest.tuned.ms / smallest.size)) : undefined,
    },
    cache: cacheCheck,
    capacity,
    targets: { cache_rerun_speedup_min: 10, kit_over_wink_min: 0.2, parallel_speedup_2_cores: 1.6, per_article_50k_over_1k_max: 1.3, peak_rss_50k_mb_max: 1024 },
  };
  process.stdout.write(JSON.stringify(figures) + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
