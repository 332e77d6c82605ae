/**
 * The debrief over the game (DOM dialog): pick a finished round, replay it with the time scrubber, then
 * the charts, ripple trace, one customer's swimlane, rounds side by side, the level's questions and the
 * bookmarks (./debriefView.ts draws those). Opened from the results screen and the session panel.
 */
import '../facilitator.css';
import type { Level } from '../../level/schema';
import { renderDebrief, type DebriefHandle } from './debriefView';
import { compareSet } from '../panel/panelModel';
import { mountScrubber, setChartCursor, type ScrubberHandle } from './scrubber';
import { replayLength } from './scrubberModel';
import type { Round } from '../session/session';
import { finishedRounds } from '../session/session';
import type { SessionStoreApi } from '../session/sessionStore';
import { el, button, keepPointerInside } from '../../ui/dom';
import type { Revealed } from '../live/sync';

export interface DebriefOverlayDeps {
  store: SessionStoreApi;
  /** The level file for a round, when it is loaded here (names, questions, replay). */
  levelOf(levelId: string): Level | null;
  /** Offered as a "Session" button when set. */
  openSession?(): void;
  onClose?(): void;
  /** The projector window this window presents to, if any: it follows the chosen customer and the replay. */
  room?: RoomControl | null;
}

/** What the debrief may change on the room's screen (the live hub, see ../live/liveHub.ts). */
export interface RoomControl {
  /** True when the room shows this round after play (its results or debrief). */
  follows(roundId: string): boolean;
  revealed(): Revealed;
  reveal(r: Revealed): void;
}

export interface DebriefOverlayOptions {
  /** A round of the session. */
  roundId?: string;
  /** A round outside the session (a play that was not a session round). */
  round?: Round;
  /** Start on the rounds side by side. */
  compare?: boolean;
}

export interface DebriefOverlayHandle {
  readonly root: HTMLElement;
  close(): void;
}

let current: DebriefOverlayHandle | null = null;

const TIME_CHARTS = '.rx-panel-outcomes canvas, .rx-panel-queues canvas';

