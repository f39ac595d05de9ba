import { environmentMessages } from './messages';

/**
 * One error type for the whole kit. Messages come from `messages.ts` and say
 * what was wrong, the bad value, and how to fix the input.
 */
export class KitError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly file?: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'KitError';
  }
}

/**
 * A file-system failure of the environment (full disk, read-only or forbidden folder,
 * a file where a folder should be, a path too long) as a KitError of one line naming
 * the path and the fix; undefined for any other error. `path` is named when the
 * error carries none (a write to an open file).
 */
export function environmentError(e: unknown, path: string): KitError | undefined {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (!code || !Object.hasOwn(environmentMessages, code)) return undefined;
  const where = (e as NodeJS.ErrnoException).path ?? path;
  return new KitError(environmentMessages[code as keyof typeof environmentMessages](where), `environment-${code}`, where);
}

/** Throws a KitError naming the argument when `ok` is false. */
export function check(ok: unknown, argument: string, problem: string, fix?: string): asserts ok {
  if (!ok) {
    throw new KitError(`Invalid argument \`${argument}\`: ${problem}${fix ? `. ${fix}` : ''}`, 'invalid-argument');
  }
}

/** Checks that `value` is one of `valid`, naming the argument and listing the valid values. */
export function checkOneOf<T extends string>(value: unknown, argument: string, valid: readonly T[]): asserts value is T {
  // the message is built only on failure: this check sits in per-row loops
  if (typeof value === 'string' && (valid as readonly string[]).includes(value)) return;
  check(false, argument, `got ${JSON.stringify(value)}`, `Use one of: ${valid.join(', ')}`);
}
