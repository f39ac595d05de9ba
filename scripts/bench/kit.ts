/**
 * Child process of the benchmark: runs the compiled kit's report (charts off) on one corpus
 * folder and prints one JSON line: wall time, articles, words, peak RSS. Run alone
 * in its own process so each size's peak RSS is its own.
 *
 *   tsx scripts/bench/kit.ts CORPUS_DIR OUT_DIR [WORKERS]
 */
// The compiled kit, as `npm run report` runs it (the bench rebuilds dist/ first when the source is newer).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { runReport } = require('../../dist/report/run') as typeof import('../../src/report/run');

async function main(): Promise<void> {
  const [corpus, out, workers] = process.argv.slice(2);
  if (!corpus || !out) throw new Error('usage: kit.ts CORPUS_DIR OUT_DIR [WORKERS] [--no-parquet] [--cache]');
  // A cold run every time: the report cache would otherwise serve the second run.
  const options: Record<string, unknown> = { corpus, out, charts: false, cache: process.argv.includes('--cache') };
  const n = Number(workers ?? '1');
  if (n > 1) options.workers = n;
  if (process.argv.includes('--no-parquet')) options.parquet = false;
  const t0 = performance.now();
  const summary = await runReport(options as unknown as Parameters<typeof runReport>[0]);
  const ms = performance.now() - t0;
  const rows = Object.fromEntries(summary.tables.map((t) => [t.name, t.rows]));
  // maxRSS is in kilobytes
  process.stdout.write(JSON.stringify({ ms, articles: summary.articles, skipped: summary.skipped.length, rows, maxRssMB: process.resourceUsage().maxRSS / 1024 }) + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(String((e as Error).stack ?? e) + '\n');
  process.exit(1);
});
