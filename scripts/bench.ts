/**
 * `npm run bench`: the kit's main job as users run it (`npm run report`, charts and
 * report.html on, the report cache on as by default), beside the tables-only pipeline
 * and two peers, in one run on the same texts.
 *
 *   npm run bench                              # 1k and 10k articles (several minutes on 2 cores)
 *   npm run bench -- --sizes 1000,10000,50000  # the issue's full set (10–15 minutes)
 *   npm run bench -- --sizes 1000 --no-peers   # a short run
 *
 * It measures, each in its own child process:
 * - at every size, `npm run report` cold (wall time, peak RSS, report.html's size) and
 *   the tables-only pipeline on one thread (scripts/bench/kit.ts: the compiled kit, no charts, no cache,
 *   under the node flags of package.json's `report` script, as users run it);
 * - at 10k articles (or the largest size below it), `npm run report -- --workers N`
 *   and two one-thread `npm run report`s at once: their throughput over one run's is
 *   what two cores give this workload here (the two-copies capacity), the ceiling of
 *   any two-worker speed-up on this machine;
 * - at the same size, the re-run after adding one article (the report cache, charts
 *   included);
 * - on the smallest corpus, wink-nlp and compromise: wink and the tables-only run in turn
 *   three times, and kit/wink is the median of the three pairs' ratios.
 * Corpora are generated once per size under the temp folder and reused while the
 * generator's seed and size match. Prints a table, then as the LAST line one JSON
 * object with the figures, the ratios and whether each target is met.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { benchArticles, seedMaterial, writeBenchCorpus, type PlannedCorpus } from './bench/corpus';

const ROOT = resolve(__dirname, '..');
const SEED = 20240101;
/** GNU time, for the peak RSS of `npm run report` and the processes it starts (Debian: apt-get install time). */
const GNU_TIME = '/usr/bin/time';

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

/** One `npm run report` as a user runs it: wall time, peak RSS, exit code, what run.json says. */
interface ReportRun {
  ms: number;
  maxRssMB: number;
  exitCode: number;
  articles: number;
  chartsCached: number;
  reportHtmlMB: number;
}

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

/**
 * `npm run report -- --corpus CORPUS --out OUT --quiet [extra]`, under GNU time for
 * the peak RSS (its figure is the largest of npm and the processes npm starts).
 * `cold` deletes OUT first, cache included.
 */
