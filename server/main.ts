/**
 * One process for a live workshop: the game's files and the room server on one port of the venue
 * network, with the address a phone can open and a QR code printed in the terminal.
 *
 *   npm start                  the game from source (Vite, levels reload live) + the room server
 *   npm run serve              the built game (dist/, `npm run build` first) + the room server
 *   tsx server/main.ts [--port N] [--host H] [--journal DIR] [--dist DIR | --dev | --no-game]
 *
 * Sessions are kept in `.live-sessions/` (or --journal) and resumed when the server starts again; with
 * REDIS_URL set they are kept in Redis and several processes share matchmaking through it.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import QRCode from 'qrcode';
import { reachableAddresses } from './addresses';
import { startLiveServer, type LiveServerOptions } from './app';
import { FileJournal } from './journal';
import { redisOptions } from './redis';
import { staticFiles } from './static';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '5173' },
    host: { type: 'string', default: process.env.HOST ?? '0.0.0.0' },
    journal: { type: 'string', default: '.live-sessions' },
    dist: { type: 'string' },
    dev: { type: 'boolean', default: false },
    'no-game': { type: 'boolean', default: false },
    /** Sim seconds per wall second: for the bench only (a workshop plays at 1). */
    speed: { type: 'string', default: '1' },
  },
});

async function main(): Promise<void> {
  const port = Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be a port number, not "${args.port}".`);
  let http: LiveServerOptions['http'];
  let closeVite: (() => Promise<void>) | undefined;
  if (args.dev) {
    const { createServer } = await import('vite');
    const vite = await createServer({
      server: { middlewareMode: true, ws: { port: port === 0 ? 0 : port + 1 } },
      appType: 'spa',
    });
    http = (req, res) => vite.middlewares(req, res);
    closeVite = () => vite.close();
  } else if (!args['no-game']) {
    http = staticFiles(resolve(args.dist ?? 'dist'));
  }
  const redis = await redisOptions(process.env.REDIS_URL);
  const live = await startLiveServer({
    port,
    host: args.host,
    store: redis?.store ?? new FileJournal(resolve(args.journal)),
    ...(redis ? { presence: redis.presence, driver: redis.driver } : {}),
    ...(process.env.PUBLIC_ADDRESS ? { publicAddress: process.env.PUBLIC_ADDRESS } : {}),
    ...(http ? { http } : {}),
    speed: Number(args.speed) > 0 ? Math.min(16, Number(args.speed)) : 1, // replicas take at most 16x
  });
  const venue = reachableAddresses(args.host);
  const shown = venue[0] ?? (args.host === '0.0.0.0' ? '127.0.0.1' : args.host);
  console.log(`room server: ws://${shown}:${live.port}`);
  if (live.resumed.length > 0)
    console.log(`resumed ${live.resumed.length} live session(s): ${live.resumed.join(', ')}`);
  if (http) {
    const local = `http://localhost:${live.port}`;
    const url = `http://${shown}:${live.port}/live.html`;
    console.log(`\nRipple Effect is running. On this laptop: ${local}/`);
    console.log(`For a live workshop, the facilitator opens ${local}/live.html?facilitator=1`);
    console.log(
      `Tables open this address (same Wi-Fi), or scan the code, and type the join code:\n\n  ${url}\n`,
    );
    console.log(await QRCode.toString(url, { type: 'terminal', small: true }));
    if (venue.length === 0)
      console.log(
        'This address opens only on this laptop: phones need its address on the network. Join the venue’s Wi-Fi, then start again.\n',
      );
    console.log(`Stop with Ctrl+C; live sessions are kept and resume at the next start.`);
  }
  const shutdown = async () => {
    await live.stop();
    await closeVite?.();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
