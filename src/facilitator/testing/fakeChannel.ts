/**
 * An in-memory BroadcastChannel for tests (imported by *.test.ts only). Like the real one it clones
 * each message and never delivers to the sender; unlike it, delivery waits for `flush()`, so tests
 * decide exactly when messages arrive.
 */
import type { BroadcastChannelLike } from '../live/sync';

export class FakeBroadcastChannel implements BroadcastChannelLike {
  static open: FakeBroadcastChannel[] = [];
  static queue: Array<{ from: FakeBroadcastChannel; data: unknown }> = [];

  static reset(): void {
    FakeBroadcastChannel.open = [];
    FakeBroadcastChannel.queue = [];
  }

  /** Delivers queued messages (and any they cause) in order. Returns how many were delivered. */
  static flush(): number {
    let n = 0;
    while (FakeBroadcastChannel.queue.length > 0) {
      const { from, data } = FakeBroadcastChannel.queue.shift()!;
      for (const ch of FakeBroadcastChannel.open) {
        if (ch !== from && ch.name === from.name) ch.onmessage?.({ data: structuredClone(data) });
      }
      n++;
    }
    return n;
  }

  onmessage: ((ev: { data: unknown }) => void) | null = null;
  closed = false;

  constructor(readonly name: string) {
    FakeBroadcastChannel.open.push(this);
  }

  postMessage(data: unknown): void {
    if (this.closed) throw new Error('InvalidStateError: channel is closed');
    FakeBroadcastChannel.queue.push({ from: this, data: structuredClone(data) });
  }

  close(): void {
    this.closed = true;
    FakeBroadcastChannel.open = FakeBroadcastChannel.open.filter((c) => c !== this);
  }
}
