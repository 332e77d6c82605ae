import { describe, expect, it } from 'vitest';
import { chanceWords, journeyText } from './journeyText';

const words = (s: { skill: string; label?: string | undefined }): string =>
  s.label ? `${s.label} (${s.skill})` : s.skill.charAt(0).toUpperCase() + s.skill.slice(1);

describe('journeyText', () => {
  it('says a chance as "N in 10", or "N in 100" when it is not whole tenths', () => {
    expect(chanceWords(0.4)).toBe('4 in 10');
    expect(chanceWords(0.3)).toBe('3 in 10');
    expect(chanceWords(1)).toBe('10 in 10');
    expect(chanceWords(0.25)).toBe('25 in 100');
    expect(chanceWords(0.05)).toBe('5 in 100');
    expect(chanceWords(0.001)).toBe('1 in 100');
  });

  it('writes a branch in plain words: the step, then how many need what', () => {
    const text = journeyText(
      [
        {
          skill: 'check in',
          label: 'Welcome the patient',
          then: [{ chance: 0.4, label: 'Needs a test', steps: [{ skill: 'blood test' }] }],
        },
        { skill: 'explain' },
      ],
      words,
      ' → ',
    );
    expect(text).toBe('Welcome the patient (check in), then 4 in 10 need a test (blood test) → Explain');
    expect(text).not.toMatch(/%|\(then|\) \(/);
  });

  it('leaves out the steps a label already names, and reads other labels after a colon', () => {
    expect(
      journeyText(
        [{ skill: 'assess', then: [{ chance: 0.3, label: 'Needs a blood test', steps: [{ skill: 'blood test' }] }] }],
        words,
        ' › ',
      ),
    ).toBe('Assess, then 3 in 10 need a blood test');
    expect(
      journeyText(
        [{ skill: 'assess', then: [{ chance: 0.2, label: 'Follow-up visit', steps: [{ skill: 'book' }] }] }],
        words,
        ' › ',
      ),
    ).toBe('Assess, then 2 in 10: follow-up visit (book)');
  });

  it('names outcomes without a label by their steps, and says when customers are done early', () => {
    expect(
      journeyText(
        [
          {
            skill: 'triage',
            then: [
              { chance: 0.3, steps: [{ skill: 'lab' }, { skill: 'triage' }] },
              { chance: 0.1, steps: [], end: true },
            ],
          },
          { skill: 'reply' },
        ],
        words,
        ' › ',
      ),
    ).toBe('Triage, then 3 in 10 also need lab, triage; 1 in 10 are done here › Reply');
    expect(
      journeyText([{ skill: 'fix', then: [{ chance: 0.5, steps: [{ skill: 'refund' }], end: true }] }], words, ' › '),
    ).toBe('Fix, then 5 in 10 also need refund, then are done');
  });

  it('leaves a journey without branches as its steps', () => {
    expect(journeyText([{ skill: 'triage' }, { skill: 'fix', label: 'Mend it' }], words, ' › ')).toBe(
      'Triage › Mend it (fix)',
    );
  });
});
