import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exportFileName, sessionFromJSON, sessionToJSON } from './exporters';
import { makeSession } from '../testing/testFixtures';
import * as S from './session';

function imported(text: string) {
  const r = sessionFromJSON(text);
  if ('error' in r) throw new Error(r.error);
  return r.session;
}
function errorOf(text: string): string {
  const r = sessionFromJSON(text);
  if ('session' in r) throw new Error('expected an error');
  return r.error;
}

describe('JSON export and import', () => {
  it('round-trips a session exactly', () => {
    const s = makeSession();
    const text = sessionToJSON(s);
    expect(text).toContain('\n  "format": "ripple-effect-session"');
    expect(text).toContain('"version": 1');
    expect(imported(text)).toEqual(s);
  });

  it('round-trips any team and session name people type', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.nat(), (team, name, seed) => {
        let s = S.createSession({ id: 'x', name, createdAt: '2025-01-01T00:00:00Z' });
        s = S.addRound(s, { levelId: 'l', levelTitle: 'L', seed, team }).session;
        expect(imported(sessionToJSON(s))).toEqual(s);
      }),
    );
  });

  it('reads back NaN numbers (JSON writes them as null)', () => {
    const s = makeSession();
    const r = s.rounds[0]!.result!;
    r.metrics.customers.meanResolutionTime = Number.NaN;
    const back = imported(sessionToJSON(s));
    expect(back.rounds[0]?.result?.metrics.customers.meanResolutionTime).toBeNaN();
  });

  it('accepts a byte-order mark', () => {
    expect(imported('\uFEFF' + sessionToJSON(makeSession())).id).toBe('sess-1');
  });

  it('says clearly what is wrong with a broken or foreign file', () => {
    expect(errorOf('   ')).toBe('The file is empty.');
    expect(errorOf('{"rounds": [')).toMatch(/^This file is not valid JSON, so it can't be a session file \(/);
    expect(errorOf('[1,2]')).toBe('This file holds a list, not a Ripple Effect session.');
    expect(errorOf('42')).toBe('This file holds a number, not a Ripple Effect session.');
    expect(errorOf('{"formatVersion":1,"title":"Right desk","departments":[]}')).toMatch(
      /^This is a level file \("Right desk"\), not a session\./,
    );
    expect(errorOf('{"format":"ripple-effect-session","version":1}')).toBe(
      'This session file has 4 problems, so nothing was imported. id is missing; name is missing; createdAt is missing (and 1 more).',
    );
    expect(errorOf('{"name":"x"}')).toBe('This file is not a Ripple Effect session: it has no "rounds" list.');
    expect(errorOf('{"format":"something-else","rounds":[]}')).toBe('This file says it is "something-else", not a Ripple Effect session.');
    expect(errorOf('{"format":"ripple-effect-session","version":2,"rounds":[]}')).toMatch(/newer version of Ripple Effect \(session version 2\)/);
  });

  it('names the round and field that is wrong', () => {
    const data = JSON.parse(sessionToJSON(makeSession()));
    data.rounds[0].result.score.total = 'lots';
    data.rounds[1].seed = 1.5;
    const msg = errorOf(JSON.stringify(data));
    expect(msg).toMatch(/^This session file has 2 problems, so nothing was imported\./);
    expect(msg).toContain('round 1 ("Blue"), result.score.total should be a number, not "lots"');
    expect(msg).toContain('round 2 ("Green"), seed should be a whole number, not 1.5');
  });

  it('refuses a finished round without its result and duplicate round ids', () => {
    const data = JSON.parse(sessionToJSON(makeSession()));
    delete data.rounds[0].result;
    expect(errorOf(JSON.stringify(data))).toContain('a finished round must have its result');
    const dup = JSON.parse(sessionToJSON(makeSession()));
    dup.rounds[1].id = 'r1';
    expect(errorOf(JSON.stringify(dup))).toContain('round id "r1" is used twice');
  });
});

describe('file names', () => {
  it('makes a safe file name', () => {
    expect(exportFileName(makeSession(), 'csv')).toBe('ripple-effect-tuesday-workshop-2025-03-04.csv');
  });
});
