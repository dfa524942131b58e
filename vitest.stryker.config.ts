import { defineConfig } from 'vitest/config';

// The tests Stryker runs against mutated sources: those that import src/.
// The CLI, example and fuzz tests spawn the built binary (dist/), which a
// mutant of src/ never reaches, so they are left out here; so are the tests
// that read the sources as text or copy them (the architecture and the
// new-provision tests), which instrumented sources would fail for no fault.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: [
      'src/cli/**',
      'test/cli.test.ts',
      'test/cli-fuzz.test.ts',
      'test/examples.test.ts',
      'test/architecture.test.ts',
      'test/new-provision.test.ts',
      'test/large-files.test.ts',
    ],
    setupFiles: ['test/stryker-setup.ts'],
  },
});
