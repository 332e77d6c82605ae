// The global test hook and driver installed by src/app/testHook.ts (used by e2e/ browser tests), only on
// a page that set window.__rippleTest before its scripts ran (src/app/testHookGate.ts).
import type { LiveBoardInfo } from '../live/board/liveBoard';
import type { RippleDrive, RippleHook } from './testHook';

declare global {
  interface Window {
    /** Set by a browser test or a bench before the page's scripts run: install the test hook. */
    __rippleTest?: boolean;
    __ripple?: RippleHook;
    __rippleDrive?: RippleDrive;
    /** live.html's board (a table's device or the projector): what it shows and its replicas' hashes. */
    __rippleLive?: { info(): LiveBoardInfo };
  }
}

export {};
