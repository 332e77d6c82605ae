/**
 * The campaign as shipped: levels/campaign.json and every level it names pass the real checker, and
 * each starred campaign level still teaches its point in a reduced balance run (12 seeds, the idle,
 * siloed and wholistic players): thoughtful play beats siloed play by more than 5 points and earns
 * 3 stars on at least half the seeds, and doing nothing never earns a star. The full report with 50
 * seeds is `npm run levels:balance`; this test only catches a change that breaks a level's lesson.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPolicy } from '../sim/index';
import { balanceLevel, type Runner } from './balance';
import { checkLevelSet, type LevelFile } from './campaign';
import { formatProblem, isError } from './check';

const DIR = join(process.cwd(), 'levels');
const SEEDS = 12;

const read = (name: string): LevelFile => ({
  path: `levels/${name}`,
  text: readFileSync(join(DIR, name), 'utf8'),
});
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.json') && f !== 'campaign.json' && f !== 'schema.json')
  .sort()
  .map(read);
const set = checkLevelSet(files, read('campaign.json'));

const runner: Runner = (level, seed, policy) => {
  const sim = runPolicy(level, seed, policy, { recordEvents: false, sampleEvery: 0 });
  if (!sim.isOver()) sim.runToEnd();
  const { total, stars } = sim.score();
  return { total, stars };
};

describe('the campaign', () => {
  it('names existing levels, and every level file passes the checker', () => {
    const errors = [...set.campaignProblems, ...set.levels.flatMap((l) => l.problems)].filter(isError);
    expect(errors.map(formatProblem)).toEqual([]);
    expect(set.campaign.length).toBeGreaterThan(0);
    expect(set.campaign.every((c) => c.level !== null)).toBe(true);
  });

  describe.each(set.campaign.map((c) => [c.id ?? c.path, c] as const))('%s', (_id, entry) => {
    it(`teaches its point over ${SEEDS} seeds`, () => {
      const level = entry.level!;
      expect(level.scoring.stars, 'campaign levels have stars').not.toBeNull();
      const report = balanceLevel(level, SEEDS, runner, ['idle', 'siloed', 'wholistic']);
      const by = (p: string) => report.stats.find((s) => s.policy === p)!;
      const [idle, siloed, wholistic] = [by('idle'), by('siloed'), by('wholistic')];
      const summary = report.stats
        .map((s) => `${s.policy} ${s.mean.toFixed(1)} ${s.stars?.join('/')}`)
        .join(', ');
      expect(wholistic.mean, summary).toBeGreaterThan(siloed.mean + 5);
      expect(wholistic.stars![3], summary).toBeGreaterThanOrEqual(SEEDS / 2);
      expect(idle.stars![0], summary).toBe(SEEDS);
    });
  });
});
