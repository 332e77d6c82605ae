import { describe, expect, it } from 'vitest';
import { getCampaign } from '../../level/catalog';
import { briefingStory, controlsFor, journeyWords } from './briefingWords';

const actions = {
  route: true,
  handoffCare: false,
  moveStaff: false,
  grantRequests: false,
  reprioritise: false,
};

describe('controlsFor', () => {
  it('shows routing and pause for a routing level', () => {
    const lines = controlsFor({ actions, autoRoute: 'none' });
    expect(lines).toHaveLength(2);
    expect(lines[0]?.text).toContain('Ready to send');
    expect(lines[1]?.keys).toContain('Space');
  });
  it('adds a line per enabled action', () => {
    const lines = controlsFor({
      actions: { ...actions, handoffCare: true, moveStaff: true, grantRequests: true, reprioritise: true },
      autoRoute: 'none',
    });
    expect(lines.map((l) => l.keys).join(' ')).toMatch(/Q quick notes.*G grants.*F/);
    expect(lines).toHaveLength(6);
  });
  it('leaves out pause and speed where the clock is not the player\'s (a live table)', () => {
    const lines = controlsFor({ actions: { ...actions, handoffCare: true }, autoRoute: 'none' }, { clock: false });
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => l.text).join(' ')).not.toMatch(/Pause|speed/);
  });
  it('says work moves by itself when everything is auto-routed', () => {
    expect(controlsFor({ actions, autoRoute: 'all' })[0]?.text).toContain('by itself');
  });
});

describe('journeyWords', () => {
  it("shows a step's label with the skill it needs in the board's words", () => {
    expect(
      journeyWords([
        { skill: 'triage' },
        { skill: 'billing-fix', label: 'Correct the invoice' },
        { skill: 'reply', label: 'reply' },
      ]),
    ).toBe('Triage  →  Correct the invoice (billing fix)  →  Reply');
  });

  it("names skills by the level's own skill names, never by a raw id", () => {
    const names = { 'med-review': 'Medicine check' };
    expect(journeyWords([{ skill: 'med-review' }, { skill: 'x-ray', label: 'Take the picture' }], names)).toBe(
      'Medicine check  →  Take the picture (x ray)',
    );
    expect(journeyWords([{ skill: 'assess', label: 'Assess the leg' }, { skill: 'med-review' }], names)).toBe(
      'Assess the leg (assess)  →  Medicine check',
    );
  });

  it('shows a branching step with each outcome and its chance', () => {
    expect(
      journeyWords([
        {
          skill: 'assess',
          then: [{ chance: 0.3, label: 'Needs a test', steps: [{ skill: 'lab' }, { skill: 'assess' }] }],
        },
        { skill: 'explain', then: [{ chance: 0.1, steps: [], end: true }] },
        { skill: 'book' },
      ]),
    ).toBe('Assess, then 3 in 10 need a test (lab, assess)  →  Explain, then 1 in 10 are done here  →  Book');
  });
});

describe('briefingStory', () => {
  it("tells a level's story, then New here (when the level has it), then Your goal, in the level file's words", () => {
    const [first, second] = getCampaign().map((c) => c.level!);
    const a = briefingStory(first!);
    expect(a.title).toBe(first!.title);
    expect(a.story).toEqual(first!.texts.briefing);
    const b = briefingStory(second!);
    expect(b.boxes.map((x) => x.label)).toEqual(
      second!.texts.newThisLevel ? ['New here', 'Your goal'] : ['Your goal'],
    );
    expect(b.boxes.at(-1)).toEqual({ kind: 'goal', label: 'Your goal', text: second!.texts.goal });
    const none = briefingStory({ ...first!, texts: { ...first!.texts, newThisLevel: undefined } });
    expect(none.boxes.map((x) => x.kind)).toEqual(['goal']);
  });
});
