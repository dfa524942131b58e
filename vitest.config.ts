import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The public types: `*.test-d.ts` files are type-checked by vitest (expectTypeOf), not run.
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
  },
});
