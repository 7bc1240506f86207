/**
 * Where the window opens: where it was last, unless that place is no longer on any screen (a monitor unplugged,
 * a resolution changed), then centred on the primary screen. Sizes never exceed the screen they land on.
 */
import { z } from 'zod';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface WindowState extends Rect {
  readonly maximized: boolean;
}

export const windowStateSchema = z
  .object({
    x: z.number().int(),
    y: z.number().int(),
    width: z.number().int().min(100).max(100_000),
    height: z.number().int().min(100).max(100_000),
    maximized: z.boolean(),
  })
  .strict();

export const DEFAULT_SIZE = { width: 1400, height: 900 } as const;
export const MIN_SIZE = { width: 800, height: 560 } as const;
/** How much of the title bar must be on a screen for the old place to count as visible. */
const MIN_VISIBLE = 100;

const overlap = (a: Rect, b: Rect): Rect => {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  return { x, y, width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - x), height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - y) };
};

function centred(size: { width: number; height: number }, area: Rect): Rect {
  const width = Math.min(size.width, area.width);
  const height = Math.min(size.height, area.height);
  return {
    x: Math.round(area.x + (area.width - width) / 2),
    y: Math.round(area.y + (area.height - height) / 2),
    width,
    height,
  };
}

/**
 * @param saved the stored state, or null on first start
 * @param workAreas each display's work area (without task bar), the primary one first
 */
export function placeWindow(saved: WindowState | null, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  if (saved) {
    const titleBar: Rect = { x: saved.x, y: saved.y, width: saved.width, height: 32 };
    const home = workAreas.find((a) => {
      const o = overlap(titleBar, a);
      return o.width >= Math.min(MIN_VISIBLE, saved.width) && o.height > 0;
    });
    if (home) {
      return {
        x: saved.x,
        y: saved.y,
        width: Math.min(saved.width, home.width),
        height: Math.min(saved.height, home.height),
        maximized: saved.maximized,
      };
    }
    return { ...centred(saved, primary), maximized: saved.maximized };
  }
  return { ...centred(DEFAULT_SIZE, primary), maximized: false };
}

/** A stored state, or null when the file is missing or not a state (then the default place is used). */
export function parseWindowState(text: string | null): WindowState | null {
  if (text === null) return null;
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export interface OpeningSteps {
  /** Maximize when the page is ready to show. */
  readonly maximizeAtReady: boolean;
  readonly showAtReady: boolean;
  /** Started hidden from a maximized window: maximize when the user first opens it (and remember it meanwhile). */
  readonly maximizeOnFirstShow: boolean;
}

/**
 * What the new window does at 'ready-to-show'. BrowserWindow.maximize() also shows a window that is not displayed
 * (electron.d.ts 41), so a hidden start (--hidden, start at login) must not maximize until it is shown.
 */
export function openingSteps(maximized: boolean, hidden: boolean): OpeningSteps {
  return hidden
    ? { maximizeAtReady: false, showAtReady: false, maximizeOnFirstShow: maximized }
    : { maximizeAtReady: maximized, showAtReady: true, maximizeOnFirstShow: false };
}
