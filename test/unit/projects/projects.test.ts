import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ProjectsError, ProjectsList, projectSlug } from '../../../main/core/projects/projects-list.js';
import { createDemoProject, createProjectFromImport } from '../../../main/core/projects/create-project.js';
import { openStore } from '../../../main/core/store/open-store.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'plustwin-projects-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** Two small buildings in Bottrop as GeoJSON footprints with heights. */
const geojson = (features: number) =>
  JSON.stringify({
    type: 'FeatureCollection',
    features: Array.from({ length: features }, (_, i) => {
      const lon = 6.93 + i * 0.001;
      const lat = 51.52;
      return {
        type: 'Feature',
        id: `b${i}`,
        properties: { name: `Haus ${i}`, height: 9 },
        geometry: {
          type: 'Polygon',
          coordinates: [[[lon, lat], [lon + 0.0003, lat], [lon + 0.0003, lat + 0.0002], [lon, lat + 0.0002], [lon, lat]]],
        },
      };
    }),
  });

describe('projects', () => {
  it('makes file names from project names', () => {
    expect(projectSlug('Quartier Bottrop-Süd')).toBe('quartier-bottrop-sued');
    expect(projectSlug('Straße 12 / Nord')).toBe('strasse-12-nord');
    expect(projectSlug('///')).toBe('district');
  });

  it('lists an existing data folder\'s district as the demo, and remembers projects across restarts', () => {
    const dir = tempDir();
    const list = ProjectsList.open(dir, () => 1_000);
    expect(list.all()).toHaveLength(1);
    expect(list.current()?.file).toBe(path.join(dir, 'district.sqlite'));

    const a = createDemoProject(list, 'Demo Essen');
    fs.writeFileSync(a.file, '');
    const b = createDemoProject(list, 'Demo Essen');
    expect(b.file).not.toBe(a.file);
    list.open(a.file, Date.now() + 60_000);
    expect(path.dirname(b.file)).toBe(path.join(dir, 'projects'));

    const again = ProjectsList.open(dir);
    expect(again.all().map((p) => p.name)).toEqual(['Demo', 'Demo Essen', 'Demo Essen']);
    expect(again.current()?.file).toBe(a.file);
    const recent = again.recent(5);
    expect(recent[0]!.file).toBe(a.file);
    // b was never opened and has no file yet: listed, flagged as missing
    expect(recent.find((p) => p.file === b.file)?.missing).toBe(true);
    expect(() => again.open(path.join(dir, 'nope.sqlite'))).toThrow(ProjectsError);
    again.forget(b.file);
    expect(ProjectsList.open(dir).all().some((p) => p.file === b.file)).toBe(false);
  });

  it('refuses a damaged list with the file and field named', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'projects.json'), JSON.stringify({ version: 1, current: null, projects: [{ name: 'x' }] }));
    expect(() => ProjectsList.open(dir)).toThrow(/projects\.json: projects\.0\.file/);
    fs.writeFileSync(path.join(dir, 'projects.json'), '{');
    expect(() => ProjectsList.open(dir)).toThrow(/projects\.json: not JSON/);
  });

  it('creates a project from a GeoJSON import, one SQLite file holding its buildings', async () => {
    const dir = tempDir();
    const source = path.join(dir, 'bottrop.geojson');
    fs.writeFileSync(source, geojson(2));
    const list = ProjectsList.open(dir);
    const made = await createProjectFromImport(list, 'Bottrop Süd', source);
    expect(made.buildings).toBe(2);
    expect(made.project.origin).toBe('import');
    expect(path.basename(made.project.file)).toBe('bottrop-sued.sqlite');
    const store = await openStore(made.project.file);
    try {
      const district = await store.getDistrict();
      expect(district?.buildings.map((b) => b.id).sort()).toEqual(['b0', 'b1']);
    } finally {
      await store.close();
    }
    expect(ProjectsList.open(dir).all().map((p) => p.name)).toContain('Bottrop Süd');
  });

  it('a malformed import leaves neither a file nor a list entry', async () => {
    const dir = tempDir();
    const source = path.join(dir, 'broken.geojson');
    fs.writeFileSync(source, '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[1,2]');
    const list = ProjectsList.open(dir);
    await expect(createProjectFromImport(list, 'Kaputt', source)).rejects.toThrow(/broken\.geojson/);
    expect(fs.existsSync(path.join(dir, 'projects', 'kaputt.sqlite'))).toBe(false);
    expect(ProjectsList.open(dir).all().map((p) => p.name)).toEqual(['Demo']);
  });
});
