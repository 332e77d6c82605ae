// The board names a ticket's next step by the trainer's label: checked against real journeys from the
// sim (branches drawn on arrival, escalations added when patience runs out) over many seeds.
import { describe, expect, it } from 'vitest';
import { createSim } from '../../sim/index';
import { autoLevel } from '../../sim/testing/levels';
import { stepLabels } from '../../level/stepLabels';
import { buildBoard } from './boardModel';

const level = autoLevel({
  departments: [
    {
      id: 'tier-1',
      name: 'Tier 1',
      role: 'frontline',
      position: { x: 10, y: 50 },
      staff: 1,
      skills: ['triage', 'reply', 'escalation'],
      serviceTime: { triage: 30, reply: 15, escalation: 20 },
    },
    {
      id: 'billing',
      name: 'Billing',
      role: 'billing',
      position: { x: 60, y: 30 },
      staff: 1,
      skills: ['fix', 'check'],
      serviceTime: { fix: 40, check: 20 },
    },
  ],
  workTypes: [
    {
      id: 'invoice',
      name: 'Invoice',
      shape: 'circle',
      journey: [
        {
          skill: 'triage',
          label: 'Find out what is wrong',
          then: [
            { chance: 0.3, label: 'Needs a check', steps: [{ skill: 'check' }] },
            { chance: 0.2, label: 'Nothing to fix', steps: [], end: true },
          ],
        },
        { skill: 'fix', label: 'Correct the bill' },
        { skill: 'reply' },
      ],
    },
  ],
  arrivals: { ratePerMinute: 4 },
  customers: { patience: 40, abandonAfter: 10, escalateChance: 0.5 },
});

const want: Record<string, string | undefined> = {
  triage: 'Find out what is wrong',
  check: 'Needs a check',
  fix: 'Correct the bill',
  reply: undefined,
  escalation: undefined,
};

describe("a ticket's step label on the board", () => {
  it('every real journey reads back: each step its label, branch steps the branch label, escalations none', () => {
    const seen = { tickets: 0, branch: 0, ended: 0, escalated: 0, labelled: 0 };
    for (let seed = 1; seed <= 16; seed++) {
      const sim = createSim(level, seed);
      for (let t = 15; t <= 240; t += 15) {
        sim.advanceTo(t);
        const view = sim.view();
        const board = buildBoard({ level, view, positions: [], care: 'quick' });
        for (const tk of view.tickets.values()) {
          const labels = stepLabels(level, tk.workType, tk.journey, tk.escalated);
          expect(labels, `seed ${seed} ${tk.journey.join(',')}`).toEqual(tk.journey.map((s) => want[s]));
          const shown = board.ticket(tk.id)!;
          expect(shown.step).toBe(tk.step < tk.journey.length ? (want[tk.journey[tk.step]!] ?? '') : '');
          if (shown.step) seen.labelled++;
        }
      }
      for (const tk of sim.view().tickets.values()) {
        seen.tickets++;
        if (tk.journey.includes('check')) seen.branch++;
        if (!tk.journey.includes('fix')) seen.ended++;
        if (tk.escalated) seen.escalated++;
      }
    }
    // Not trivially empty: each kind of journey was met, and labels were shown.
    expect(seen.branch).toBeGreaterThan(10);
    expect(seen.ended).toBeGreaterThan(10);
    expect(seen.escalated).toBeGreaterThan(10);
    expect(seen.labelled).toBeGreaterThan(100);
  });
});
