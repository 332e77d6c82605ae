/**
 * Every table of the facilitator's room view as a card (./tableCard.ts), live: the synced state gives
 * each table's seats, clock and score; the facilitator's replica of each table (the round log the server
 * sends, replayed here) gives its desks and the round so far. The replicas run on between the server's
 * ticks, and a replica that misses something asks for the whole round again.
 */
import type { Room } from '@colyseus/sdk';
import { getAllLevels } from '../../level/catalog';
import { replay } from '../../sim/index';
import { createTableReplicas } from '../replicas';
import { tableGlance } from '../roomView';
import { el, type LiveView, type TableView } from './dom';
import { createTableCard, type TableCard } from './tableCard';
import './room.css';

/** Cards are redrawn this often from the replicas (the synced state redraws them too). */
const REDRAW_MS = 500;

export interface RoomTables {
  root: HTMLElement;
  /** The replicas (for tests and the debrief): hash and log of each table as this view has them. */
  replicas: ReturnType<typeof createTableReplicas>;
  stop(): void;
}

export function mountRoomTables(room: Room, actionsFor: (table: string) => HTMLElement[]): RoomTables {
  const root = el('section', '', 'lv-tables');
  root.setAttribute('aria-label', 'Tables');
  const empty = el('p', 'No table has joined yet.', 'lv-empty');
  root.append(empty);
  const replicas = createTableReplicas(room.roomId, replay);
  const cards = new Map<string, TableCard>();
  let state: LiveView | null = null;

  room.onMessage('log', (m: unknown) => {
    const table = replicas.receive(m);
    if (table) room.send('catchup', { table });
  });

  const glance = (id: string) => {
    const r = replicas.get(id);
    const sim = r?.sim();
    if (!r || !sim) return null;
    // The view only shows counts: the replica's events are not kept.
    sim.drainEvents();
    return tableGlance(sim.view(), sim.timeline(), r.target()?.level ?? null);
  };

  /**
   * Department names for a table's seats: its round's level while one is on, else the next round's
   * (the server seats tables for it before and after a round).
   */
  const namesOf = (t: TableView, next: string): Map<string, string> => {
    const on = t.status === 'running' || t.status === 'paused';
    const levelId = on ? t.levelId : next;
    const level =
      (on ? replicas.get(t.id)?.target()?.level : undefined) ??
      getAllLevels().find((l) => l.level && (l.level.id === levelId || !levelId))?.level;
    return new Map((level?.departments ?? []).map((d) => [d.id, d.name]));
  };

  const draw = () => {
    if (!state) return;
    for (const t of state.tables.values()) {
      let card = cards.get(t.id);
      if (!card) {
        card = createTableCard(t.id, actionsFor(t.id));
        cards.set(t.id, card);
        root.append(card.root);
      }
      card.update(t, t.status === 'waiting' ? null : glance(t.id), namesOf(t, state.next));
    }
    for (const [id, card] of cards) {
      if (state.tables.has(id)) continue;
      card.root.remove();
      cards.delete(id);
    }
    empty.hidden = cards.size > 0;
    root.dataset.count = String(Math.min(cards.size, 9));
  };
  room.onStateChange((s: unknown) => {
    state = s as LiveView;
    draw();
  });

  let last = performance.now();
  const timer = window.setInterval(() => {
    const now = performance.now();
    replicas.frame(Math.min(2, (now - last) / 1000));
    last = now;
    draw();
  }, REDRAW_MS);

  return { root, replicas, stop: () => window.clearInterval(timer) };
}
