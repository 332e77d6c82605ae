/**
 * The facilitator's control bar during play (facilitator mode only): a DOM strip under the board with
 * big buttons, each also on a key shown on the button. Keys are chosen not to clash with play keys
 * (Space/P, 1/2/3, Tab, arrows, Enter, N, 1–9, Q, T, L, -, G, F, S, Escape).
 *
 *   Pause Space · Step . · 1x 2x 4x 1 2 3 · +1 minute + · Restart R · Levels J
 *   injects Shift+1… · Bookmark B · Projector window O · Mute here M · Projector mode V
 *
 * Bookmarks go to the active session round (saved at once); without a round they are kept for this run
 * only and the toast says so. All texts go in with textContent.
 */
import './live.css';
import { injectsOf, type Inject } from '../../level/injects';
import type { Level } from '../../level/schema';
import type { Command, Sim } from '../../sim/types';
import type { Speed, UiStoreApi } from '../../store/store';
import { isDomOverlayOpen } from '../../ui/overlay';
import { linkStatus, type LiveHub } from './liveHub';
import { audienceUrl, openProjectorWindow } from './liveWindow';
import { isProjector, toggleProjector } from './projector';
import { getActiveRound, setActiveRound } from '../session/activeRound';
import { bookmarkActiveRound, getSessionStore } from '../session/roundRecorder';
import { findRound, MAX_BOOKMARK_NOTE, type Round } from '../session/session';

export const STEP_SECONDS = 5;
export const EXTEND_SECONDS = 60;

export interface BarContext {
  level: Level;
  store: UiStoreApi;
  hub: LiveHub;
  sim(): Sim;
  apply(cmd: Command): void;
  restart(): void;
  menu(): void;
  isEnded(): boolean;
  /** Silences this window's sound (the projector window keeps playing). */
  silence(on: boolean): void;
  /** The game canvas must refit after the bar takes or gives back room. */
  refit(): void;
}

export interface PresenterBar {
  destroy(): void;
}

export function formatSimClock(t: number): string {
  const s = Math.max(0, Math.floor(t));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function button(label: string, key: string, onClick: () => void, cls = ''): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = `lv-btn ${cls}`.trim();
  const l = document.createElement('span');
  l.className = 'lv-label';
  l.textContent = label;
  const k = document.createElement('kbd');
  k.textContent = key;
  b.append(l, k);
  b.addEventListener('click', (e) => {
    e.preventDefault();
    onClick();
    (document.querySelector('#game canvas') as HTMLElement | null)?.focus();
  });
  return b;
}

const setLabel = (b: HTMLButtonElement, text: string) => {
  const l = b.querySelector('.lv-label');
  if (l) l.textContent = text;
};

/** This window's mute, kept across restarts of the level. */
let silenced = false;

