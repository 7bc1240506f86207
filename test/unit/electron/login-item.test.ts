/**
 * Start at login. Exec quoting per the Desktop Entry Specification 1.5, "The Exec key": an argument with a reserved
 * character is quoted, ", `, $ and \ inside the quotes get a backslash, and then the string escape doubles every
 * backslash ("a literal dollar sign in a quoted argument ... is unambiguously represented with \\$"); a literal %
 * is %% (field codes).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  autostartDesktopEntry,
  autostartFile,
  execLine,
  launchCommand,
  startsHidden,
  syncAutostartFile,
} from '../../../main/shells/electron/login-item.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('start at login', () => {
  it('starts hidden with --hidden (Linux autostart entry, Windows run key) or when macOS opened it at login', () => {
    expect(startsHidden({ argv: ['/opt/PlusTwin/plustwin', '--hidden'], platform: 'linux', wasOpenedAtLogin: false })).toBe(true);
    expect(startsHidden({ argv: ['C:\\PlusTwin\\PlusTwin.exe', '--hidden'], platform: 'win32', wasOpenedAtLogin: false })).toBe(true);
    expect(startsHidden({ argv: ['/Applications/PlusTwin.app/Contents/MacOS/PlusTwin'], platform: 'darwin', wasOpenedAtLogin: true })).toBe(true);
    expect(startsHidden({ argv: ['/Applications/PlusTwin.app/Contents/MacOS/PlusTwin'], platform: 'darwin', wasOpenedAtLogin: false })).toBe(false);
    expect(startsHidden({ argv: ['/opt/PlusTwin/plustwin'], platform: 'linux', wasOpenedAtLogin: false })).toBe(false);
  });

  it('starts the AppImage file itself, not the mount it runs from; Electron with the app folder in development', () => {
    const base = { execPath: '/tmp/.mount_PlusTwAbC/plustwin', defaultApp: false, appPath: '/tmp/.mount_PlusTwAbC/resources/app.asar' };
    expect(launchCommand({ ...base, appImage: '/home/ada/Apps/PlusTwin-0.1.0-x86_64.AppImage' })).toEqual(['/home/ada/Apps/PlusTwin-0.1.0-x86_64.AppImage', '--hidden']);
    expect(launchCommand({ ...base, execPath: '/opt/PlusTwin/plustwin', appImage: undefined })).toEqual(['/opt/PlusTwin/plustwin', '--hidden']);
    expect(launchCommand({ execPath: '/w/node_modules/electron/dist/electron', defaultApp: true, appPath: '/w', appImage: undefined })).toEqual([
      '/w/node_modules/electron/dist/electron',
      '/w',
      '--hidden',
    ]);
  });

  it('quotes the Exec line as the Desktop Entry Specification says', () => {
    expect(execLine(['/opt/PlusTwin/plustwin', '--hidden'])).toBe('/opt/PlusTwin/plustwin --hidden');
    // a space: quoted
    expect(execLine(['/home/ada/My Apps/PlusTwin.AppImage', '--hidden'])).toBe('"/home/ada/My Apps/PlusTwin.AppImage" --hidden');
    // $ -> quoted and \$ -> string escape doubles the backslash: \\$
    expect(execLine(['/home/ada/a$b/PlusTwin', '--hidden'])).toBe('"/home/ada/a\\\\$b/PlusTwin" --hidden');
    // " -> \" -> \\"
    expect(execLine(['/x/say "hi"/p'])).toBe('"/x/say \\\\"hi\\\\"/p"');
    // a literal backslash: \ -> \\ (quoting) -> \\\\ (string escape), four in the file
    expect(execLine(['/x/a\\b'])).toBe('"/x/a\\\\\\\\b"');
    // % is a field code: %% without any need to quote
    expect(execLine(['/x/100%/p'])).toBe('/x/100%%/p');
  });

  it('writes a complete autostart entry', () => {
    expect(autostartDesktopEntry(['/opt/PlusTwin/plustwin', '--hidden'], 'Digital twin for energy-plus buildings and districts.')).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Version=1.5',
        'Name=PlusTwin',
        'Comment=Digital twin for energy-plus buildings and districts.',
        'Exec=/opt/PlusTwin/plustwin --hidden',
        'Terminal=false',
        'X-GNOME-Autostart-enabled=true',
        '',
      ].join('\n'),
    );
  });

  it('puts it in $XDG_CONFIG_HOME/autostart, else ~/.config/autostart', () => {
    expect(autostartFile({ XDG_CONFIG_HOME: '/home/ada/.cfg' }, '/home/ada')).toBe('/home/ada/.cfg/autostart/plustwin.desktop');
    expect(autostartFile({}, '/home/ada')).toBe('/home/ada/.config/autostart/plustwin.desktop');
    // a relative XDG_CONFIG_HOME is invalid and ignored (XDG Base Directory Specification)
    expect(autostartFile({ XDG_CONFIG_HOME: 'cfg' }, '/home/ada')).toBe('/home/ada/.config/autostart/plustwin.desktop');
  });

  it('creates the autostart folder and the entry, replaces it, and removes it when switched off', () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'plustwin-autostart-'));
    dirs.push(home);
    const file = autostartFile({}, home);
    syncAutostartFile(file, 'first\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('first\n');
    syncAutostartFile(file, 'moved\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('moved\n');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['plustwin.desktop']);
    syncAutostartFile(file, null);
    expect(fs.existsSync(file)).toBe(false);
    // switching off twice is no error
    syncAutostartFile(file, null);
  });
});
