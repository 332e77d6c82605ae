// The global test hook and driver installed by src/app/testHook.ts (used by e2e/ browser tests).
import type { RippleDrive, RippleHook } from './testHook';

declare global {
  interface Window {
    __ripple?: RippleHook;
    __rippleDrive?: RippleDrive;
  }
}

export {};
