/**
 * Turns a frame's sim events into what the player sees and hears: toasts in plain words, ripple
 * animations towards the customer's face, and the audio batch.
 *
 * A toast that tells of a state that ends (a request waiting or late, a desk overloaded, a customer
 * wanting a manager, an absence or outage) is withdrawn the moment that state ends, paused or not:
 * "Grant it when you can" goes when the request is granted, not 4 seconds later. Toasts of things that
 * happened (a ripple, a customer who gave up, a request done) stay their time.
 */
import type { Level } from '../../level/schema';
import { careIsChosen, commandEnabled, playerGrants } from '../../sim/index';
import type { Segment, SimEvent } from '../../sim/types';
import { causeWords } from '../scenes/resultsExplain';
import type { UiStoreApi } from '../../store/store';
import type { GameAudio } from '../../audio/index';
import type { Pt } from './interpolate';
import type { CustomerColumn } from './CustomerColumn';
import type { RippleFx } from './RippleFx';
import {
  abandonedToast,
  escalatedToast,
  formatSeconds,
  levelEventToast,
  overloadToast,
  requestToast,
  rippleToast,
} from './rippleText';

export interface FeedDeps {
  level: Level;
  store: UiStoreApi;
  audio: GameAudio | null;
  ripples: RippleFx;
  customers: CustomerColumn;
  deptName(id: string): string;
  deptPos(id: string): Pt | null;
  reducedMotion(): boolean;
  /** Shows an incident's start as a banner the room can read (once per event); toasts otherwise. */
  banner?(text: string): void;
}

export class EventFeed {
  private readonly lastOverload = new Map<string, number>();

  constructor(private readonly d: FeedDeps) {}

  private toast(
    text: string,
    kind: 'info' | 'ripple' | 'bounce' | 'warning' | 'error',
    nowMs: number,
    about?: string,
  ): void {
    this.d.store.getState().toast(text, kind, nowMs, about);
  }

  /** The state a toast told of has ended: it goes. */
  private withdraw(about: string): void {
    this.d.store.getState().withdraw(about);
  }

  /** What a customer who gave up waited on most (not the work itself), in plain words. */
  private mainWait(segments: readonly Segment[]): { words: string; seconds: number } | undefined {
    const by = new Map<string, number>();
    for (const s of segments)
      if (!s.cause.startsWith('service:')) by.set(s.cause, (by.get(s.cause) ?? 0) + s.to - s.from);
    let best: [string, number] | undefined;
    for (const e of by) if (!best || e[1] > best[1]) best = e;
    return best && best[1] >= 1 ? { words: causeWords(best[0], this.d.level), seconds: best[1] } : undefined;
  }

  handle(events: readonly SimEvent[], nowMs: number): void {
    const d = this.d;
    if (events.length === 0) return;
    try {
      d.audio?.onSimEvents(events, nowMs);
    } catch (e) {
      console.error('audio failed on sim events', e);
    }
    for (const ev of events) {
      switch (ev.type) {
        case 'ripple': {
          this.toast(rippleToast(ev, d.deptName, fixedNotes(d.level, ev.source)), ev.kind === 'misroute' ? 'bounce' : 'ripple', nowMs);
          const src = d.deptPos(ev.source);
          const at = d.deptPos(ev.at);
          const face = d.customers.ripplePos(ev.ticket);
          const path = [src, at, face].filter((p): p is Pt => p !== null);
          const label = `+${formatSeconds(ev.seconds)}`;
          d.ripples.play(path, d.reducedMotion(), () => d.customers.hit(ev.ticket, label));
          break;
        }
        case 'abandoned':
          this.withdraw(`ticket:${ev.ticket}`);
          this.toast(
            abandonedToast(ev.customer, ev.totalSeconds, this.mainWait(ev.segments)),
            'warning',
            nowMs,
          );
          break;
        case 'escalated':
          this.toast(escalatedToast(ev.customer), 'warning', nowMs, `ticket:${ev.ticket}`);
          break;
        case 'resolved':
          this.withdraw(`ticket:${ev.ticket}`);
          break;
        case 'levelEvent':
          if (ev.phase === 'end') this.withdraw(`event:${ev.event}`);
          if (ev.phase === 'start' && d.banner) d.banner(levelEventToast(ev, d.deptName));
          else
            this.toast(
              levelEventToast(ev, d.deptName),
              ev.phase === 'start' && ev.kind !== 'surge' ? 'warning' : 'info',
              nowMs,
              ev.phase === 'start' ? `event:${ev.event}` : undefined,
            );
          break;
        case 'command':
          // A grant the sim took (a late request's grant changes no status): its request waits no more.
          if (ev.cmd.type === 'grant' && ev.result.ok) this.withdraw(`request:${ev.cmd.request}`);
          break;
        case 'request': {
          // Any news of a request ends what was said of it before (open, then granted, late or done).
          if (ev.status !== 'open') this.withdraw(`request:${ev.request}`);
          const r = d.level.internalRequests.find((q) => q.id === ev.request);
          if (!r) break;
          const text = requestToast(
            r.title,
            d.deptName(r.from),
            d.deptName(r.to),
            ev.status,
            playerGrants(d.level.actions, r),
            r.effect.kind === 'hire' ? { staff: r.effect.staff, seconds: r.effect.rampSeconds } : undefined,
          );
          // Open or late, it tells of a wait; done is news that stays its time.
          const about = ev.status === 'open' || ev.status === 'late' ? `request:${ev.request}` : undefined;
          if (text) this.toast(text, ev.status === 'late' ? 'warning' : 'info', nowMs, about);
          break;
        }
        case 'status': {
          if (ev.status !== 'red') {
            this.withdraw(`overload:${ev.dept}`);
            break;
          }
          const last = this.lastOverload.get(ev.dept) ?? -Infinity;
          if (nowMs - last < 20_000) break;
          this.lastOverload.set(ev.dept, nowMs);
          this.toast(overloadToast(d.deptName(ev.dept)), 'warning', nowMs, `overload:${ev.dept}`);
          break;
        }
        default:
          break;
      }
    }
  }
}

/** A desk's notes when the player has no say in them (no notes choice, no desk policy to change), else null. */
export function fixedNotes(level: Level, dept: string): 'quick' | 'thorough' | null {
  if (careIsChosen(level.actions) || commandEnabled(level.actions, 'setPolicy')) return null;
  return level.departments.find((x) => x.id === dept)?.handoffCare ?? 'quick';
}
