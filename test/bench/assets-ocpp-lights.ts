/**
 * District assets at city scale: 1,000 charge points connected to the OCPP central system (a process of simulated
 * charge points, test/bench/support/ocpp-swarm.mjs) each sending MeterValues once a minute, and 5,000 street lights
 * in the analysis. Figures:
 * - the central system's CPU per minute of 1,000 charge points' MeterValues (the rounds are sent 10 times faster
 *   than real, PLUSTWIN_BENCH_OCPP_ROUND_MS, and the CPU time is divided by the rounds: the share of one core a
 *   real minute costs), and its memory (RSS and heap) with all of them connected;
 * - the analysis of January (15 minutes) of that district with the consumption classes: 1,000 charge point meters
 *   and 5,000 street lights, its time and heap; baseline in the same run: the same analysis without the lights.
 * PLUSTWIN_BENCH_OCPP_CPS and PLUSTWIN_BENCH_LIGHTS scale it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { StreetLight } from '../../models/lighting/index.js';
import { analyseDistrict } from '../../main/core/analysis/district-analysis.js';
import { startCentralSystem } from '../../main/core/ingest/ocpp/central-system.js';
import { openStore } from '../../main/core/store/open-store.js';
import type { BenchResult } from './bench-result.js';

const CPS = Number(process.env.PLUSTWIN_BENCH_OCPP_CPS ?? 1000);
const LIGHTS = Number(process.env.PLUSTWIN_BENCH_LIGHTS ?? 5000);
const ROUNDS = 3;
const ROUND_MS = Number(process.env.PLUSTWIN_BENCH_OCPP_ROUND_MS ?? 6000);
/** 1 January 2026 00:00 CET: the readings' minutes, and the month analysed. */
const T0 = Date.UTC(2025, 11, 31, 23);
const SWARM = fileURLToPath(new URL('./support/ocpp-swarm.mjs', import.meta.url));
const SITE = { id: 'bench', name: 'Bench', origin: { lat: 51.51, lon: 7.46 }, timezone: 'Europe/Berlin' };
const MB = 2 ** 20;

/** Lights spread over about 7 x 9 km of Dortmund, a third of them old lamps at full power, the rest dimmed LEDs. */
const lights = (n: number): StreetLight[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `L${i}`,
    lon: 7.4 + (i % 71) * 0.0015,
    lat: 51.48 + Math.floor(i / 71) * (0.085 / Math.ceil(n / 71)),
    powerW: 40 + (i % 5) * 20,
    led: i % 3 !== 0,
    schedule: i % 3 === 0 ? { steps: [], thenPercent: 100 } : { steps: [{ until: '22:00', percent: 100 }, { until: '05:00', percent: 50 }], thenPercent: 100 },
  }));

