// Broken fixtures are stored as *.json.txt so formatters never "fix" them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLevelText, formatProblem, isError, MAX_PROBLEMS, type Problem } from './check';
import { MAX_DEPTH } from './jsonText';

const example = readFileSync(new URL('../../levels/01-right-desk.json', import.meta.url), 'utf8');
const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/broken/${name}.txt`, import.meta.url), 'utf8');

type Json = Record<string, unknown>;
/** The example level, changed by `edit`, as pretty JSON text. */
function variant(
  edit: (
    l: Json & { departments: Json[]; workTypes: Json[]; arrivals: Json; scoring: Json; texts: Json },
  ) => void,
): string {
  const level = JSON.parse(example) as Parameters<typeof edit>[0];
  edit(level);
  return JSON.stringify(level, null, 2);
}
function check(text: string): { problems: Problem[]; errors: Problem[]; messages: string } {
  const { problems } = checkLevelText(text, 'test.json');
  return { problems, errors: problems.filter(isError), messages: problems.map(formatProblem).join('\n') };
}
/** 1-based line of the first occurrence of `needle` in `text`. */
const lineOf = (text: string, needle: string): number =>
  text.slice(0, text.indexOf(needle)).split('\n').length;

describe('valid levels', () => {
  it('accepts the example level and fills in defaults', () => {
    const { level, problems } = checkLevelText(example, 'levels/01-right-desk.json');
    expect(problems).toEqual([]);
    expect(level?.id).toBe('right-desk');
    expect(level?.departments[0]?.queueLimit).toBe(8);
    expect(example).not.toContain('thoroughNoteSeconds');
    expect(level?.handoffs.thoroughNoteSeconds).toBe(30);
  });

  it('accepts a byte-order mark at the start', () => {
    expect(check(`\uFEFF${example}`).problems).toEqual([]);
  });

  it('formats problems as path:line:col: message', () => {
    expect(formatProblem({ path: 'a.json', line: 3, col: 7, message: 'x' })).toBe('a.json:3:7: x');
    expect(formatProblem({ path: 'a.json', line: 1, col: 1, message: 'y', severity: 'warning' })).toBe(
      'a.json:1:1: warning: y',
    );
  });
});

describe('invalid JSON points at the line', () => {
  it('trailing comma: points at the comma', () => {
    const text = fixture('trailing-comma.json');
    const { problems } = check(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 4, col: 28 });
    expect(problems[0]?.message).toMatch(/one comma too many/);
  });
  it('missing closing brace: says which brace', () => {
    const { problems } = check(fixture('missing-brace.json'));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/closing \} is missing.*opened at line 4/);
  });
  it('missing comma: points at the next field', () => {
    const { problems } = check(fixture('missing-comma.json'));
    expect(problems[0]).toMatchObject({ line: 3, col: 3 });
    expect(problems[0]?.message).toMatch(/comma is missing/);
  });
  it('single quotes and comments get their own advice', () => {
    expect(check(fixture('single-quotes.json')).messages).toMatch(/double quotes/);
    expect(check(fixture('comment.json')).messages).toMatch(/Comments are not allowed/);
  });
  it('curly quotes from a word processor get their own message', () => {
    const text = example.replace('"title"', '\u201ctitle\u201d');
    const { problems } = check(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: lineOf(text, '\u201ctitle') });
    expect(problems[0]?.message).toMatch(/curly quotes.*straight double quotes/);
  });
  it('a missing inner } is reported where it is missing, on one line or several', () => {
    // The } of "position" left out (the comma stays): JSON only fails lines later.
    const inline = example.replace(/("position": \{[^}]*)\}/, '$1');
    const a = check(inline).problems;
    expect(a).toHaveLength(1);
    expect(a[0]).toMatchObject({ line: lineOf(inline, '"position"') });
    expect(a[0]?.message).toMatch(/closing \} is missing here.*opened at line \d+.*"staff"/);
    // Comma and } both left out.
    const noComma = example.replace(/("position": \{[^}]*)\},/, '$1');
    expect(check(noComma).problems[0]).toMatchObject({ line: lineOf(noComma, '"position"') });
    // A group over several lines whose own } is missing: the next } is the outer one.
    const lines = example.split('\n');
    const open = lines.findIndex((l) => l.trim() === '"serviceTime": {');
    const close = lines.findIndex((l, i) => i > open && l.trim() === '}');
    const multi = [...lines.slice(0, close), ...lines.slice(close + 1)].join('\n');
    const m = check(multi).problems;
    expect(m).toHaveLength(1);
    expect(m[0]?.line).toBe(close); // the last line inside serviceTime (1-based: index close - 1)
    expect(m[0]?.message).toMatch(new RegExp(`opened at line ${open + 1} should end here`));
  });
  it('empty files and non-objects', () => {
    expect(check('').messages).toMatch(/empty/);
    expect(check('   \n').messages).toMatch(/empty/);
    expect(check('[1, 2]').messages).toMatch(/must be one group of fields/);
    expect(check('"hello"').messages).toMatch(/must be one group of fields/);
  });
});

describe('schema problems', () => {
  it('a field the schema rejects gives no follow-on warnings from checks that depend on it', () => {
    const { problems } = check(variant((l) => void (l.durationSeconds = -357)));
    expect(problems.map((p) => p.message)).toEqual([
      'durationSeconds is -357, which is too small: it must be at least 30.',
    ]);
  });

  it('wrong types, with the value and a fix', () => {
    const text = variant((l) => {
      (l.departments[0] as Json).staff = '2';
      l.durationSeconds = true;
      (l.departments[1] as Json).staff = 1.5;
    });
    const { messages } = check(text);
    expect(messages).toMatch(
      /department "tier-1" > staff is text \("2"\): write numbers without quotes, like 2/,
    );
    expect(messages).toMatch(/durationSeconds should be a number, like 30, but it is true/);
    expect(messages).toMatch(/department "billing" > staff is 1.5, but it must be a whole number, like 2/);
  });

  it('missing required fields name the field and explain it', () => {
    const text = variant((l) => {
      delete l.title;
      delete (l.departments[2] as Json).staff;
    });
    const { errors } = check(text);
    expect(errors.map((p) => p.message)).toContain(
      'The level is missing the field "title". Add it at the top level of the file, beside "id". Level title.',
    );
    const staff = errors.find((p) => p.message.includes('"staff"'));
    expect(staff?.message).toMatch(/^department "tech" is missing the field "staff". Add it beside "id" in the same \{ \}\. /);
    expect(staff?.line).toBe(lineOf(text, '"id": "tech"') - 1);
  });

  it('unknown fields suggest the right name, at the field name', () => {
    const text = variant((l) => {
      (l.departments[0] as Json).skils = ['triage'];
      l.durationSecs = 10;
    });
    const { errors } = check(text);
    const skils = errors.find((p) => p.message.includes('"skils"'));
    expect(skils?.message).toMatch(/Did you mean "skills"\?/);
    expect(skils?.line).toBe(lineOf(text, '"skils"'));
    expect(skils?.col).toBe(7);
    expect(errors.find((p) => p.message.includes('"durationSecs"'))?.message).toMatch(
      /Did you mean "durationSeconds"\?/,
    );
  });

  it('wrong choices and kinds suggest the closest', () => {
    const text = variant((l) => {
      (l.departments[1] as Json).role = 'biling';
      (l.workTypes[0] as Json).shape = 'sqare';
      (l.departments[1] as Json).serviceTime = { 'billing-fix': { kind: 'exponentail', mean: 3 } };
    });
    const { messages } = check(text);
    expect(messages).toMatch(/"biling" is not one of the choices.*Did you mean "billing"\?/);
    expect(messages).toMatch(/"sqare" is not one of the choices.*Did you mean "square"\?/);
    expect(messages).toMatch(/"exponentail" is not a kind.*Did you mean "exponential"\?/);
  });

  it('negative and absurd numbers', () => {
    const text = variant((l) => {
      (l.departments[0] as Json).staff = -3;
      l.durationSeconds = 1e12;
      (l.arrivals as Json).ratePerMinute = Number.MAX_SAFE_INTEGER;
    });
    const { messages } = check(text);
    expect(messages).toMatch(/staff is -3, which is too small: it must be at least 0/);
    expect(messages).toMatch(/durationSeconds is 1000000000000, which is too large: it must be at most 7200/);
    expect(messages).toMatch(/ratePerMinute .* too large/);
  });

  it('bad ids show a fixed version', () => {
    const { messages } = check(variant((l) => void (l.id = 'Right Desk!')));
    expect(messages).toMatch(/"Right Desk!" is not a valid id: .* e\.g\. "right-desk"/);
  });

  it('format versions: missing, old, future', () => {
    const missing = check(variant((l) => void delete l.formatVersion));
    expect(missing.errors).toHaveLength(1);
    expect(missing.messages).toMatch(/Add "formatVersion": 1/);
    expect(check(variant((l) => void (l.formatVersion = 0))).messages).toMatch(/"formatVersion": 1/);
    const future = check(variant((l) => void (l.formatVersion = 2)));
    expect(future.errors).toHaveLength(1);
    expect(future.messages).toMatch(/made for a newer version of Ripple Effect/);
    expect(check(variant((l) => void (l.formatVersion = '1'))).messages).toMatch(
      /whole number 1 \(without quotes\)/,
    );
  });

  it('a field written twice is flagged', () => {
    const text = example.replace(
      '"title": "The Right Desk",',
      '"title": "The Right Desk",\n  "title": "Again",',
    );
    const { errors } = check(text);
    expect(errors[0]?.message).toMatch(/"title" is written twice/);
    expect(checkLevelText(text, 'x').level).toBeNull();
  });

  it('"__proto__" is an unknown field, not a prototype', () => {
    const text = example.replace('"title"', '"__proto__": { "id": "evil" },\n  "title"');
    expect(check(text).messages).toMatch(/"__proto__" is not a field/);
  });
});

describe('semantic problems', () => {
  it('unknown ids get did-you-mean', () => {
    const text = variant((l) => {
      l.entry = 'tier1';
      ((l.workTypes[1] as Json).journey as Json[])[1] = { skill: 'biling-fix' };
      ((l.arrivals as Json).scripted as Json[])[0] = { at: 3, workType: 'questions' };
    });
    const { messages } = check(text);
    expect(messages).toMatch(/entry: "tier1" is not a department in this level .*Did you mean "tier-1"\?/);
    expect(messages).toMatch(
      /step 2 > skill: "biling-fix" is a skill no department has.*Did you mean "billing-fix"\?/,
    );
    expect(messages).toMatch(/workType: "questions" is not a work type .*Did you mean "question"\?/);
  });

  it('duplicate ids', () => {
    const text = variant((l) => void ((l.departments[2] as Json).id = 'billing'));
    const { messages } = check(text);
    expect(messages).toMatch(/uses the id "billing" again: department 2 already has it/);
  });

  it('service times match skills', () => {
    const text = variant((l) => {
      (l.departments[0] as Json).serviceTime = { triage: 10, replay: 10 };
    });
    const { messages } = check(text);
    expect(messages).toMatch(/has no time for the skill "reply"/);
    expect(messages).toMatch(
      /"replay" has a time but is not in this department's skills. Did you mean "reply"\?/,
    );
  });

  it("skill names are for the level's skills", () => {
    const ok = check(variant((l) => void (l.skillNames = { 'billing-fix': 'Fix the bill' })));
    expect(ok.problems).toEqual([]);
    const { messages, errors } = check(variant((l) => void (l.skillNames = { 'biling-fix': 'Fix the bill' })));
    expect(errors).toEqual([]);
    expect(messages).toMatch(/names the skill "biling-fix", but no department has it. Did you mean "billing-fix"\?/);
  });

  it('first step must be at the entry; escalations need a department', () => {
    const text = variant((l) => {
      (l.workTypes[0] as Json).journey = [{ skill: 'tech-fix' }];
      l.customers = { escalateChance: 0.3 };
    });
    const { messages } = check(text);
    expect(messages).toMatch(
      /"tech-fix" is the first step, but the department where customers arrive \("tier-1"\)/,
    );
    expect(messages).toMatch(/no department has the skill "escalation"/);
  });

  it('stars, overlaps, uniform ranges, empty texts, level end', () => {
    const text = variant((l) => {
      l.scoring.stars = [80, 60, 90];
      (l.departments[2] as Json).position = { x: 75, y: 30 };
      (l.departments[1] as Json).serviceTime = { 'billing-fix': { kind: 'uniform', min: 50, max: 10 } };
      l.texts.goal = '   ';
      l.arrivals = { ratePerMinute: 0, stopAt: 9999 };
    });
    const { messages } = check(text);
    expect(messages).toMatch(/stars must go up/);
    expect(messages).toMatch(/department "tech" > position is too close to "billing"/);
    expect(messages).toMatch(/min \(50\) is more than max \(10\)/);
    expect(messages).toMatch(/texts > goal is only spaces/);
    expect(messages).toMatch(/nobody would ever arrive/);
    expect(messages).toMatch(/stopAt \(9999\) is after the end of the level/);
  });

  it('warns when cards would overlap on the real board, even with centres far enough apart', () => {
    // Six departments: three stacked in one column overlap (each card is about a third of the board tall).
    const six = (pos: Array<[number, number]>) =>
      variant((l) => {
        const base = l.departments[2] as Json;
        for (const id of ['hr', 'it', 'legal']) l.departments.push({ ...base, id, name: id.toUpperCase() });
        l.departments.forEach((d, i) => void (d.position = { x: pos[i]![0], y: pos[i]![1] }));
      });
    const stacked = check(
      six([
        [20, 50],
        [45, 25],
        [45, 75],
        [95, 20],
        [95, 50],
        [95, 80],
      ]),
    );
    expect(stacked.errors.map(String), stacked.messages).toEqual([]);
    expect(stacked.messages).toMatch(
      /warning: department "(it|legal)" > position shares its space with "(hr|it)" on the game board/,
    );
    const spread = check(
      six([
        [17, 25],
        [50, 25],
        [83, 25],
        [17, 75],
        [50, 75],
        [83, 75],
      ]),
    );
    expect(spread.errors).toEqual([]);
    expect(spread.messages).not.toMatch(/shares its space/);
  });

  it('facilitator injects need ids; warnings do not block loading', () => {
    const inject = check(
      variant(
        (l) => void (l.events = [{ kind: 'surge', trigger: 'facilitator', factor: 2, durationSeconds: 30 }]),
      ),
    );
    expect(inject.messages).toMatch(/facilitator inject, so it needs an "id"/);
    const late = checkLevelText(
      variant((l) => void (l.events = [{ kind: 'surge', at: 9000, factor: 2, durationSeconds: 30 }])),
      'x',
    );
    expect(late.problems.map((p) => p.severity)).toEqual(['warning']);
    expect(late.level).not.toBeNull();
  });

  it('reports schema and semantic problems together in one run', () => {
    const text = variant((l) => {
      (l.departments[0] as Json).staff = 'two';
      l.entry = 'front';
    });
    const { errors } = check(text);
    expect(errors.length).toBe(2);
  });
});

describe('hostile input never throws', () => {
  it('huge files are refused with a clear message', () => {
    const huge = `{"id": "${'x'.repeat(1_100_000)}"}`;
    const { problems } = check(huge);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/too large/);
  });

  it('deeply nested junk is refused at the place it gets too deep', () => {
    const deep = `{"a": ${'['.repeat(100_000)}`;
    const { problems } = check(deep);
    expect(problems[0]?.message).toMatch(/nested too deeply/);
    expect(problems[0]?.col).toBe(7 + MAX_DEPTH - 1);
    expect(check(`${'{"a":'.repeat(30)}1${'}'.repeat(30)}`).errors.length).toBeGreaterThan(0);
  });

  it('HTML and script in texts are plain text: accepted, never interpreted', () => {
    const text = variant((l) => void (l.title = '<script>alert(1)</script><img src=x onerror=alert(2)>'));
    const { level, problems } = checkLevelText(text, 'x');
    expect(problems).toEqual([]);
    expect(level?.title).toBe('<script>alert(1)</script><img src=x onerror=alert(2)>');
    const bad = check(variant((l) => void ((l.departments[0] as Json).role = '<b>boss</b>')));
    expect(bad.messages).toContain('"<b>boss</b>" is not one of the choices');
  });

  it('caps the number of problems', () => {
    const text = variant(
      (l) =>
        void ((l.arrivals as Json).scripted = Array.from({ length: 400 }, () => ({
          at: -1,
          workType: 'Nope',
        }))),
    );
    const { problems } = check(text);
    expect(problems.length).toBe(MAX_PROBLEMS + 1);
    expect(problems[MAX_PROBLEMS]?.message).toMatch(/more problems/);
  });

  it('odd values everywhere', () => {
    for (const junk of [
      'null',
      '0',
      'true',
      '{}',
      '{"formatVersion": 1e999}',
      '{"formatVersion": 1, "departments": [null, 1, "x", []]}',
      '\u0000',
      '{"a":"\\u12"}',
    ]) {
      const { problems } = check(junk);
      expect(problems.length).toBeGreaterThan(0);
      for (const p of problems) expect(p.line).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('fields that shape the flow of work', () => {
  it('accepts every new field and fills their defaults', () => {
    const { level, problems } = checkLevelText(
      variant((l) => {
        const w = l.workTypes[0] as Json & { journey: Json[] };
        Object.assign(w, { patience: 60, abandonAfter: 3, priority: 1, scoreWeight: 2 });
        w.journey[0]!.then = [{ chance: 0.25, label: 'Needs a check', steps: [{ skill: 'reply' }] }];
        l.arrivals.mix = [{ from: 60, weights: { [String(w.id)]: 2 } }];
        Object.assign(l.departments[0] as Json, {
          shifts: [{ from: 0, to: 200 }],
          breaks: [{ at: 50, durationSeconds: 20 }],
        });
      }),
      'levels/01-right-desk.json',
    );
    expect(problems.filter(isError)).toEqual([]);
    expect(level?.workTypes[1]?.priority).toBe(0);
    expect(level?.workTypes[1]?.scoreWeight).toBe(1);
    expect(level?.departments[0]?.breaks[0]?.staff).toBe(1);
    expect(level?.departments[1]?.breaks).toEqual([]);
  });

  it('located messages for branches, mixes, shifts and breaks', () => {
    const { messages } = check(
      variant((l) => {
        const w = l.workTypes[0] as Json & { journey: Json[] };
        w.journey[0]!.then = [
          { chance: 0.7, steps: [{ skill: 'replyy' }] },
          { chance: 0.6, steps: [] },
        ];
        l.arrivals.mix = [{ from: 60, weights: { nope: 1 } }];
        Object.assign(l.departments[0] as Json, {
          staff: 2,
          shifts: [
            { from: 100, to: 50 },
            { from: 0, to: 300, staff: 5 },
          ],
          breaks: [
            { at: 50, durationSeconds: 60, staff: 2 },
            { at: 80, durationSeconds: 10 },
          ],
        });
      }),
    );
    expect(messages).toMatch(
      /"replyy" is a skill no department has, so this branch could never be done. Did you mean "reply"\?/,
    );
    expect(messages).toMatch(/then has chances that add up to 1.3, more than 1/);
    expect(messages).toMatch(/"nope" is not a work type in this level/);
    expect(messages).toMatch(/to \(50\) must be after "from" \(100\)/);
    expect(messages).toMatch(/\(5\) is more people than Tier 1 has \(staff is 2\)/);
    expect(messages).toMatch(
      /warning: .*has 3 people away at 80 s \(break 1 and break 2\), but Tier 1 has only 2/,
    );
  });
});
