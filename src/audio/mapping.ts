/**
 * Pure mapping from what happens (sim events, UI cues) to what the room hears. No clock, no audio.
 */
import type { SimEvent } from '../sim/types';
import type { SoundName } from './sprite.generated';

export type UiCue = 'click' | 'pickup' | 'drop' | 'invalid' | 'won' | 'lost';

/** A sound to play: which sprite, at what relative volume (0..1), and how much it matters. */
export interface SoundRequest {
  sound: SoundName;
  gain: number;
  /** Higher wins when a frame has more sounds than we let through. */
  priority: number;
}

/** A resolved customer at or above this satisfaction gets the "delighted" chime. */
export const DELIGHTED_AT = 0.8;

/** Relative importance of each sound: outcomes above process, process above background. */
export const PRIORITY: Readonly<Record<SoundName, number>> = {
  levelWon: 100,
  levelLost: 100,
  customerLost: 80,
  warning: 70,
  delighted: 60,
  ripple: 55,
  bounce: 50,
  invalid: 45,
  handoffCareful: 40,
  handoffQuick: 40,
  pickup: 35,
  drop: 35,
  click: 30,
  arrive: 20,
  ambientBase: 0,
  ambientTension: 0,
};

/** Relative volume of each sound before the master volume. */
export const GAIN: Readonly<Record<SoundName, number>> = {
  levelWon: 1,
  levelLost: 1,
  customerLost: 0.9,
  warning: 0.85,
  delighted: 0.85,
  ripple: 0.85,
  bounce: 0.85,
  invalid: 0.8,
  handoffCareful: 0.85,
  handoffQuick: 0.85,
  pickup: 0.8,
  drop: 0.8,
  click: 0.7,
  arrive: 0.6,
  ambientBase: 0.5,
  ambientTension: 0.5,
};

/** Handoffs the player did not make (standing policy, auto-routing) are quieter than the player's own. */
export const AUTO_HANDOFF_GAIN = 0.45;

function req(sound: SoundName, scale = 1): SoundRequest {
  return { sound, gain: GAIN[sound] * scale, priority: PRIORITY[sound] };
}

/**
 * The sound for one sim event, or null when the event stays silent.
 * Silent on purpose: jobStart, ready, transferArrive, mood (continuous), escalated and levelEvent (the
 * game shows them), staff, request, command (refusals get the UI's 'invalid' cue from the game, so a
 * refused drop is not heard twice), amber status, and 'end' (won or lost is the game's call, via cue()).
 */
export function soundForEvent(e: SimEvent): SoundRequest | null {
  switch (e.type) {
    case 'arrive':
      return req('arrive');
    case 'handoff':
      return req(e.care === 'thorough' ? 'handoffCareful' : 'handoffQuick', e.auto ? AUTO_HANDOFF_GAIN : 1);
    case 'bounce':
      return req('bounce');
    case 'ripple':
      return req('ripple');
    case 'resolved':
      return e.satisfaction >= DELIGHTED_AT ? req('delighted') : null;
    case 'abandoned':
      return req('customerLost');
    case 'status':
      return e.status === 'red' ? req('warning') : null;
    default:
      return null;
  }
}

const CUE_SOUND: Readonly<Record<UiCue, SoundName>> = {
  click: 'click',
  pickup: 'pickup',
  drop: 'drop',
  invalid: 'invalid',
  won: 'levelWon',
  lost: 'levelLost',
};

export function soundForCue(cue: UiCue): SoundRequest {
  return req(CUE_SOUND[cue]);
}

/**
 * One frame's events to the sounds worth playing: one request per distinct sound (the loudest), most
 * important first. Fifty arrivals in a frame give one 'arrive'.
 */
export function soundsForEvents(events: readonly SimEvent[]): SoundRequest[] {
  const best = new Map<SoundName, SoundRequest>();
  for (const e of events) {
    const r = soundForEvent(e);
    if (!r) continue;
    const prev = best.get(r.sound);
    if (!prev || r.gain > prev.gain) best.set(r.sound, r);
  }
  return [...best.values()].sort((a, b) => b.priority - a.priority);
}
