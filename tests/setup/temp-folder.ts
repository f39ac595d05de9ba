import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/**
 * Every test file gets a temporary folder of its own, made the system's temp folder
 * (TMPDIR) while the file runs and removed when it is done, so the folders its tests
 * make with mkdtemp(tmpdir()) — and the CLIs, npm and workers they start — never
 * outlive the run.
 */
const previous = process.env.TMPDIR;
const root = mkdtempSync(join(tmpdir(), 'srkit-test-'));
process.env.TMPDIR = root;

afterAll(() => {
  if (previous === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = previous;
  rmSync(root, { recursive: true, force: true });
});
