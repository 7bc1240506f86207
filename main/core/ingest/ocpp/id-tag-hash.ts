/**
 * Id tags (RFID card numbers) identify people, so only SHA-256 of the district's random salt and the tag is stored:
 * the same card gives the same hash within a district (sessions can be grouped), and no two districts' hashes match.
 */
import { createHash } from 'node:crypto';

export const idTagHash = (salt: string, idTag: string): string =>
  createHash('sha256').update(`${salt}\u0000${idTag}`, 'utf8').digest('hex');
