/**
 * Where the round in progress is kept (./kept.ts): its storage key alone, with no zod and no sim, so
 * the first load can tell whether there is a kept game (and wait for the code that reads it) cheaply.
 */
export const KEPT_KEY = 'ripple-effect:round-in-progress:v1';
