import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

// The simulation must stay pure and deterministic: no engine, DOM, audio, store, randomness or clock.
const simForbiddenImports = {
  patterns: [
    { group: ['phaser', 'phaser/*'], message: 'src/sim/ is pure: no Phaser. Views read sim state instead.' },
    { group: ['howler', 'howler/*'], message: 'src/sim/ is pure: no audio. Emit an event instead.' },
    { group: ['zustand', 'zustand/*'], message: 'src/sim/ is pure: no UI store.' },
    { group: ['chart.js', 'chart.js/*'], message: 'src/sim/ is pure: no charts.' },
    { group: ['node:*', 'fs', 'path', 'os', 'crypto'], message: 'src/sim/ is pure: no Node APIs.' },
    { group: ['**/game/**', '**/ui/**', '**/store/**', '**/audio/**', '**/facilitator/**', '**/cli/**'], message: 'src/sim/ must not depend on outer layers.' },
  ],
};
const simForbiddenSyntax = [
  { selector: "MemberExpression[object.name='Math'][property.name='random']", message: 'src/sim/ is deterministic: use the seeded PRNG in the sim state, not Math.random.' },
  { selector: "MemberExpression[object.name='Date'][property.name='now']", message: 'src/sim/ has no clock: use sim time.' },
  { selector: "NewExpression[callee.name='Date']", message: 'src/sim/ has no clock: use sim time.' },
  { selector: "MemberExpression[object.name='performance'][property.name='now']", message: 'src/sim/ has no clock: use sim time.' },
];

// Spreading an array into a call puts every item on the stack: past about 100,000 items it throws
// "Maximum call stack size exceeded" (Math.min(...times) on a long round did). Use a loop or reduce.
const noCallSpread = [
  { selector: 'CallExpression > SpreadElement', message: 'No array spread into a call (a long array overflows the stack): use a loop, reduce or concat.' },
  { selector: 'NewExpression > SpreadElement', message: 'No array spread into a call (a long array overflows the stack): use a loop, reduce or concat.' },
];

// Scenes start through the typed helper (src/game/scenes/sceneData.ts), so each scene's data is checked.
const noUntypedSceneStart = [
  {
    selector: "CallExpression[callee.property.name=/^(start|restart)$/][callee.object.property.name='scene']",
    message: 'Start scenes with startScene / restartScene from src/game/scenes/sceneData.ts, so their data is typed.',
  },
];

export default tseslint.config(
  { ignores: ['dist', 'dist-single', 'node_modules', 'e2e/artifacts', 'bench/artifacts', 'test-results', 'public', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: { 'no-restricted-syntax': ['error', ...noCallSpread, ...noUntypedSceneStart] },
  },
  {
    files: ['src/sim/**/*.ts'],
    ignores: ['src/sim/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', simForbiddenImports],
      'no-restricted-syntax': ['error', ...simForbiddenSyntax, ...noCallSpread],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'performance', 'setTimeout', 'setInterval', 'requestAnimationFrame', 'fetch'],
    },
  },
  {
    // Node tools are never part of the app bundle.
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**', 'src/sim/**', 'src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/cli/**'], message: 'src/cli/ is for Node tools and is never imported by the app.' }] }],
    },
  },
  {
    // The game offers hooks (src/game/hooks.ts); the app (src/app/) wires the facilitator tools to them.
    files: ['src/game/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/cli/**'], message: 'src/cli/ is for Node tools and is never imported by the app.' },
            {
              group: ['**/facilitator/**'],
              message:
                'src/game/ never imports src/facilitator/: offer a hook in src/game/hooks.ts and wire it in src/app/.',
            },
            {
              group: ['**/app/**'],
              message:
                'src/game/ never imports src/app/ (the composition root builds the game, not the other way round).',
            },
          ],
        },
      ],
    },
  },
);
