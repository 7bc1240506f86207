import { readFileSync } from 'node:fs';

/** Reads a file of ../shared/data/profiles (the repo sits beside shared/, in CI too). */
export const profileText = (name: string): string =>
  readFileSync(new URL(`../../../../shared/data/profiles/${name}`, import.meta.url), 'utf8');
