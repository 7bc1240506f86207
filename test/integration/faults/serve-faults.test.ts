/**
 * Fault suite, whole core: the demo district collecting into a district file whose disk fills up, then shut down
 * while it is still full; and `plustwin serve` with a stored Modbus device that accepts and never answers, which
 * must end promptly after SIGINT.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startCore } from '../../../main/core/app/app-core.js';
import { openStore } from '../../../main/core/store/open-store.js';
import type { SqliteStore } from '../../../main/core/store/sqlite-store.js';
import { startServeChild } from '../shutdown/serve-child.js';
import { userDataDir } from '../devices/core-helpers.js';
import { silentPeer, type Peer } from './peers.js';
import { smallDisk } from './small-disk.js';
import { recordFault } from './fault-report.js';

async function until<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

describe('the core on a disk that fills up', () => {
  it('shuts down cleanly while the disk is full: says what was not written, the file stays intact', async () => {
    const disk = smallDisk('plustwin-core-disk-', 64);
    cleanups.push(() => disk.cleanup());
    const log: string[] = [];
    const core = await startCore({ dataDir: disk.dir, transport: 'http', demo: true, demoHistoryDays: 1, speed: 60, log: (l) => log.push(l) });
    await until('live readings stored', () => core.collector.status().readingsStored > 50);
    const store = core.store as SqliteStore;
    await disk.fill(store.sqlite);
    await until('the status names the full disk', () => /disk is full/.test(core.collector.status().storage?.problem ?? ''));
    const before = (await store.sqlite.get<{ n: number }>('SELECT COUNT(*) AS n FROM samples'))!.n;
    const closing = await core.close().then(
      () => null,
      (e: Error) => e,
    );
    // the readings still in memory cannot be written: said plainly, naming the file, and nothing else breaks
    expect(closing?.message).toMatch(/readings not written at close: cannot write .*district\.sqlite: the disk is full/);
    expect(closing?.message).not.toMatch(/no such table/);
    expect(log.join('\n')).not.toMatch(/no such table/);

    const reopen = await openStore(path.join(disk.dir, 'district.sqlite'));
    try {
      expect(await reopen.integrityCheck()).toBe('ok');
      expect((await reopen.sqlite.get<{ n: number }>('SELECT COUNT(*) AS n FROM samples'))!.n).toBeGreaterThanOrEqual(before);
    } finally {
      await reopen.close().catch(() => undefined);
    }
  }, 120_000);
});

describe('serve with a device that never answers', () => {
  let peer: Peer;
  it('ends promptly after SIGINT', async () => {
    peer = await silentPeer();
    cleanups.push(() => peer.close());
    const dir = await userDataDir('plustwin-serve-silent-');
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const store = await openStore(path.join(dir, 'district.sqlite'));
    const view = (await store.getDistrict())!;
    await store.saveDistrict(
      view.site,
      view.buildings,
      [{ id: 'dev-silent', name: 'Stummer Zähler', buildingId: 'school', protocol: 'modbus-tcp', url: peer.url('unit=1&timeout=500'), profile: 'eastron-sdm630', pollIntervalMs: 1_000 }],
      [],
    );
    await store.close();
    const serve = await startServeChild(['--data', dir, '--port', '0', '--no-demo']);
    cleanups.push(async () => void (await serve.stop(1_000)));
    await until('serve connected to the silent device', () => peer.connections() > 0);
    const signalled = Date.now();
    serve.child.kill('SIGINT');
    const code = await Promise.race([serve.exited, new Promise<'running'>((r) => setTimeout(() => r('running'), 30_000))]);
    const ms = Date.now() - signalled;
    expect(code, `still running 30 s after SIGINT:\n${serve.log()}`).toBe(0);
    expect(serve.log()).toMatch(/stopped:/);
    recordFault({ fault: 'device silent (serve, SIGINT)', survived: true, readingsLost: 0, recoverMs: ms, note: 'time from SIGINT to exit' });
  }, 120_000);
});
