/**
 * Secrets at rest: the data folder is the user's alone (0700), the district file, its WAL, backups, the key file
 * and the serve token hash are 0600, and a stored OPC UA password is never in the file in plain text (not even
 * one an older version stored so: it is sealed when the core opens the file). A file moved to a machine with
 * another key gives the password out empty, so the user enters it again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Device } from '../../../models/types.js';
import { startCore } from '../../../main/core/app/app-core.js';
import { openStore } from '../../../main/core/store/open-store.js';
import { loadOrCreateToken } from '../../../main/shells/serve/serve-token.js';
import { runCliCaptured } from '../cli/run-cli-captured.js';
import { SITE, building } from './district-fixture.js';

const SECRET = 'Leitwarte-Passwort-4711';
const mode = (f: string) => (fs.statSync(f).mode & 0o777).toString(8);
const bms: Device = {
  id: 'dev-bms', name: 'GLT', buildingId: 'A', protocol: 'opcua', url: 'opc.tcp://127.0.0.1:4840', profile: 'opcua', pollIntervalMs: 15_000,
  config: { securityMode: 'None', securityPolicy: 'None', identity: { kind: 'username', username: 'glt', password: SECRET }, points: [] },
};
/** The file and its WAL as bytes: where a password in plain text would show. */
const fileBytes = (db: string) => ['', '-wal'].map((s) => (fs.existsSync(db + s) ? fs.readFileSync(db + s).toString('latin1') : '')).join('');

const dirs: string[] = [];
const freshDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'plustwin-secrets-'));
  dirs.push(d);
  return path.join(d, 'data');
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('secrets at rest', () => {
  it('makes the folder 0700 and every file with secrets 0600; seals the password in the file', async () => {
    const dir = freshDir();
    fs.mkdirSync(dir, { mode: 0o755 });
    const core = await startCore({ dataDir: dir, transport: 'http', demo: false });
    const db = core.paths.db;
    await core.store.saveDistrict(SITE, [building('A')], [bms], []);
    expect((await core.store.getDistrict())!.devices[0]!.config!['identity']).toMatchObject({ password: SECRET });
    expect(mode(dir)).toBe('700');
    expect(mode(db)).toBe('600');
    expect(mode(path.join(dir, 'secrets.key'))).toBe('600');
    expect(fs.statSync(path.join(dir, 'secrets.key')).size).toBe(32);
    if (fs.existsSync(`${db}-wal`)) expect(mode(`${db}-wal`)).toBe('600');
    expect(fileBytes(db)).not.toContain(SECRET);
    await core.close();
    expect(fileBytes(db)).not.toContain(SECRET);

    // a backup holds what the file holds: 0600 too
    const out = path.join(path.dirname(dir), 'backup.sqlite');
    expect((await runCliCaptured('district', 'backup', '--db', db, '--out', out)).code).toBe(0);
    expect(mode(out)).toBe('600');
    expect(fileBytes(out)).not.toContain(SECRET);
  });

  it('seals a password an older version stored in plain text; another key gives it out empty', async () => {
    const dir = freshDir();
    fs.mkdirSync(dir);
    const db = path.join(dir, 'district.sqlite');
    const old = await openStore(db);
    await old.saveDistrict(SITE, [building('A')], [bms], []);
    await old.close();
    fs.chmodSync(db, 0o644);
    expect(fileBytes(db)).toContain(SECRET);

    const log: string[] = [];
    const core = await startCore({ dataDir: dir, transport: 'http', demo: false, log: (l) => log.push(l) });
    expect((await core.store.getDistrict())!.devices[0]!.config!['identity']).toMatchObject({ password: SECRET });
    await core.close();
    expect(log.join('\n')).toMatch(/1 stored password\(s\) sealed/);
    expect(fileBytes(db)).not.toContain(SECRET);
    expect(mode(db)).toBe('600');

    fs.rmSync(path.join(dir, 'secrets.key'));
    const moved = await startCore({ dataDir: dir, transport: 'http', demo: false, log: (l) => log.push(l) });
    expect((await moved.store.getDistrict())!.devices[0]!.config!['identity']).toMatchObject({ username: 'glt', password: '' });
    await moved.close();
    expect(log.join('\n')).toMatch(/device dev-bms: the stored password cannot be read .*enter it again/);
  });

  it('keeps the serve token hash 0600, also when an older file was 0644 and --new-token replaces it', () => {
    const dir = freshDir();
    fs.mkdirSync(dir);
    const file = path.join(dir, 'serve-token.sha256');
    fs.writeFileSync(file, 'x\n', { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    loadOrCreateToken(dir, true);
    expect(mode(file)).toBe('600');
  });
});
