// The global test hook and driver installed by src/app/testHook.ts (used by e2e/ browser tests).
import type { LiveBoardInfo } from '../live/board/liveBoard';
import type { RippleDrive, RippleHook } from './testHook';

declare global {
  interface Window {
    __ripple?: RippleHook;
    __rippleDrive?: RippleDrive;
    /** live.html's board (a table's device or the projector): what it shows and its replicas' hashes. */
    __rippleLive?: { info(): LiveBoardInfo };
  }
}

export {};
