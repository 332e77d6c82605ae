import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Level } from '../../level/schema';
import type { SimEvent } from '../../sim/types';
import { CareMarks } from './careMarks';

describe('CareMarks', () => {
  it('remembers the notes a ticket was sent with until the desk it went to has done its step', () => {
    const m = new CareMarks();
    const ev: SimEvent[] = [
      { type: 'handoff', t: 1, ticket: 1, from: 'a', to: 'b', care: 'quick', auto: false },
      { type: 'handoff', t: 1, ticket: 2, from: 'a', to: 'b', care: 'thorough', auto: false },
    ];
    m.handle(ev);
    expect(m.of(1)).toBe('quick');
    expect(m.of(2)).toBe('thorough');
    expect(m.of(3)).toBeUndefined();
    m.handle([{ type: 'ready', t: 5, ticket: 1, dept: 'b' }]);
    expect(m.of(1)).toBeUndefined();
    m.handle([{ type: 'bounce', t: 6, ticket: 2, from: 'b', to: 'a', reason: 'clarify' }]);
    expect(m.of(2)).toBeUndefined();
    // Sent again, with other notes: the new choice shows.
    m.handle([{ type: 'handoff', t: 7, ticket: 2, from: 'a', to: 'b', care: 'quick', auto: false }]);
    expect(m.of(2)).toBe('quick');
    m.clear();
    expect(m.of(2)).toBeUndefined();
  });

  it("shows no mark on a level where the notes are not the player's choice (no legend there)", () => {
    const m = new CareMarks();
    const handoff: SimEvent = {
      type: 'handoff',
      t: 1,
      ticket: 1,
      from: 'a',
      to: 'b',
      care: 'quick',
      auto: false,
    };
    const level1 = JSON.parse(
      readFileSync(new URL('../../../levels/01-right-desk.json', import.meta.url), 'utf8'),
    ) as {
      actions: Level['actions'];
    };
    const level2 = JSON.parse(
      readFileSync(new URL('../../../levels/02-clear-notes.json', import.meta.url), 'utf8'),
    ) as {
      actions: Level['actions'];
    };
    m.forLevel(level1.actions);
    m.handle([handoff]);
    expect(m.of(1)).toBeUndefined();
    m.forLevel(level2.actions);
    expect(m.of(1)).toBe('quick');
  });
});
