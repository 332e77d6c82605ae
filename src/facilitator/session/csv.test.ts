import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvCell, csvHeader, parseCsv, sessionToCSV } from './csv';
import { makeResult, makeSession } from '../testing/testFixtures';
import * as S from './session';

/** The rows of a session's CSV as objects keyed by header. */
function table(session: S.Session): Array<Record<string, string>> {
  const [head, ...rows] = parseCsv(sessionToCSV(session));
  return rows.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i] ?? ''])));
}

describe('CSV cells', () => {
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(3.5)).toBe('3.5');
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('defuses spreadsheet formulas in typed text, also behind blanks, line feeds and full-width signs', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('\n=1+1')).toBe('"\'\n=1+1"');
    expect(csvCell('\nTeam')).toBe('"\'\nTeam"');
    expect(csvCell('   =1+1')).toBe("'   =1+1");
    expect(csvCell('\u00a0\u3000=1')).toBe("'\u00a0\u3000=1");
    expect(csvCell('＝1+1')).toBe("'＝1+1");
    expect(csvCell('＋1')).toBe("'＋1");
    expect(csvCell('Team =')).toBe('Team =');
    expect(csvCell('Team 3')).toBe('Team 3');
  });

  it('reads back any text people type, defused or as typed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const [[back]] = parseCsv(csvCell(text) + '\r\n') as [[string]];
        expect(back === text || back === `'${text}`).toBe(true);
        // What a spreadsheet sees never starts a formula.
        expect(/^[\s\u3000]*[=+\-@＝＋－＠]/.test(back) && back === text).toBe(false);
      }),
    );
  });
});

describe('CSV export', () => {
  it('has headers in plain words, one row per round, every row as wide as the header', () => {
    const csv = sessionToCSV(makeSession());
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(csvHeader());
    expect(rows).toHaveLength(3);
    for (const r of rows) expect(r).toHaveLength(csvHeader().length);
    for (const h of csvHeader()) {
      expect(h).toMatch(/^[A-Z]/);
      expect(h).not.toMatch(/[a-z][A-Z]/); // no internal camelCase names such as "meanTime"
    }
  });

  it('gives real units: seconds, counts and percent, not 0-1 fractions', () => {
    const [r1, r2] = table(makeSession());
    expect(r1!['Team']).toBe('Blue');
    expect(r1!['Score (of 100)']).toBe('70');
    expect(r1!['Stars (of 3)']).toBe('2');
    expect(r1!['Points: customer satisfaction']).toBe('21');
    expect(r1!['Customers who arrived']).toBe('20');
    expect(r1!['Customers helped']).toBe('16');
    expect(r1!['Customers who gave up']).toBe('2');
    expect(r1!['Customers still waiting at the end']).toBe('2');
    expect(r1!['Customers helped at first contact']).toBe('10'); // 0.6 of 16
    expect(r1!['Mean resolution time (s)']).toBe('150');
    expect(r1!['Slowest 5% resolution time (s)']).toBe('280');
    expect(r1!['Mean satisfaction (%)']).toBe('72');
    expect(r1!['Handoffs']).toBe('30');
    expect(r1!['Handoffs that needed rework']).toBe('4');
    expect(r1!['Round length (s)']).toBe('300');
    expect(r1!['Staff time busy (s)']).toBe('1500');
    expect(r1!['Finished at']).toBe('2025-03-04T10:20:00.000Z');
    expect(r2!['Status']).toBe('planned');
    expect(r2!['Score (of 100)']).toBe('');
    expect(r2!['Customers helped']).toBe('');
    expect(r2!['Restarts']).toBe('');
  });

  it('leaves a cell empty where a part does not apply to the level', () => {
    const [r1] = table(makeSession());
    // The fixture's cost part has weight 0 and effort is not scored at all.
    expect(r1!['Points: staff cost']).toBe('');
    expect(r1!['Points: low customer effort']).toBe('');
    expect(r1!['Points: handoffs without rework']).toBe('5');
    // A level without internal requests: no request figures at all (not "0.615", not 0).
    let s = S.createSession({ id: 's', createdAt: '2025-01-01T00:00:00Z' });
    s = S.addRound(s, { levelId: 'l', levelTitle: 'L', seed: 1, team: 'A' }).session;
    s = S.startRound(s, 'r1').session;
    const result = makeResult();
    result.metrics.requests = { total: 0, onTime: 0, late: 0, open: 0 };
    result.score.parts.push({ key: 'requestsOnTime', group: 'internal', value: 0.615, weight: 0, points: 0 });
    s = S.finishRound(s, 'r1', result).session;
    const [row] = table(s);
    expect(row!['Points: internal requests on time']).toBe('');
    expect(row!['Internal requests']).toBe('');
    expect(row!['Internal requests on time']).toBe('');
    // Nobody helped: no resolution time to speak of.
    result.metrics.customers.resolved = 0;
    expect(table(s)[0]!['Mean resolution time (s)']).toBe('');
  });

  it('keeps bookmark notes, restarts and added time', () => {
    let s = makeSession();
    s = S.addBookmark(s, 'r1', 150, 'Billing queue grows, "fast"').session;
    s = S.addBookmark(s, 'r1', 30, '=not a formula').session;
    s = { ...s, rounds: s.rounds.map((r) => (r.id === 'r1' ? { ...r, restarts: 2 } : r)) };
    s.rounds[0]!.result!.commandLog.push({ at: 250, cmd: { type: 'extend', seconds: 60 } });
    const [r1] = table(s);
    expect(r1!['Bookmarks']).toBe('2');
    expect(r1!['Bookmark notes']).toBe('0:30 =not a formula; 2:30 Billing queue grows, "fast"');
    expect(r1!['Restarts']).toBe('2');
    expect(r1!['Time added by the facilitator (s)']).toBe('60');
  });

  it('defuses a team name that would run as a formula', () => {
    let s = makeSession();
    s = S.renameTeam(s, 'r2', '=cmd|"/c calc"!A1, "x"').session;
    expect(table(s)[1]!['Team']).toBe('\'=cmd|"/c calc"!A1, "x"');
  });
});
