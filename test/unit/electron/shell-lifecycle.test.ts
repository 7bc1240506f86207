/**
 * The shell's start-up races (shell-lifecycle.ts), run as event sequences, and the core process's end of it: a
 * shutdown sent while the core is still starting is kept and answered (earlyMessages + serveCore over a real
 * MessageChannel).
 */
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { startShell, step, type Effect, type ShellEvent, type ShellState } from '../../../main/shells/electron/shell-lifecycle.js';
import { connectCore, earlyMessages, serveCore, type CoreHost } from '../../../main/shells/electron/core-protocol.js';
import { ok } from '../../../models/result.js';
import { splashHtml, splashUrl } from '../../../main/shells/electron/splash-page.js';

/** Runs events from a start and returns every effect in order, and the final state. */
function run(hidden: boolean, events: ShellEvent[]): { effects: Effect['kind'][]; state: ShellState } {
  const start = startShell(hidden);
  let state = start.state;
  const effects: Effect['kind'][] = start.effects.map((e) => e.kind);
  for (const event of events) {
    const next = step(state, event);
    state = next.state;
    effects.push(...next.effects.map((e) => e.kind));
  }
  return { effects, state };
}

describe('the shell from start to quit', () => {
  it('shows a splash at once, then the one window when the core is ready', () => {
    expect(run(false, [{ kind: 'core-ready' }])).toEqual({
      effects: ['show-splash', 'set-up-tray', 'open-window', 'close-splash'],
      state: { phase: 'running', splash: false, wantWindow: true },
    });
    expect(step(run(false, []).state, { kind: 'core-ready' }).effects).toContainEqual({ kind: 'open-window', show: true });
  });

  it('a second start or a dock click while starting focuses the splash, never a second window', () => {
    const { effects } = run(false, [{ kind: 'show' }, { kind: 'show' }, { kind: 'core-ready' }, { kind: 'show' }]);
    expect(effects).toEqual(['show-splash', 'focus-splash', 'focus-splash', 'set-up-tray', 'open-window', 'close-splash', 'show-window']);
    expect(effects.filter((e) => e === 'open-window')).toHaveLength(1);
  });

  it('a hidden start shows nothing and opens its window hidden; asked for while starting, the splash comes', () => {
    const quiet = run(true, [{ kind: 'core-ready' }]);
    expect(quiet.effects).toEqual(['set-up-tray', 'open-window']);
    expect(step(run(true, []).state, { kind: 'core-ready' }).effects).toContainEqual({ kind: 'open-window', show: false });
    const asked = run(true, [{ kind: 'show' }]);
    expect(asked.effects).toEqual(['show-splash']);
    expect(step(asked.state, { kind: 'core-ready' }).effects).toContainEqual({ kind: 'open-window', show: true });
  });

  it('a splash closed by hand: the app starts on in the tray, its window hidden', () => {
    const closed = run(false, [{ kind: 'splash-closed' }]);
    expect(step(closed.state, { kind: 'core-ready' }).effects).toEqual([{ kind: 'set-up-tray' }, { kind: 'open-window', show: false }]);
  });

  it('a quit while starting asks the core to shut down once, waits for it, then quits; no window opens', () => {
    const { effects, state } = run(false, [
      { kind: 'quit' },
      { kind: 'quit' }, // the user insists
      { kind: 'core-ready' }, // the core comes up and handles the kept shutdown
      { kind: 'show' },
      { kind: 'core-closed' },
      { kind: 'quit' }, // app.quit() again: this time it goes through
    ]);
    expect(effects).toEqual(['show-splash', 'prevent-quit', 'close-splash', 'shutdown-core', 'prevent-quit', 'quit-app']);
    expect(state.phase).toBe('done');
  });

  it('a quit while running shuts the core down first', () => {
    expect(run(false, [{ kind: 'core-ready' }, { kind: 'quit' }, { kind: 'core-closed' }, { kind: 'quit' }]).effects).toEqual([
      'show-splash',
      'set-up-tray',
      'open-window',
      'close-splash',
      'prevent-quit',
      'shutdown-core',
      'quit-app',
    ]);
  });

  it('a core that cannot start: the message, then quit without waiting for a shutdown', () => {
    const failed = step(run(false, []).state, { kind: 'core-failed', message: 'the core could not start: ENOENT' });
    expect(failed.effects).toEqual([{ kind: 'close-splash' }, { kind: 'error', message: 'the core could not start: ENOENT' }, { kind: 'quit-app' }]);
    expect(step(failed.state, { kind: 'quit' }).effects).toEqual([]);
    // quitting while the core dies: nothing left to wait for
    expect(run(false, [{ kind: 'quit' }, { kind: 'core-failed', message: 'x' }]).effects.slice(-1)).toEqual(['quit-app']);
  });
});

describe('a shutdown sent while the core is starting', () => {
  it('is kept until the core listens, then answered', async () => {
    const { port1, port2 } = new MessageChannel();
    try {
      const early = earlyMessages();
      let arrived!: () => void;
      const shutdownArrived = new Promise<void>((resolve) => (arrived = resolve));
      port2.on('message', (m) => (early.push(m), arrived()));
      const client = connectCore({ postMessage: (m) => port1.postMessage(m), onMessage: (l) => port1.on('message', l), onClose: (l) => port1.on('close', l) });
      const closed = client.shutdown(5_000);
      // the message arrives while nothing on the core's side listens yet
      await shutdownArrived;
      const host: CoreHost = {
        call: async () => ok(null),
        control: async () => ok(null),
        onEvent: () => {},
        close: async () => ({ accepted: 4, stored: 4, pendingAtShutdown: 0 }),
      };
      serveCore({ postMessage: (m) => port2.postMessage(m), onMessage: (l) => early.onMessage(l), onClose: (l) => port2.on('close', l) }, host, {
        version: '1',
        dataDir: '/d',
        dbPath: '/d/a.sqlite',
        transport: 'electron',
      });
      await expect(closed).resolves.toEqual({ accepted: 4, stored: 4, pendingAtShutdown: 0 });
    } finally {
      port1.close();
      port2.close();
    }
  });

  it('keeps the order of what it held and passes later messages straight on', () => {
    const early = earlyMessages();
    early.push(1);
    early.push(2);
    const got: unknown[] = [];
    early.onMessage((m) => got.push(m));
    early.push(3);
    expect(got).toEqual([1, 2, 3]);
  });
});

describe('the splash page', () => {
  it('says the app is starting in the user language, under a CSP that allows only its own sheet', () => {
    expect(splashHtml('de')).toContain('PlusTwin startet …');
    expect(splashHtml('en')).toContain('PlusTwin is starting…');
    const csp = /content="([^"]+)"/.exec(splashHtml('en'))![1]!;
    expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]{43}='/);
    expect(splashHtml('en')).not.toMatch(/<script/);
    expect(Buffer.from(splashUrl('de').split(',')[1]!, 'base64').toString('utf8')).toBe(splashHtml('de'));
  });
});
