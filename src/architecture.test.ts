/**
 * The simulation boundary, enforced: src/sim/ must stay pure and deterministic. ESLint carries the
 * rules (eslint.config.js); these tests prove the rules bite, and that the sim's runtime imports never
 * leave src/sim/.
 */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('sim boundary lint rule', () => {
  const forbidden: Array<[string, string, string]> = [
    ['Phaser', "import Phaser from 'phaser';\nexport const x = Phaser;\n", 'no-restricted-imports'],
    ['howler', "import { Howl } from 'howler';\nexport const x = Howl;\n", 'no-restricted-imports'],
    ['zustand', "import { createStore } from 'zustand/vanilla';\nexport const x = createStore;\n", 'no-restricted-imports'],
    ['outer layer', "import { getApp } from '../game/context';\nexport const x = getApp;\n", 'no-restricted-imports'],
    ['Math.random', 'export const x = Math.random();\n', 'no-restricted-syntax'],
    ['Date.now', 'export const x = Date.now();\n', 'no-restricted-syntax'],
    ['new Date', 'export const x = new Date();\n', 'no-restricted-syntax'],
    ['performance.now', 'export const x = performance.now();\n', 'no-restricted-syntax'],
    ['the DOM', 'export const x = document.title;\n', 'no-restricted-globals'],
  ];

  for (const [what, code, rule] of forbidden) {
    it(`fails when src/sim/ uses ${what}`, async () => {
      expect(await ruleIds(code, 'src/sim/__probe__.ts')).toContain(rule);
    });
  }

  it('allows the same code outside src/sim/ (the rule is scoped, not global)', async () => {
    const ids = await ruleIds("import Phaser from 'phaser';\nexport const x = [Phaser, Math.random()];\n", 'src/game/__probe__.ts');
    expect(ids).not.toContain('no-restricted-imports');
    expect(ids).not.toContain('no-restricted-syntax');
  });
});

describe('no array spread into a call', () => {
  // Math.min(...times) on a long round threw "Maximum call stack size exceeded" (issue 14).
  for (const file of ['src/facilitator/__probe__.ts', 'src/sim/__probe__.ts', 'src/level/__probe__.ts']) {
    it(`fails in ${file}`, async () => {
      expect(await ruleIds('export const f = (xs: number[]) => Math.min(...xs);\n', file)).toContain('no-restricted-syntax');
      expect(await ruleIds('export const f = (a: number[], xs: number[]) => a.push(...xs);\n', file)).toContain('no-restricted-syntax');
    });
  }
  it('allows spreads into array literals and in tests', async () => {
    expect(await ruleIds('export const f = (xs: number[]) => [...xs, 1];\n', 'src/level/__probe__.ts')).toEqual([]);
    expect(await ruleIds('export const f = (xs: number[]) => Math.min(...xs);\n', 'src/level/__probe__.test.ts')).toEqual([]);
  });
});

describe('sim runtime imports', () => {
  // src/sim/testing/ holds test-only helpers (they build levels with the zod schema); nothing else in
  // the sim may import them.
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const full = join(dir, f);
      if (statSync(full).isDirectory()) return f === 'testing' ? [] : walk(full).map((g) => join(f, g));
      return f.endsWith('.ts') && !f.endsWith('.test.ts') ? [f] : [];
    });

  it('only import sim modules at run time (level types are type-only)', () => {
    const dir = join(process.cwd(), 'src', 'sim');
    const files = walk(dir);
    expect(files.length).toBeGreaterThan(5);
    const offenders: string[] = [];
    for (const f of files) {
      const src = readFileSync(join(dir, f), 'utf8');
      if (/from\s+['"]\.\/testing\//.test(src)) offenders.push(`${f}: imports a test-only helper`);
      for (const m of src.matchAll(/^\s*(import|export)\s+(type\s+)?[^;]*?from\s+['"]([^'"]+)['"]/gm)) {
        const isType = Boolean(m[2]);
        const spec = m[3] ?? '';
        const inside = spec.startsWith('./');
        if (!inside && !isType) offenders.push(`${f}: ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe('game boundary', () => {
  it('lint fails when src/game/ imports the facilitator tools or the app', async () => {
    const fac =
      "import { openSessionFromGame } from '../facilitator/panel/panelGame';\nexport const x = openSessionFromGame;\n";
    expect(await ruleIds(fac, 'src/game/__probe__.ts')).toContain('no-restricted-imports');
    expect(await ruleIds(fac.replace('../', '../../'), 'src/game/scenes/__probe__.ts')).toContain(
      'no-restricted-imports',
    );
    const app = "import { composeApp } from '../app/compose';\nexport const x = composeApp;\n";
    expect(await ruleIds(app, 'src/game/__probe__.ts')).toContain('no-restricted-imports');
    // The same import is fine from the app itself.
    expect(await ruleIds(fac, 'src/app/__probe__.ts')).not.toContain('no-restricted-imports');
  });

  it('no file in src/game/ imports src/facilitator/ or src/app/, even type-only', () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => {
        const full = join(dir, f);
        return statSync(full).isDirectory() ? walk(full) : f.endsWith('.ts') ? [full] : [];
      });
    const files = walk(join(process.cwd(), 'src', 'game'));
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/(?:from\s+|import\s*\(\s*)['"]([^'"]+)['"]/g)]
        .map((m) => m[1] ?? '')
        .filter((spec) => /(^|\/)(facilitator|app)(\/|$)/.test(spec))
        .map((spec) => `${f}: ${spec}`),
    );
    expect(offenders).toEqual([]);
  });
});
