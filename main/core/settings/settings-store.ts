/**
 * Settings persisted in <data>/settings.json. Writes go to a temporary file renamed over the old one, so a crash
 * mid-write leaves the previous settings, never half a file. A file that is not valid JSON or fails the schema is
 * kept aside as settings.json.invalid-<time> (nothing the user wrote is thrown away) and the defaults apply.
 */
import fs from 'node:fs';
import path from 'node:path';
import { dropRetiredSettings } from './retired-fields.js';
import { defaultSettings, settingsSchema, type Settings, type SettingsPatch } from './settings-schema.js';

export class SettingsError extends Error {
  override readonly name = 'SettingsError';
}

export interface LoadedSettings {
  readonly settings: Settings;
  /** Set when the file was unreadable and moved aside; say it to the user. */
  readonly problem?: string;
}

const describe = (issues: readonly { path: readonly PropertyKey[]; message: string }[]): string =>
  issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ');

export function parseSettings(text: string, where: string): Settings {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new SettingsError(`${where}: not JSON (${(e as Error).message})`);
  }
  const parsed = settingsSchema.safeParse(dropRetiredSettings(json));
  if (!parsed.success) throw new SettingsError(`${where}: ${describe(parsed.error.issues)}`);
  return parsed.data;
}

export function writeFileAtomic(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

export class SettingsStore {
  private current: Settings;
  private seenMtime = -1;
  private readonly listeners = new Set<(s: Settings) => void>();

  private constructor(
    readonly file: string,
    loaded: Settings,
  ) {
    this.current = loaded;
    this.seenMtime = this.mtime();
  }

  private mtime(): number {
    try {
      return fs.statSync(this.file).mtimeMs;
    } catch {
      return -1;
    }
  }

  static open(file: string, now: () => number = Date.now): { store: SettingsStore; problem?: string } {
    if (!fs.existsSync(file)) return { store: new SettingsStore(file, defaultSettings()) };
    try {
      return { store: new SettingsStore(file, parseSettings(fs.readFileSync(file, 'utf8'), file)) };
    } catch (e) {
      const aside = `${file}.invalid-${now()}`;
      fs.renameSync(file, aside);
      return {
        store: new SettingsStore(file, defaultSettings()),
        problem: `${(e as Error).message}; kept as ${path.basename(aside)}, defaults in use`,
      };
    }
  }

  /**
   * The current settings. The desktop app's main process (menus) and its core process (the UI's 'settings.set')
   * share the file, so a change written by the other process is picked up here; a broken file is ignored.
   */
  get(): Settings {
    const mtime = this.mtime();
    if (mtime !== this.seenMtime && mtime !== -1) {
      this.seenMtime = mtime;
      try {
        this.current = parseSettings(fs.readFileSync(this.file, 'utf8'), this.file);
      } catch {
        // keep what we have; the next successful update rewrites the file
      }
    }
    return this.current;
  }

  /** Validate the merged result first: a bad patch changes nothing, neither in memory nor on disk. */
  update(patch: SettingsPatch): Settings {
    const merged = { ...this.get(), ...patch };
    const parsed = settingsSchema.safeParse(merged);
    if (!parsed.success) throw new SettingsError(`settings: ${describe(parsed.error.issues)}`);
    writeFileAtomic(this.file, JSON.stringify(parsed.data, null, 2) + '\n');
    this.current = parsed.data;
    this.seenMtime = this.mtime();
    for (const l of this.listeners) l(parsed.data);
    return parsed.data;
  }

  onChange(listener: (s: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