async function report(corpus: string, out: string, options: { cold: boolean; extra?: string[] }): Promise<ReportRun> {
  if (options.cold) rmSync(out, { recursive: true, force: true });
  const timeFile = `${out}.time`;
  const args = ['run', '--silent', 'report', '--', '--corpus', corpus, '--out', out, '--quiet', ...(options.extra ?? [])];
  const t0 = performance.now();
  const exitCode = await new Promise<number>((done, fail) => {
    const p = spawn(GNU_TIME, ['-f', '%M', '-o', timeFile, 'npm', ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    p.on('error', fail);
    p.on('exit', (code) => done(code ?? 1));
  });
  const ms = performance.now() - t0;
  const maxRssKB = Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop());
  const run = existsSync(join(out, 'run.json')) ? (JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { articles: number; charts?: { cached: number } }) : undefined;
  const html = join(out, 'report.html');
  return {
    ms,
    maxRssMB: maxRssKB / 1024,
    exitCode,
    articles: run?.articles ?? 0,
    chartsCached: run?.charts?.cached ?? 0,
    reportHtmlMB: existsSync(html) ? statSync(html).size / 2 ** 20 : 0,
  };
}

/** The Node flags `npm run report` starts the kit with (package.json), for the record. */
function reportFlags(): string[] {
  const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.report!;
  return script.split(/\s+/).filter((w) => w.startsWith('--max'));
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

/** The corpus of `size` articles and one more, generated by the same generator. */
async function corpusPlusOne(base: string, size: number): Promise<string> {
  const corpus = await corpusOf(base, size);
  const plus = join(base, `corpus-${size}-plus-one`);
  mkdirSync(plus, { recursive: true });
  const added = [...benchArticles(size + 1, await seedMaterial(), SEED)].pop()!;
  writeFileSync(join(plus, 'corpus.jsonl'), readFileSync(join(corpus.dir, 'corpus.jsonl'), 'utf8') + JSON.stringify(added) + '\n');
  return plus;
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
    .option('--no-workers-check', 'skip the run with workers and the two copies at once')
    .option('--no-warm', 'skip the re-run after adding one article')
    .parse(process.argv)
    .opts<{ sizes: string; workers: string; dir: string; peers: boolean; workersCheck: boolean; warm: boolean }>();
  const sizes = opts.sizes
    .split(',')
    .map((s) => Number(s.trim()))
    .sort((a, b) => a - b);
  if (sizes.some((n) => !Number.isSafeInteger(n) || n < 1)) throw new Error(`--sizes: whole numbers expected, got "${opts.sizes}"`);
  if (!existsSync(GNU_TIME)) throw new Error(`${GNU_TIME} not found: the bench reads the peak RSS of npm run report from GNU time (Debian: apt-get install time)`);
  // Every run below runs the compiled kit, as `npm run report` does: rebuilt first if the source is newer.
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'ensure-build.cjs')], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  const workers = Number(opts.workers);
  const base = resolve(opts.dir);
  mkdirSync(base, { recursive: true });
  // The workers, two-copies and warm checks run at 10k articles, or the largest size below.
  const checkSize = sizes.includes(10_000) ? 10_000 : ([...sizes].reverse().find((n) => n < 10_000) ?? sizes[0]!);

  const results: { size: number; words: number; main: ReportRun; tables: KitRun }[] = [];
  let parallel: { size: number; words: number; workers: number; one: ReportRun; many: ReportRun; pairMs: number; pair: ReportRun[] } | undefined;
  let warm: { size: number; cold: ReportRun; again: ReportRun } | undefined;
  let peers: { size: number; words: number; kit: KitRun; wink: PeerRun; pairs: { tables_only_ms: number; wink_ms: number; kit_over_wink: number }[]; compromise: PeerRun } | undefined;

  for (const size of sizes) {
    log(`corpus: ${size} articles …`);
    const corpus = await corpusOf(base, size);
    const out = join(base, `report-${size}`);
    log(`npm run report, ${size} articles …`);
    const main = await report(corpus.dir, out, { cold: true });
    if (main.exitCode !== 0) log(`npm run report exited ${main.exitCode} on ${size} articles`);
    log(`tables only (no charts, no cache), 1 thread, ${size} articles …`);
    // With the node flags `npm run report` runs under (package.json), as the tables are made when users run it.
    const tablesOnly = () => child<KitRun>('scripts/bench/kit.ts', [corpus.dir, join(base, `tables-${size}`), '1'], reportFlags());
    let tables = tablesOnly();
    if (opts.peers && !peers) {
      // The ratio's target is kit/wink, and on a shared machine either run moves by a fifth
      // with the load: the two run in turn three times (the tables-only run above is the
      // first kit run), each pair gives a ratio, and the median pair counts (its kit run is
      // this size's tables-only figure), as a paired benchmark compares two commands while
      // the machine's speed drifts.
      const file = join(corpus.dir, 'corpus.jsonl');
      const pairs: { kit: KitRun; wink: PeerRun }[] = [];
      for (let i = 0; i < 3; i++) {
        log(`wink-nlp, ${size} articles (pair ${i + 1} of 3) …`);
        const kit = i === 0 ? tables : tablesOnly();
        pairs.push({ kit, wink: child<PeerRun>('scripts/bench/peers.ts', ['wink', file]) });
      }
      const median = [...pairs].sort((a, b) => a.wink.ms / a.kit.ms - b.wink.ms / b.kit.ms)[1]!;
      log(`compromise, ${size} articles …`);
      const compromise = child<PeerRun>('scripts/bench/peers.ts', ['compromise', file]);
      tables = median.kit;
      peers = {
        size,
        words: corpus.words,
        kit: median.kit,
        wink: median.wink,
        pairs: pairs.map((p) => ({ tables_only_ms: Math.round(p.kit.ms), wink_ms: Math.round(p.wink.ms), kit_over_wink: round(p.wink.ms / p.kit.ms) })),
        compromise,
      };
    }
    results.push({ size, words: corpus.words, main, tables });

    if (size === checkSize && opts.warm) {
      log(`npm run report again after adding one article, ${size} + 1 …`);
      const again = await report(await corpusPlusOne(base, size), out, { cold: false });
      warm = { size, cold: main, again };
    }
    if (size === checkSize && opts.workersCheck && workers > 1) {
      log(`npm run report -- --workers ${workers}, ${size} articles …`);
      const many = await report(corpus.dir, join(base, `report-${size}-workers`), { cold: true, extra: ['--workers', String(workers)] });
      log(`two npm run report at once (the machine's two-copies capacity), ${size} articles each …`);
      const t0 = performance.now();
      const pair = await Promise.all([1, 2].map((i) => report(corpus.dir, join(base, `report-${size}-copy${i}`), { cold: true })));
      parallel = { size, words: corpus.words, workers, one: main, many, pairMs: performance.now() - t0, pair };
    }
  }

  const smallest = results[0]!;
  const largest = results[results.length - 1]!;
  const perArticle = (r: { ms: number }, n: number) => r.ms / n;
  const speedup = parallel ? parallel.one.ms / parallel.many.ms : undefined;
  const capacity = parallel ? (2 * parallel.one.ms) / parallel.pairMs : undefined;
  const warmRatio = warm ? warm.cold.ms / warm.again.ms : undefined;
  const largestOverSmallest = results.length > 1 ? perArticle(largest.main, largest.size) / perArticle(smallest.main, smallest.size) : undefined;
  const kitOverWink = peers ? peers.wink.ms / peers.kit.ms : undefined;

  const rows: (string | number)[][] = [['run', 'articles', 'words', 'seconds', 'words/s', 'ms/article', 'peak RSS MB']];
  for (const r of results) {
    rows.push(['npm run report (charts, cache; 1 thread)', r.size, r.words, round(r.main.ms / 1000), wps(r.words, r.main.ms), round(r.main.ms / r.size), Math.round(r.main.maxRssMB)]);
    rows.push(['tables only (no charts, no cache; 1 thread)', r.size, r.words, round(r.tables.ms / 1000), wps(r.words, r.tables.ms), round(r.tables.ms / r.size), Math.round(r.tables.maxRssMB)]);
  }
  if (parallel) {
    rows.push([`npm run report -- --workers ${parallel.workers}`, parallel.size, parallel.words, round(parallel.many.ms / 1000), wps(parallel.words, parallel.many.ms), `${round(speedup!)}× one thread`, Math.round(parallel.many.maxRssMB)]);
    rows.push(['two npm run report at once', parallel.size * 2, parallel.words * 2, round(parallel.pairMs / 1000), wps(parallel.words * 2, parallel.pairMs), `${round(capacity!)}× one run`, Math.round(Math.max(...parallel.pair.map((p) => p.maxRssMB)))]);
  }
  if (warm) rows.push([`re-run after adding one article`, warm.size + 1, '', round(warm.again.ms / 1000), '', `${round(warmRatio!)}× faster`, Math.round(warm.again.maxRssMB)]);
  if (peers) {
    rows.push(['wink-nlp (sentences+entities), median pair of 3', peers.wink.articles, peers.words, round(peers.wink.ms / 1000), wps(peers.words, peers.wink.ms), round(peers.wink.ms / peers.wink.articles), Math.round(peers.wink.maxRssMB)]);
    rows.push(['compromise (quotations+people)', peers.compromise.articles, peers.words, round(peers.compromise.ms / 1000), wps(peers.words, peers.compromise.ms), round(peers.compromise.ms / peers.compromise.articles), Math.round(peers.compromise.maxRssMB)]);
  }
  process.stdout.write(table(rows) + '\n\n');

  const targets = { per_article_largest_over_smallest_max: 1.3, peak_rss_50k_mb_max: 1024, warm_rerun_speedup_min: 10, workers_speedup_over_capacity_min: 0.9, kit_over_wink_min: 0.2 };
  const at50k = results.find((r) => r.size === 50_000);
  const figures = {
    machine: { cores: availableParallelism(), node: process.version, load_average_1m: round(loadavg()[0]!) },
    report_flags: reportFlags(),
    sizes: results.map((r) => ({
      articles: r.size,
      words: r.words,
      report_ms: Math.round(r.main.ms),
      report_exit_code: r.main.exitCode,
      report_ms_per_article: round(r.main.ms / r.size),
      report_words_per_s: wps(r.words, r.main.ms),
      report_peak_rss_mb: Math.round(r.main.maxRssMB),
      report_html_mb: round(r.main.reportHtmlMB),
      tables_only_ms: Math.round(r.tables.ms),
      tables_only_words_per_s: wps(r.words, r.tables.ms),
      tables_only_peak_rss_mb: Math.round(r.tables.maxRssMB),
    })),
    workers: parallel && {
      articles: parallel.size,
      workers: parallel.workers,
      one_thread_ms: Math.round(parallel.one.ms),
      workers_ms: Math.round(parallel.many.ms),
      two_copies_ms: Math.round(parallel.pairMs),
      speedup: round(speedup!),
      two_copies_capacity: round(capacity!),
      speedup_over_capacity: round(speedup! / capacity!),
    },
    warm: warm && { articles: warm.size, cold_ms: Math.round(warm.cold.ms), one_added_ms: Math.round(warm.again.ms), ratio: round(warmRatio!), charts_from_cache: warm.again.chartsCached },
    peers: peers && {
      articles: peers.size,
      tables_only_words_per_s: wps(peers.words, peers.kit.ms),
      wink_words_per_s: wps(peers.words, peers.wink.ms),
      pairs: peers.pairs,
      compromise_words_per_s: wps(peers.words, peers.compromise.ms),
    },
    ratios: {
      report_per_article_largest_over_smallest: largestOverSmallest !== undefined ? round(largestOverSmallest) : undefined,
      workers_speedup: speedup !== undefined ? round(speedup) : undefined,
      two_copies_capacity: capacity !== undefined ? round(capacity) : undefined,
      warm_rerun_speedup: warmRatio !== undefined ? round(warmRatio) : undefined,
      kit_over_wink: kitOverWink !== undefined ? round(kitOverWink) : undefined,
      kit_over_compromise: peers ? round(peers.compromise.ms / peers.kit.ms) : undefined,
    },
    targets,
    met: {
      report_50k_exits_0: at50k ? at50k.main.exitCode === 0 : undefined,
      report_50k_peak_rss: at50k ? at50k.main.maxRssMB < targets.peak_rss_50k_mb_max : undefined,
      report_per_article_linear: largestOverSmallest !== undefined ? largestOverSmallest <= targets.per_article_largest_over_smallest_max : undefined,
      warm_rerun: warmRatio !== undefined ? warmRatio >= targets.warm_rerun_speedup_min : undefined,
      workers: speedup !== undefined ? speedup / capacity! >= targets.workers_speedup_over_capacity_min : undefined,
      kit_over_wink: kitOverWink !== undefined ? kitOverWink >= targets.kit_over_wink_min : undefined,
    },
  };
  process.stdout.write(JSON.stringify(figures) + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
