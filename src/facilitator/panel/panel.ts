/**
 * The facilitator's session panel (DOM dialog over the game): name the session, add rounds (level,
 * seed, team), start one, see finished rounds with their scores, open the debrief, export and import.
 *
 * Text from sessions and level files goes in with textContent only. The panel never owns the session:
 * it reads the session store and calls its actions; the game glue (start a level) is passed in.
 */
import '../facilitator.css';
import type { Level } from '../../level/schema';
import type { KeptHooks } from '../../game/hooks';
import { download } from '../session/download';
import { exportFileName, tooBigMessage } from '../session/exporters';
import {
  levelLabel,
  parseSeed,
  roundRows,
  suggestedSeed,
  suggestedTeam,
  type LevelChoice,
} from './panelModel';
import type { Round } from '../session/session';
import { MAX_SESSION_NAME, MAX_TEAM_NAME } from '../session/session';
import type { SessionStoreApi } from '../session/sessionStore';
import { el, button, labelled, keepPointerInside } from '../../ui/dom';
import {
  askNewSession as askNewSessionQ,
  askRemove as askRemoveQ,
  importText as importTextQ,
  type Question,
  type QuestionContext,
} from './panelQuestions';
import { roundRowElement } from './panelRows';

export interface PanelDeps {
  store: SessionStoreApi;
  /** Levels that can be played here. */
  levels(): LevelChoice[];
  /** Seed for a first round when nothing else suggests one. */
  defaultSeed(): number;
  /** Starts the round's level with its seed (the panel has already closed). */
  startRound(round: Round, level: Level): void;
  /** Opens the debrief of a finished round; `compare` opens it on the rounds side by side. */
  openDebrief(roundId: string, compare: boolean): void;
  /** The game left in progress by a reload or a crash (its "Playing now" row offers to resume it). */
  kept?: Pick<KeptHooks, 'offer' | 'resume' | 'discard'>;
  onClose?(): void;
}

export interface PanelHandle {
  close(): void;
  readonly root: HTMLElement;
}

let current: PanelHandle | null = null;
/** The level and seed last chosen in "Add a round", kept while the page lives (the panel reopens on them). */
const remembered: { level: string | null; seed: string | null } = { level: null, seed: null };

