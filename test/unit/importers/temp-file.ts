import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** Writes test input to files in a temp folder that is removed after the test file. */
export function tempFiles(): (name: string, content: string) => string {
  const dir = mkdtempSync(join(tmpdir(), 'plustwin-import-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return (name, content) => {
    const file = join(dir, name);
    writeFileSync(file, content);
    return file;
  };
}
