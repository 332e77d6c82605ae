/**
 * The questions the session panel asks before what cannot easily be taken back: a new session over one
 * with results (save it first?), removing a round (and its undo), importing another session's file
 * (merge or replace). Split out of ./panel.ts; the panel shows a question and runs the chosen action.
 */
import { getActiveRound } from '../session/activeRound';
import type { Round } from '../session/session';
import type { SessionStoreApi } from '../session/sessionStore';
import { planImport, type LevelChoice } from './panelModel';

/** A question the panel asks before something that cannot be taken back easily. */
export interface Question {
  text: string;
  actions: Array<{ label: string; run: () => void; primary?: boolean; testId?: string }>;
}

/** What the questions need of the panel. */
export interface QuestionContext {
  store: SessionStoreApi;
  choices: LevelChoice[];
  /** Shows a question (null: none). */
  ask(q: Question | null): void;
  /** The panel's own line of news (null: clear it). */
  say(text: string | null): void;
  exportJson(): void;
  /** Another session is open now: the name box and the suggestions follow (and the name takes the focus). */
  sessionChanged(focusName: boolean): void;
}

const finishedCount = (store: SessionStoreApi) =>
  store.getState().session.rounds.filter((r) => r.status === 'finished').length;
const plural = (n: number) => `${n} finished round${n === 1 ? '' : 's'}`;

export function askNewSession(c: QuestionContext): void {
  const { store, ask } = c;
  const start = () => {
    ask(null);
    store.getState().newSession();
    c.sessionChanged(true);
    c.say('A new session has started. The previous one is kept as a backup copy in this browser.');
  };
  const n = finishedCount(c.store);
  if (n === 0) return start();
  ask({
    text: `Start a new session? The one open now has ${plural(n)}: save it to a file first, so nothing is lost.`,
    actions: [
      { label: 'Save it, then start new', primary: true, run: () => (c.exportJson(), start()), testId: 'new-save-first' },
      { label: 'Start new without saving', run: start, testId: 'new-confirm' },
      { label: 'Cancel', run: () => ask(null) },
    ],
  });
}

export function askRemove(c: QuestionContext, round: Round): void {
  const { store, ask } = c;
  const rows = store.getState().session.rounds;
  const index = rows.findIndex((r) => r.id === round.id);
  const label = `round ${index + 1} (${round.team})`;
  const active = getActiveRound();
  const playingNow = active && active.sessionId === store.getState().session.id ? active.roundId : null;
  const remove = () => {
    const res = store.getState().discardRound(round.id, playingNow);
    if (!res.ok) return ask(null);
    ask({
      text: `Removed ${label}.`,
      actions: [
        {
          label: 'Undo',
          primary: true,
          run: () => (store.getState().putBackRound(round, index), ask(null)),
          testId: 'undo-remove',
        },
        { label: 'OK', run: () => ask(null) },
      ],
    });
  };
  if (round.status === 'planned') return remove();
  const what = round.result ? `its result (${Math.floor(round.result.score.total)} points) leaves the session` : 'it has no result yet';
  ask({
    text: `Remove ${label}? ${what[0]!.toUpperCase()}${what.slice(1)}.`,
    actions: [
      { label: 'Remove it', primary: true, run: remove, testId: 'remove-confirm' },
      { label: 'Keep it', run: () => ask(null) },
    ],
  });
}

/**
 * Another session's file asks first: merge its rounds into the open session, or replace it (after
 * saving it to a file when it holds finished results). The same session's file is merged at once.
 */
export function importText(c: QuestionContext, text: string, how: 'ask' | 'merge' | 'replace' = 'ask'): void {
  const { store, ask } = c;
  const plan = planImport(store.getState().session, text, c.choices);
  if (plan.kind === 'error') return c.say(plan.message);
  if (plan.kind === 'replace' && how === 'ask' && store.getState().session.rounds.length > 0) {
    const n = finishedCount(store);
    return ask({
      text: `That file is another session ("${plan.session.name}"). Merge its rounds into the session open now (${plural(n)}), or let it replace this one${n > 0 ? ' after saving this one to a file, so nothing is lost' : ''}.`,
      actions: [
        { label: 'Merge into this session', primary: true, run: () => importText(c, text, 'merge'), testId: 'import-merge' },
        n > 0
          ? { label: 'Save it, then replace', run: () => (c.exportJson(), importText(c, text, 'replace')), testId: 'import-save-first' }
          : { label: 'Replace', run: () => importText(c, text, 'replace'), testId: 'import-save-first' },
        { label: 'Cancel', run: () => ask(null) },
      ],
    });
  }
  ask(null);
  const next = plan.kind === 'replace' && how === 'merge' ? plan.merged : plan.session;
  const res = store.getState().importSession(JSON.stringify({ format: 'ripple-effect-session', ...next }));
  if (!res.ok) return c.say(res.message);
  c.sessionChanged(false);
  c.say(
    plan.kind === 'merge'
      ? plan.message
      : how === 'merge'
        ? plan.mergeMessage
        : `Imported "${plan.session.name}"; it replaced the session that was open.`,
  );
}
