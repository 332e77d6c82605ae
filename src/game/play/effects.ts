/**
 * What the board does with the routing controller's effects: commands go to the sim (a refusal becomes
 * a toast and a sound), speed and pause to the store, messages and warnings to toasts and the bottom
 * line. The scene reads the sim again afterwards; the sim stays the only owner of game truth.
 */
import type { Sim } from '../../sim/types';
import type { Speed } from '../../store/store';
import { getApp } from '../context';
import type { Effect } from './routingController';
import { refusalToast } from './rippleText';

export interface EffectDeps {
  sim(): Sim;
  now(): number;
  deptName(id: string): string;
  /** Someone else (the facilitator, or the live server) runs the clock of this round. */
  clockElsewhere(): boolean;
  menu(): void;
  /** The bottom line says this until `untilMs` (a send confirmed, or warned about). */
  say(text: string, untilMs: number): void;
}

/** A speed button (mouse or touch, unmistakably about the clock): plays at that speed, and says so when it resumes. */
export function changeSpeed(s: Speed, now: number): void {
  const st = getApp().store.getState();
  const wasPaused = st.speed === 0;
  // The Pause button pressed again while paused reads "Resume": it goes on at the speed before.
  if (s === 0 && wasPaused) s = st.lastSpeed;
  st.setSpeed(s);
  st.withdraw('speed');
  if (wasPaused && s !== 0) st.toast(`Playing at ${s}x`, 'info', now, 'speed');
}

/**
 * A speed key (1, 2, 3). While paused it only chooses the speed to go on at, and the board says so
 * ("Paused: press Space to go on at 2x"): the same digits name the desks, and a player thinking while
 * paused who presses 2 meaning desk 2 must not start the clock. Playing, it changes the speed at once.
 * Returns what the bottom line should say, if anything.
 */
export function speedKey(s: Exclude<Speed, 0>): string | null {
  const app = getApp();
  const st = app.store.getState();
  if (st.speed !== 0) {
    st.setSpeed(s);
    return null;
  }
  // One update (setSpeed would un-pause for a moment, and a projector window would see it).
  app.store.setState({ lastSpeed: s });
  return `Paused: press Space to go on at ${s}x`;
}

export function applyEffects(fx: readonly Effect[], d: EffectDeps): void {
  const app = getApp();
  const st = app.store.getState();
  const now = d.now();
  const sim = d.sim();
  for (const f of fx) {
    switch (f.type) {
      case 'command': {
        const cmd = f.cmd;
        // A move takes a free person at once, else the next to finish a job (the sim's rule): read before.
        const giver = cmd.type === 'moveStaff' ? sim.view().departments.find((x) => x.id === cmd.from) : undefined;
        const freeNow = giver ? giver.staff - giver.away - giver.busy > 0 : false;
        const res = sim.apply(cmd);
        if (!res.ok) {
          st.toast(refusalToast(res.reason), 'error', now);
          app.audio?.cue('invalid', now);
        } else {
          app.audio?.cue(f.cmd.type === 'route' || f.cmd.type === 'moveStaff' ? 'drop' : 'click', now);
          if (cmd.type === 'route') {
            const who = sim.ticket(cmd.ticket)?.customer ?? 'the ticket';
            d.say(`Sent ${who} to ${d.deptName(cmd.to)}`, now + 3500);
          } else if (cmd.type === 'moveStaff') {
            // A move is confirmed too; one from a desk where everyone is busy waits for a job to end.
            const from = d.deptName(cmd.from);
            const to = d.deptName(cmd.to);
            d.say(
              freeNow
                ? `Moved one person from ${from} to ${to}`
                : `The next person at ${from} to finish a job goes to ${to}`,
              now + 4000,
            );
          }
        }
        break;
      }
      case 'speed':
      case 'togglePause':
        if (d.clockElsewhere()) st.toast('The facilitator runs the clock of this round', 'info', now);
        else if (f.type === 'speed') {
          const said = speedKey(f.speed);
          if (said) d.say(said, now + 4000);
        } else {
          st.togglePause();
          // "Playing at 2x" is no longer true once paused.
          st.withdraw('speed');
        }
        break;
      case 'care':
        st.select({ care: f.care });
        break;
      case 'quit':
        if (d.clockElsewhere()) break;
        d.menu();
        return;
      case 'message':
        st.toast(f.text, 'info', now);
        break;
      case 'warn':
        // A send the sim took but that will come back: said at once, on a toast and the bottom line.
        st.toast(f.text, 'warning', now);
        d.say(f.text, now + 5000);
        app.audio?.cue('invalid', now);
        break;
      case 'cue':
        app.audio?.cue(f.name, now);
        break;
    }
  }
}
