/**
 * The token that guards serve mode when it is bound to a non-loopback address: generated once, shown once,
 * stored only as its hash in the data folder.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { hashToken } from './access.js';

export interface TokenState {
  readonly tokenHash: string;
  /** Set only when the token was generated just now and must be shown to the user. */
  readonly newToken?: string;
}

export function loadOrCreateToken(dataDir: string, regenerate = false): TokenState {
  const file = path.join(dataDir, 'serve-token.sha256');
  if (!regenerate && fs.existsSync(file)) {
    const tokenHash = fs.readFileSync(file, 'utf8').trim();
    if (/^[0-9a-f]{64}$/.test(tokenHash)) return { tokenHash };
  }
  const token = crypto.randomBytes(24).toString('base64url');
  const tokenHash = hashToken(token);
  fs.writeFileSync(file, tokenHash + '\n', { mode: 0o600 });
  // the mode above applies only when the file is created: an older file made 0644 stays so without this
  fs.chmodSync(file, 0o600);
  return { tokenHash, newToken: token };
}
