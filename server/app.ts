/**
 * Builds and starts the room server: Colyseus with its WebSocket transport, the live room, the journal
 * (disk by default, Redis when REDIS_URL is set, with Redis presence and driver so several processes
 * share one matchmaking), and every session of the journal resumed before the first device arrives.
 */
import './nodeWebSocket';
import { createServer, type RequestListener, type Server as HttpServer } from 'node:http';
import { Server, matchMaker, type Presence } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { ROOM_NAME } from '../src/live/protocol';
import { reachableAddresses } from './addresses';
import { newToken } from './codes';
import { FileJournal, type JournalStore } from './journal';
import { loadLevels, type LevelShelf } from './levels';
import { LiveRoom, setLiveContext, type LiveContext } from './liveRoom';
import { restoreSession } from './restore';

export interface LiveServerOptions {
  port: number;
  host?: string;
  /** Where journals go; default a FileJournal in `.live-sessions/` of the working folder. */
  store?: JournalStore;
  levels?: LevelShelf;
  presence?: Presence;
  driver?: matchMaker.MatchMakerDriver;
  /** The address other processes reach this one at (several processes sharing a Redis presence). */
  publicAddress?: string;
  /** Serves everything that is not the room server (the game's files). */
  http?: RequestListener;
  reconnectSeconds?: number;
  /** Seconds a dropped device's seats wait for it before the computer plays them. */
  graceSeconds?: number;
  stepMs?: number;
  tickEvery?: number;
  now?: () => number;
  speed?: number;
  /** Where devices reach this server (default: this machine's network addresses for `host`). */
  addresses?: () => string[];
}

export interface LiveServer {
  server: Server;
  http: HttpServer;
  port: number;
  context: LiveContext;
  /** Sessions resumed from the journal at boot. */
  resumed: string[];
  stop(): Promise<void>;
}

/** Largest WebSocket frame a device may send; the room checks each message's size again. */
export const MAX_PAYLOAD_BYTES = 16 * 1024;

/**
 * Colyseus answers its own paths (matchmaking, health check); everything else goes to `serve` (the
 * game's files), or gets a 404.
 */
function routeRequests(http: HttpServer, serve: RequestListener | undefined): void {
  const colyseus = http.listeners('request') as RequestListener[];
  http.removeAllListeners('request');
  http.on('request', (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path.startsWith('/matchmake') || path === '/__healthcheck' || !serve)
      for (const l of colyseus) l(req, res);
    else serve(req, res);
  });
}

export async function startLiveServer(opts: LiveServerOptions): Promise<LiveServer> {
  const http = createServer();
  const context: LiveContext = {
    store: opts.store ?? new FileJournal('.live-sessions'),
    levels: opts.levels ?? loadLevels(),
    restores: new Map(),
    reconnectSeconds: opts.reconnectSeconds ?? 60,
    ...(opts.graceSeconds !== undefined ? { graceSeconds: opts.graceSeconds } : {}),
    stepMs: opts.stepMs ?? 100,
    tickEvery: opts.tickEvery ?? 10,
    now: opts.now ?? Date.now,
    speed: opts.speed ?? 1,
    addresses: opts.addresses ?? (() => reachableAddresses(opts.host ?? '0.0.0.0')),
  };
  setLiveContext(context);
  const server = new Server({
    transport: new WebSocketTransport({ server: http, maxPayload: MAX_PAYLOAD_BYTES }),
    greet: false,
    gracefullyShutdown: false,
    ...(opts.presence ? { presence: opts.presence } : {}),
    ...(opts.driver ? { driver: opts.driver } : {}),
    ...(opts.publicAddress ? { publicAddress: opts.publicAddress } : {}),
  });
  server.define(ROOM_NAME, LiveRoom);
  await server.listen(opts.port, opts.host ?? '0.0.0.0');
  routeRequests(http, opts.http);
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  // The test helpers of @colyseus/testing read the port from here.
  (server as unknown as { port: number }).port = port;

  const resumed: string[] = [];
  for (const [code, events] of await context.store.loadAll()) {
    const session = restoreSession(events, context.levels.get, (e) => context.store.append(code, e));
    if (!session) continue;
    const ticket = newToken();
    context.restores.set(ticket, session);
    try {
      await matchMaker.createRoom(ROOM_NAME, { restore: ticket });
      resumed.push(code);
    } catch (err) {
      context.restores.delete(ticket);
      console.error(`live: could not resume session ${code}:`, err);
    }
  }

  return {
    server,
    http,
    port,
    context,
    resumed,
    async stop() {
      await server.gracefullyShutdown(false);
      await context.store.flush?.();
    },
  };
}
