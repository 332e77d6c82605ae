import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The everyday unit run (`npm run test:unit`): every `*.test.ts` beside the code except the statistical
 * ones (`*.stat.test.ts`: Erlang C, long property runs), which have their own step (`npm run test:stat`,
 * vitest.stat.config.ts). `npm test` runs both.
 *
 * Speed on a small busy machine: at least four workers even on two cores (many files wait on child
 * processes, sockets and timers rather than the CPU, and the default leaves a two-core run serial), and
 * files share their worker's module cache (`isolate: false`: the sim, zod and the level schema are loaded
 * once a worker, not once a file; this halves the CPU time). So a test file must leave module state
 * as it found it (close what it opens, restore what it stubs); the suite passes in any file order
 * (`npx vitest run --sequence.shuffle.files`).
 *
 * The time limit is a guard against a hung test, not a speed check: at a load of 35 on two cores (a CI
 * run beside other builds) a 4 s test took 38 s and a property test 76 s, so it is three minutes.
 */
export const WORKERS = Math.max(4, availableParallelism());
export const STAT_TESTS = ['src/**/*.stat.test.ts', 'server/**/*.stat.test.ts', 'scripts/**/*.stat.test.ts'];

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'server/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...STAT_TESTS],
    environment: 'node',
    testTimeout: 180_000,
    maxWorkers: WORKERS,
    isolate: false,
    reporters: ['default', ['json', { outputFile: 'test-results/unit.json' }]],
  },
});
