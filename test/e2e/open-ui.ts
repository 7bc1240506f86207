/** Opens the UI at a URL and waits until the app reports itself ready (window.__plustwin.ready). */
import type { Page } from 'playwright-core';
import type { DebugInfo } from '../../renderer/app/debug-hooks.js';

export type Hooked = { __plustwin: DebugInfo };

export async function openUi(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as Partial<Hooked>).__plustwin?.ready === true, null, { timeout: 60_000 });
}
