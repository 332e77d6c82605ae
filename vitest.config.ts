import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The everyday unit run (`npm run test:unit`): every `*.test.ts` beside the code except the statistical
 * ones (`*.stat.test.ts`: Erlang C, long property runs), which have their own step (`npm run test:stat`,
 * vitest.stat.config.ts). `npm test` runs both.
 */
export const STAT_TESTS = ['src/**/*.stat.test.ts', 'server/**/*.stat.test.ts', 'scripts/**/*.stat.test.ts'];

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'server/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...STAT_TESTS],
    environment: 'node',
    testTimeout: 60_000,
    reporters: ['default', ['json', { outputFile: 'test-results/unit.json' }]],
  },
});
