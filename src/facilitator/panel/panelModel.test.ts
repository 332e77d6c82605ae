import { describe, expect, it } from 'vitest';
import { sessionToJSON } from '../session/exporters';
import {
  compareSet,
  levelChoices,
  levelLabel,
  parseSeed,
  planImport,
  roundRows,
  suggestedSeed,
  suggestedTeam,
} from './panelModel';
import { addRound, createSession, finishRound, startRound } from '../session/session';
import { tinyLevel } from '../testing/simFixtures';
import { makeResult, makeSession } from '../testing/testFixtures';

const other = { ...tinyLevel, id: 'other', title: 'Other desk' };

describe('levelChoices', () => {
  it('lists campaign levels in order, then extra files, then dropped files, each once, broken ones left out', () => {
    const campaign = [
      { id: 'tiny-desk', title: 'Tiny desk', level: tinyLevel },
      { id: 'broken', title: 'Broken', level: null },
    ];
    const all = [
      { id: 'other', title: 'Other desk', level: other },
      { id: 'tiny-desk', title: 'Tiny desk', level: tinyLevel },
    ];
    const loose = new Map([['dropped', { ...tinyLevel, id: 'dropped', title: 'Dropped' }]]);
    const c = levelChoices(campaign, all, loose);
    expect(c.map((x) => x.id)).toEqual(['tiny-desk', 'other', 'dropped']);
    expect(c.map(levelLabel)).toEqual([
      'Level 1: Tiny desk',
      'Extra level: Other desk',
      'From a file: Dropped',
    ]);
  });
});

describe('seeds and teams', () => {
  it('parses whole numbers only', () => {
    expect(parseSeed(' 42 ')).toEqual({ seed: 42 });
    expect(parseSeed('0')).toEqual({ seed: 0 });
    expect(parseSeed('-1')).toHaveProperty('error');
    expect(parseSeed('1.5')).toHaveProperty('error');
    expect(parseSeed('')).toHaveProperty('error');
    expect(parseSeed('99999999999')).toHaveProperty('error');
  });

  it('suggests the same seed for every team of a level by default, a new one otherwise', () => {
    let s = createSession({ id: 's', createdAt: 'x' });
    expect(suggestedSeed(s, 'tiny-desk', true, 7)).toBe(7);
    s = addRound(s, { levelId: 'tiny-desk', levelTitle: 'Tiny', seed: 12 }).session;
    s = addRound(s, { levelId: 'other', levelTitle: 'Other', seed: 3 }).session;
    expect(suggestedSeed(s, 'tiny-desk', true, 7)).toBe(12);
    expect(suggestedSeed(s, 'other', true, 7)).toBe(3);
    const fresh = suggestedSeed(s, 'tiny-desk', false, 7);
    expect([12, 3]).not.toContain(fresh);
    expect(suggestedTeam(s)).toBe('Team 3');
  });
});

describe('roundRows', () => {
  it('shows score and stars for finished rounds and offers only what is allowed', () => {
    const s = makeSession(); // r1 finished (70), r2 planned, both level "routing"
    const rows = roundRows(s, new Set(['routing']));
    expect(rows.map((r) => [r.team, r.statusText, r.score, r.canStart])).toEqual([
      ['Blue', 'Finished', '70 ★★☆', false],
      ['Green', 'Planned', '', true],
    ]);
    const missing = roundRows(s, new Set());
    expect(missing[1]!.canStart).toBe(false);
    expect(missing[1]!.startNote).toMatch(/not loaded here/);
  });
});

describe('compareSet', () => {
  it('puts rounds of the same level and seed side by side', () => {
    let s = makeSession();
    s = startRound(s, 'r2').session;
    s = finishRound(s, 'r2', makeResult(85)).session;
    s = addRound(s, { levelId: 'elsewhere', levelTitle: 'E', seed: 1 }).session;
    s = startRound(s, 'r3').session;
    s = finishRound(s, 'r3', makeResult(50)).session;
    expect(compareSet(s, 'r1').map((r) => r.id)).toEqual(['r1', 'r2']);
    // Alone on its setup: every finished round, to compare with care.
    expect(compareSet(s, 'r3').map((r) => r.id)).toEqual(['r1', 'r2', 'r3']);
    expect(compareSet(createSession({ id: 'e', createdAt: 'x' }))).toEqual([]);
  });
});

describe('planImport', () => {
  it('merges a copy of the same session and keeps finished rounds from both', () => {
    const here = makeSession();
    const old = {
      ...here,
      rounds: here.rounds.map((r) => ({ ...r, status: 'planned' as const, result: undefined })),
    };
    const plan = planImport(here, sessionToJSON(old));
    expect(plan.kind).toBe('merge');
    if (plan.kind !== 'merge') return;
    expect(plan.session.rounds[0]!.result?.score.total).toBe(70);
  });

  it('says when another session would replace finished results, and explains bad files', () => {
    const here = makeSession();
    const another = createSession({ id: 'another', name: 'Other', createdAt: 'x' });
    expect(planImport(here, sessionToJSON(another))).toMatchObject({ kind: 'replace', finishedHere: 1 });
    const bad = planImport(here, '{"nope": 1}');
    expect(bad.kind).toBe('error');
    if (bad.kind === 'error') expect(bad.message).toMatch(/not a Ripple Effect session/);
  });
});
