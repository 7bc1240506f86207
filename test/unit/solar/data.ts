import { readFileSync } from 'node:fs';

/** Reads a file of assets/profiles (the PIEG-Strom data, see its SOURCE.md): tests read nothing outside the repository. */
export const profileText = (name: string): string => readFileSync(new URL(`../../../assets/profiles/${name}`, import.meta.url), 'utf8');
