/**
 * A tiny static file server for the built game (dist/), on loopback only, so browser tests run the
 * same files a facilitator would put on a USB stick.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ogg': 'audio/ogg',
  '.webm': 'audio/webm',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.wav': 'audio/wav',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Text types a real static server compresses (`gzip: true`), as a venue's web server would. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg']);

/** `headers`: sent with every file (e.g. the frame bench's cross-origin isolation, for a finer clock). */
export async function serveStatic(
  rootDir: string,
  opts: { gzip?: boolean; headers?: Record<string, string> } = {},
): Promise<StaticServer> {
  const extra = opts.headers ?? {};
  const root = resolve(rootDir);
  const zipped = new Map<string, Buffer>();
  const server: Server = createServer((req, res) => {
    void (async () => {
      const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      let file = normalize(join(root, urlPath));
      if (!file.startsWith(root)) {
        res.writeHead(403).end();
        return;
      }
      try {
        if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
        const body = await readFile(file);
        const type = TYPES[extname(file)] ?? 'application/octet-stream';
        const gzip =
          opts.gzip &&
          COMPRESSIBLE.has(extname(file)) &&
          /\bgzip\b/.test(String(req.headers['accept-encoding']));
        if (gzip) {
          let z = zipped.get(file);
          if (!z) zipped.set(file, (z = gzipSync(body, { level: 9 })));
          res.writeHead(200, { ...extra, 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding' });
          res.end(z);
          return;
        }
        res.writeHead(200, { ...extra, 'content-type': type });
        res.end(body);
      } catch {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      }
    })();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
