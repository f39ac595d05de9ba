#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { ENCODINGS, type Encoding } from './corpus/decode';
import { KIT_VERSION, PACKAGE_ROOT } from './data';
import { environmentError, KitError } from './errors';
import { formatWarning, Logger } from './logger';
import { messages } from './messages';
import { DEFAULT_MAX_INPUT_MB, runReport } from './report/run';
import { parseShard } from './report/shard';
import { parseKeynessGroups } from './tables/themes';

const defaultCorpus = existsSync('seeds') ? 'seeds' : join(PACKAGE_ROOT, 'seeds');

const program = new Command('srkit').description('China–Russia diplomacy news analysis kit').version(KIT_VERSION);

program
  .command('report')
  .description('read a corpus folder and write tables, charts and run.json')
  .option('--corpus <dir>', 'folder of articles (.txt, .md, .html, .jsonl, optional manifest.csv)', defaultCorpus)
  .option('--out <dir>', 'output folder', 'output')
  .option('--actors <file>', 'extra actor registry (YAML/JSON, same schema; repeatable; same id overrides)', (v: string, prev: string[]) => [...prev, v], [] as string[])
  .option('--codebook <file>', 'codebook replacing the kit\'s own (YAML codebook, quanteda YAML dictionary or LIWC .dic)')
  // Checked by the reader (a KitError listing the valid names), as in the API.
  .option('--encoding <name>', `files that are not valid UTF-8 (valid UTF-8 is always read as UTF-8): ${ENCODINGS.join(', ')}; auto detects each file's encoding, utf-8 refuses them`, 'auto')
  .option('--no-formula-guard', "do not prefix CSV text cells starting with = + - @ with a ' (spreadsheet formula guard)")
  .option('--strict', 'exit non-zero when any input was skipped')
  .option('--quiet', 'print only the summary line')
  .option('--workers <n>', 'worker threads cleaning and annotating in parallel (tables identical to 1 thread)', (v: string) => Number(v), 1)
  .option('--no-parquet', 'do not also write sentences, mentions, statements and themes as Parquet (OUT/parquet/TABLE/part-*.parquet)')
  .option('--no-cache', 'process every article again instead of reusing OUT/.cache')
  .option('--shard <i/n>', 'process only shard I of N (a stable hash of each input path; shards partition the corpus)')
  .option('--max-input-mb <mb>', `largest input read, in MB (a file, or one .jsonl line); larger ones are skipped with their reason in run.json (default ${DEFAULT_MAX_INPUT_MB})`, (v: string) => Number(v), DEFAULT_MAX_INPUT_MB)
  .option('--keyness <target:reference>', 'speaker groups keyness.csv compares: country codes, several joined by + (e.g. RUS:USA, CHN+RUS:USA+EU)', 'CHN:USA')
  .action(async (opts: { corpus: string; out: string; actors: string[]; codebook?: string; encoding: Encoding; formulaGuard: boolean; strict?: boolean; quiet?: boolean; workers: number; parquet: boolean; cache: boolean; shard?: string; keyness: string; maxInputMb: number }) => {
    const logger = new Logger();
    if (!opts.quiet) logger.onWarning((w) => process.stderr.write(`warning: ${formatWarning(w)}\n`));
    const showBar = process.stderr.isTTY && !process.env.CI && !opts.quiet;
    const bar = showBar ? new SingleBar({ format: 'annotating {bar} {percentage}% | {value}/{total} inputs | eta {eta_formatted} | {file}', clearOnComplete: true, hideCursor: true }, Presets.shades_classic) : undefined;
    const chartBar = showBar ? new SingleBar({ format: 'charts     {bar} {percentage}% | {value}/{total} charts | {chart}', clearOnComplete: true, hideCursor: true }, Presets.shades_classic) : undefined;
    let started = false;
    let chartsStarted = false;
    try {
      const summary = await runReport({
        corpus: opts.corpus,
        out: opts.out,
        actors: opts.actors,
        codebook: opts.codebook,
        encoding: opts.encoding,
        formulaGuard: opts.formulaGuard,
        workers: opts.workers,
        parquet: opts.parquet,
        cache: opts.cache,
        shard: opts.shard !== undefined ? parseShard(opts.shard) : undefined,
        keyness: parseKeynessGroups(opts.keyness),
        maxInputMb: opts.maxInputMb,
        logger,
        // Counting the inputs first costs a pass over .jsonl files: only when a bar is shown.
        onProgress: bar
          ? (done, total, file) => {
              if (!started) bar.start(total, 0, { file });
              started = true;
              bar.setTotal(total);
              bar.update(done, { file });
            }
          : undefined,
        onChartProgress: chartBar
          ? (done, total, chart) => {
              if (!chartsStarted) {
                bar?.stop();
                chartBar.start(total, 0, { chart });
              }
              chartsStarted = true;
              chartBar.update(done, { chart });
            }
          : undefined,
      });
      bar?.stop();
      chartBar?.stop();
      const rows = Object.fromEntries(summary.tables.map((t) => [t.name, t.rows]));
      // The time is the whole command's: from the process's start (loading the kit) to report.html.
      process.stdout.write(
        `report: ${summary.articles} articles read${summary.cache?.hits ? ` (${summary.cache.hits} from the cache)` : ''}, ${summary.skipped.length} skipped, ${rows.sentences ?? 0} sentences, ` +
          `${summary.warnings.length} warnings -> ${relative(process.cwd(), summary.out) || '.'}/ in ${(performance.now() / 1000).toFixed(1)}s\n`,
      );
      if (summary.articles === 0) {
        process.stderr.write(`error: ${messages.nothingRead(opts.corpus)}\n`);
        process.exitCode = 1;
      } else if (opts.strict && summary.skipped.length > 0) {
        process.stderr.write(`error: --strict: ${summary.skipped.length} input(s) skipped; see run.json\n`);
        process.exitCode = 1;
      }
    } catch (e) {
      bar?.stop();
      chartBar?.stop();
      // Usage and environment errors (full disk, read-only --out, …): one line and exit 2, never a stack trace.
      const error = e instanceof KitError ? e : environmentError(e, opts.out);
      if (error) {
        process.stderr.write(`error: ${error.message}\n`);
        process.exitCode = 2;
      } else throw e;
    }
  });

program.parseAsync(process.argv);
