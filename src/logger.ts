/**
 * Warnings are collected, not printed, so tests can read them and run.json can list them.
 * A warning names the file (and line or offset where known).
 */
export interface Warning {
  code: string;
  file: string;
  line?: number;
  offset?: number;
  message: string;
}

export class Logger {
  readonly warnings: Warning[] = [];
  private readonly listeners: ((w: Warning) => void)[] = [];

  warn(w: Warning): void {
    this.warnings.push(w);
    for (const listener of this.listeners) listener(w);
  }

  onWarning(listener: (w: Warning) => void): void {
    this.listeners.push(listener);
  }
}

/** "file:line: message" — the form editors and terminals link. */
export function formatWarning(w: Warning): string {
  const where = w.line !== undefined ? `${w.file}:${w.line}` : w.offset !== undefined ? `${w.file}@${w.offset}` : w.file;
  return `${where}: ${w.message}`;
}
