// The shipped campaign and sandbox: a work type keeps one colour and shape in every level (briefing and
// board both draw workColourOf and the level's shape), and within a level no two types look alike.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLevelSet } from './campaign';
import { checkLevelText } from './check';
import { lookConflicts, workColourOf } from './workLook';

const dir = new URL('../../levels/', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && f !== 'schema.json' && f !== 'campaign.json')
  .map((f) => ({ path: `levels/${f}`, text: readFileSync(new URL(f, dir), 'utf8') }));
const shipped = files.map((f) => ({ path: f.path, level: checkLevelText(f.text, f.path).level! }));

describe('work type looks across the shipped levels', () => {
  it('gives each work type name one colour and one shape everywhere', () => {
    expect(shipped.every((s) => s.level)).toBe(true);
    const looks = new Map<string, Set<string>>();
    for (const { level } of shipped)
      level.workTypes.forEach((w, i) => {
        const set = looks.get(w.name) ?? new Set<string>();
        set.add(`${w.shape} ${workColourOf(level, i).toString(16)}`);
        looks.set(w.name, set);
      });
    expect(looks.size).toBeGreaterThan(5);
    for (const [name, set] of looks) expect([...set], name).toHaveLength(1);
    expect(lookConflicts(shipped)).toEqual([]);
  });

  it('never gives two work types of one level the same shape or the same colour', () => {
    for (const { path, level } of shipped) {
      const shapes = level.workTypes.map((w) => w.shape);
      const colours = level.workTypes.map((_, i) => workColourOf(level, i));
      expect(new Set(shapes).size, `${path} shapes`).toBe(shapes.length);
      expect(new Set(colours).size, `${path} colours`).toBe(colours.length);
    }
  });

  it('warns, naming both files and the fix, when a campaign gives one name two looks', () => {
    const campaign = { path: 'levels/campaign.json', text: '{ "levels": ["right-desk", "clear-notes"] }' };
    const two = files.filter((f) => /0[12]-/.test(f.path));
    expect(checkLevelSet(two, campaign).campaignProblems).toEqual([]);
    const changed = two.map((f) =>
      f.path.includes('02-')
        ? {
            ...f,
            text: f.text.replace(
              '"name": "Question",\n      "shape": "circle"',
              '"name": "Question",\n      "shape": "star"',
            ),
          }
        : f,
    );
    expect(changed[1]!.text).not.toBe(two[1]!.text);
    const problems = checkLevelSet(changed, campaign).campaignProblems;
    expect(problems).toHaveLength(1);
    expect(problems[0]!.severity).toBe('warning');
    expect(problems[0]!.message).toBe(
      'The work type "Question" looks different in levels/02-clear-notes.json than in levels/01-right-desk.json (shape "star" instead of "circle"): players learn a work type by its look, so give it "shape": "circle" and "color": "#e69f00" in both.',
    );
  });
});
