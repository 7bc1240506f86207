/**
 * The desktop app's secrets key held by the OS keychain. The core seals stored passwords with a 256-bit key (see
 * core/base/secret-cipher.ts); without a keychain that key sits in `<data>/secrets.key` (0600). With one (Electron's
 * safeStorage: macOS Keychain, Windows DPAPI, libsecret/KWallet on Linux) only the keychain-encrypted form rests on
 * disk, in `<data>/secrets.key.keychain`, and the main process hands the opened key to the core's utility process
 * over its private MessagePort. A plain key file left by an earlier version is wrapped and then deleted, so secrets
 * sealed before stay readable. No 'electron' import: the keychain comes in as an interface, so this is tested in Node.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { loadOrCreateKey } from '../../core/base/secret-cipher.js';

/** What the shell needs of a keychain (Electron's safeStorage.encryptString/decryptString). */
export interface Keychain {
  /** For messages, e.g. "the OS keychain (gnome_libsecret)". */
  readonly name: string;
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
}

export const PLAIN_KEY_FILE = 'secrets.key';
export const KEYCHAIN_KEY_FILE = 'secrets.key.keychain';
const KEY_BYTES = 32;

export interface KeychainKey {
  readonly key: Buffer;
  readonly description: string;
  /** What happened to the key files this time, for the log. */
  readonly event: 'opened' | 'created' | 'migrated';
}

function openWrapped(file: string, keychain: Keychain): Buffer {
  let text: string;
  try {
    text = keychain.decrypt(fs.readFileSync(file));
  } catch (e) {
    throw new Error(`${file} cannot be opened with ${keychain.name}: ${(e as Error).message}`);
  }
  const key = Buffer.from(text, 'base64');
  if (key.length !== KEY_BYTES) throw new Error(`${file} does not hold a PlusTwin key (${key.length} bytes, expected ${KEY_BYTES})`);
  return key;
}

/** Written next to the target and renamed over it: a crash leaves the old file or the new one, never half of one. */
function writeWrapped(file: string, key: Buffer, keychain: Keychain): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, keychain.encrypt(key.toString('base64')), { mode: 0o600 });
  fs.renameSync(tmp, file);
  if (!openWrapped(file, keychain).equals(key)) throw new Error(`${file}: the keychain gave back another key than it was given`);
}

export function keychainSecretKey(dataDir: string, keychain: Keychain): KeychainKey {
  const wrapped = path.join(dataDir, KEYCHAIN_KEY_FILE);
  const plain = path.join(dataDir, PLAIN_KEY_FILE);
  const description = `${keychain.name} (${wrapped})`;
  if (fs.existsSync(wrapped)) {
    const key = openWrapped(wrapped, keychain);
    // an interrupted migration leaves the same key in plain text: finish it. A different plain key is not ours to
    // delete (serve mode on the same folder made it); it stays.
    if (fs.existsSync(plain) && loadOrCreateKey(plain).equals(key)) fs.unlinkSync(plain);
    return { key, description, event: 'opened' };
  }
  if (fs.existsSync(plain)) {
    const key = loadOrCreateKey(plain);
    writeWrapped(wrapped, key, keychain);
    fs.unlinkSync(plain);
    return { key, description, event: 'migrated' };
  }
  const key = crypto.randomBytes(KEY_BYTES);
  writeWrapped(wrapped, key, keychain);
  return { key, description, event: 'created' };
}
