import { defineConfig } from 'tsup';

const entries = { index: 'src/index.ts', spec: 'src/spec.ts', evaluation: 'src/evaluation.ts', view: 'src/view.ts' };

// Three builds of the same source:
// - ESM one file per module (dist/*.js, under the `default` condition of `exports`), for a consumer's bundler: with
//   "sideEffects": false it drops every module a rule does not use, so importing `requiredStaff` does not pull in
//   decimal.js, zod or date-fns (`npm run size`). The CLI runs from these files too.
// - ESM bundled for Node (dist/node/*.js, under the `node` condition): the four entries split into one graph of
//   shared chunks, so a process loads a handful of files instead of about a hundred (the cold import, issue 24) and
//   every entry holds the same single copy of each module (one PolicyInputError, one registry of views). What is
//   loaded with `import()` stays a chunk of its own, loaded when called. `view/display` is an entry because a
//   result's display names it at run time, beside the file that asks for it (src/display.ts).
//   zod and date-fns are bundled in (see below); bundlers and `require` still take them from node_modules.
// - CJS one bundled file per entry, for `require`.
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
    entry: { ...entries, 'view/display': 'src/view/display.ts' },
    outDir: 'dist/node',
    format: ['esm'],
    platform: 'node',
    splitting: true,
    // zod and date-fns are taken into the chunks, only what is used of them: loaded from node_modules they are about
    // a hundred small files, and zod/mini alone took longer to load than the rest of the evaluation. decimal.js
    // stays an import, so that a Decimal made by the user's own decimal.js is the library's.
    noExternal: [/^zod(\/|$)/, /^date-fns(\/|$)/],
    target: 'node20',
  },
  {
    entry: entries,
    format: ['cjs'],
    dts: { entry: entries },
    target: 'node20',
  },
]);
