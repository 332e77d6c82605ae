import { describe, expect, it } from 'vitest';
import { isLoopback, joinPlace } from './joinAddress';

const at = (hostname: string, port = '4189') => ({
  protocol: 'http:',
  hostname,
  port,
  origin: `http://${hostname}${port ? `:${port}` : ''}`,
});

describe('the join link’s address', () => {
  it('a page at localhost links to the server’s first network address and says so', () => {
    const p = joinPlace(at('localhost'), ['192.0.2.2']);
    expect(p.origin).toBe('http://192.0.2.2:4189');
    expect(p.note).toContain('use 192.0.2.2, this laptop’s network address');
    expect(p.note).toContain('localhost opens only here');
    expect(p.warn).toBe(false);
  });
  it('names the other addresses to try', () => {
    const p = joinPlace(at('127.0.0.1', ''), ['192.0.2.2', '10.1.2.3']);
    expect(p.origin).toBe('http://192.0.2.2');
    expect(p.note).toContain('If phones cannot open it, try 10.1.2.3.');
  });
  it('with no network address it keeps the page’s address and warns that phones need one', () => {
    const p = joinPlace(at('localhost'), []);
    expect(p.origin).toBe('http://localhost:4189');
    expect(p.warn).toBe(true);
    expect(p.note).toMatch(/^Phones cannot open localhost, and this laptop has no network address: join the venue’s Wi.Fi/);
  });
  it('a page opened at the network address keeps it, and says nothing', () => {
    expect(joinPlace(at('192.0.2.7'), ['192.0.2.2'])).toEqual({ origin: 'http://192.0.2.7:4189', note: '', warn: false });
    expect(joinPlace(at('laptop.local'), [])).toEqual({ origin: 'http://laptop.local:4189', note: '', warn: false });
  });
  it('before the server has said, the page’s own address', () => {
    expect(joinPlace(at('localhost'), null).origin).toBe('http://localhost:4189');
  });
  it('knows the names that only mean this machine', () => {
    for (const h of ['localhost', 'LOCALHOST', 'app.localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]'])
      expect(isLoopback(h), h).toBe(true);
    for (const h of ['192.0.2.2', 'laptop.local', '10.0.0.127', 'localhost.example.com'])
      expect(isLoopback(h), h).toBe(false);
  });
});
