/**
 * The results service: records every finished play (the player's progress and stars, and the
 * facilitator's round when one is active), so no scene records anything. It hears the play scene's
 * events as they are drained and keeps the customers' journeys for the debrief, so the round is never
 * run a second time to rebuild them.
 */
import type { FinishedPlay, FinishOutcome, PlayHooks } from '../game/hooks';
import { shownScore } from '../game/scenes/resultsWords';
import { createJourneyCollector } from '../facilitator/session/journeys';
import type { CustomerJourney } from '../facilitator/session/session';
import type { UiStoreApi } from '../store/store';

/** The facilitator's round recorder, once the session tools are loaded (no round exists before). */
export type RoundRecorder = (play: FinishedPlay, journeys: readonly CustomerJourney[]) => FinishOutcome;

export interface ResultsService extends PlayHooks {
  /** The journeys of the last play in this window (for its debrief), while it is the last one. */
  journeysOf(play: FinishedPlay): CustomerJourney[];
}

export function createResultsService(deps: {
  store: UiStoreApi;
  rounds: () => RoundRecorder | null;
  /**
   * A level played from a dropped file (a trainer's preview) never writes campaign progress. When
   * its id is a level of the game's own (a copy of 01-right-desk.json being edited), it is not
   * recorded into a facilitator's round either: that round is for the real level.
   */
  preview?: (play: FinishedPlay) => 'no' | 'own-id' | 'shadows';
}): ResultsService {
  const journeys = createJourneyCollector();
  let last: { play: FinishedPlay; journeys: CustomerJourney[] } | null = null;
  return {
    started() {
      journeys.clear();
    },
    events(events) {
      if (events.length > 0) journeys.add(events);
    },
    finished(play) {
      const all = journeys.all();
      journeys.clear();
      last = { play, journeys: all };
      const preview = deps.preview?.(play) ?? 'no';
      if (preview === 'no')
        deps.store.getState().recordResult(play.levelId, shownScore(play.score.total), play.score.stars ?? 0);
      if (preview === 'shadows') return { savedRound: null };
      return deps.rounds()?.(play, all) ?? { savedRound: null };
    },
    // The results screen holds a copy of the play; its command log is the same array.
    journeysOf: (play) => (last?.play.commandLog === play.commandLog ? last.journeys : []),
  };
}
