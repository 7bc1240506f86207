/**
 * Secrets at rest (stored OPC UA passwords, later MQTT and OCPP ones). A SecretCipher seals a secret into text
 * that can sit in the district file and opens it again. The core's default keeps a random 256-bit key in
 * `<data>/secrets.key`, readable by the user only (0600, in the 0700 data folder), and seals with AES-256-GCM,
 * bound to what the secret belongs to (a device id) so a sealed value cannot be moved to another device. A shell
 * with an OS keychain (Electron's safeStorage) can provide its own cipher through the same interface.
 * AES-GCM: NIST SP 800-38D; a 96-bit random IV per message and the 128-bit tag are the recommended parameters.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface SecretCipher {
  /** Text safe to store; `context` (e.g. the device id) must be given again to open it. */
  seal(plain: string, context: string): string;
  /** The secret, or throws when it cannot be opened (another key, changed text, other context). */
  open(sealed: string, context: string): string;
  /** Whether `stored` is sealed text (else a secret stored in plain text by an older version). */
  isSealed(stored: string): boolean;
  /** Where the key lives, for messages. */
  readonly keyDescription: string;
}

const PREFIX = 'plustwin-sealed:v1:';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SecretOpenError extends Error {}

/** Reads the key file, or creates it (0600) when there is none; a key readable by others is made private. */
export function loadOrCreateKey(file: string): Buffer {
  try {
    fs.writeFileSync(file, crypto.randomBytes(KEY_BYTES), { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new Error(`cannot create the key file ${file}: ${(e as Error).message}`);
  }
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  const key = fs.readFileSync(file);
  if (key.length !== KEY_BYTES) throw new Error(`${file} is not a PlusTwin key file (${key.length} bytes, expected ${KEY_BYTES})`);
  return key;
}

export function aesGcmCipher(key: Buffer, keyDescription: string): SecretCipher {
  return {
    keyDescription,
    isSealed: (stored) => stored.startsWith(PREFIX),
    seal(plain, context) {
      const iv = crypto.randomBytes(IV_BYTES);
      const c = crypto.createCipheriv('aes-256-gcm', key, iv);
      c.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return PREFIX + Buffer.concat([iv, c.getAuthTag(), body]).toString('base64');
    },
    open(sealed, context) {
      const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64');
      if (!sealed.startsWith(PREFIX) || raw.length < IV_BYTES + TAG_BYTES) throw new SecretOpenError('not a sealed secret');
      try {
        const d = crypto.createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
        d.setAAD(Buffer.from(context, 'utf8'));
        d.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        return Buffer.concat([d.update(raw.subarray(IV_BYTES + TAG_BYTES)), d.final()]).toString('utf8');
      } catch {
        throw new SecretOpenError(`sealed with another key than ${keyDescription}`);
      }
    },
  };
}

/** The default: a key file in the data folder. */
export const keyFileCipher = (dataDir: string): SecretCipher => {
  const file = path.join(dataDir, 'secrets.key');
  return aesGcmCipher(loadOrCreateKey(file), file);
};
