/**
 * Pure rate limiting for sounds. Time is passed in (milliseconds on any monotonic clock), never read here,
 * so tests drive it directly.
 */
import type { SoundName } from './sprite.generated';

export interface ThrottleConfig {
  /** Minimum time between two plays of the same sound. */
  minIntervalMs: Partial<Record<SoundName, number>>;
  /** For sounds not listed. */
  defaultMinIntervalMs: number;
  /** At most `max` sounds (of any kind, through allowLimited) in any `ms` window. */
  window: { ms: number; max: number };
}

/**
 * Per-sound minimum intervals. 'arrive' is the frequent one: a burst of arrivals within a second makes one
 * chime. Warnings repeat at most every few seconds so a red board does not nag.
 */
export const DEFAULT_THROTTLE: ThrottleConfig = {
  minIntervalMs: {
    arrive: 1000,
    click: 40,
    pickup: 60,
    drop: 60,
    invalid: 150,
    handoffQuick: 120,
    handoffCareful: 150,
    bounce: 300,
    ripple: 400,
    delighted: 300,
    customerLost: 500,
    warning: 3000,
    levelWon: 1000,
    levelLost: 1000,
  },
  defaultMinIntervalMs: 100,
  window: { ms: 250, max: 3 },
};

export interface Throttle {
  /** True (and records the play) when `sound` has been quiet for its minimum interval. */
  allow(sound: SoundName, nowMs: number): boolean;
  /** Like allow, and also within the shared window budget. For sim sounds; UI feedback uses allow. */
  allowLimited(sound: SoundName, nowMs: number): boolean;
  reset(): void;
}

export function createThrottle(config: ThrottleConfig = DEFAULT_THROTTLE): Throttle {
  const last = new Map<SoundName, number>();
  let recent: number[] = [];

  const interval = (s: SoundName): number => config.minIntervalMs[s] ?? config.defaultMinIntervalMs;

  const quietEnough = (s: SoundName, now: number): boolean => {
    const t = last.get(s);
    // A clock that went backwards (a new time base) starts afresh rather than muting for a long time.
    return t === undefined || now < t || now - t >= interval(s);
  };

  const windowHasRoom = (now: number): boolean => {
    recent = recent.filter((t) => t <= now && now - t < config.window.ms);
    return recent.length < config.window.max;
  };

  return {
    allow(s, now) {
      if (!Number.isFinite(now) || !quietEnough(s, now)) return false;
      last.set(s, now);
      return true;
    },
    allowLimited(s, now) {
      if (!Number.isFinite(now) || !quietEnough(s, now) || !windowHasRoom(now)) return false;
      last.set(s, now);
      recent.push(now);
      return true;
    },
    reset() {
      last.clear();
      recent = [];
    },
  };
}