export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'plustwin-bench-assets-'));
  const store = await openStore(join(dir, 'district.sqlite'), { now: () => T0 + 86_400_000 });
  try {
    await store.saveDistrict(SITE, [{ id: 'depot', name: 'Depot', use: 'office', footprint: [[7.46, 51.51], [7.4602, 51.51], [7.4602, 51.5102]], heightM: 6 }], [], []);
    for (let i = 0; i < CPS; i++) await store.charging.saveChargePoint({ id: `CP-${i}`, buildingId: 'depot' });
    const cs = await startCentralSystem({ store, charging: store.charging, settings: { enabled: true, host: '127.0.0.1', port: 0, allowUnknown: false, unknownBuildingId: null, heartbeatS: 300 } });
    const memBefore = process.memoryUsage();
    const swarm = spawn(process.execPath, [SWARM, cs.url, String(CPS), String(ROUNDS), String(ROUND_MS), String(T0)], { stdio: ['pipe', 'pipe', 'inherit'] });
    const lines = createInterface({ input: swarm.stdout! });
    const next = (): Promise<{ phase: string; answered: number; errors: number; seconds: number }> => new Promise((resolve) => lines.once('line', (l) => resolve(JSON.parse(l))));
    const booted = await next();
    if (booted.errors > 0 || cs.connected().length !== CPS) throw new Error(`only ${cs.connected().length} of ${CPS} charge points connected`);
    global.gc?.();
    const memConnected = process.memoryUsage();
    const phase = async () => {
      const cpu0 = process.cpuUsage();
      swarm.stdin!.write('go\n');
      const r = await next();
      await store.flush();
      const cpu = process.cpuUsage(cpu0);
      if (r.errors > 0) throw new Error(`${r.errors} MeterValues calls were refused`);
      return { cpuS: (cpu.user + cpu.system) / 1e6, wallS: r.seconds };
    };
    const registration = await phase();
    const steady = await phase();
    const stored = store.stats().stored;
    await cs.close();
    await store.streetLights.replaceStreetLights(lights(LIGHTS));
    const month = { from: T0, to: Date.UTC(2026, 0, 31, 23), rolling: false } as const;
    const view = (await store.getDistrict())!;
    // best of two each, alternating, so that neither profits alone from a warm page cache
    const analyse = async (withLights: boolean) => {
      await store.streetLights.replaceStreetLights(withLights ? lights(LIGHTS) : []);
      global.gc?.();
      const heap0 = process.memoryUsage().heapUsed;
      const t0 = performance.now();
      const r = await analyseDistrict(store, view, month);
      const ms = performance.now() - t0;
      const heap = process.memoryUsage().heapUsed - heap0;
      if (!r.ok) throw new Error(r.error.message);
      return { ms, heap, r: r.value };
    };
    const runs = [await analyse(false), await analyse(true), await analyse(false), await analyse(true)];
    const best = (w: boolean) => runs.filter((_, k) => (k % 2 === 1) === w).reduce((a, b) => (b.ms < a.ms ? b : a));
    const withLights = best(true);
    const baselineMs = best(false).ms;
    const analysisMs = withLights.ms;
    const heapAnalysis = withLights.heap;
    const classes = withLights.r.consumptionClasses!;
    return [
      {
        name: `OCPP central system: CPU per minute of ${CPS.toLocaleString('en')} charge points' MeterValues`,
        value: (steady.cpuS / ROUNDS / 60) * 100,
        unit: '% of one core',
        note: `${ROUNDS} rounds sent ${60_000 / ROUND_MS}x faster than real in ${steady.wallS.toFixed(1)} s: ${steady.cpuS.toFixed(2)} CPU s for ${(CPS * ROUNDS).toLocaleString('en')} MeterValues (${stored.toLocaleString('en')} readings stored in all, schema-validated by ocpp-rpc)`,
      },
      {
        name: `OCPP central system: first MeterValues of ${CPS.toLocaleString('en')} new charge points (their points added to the district)`,
        value: registration.cpuS,
        unit: 'CPU s',
        note: `${registration.wallS.toFixed(1)} s wall; once per charge point and connector`,
      },
      {
        name: `OCPP central system: memory with ${CPS.toLocaleString('en')} charge points connected`,
        value: (memConnected.rss - memBefore.rss) / MB,
        unit: 'MB RSS more',
        note: `heap ${((memConnected.heapUsed - memBefore.heapUsed) / MB).toFixed(1)} MB more; process RSS ${(memConnected.rss / MB).toFixed(0)} MB`,
      },
      {
        name: `analysis of January (15 min) with ${CPS.toLocaleString('en')} charge point meters and ${LIGHTS.toLocaleString('en')} street lights`,
        value: analysisMs,
        unit: 'ms',
        baseline: { name: 'the same analysis without the lights', value: baselineMs },
        note: `heap ${(heapAnalysis / MB).toFixed(0)} MB more after it; lighting ${Math.round(classes.publicLighting.kwh).toLocaleString('en')} kWh, charging ${Math.round(classes.eMobility.kwh).toLocaleString('en')} kWh`,
      },
    ];
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
