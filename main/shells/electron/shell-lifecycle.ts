/**
 * The desktop shell's life from start to quit as a pure state machine, so its races are tested in Node: the core's
 * first start takes about 10 s (a year of demo history), and in that time the user may start the app again
 * (second-instance), click the dock (activate) or quit. main.ts feeds it Electron's events and carries out the
 * effects it returns, nothing else.
 *
 * - starting: a splash window says the app is starting (not for a hidden start at login); a second start or a
 *   click on the dock focuses it, never a second window;
 * - running: the one main window is created once the core is ready; showing it again focuses it;
 * - quitting: the core was asked to shut down (every pending reading written) and the quit waits for its answer,
 *   sent once, also when the quit comes during start-up (the core process keeps the message until it listens);
 * - done: the quit goes through.
 */
export type Phase = 'starting' | 'running' | 'quitting' | 'done';

export interface ShellState {
  readonly phase: Phase;
  /** The splash window is open. */
  readonly splash: boolean;
  /** The user wants to see the app: the main window opens shown when the core is ready. */
  readonly wantWindow: boolean;
}

export type ShellEvent =
  /** second-instance, activate, the tray's "show". */
  | { readonly kind: 'show' }
  /** The user closed the splash window. */
  | { readonly kind: 'splash-closed' }
  | { readonly kind: 'core-ready' }
  | { readonly kind: 'core-failed'; readonly message: string }
  /** before-quit. */
  | { readonly kind: 'quit' }
  /** The core answered the shutdown, or failed to. */
  | { readonly kind: 'core-closed' };

export type Effect =
  | { readonly kind: 'show-splash' }
  | { readonly kind: 'focus-splash' }
  | { readonly kind: 'close-splash' }
  /** Tray, menus and the settings watcher: what needs a running core. */
  | { readonly kind: 'set-up-tray' }
  /** Create the one main window, shown or (a hidden start) not. */
  | { readonly kind: 'open-window'; readonly show: boolean }
  /** Show and focus the main window (re-created if it was closed). */
  | { readonly kind: 'show-window' }
  /** before-quit must call event.preventDefault(). */
  | { readonly kind: 'prevent-quit' }
  | { readonly kind: 'shutdown-core' }
  | { readonly kind: 'quit-app' }
  | { readonly kind: 'error'; readonly message: string };

export interface Step {
  readonly state: ShellState;
  readonly effects: readonly Effect[];
}

export function startShell(hidden: boolean): Step {
  return hidden
    ? { state: { phase: 'starting', splash: false, wantWindow: false }, effects: [] }
    : { state: { phase: 'starting', splash: true, wantWindow: true }, effects: [{ kind: 'show-splash' }] };
}

export function step(state: ShellState, event: ShellEvent): Step {
  const at = (next: Partial<ShellState>, ...effects: Effect[]): Step => ({ state: { ...state, ...next }, effects });
  switch (event.kind) {
    case 'show':
      if (state.phase === 'running') return at({}, { kind: 'show-window' });
      if (state.phase !== 'starting') return at({});
      return state.splash ? at({ wantWindow: true }, { kind: 'focus-splash' }) : at({ splash: true, wantWindow: true }, { kind: 'show-splash' });
    case 'splash-closed':
      // closed by hand: the app goes on starting in the tray, the window opens when asked for
      return at({ splash: false, wantWindow: state.phase === 'starting' ? false : state.wantWindow });
    case 'core-ready':
      if (state.phase !== 'starting') return at({});
      return at(
        { phase: 'running', splash: false },
        { kind: 'set-up-tray' },
        { kind: 'open-window', show: state.wantWindow },
        ...(state.splash ? [{ kind: 'close-splash' } as const] : []),
      );
    case 'core-failed':
      if (state.phase === 'starting')
        return at({ phase: 'done', splash: false }, ...(state.splash ? [{ kind: 'close-splash' } as const] : []), { kind: 'error', message: event.message }, { kind: 'quit-app' });
      // quitting: the core is gone, nothing to wait for
      if (state.phase === 'quitting') return at({ phase: 'done' }, { kind: 'quit-app' });
      return at({});
    case 'quit':
      if (state.phase === 'done') return at({});
      if (state.phase === 'quitting') return at({}, { kind: 'prevent-quit' });
      return at({ phase: 'quitting', splash: false }, { kind: 'prevent-quit' }, ...(state.splash ? [{ kind: 'close-splash' } as const] : []), { kind: 'shutdown-core' });
    case 'core-closed':
      return state.phase === 'quitting' ? at({ phase: 'done' }, { kind: 'quit-app' }) : at({});
  }
}
