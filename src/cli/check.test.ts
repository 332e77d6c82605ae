import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEVELS_DIR, main } from './check';

const example = readFileSync(join(LEVELS_DIR, '01-right-desk.json'), 'utf8');

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'levels-'));
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('levels:check', () => {
  it('passes on the real levels folder', () => {
    const { code, lines } = main([]);
    expect(lines.at(-1)).toMatch(/no errors/);
    expect(code).toBe(0);
  });

  it('exits 1 with path:line:col lines for a broken file', () => {
    const dir = folder({
      '01-right-desk.json': example.replace('"staff": 2,', '"staf": 2,'),
      'campaign.json': '{ "levels": ["right-desk"] }',
      'schema.json': 'not even json',
    });
    const { code, lines } = main([], { levelsDir: dir, cwd: dir });
    expect(code).toBe(1);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^01-right-desk\.json:\d+:\d+: department "tier-1": "staf" is not a field .*Did you mean "staff"\?$/,
      ),
    );
    expect(lines.some((l) => l.startsWith('schema.json'))).toBe(false);
    expect(lines.at(-1)).toMatch(/2 errors/);
  });

  it('checks the campaign refers to existing level ids', () => {
    const dir = folder({
      '01-right-desk.json': example,
      'campaign.json': '{ "levels": ["right-desk", "rigth-desk"] }',
    });
    const { code, lines } = main([], { levelsDir: dir, cwd: dir });
    expect(code).toBe(1);
    expect(lines[0]).toMatch(
      /^campaign\.json:1:28: There is no level with the id "rigth-desk".*Did you mean "right-desk"\?/,
    );
  });

  it('checks only the named files, and says when a file does not exist', () => {
    const dir = folder({
      '01-right-desk.json': example,
      'campaign.json': '{ "levels": ["right-desk"] }',
      'draft.json': '{ "id": ',
    });
    expect(main(['01-right-desk.json'], { levelsDir: dir, cwd: dir }).code).toBe(0);
    const missing = main(['nope.json'], { levelsDir: dir, cwd: dir });
    expect(missing.code).toBe(1);
    expect(missing.lines[0]).toMatch(/^nope\.json:1:1: There is no file with this name/);
    const draft = main(['draft.json'], { levelsDir: dir, cwd: dir });
    expect(draft.code).toBe(1);
  });

  it('warns (exit 0) when the id does not match the file name; errors on duplicate ids', () => {
    const dir = folder({ '01-other.json': example, 'campaign.json': '{ "levels": ["right-desk"] }' });
    const renamed = main([], { levelsDir: dir, cwd: dir });
    expect(renamed.code).toBe(0);
    expect(renamed.lines[0]).toMatch(/warning: The id "right-desk" does not match the file name/);
    const dupes = folder({
      '01-right-desk.json': example,
      '02-right-desk.json': example,
      'campaign.json': '{ "levels": ["right-desk"] }',
    });
    const dup = main([], { levelsDir: dupes, cwd: dupes });
    expect(dup.code).toBe(1);
    expect(dup.lines[0]).toMatch(
      /^02-right-desk\.json:4:9: The id "right-desk" is already used by 01-right-desk\.json/,
    );
  });
});
