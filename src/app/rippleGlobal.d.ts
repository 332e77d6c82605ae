// The global test hook installed by src/game/testHook.ts (read by e2e/ browser tests).
import type { RippleHook } from './testHook';

declare global {
  interface Window {
    __ripple?: RippleHook;
  }
}

export {};
