/**
 * Secrets of the room server. Join codes: 32 symbols x 6 places, about a billion, drawn from a
 * cryptographic source; with the join rate limit a guesser would need years to land in a session by
 * chance. Seat tokens: 128 random bits, handed only to the device that holds the seat.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { CODE_ALPHABET, CODE_LENGTH } from '../src/live/joinCode';

export function newJoinCode(taken: (code: string) => boolean = () => false): string {
  for (;;) {
    let code = '';
    for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
    if (!taken(code)) return code;
  }
}

export function newToken(): string {
  return randomBytes(16).toString('base64url');
}

/** Stored instead of the facilitator key itself, so a saved session file does not give it away. */
export function keyDigest(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
