/**
 * What modelled roofs and PV panels cost when a district loads: building the merged geometry with a gable roof on
 * every rectangular building and panels on every fourth, against the extruded district; and the size and parse
 * time of the 'district.roofShapes' answer against the district's buildings as 'district.get' sends them.
 */
import { syntheticDistrict } from '../lab/synthetic-district.js';
import { syntheticRoofShapes } from '../lab/synthetic-roofs.js';
import { buildDistrictGeometry } from '../../renderer/scene/district-geometry.js';
import type { PvSystem } from '../../renderer/scene/pv-panels.js';
import type { BenchResult } from './bench-result.js';
import { bestOf } from './support/timing.js';

const ORIGIN = { lat: 51.5236, lon: 6.9288 };
const N = Number(process.env['BENCH_BUILDINGS'] ?? 10_000);


export async function run(): Promise<BenchResult[]> {
  const buildings = syntheticDistrict(N, ORIGIN);
  const shapes = syntheticRoofShapes(buildings, ORIGIN, 1);
  const roofShapes = new Map(shapes.map((s) => [s.buildingId, s.rings]));
  const pv = new Map<string, PvSystem>(buildings.filter((_, i) => i % 4 === 0).map((b) => [b.id, {}]));
  const extruded = bestOf(3, () => buildDistrictGeometry(ORIGIN, buildings).geometry.dispose());
  let panels = 0;
  const roofed = bestOf(3, () => {
    const d = buildDistrictGeometry(ORIGIN, buildings, { roofShapes, pv });
    panels = d.slots.filter((s) => s.panelAreaM2 > 0).length;
    d.geometry.dispose();
    d.panels?.dispose();
  });
  const shapesJson = JSON.stringify(shapes);
  const buildingsJson = JSON.stringify(buildings);
  const parseShapes = bestOf(5, () => JSON.parse(shapesJson));
  const parseBuildings = bestOf(5, () => JSON.parse(buildingsJson));
  return [
    {
      name: `renderer: merged geometry with ${shapes.length} gable roofs and ${panels} PV buildings, ${N} buildings`,
      value: Math.round(roofed),
      unit: 'ms',
      baseline: { name: 'all extruded, no panels', value: Math.round(extruded) },
    },
    {
      name: `api: district.roofShapes answer for ${shapes.length} gable roofs`,
      value: Math.round(shapesJson.length / 1024),
      unit: 'KiB',
      baseline: { name: "the same buildings in 'district.get'", value: Math.round(buildingsJson.length / 1024) },
    },
    {
      name: `api: parse district.roofShapes for ${shapes.length} gable roofs`,
      value: Math.round(parseShapes * 10) / 10,
      unit: 'ms',
      baseline: { name: "parse the buildings of 'district.get'", value: Math.round(parseBuildings * 10) / 10 },
      note: 'a separate call: the district shows first, roofs replace the extruded tops when they arrive',
    },
  ];
}
