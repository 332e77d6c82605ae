/**
 * A company-wide event: with REDIS_URL set, every server process shares Colyseus matchmaking through
 * Redis (@colyseus/redis-presence and @colyseus/redis-driver), so a table reaches a session whatever
 * process its device asked, and sessions are journaled to Redis lists (one per session) instead of disk.
 */
import type { matchMaker, Presence } from '@colyseus/core';
import { parseJournal, type JournalEvent, type JournalStore } from './journal';

const PREFIX = 'ripple-live:journal:';

export async function redisOptions(
  url: string | undefined,
): Promise<{ presence: Presence; driver: matchMaker.MatchMakerDriver; store: JournalStore } | null> {
  if (!url) return null;
  const [{ RedisPresence }, { RedisDriver }, { Redis }] = await Promise.all([
    import('@colyseus/redis-presence'),
    import('@colyseus/redis-driver'),
    import('ioredis'),
  ]);
  return {
    presence: new RedisPresence(url),
    driver: new RedisDriver(url),
    store: new RedisJournal(new Redis(url)),
  };
}

interface RedisLike {
  rpush(key: string, value: string): Promise<unknown>;
  lrange(key: string, from: number, to: number): Promise<string[]>;
  keys(pattern: string): Promise<string[]>;
  rename(from: string, to: string): Promise<unknown>;
  quit(): Promise<unknown>;
}

/** Appends are queued in order on one connection; `flush` waits for them (a graceful stop). */
export class RedisJournal implements JournalStore {
  private last: Promise<unknown> = Promise.resolve();
  constructor(private redis: RedisLike) {}
  append(code: string, e: JournalEvent): void {
    this.last = this.redis
      .rpush(PREFIX + code, JSON.stringify(e))
      .catch((err: unknown) => console.error('live: journal write failed:', err));
  }
  async loadAll(): Promise<Map<string, JournalEvent[]>> {
    const out = new Map<string, JournalEvent[]>();
    for (const key of await this.redis.keys(`${PREFIX}*`)) {
      if (key.endsWith(':closed')) continue;
      out.set(key.slice(PREFIX.length), parseJournal((await this.redis.lrange(key, 0, -1)).join('\n')));
    }
    return out;
  }
  async close(code: string): Promise<void> {
    await this.last;
    await this.redis.rename(PREFIX + code, `${PREFIX}${code}:closed`).catch(() => {});
  }
  async flush(): Promise<void> {
    await this.last;
  }
}
