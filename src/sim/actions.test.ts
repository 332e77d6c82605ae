import { describe, expect, it } from 'vitest';
import { COMMAND_RULES, commandEnabled, PLAYER_COMMANDS, playerGrants } from './actions';
import { createSim } from './index';
import { makeLevel } from './testing/levels';
import type { Command, CommandType } from './types';

const sample: { [K in CommandType]: Extract<Command, { type: K }> } = {
  route: { type: 'route', ticket: 1, to: 'billing' },
  setPolicy: { type: 'setPolicy', department: 'tier-1', care: 'thorough' },
  moveStaff: { type: 'moveStaff', from: 'tier-1', to: 'billing' },
  grant: { type: 'grant', request: 'nothing' },
  prioritise: { type: 'prioritise', department: 'tier-1', ticket: 1 },
  inject: { type: 'inject', event: 'nothing' },
  extend: { type: 'extend', seconds: 30 },
};

const none = { route: false, handoffCare: false, moveStaff: false, grantRequests: false, reprioritise: false };

describe('the action table drives the sim gating', () => {
  for (const type of PLAYER_COMMANDS) {
    const action = COMMAND_RULES[type].action;
    it(`${type}: refused with the table's words when the level leaves "${action}" off, let through when on`, () => {
      const off = createSim(makeLevel({ actions: none }), 1);
      expect(commandEnabled(off.level.actions, type)).toBe(false);
      // grant of an unknown request is explained by its handler in any level (auto-granted ones pass)
      if (type !== 'grant') expect(off.apply(sample[type])).toEqual({ ok: false, reason: COMMAND_RULES[type].refusal });
      const on = createSim(makeLevel({ actions: { ...none, [action]: true } }), 1);
      expect(commandEnabled(on.level.actions, type)).toBe(true);
      const r = on.apply(sample[type]);
      expect(r.ok ? '' : r.reason).not.toBe(COMMAND_RULES[type].refusal);
    });
  }

  it('facilitator commands need no level action', () => {
    const sim = createSim(makeLevel({ actions: none }), 1);
    expect(sim.apply(sample.extend)).toEqual({ ok: true });
    expect(commandEnabled(none, 'inject')).toBe(true);
  });

  it('a request is the player’s to grant only when granting is on and it does not grant itself', () => {
    expect(playerGrants({ ...none, grantRequests: true }, { autoGrant: false })).toBe(true);
    expect(playerGrants({ ...none, grantRequests: true }, { autoGrant: true })).toBe(false);
    expect(playerGrants(none, { autoGrant: false })).toBe(false);
  });
});
