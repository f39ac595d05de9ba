/**
 * The report's output folder, kept whole whatever happens to a run: a run is built in
 * OUT/.srkit-next/ and swapped in only once complete, so a usage error, a crash, a
 * kill or a full disk leaves the previous run's tables, Parquet, charts, report.html
 * and run.json as they were, never a mix of two runs. One run at a time writes to a
 * folder: OUT/.srkit.lock holds the writing process's id; a second run refuses, and a
 * lock whose process is gone (a run killed) is taken over.
 *
 * The swap renames each of the kit's entries (KIT_ENTRIES) into place, the old one to
 * OUT/.srkit-previous/ first. The staged folder is marked complete before the first
 * rename, so a run killed in the middle of the swap is finished by the next run (its
 * first step, under the lock); a staged folder never marked complete is deleted.
 * Staging inside OUT rather than beside it keeps every rename on one file system (OUT
 * may be a mount point) and touches nothing outside OUT. Files in OUT that are not the
 * kit's are never moved or deleted.
 */
import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { KitError } from '../errors';
import { reportMessages } from '../messages';

/** What the kit writes in OUT, in the order the swap moves it (run.json last: it says the run is there). */
export const KIT_ENTRIES = ['.cache', 'tables', 'parquet', 'charts', 'report.html', 'run.json'] as const;
export const STAGING = '.srkit-next';
export const PREVIOUS = '.srkit-previous';
export const LOCK = '.srkit.lock';
/** Marks a staged run complete: from then on it is swapped in, by this run or the next. */
const COMPLETE = '.complete';

/** Every path the kit owns in `out`: its entries, the staged and previous runs, the lock (never read as articles). */
export function kitPaths(out: string): string[] {
  return [...KIT_ENTRIES, STAGING, PREVIOUS, LOCK].map((name) => join(out, name));
}

interface LockHolder {
  pid: number;
  host: string;
  started: string;
}

function readHolder(path: string): LockHolder | undefined {
  try {
    const holder = JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
    return Number.isSafeInteger(holder.pid) ? holder : undefined;
  } catch {
    return undefined;
  }
}

/** False only when the holder's process is known to be gone: same host, and no process has its id. */
function holderAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A report's hold on its output folder: the staged run, swapped in by `commit`. */
export class OutputFolder {
  private released = false;
  private complete = false;

  private constructor(
    readonly out: string,
    /** Where this run writes everything (OUT/.srkit-next). */
    readonly stage: string,
    private readonly lock: string,
    private readonly holder: string,
  ) {}

  /**
   * Creates OUT if needed, takes its lock, finishes or clears what an earlier run left
   * (a swap cut short, a staged run never completed) and opens a fresh staged run.
   * Throws a KitError when another live run holds the lock.
   */
  static open(out: string): OutputFolder {
    mkdirSync(out, { recursive: true });
    const lock = join(out, LOCK);
    const holder = JSON.stringify({ pid: process.pid, host: hostname(), started: new Date().toISOString() } satisfies LockHolder);
    takeLock(out, lock, holder);
    const folder = new OutputFolder(out, join(out, STAGING), lock, holder);
    try {
      folder.recover();
      mkdirSync(folder.stage);
    } catch (e) {
      folder.release();
      throw e;
    }
    return folder;
  }

  /** Swaps the staged run in: each kit entry it holds replaces the old one; the old entries it does not hold go too, but the cache. */
  commit(): void {
    writeFileSync(join(this.stage, COMPLETE), '');
    this.complete = true;
    this.swap();
    this.release();
  }

  /**
   * After an error: deletes the staged run, so the previous output stays as it was;
   * once the run is marked complete (a swap that failed half way) it is kept instead,
   * for the next run to finish the swap.
   */
  abandon(): void {
    try {
      if (!this.complete) rmSync(this.stage, { recursive: true, force: true });
    } finally {
      this.release();
    }
  }

  /** Gives up the lock (once), if it is still this run's. */
  release(): void {
    if (this.released) return;
    this.released = true;
    try {
      if (readFileSync(this.lock, 'utf8') === this.holder) rmSync(this.lock, { force: true });
    } catch {
      // the lock is gone already
    }
  }

  private swap(): void {
    const previous = join(this.out, PREVIOUS);
    mkdirSync(previous, { recursive: true });
    for (const name of KIT_ENTRIES) {
      const staged = join(this.stage, name);
      const current = join(this.out, name);
      const produced = existsSync(staged);
      // A run without the cache leaves the old one (keyed by content, it cannot go stale).
      if (!produced && name === '.cache') continue;
      if (existsSync(current)) {
        rmSync(join(previous, name), { recursive: true, force: true });
        renameSync(current, join(previous, name));
      }
      if (produced) renameSync(staged, current);
    }
    rmSync(previous, { recursive: true, force: true });
    rmSync(this.stage, { recursive: true, force: true });
  }

  /** Finishes a swap an earlier run was killed in, or deletes a staged run it never completed. */
  private recover(): void {
    if (existsSync(join(this.stage, COMPLETE))) this.swap();
    rmSync(this.stage, { recursive: true, force: true });
    rmSync(join(this.out, PREVIOUS), { recursive: true, force: true });
  }
}

/**
 * Takes OUT/.srkit.lock: written whole to a file of this process's own, then linked
 * into place (a link fails when the lock exists, so two runs never both take it).
 * A lock whose process is gone is removed and taken.
 */
function takeLock(out: string, lock: string, holder: string): void {
  const mine = `${lock}.${process.pid}`;
  writeFileSync(mine, holder);
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(mine, lock);
        return;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      const other = readHolder(lock);
      if (other && holderAlive(other)) throw new KitError(reportMessages.outputLocked(out, other.pid, other.started, lock), 'output-locked', lock);
      // Its run was killed (or the file is not a lock the kit wrote whole): stale.
      rmSync(lock, { force: true });
    }
    throw new KitError(reportMessages.outputLocked(out, undefined, undefined, lock), 'output-locked', lock);
  } finally {
    rmSync(mine, { force: true });
  }
}
