/**
 * After a round, in the facilitator's window: a small strip that decides what the projector window
 * shows, one step at a time (the debrief panels in order, then the questions one by one). The
 * facilitator's own screens show everything; the room sees only what this strip has revealed.
 *
 *   ] shows the next part to the room   [ takes the last one back
 */
import './live.css';
import { isDomOverlayOpen } from '../../ui/overlay';
import { linkStatus, type LiveHub } from './liveHub';
import { formatSimClock } from './presenterBar';
import { DEBRIEF_PANELS, stepReveal, type DebriefPanel, type Revealed } from './sync';

const NAMES: Record<DebriefPanel, string> = {
  outcomes: 'how the customers fared',
  queues: 'queues at each desk',
  ripples: 'where customers’ time went',
  journey: 'one customer’s journey',
  rounds: 'teams side by side',
  questions: 'the questions',
};

/** Plain words for what the room sees now. */
export function describeRevealed(r: Revealed, questionCount: number): string {
  if (r.screen === 'lobby' || r.screen === 'play') return 'The room sees the game.';
  if (r.replay !== null) return `The room sees the replay at ${formatSimClock(r.replay)} ([ takes it away).`;
  if (r.debriefStep === 0) return 'The room sees the score only.';
  const chosen = r.focus ? DEBRIEF_PANELS.indexOf(r.focus) : -1;
  if (chosen >= 0 && chosen < r.debriefStep - 1)
    return `The room sees ${NAMES[r.focus!]} (revealed up to ${r.debriefStep} of ${DEBRIEF_PANELS.length}).`;
  const last = DEBRIEF_PANELS[r.debriefStep - 1]!;
  if (last === 'questions')
    return `The room sees the debrief up to the questions (${r.questions} of ${questionCount}).`;
  return `The room sees the debrief up to ${NAMES[last]} (${r.debriefStep} of ${DEBRIEF_PANELS.length}).`;
}

let strip: { el: HTMLElement; off: () => void } | null = null;
let refit: () => void = () => undefined;

export function hideRevealStrip(): void {
  strip?.off();
  strip = null;
}

/**
 * Shows the strip (after a round ended); it stays until the next round starts (the room still sees that
 * round's results meanwhile), or until `stillOn` turns false (facilitator mode off, or the facilitator
 * left the results for another screen): then `gone` runs once (the room stops seeing the round).
 */
export function showRevealStrip(
  hub: LiveHub,
  questionCount: number,
  refitGame: () => void,
  stillOn: () => boolean,
  gone: () => void = () => undefined,
): void {
  hideRevealStrip();
  refit = refitGame;
  const el = document.createElement('div');
  el.className = 'lv-reveal';
  el.setAttribute('role', 'toolbar');
  el.setAttribute('aria-label', 'What the projector shows');
  const text = document.createElement('span');
  text.className = 'lv-reveal-text';
  text.setAttribute('role', 'status');
  const mk = (label: string, key: string, fn: () => void) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'lv-btn';
    const l = document.createElement('span');
    l.textContent = label;
    const k = document.createElement('kbd');
    k.textContent = key;
    b.append(l, k);
    b.addEventListener('click', fn);
    return b;
  };
  const draw = () => (text.textContent = describeRevealed(hub.revealed(), questionCount));
  const step = (dir: 1 | -1) => {
    const r = hub.revealed();
    if (r.screen === 'play' || r.screen === 'lobby') return;
    hub.reveal(stepReveal(r, dir, questionCount));
    draw();
  };
  const back = mk('Hide last', '[', () => step(-1));
  const next = mk('Show the room the next part', ']', () => step(1));
  // The link holds through the results and the debrief: say so (or that it does not) here too.
  const link = document.createElement('span');
  link.className = 'lv-reveal-link';
  link.setAttribute('role', 'status');
  const drawLink = () => {
    if (!stillOn()) {
      hideRevealStrip();
      gone();
      return;
    }
    draw(); // the debrief changes what the room sees too (a customer, the replay)
    const l = linkStatus(hub, performance.now());
    link.textContent = l.text;
    link.classList.toggle('lv-linked', l.linked);
  };
  drawLink();
  const linkTimer = window.setInterval(drawLink, 500);
  el.append(text, link, back, next);
  const onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target as HTMLElement | null;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA')) return;
    if (e.key !== ']' && e.key !== '[') return;
    // The debrief is a dialog: these two keys still work over it (nothing else there uses them).
    if (isDomOverlayOpen() && !document.querySelector('.rx-debrief')) return;
    e.preventDefault();
    step(e.key === ']' ? 1 : -1);
  };
  window.addEventListener('keydown', onKey, true);
  document.body.append(el);
  document.body.classList.add('lv-has-strip');
  refit();
  draw();
  strip = {
    el,
    off: () => {
      window.removeEventListener('keydown', onKey, true);
      window.clearInterval(linkTimer);
      el.remove();
      document.body.classList.remove('lv-has-strip');
      refit();
    },
  };
}
