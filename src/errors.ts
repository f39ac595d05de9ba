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
