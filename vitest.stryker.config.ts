import { defineConfig } from 'vitest/config';

// The tests Stryker runs against mutated sources: those that import src/.
// The CLI, example and fuzz tests spawn the built binary (dist/), which a
// mutant of src/ never reaches, so they are left out here.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['src/cli/**', 'test/cli.test.ts', 'test/cli-fuzz.test.ts', 'test/examples.test.ts'],
    setupFiles: ['test/stryker-setup.ts'],
  },
});