export function openDebriefOverlay(
  deps: DebriefOverlayDeps,
  opts: DebriefOverlayOptions = {},
): DebriefOverlayHandle {
  current?.close();
  const { store } = deps;
  const session = () => store.getState().session;
  const loose = opts.round;
  const finished = (): Round[] => [...finishedRounds(session()), ...(loose?.result ? [loose] : [])];

  let roundId = opts.roundId ?? loose?.id ?? finished().at(-1)?.id ?? null;
  let customer: number | null = null;
  /** Round ids side by side; starts with the rounds of the same level and seed. */
  let chosen = new Set(compareSet(session(), roundId ?? undefined).map((r) => r.id));

  const backdrop = el('div', 'rx-overlay');
  backdrop.setAttribute('role', 'dialog');
  backdrop.setAttribute('aria-modal', 'true');
  backdrop.setAttribute('aria-label', 'Debrief');
  const bar = el('header', 'rx-overlay-bar');
  const title = el('h2', 'rx-overlay-title', 'Debrief');
  const roundSelect = el('select', 'rx-input');
  roundSelect.setAttribute('aria-label', 'Round');
  roundSelect.dataset.testid = 'debrief-round';
  const nav = el('nav', 'rx-overlay-nav');
  const jump = (label: string, selector: string) =>
    button(
      label,
      'rx-btn-quiet',
      () => body.querySelector(selector)?.scrollIntoView({ block: 'start', behavior: 'auto' }),
      `jump-${label.toLowerCase().replace(/\W+/g, '-')}`,
    );
  nav.append(
    jump('Replay', '.rx-overlay-scrub'),
    jump('Charts', '.rx-panel-outcomes'),
    jump('Ripples', '.rx-panel-ripples'),
    jump('Journey', '.rx-panel-journey'),
    jump('Side by side', '.rx-panel-rounds'),
    jump('Questions', '.rx-panel-questions'),
  );
  const right = el('div', 'rx-overlay-actions');
  if (deps.openSession)
    right.append(
      button(
        'Session',
        '',
        () => {
          close();
          deps.openSession?.();
        },
        'debrief-session',
      ),
    );
  right.append(button('Close (Esc)', 'rx-btn-quiet', () => close(), 'debrief-close'));
  bar.append(title, roundSelect, nav, right);

  const body = el('div', 'rx-overlay-body');
  body.tabIndex = -1; // has the focus on opening: PageDown, Space and End scroll it (on the round list they would change the round)
  const scrubHost = el('div', 'rx-overlay-scrub');
  const chooser = el('fieldset', 'rx-compare-chooser');
  const debriefHost = el('div', 'rx-overlay-debrief');
  body.append(scrubHost, chooser, debriefHost);
  backdrop.append(bar, body);

  let view: DebriefHandle | null = null;
  let scrub: ScrubberHandle | null = null;

  const roundById = (id: string | null): Round | undefined => finished().find((r) => r.id === id);
  /** The room's screen, when it shows the round open here. */
  const room = (): RoomControl | null => {
    const r = deps.room;
    return r && roundId !== null && r.follows(roundId) ? r : null;
  };
  const toRoom = (change: (r: Revealed) => Revealed) => {
    const r = room();
    if (r) r.reveal(change(r.revealed()));
  };
  // The room already shows a customer of this round: start on the same one.
  customer = room()?.revealed().customer ?? null;

  function fillRoundSelect(): void {
    roundSelect.replaceChildren();
    finished().forEach((r) => {
      const n = session().rounds.findIndex((x) => x.id === r.id);
      const score = r.result ? ` (${Math.floor(r.result.score.total)})` : '';
      // A session round says its number and team; a play outside the session is just 'This play (94)'.
      const what = n >= 0 ? `Round ${n + 1}: ${r.team}` : r.team === 'This play' ? 'This play' : `This play: ${r.team}`;
      const o = el('option', undefined, `${what}${score}`);
      o.value = r.id;
      o.selected = r.id === roundId;
      roundSelect.append(o);
    });
  }

  function fillChooser(): void {
    chooser.replaceChildren(el('legend', undefined, 'Side by side'));
    for (const r of finished()) {
      const label = el('label', 'rx-check');
      const box = el('input');
      box.type = 'checkbox';
      box.checked = chosen.has(r.id);
      box.dataset.round = r.id;
      box.addEventListener('change', () => {
        if (box.checked) chosen.add(r.id);
        else chosen.delete(r.id);
        drawDebrief();
      });
      const score = r.result ? ` (${Math.floor(r.result.score.total)})` : '';
      label.append(box, el('span', undefined, `${r.team}${score}`));
      chooser.append(label);
    }
  }

  function drawDebrief(): void {
    const round = roundById(roundId);
    if (!round) {
      view?.destroy();
      debriefHost.replaceChildren(
        el('p', 'rx-empty', 'No round has finished yet. Play a round to the end to debrief it.'),
      );
      return;
    }
    const level = round.result?.level ?? deps.levelOf(round.levelId);
    const compare = finished().filter((r) => chosen.has(r.id));
    const data = { round, level, compare: compare.length ? compare : [round], customer };
    if (view) view.update(data);
    else
      view = renderDebrief(debriefHost, data, {
        projector: false,
        reducedMotion: true,
        onSelectCustomer: (t) => {
          customer = t;
          // The room's screen shows this customer's journey too (once the journey has been revealed).
          toRoom((r) => ({ ...r, customer: t, focus: 'journey', replay: null }));
          drawDebrief();
          body.querySelector('.rx-panel-journey')?.scrollIntoView({ block: 'start' });
        },
      });
    if (scrub) setChartCursor(debriefHost, TIME_CHARTS, scrub.time());
  }

  function drawScrubber(): void {
    const at = scrub?.time();
    scrub?.destroy();
    scrub = null;
    scrubHost.replaceChildren();
    const round = roundById(roundId);
    const result = round?.result;
    if (!round || !result) return;
    const level = round.result?.level ?? deps.levelOf(round.levelId);
    const head = el('div', 'rx-scrub-head');
    head.append(el('h2', 'rx-section-title', 'Replay the round'));
    scrubHost.append(head);
    if (!level) {
      scrubHost.append(
        el(
          'p',
          'rx-warn',
          `The level "${round.levelId}" is not loaded here, so the round cannot be replayed. The charts below still work.`,
        ),
      );
      return;
    }
    // Minutes the facilitator added count: the replay runs to the round's real end.
    const duration = replayLength(level, round.seed, result);
    scrub = mountScrubber(scrubHost, {
      level,
      seed: round.seed,
      commandLog: result.commandLog,
      duration,
      bookmarks: round.bookmarks,
      start: at,
      onTime: (t) => {
        setChartCursor(debriefHost, TIME_CHARTS, t);
        if (room()?.revealed().replay != null) toRoom((r) => ({ ...r, replay: t }));
      },
      // Notes made in the debrief are kept with the round (only rounds of the session are saved).
      onMark: session().rounds.some((r) => r.id === round.id)
        ? (t, note) => void store.getState().addBookmark(round.id, t, note || 'Marked in the debrief')
        : undefined,
    });
    roomReplayButton(head);
  }

  /** "Show the room this replay": the room's screen then shows the board at the scrubber's time, and follows it. */
  function roomReplayButton(head: HTMLElement): void {
    if (!room()) return;
    const label = () => (room()?.revealed().replay != null ? 'Stop showing the room the replay' : 'Show the room this replay');
    const b = button(
      label(),
      'rx-btn-quiet',
      () => {
        const on = room()?.revealed().replay != null;
        toRoom((r) => ({ ...r, replay: on ? null : (scrub?.time() ?? 0) }));
        b.textContent = label();
      },
      'replay-to-room',
    );
    head.append(b);
  }

  function drawAll(): void {
    fillRoundSelect();
    fillChooser();
    drawScrubber();
    drawDebrief();
  }

  roundSelect.addEventListener('change', () => {
    roundId = roundSelect.value;
    customer = null;
    chosen = new Set(compareSet(session(), roundId).map((r) => r.id));
    if (loose && roundId === loose.id) chosen.add(loose.id);
    drawAll();
  });

  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    close();
  };
  window.addEventListener('keydown', onKey, true);
  // Bookmarks added meanwhile (or a round finished in another window) show up.
  let lastSession = session();
  const unsubscribe = store.subscribe((s) => {
    if (s.session === lastSession) return;
    const before = lastSession.rounds.find((r) => r.id === roundId)?.bookmarks;
    lastSession = s.session;
    fillRoundSelect();
    fillChooser();
    if (s.session.rounds.find((r) => r.id === roundId)?.bookmarks !== before) drawScrubber();
    drawDebrief();
  });

  function close(): void {
    if (current !== handle) return;
    current = null;
    unsubscribe();
    window.removeEventListener('keydown', onKey, true);
    view?.destroy();
    scrub?.destroy();
    backdrop.remove();
    deps.onClose?.();
  }

  keepPointerInside(backdrop);
  document.body.append(backdrop);
  if (loose) chosen.add(loose.id);
  drawAll();
  if (opts.compare) body.querySelector('.rx-panel-rounds')?.scrollIntoView({ block: 'start' });
  body.focus({ preventScroll: true });
  const handle: DebriefOverlayHandle = { root: backdrop, close };
  current = handle;
  return handle;
}
