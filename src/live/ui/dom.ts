/**
 * The live page's shared pieces: the state's shape as the page reads it, the page's root and query,
 * the room server's address, the session-storage prefix, and small DOM helpers that only ever set text.
 */
export interface TableView {
  id: string;
  team: string;
  devices: number;
  status: string;
  simTime: number;
  end: number;
  score: number;
  served: number;
  gaveUp: number;
  run: number;
  levelId: string;
  seats: Map<string, { who: string }>;
}
export interface LiveView {
  code: string;
  seatMode: string;
  /** The table the facilitator puts on the projector ('' for the projector's own choice). */
  projector: string;
  leaderboard: boolean;
  /** The level of the next round, as the facilitator chose it. */
  next: string;
  tables: Map<string, TableView>;
}

export const root = document.getElementById('live')!;
export const params = new URLSearchParams(location.search);
export const endpoint = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
export const STORE = 'ripple-live:';

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text = '',
  cls = '',
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}
export function button(label: string, onClick: () => void): HTMLButtonElement {
  const b = el('button', label);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}
export const clock = (s: number) => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;

export function secret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function plainError(err: unknown): string {
  const m = err instanceof Error ? err.message : String(err);
  return (
    m || 'The room server did not answer. Check that this device is on the same Wi-Fi as the facilitator.'
  );
}
