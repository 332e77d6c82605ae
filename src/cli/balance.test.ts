import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Runner } from '../level/balance';
import { main, parseArgs } from './balance';

const good: Runner = (_l, seed, policy) => {
  const base = { idle: 0, random: 20, siloed: 45, wholistic: 90, humanCareful: 80, humanCareless: 40 }[
    policy
  ];
  return { total: base + (seed % 3), stars: base >= 90 ? 3 : base >= 80 ? 2 : base >= 40 ? 1 : 0 };
};
const lenient: Runner = (l, s, p) => ({ ...good(l, s, p), stars: 2 });

describe('levels:balance', () => {
  it('parses options', () => {
    expect(parseArgs(['a.json', '--seeds', '7', '--strict'])).toEqual({
      files: ['a.json'],
      seeds: 7,
      strict: true,
      brief: false,
    });
    expect(parseArgs(['--brief']).brief).toBe(true);
    expect(parseArgs(['--seeds=3']).seeds).toBe(3);
    expect(parseArgs(['--seeds', 'x']).error).toMatch(/whole number/);
    expect(parseArgs(['--fast']).error).toMatch(/Unknown option/);
  });

  it('prints a table per level and exits 0 without --strict', async () => {
    const { code, lines } = await main(['--seeds', '3'], { runner: good });
    expect(code).toBe(0);
    expect(lines.join('\n')).toMatch(/right-desk \(3 seeds\)\n {2}policy/);
    expect(lines.some((l) => /^ {2}wholistic\s+91\.0/.test(l))).toBe(true);
    expect(lines.at(-1)).toMatch(/warning/);
  });

  it('--strict exits 1 when a warning is printed', async () => {
    const { code, lines } = await main(['levels/01-right-desk.json', '--seeds', '2', '--strict'], {
      runner: lenient,
    });
    expect(code).toBe(1);
    expect(lines.some((l) => l.includes('warning: Siloed play got 2 or more stars'))).toBe(true);
    expect(lines.some((l) => l.includes('idle) got a star'))).toBe(true);
  });

  it('a file that fails the check stops the report with its problems, never "No balance warnings"', async () => {
    const { code, lines } = await main(['nope.json'], { runner: good });
    expect(code).toBe(1);
    expect(lines[0]).toMatch(/^nope\.json:1:1:/);
    const dir = mkdtempSync(join(tmpdir(), 'balance-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "formatVersion": 1, "id": "bad" }');
    let ran = 0;
    const counting: Runner = (l, s, p) => (ran++, good(l, s, p));
    const r = await main(['levels/01-right-desk.json', bad], { runner: counting });
    expect(r.code).toBe(1);
    expect(ran).toBe(0);
    expect(r.lines.some((l) => /bad\.json:\d+:\d+: .*missing the field "title"/.test(l))).toBe(true);
    expect(r.lines.at(-1)).toMatch(/^Not balanced: .*bad\.json does not pass the check/);
    expect(r.lines.join('\n')).not.toMatch(/No balance warnings/);
  });

  it('says why: winnable or not, how busy each desk was, what each request is worth', async () => {
    const busy: Runner = (l, s, p) => ({
      ...good(l, s, p),
      busy: Object.fromEntries(l.departments.map((d, i) => [d.id, i === 0 ? 0.99 : 0.4])),
      // Without its request, level 4 scores 10 less for thoughtful play.
      total: good(l, s, p).total - (p === 'wholistic' && l.internalRequests.length === 0 ? 10 : 0),
    });
    const { lines } = await main(['levels/04-it-upgrade.json', '--seeds', '2'], { runner: busy });
    const text = lines.join('\n');
    expect(text).toMatch(/Winnable: thoughtful play earns 3 stars on 2 of 2 seeds/);
    expect(text).toMatch(
      /Tier 1 99%: at its limit, so its line grows; this desk is what makes the level hard/,
    );
    expect(text).toMatch(
      /Request "new-laptops" \(Tier 1 asks IT\): thoughtful 91\.5 with it, 81\.5 without \(\+10\.0\); siloed 46\.5 with it, 46\.5 without \(about the same\)/,
    );
    expect(text).toMatch(/wholistic +thoughtful play/);
    const brief = await main(['levels/04-it-upgrade.json', '--seeds', '2', '--brief'], { runner: busy });
    expect(brief.lines.join('\n')).not.toMatch(/Winnable|built-in players/);
  });
});
