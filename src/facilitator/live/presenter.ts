/**
 * The presenter's end of the sync channel: answers an audience's 'hello' with the full state, and sends
 * commands, a few ticks a second, reveals and mute. No clock reads: the caller passes wall-clock ms.
 */
import type { TimedCommand } from '../../sim/types';
import type { PresenterState, Revealed, SyncChannel } from './sync';

export interface PresenterLink {
  /** Sends the full state (after a round starts or restarts; also the answer to 'hello'). */
  sendState(): void;
  /** `index` is the command's position in the sim's command log (0-based). */
  command(run: number, index: number, tc: TimedCommand): void;
  /** Sends a tick at most every `tickEveryMs`, and at once when speed or pause changed. */
  tick(run: number, simTime: number, speed: number, paused: boolean, nowMs: number): void;
  reveal(revealed: Revealed): void;
  mute(muted: boolean): void;
  /** Tells audiences the presenter is gone, and stops listening. */
  close(): void;
}

export function createPresenterLink(
  channel: SyncChannel,
  getState: () => PresenterState,
  opts: { tickEveryMs?: number } = {},
): PresenterLink {
  const every = opts.tickEveryMs ?? 250;
  let lastTickMs = -Infinity;
  let lastSpeed = NaN;
  let lastPaused: boolean | null = null;
  const unsubscribe = channel.subscribe((msg) => {
    if (msg.type === 'hello') channel.post({ type: 'state', ...getState() });
  });
  return {
    sendState: () => channel.post({ type: 'state', ...getState() }),
    command: (run, index, tc) => channel.post({ type: 'command', run, index, ...tc }),
    tick(run, simTime, speed, paused, nowMs) {
      const changed = speed !== lastSpeed || paused !== lastPaused;
      if (!changed && nowMs - lastTickMs < every) return;
      lastTickMs = nowMs;
      lastSpeed = speed;
      lastPaused = paused;
      channel.post({ type: 'tick', run, simTime, speed, paused });
    },
    reveal: (revealed) => channel.post({ type: 'reveal', revealed }),
    mute: (muted) => channel.post({ type: 'mute', muted }),
    close() {
      channel.post({ type: 'bye' });
      unsubscribe();
    },
  };
}
