/**
 * The audience (projector) window: `?audience=1` or `?audience=<sessionId>`. Read-only.
 *
 *  - lobby: "Waiting for the facilitator…" until a round runs;
 *  - play: the real board, driven by a replica of the presenter's sim (./follower.ts): same level, same
 *    sim time, paused when the presenter pauses; no input;
 *  - after the round: only what the presenter has revealed (./debriefView.ts builds nothing else).
 *
 * It plays sound (the first click in the window unlocks it) unless the presenter silences the room.
 */
import './live.css';
import type Phaser from 'phaser';
import type { GameAudio } from '../../audio/index';
import type { Level } from '../../level/schema';
import type { Sim } from '../../sim/types';
import type { Speed, UiStoreApi } from '../../store/store';
import { followerSim, quietReplay } from './audienceSim';
import { compareRounds } from '../debrief/compare';
import { renderDebrief, type DebriefHandle } from '../debrief/debriefView';
import { createFollower, type Follower } from './follower';
import { buildRoundResult, replayJourneys } from '../session/roundRecorder';
import { finishedRounds, findRound, type Round } from '../session/session';
import { createSessionStore, followOtherTabs, type SessionStoreApi } from '../session/sessionStore';
import {
  audienceReduce,
  channelName,
  createSyncChannel,
  initialAudienceState,
  type AudienceState,
  type SyncChannel,
} from './sync';

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
}

const el = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  cls: string,
  text?: string,
): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag);
  e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
};

const toSpeed = (s: number, paused: boolean): Speed => (paused || s <= 0 ? 0 : s >= 4 ? 4 : s >= 2 ? 2 : 1);

export function startAudience(deps: AudienceDeps): AudienceController {
  const channel = deps.channel ?? createSyncChannel(channelName(deps.sessionId));
  let state: AudienceState = initialAudienceState(deps.sessionId);
  // Ticks come 20 times a second; the replica runs on smoothly between them, never far ahead.
  const newFollower = (): Follower => createFollower(quietReplay, { maxLeadSeconds: 0.1 });
  let follower = newFollower();
  let oldRebuilds = 0;
  /** Messages since the replica was last brought in line (a burst of commands costs one sync, not one each). */
  let dirty = false;
  const syncNow = () => {
    if (dirty && state.level) {
      follower.sync(state);
      // Paused: the room must show exactly the facilitator's moment, even if the replica had run a
      // little ahead between ticks. The sim never goes back, so start a replica at that moment.
      const ahead = (follower.sim()?.now() ?? 0) > state.simTime + 1e-9;
      if (state.paused && ahead) {
        oldRebuilds += follower.rebuilds();
        follower = newFollower();
        follower.sync(state);
      }
    }
    dirty = false;
  };
  let playingRun: number | null = null;
  let showing: AudienceInfo['showing'] = 'lobby';
  let helloAt = -Infinity;
  let sessions: SessionStoreApi | null = null;
  let resultFor: { run: number; round: Round } | null = null;
  let debriefKey = '';
  let debrief: DebriefHandle | null = null;
  let everConnected = false;

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

  function hello(nowMs: number): void {
    if (nowMs - helloAt < 500) return;
    helloAt = nowMs;
    channel.post({ type: 'hello', from: 'audience' });
  }

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
    const sim = follower.sim();
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
        team: saved?.team ?? 'This round',
        status: 'finished',
        bookmarks: [],
        result,
      };
      resultFor = { run: state.run, round };
    }
    return {
      ...resultFor.round,
      team: saved?.team ?? resultFor.round.team,
      bookmarks: saved ? [...saved.bookmarks] : [],
    };
  }

  function showDebrief(): void {
    const level = state.level;
    const round = level ? roundForDebrief(level) : null;
    if (!level || !round) return;
    const r = state.revealed;
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
    const data = { round, level, compare, revealed: r, customer: r.customer };
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
    if (state.connected && level && r.screen !== 'lobby') next = r.screen === 'play' ? 'play' : r.screen;
    if (next !== 'play' && next !== 'lobby' && !roundForDebrief(level!)) next = 'play'; // the replica is still catching up
    showing = next;
    root.dataset.showing = next;
    if (next === 'lobby') {
      stopPlay();
      lobbyText.textContent = !channel.available
        ? 'This browser cannot link two windows, so this one stays empty. Put the facilitator’s window on the projector instead.'
        : everConnected && !state.connected
          ? 'The facilitator’s window has closed. This one will carry on when it comes back.'
          : 'This window shows the game to the room. It follows the facilitator’s window by itself: no mouse or keyboard needed here.';
      debrief?.destroy();
      debrief = null;
      debriefKey = '';
      return;
    }
    if (next === 'play') {
      debrief?.destroy();
      debrief = null;
      debriefKey = '';
      const game = deps.game();
      if (game && level && playingRun !== state.run) {
        playingRun = state.run;
        for (const s of game.scene.getScenes(true)) if (s.scene.key !== 'play') game.scene.stop(s.scene.key);
        game.scene.start('play', {
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

  channel.subscribe((msg) => {
    const was = state.connected;
    state = audienceReduce(state, msg);
    if (state.connected && !was) {
      everConnected = true;
      channel.post({ type: 'hello', from: 'audience' }); // lets the facilitator's bar say the room is linked
    }
    if (state.needsState) hello(performance.now());
    dirty = true;
    // During play the board syncs on its next frame; otherwise (or with a new run) now.
    if (showing !== 'play' || msg.type === 'state') syncNow();
    render();
  });
  const timer = window.setInterval(() => {
    if (!state.connected || state.needsState) hello(performance.now());
    if (showing === 'play' && deps.store.getState().screen !== 'play') {
      playingRun = null; // the game was still starting up when the round began
      render();
    } else if (showing !== 'lobby' && state.roundId) render(); // bookmarks or team names saved meanwhile
  }, 1000);
  window.addEventListener('pagehide', () => {
    window.clearInterval(timer);
    channel.close();
  });
  hello(performance.now());
  render();

  const api: AudienceController = {
    info: () => ({
      sessionId: deps.sessionId,
      connected: state.connected,
      showing,
      run: state.run,
      presenterT: state.simTime,
      replicaT: follower.sim()?.now() ?? null,
      paused: state.paused,
      speed: state.speed,
      rebuilds: oldRebuilds + follower.rebuilds(),
      debriefStep: state.revealed.debriefStep,
      questions: state.revealed.questions,
      muted: state.muted,
    }),
    playSim: (fallback) => followerSim(() => follower, fallback),
    frame(wallSeconds) {
      syncNow();
      follower.frame(wallSeconds);
      if (showing !== 'play' || follower.sim()?.isOver()) render();
    },
    paused: () => state.paused || !state.connected,
  };
  controller = api;
  return api;
}
