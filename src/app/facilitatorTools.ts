/**
 * The facilitator's tools, loaded on first use (dynamic import), so a participant's title, briefing,
 * board and results never wait for them:
 *  - live (presenter bar, projector sync): loaded when facilitator mode is on, before a level starts;
 *  - audience (the projector window): loaded at start in a `?audience=` window;
 *  - session panel and debrief (with chart.js): loaded when first opened.
 * What is loaded is kept here, so the hooks can answer synchronously once it is.
 */
import type { AttachLive, FacilitatorHooks } from '../game/hooks';
import type { AudienceInfo } from '../facilitator/live/audience';
import type { LiveInfo } from './testHook';
import type { RoundRecorder } from './results';
import type { FinishedPlay } from '../game/hooks';
import type { CustomerJourney } from '../facilitator/session/session';
import type { KeptSession } from '../roundlog/kept';

type LiveModule = typeof import('../facilitator/live/livePlay') &
  typeof import('../facilitator/live/liveHub') &
  typeof import('../facilitator/session/keptSession');
type AudienceModule = typeof import('../facilitator/live/audience');
type PanelModule = typeof import('../facilitator/panel/panelGame') &
  typeof import('../facilitator/session/roundRecorder');

export interface FacilitatorTools {
  /** Starts loading the live tools (facilitator mode); resolves when they are ready. */
  loadLive(): Promise<void>;
  loadAudience(): Promise<AudienceModule>;
  attachLive: AttachLive;
  hooks: FacilitatorHooks;
  /** The round recorder once the session tools are loaded; before that no round can be active. */
  rounds(): RoundRecorder | null;
  audienceInfo(): AudienceInfo | null;
  liveInfo(): LiveInfo | null;
  /** The facilitator's round this board plays now and its attempt (null: none, or not loaded). */
  playingAttempt(): KeptSession | null;
  /** A kept game's round made the one being played again; the problem when it can't be. */
  resumeKeptRound(k: KeptSession): Promise<string | null>;
  /** A kept game discarded: its round back to planned, without that attempt's bookmarks. */
  dropKeptRound(k: KeptSession): Promise<void>;
}

function failed(what: string) {
  return (err: unknown) => {
    console.error(`Could not load the ${what}`, err);
    throw err;
  };
}

export function createFacilitatorTools(deps: {
  journeysOf: (play: FinishedPlay) => CustomerJourney[];
}): FacilitatorTools {
  let live: LiveModule | null = null;
  let liveLoading: Promise<void> | null = null;
  let audience: AudienceModule | null = null;
  let audienceLoading: Promise<AudienceModule> | null = null;
  let panel: PanelModule | null = null;
  let panelLoading: Promise<PanelModule> | null = null;

  const loadLive = () =>
    (liveLoading ??= Promise.all([
      import('../facilitator/live/livePlay'),
      import('../facilitator/live/liveHub'),
      import('../facilitator/session/keptSession'),
    ])
      .then(([a, b, c]) => {
        live = { ...a, ...b, ...c };
      })
      .catch(failed('live facilitator tools')));
  const loadAudience = () =>
    (audienceLoading ??= Promise.all([import('../facilitator/live/audience'), loadLive()])
      .then(([a]) => (audience = a))
      .catch(failed('projector window')));
  const loadPanel = () =>
    (panelLoading ??= Promise.all([
      import('../facilitator/panel/panelGame'),
      import('../facilitator/session/roundRecorder'),
    ])
      .then(([a, b]) => (panel = { ...a, ...b }))
      .catch(failed('session panel and debrief')));

  return {
    loadLive,
    loadAudience,
    attachLive: (scene, ctx, fallback) =>
      live ? live.attachLive(scene, ctx, fallback, audience?.audienceController() ?? null) : null,
    hooks: {
      round(savedRound) {
        // The projector window shows the facilitator's round, as the facilitator's window said it.
        const room = audience?.audienceController();
        if (room) {
          const label = room.info().label;
          return label ? { label, next: null } : null;
        }
        return panel ? panel.roundInfo(savedRound) : null;
      },
      openSession() {
        void loadPanel().then((p) => p.openSessionFromGame());
      },
      openDebrief(play, outcome) {
        void loadPanel().then((p) => {
          if (outcome.savedRound !== null) {
            p.openDebriefFromGame({ roundId: outcome.savedRound });
            return;
          }
          p.openDebriefFromGame({
            round: {
              id: p.THIS_PLAY,
              levelId: play.levelId,
              levelTitle: play.level.title,
              seed: play.seed,
              team: 'This play',
              status: 'finished',
              bookmarks: [],
              result: p.buildRoundResult(play, deps.journeysOf(play), new Date().toISOString()),
            },
          });
        });
      },
    },
    rounds: () =>
      panel
        ? (play, journeys) => {
            const r = panel!.recordRoundEnd(play, journeys);
            return { savedRound: r.recorded ? r.roundId : null };
          }
        : null,
    audienceInfo: () => audience?.audienceController()?.info() ?? null,
    playingAttempt: () => live?.playingAttempt() ?? null,
    resumeKeptRound: (k) => loadLive().then(() => live!.resumeKeptRound(k)),
    dropKeptRound: (k) => loadLive().then(() => live!.dropKeptRound(k)),
    liveInfo() {
      const hub = live?.liveHubIfAny();
      if (!hub) return null;
      const s = hub.state();
      return {
        sessionId: s.sessionId,
        run: s.run,
        revealed: s.revealed,
        simTime: s.simTime,
        paused: s.paused,
      };
    },
  };
}
