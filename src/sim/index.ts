/**
 * The simulation engine. Pure and deterministic: same level + seed + timed commands give the same
 * state and hash, bit for bit. See types.ts for the contract.
 */
export { createSim, restoreSim, replay } from './sim';
export { runPolicy, type RunOptions } from './run';
export { policies, expectedHandoffCost, type PolicyName } from './policies';
export { scoreFrom } from './scoring';
export * from './types';
