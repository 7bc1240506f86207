/**
 * "Start at login" on each platform, and whether this start came from it (then the app starts in the tray only).
 * Electron's app.setLoginItemSettings works on macOS and Windows only (electron.d.ts 41: "@platform darwin,win32"),
 * and its `args` reach the app on Windows only. So:
 * - Linux: an XDG autostart entry, $XDG_CONFIG_HOME/autostart/plustwin.desktop (XDG Autostart Specification 0.5),
 *   whose Exec line starts the app with --hidden; written at every start while the setting is on, so it follows an
 *   AppImage that was moved;
 * - Windows: setLoginItemSettings with args ['--hidden'];
 * - macOS: setLoginItemSettings, and at start app.getLoginItemSettings().wasOpenedAtLogin tells a start at login
 *   (openAsHidden and wasOpenedAsHidden are deprecated and do nothing on macOS 13 and later).
 */
import fs from 'node:fs';
import path from 'node:path';

export const HIDDEN_FLAG = '--hidden';

export interface StartFacts {
  readonly argv: readonly string[];
  readonly platform: NodeJS.Platform;
  /** macOS: app.getLoginItemSettings().wasOpenedAtLogin; elsewhere false. */
  readonly wasOpenedAtLogin: boolean;
}

/** True when the app should start in the tray without showing its window. */
export const startsHidden = (f: StartFacts): boolean => f.argv.includes(HIDDEN_FLAG) || (f.platform === 'darwin' && f.wasOpenedAtLogin);

export interface LaunchFacts {
  /** process.execPath: the app's binary (in development, Electron's). */
  readonly execPath: string;
  /** process.defaultApp: true when started as `electron <app folder>` (npm start), which needs the folder. */
  readonly defaultApp: boolean;
  /** app.getAppPath(), needed only with defaultApp. */
  readonly appPath: string;
  /** $APPIMAGE, set by the AppImage runtime: execPath then points into a mount that changes at every start. */
  readonly appImage: string | undefined;
}

/** The command that starts this app again, hidden. */
export function launchCommand(f: LaunchFacts): string[] {
  if (f.appImage) return [f.appImage, HIDDEN_FLAG];
  return f.defaultApp ? [f.execPath, f.appPath, HIDDEN_FLAG] : [f.execPath, HIDDEN_FLAG];
}

/** Characters that oblige an argument to be quoted (Desktop Entry Specification 1.5, "The Exec key"). */
const RESERVED = /[ \t\n"'\\><~|&;$*?#()`]/;

/**
 * One argument of an Exec line: % written as %% (a field code otherwise); quoted when it holds a reserved character,
 * with ", `, $ and \ escaped by a backslash inside the quotes.
 */
function execArgument(arg: string): string {
  const literal = arg.replaceAll('%', '%%');
  return literal === '' || RESERVED.test(literal) ? `"${literal.replace(/["`$\\]/g, '\\$&')}"` : literal;
}

/** The string escapes every value of a desktop entry gets, applied after the quoting (the spec's order). */
const escapeValue = (value: string): string =>
  value.replace(/[\\\n\t\r]/g, (c) => ({ '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r' })[c]!);

export function execLine(command: readonly string[]): string {
  return escapeValue(command.map(execArgument).join(' '));
}

export function autostartDesktopEntry(command: readonly string[], comment: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.5',
    'Name=PlusTwin',
    `Comment=${escapeValue(comment)}`,
    `Exec=${execLine(command)}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** $XDG_CONFIG_HOME/autostart/plustwin.desktop, ~/.config when the variable is unset or not absolute (XDG Base Directory). */
export function autostartFile(env: NodeJS.ProcessEnv, home: string): string {
  const config = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(home, '.config');
  return path.join(config, 'autostart', 'plustwin.desktop');
}

/** Writes the entry (atomically) or removes it; `entry` null means "do not start at login". */
export function syncAutostartFile(file: string, entry: string | null): void {
  if (entry === null) {
    fs.rmSync(file, { force: true });
    return;
  }
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === entry) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, entry, { mode: 0o644 });
  fs.renameSync(tmp, file);
}
