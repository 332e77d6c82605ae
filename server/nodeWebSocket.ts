/**
 * Node 20 has no global WebSocket (Node 22 does), and @colyseus/core 0.18 reads `WebSocket.OPEN` when a
 * dropped device reconnects: without this the reconnection throws "WebSocket is not defined". The `ws`
 * package's class (the one the transport uses) stands in, only where the global is missing.
 */
import { WebSocket as NodeWebSocket } from 'ws';

const g = globalThis as { WebSocket?: unknown };
g.WebSocket ??= NodeWebSocket;
