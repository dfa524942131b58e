import { defineConfig } from 'tsup';

// ESM is emitted one file per module, so a consumer's bundler can drop every
// module a rule does not use (with "sideEffects": false): importing
// `requiredStaff` does not pull in decimal.js, zod or date-fns.
// CJS is one bundled file, for `require`.
export default defineConfig([
  {
    entry: ['src/**/*.ts', '!src/**/*.test.ts'],
    format: ['esm'],
    bundle: false,
    dts: { entry: { index: 'src/index.ts' } },
    clean: true,
    target: 'node20',
  },
  {
    entry: { index: 'src/index.ts' },
    format: ['cjs'],
    dts: { entry: { index: 'src/index.ts' } },
    target: 'node20',
  },
]);
