/**
 * The round log: one mechanism that keeps every board of a round in step, whatever carries it.
 *
 * A round is its level, its seed and the ordered log of commands. One authority orders the log
 * (./authority.ts): in one browser it is the presenter's window, over the network the room server.
 * Every board that shows the round is a replica (./replica.ts) that replays the log with the same
 * deterministic sim, catches up from the whole log when it joins late or loses its place, rejects what
 * did not come from its authority or cannot be true, and compares state hashes at agreed sim times.
 * Nothing here knows about windows, sockets or the DOM: it depends on the sim and the command contract.
 *
 * ## Plugging in a transport
 * A transport moves `LogMessage`s (./messages.ts) and vouches for who sent them. It has four jobs:
 *  1. On the authority's side: after the sim moved or took a command, send `authority.take()` (entries
 *     and checks, in order) and now and then `authority.tick(speed, paused)`; on a pause and at the end
 *     send `authority.checkNow()` too.
 *  2. Answer a replica that asks (a late joiner, a reload, `replica.wantsRound()`) with
 *     `authority.snapshot(speed, paused)`; rate-limit those answers per peer.
 *  3. On each replica's side: run every incoming message through `parseLogMessage` (zod, the shared
 *     command contract), then `replica.receive(msg)`; when it returns 'resync' or `wantsRound()` is true,
 *     ask the authority for the round (at most a few times a second).
 *  4. Bind the replica to the authority it linked with: `createReplica(replay, { authority })` or
 *     `replica.bind(id)`, where `id` is what the transport can prove (the BroadcastChannel transport in
 *     src/facilitator signs each message with a per-link secret; a WebSocket client trusts its server).
 * The server path feeds participants' commands through `authority.submit(raw)` (validated there).
 */
export { createAuthority, type Authority, type AuthorityOptions, type Submitted } from './authority';
export { advanceChecked } from './checks';
export {
  CHECK_EVERY,
  MAX_LOG,
  parseLogMessage,
  sameEntry,
  type CheckMsg,
  type EntryMsg,
  type LogMessage,
  type RoundMsg,
  type TickMsg,
} from './messages';
export {
  createReplica,
  type Replica,
  type ReplicaOptions,
  type ReplicaStatus,
  type ReplicaTarget,
  type ReplayFn,
  type Verdict,
} from './replica';
