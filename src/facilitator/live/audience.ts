/**
 * The audience (projector) window: `?audience=1` or `?audience=<sessionId>`. Read-only.
 *
 *  - lobby: "Waiting for the facilitator…" until a round runs;
 *  - play: the real board, driven by a replica of the round log (src/roundlog/, linked by ./roomLink.ts):
 *    same level, same sim time, paused when the presenter pauses; no input;
 *  - after the round: only what the presenter has revealed (./debriefView.ts builds nothing else).
 *
 * It plays sound (the first click in the window unlocks it) unless the presenter silences the room.
 */
import './live.css';
import type Phaser from 'phaser';
import type { GameAudio } from '../../audio/index';
import { startScene } from '../../game/scenes/sceneData';
import type { Level } from '../../level/schema';
import type { ApplyResult, Sim } from '../../sim/types';
import type { Speed, UiStoreApi } from '../../store/store';
import { followingSim, quietReplay } from '../../roundlog/forwardingSim';
import { compareRounds } from '../debrief/compare';
import { renderDebrief, type DebriefHandle } from '../debrief/debriefView';
import { mountScrubber, type ScrubberHandle } from '../debrief/scrubber';
import { replayLength } from '../debrief/scrubberModel';
import { buildRoundResult, replayJourneys } from '../session/roundRecorder';
import { el } from '../../ui/dom';
import { finishedRounds, findRound, type Round } from '../session/session';
import { createSessionStore, followOtherTabs, type SessionStoreApi } from '../session/sessionStore';
import { linkFromPage } from './audienceLink';
import type { LinkKey } from './liveHub';
import { createRoomLink, type RoomLinkInfo } from './roomLink';
import { channelName, createSyncChannel, NOTHING_REVEALED, type SyncChannel } from './sync';

export interface AudienceInfo {
  sessionId: string;
  connected: boolean;
  /** What this window shows now. */
  showing: 'lobby' | 'play' | 'results' | 'debrief';
  run: number;
  /** Last sim time heard from the presenter. */
  presenterT: number;
  /** The replica's sim time (what the board shows). */
  replicaT: number | null;
  paused: boolean;
  speed: number;
  rebuilds: number;
  debriefStep: number;
  questions: number;
  muted: boolean;
  /** The link: refused and foreign envelopes, whether the presenter said goodbye. */
  link: RoomLinkInfo;
  /** State-hash checks that matched and that did not (then repaired by a resync). */
  checked: number;
  diverged: number;
  team: string | null;
  /** "Blue table · round 2 of 3" while a session round is shown; null otherwise. */
  label: string | null;
  /** The replay's second the room's screen shows, or null when it shows no replay. */
  replay: number | null;
  /** The customer whose journey the room's screen shows (null: the one the debrief picks). */
  customer: number | null;
}

export interface AudienceController {
  info(): AudienceInfo;
  /** The stand-in sim for the play scene (forwards to the current replica). */
  playSim(fallback: Sim): Sim;
  /** Runs the replica on by this many wall seconds (called by the play scene every frame). */
  frame(wallSeconds: number): void;
  paused(): boolean;
}

let controller: AudienceController | null = null;

/** The audience controller when this window is one (else null). */
export function audienceController(): AudienceController | null {
  return controller;
}

export interface AudienceDeps {
  sessionId: string;
  store: UiStoreApi;
  audio: GameAudio | null;
  game: () => Phaser.Game | null;
  channel?: SyncChannel;
  /** The key from the address or this tab's storage; see linkFromPage. */
  link?: LinkKey | null;
  saveLink?: (link: LinkKey) => void;
}

/** This window only shows the game: every command is refused. */
const REFUSED: ApplyResult = { ok: false, reason: 'This window only shows the facilitator’s game.' };

const toSpeed = (s: number, paused: boolean): Speed => (paused || s <= 0 ? 0 : s >= 4 ? 4 : s >= 2 ? 2 : 1);

