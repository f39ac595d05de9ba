/** Carrying cache files from the previous run's cache into this run's, without copying them. */
import { copyFileSync, linkSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Puts every file of folder `from` into folder `to`: hard links (no copy), or copies
 * where links are not allowed. The file named `last` comes last, as the caches write
 * it (an entry's index or sizes), so a folder cut short is never taken for whole.
 */
export function linkFiles(from: string, to: string, last: string): void {
  mkdirSync(to, { recursive: true });
  const names = readdirSync(from).sort((a, b) => Number(a === last) - Number(b === last));
  for (const name of names) {
    try {
      linkSync(join(from, name), join(to, name));
    } catch {
      copyFileSync(join(from, name), join(to, name));
    }
  }
}
