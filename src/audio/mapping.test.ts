import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../sim/types';
import {
  AUTO_HANDOFF_GAIN,
  DELIGHTED_AT,
  GAIN,
  PRIORITY,
  soundForCue,
  soundForEvent,
  soundsForEvents,
  type UiCue,
} from './mapping';
import { SPRITE, type SoundName } from './sprite.generated';

const arrive = (ticket: number): SimEvent => ({
  type: 'arrive',
  t: ticket,
  ticket,
  customer: `c${ticket}`,
  workType: 'w',
  dept: 'tier1',
});
const handoff = (care: 'quick' | 'thorough', auto = false): SimEvent => ({
  type: 'handoff',
  t: 1,
  ticket: 1,
  from: 'tier1',
  to: 'billing',
  care,
  auto,
});
const finished = (type: 'resolved' | 'abandoned', satisfaction: number): SimEvent => ({
  type,
  t: 1,
  ticket: 1,
  customer: 'c',
  workType: 'w',
  totalSeconds: 60,
  satisfaction,
  segments: [],
});
const status = (s: 'green' | 'amber' | 'red'): SimEvent => ({
  type: 'status',
  t: 1,
  dept: 'tier1',
  status: s,
});

describe('soundForEvent', () => {
  it('maps the events the room should hear', () => {
    expect(soundForEvent(arrive(1))?.sound).toBe('arrive');
    expect(soundForEvent(handoff('quick'))?.sound).toBe('handoffQuick');
    expect(soundForEvent(handoff('thorough'))?.sound).toBe('handoffCareful');
    expect(
      soundForEvent({ type: 'bounce', t: 1, ticket: 1, from: 'a', to: 'b', reason: 'misroute' })?.sound,
    ).toBe('bounce');
    expect(
      soundForEvent({
        type: 'ripple',
        t: 1,
        ticket: 1,
        customer: 'c',
        kind: 'rework',
        source: 'a',
        at: 'b',
        seconds: 30,
      })?.sound,
    ).toBe('ripple');
    expect(soundForEvent(finished('abandoned', 0.1))?.sound).toBe('customerLost');
    expect(soundForEvent(status('red'))?.sound).toBe('warning');
  });

  it('plays the delighted chime only for customers resolved at or above the threshold', () => {
    expect(DELIGHTED_AT).toBe(0.8);
    expect(soundForEvent(finished('resolved', 0.8))?.sound).toBe('delighted');
    expect(soundForEvent(finished('resolved', 1))?.sound).toBe('delighted');
    expect(soundForEvent(finished('resolved', 0.79))).toBeNull();
    // A lost customer is heard whatever their last satisfaction was.
    expect(soundForEvent(finished('abandoned', 0.95))?.sound).toBe('customerLost');
  });

  it('keeps quiet on amber and green lights and on bookkeeping events', () => {
    expect(soundForEvent(status('amber'))).toBeNull();
    expect(soundForEvent(status('green'))).toBeNull();
    const silent: SimEvent[] = [
      { type: 'jobStart', t: 1, ticket: 1, dept: 'a', kind: 'work', end: 2 },
      { type: 'ready', t: 1, ticket: 1, dept: 'a' },
      { type: 'transferArrive', t: 1, ticket: 1, dept: 'a' },
      { type: 'mood', t: 1, ticket: 1, satisfaction: 0.2 },
      { type: 'escalated', t: 1, ticket: 1, customer: 'c' },
      { type: 'request', t: 1, request: 'r', status: 'open' },
      { type: 'levelEvent', t: 1, event: 'e', kind: 'surge', phase: 'start', dept: null, text: null },
      { type: 'staff', t: 1, dept: 'a', staff: 2, away: 0 },
      { type: 'command', t: 1, cmd: { type: 'extend', seconds: 10 }, result: { ok: false, reason: 'no' } },
      { type: 'end', t: 300 },
    ];
    for (const e of silent) expect(soundForEvent(e), e.type).toBeNull();
  });

  it('makes automatic handoffs quieter than the player’s own', () => {
    const own = soundForEvent(handoff('quick'));
    const auto = soundForEvent(handoff('quick', true));
    expect(auto?.sound).toBe('handoffQuick');
    expect(auto?.gain).toBeCloseTo((own?.gain ?? 0) * AUTO_HANDOFF_GAIN);
  });
});

describe('soundsForEvents', () => {
  it('turns fifty arrivals in one frame into one sound', () => {
    const events = Array.from({ length: 50 }, (_, i) => arrive(i));
    expect(soundsForEvents(events).map((r) => r.sound)).toEqual(['arrive']);
  });

  it('keeps one request per sound, the loudest, most important first', () => {
    const events: SimEvent[] = [
      arrive(1),
      handoff('quick', true),
      handoff('quick'),
      status('red'),
      finished('abandoned', 0),
      arrive(2),
    ];
    const out = soundsForEvents(events);
    expect(out.map((r) => r.sound)).toEqual(['customerLost', 'warning', 'handoffQuick', 'arrive']);
    expect(out.find((r) => r.sound === 'handoffQuick')?.gain).toBe(GAIN.handoffQuick);
  });

  it('gives nothing for a frame without audible events', () => {
    expect(soundsForEvents([])).toEqual([]);
    expect(soundsForEvents([status('amber'), { type: 'end', t: 1 }])).toEqual([]);
  });
});

describe('cues and the sprite', () => {
  it('maps every UI cue to a sprite', () => {
    const cues: Record<UiCue, SoundName> = {
      click: 'click',
      pickup: 'pickup',
      drop: 'drop',
      invalid: 'invalid',
      won: 'levelWon',
      lost: 'levelLost',
    };
    for (const [cue, sound] of Object.entries(cues) as Array<[UiCue, SoundName]>) {
      expect(soundForCue(cue).sound).toBe(sound);
      expect(SPRITE[sound]).toBeDefined();
    }
  });

  it('has a gain in 0..1 and a priority for every sprite, and outcomes outrank arrivals', () => {
    for (const name of Object.keys(SPRITE) as SoundName[]) {
      expect(GAIN[name]).toBeGreaterThan(0);
      expect(GAIN[name]).toBeLessThanOrEqual(1);
      expect(typeof PRIORITY[name]).toBe('number');
    }
    expect(PRIORITY.customerLost).toBeGreaterThan(PRIORITY.arrive);
    expect(PRIORITY.levelWon).toBeGreaterThan(PRIORITY.customerLost);
  });
});
