import { defineConfig } from 'vitest/config';
import { STAT_TESTS, WORKERS } from './vitest.config';

/**
 * The statistical step (`npm run test:stat`): long runs whose work is fixed by their sample counts
 * (millions of simulated customers, thousands of property cases). Their cost scales with that work and
 * with how busy the machine is, so no wall-clock timeout applies: a busy CI machine makes them slower,
 * never red. Part of `npm test`.
 */
export default defineConfig({
  test: {
    include: STAT_TESTS,
    environment: 'node',
    testTimeout: 0,
    maxWorkers: WORKERS,
    hookTimeout: 0,
    reporters: ['default', ['json', { outputFile: 'test-results/stat.json' }]],
  },
});
