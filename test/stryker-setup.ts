// Under Stryker only: a fixed fast-check seed. @fast-check/vitest puts the seed
// in each property test's name; Stryker matches tests by name between its dry
// run and each mutant's run, so a fresh seed per run would hide these tests.
import { fc } from '@fast-check/vitest';

fc.configureGlobal({ seed: 20111, numRuns: 300 });
