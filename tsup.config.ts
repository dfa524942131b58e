import { defineConfig } from 'tsup';

const entries = { index: 'src/index.ts', spec: 'src/spec.ts', evaluation: 'src/evaluation.ts', view: 'src/view.ts' };

// ESM is emitted one file per module, so a consumer's bundler can drop every
// module a rule does not use (with "sideEffects": false): importing
// `requiredStaff` does not pull in decimal.js, zod or date-fns.
// CJS is one bundled file per entry, for `require`.
export default defineConfig([
  {
    entry: ['src/**/*.ts', '!src/**/*.test.ts'],
    format: ['esm'],
    bundle: false,
    dts: { entry: entries },
    clean: true,
    target: 'node20',
  },
  {
    entry: entries,
    format: ['cjs'],
    dts: { entry: entries },
    target: 'node20',
  },
]);
