/**
 * The board's keys and its settings panel (S). Split out of PlayScene: the keys go to the routing
 * controller (src/game/play/routingController.ts), whose effects the scene runs.
 */
import { isDomOverlayOpen } from '../../ui/overlay';
import { openSettingsPanel } from '../../ui/settingsPanel';
import { getApp } from '../context';
import type { BoardInfo, Effect, RoutingController } from './routingController';
import { settingsChangedWords } from './settingsWords';

export interface PlayKeyDeps {
  /** The scene is leaving (results, menu, restart): keys do nothing. */
  ending(): boolean;
  control: RoutingController;
  board(): BoardInfo;
  serveFirst: { isOpen(): boolean; close(): void };
  run(fx: readonly Effect[]): void;
  now(): number;
}

/** The board's keydown handler (give it to onEachKeyDown). */
export function playKeyHandler(d: PlayKeyDeps): (e: KeyboardEvent) => void {
  return (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || isDomOverlayOpen() || d.ending()) return;
    if (e.key === 's' || e.key === 'S') {
      e.preventDefault();
      openPlaySettings(d.ending, d.now);
      return;
    }
    // Escape closes the "Serve first" choice (and only that).
    if (e.key === 'Escape' && d.serveFirst.isOpen()) {
      e.preventDefault();
      d.serveFirst.close();
      return;
    }
    const fx = d.control.key(e.key, e.shiftKey, d.board());
    if (fx === null) return;
    e.preventDefault();
    if (e.repeat && (e.key === ' ' || e.key === 'Enter')) return;
    d.run(fx);
  };
}

/** S during play: pause, show the settings panel, and carry on at the same speed when it closes. */
export function openPlaySettings(ending: () => boolean, now: () => number): void {
  const store = getApp().store;
  const speed = store.getState().speed;
  const before = store.getState().settings;
  store.getState().setSpeed(0);
  openSettingsPanel(store, () => {
    if (ending()) return;
    store.getState().setSpeed(speed);
    const words = settingsChangedWords(before, store.getState().settings);
    if (words) store.getState().toast(words, 'info', now());
    document.querySelector<HTMLCanvasElement>('#game canvas')?.focus();
  });
}
