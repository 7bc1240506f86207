/** `plustwin probe` against the demo district's simulated gateway, over real Modbus TCP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from './run-cli-captured.js';
import { wallClock } from '../../../main/core/ingest/collector/clock.js';
import { DEMO_BUILDINGS } from '../../../main/core/demo/demo-district.js';
import { startDemoGateway, type DemoGateway } from '../../../main/core/demo/demo-devices.js';
import { buildDemoTracks } from '../../../main/core/demo/demo-tracks.js';

let gateway: DemoGateway;

const cli = runCliCaptured;

beforeAll(async () => {
  const school = DEMO_BUILDINGS.find((b) => b.building.id === 'grundschule')!;
  gateway = await startDemoGateway(school, buildDemoTracks([school]).get('grundschule')!, wallClock(), 1);
});
afterAll(() => gateway?.simulator.close());

describe('plustwin probe', () => {
  it('discovers the SunSpec inverter and prints identity and values with units', async () => {
    const url = gateway.devices.find((d) => d.profile === 'sunspec')!.url;
    const { code, stdout } = await cli('probe', url);
    expect(code).toBe(0);
    expect(stdout).toMatch(/PlusTwin Demo/);
    expect(stdout).toMatch(/SimInverter 140 kWp/);
    expect(stdout).toMatch(/PTD100001/);
    expect(stdout).toMatch(/kWh/);
  });

  it('applies a profile and answers JSON with canonical units', async () => {
    const url = gateway.devices.find((d) => d.profile === 'eastron-sdm630')!.url;
    const { code, stdout } = await cli('probe', url, '--profile', 'eastron-sdm630', '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { values: Array<{ key: string; value: number; unit: string }> };
    const imp = result.values.find((v) => v.key === 'energy_import')!;
    expect(imp.unit).toBe('kWh');
    expect(imp.value).toBeGreaterThan(10_000);
    expect(result.values.find((v) => v.key === 'voltage_l1')!.value).toBeCloseTo(230, 3);
  });

  it('explains mistakes with the usage and exit code 2', async () => {
    expect((await cli('probe')).code).toBe(2);
    const bad = await cli('probe', 'http://example.org');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/neither a modbus-tcp/);
    const unknown = await cli('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command 'frobnicate'/);
    const help = await cli('--help');
    expect(help.code).toBe(0);
    for (const c of ['serve', 'simulate', 'probe', 'import']) expect(help.stdout).toContain(c);
  });

  it('reports a device that does not answer as an error, exit code 1', async () => {
    const { code, stderr } = await cli('probe', 'modbus-tcp://127.0.0.1:1?unit=1&timeout=300');
    expect(code).toBe(1);
    expect(stderr).toMatch(/plustwin probe:/);
  });
});
