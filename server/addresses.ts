/**
 * Where devices in the room reach this server: its addresses on the venue network. The terminal prints
 * the first, and the facilitator's page (opened at localhost on the laptop) builds its join link and QR
 * code from them, since a phone cannot open localhost.
 */
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import { isLoopback } from '../src/live/joinAddress';

const WILDCARD = new Set(['0.0.0.0', '::', '']);

/**
 * The addresses a device in the room can open, best first, for a server listening on `host`: every
 * IPv4 address of the machine that is not loopback when it listens on all of them (0.0.0.0), the one it
 * listens on otherwise, none when that one is loopback.
 */
export function reachableAddresses(
  host: string,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): string[] {
  if (!WILDCARD.has(host)) return isLoopback(host) ? [] : [host];
  const out: string[] = [];
  for (const list of Object.values(interfaces))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) out.push(a.address);
  return out;
}
