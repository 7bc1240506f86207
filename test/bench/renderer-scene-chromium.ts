/**
 * The district scene in the real renderer: Debian's Chromium, WebGL 2 on SwiftShader (a CPU rasteriser, as on CI
 * machines without a GPU), the scene lab page (test/lab/, built into dist/lab). For 1,000, 10,000 and 50,000
 * synthetic buildings: time until the first frame is drawn (geometry build, upload, render, read back), draw calls
 * and triangles of a frame, geometries and vertex/index buffer bytes on the GPU, and the median frame time,
 * against one mesh per building measured in the same run. Each measurement gets a freshly loaded page so that
 * one district's garbage does not slow the next. PLUSTWIN_BENCH_SCENE_SIZES=1000,10000,50000 sets the sizes.
 */
import type { Page } from 'playwright-core';
import type { SceneLab } from '../lab/scene-lab.js';
import type { SceneMeasurement, SceneMode } from '../lab/scene-measure.js';
import { ensureLabBuilt, LAB_DIST } from '../e2e/build-once.js';
import { launchChromium, type Browser } from '../e2e/chromium.js';
import { serveFolder } from '../e2e/static-server.js';
import type { BenchResult } from './bench-result.js';

const DEFAULT_SIZES = [1_000, 10_000, 50_000];
/** The one-mesh-per-building baseline is skipped at a size where it would take longer than this. */
const NAIVE_LIMIT_MS = 60_000;
const FRAMES = 20;
const FRAME_BUDGET_MS = 6_000;

export function sceneSizes(env = process.env['PLUSTWIN_BENCH_SCENE_SIZES']): number[] {
  if (!env?.trim()) return DEFAULT_SIZES;
  const sizes = env.split(',').map((s) => Number(s.trim().replaceAll('_', '')));
  const bad = sizes.findIndex((n) => !Number.isInteger(n) || n < 1);
  if (bad >= 0) throw new Error(`PLUSTWIN_BENCH_SCENE_SIZES: "${env.split(',')[bad]}" is not a positive whole number of buildings`);
  return sizes;
}

type Lab = { __sceneLab: SceneLab };

async function measure(page: Page, url: string, n: number, mode: SceneMode): Promise<SceneMeasurement & { wallMs: number }> {
  const started = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as Partial<Lab>).__sceneLab !== undefined);
  const m = await page.evaluate(
    ({ n, options }) => (window as unknown as Lab).__sceneLab.measure(n, options),
    { n, options: { mode, frames: FRAMES, frameBudgetMs: FRAME_BUDGET_MS } },
  );
  if (m.buildings !== n || m.skipped !== 0) throw new Error(`${mode} scene drew ${m.buildings} of ${n} buildings (${m.skipped} skipped)`);
  return { ...m, wallMs: Date.now() - started };
}

const fmtN = (n: number) => n.toLocaleString('en');
const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

function results(n: number, merged: SceneMeasurement, naive: SceneMeasurement | null, naiveNote: string | undefined): BenchResult[] {
  const label = `renderer (Chromium): ${fmtN(n)} buildings`;
  const base = (name: string, value: (m: SceneMeasurement) => number) =>
    naive ? { baseline: { name, value: value(naive) } } : {};
  const one = 'one mesh per building';
  const note = (text: string) => ({ note: [text, naiveNote].filter(Boolean).join('; ') });
  return [
    {
      name: `${label}, first frame (build + upload + draw)`,
      value: Math.round(merged.firstFrameMs),
      unit: 'ms',
      ...base(one, (m) => Math.round(m.firstFrameMs)),
      ...note(
        `of which geometry build and colours ${Math.round(merged.buildMs)} ms` +
          (naive ? ` (baseline ${Math.round(naive.buildMs)} ms)` : '') +
          '; WebGL 2 on SwiftShader (CPU), timed in the page with performance.now() up to a readPixels',
      ),
    },
    { name: `${label}, draw calls per frame`, value: merged.calls, unit: 'calls', ...base(one, (m) => m.calls), ...note('renderer.info.render.calls, ground plane included') },
    { name: `${label}, triangles per frame`, value: merged.triangles, unit: 'triangles', ...base(one, (m) => m.triangles), ...note('renderer.info.render.triangles') },
    { name: `${label}, geometries on the GPU`, value: merged.geometries, unit: 'geometries', ...base(one, (m) => m.geometries), ...note('renderer.info.memory.geometries after the first frame') },
    {
      name: `${label}, vertex and index buffers on the GPU`,
      value: mb(merged.bufferBytes),
      unit: 'MB',
      ...base(one, (m) => mb(m.bufferBytes)),
      ...note('bytes passed to gl.bufferData for buffers not deleted, counted by the scene lab'),
    },
    {
      name: `${label}, frame time (median)`,
      value: Math.round(merged.frameMedianMs * 10) / 10,
      unit: 'ms',
      ...base(one, (m) => Math.round(m.frameMedianMs * 10) / 10),
      ...note(
        `median of ${merged.frames} frames` + (naive ? `, baseline of ${naive.frames}` : '') + ` (at most ${FRAME_BUDGET_MS / 1000} s of frames, at least 3), each drawn and read back`,
      ),
    },
  ];
}

/**
 * Wall time of the baseline at n buildings from one at n0: everything but the frame loop grows about linearly
 * (first frame, generation, page load); the loop runs FRAMES frames or until the budget is spent, at least 3.
 */
function predictNaiveMs(n0: number, at: SceneMeasurement & { wallMs: number }, n: number): number {
  const scale = n / n0;
  const frame = at.frameMedianMs * scale;
  const loop = Math.max(3 * frame, Math.min(FRAME_BUDGET_MS, FRAMES * frame));
  return (at.wallMs - at.frames * at.frameMedianMs) * scale + loop;
}

export async function run(): Promise<BenchResult[]> {
  const sizes = sceneSizes();
  await ensureLabBuilt();
  let server: Awaited<ReturnType<typeof serveFolder>> | undefined;
  let browser: Browser | undefined;
  try {
    server = await serveFolder(LAB_DIST);
    browser = await launchChromium({ width: 1000, height: 700 });
    const url = `${server.url}scene-lab.html`;
    const out: BenchResult[] = [];
    let lastNaive: { n: number; m: SceneMeasurement & { wallMs: number } } | null = null;
    for (const n of [...new Set(sizes)].sort((a, b) => a - b)) {
      const merged = await measure(browser.page, url, n, 'merged');
      let naive: SceneMeasurement | null = null;
      let naiveNote: string | undefined;
      const predicted = lastNaive && predictNaiveMs(lastNaive.n, lastNaive.m, n);
      if (predicted && predicted > NAIVE_LIMIT_MS) {
        naiveNote = `no baseline: one mesh per building would take about ${Math.round(predicted / 1000)} s here (limit ${NAIVE_LIMIT_MS / 1000} s)`;
      } else {
        const m = await measure(browser.page, url, n, 'naive');
        naive = m;
        lastNaive = { n, m };
      }
      process.stderr.write(
        `scene bench: ${n} buildings: merged ${Math.round(merged.firstFrameMs)} ms / ${merged.calls} calls` +
          (naive ? `, naive ${Math.round(naive.firstFrameMs)} ms / ${naive.calls} calls` : `, ${naiveNote}`) +
          '\n',
      );
      out.push(...results(n, merged, naive, naiveNote));
    }
    if (browser.errors.length > 0) throw new Error(`the scene lab page reported errors: ${browser.errors.join(' | ')}`);
    return out;
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
  }
}
