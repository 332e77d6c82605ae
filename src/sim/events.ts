/** Event kinds in the heap (code = kind + 16 * a, payload b) and the scheduling helper. */
import { heapPush } from './heap';
import type { State } from './state';

export const E_ARRIVAL = 0; // b = arrival token
export const E_SCRIPT = 1; // a = position in the scripted order
export const E_JOB = 2; // a = ticket id, b = job kind
export const E_REQJOB = 3; // a = request index
export const E_TRANSIT = 4; // a = ticket id
export const E_ABANDON = 5; // a = ticket id
export const E_PATIENCE = 6; // a = ticket id
export const E_MOOD = 7; // a = ticket id, b = token * 4 + threshold
export const E_RATE = 8; // a = schedule index
export const E_EVSTART = 9; // a = level event index
export const E_EVEND = 10; // a = level event index
export const E_REQOPEN = 11; // a = request index
export const E_REQDUE = 12; // a = request index
export const E_NEGLECT = 13; // a = request index
export const E_HIRE = 14; // a = request index

export function schedule(s: State, time: number, kind: number, a: number, b: number): void {
  heapPush(s.heap, time, kind + 16 * a, b);
}
