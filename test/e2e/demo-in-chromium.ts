/**
 * What most browser tests start from: serve mode with the demo district (replayed 60 times as fast unless told),
 * the district as the API gives it, and Chromium with one page. Stopped in the reverse order.
 */
import type { Page } from 'playwright-core';
import type { DistrictView } from '../../models/contract/index.js';
import { callApi } from './api-direct.js';
import { launchChromium, type Browser } from './chromium.js';
import { startServe, type ServeProcess } from './serve-process.js';

export interface DemoInChromium {
  readonly serve: ServeProcess;
  readonly district: DistrictView;
  readonly browser: Browser;
  readonly page: Page;
}

export async function startDemoInChromium(viewport?: { width: number; height: number }, speed = 60): Promise<DemoInChromium> {
  const serve = await startServe({ speed, startTimeoutMs: 110_000 });
  const district = await callApi(serve.url, 'district.get', {});
  const browser = await launchChromium(viewport);
  return { serve, district, browser, page: browser.page };
}

/** Closes what was started (a set-up that failed half way leaves some of it undefined). */
export async function stopDemoInChromium(browser: Browser | undefined, serve: ServeProcess | undefined): Promise<void> {
  await browser?.close();
  await serve?.stop();
}
