/**
 * The room's edge: what a device says is checked here before it reaches the session. Join options are
 * read with the protocol's zod contract (and a device of another version is told to reload); each
 * message is refused, in plain words, when the sender's role may not send it, when it is too large, or
 * when its shape is wrong. Only a message that passes reaches its handler, already parsed.
 */
import { ErrorCode, ServerError, type Client } from '@colyseus/core';
import type { z } from 'zod';
import {
  ClientMessages,
  JoinOptions,
  MAX_MESSAGE_CHARS,
  PROTOCOL_VERSION,
  type ClientMessageType,
  type Role,
} from '../src/live/protocol';

/** Who a connection is, as the room keeps it in `client.userData`. */
export interface Who {
  role: Role;
  table?: string;
  device?: string;
}

export function versionProblem(version: unknown): string | null {
  return version === PROTOCOL_VERSION
    ? null
    : `This device runs another version of Ripple Effect than the room server. Reload the page (or ask the facilitator which address to open) and join again.`;
}

export function readJoin(options: unknown): z.infer<typeof JoinOptions> {
  const v = versionProblem((options as { version?: unknown } | null)?.version);
  if (v) throw new ServerError(ErrorCode.APPLICATION_ERROR, v);
  const r = JoinOptions.safeParse(options);
  if (!r.success)
    throw new ServerError(
      ErrorCode.APPLICATION_ERROR,
      r.error.issues[0]?.message ?? 'Those join details cannot be read.',
    );
  return r.data;
}

export type Handler<K extends ClientMessageType> = (
  client: Client,
  msg: z.infer<(typeof ClientMessages)[K]>,
  who: Who,
) => void;

/**
 * The room's listener for messages of `type`: refuses (with a 'refused' answer carrying the message's
 * `seq` when it has one) a sender whose role is not in `roles`, a message over MAX_MESSAGE_CHARS as
 * JSON, and one its contract does not accept; passes the parsed message on otherwise.
 */
export function checked<K extends ClientMessageType>(
  type: K,
  roles: readonly Role[],
  handle: Handler<K>,
): (client: Client, raw: unknown) => void {
  return (client, raw) => {
    const who = client.userData as Who | undefined;
    const seq =
      typeof (raw as { seq?: unknown } | null)?.seq === 'number' ? (raw as { seq: number }).seq : -1;
    const refuse = (reason: string) => client.send('refused', { type, seq, reason });
    if (!who || !roles.includes(who.role)) return refuse('This device may not do that.');
    let size = Infinity;
    try {
      size = JSON.stringify(raw)?.length ?? Infinity;
    } catch {
      /* not JSON-able: refused below */
    }
    if (size > MAX_MESSAGE_CHARS) return refuse('That message is too large.');
    const parsed = ClientMessages[type].safeParse(raw);
    if (!parsed.success)
      return refuse(`That message cannot be read: ${parsed.error.issues[0]?.message ?? 'wrong shape'}.`);
    handle(client, parsed.data as z.infer<(typeof ClientMessages)[K]>, who);
  };
}
