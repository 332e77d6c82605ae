import { describe, expect, it } from 'vitest';
import { stepLabelAt, stepLabels } from './stepLabels';
import type { Level } from './schema';

type Lv = Pick<Level, 'workTypes' | 'customers'>;
const level = {
  customers: { escalateSkill: 'escalation' },
  workTypes: [
    {
      id: 'routine',
      journey: [
        {
          skill: 'check-in',
          label: 'Welcome the patient',
          then: [
            { chance: 0.3, label: 'Needs a blood test', steps: [{ skill: 'blood-test' }], end: false },
            {
              chance: 0.2,
              label: 'Sent on',
              steps: [{ skill: 'assess', label: 'Look again' }, { skill: 'reply' }],
              end: true,
            },
          ],
        },
        { skill: 'assess' },
        { skill: 'reply', label: 'Explain the results' },
      ],
    },
  ],
} as unknown as Lv;

describe('step labels of a ticket', () => {
  it('the journey as written: each step its own label, none where the trainer gave none', () => {
    expect(stepLabels(level, 'routine', ['check-in', 'assess', 'reply'], false)).toEqual([
      'Welcome the patient',
      undefined,
      'Explain the results',
    ]);
  });

  it('a one-step branch takes the branch label; a longer branch its steps own labels, then ends', () => {
    expect(stepLabels(level, 'routine', ['check-in', 'blood-test', 'assess', 'reply'], false)).toEqual([
      'Welcome the patient',
      'Needs a blood test',
      undefined,
      'Explain the results',
    ]);
    // Going on as written (5 in 10) is likelier than "Sent on" (2 in 10), which has the same skills.
    expect(stepLabels(level, 'routine', ['check-in', 'assess', 'reply'], false)[2]).toBe(
      'Explain the results',
    );
    expect(stepLabels(level, 'routine', ['check-in', 'assess', 'reply'], false)[1]).toBeUndefined();
    // Read only as "Sent on" (it ends the journey): its steps' own labels, and none for its reply.
    expect(stepLabels(level, 'routine', ['check-in', 'assess', 'reply'], false)).toHaveLength(3);
    const sentOn = {
      ...level,
      workTypes: [{ ...level.workTypes[0]!, journey: level.workTypes[0]!.journey.slice(0, 1) }],
    };
    expect(stepLabels(sentOn as Lv, 'routine', ['check-in', 'assess', 'reply'], false)).toEqual([
      'Welcome the patient',
      'Look again',
      undefined,
    ]);
    // Skills that fit no reading of the journey: no label at all rather than a wrong one.
    expect(stepLabels(level, 'routine', ['check-in', 'reply', 'assess'], false)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('an escalation step wherever it was added has no label; the others keep theirs', () => {
    for (let at = 1; at <= 3; at++) {
      const skills = ['check-in', 'assess', 'reply'];
      skills.splice(at, 0, 'escalation');
      const want: (string | undefined)[] = ['Welcome the patient', undefined, 'Explain the results'];
      want.splice(at, 0, undefined);
      expect(stepLabels(level, 'routine', skills, true), `escalation at ${at}`).toEqual(want);
    }
    // Not escalated: an escalation skill cannot be explained, so no label at all.
    expect(stepLabels(level, 'routine', ['check-in', 'escalation', 'assess', 'reply'], false)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('the ticket current step; nothing past the end or for a work type the level lacks', () => {
    const t = {
      workType: 'routine',
      journey: ['check-in', 'blood-test', 'assess', 'reply'],
      escalated: false,
    };
    expect(stepLabelAt(level, { ...t, step: 1 })).toBe('Needs a blood test');
    expect(stepLabelAt(level, { ...t, step: 3 })).toBe('Explain the results');
    expect(stepLabelAt(level, { ...t, step: 4 })).toBeUndefined();
    expect(stepLabelAt(level, { ...t, workType: 'other', step: 0 })).toBeUndefined();
  });
});
