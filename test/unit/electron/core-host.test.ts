/**
 * The core as the utility process runs it, without Electron: projects created from an import, switched, and
 * remembered across a restart; calls go through the same dispatch() as serve mode.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DistrictView } from '../../../models/contract/index.js';
import type { Result } from '../../../models/result.js';
import { startCoreHost, type StartedHost } from '../../../main/shells/electron/core-host.js';

let dir: string | undefined;
let running: StartedHost | undefined;
afterEach(async () => {
  await running?.host.close();
  running = undefined;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const footprint = (id: string, lon: number) => ({
  type: 'Feature',
  id,
  properties: { height: 12 },
  geometry: { type: 'Polygon', coordinates: [[[lon, 51.5], [lon + 0.0004, 51.5], [lon + 0.0004, 51.5003], [lon, 51.5003], [lon, 51.5]]] },
});

describe('core host', () => {
  it('creates a project from an import, switches to it, and opens it again after a restart', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plustwin-host-'));
    const source = path.join(dir, 'essen.geojson');
    fs.writeFileSync(source, JSON.stringify({ type: 'FeatureCollection', features: [footprint('e1', 7.01), footprint('e2', 7.02), footprint('e3', 7.03)] }));

    running = await startCoreHost({ dataDir: dir, demo: false });
    expect(running.info.dbPath).toBe(path.join(dir, 'district.sqlite'));
    expect(await running.host.call('district.get', {})).toMatchObject({ ok: false, error: { kind: 'not-found' } });

    const made = await running.host.control({ kind: 'new-import-project', name: 'Essen Nord', source });
    expect(made).toMatchObject({ ok: true, value: { buildings: 3 } });
    const district = (await running.host.call('district.get', {})) as Result<DistrictView>;
    expect(district.ok && district.value.buildings.map((b) => b.id).sort()).toEqual(['e1', 'e2', 'e3']);
    expect(await running.host.call('app.info', {})).toMatchObject({ ok: true, value: { dbPath: path.join(dir, 'projects', 'essen-nord.sqlite') } });

    const bad = await running.host.control({ kind: 'import', source: path.join(dir, 'missing.geojson') });
    expect(bad).toMatchObject({ ok: false });
    expect(bad.ok || bad.error.message).toMatch(/missing\.geojson/);
    await running.host.close();

    running = await startCoreHost({ dataDir: dir, demo: false });
    expect(running.info.dbPath).toBe(path.join(dir, 'projects', 'essen-nord.sqlite'));
    const recent = await running.host.control({ kind: 'recent-projects' });
    expect(recent.ok && (recent.value as Array<{ name: string }>).map((p) => p.name)).toEqual(['Essen Nord', 'Demo']);

    expect(await running.host.control({ kind: 'open-project', file: path.join(dir, 'district.sqlite') })).toMatchObject({ ok: true });
    expect(await running.host.call('app.info', {})).toMatchObject({ ok: true, value: { dbPath: path.join(dir, 'district.sqlite') } });
    expect(await running.host.call('no.such.method', {})).toMatchObject({ ok: false, error: { kind: 'validation' } });
  });

  it('lays out the PDF report page for Electron to print, and refuses a malformed period', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plustwin-host-'));
    const source = path.join(dir, 'essen.geojson');
    fs.writeFileSync(source, JSON.stringify({ type: 'FeatureCollection', features: [footprint('e1', 7.01), footprint('e2', 7.02)] }));
    running = await startCoreHost({ dataDir: dir, demo: false });
    expect(await running.host.control({ kind: 'new-import-project', name: 'Essen', source })).toMatchObject({ ok: true });
    const page = await running.host.control({ kind: 'prepare-pdf', period: '2025', lang: 'en' });
    expect(page.ok).toBe(true);
    const { dir: pageDir, htmlFile, footerTemplate } = (page as { value: { dir: string; htmlFile: string; footerTemplate: string } }).value;
    try {
      expect(path.dirname(htmlFile)).toBe(pageDir);
      const html = fs.readFileSync(htmlFile, 'utf8');
      expect(html).toContain('e1');
      expect(footerTemplate.length).toBeGreaterThan(0);
    } finally {
      fs.rmSync(pageDir, { recursive: true, force: true });
    }
    expect(await running.host.control({ kind: 'prepare-pdf', period: 'sometime', lang: 'de' })).toMatchObject({ ok: false });
  });
});
