/**
 * What the board tells the player as play goes on: toasts (under the side panel, or over the bottom
 * bar when the panel leaves no room), the live-event banner, ripples towards the customers, from the
 * sim's events (see ./eventFeed.ts). Split out of PlayScene.
 */
import type Phaser from 'phaser';
import type { GameAudio } from '../../audio/index';
import type { Level } from '../../level/schema';
import type { UiStoreApi } from '../../store/store';
import { eventBannerShown, showEventBanner } from '../../ui/eventBanner';
import type { CustomerColumn } from './CustomerColumn';
import { EventFeed } from './eventFeed';
import type { Hud } from './Hud';
import type { Pt } from './interpolate';
import { RippleFx } from './RippleFx';
import type { SidePanel } from './SidePanel';
import { toastArea, Toasts } from './Toasts';

export interface MessageParts {
  level: Level;
  store: UiStoreApi;
  audio: GameAudio | null;
  hud: Hud;
  side: SidePanel;
  customers: CustomerColumn;
  deptName(id: string): string;
  deptPos(id: string): Pt | null;
  reducedMotion(): boolean;
}

export function boardMessages(scene: Phaser.Scene, p: MessageParts): { toasts: Toasts; feed: EventFeed } {
  const room = toastArea(p.side.bottom);
  const hud = p.hud;
  const bar = {
    stepLines: () => hud.stepLines(),
    cover: (n: 0 | 1 | 2) => hud.cover(n),
    taken: eventBannerShown,
  };
  const toasts = new Toasts(scene, p.store, p.reducedMotion, room ?? undefined, room ? null : bar);
  const feed = new EventFeed({
    level: p.level,
    store: p.store,
    audio: p.audio,
    ripples: new RippleFx(scene),
    customers: p.customers,
    deptName: p.deptName,
    deptPos: p.deptPos,
    reducedMotion: p.reducedMotion,
    banner: showEventBanner,
  });
  return { toasts, feed };
}