export function mountPresenterBar(ctx: BarContext): PresenterBar {
  const { store, hub } = ctx;
  const st = () => store.getState();
  const toast = (text: string, kind: 'info' | 'warning' = 'info') =>
    st().toast(text, kind, performance.now());
  const localMarks: Array<{ t: number; note: string }> = [];

  const bar = document.createElement('div');
  bar.className = 'lv-bar';
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', 'Facilitator controls');
  const row1 = document.createElement('div');
  row1.className = 'lv-row';
  const row2 = document.createElement('div');
  row2.className = 'lv-row';
  const row3 = document.createElement('div');
  row3.className = 'lv-row';
  bar.append(row1, row2);

  const pause = button('Pause', 'Space', () => st().togglePause(), 'lv-main');
  const step = button(`Step ${STEP_SECONDS} s`, '.', () => doStep());
  const speeds = ([1, 2, 4] as const).map((s, i) => ({
    s,
    b: button(`${s}x`, String(i + 1), () => st().setSpeed(s as Speed), 'lv-speed'),
  }));
  const extend = button('+1 minute', '+', () => doExtend());
  const restart = button('Restart', 'R', () => askFirst('restart'));
  const levels = button('Levels', 'J', () => askFirst('leave'));
  const clock = document.createElement('span');
  clock.className = 'lv-clock';
  for (const b of [pause, step, ...speeds.map((x) => x.b), extend, restart, levels, clock]) row1.append(b);

  const injects = injectsOf(ctx.level).slice(0, 9);
  const injectBtns = injects.map((inj, i) => {
    const b = button(inj.label, `⇧${i + 1}`, () => doInject(inj), 'lv-inject');
    b.title = inj.text;
    return b;
  });
  const mark = button('Bookmark', 'B', () => openMark(), 'lv-mark');
  const projWin = button('Projector window', 'O', () => openWindow());
  const mute = button('Mute here', 'M', () => doMute());
  const projMode = button('Projector mode', 'V', () => doProjector());
  const room = document.createElement('span');
  room.className = 'lv-room';
  room.setAttribute('role', 'status');
  row2.append(mark, projWin, mute, projMode, room);
  if (injectBtns.length > 0) {
    const what = document.createElement('span');
    what.className = 'lv-what';
    what.textContent = 'Live events:';
    for (const b of [what, ...injectBtns]) row3.append(b);
    bar.append(row3);
    bar.classList.add('lv-three');
  }

  const markBox = document.createElement('form');
  markBox.className = 'lv-markbox';
  const markLabel = document.createElement('label');
  const markInput = document.createElement('input');
  markInput.type = 'text';
  markInput.maxLength = MAX_BOOKMARK_NOTE;
  markInput.placeholder = 'What happened? (optional)';
  markInput.setAttribute('aria-label', 'Bookmark note');
  const markHelp = document.createElement('span');
  markHelp.className = 'lv-help';
  markHelp.textContent = 'Enter saves · Escape cancels';
  markBox.append(markLabel, markInput, markHelp);
  markBox.hidden = true;
  bar.append(markBox);
  let markT = 0;

  function doStep(): void {
    if (ctx.isEnded()) return;
    if (st().speed !== 0) st().setSpeed(0);
    const sim = ctx.sim();
    if (!sim.isOver()) sim.advanceTo(Math.min(sim.view().end, sim.now() + STEP_SECONDS));
  }
  function doExtend(): void {
    if (ctx.isEnded()) return;
    ctx.apply({ type: 'extend', seconds: EXTEND_SECONDS });
    toast('One more minute on the clock.');
  }
  function doInject(inj: Inject): void {
    if (ctx.isEnded()) return;
    // The board shows the incident as a banner (once) when the sim starts it: no second toast here.
    ctx.apply({ type: 'inject', event: inj.id });
  }
  function openWindow(): void {
    const link = hub.newLink();
    const w = openProjectorWindow(hub.sessionId(), link);
    if (!w)
      toast(`The browser blocked the new window. Open ${audienceUrl(hub.sessionId(), link)} yourself.`, 'warning');
    else toast('Projector window opened: move it to the projector screen. It links in a moment.');
  }
  function doMute(): void {
    silenced = !silenced;
    ctx.silence(silenced);
    toast(
      silenced
        ? 'This window is quiet now. The projector window still plays sound.'
        : 'This window plays sound again.',
    );
  }
  function doProjector(): void {
    const on = toggleProjector(store);
    toast(
      on
        ? 'Projector mode: bigger text and no key hints, now.'
        : 'Projector mode off.',
    );
  }
  function openMark(): void {
    if (ctx.isEnded()) return;
    markT = ctx.sim().now();
    markLabel.textContent = `Bookmark at ${formatSimClock(markT)}`;
    markInput.value = '';
    markBox.hidden = false;
    markBox.classList.add('re-overlay'); // the game ignores keys while the note is typed
    markInput.focus();
  }
  function closeMark(save: boolean): void {
    if (markBox.hidden) return;
    markInput.blur(); // a hidden input keeps the focus until the next frame and would swallow the next key
    markBox.hidden = true;
    markBox.classList.remove('re-overlay');
    (document.querySelector('#game canvas') as HTMLElement | null)?.focus();
    if (!save) return;
    const note = markInput.value.replace(/\s+/g, ' ').trim() || 'Marked';
    const saved = bookmarkActiveRound(markT, note);
    if (!saved) localMarks.push({ t: markT, note });
    toast(
      saved
        ? `Bookmark ${formatSimClock(markT)}: ${note}`
        : `Bookmark ${formatSimClock(markT)}: ${note} (no session round is running, so it is kept for this game only)`,
    );
  }
  // R and J on a session round ask first: a slip of the finger must not throw a team's game away.
  const askBox = document.createElement('div');
  askBox.className = 'lv-markbox lv-ask';
  const askText = document.createElement('span');
  askText.className = 'lv-ask-text';
  const askYes = button('', 'Enter', () => closeAsk(true), 'lv-main');
  const askNo = button('Keep playing', 'Esc', () => closeAsk(false));
  askBox.append(askText, askYes, askNo);
  askBox.hidden = true;
  bar.append(askBox);
  let asking: { kind: 'restart' | 'leave'; round: Round; speed: Speed } | null = null;

  function playingRound(): Round | null {
    const a = getActiveRound();
    const session = getSessionStore().getState().session;
    if (!a || session.id !== a.sessionId) return null;
    const r = findRound(session, a.roundId);
    return r?.status === 'playing' ? r : null;
  }
  function askFirst(kind: 'restart' | 'leave'): void {
    const round = ctx.isEnded() ? null : playingRound();
    if (!round) {
      if (kind === 'restart') ctx.restart();
      else ctx.menu();
      return;
    }
    asking = { kind, round, speed: st().speed };
    st().setSpeed(0);
    askText.textContent =
      kind === 'restart'
        ? `Start ${round.team}'s round again from the beginning? What they played so far is not kept.`
        : `Leave ${round.team}'s round? It is not kept, and goes back to the plan to be played later.`;
    setLabel(askYes, kind === 'restart' ? 'Start again' : 'Leave the round');
    askBox.hidden = false;
    askBox.setAttribute('role', 'alertdialog'); // only while open: the game ignores keys meanwhile
    askBox.classList.add('re-overlay');
    askYes.focus();
  }
  function closeAsk(yes: boolean): void {
    const a = asking;
    if (!a) return;
    asking = null;
    askBox.hidden = true;
    askBox.removeAttribute('role');
    askBox.classList.remove('re-overlay');
    if (!yes) {
      st().setSpeed(a.speed);
      return;
    }
    const sessions = getSessionStore().getState();
    if (a.kind === 'restart') {
      sessions.restartRound(a.round.id);
      ctx.restart();
    } else {
      sessions.stopRound(a.round.id);
      setActiveRound(null);
      ctx.menu();
    }
  }
  const onAskKey = (e: KeyboardEvent) => {
    if (!asking) return;
    if (e.key !== 'Enter' && e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    closeAsk(e.key === 'Enter');
  };
  window.addEventListener('keydown', onAskKey, true);

  markBox.addEventListener('submit', (e) => {
    e.preventDefault();
    closeMark(true);
  });
  markInput.addEventListener('keydown', (e) => {
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      closeMark(false);
    }
  });

  const onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
    const target = e.target as HTMLElement | null;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA')) return;
    if (isDomOverlayOpen()) return;
    const digit = /^Digit([1-9])$/.exec(e.code);
    let act: (() => void) | null = null;
    if (e.shiftKey && digit) {
      const inj = injects[Number(digit[1]) - 1];
      if (inj) act = () => doInject(inj);
    } else {
      const k = e.key.toLowerCase();
      const keys: Record<string, () => void> = {
        '.': doStep,
        '+': doExtend,
        '=': doExtend,
        r: () => askFirst('restart'),
        j: () => askFirst('leave'),
        b: openMark,
        o: openWindow,
        // The key cap "O" reads as a zero to many (a blind playtester pressed 0): both open it.
        '0': openWindow,
        m: doMute,
        v: doProjector,
      };
      act = keys[k] ?? null;
    }
    if (!act) return;
    e.preventDefault();
    act();
  };
  window.addEventListener('keydown', onKey);

  // Redrawn as the store changes (a key pressed on the board shows here at once) and every 200 ms for
  // the clock and the projector link, which change without the store.
  const redraw = (): void => {
    const s = st();
    const paused = s.speed === 0;
    setLabel(pause, paused ? 'Resume' : 'Pause');
    pause.classList.toggle('lv-on', paused);
    for (const { s: sp, b } of speeds) b.classList.toggle('lv-on', !paused && s.speed === sp);
    setLabel(projMode, isProjector(s.settings) ? 'Projector mode: on' : 'Projector mode');
    projMode.classList.toggle('lv-on', isProjector(s.settings));
    setLabel(mute, silenced ? 'Sound here: off' : 'Mute here');
    mute.classList.toggle('lv-on', silenced);
    const sim = ctx.sim();
    const v = sim.view();
    clock.textContent = `${formatSimClock(sim.now())} of ${formatSimClock(v.end)}${paused ? ' · paused' : ` · ${s.speed}x`}`;
    const link = linkStatus(hub, performance.now());
    room.textContent = link.text;
    room.classList.toggle('lv-linked', link.linked);
    room.classList.toggle('lv-warn', link.warn);
  };
  const refresh = window.setInterval(redraw, 200);
  let shownSpeed = st().speed;
  let shownSettings = st().settings;
  const unsubscribe = store.subscribe((s) => {
    if (s.speed === shownSpeed && s.settings === shownSettings) return;
    shownSpeed = s.speed;
    shownSettings = s.settings;
    redraw();
  });

  document.body.append(bar);
  document.body.classList.add('lv-has-bar');
  document.body.classList.toggle('lv-bar-three', injectBtns.length > 0);
  ctx.refit();
  return {
    destroy() {
      window.clearInterval(refresh);
      unsubscribe();
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keydown', onAskKey, true);
      bar.remove();
      document.body.classList.remove('lv-has-bar', 'lv-bar-three');
      ctx.refit();
    },
  };
}
