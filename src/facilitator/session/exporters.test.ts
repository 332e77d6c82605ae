import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvCell, csvHeader, exportFileName, sessionFromJSON, sessionToCSV, sessionToJSON } from './exporters';
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

/** A small RFC 4180 reader, to check what we write reads back. */
function parseCSV(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

describe('CSV export', () => {
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

  it('defuses spreadsheet formulas in typed text', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('Team =')).toBe('Team =');
  });

  it('writes one row per round with every column', () => {
    let s = makeSession();
    s = S.renameTeam(s, 'r2', '=cmd|"/c calc"!A1, "x"').session;
    const csv = sessionToCSV(s);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCSV(csv);
    const header = csvHeader();
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual(header);
    for (const r of rows) expect(r).toHaveLength(header.length);
    const col = (name: string, row = 1) => rows[row]![header.indexOf(name)];
    expect(col('team')).toBe('Blue');
    expect(col('total')).toBe('70');
    expect(col('stars')).toBe('2');
    expect(col('satisfaction points')).toBe('21');
    expect(col('handoffQuality value')).toBe('0.5');
    expect(col('effort value')).toBe('');
    expect(col('mean resolution s')).toBe('150');
    expect(col('first contact resolution')).toBe('0.6');
    expect(col('status', 2)).toBe('planned');
    expect(col('total', 2)).toBe('');
    expect(col('team', 2)).toBe('\'=cmd|"/c calc"!A1, "x"');
  });

  it('makes a safe file name', () => {
    expect(exportFileName(makeSession(), 'csv')).toBe('ripple-effect-tuesday-workshop-2025-03-04.csv');
  });
});
