import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // each test file's temporary folders live in one folder removed after the file
    setupFiles: ['tests/setup/temp-folder.ts'],
  },
});
