/** Chooses an entry of the top bar's menu (renderer/app/top-menu.ts) by its test id: opens the menu first. */
import type { Page } from 'playwright-core';

export async function chooseMenuEntry(page: Page, testId: string): Promise<void> {
  const entry = page.getByTestId(testId);
  if (!(await entry.isVisible())) await page.getByTestId('menu-open').click();
  await entry.click();
}