export function openSessionPanel(deps: PanelDeps): PanelHandle {
  if (current) {
    current.root.querySelector<HTMLElement>('input, button')?.focus();
    return current;
  }
  const { store } = deps;
  const backdrop = el('div', 'rx-session-backdrop');
  const dialog = el('div', 'rx-session');
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-modal', 'true');
  dialog.setAttribute('aria-labelledby', 'rx-session-title');
  backdrop.append(dialog);

  // Header: title, session name, close.
  const head = el('header', 'rx-session-head');
  const title = el('h2', 'rx-session-title', 'Facilitator session');
  title.id = 'rx-session-title';
  const closeBtn = button('Close (Esc)', 'rx-btn-quiet', () => close(), 'session-close');
  const newBtn = button('New session', '', () => askNewSession(), 'new-session');
  head.append(title, newBtn, closeBtn);
  const nameInput = el('input', 'rx-input rx-input-wide');
  nameInput.type = 'text';
  nameInput.maxLength = MAX_SESSION_NAME;
  nameInput.name = 'session-name';
  nameInput.value = store.getState().session.name;
  const commitName = () => {
    if (nameInput.value.trim() && nameInput.value.trim() !== store.getState().session.name)
      store.getState().renameSession(nameInput.value);
  };
  nameInput.addEventListener('change', commitName);
  nameInput.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') commitName();
  });
  const nameRow = el('div', 'rx-row');
  nameRow.append(labelled('Session name', nameInput));

  // Warnings and notices (filled by refresh).
  const alerts = el('div', 'rx-alerts');
  alerts.setAttribute('aria-live', 'polite');

  // Add rounds.
  const form = el('section', 'rx-session-add');
  form.append(el('h3', 'rx-h3', 'Add a round'));
  const levelSelect = el('select', 'rx-input');
  levelSelect.name = 'level';
  const choices = deps.levels();
  for (const c of choices) {
    const o = el('option', undefined, levelLabel(c));
    o.value = c.id;
    levelSelect.append(o);
  }
  const seedInput = el('input', 'rx-input rx-input-num');
  seedInput.type = 'text';
  seedInput.inputMode = 'numeric';
  seedInput.name = 'seed';
  const sameSeed = el('input');
  sameSeed.type = 'checkbox';
  sameSeed.name = 'same-seed';
  sameSeed.checked = true;
  const teamInput = el('input', 'rx-input');
  teamInput.type = 'text';
  teamInput.name = 'team';
  teamInput.maxLength = MAX_TEAM_NAME;
  const sameLabel = el('label', 'rx-check');
  sameLabel.append(
    sameSeed,
    el('span', undefined, 'Same seed for every team (they all meet the same customers)'),
  );
  const addBtn = button('Add round', 'rx-btn-primary', () => addRound(), 'add-round');
  const formRow = el('div', 'rx-row rx-row-wrap');
  formRow.append(
    labelled('Level', levelSelect),
    labelled('Seed', seedInput),
    labelled('Team or table', teamInput),
    addBtn,
  );
  form.append(formRow, sameLabel);
  if (choices.length === 0)
    form.append(el('p', 'rx-warn', 'No playable level is loaded, so rounds cannot be added yet.'));

  const fillSuggestions = () => {
    const s = store.getState().session;
    seedInput.value = String(suggestedSeed(s, levelSelect.value, sameSeed.checked, deps.defaultSeed()));
    teamInput.placeholder = suggestedTeam(s);
    remembered.level = levelSelect.value;
    remembered.seed = seedInput.value;
  };
  levelSelect.addEventListener('change', fillSuggestions);
  sameSeed.addEventListener('change', fillSuggestions);
  seedInput.addEventListener('input', () => (remembered.seed = seedInput.value));
  for (const input of [seedInput, teamInput])
    input.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter') return;
      e.preventDefault();
      addRound();
    });
  // Reopen on the level chosen last (else the level of the latest round), and on its seed.
  const lastLevel = remembered.level ?? store.getState().session.rounds.at(-1)?.levelId ?? null;
  if (lastLevel && choices.some((c) => c.id === lastLevel)) levelSelect.value = lastLevel;

  function addRound(): void {
    const choice = choices.find((c) => c.id === levelSelect.value);
    if (!choice) return showLocal('Pick a level for the round.');
    const seed = parseSeed(seedInput.value);
    if ('error' in seed) return showLocal(seed.error);
    const team = teamInput.value.trim() || suggestedTeam(store.getState().session);
    const res = store
      .getState()
      .addRound({ levelId: choice.id, levelTitle: choice.title, seed: seed.seed, team });
    if (res.ok) {
      teamInput.value = '';
      showLocal(null);
      const typed = seedInput.value;
      fillSuggestions();
      // A seed typed on purpose stays for the next team unless "same seed" suggests one.
      if (!sameSeed.checked) seedInput.value = remembered.seed = typed;
    }
  }

  // Rounds.
  const roundsSec = el('section', 'rx-session-rounds');
  roundsSec.append(el('h3', 'rx-h3', 'Rounds'));
  const table = el('table', 'rx-rounds-table');
  const thead = el('thead');
  const hr = el('tr');
  for (const h of ['#', 'Team', 'Level', 'Seed', 'Status', 'Score', '']) hr.append(el('th', undefined, h));
  thead.append(hr);
  const tbody = el('tbody');
  table.append(thead, tbody);
  const emptyNote = el('p', 'rx-muted', 'No rounds yet. Add one above for each team or table.');
  roundsSec.append(table, emptyNote);

  // Footer: compare, export, import.
  const foot = el('footer', 'rx-session-foot');
  const compareBtn = button(
    'Compare rounds',
    'rx-btn-primary',
    () => {
      const last = [...store.getState().session.rounds].reverse().find((r) => r.status === 'finished');
      if (last) {
        close();
        deps.openDebrief(last.id, true);
      }
    },
    'compare-rounds',
  );
  const exportJson = () =>
    download(
      exportFileName(store.getState().session, 'json'),
      store.getState().exportJSON(),
      'application/json',
    );
  const exportCsv = () =>
    download(exportFileName(store.getState().session, 'csv'), store.getState().exportCSV(), 'text/csv');
  const fileInput = el('input');
  fileInput.type = 'file';
  fileInput.accept = '.json,application/json';
  fileInput.hidden = true;
  fileInput.dataset.testid = 'import-file';
  fileInput.addEventListener('change', () => {
    const f = fileInput.files?.[0];
    fileInput.value = '';
    if (!f) return;
    // Checked before reading: a huge file would block the page while it is parsed.
    const big = tooBigMessage(f.size);
    if (big) return showLocal(big);
    void f.text().then((t) => importText(t), () => showLocal('The file could not be read.'));
  });
  foot.append(
    compareBtn,
    button('Export JSON', '', exportJson, 'export-json'),
    button('Export CSV', '', exportCsv, 'export-csv'),
    button('Import JSON', '', () => fileInput.click(), 'import-json'),
    fileInput,
  );

  const local = el('p', 'rx-notice');
  local.setAttribute('role', 'status');
  const keys = el(
    'p',
    'rx-muted rx-keys',
    'Esc closes this panel. The session is saved in this browser after every change.',
  );
  dialog.append(head, nameRow, alerts, form, roundsSec, local, foot, keys);

  let question: Question | null = null;
  const ask = (q: Question | null) => {
    question = q;
    refresh();
  };
  // The questions before what cannot easily be taken back (./panelQuestions.ts).
  const asking: QuestionContext = {
    store,
    choices,
    ask,
    say: (text) => showLocal(text),
    exportJson,
    sessionChanged(focusName) {
      nameInput.value = store.getState().session.name;
      fillSuggestions();
      if (!focusName) return;
      nameInput.focus();
      nameInput.select();
    },
  };
  const askNewSession = () => askNewSessionQ(asking);
  const askRemove = (round: Round) => askRemoveQ(asking, round);
  const importText = (text: string) => importTextQ(asking, text);

  function showLocal(text: string | null): void {
    local.textContent = text ?? '';
  }

  function refresh(): void {
    const st = store.getState();
    alerts.replaceChildren();
    if (!st.status.ok) {
      const box = el('div', 'rx-alert');
      box.setAttribute('role', 'alert');
      box.append(
        el('p', undefined, st.status.message),
        button('Export JSON now', 'rx-btn-primary', exportJson, 'alert-export'),
      );
      alerts.append(box);
    }
    if (st.notice) alerts.append(el('p', 'rx-warn', st.notice));
    if (st.otherTab) alerts.append(el('p', 'rx-warn', st.otherTab));
    if (question) {
      const box = el('div', 'rx-alert');
      box.append(el('p', undefined, question.text));
      for (const a of question.actions) box.append(button(a.label, a.primary ? 'rx-btn-primary' : '', a.run, a.testId));
      alerts.append(box);
    }
    const available = new Set(choices.map((c) => c.id));
    const rows = roundRows(st.session, available);
    const on = {
      start,
      debrief: (id: string) => {
        close();
        deps.openDebrief(id, false);
      },
      remove: askRemove,
    };
    const kept = deps.kept?.offer() ?? null;
    tbody.replaceChildren();
    for (const r of rows) {
      const round = st.session.rounds.find((x) => x.id === r.id);
      const mine = kept && round && kept.roundId === r.id && round.status === 'playing' && (round.restarts ?? 0) + 1 === kept.attempt;
      const keptRow = mine ? { left: kept.left, resume: resumeKept, discard: discardKept } : undefined;
      tbody.append(roundRowElement(r, round, keptRow ? { ...on, kept: keptRow } : on));
    }
    table.hidden = rows.length === 0;
    emptyNote.hidden = rows.length > 0;
    compareBtn.disabled = rows.filter((r) => r.status === 'finished').length === 0;
    if (document.activeElement !== nameInput) nameInput.value = st.session.name;
  }

  /** The kept game of a "Playing now" round: back on the board, paused where it was. */
  function resumeKept(): void {
    void deps.kept?.resume().then((problem) => (problem ? (showLocal(problem), refresh()) : close()));
  }
  function discardKept(): void {
    void deps.kept?.discard().then(() => {
      showLocal('The game left in progress was discarded; the round is planned again.');
      refresh();
    });
  }

  function start(round: Round): void {
    const choice = choices.find((c) => c.id === round.levelId);
    if (!choice) return showLocal(`The level "${round.levelId}" is not loaded here.`);
    // Starting a round that is already being played is a restart: counted, and that attempt's bookmarks go.
    if (round.status === 'playing') store.getState().restartRound(round.id);
    const res = store.getState().startRound(round.id);
    if (!res.ok) return;
    close();
    deps.startRound(round, choice.level);
  }

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  };
  window.addEventListener('keydown', onKey, true);
  const unsubscribe = store.subscribe(() => refresh());

  function close(): void {
    if (!current) return;
    current = null;
    unsubscribe();
    window.removeEventListener('keydown', onKey, true);
    backdrop.remove();
    deps.onClose?.();
  }

  keepPointerInside(backdrop);
  document.body.append(backdrop);
  fillSuggestions();
  refresh();
  nameInput.focus();
  current = { close, root: backdrop };
  return current;
}
