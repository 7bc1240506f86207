/**
 * Basic-auth passwords of charge points (OCPP security profile 1 and 2) are stored as scrypt hashes only:
 * "scrypt$<salt hex>$<hash hex>" with a random 16-byte salt per password (Node's crypto.scrypt, RFC 7914).
 * Passwords are compared as bytes: the OCPP security whitepaper allows binary keys.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const KEY_LENGTH = 32;

const derive = (password: Buffer, salt: Buffer): Promise<Buffer> =>
  new Promise((resolve, reject) => scrypt(password, salt, KEY_LENGTH, (err, key) => (err ? reject(err) : resolve(key))));

export async function hashChargePointPassword(password: string | Buffer): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(Buffer.from(password), salt);
  return `scrypt$${salt.toString('hex')}$${key.toString('hex')}`;
}

export async function chargePointPasswordMatches(password: Buffer, stored: string): Promise<boolean> {
  const [scheme, saltHex, keyHex] = stored.split('$');
  if (scheme !== 'scrypt' || saltHex === undefined || keyHex === undefined) return false;
  const expected = Buffer.from(keyHex, 'hex');
  const key = await derive(password, Buffer.from(saltHex, 'hex'));
  return key.length === expected.length && timingSafeEqual(key, expected);
}
