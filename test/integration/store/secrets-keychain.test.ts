/**
 * The desktop's secrets key in the OS keychain (Electron safeStorage), without Electron: the keychain is played by
 * a real AES-256-GCM encryption under a key of its own (what DPAPI or libsecret do for the app), so the test checks
 * what PlusTwin does with it: only the keychain-encrypted key rests on disk (0600), a plain key file of an earlier
 * version is wrapped and then deleted with the passwords it sealed still readable, and a keychain that cannot open
 * the file is an error naming the file, never a silently new key.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Device } from '../../../models/types.js';
import { aesGcmCipher } from '../../../main/core/base/secret-cipher.js';
import { startCore } from '../../../main/core/app/app-core.js';
import { startCoreHost } from '../../../main/shells/electron/core-host.js';
import { KEYCHAIN_KEY_FILE, PLAIN_KEY_FILE, keychainSecretKey, type Keychain } from '../../../main/shells/electron/keychain-key.js';
import { SITE, building } from './district-fixture.js';

const SECRET = 'Leitwarte-Passwort-4711';
const bms: Device = {
  id: 'dev-bms', name: 'GLT', buildingId: 'A', protocol: 'opcua', url: 'opc.tcp://127.0.0.1:4840', profile: 'opcua', pollIntervalMs: 15_000,
  config: { securityMode: 'None', securityPolicy: 'None', identity: { kind: 'username', username: 'glt', password: SECRET }, points: [] },
};
const mode = (f: string) => (fs.statSync(f).mode & 0o777).toString(8);

/** A keychain as the OS gives it: its own key, which never touches the data folder. */
function testKeychain(): Keychain & { calls: number } {
  const own = crypto.randomBytes(32);
  const c = aesGcmCipher(own, 'test keychain');
  const kc = {
    name: 'the test keychain',
    calls: 0,
    encrypt: (plain: string) => (kc.calls++, Buffer.from(c.seal(plain, 'plustwin'), 'utf8')),
    decrypt: (sealed: Buffer) => (kc.calls++, c.open(sealed.toString('utf8'), 'plustwin')),
  };
  return kc;
}

const dirs: string[] = [];
const freshDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'plustwin-keychain-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('the secrets key in the OS keychain', () => {
  it('creates a wrapped key (0600), opens the same key again, and never writes a plain key file', () => {
    const dir = freshDir();
    const kc = testKeychain();
    const first = keychainSecretKey(dir, kc);
    expect(first.event).toBe('created');
    expect(first.key).toHaveLength(32);
    expect(fs.existsSync(path.join(dir, PLAIN_KEY_FILE))).toBe(false);
    const wrapped = path.join(dir, KEYCHAIN_KEY_FILE);
    expect(mode(wrapped)).toBe('600');
    // the key's bytes (raw or base64) are not in the file: only the keychain can open it
    const onDisk = fs.readFileSync(wrapped);
    expect(onDisk.includes(first.key)).toBe(false);
    expect(onDisk.toString('latin1')).not.toContain(first.key.toString('base64'));
    const again = keychainSecretKey(dir, kc);
    expect(again.event).toBe('opened');
    expect(again.key.equals(first.key)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual([KEYCHAIN_KEY_FILE]);
  });

  it('moves a plain key file of an earlier version into the keychain; passwords sealed with it stay readable', async () => {
    const dir = freshDir();
    const before = await startCore({ dataDir: dir, transport: 'http', demo: false });
    await before.store.saveDistrict(SITE, [building('A')], [bms], []);
    await before.close();
    const plainKey = fs.readFileSync(path.join(dir, PLAIN_KEY_FILE));

    const kc = testKeychain();
    const moved = keychainSecretKey(dir, kc);
    expect(moved.event).toBe('migrated');
    expect(moved.key.equals(plainKey)).toBe(true);
    expect(fs.existsSync(path.join(dir, PLAIN_KEY_FILE))).toBe(false);

    // the desktop's core process gets the key from the main process: the password opens, no key file appears
    const host = await startCoreHost({ dataDir: dir, demo: false, secrets: aesGcmCipher(moved.key, moved.description) });
    try {
      expect((await host.current().store.getDistrict())!.devices[0]!.config!['identity']).toMatchObject({ password: SECRET });
    } finally {
      await host.host.close();
    }
    expect(fs.existsSync(path.join(dir, PLAIN_KEY_FILE))).toBe(false);
  });

  it('finishes an interrupted move, keeps a different plain key, and names the file a keychain cannot open', () => {
    const dir = freshDir();
    const kc = testKeychain();
    const k = keychainSecretKey(dir, kc).key;
    // interrupted: the wrapped file was written, the plain one not yet deleted
    fs.writeFileSync(path.join(dir, PLAIN_KEY_FILE), k, { mode: 0o600 });
    expect(keychainSecretKey(dir, kc).key.equals(k)).toBe(true);
    expect(fs.existsSync(path.join(dir, PLAIN_KEY_FILE))).toBe(false);
    // serve mode on the same folder made its own key file: not ours to delete
    fs.writeFileSync(path.join(dir, PLAIN_KEY_FILE), crypto.randomBytes(32), { mode: 0o600 });
    expect(keychainSecretKey(dir, kc).key.equals(k)).toBe(true);
    expect(fs.existsSync(path.join(dir, PLAIN_KEY_FILE))).toBe(true);
    // another user's (or a reset) keychain: an error naming the file, and the wrapped key is left as it was
    const wrappedBefore = fs.readFileSync(path.join(dir, KEYCHAIN_KEY_FILE));
    expect(() => keychainSecretKey(dir, testKeychain())).toThrow(new RegExp(`${KEYCHAIN_KEY_FILE} cannot be opened with the test keychain`));
    expect(fs.readFileSync(path.join(dir, KEYCHAIN_KEY_FILE)).equals(wrappedBefore)).toBe(true);
  });
});
