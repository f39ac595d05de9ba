import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReport } from '../src/report/run';
import { SEEDS } from './helpers';

const TABLES = ['articles', 'sentences', 'mentions', 'statements', 'themes', 'cooccurrence', 'statements_by_country', 'themes_by_year', 'keyness'];
const tables = (out: string) => Object.fromEntries(TABLES.map((t) => [t, readFileSync(join(out, 'tables', `${t}.csv`), 'utf8')]));

function seedsCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'srkit-cache-'));
  cpSync(SEEDS, join(dir, 'corpus'), { recursive: true });
  return dir;
}

const NEW_ARTICLE = 'Kremlin spokesman Dmitry Peskov said on Monday that Russia and China "do not need" Western approval.\n\nPeskov added that ties were strong.';

describe('the report cache', () => {
  it('re-annotates only the added article, and the tables equal a run without the cache', async () => {
    const dir = seedsCopy();
    const out = join(dir, 'out');
    const first = await runReport({ corpus: join(dir, 'corpus'), out, charts: false, parquet: false });
    expect(first.cache).toEqual({ hits: 0, misses: 5 });

    writeFileSync(join(dir, 'corpus', 'new.txt'), NEW_ARTICLE);
    const second = await runReport({ corpus: join(dir, 'corpus'), out, charts: false, parquet: false });
    expect(second.cache).toEqual({ hits: 5, misses: 1 });

    const cold = join(dir, 'cold');
    const fresh = await runReport({ corpus: join(dir, 'corpus'), out: cold, charts: false, parquet: false, cache: false });
    expect(fresh.cache).toBeUndefined();
    expect(tables(out)).toEqual(tables(cold));
    expect(tables(out).statements).toContain('dmitry-peskov');
  });

  it('starts afresh when a data file changes (a user registry), deleting the old cache', async () => {
    const dir = seedsCopy();
    const out = join(dir, 'out');
    await runReport({ corpus: join(dir, 'corpus'), out, charts: false, parquet: false });
    const before = readdirSync(join(out, '.cache'));
    const actors = join(dir, 'actors.yaml');
    writeFileSync(actors, 'actors:\n  - { id: jane-analyst, name: Jane Analyst, type: person, country: USA, gender: female, surname: Analyst, aliases: ["Jane Analyst"] }\n');
    const again = await runReport({ corpus: join(dir, 'corpus'), out, charts: false, parquet: false, actors: [actors] });
    expect(again.cache).toEqual({ hits: 0, misses: 5 });
    const after = readdirSync(join(out, '.cache'));
    expect(after).toHaveLength(1);
    expect(after).not.toEqual(before);
  });

  it('replays an article’s warnings from the cache', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'srkit-cache-'));
    writeFileSync(join(dir, 'unbalanced.txt'), 'Wang Wenbin said, "China opposes sanctions and will not back down');
    const out = join(dir, 'out');
    const first = await runReport({ corpus: dir, out, charts: false, parquet: false });
    const second = await runReport({ corpus: dir, out, charts: false, parquet: false });
    expect(second.cache).toEqual({ hits: 1, misses: 0 });
    expect(second.warnings.map((w) => [w.code, w.offset])).toEqual(first.warnings.map((w) => [w.code, w.offset]));
    expect(second.warnings.map((w) => w.code)).toContain('unbalanced-quote');
  });

  it('keeps Parquet identical, and processes again an entry cut short (a torn write)', async () => {
    const dir = seedsCopy();
    const out = join(dir, 'out');
    await runReport({ corpus: join(dir, 'corpus'), out, charts: false });
    const parquetBefore = readFileSync(join(out, 'parquet', 'statements.parquet'));
    const [fingerprint] = readdirSync(join(out, '.cache'));
    const [bucket] = readdirSync(join(out, '.cache', fingerprint!));
    const [entry] = readdirSync(join(out, '.cache', fingerprint!, bucket!));
    const path = join(out, '.cache', fingerprint!, bucket!, entry!);
    writeFileSync(path, readFileSync(path).subarray(0, 100));
    const again = await runReport({ corpus: join(dir, 'corpus'), out, charts: false });
    expect(again.cache).toEqual({ hits: 4, misses: 1 });
    expect(readFileSync(join(out, 'parquet', 'statements.parquet'))).toEqual(parquetBefore);
    const cold = join(dir, 'cold');
    await runReport({ corpus: join(dir, 'corpus'), out: cold, charts: false, cache: false });
    expect(tables(out)).toEqual(tables(cold));
  });

  it('works with worker threads too', async () => {
    const dir = seedsCopy();
    const out = join(dir, 'out');
    await runReport({ corpus: join(dir, 'corpus'), out, charts: false, parquet: false, workers: 2 });
    writeFileSync(join(dir, 'corpus', 'new.txt'), NEW_ARTICLE);
    const second = await runReport({ corpus: join(dir, 'corpus'), out, charts: false, parquet: false, workers: 2 });
    expect(second.cache).toEqual({ hits: 5, misses: 1 });
    const cold = join(dir, 'cold');
    await runReport({ corpus: join(dir, 'corpus'), out: cold, charts: false, parquet: false, cache: false });
    expect(tables(out)).toEqual(tables(cold));
  });
});
