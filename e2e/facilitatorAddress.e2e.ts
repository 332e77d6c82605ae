/**
 * Blind playtest 8, finding 3: the facilitator opens the page at localhost, as the README says, and the
 * tables' join link, the projector's link and the QR code must carry an address a phone can open: the
 * room server's own address on the network, which the page then names. With no such address the page
 * says that phones need one. The QR code is read back from its pixels and compared with the modules of
 * the link it should hold.
 * The room server runs in this process with a made-up network address (192.0.2.2, kept for documentation).
 */
import '../server/nodeWebSocket';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import QRCode from 'qrcode';
import { startLiveServer, type LiveServer } from '../server/app';
import { FileJournal } from '../server/journal';
import { staticFiles } from '../server/static';
import { holder, tempJournalDir } from '../server/testing';
import { launchBrowser } from './browser';

const dist = resolve(process.cwd(), process.env.E2E_DIST ?? 'dist');
const held = holder();
let live: LiveServer;
let addresses = ['192.0.2.2', '10.1.2.3'];
let fac: Page;
let code = '';

beforeAll(async () => {
  live = await startLiveServer({
    port: 0,
    host: '127.0.0.1',
    store: new FileJournal(tempJournalDir()),
    http: staticFiles(dist),
    addresses: () => addresses,
  });
  held.keep({ close: () => live.stop() });
  const b = held.keep(await launchBrowser({ width: 1280, height: 720 }));
  fac = await b.context.newPage();
}, 60_000);
afterAll(() => held.closeAll());

/** The QR code's dark modules as the page drew them (sampled at each module's middle). */
async function qrModules(page: Page, size: number): Promise<boolean[]> {
  return page.$eval(
    'img.qr',
    async (img: HTMLImageElement, n: number) => {
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.naturalWidth;
      c.height = img.naturalHeight;
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      // The page draws it with a margin of 1 module (QRCode.toDataURL, margin 1).
      const scale = c.width / (n + 2);
      const margin = Math.floor(scale);
      const px = g.getImageData(0, 0, c.width, c.height).data;
      const out: boolean[] = [];
      for (let r = 0; r < n; r++)
        for (let col = 0; col < n; col++) {
          const x = Math.floor(margin + (col + 0.5) * scale);
          const y = Math.floor(margin + (r + 0.5) * scale);
          out.push(px[(y * c.width + x) * 4]! < 128);
        }
      return out;
    },
    size,
  );
}

async function expectQrHolds(url: string): Promise<void> {
  const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const want = [...qr.modules.data].map((m) => m === 1);
  await expect.poll(() => fac.locator('img.qr').getAttribute('alt')).toBe(`QR code for ${url}`);
  await expect.poll(async () => (await qrModules(fac, qr.modules.size)).join()).toBe(want.join());
}

describe('the join link of a facilitator page opened at localhost', () => {
  it('carries the server’s network address, in the link, the projector’s link and the QR code, and says so', async () => {
    await fac.goto(`http://localhost:${live.port}/live.html?facilitator=1`);
    await fac.getByText('Create the live session').click();
    code = (await fac.locator('.code').textContent({ timeout: 20_000 }))!;
    const join = `http://192.0.2.2:${live.port}/live.html?code=${code}`;
    await expect.poll(() => fac.locator('.lv-join-url').textContent()).toBe(join);
    expect(await fac.locator('.lv-projector-url').textContent()).toBe(
      `Projector: http://192.0.2.2:${live.port}/live.html?projector=${code}`,
    );
    const where = fac.locator('.lv-join-where');
    expect(await where.textContent()).toBe(
      'The link and QR code use 192.0.2.2, this laptop’s network address; localhost opens only here. ' +
        'If phones cannot open it, try 10.1.2.3.',
    );
    await expectQrHolds(join);
    await fac.screenshot({ path: 'e2e/artifacts/facaddress-01-network.png' });
  });

  it('with no network address, keeps localhost and says that phones need the laptop’s network address', async () => {
    addresses = [];
    await fac.reload(); // the page joins its session again and is welcomed with no address
    await expect
      .poll(() => fac.locator('.lv-join-where').textContent(), { timeout: 20_000 })
      .toMatch(/^Phones cannot open localhost, and this laptop has no network address: join the venue’s Wi.Fi/);
    const join = `http://localhost:${live.port}/live.html?code=${code}`;
    expect(await fac.locator('.lv-join-url').textContent()).toBe(join);
    await expectQrHolds(join);
    await fac.screenshot({ path: 'e2e/artifacts/facaddress-02-none.png' });
  });
});
