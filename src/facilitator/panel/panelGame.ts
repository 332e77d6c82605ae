/**
 * The glue between the facilitator panels and the running game: which levels can be played, starting a
 * round (active round, seed, briefing), and opening the session panel and the debrief from any screen.
 * The app (src/app/facilitatorTools.ts) loads this on first use and wires it to the game's hooks;
 * nothing here owns game truth.
 */
import { getAllLevels, getCampaign, getLevelById } from '../../level/catalog';
import type { Level } from '../../level/schema';
import { getApp } from '../../game/context';
import { SCENES } from '../../game/scenes/common';
import { startScene } from '../../game/scenes/sceneData';
import { shell } from '../../game/shell';
import { getActiveRound, setActiveRound } from '../session/activeRound';
import { nextPlannedRound, roundPlace } from '../session/roundPlace';
import type { RoundInfo } from '../../game/hooks';
import { openDebriefOverlay, type DebriefOverlayOptions, type RoomControl } from '../debrief/debriefOverlay';
import { liveHubIfAny } from '../live/liveHub';
import { openSessionPanel } from './panel';
import { levelChoices } from './panelModel';
import { getSessionStore } from '../session/roundRecorder';
import type { Round } from '../session/session';

/** The id the debrief gives a finished play that belongs to no round (see src/app/facilitatorTools.ts). */
export const THIS_PLAY = 'this-play';

export function playableLevels() {
  return levelChoices(getCampaign(), getAllLevels(), shell.loose);
}

/**
 * The game's own level of that id first: a dropped draft with a campaign level's id never stands in
 * for it (rounds keep the level they were played with anyway; this is for older ones).
 */
export function levelFor(levelId: string): Level | null {
  return getLevelById(levelId)?.level ?? shell.loose.get(levelId) ?? null;
}

function focusGame(): void {
  document.querySelector<HTMLCanvasElement>('#game canvas')?.focus();
}

/** Makes the round the active one and opens its level's briefing with the round's seed. */
export function startRoundInGame(round: Round, level: Level): void {
  const store = getSessionStore();
  setActiveRound({ sessionId: store.getState().session.id, roundId: round.id });
  getApp().store.getState().setSeed(round.seed);
  const game = shell.game;
  if (!game) return;
  for (const s of game.scene.getScenes(true)) game.scene.stop(s.scene.key);
  startScene(game.scene, SCENES.briefing, { levelId: level.id, level });
  focusGame();
}

export function openSessionFromGame(): void {
  openSessionPanel({
    store: getSessionStore(),
    levels: playableLevels,
    defaultSeed: () => getApp().store.getState().seed,
    startRound: startRoundInGame,
    openDebrief: (roundId, compare) => openDebriefFromGame({ roundId, compare }),
    kept: getApp().hooks.kept,
    onClose: focusGame,
  });
}

/**
 * The round being played now, or the one a play was saved to: its place in the session and the next
 * round still to play.
 */
export function roundInfo(savedRound?: string | null): RoundInfo | null {
  const session = getSessionStore().getState().session;
  const active = getActiveRound();
  const id = savedRound ?? (active && active.sessionId === session.id ? active.roundId : null);
  const place = id ? roundPlace(session, id) : null;
  if (!id || !place) return null;
  const next = nextPlannedRound(session, id);
  const level = next ? levelFor(next.levelId) : null;
  const nextLabel = next ? roundPlace(session, next.id)?.label : undefined;
  return {
    label: place.label,
    next: next && level && nextLabel ? { team: next.team, label: nextLabel, start: () => startRoundInGame(next, level) } : null,
  };
}

/** The projector window's screen after play, as the debrief may steer it (none without a live hub). */
function roomControl(): RoomControl | null {
  const hub = liveHubIfAny();
  if (!hub) return null;
  return {
    follows(roundId) {
      const screen = hub.revealed().screen;
      if (screen !== 'results' && screen !== 'debrief') return false;
      const shown = hub.roomRoundId();
      // A play outside the session is "this-play" here, and the room's own run there.
      return shown === roundId || (shown === null && roundId === THIS_PLAY);
    },
    revealed: () => hub.revealed(),
    reveal: (r) => hub.reveal(r),
  };
}

export function openDebriefFromGame(opts: DebriefOverlayOptions): void {
  openDebriefOverlay(
    {
      store: getSessionStore(),
      levelOf: levelFor,
      openSession: openSessionFromGame,
      onClose: focusGame,
      room: roomControl(),
    },
    opts,
  );
}
