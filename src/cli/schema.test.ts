import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, SCHEMA_PATH } from './schema';

describe('levels:schema', () => {
  it('the checked-in schema.json is up to date', () => {
    expect(main(['--check'])).toEqual({ code: 0, lines: ['levels/schema.json is up to date.'] });
  });
  it('--check exits 1 with a clear message when stale or missing, and writing fixes it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'schema-')), 'schema.json');
    expect(main(['--check'], file).lines[0]).toMatch(/missing.*npm run levels:schema/);
    writeFileSync(file, '{}');
    const stale = main(['--check'], file);
    expect(stale.code).toBe(1);
    expect(stale.lines[0]).toMatch(/out of date.*Run "npm run levels:schema"/);
    expect(main([], file).code).toBe(0);
    expect(main(['--check'], file).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(SCHEMA_PATH, 'utf8'));
  });
});