export function startAudience(deps: AudienceDeps): AudienceController {
  const channel = deps.channel ?? createSyncChannel(channelName(deps.sessionId));
  // Ticks come 20 times a second; the replica runs on smoothly between them, never far ahead.
  const fromPage = deps.link === undefined ? linkFromPage(deps.sessionId) : { link: deps.link, save: deps.saveLink };
  const room = createRoomLink({
    channel,
    link: fromPage.link,
    saveLink: fromPage.save,
    replay: quietReplay,
    maxLeadSeconds: 0.1,
    onChange: () => {
      dirty = true;
      // During play the board syncs on its next frame; otherwise now.
      if (showing !== 'play') syncNow();
      render();
    },
  });
  const replica = room.replica;
  let dirty = false;
  const syncNow = () => {
    if (dirty) replica.sync();
    dirty = false;
  };
  const now = () => performance.now();
  /** What the window shows, read from the replica and the presenter's last `present`. */
  const state = {
    get connected() {
      return room.connected(now());
    },
    get level() {
      return replica.target()?.level ?? null;
    },
    get levelId() {
      return replica.target()?.levelId ?? null;
    },
    get seed() {
      return replica.target()?.seed ?? 0;
    },
    get run() {
      return replica.target()?.run ?? -1;
    },
    get simTime() {
      return replica.target()?.t ?? 0;
    },
    get speed() {
      return replica.target()?.speed ?? 1;
    },
    get paused() {
      return replica.target()?.paused ?? true;
    },
    get revealed() {
      return room.present()?.revealed ?? NOTHING_REVEALED;
    },
    get roundId() {
      return room.present()?.roundId ?? null;
    },
    get team() {
      return room.present()?.team ?? null;
    },
    get label() {
      return room.present()?.label ?? null;
    },
    get muted() {
      return room.present()?.muted ?? false;
    },
  };
  let playingRun: number | null = null;
  let showing: AudienceInfo['showing'] = 'lobby';
  let sessions: SessionStoreApi | null = null;
  let resultFor: { run: number; round: Round } | null = null;
  let debriefKey = '';
  let debrief: DebriefHandle | null = null;
  /** The room's replay board (the facilitator's scrubber moves it), and the run it replays. */
  let replayView: { run: number; key: string; scrub: ScrubberHandle; root: HTMLElement } | null = null;

  const root = el('div', 'lv-audience');
  root.setAttribute('aria-live', 'polite');
  const lobby = el('section', 'lv-lobby');
  const lobbyTitle = el('h1', 'lv-lobby-title', 'Waiting for the facilitator…');
  const lobbyText = el('p', 'lv-lobby-text');
  const lobbySound = el(
    'p',
    'lv-lobby-sound',
    'Click once anywhere in this window so it can play the game’s sounds.',
  );
  lobby.append(lobbyTitle, lobbyText, lobbySound);
  const debriefHost = el('div', 'lv-audience-debrief');
  root.append(lobby, debriefHost);
  document.body.append(root);
  window.addEventListener('pointerdown', () => lobbySound.remove(), { once: true });

  function sessionRound(): Round | null {
    if (!state.roundId) return null;
    sessions ??= createSessionStore({ readOnly: true });
    if (!followingTabs) {
      followingTabs = true;
      followOtherTabs(sessions);
    }
    return findRound(sessions.getState().session, state.roundId) ?? null;
  }
  let followingTabs = false;

  function roundForDebrief(level: Level): Round | null {
    syncNow();
    const sim = replica.sim();
    if (!sim || !sim.isOver()) return null;
    const saved = sessionRound();
    if (resultFor?.run !== state.run) {
      const play = {
        level,
        levelId: state.levelId ?? level.id,
        seed: state.seed,
        score: sim.score(),
        metrics: sim.metrics(),
        commandLog: sim.commandLog(),
        timeline: sim.timeline(),
      };
      const result = buildRoundResult(play, replayJourneys(play), new Date().toISOString());
      const round: Round = {
        id: state.roundId ?? 'live',
        levelId: state.levelId ?? level.id,
        levelTitle: level.title,
        seed: state.seed,
        team: state.team ?? saved?.team ?? 'This round',
        status: 'finished',
        bookmarks: [],
        result,
      };
      resultFor = { run: state.run, round };
    }
    return {
      ...resultFor.round,
      team: state.team ?? saved?.team ?? resultFor.round.team,
      bookmarks: saved ? [...saved.bookmarks] : [],
    };
  }

  function hideReplay(): void {
    replayView?.scrub.destroy();
    replayView?.root.remove();
    replayView = null;
  }

  /** The facilitator shows the room the replay: the board at their scrubber's second, following it. */
  function showReplay(level: Level, round: Round, t: number): void {
    const result = round.result;
    if (!result) return;
    const key = JSON.stringify([state.run, round.team, round.bookmarks.length]);
    if (replayView && replayView.key === key) {
      replayView.scrub.setTime(t);
      return;
    }
    hideReplay();
    debrief?.destroy();
    debrief = null;
    debriefKey = '';
    debriefHost.replaceChildren();
    const root = el('section', 'rx-debrief rx-projector rx-room-replay');
    root.setAttribute('aria-label', 'Replay of the round');
    const head = el('header', 'rx-debrief-head');
    head.append(el('h1', 'rx-debrief-title', `Replay: ${round.levelTitle} — ${round.team}`));
    root.append(head);
    debriefHost.append(root);
    const scrub = mountScrubber(root, {
      level,
      seed: round.seed,
      commandLog: result.commandLog,
      duration: replayLength(level, round.seed, result),
      bookmarks: round.bookmarks,
      start: t,
      room: true,
    });
    replayView = { run: state.run, key, scrub, root };
  }

  function showDebrief(): void {
    const level = state.level;
    const round = level ? roundForDebrief(level) : null;
    if (!level || !round) return;
    const r = state.revealed;
    if (r.replay !== null) {
      showReplay(level, round, r.replay);
      return;
    }
    hideReplay();
    const key = JSON.stringify([state.run, r, round.team, round.bookmarks.length]);
    if (key === debriefKey && debrief) return;
    debriefKey = key;
    let compare: Round[] = [round];
    if (sessions) {
      const others = finishedRounds(sessions.getState().session).filter(
        (x) => x.id !== round.id && x.levelId === round.levelId,
      );
      compare = [...others, round];
      if (!compareRounds(compare).sameSetup)
        compare = [...others.filter((x) => x.seed === round.seed), round];
    }
    const data = { round, level, compare, revealed: r, customer: r.customer, focus: r.focus };
    if (debrief) debrief.update(data);
    else debrief = renderDebrief(debriefHost, data, { projector: true });
  }

  function stopPlay(): void {
    const game = deps.game();
    if (playingRun !== null && game?.scene.isActive('play')) game.scene.stop('play');
    if (playingRun !== null) deps.store.getState().go('boot');
    playingRun = null;
  }

  function render(): void {
    const r = state.revealed;
    const level = state.level;
    deps.audio?.setSilenced(state.muted);
    let next: AudienceInfo['showing'] = 'lobby';
    // A room that lost its link keeps showing what it had, and says so; only a goodbye empties it.
    const shown = state.connected || (room.info(now()).everLinked && !room.info(now()).presenterGone);
    if (shown && level && r.screen !== 'lobby') next = r.screen === 'play' ? 'play' : r.screen;
    if (next !== 'play' && next !== 'lobby' && !roundForDebrief(level!)) next = 'play'; // the replica is still catching up
    showing = next;
    root.dataset.showing = next;
    if (next === 'lobby') {
      stopPlay();
      lobbyText.textContent = !channel.available
        ? 'This browser cannot link two windows, so this one stays empty. Put the facilitator’s window on the projector instead.'
        : room.info(now()).everLinked && !state.connected
          ? 'The facilitator’s window has closed. This one will carry on when it comes back.'
          : 'This window shows the game to the room. It follows the facilitator’s window by itself: no mouse or keyboard needed here.';
      debrief?.destroy();
      debrief = null;
      debriefKey = '';
      hideReplay();
      return;
    }
    if (next === 'play') {
      hideReplay();
      debrief?.destroy();
      debrief = null;
      debriefKey = '';
      const game = deps.game();
      if (game && level && playingRun !== state.run) {
        playingRun = state.run;
        for (const s of game.scene.getScenes(true)) if (s.scene.key !== 'play') game.scene.stop(s.scene.key);
        startScene(game.scene, 'play', {
          level,
          levelId: state.levelId ?? level.id,
          seed: state.seed,
          audience: true,
        });
      }
      deps.store.getState().setSpeed(toSpeed(state.speed, state.paused));
      return;
    }
    showDebrief();
  }

  let wasConnected = false;
  const timer = window.setInterval(() => {
    room.poll(now());
    const c = state.connected;
    if (c !== wasConnected) {
      wasConnected = c;
      root.dataset.linked = String(c);
      render();
    }
    if (showing === 'play' && deps.store.getState().screen !== 'play') {
      playingRun = null; // the game was still starting up when the round began
      render();
    } else if (showing !== 'lobby' && state.roundId) render(); // bookmarks or team names saved meanwhile
  }, 250);
  window.addEventListener('pagehide', () => {
    window.clearInterval(timer);
    room.close();
    channel.close();
  });
  room.poll(now());
  render();

  const api: AudienceController = {
    info: () => ({
      sessionId: deps.sessionId,
      connected: state.connected,
      showing,
      run: state.run,
      presenterT: state.simTime,
      replicaT: replica.sim()?.now() ?? null,
      paused: state.paused,
      speed: state.speed,
      rebuilds: replica.status().rebuilds,
      debriefStep: state.revealed.debriefStep,
      questions: state.revealed.questions,
      muted: state.muted,
      link: room.info(now()),
      checked: replica.status().checked,
      diverged: replica.status().diverged,
      team: state.team,
      label: state.label,
      replay: replayView ? state.revealed.replay : null,
      customer: state.revealed.customer,
    }),
    playSim: (fallback) =>
      followingSim(() => replica.sim() ?? fallback, () => REFUSED, () => REFUSED),
    frame(wallSeconds) {
      syncNow();
      replica.frame(wallSeconds);
      if (showing !== 'play' || replica.sim()?.isOver()) render();
    },
    paused: () => state.paused || !state.connected,
  };
  controller = api;
  return api;
}
