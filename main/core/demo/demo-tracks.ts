/** The EnergyTrack of every demo building, from the shipped profiles scaled to the building's size. */
import { DEMO_BUILDINGS, type DemoBuilding } from './demo-district.js';
import { EnergyTrack } from './energy-track.js';
import { HeatTrack } from './heat-track.js';
import { INTERVALS_PER_YEAR, readProfileColumn } from './profile-file.js';

const PV_COLUMNS = { south: 0, 'east-west': 1 } as const;

/** A plausible installed-meter reading, so that the demo's counters do not start at zero. */
const meterStart = (seed: number) => ({
  import: 10_000 + ((seed * 7919) % 40_000),
  export: 1_000 + ((seed * 104_729) % 9_000),
  generation: 2_000 + ((seed * 1_299_709) % 20_000),
});

export function buildDemoTracks(buildings: readonly DemoBuilding[] = DEMO_BUILDINGS): Map<string, EnergyTrack> {
  const files = new Map<string, Float64Array>();
  const column = (file: string, col: number) => {
    const key = `${file}#${col}`;
    let values = files.get(key);
    if (!values) files.set(key, (values = readProfileColumn(file, col)));
    return values;
  };
  const tracks = new Map<string, EnergyTrack>();
  buildings.forEach((b, i) => {
    // profiles are W per MWh/a, PV W per kWp: both to kW for this building
    const loadShape = column(b.load.file, 0);
    const pvShape = column('pv_5_a_2015.csv', PV_COLUMNS[b.pvOrientation]);
    const load = new Float64Array(INTERVALS_PER_YEAR);
    const pv = new Float64Array(INTERVALS_PER_YEAR);
    for (let k = 0; k < INTERVALS_PER_YEAR; k++) {
      load[k] = ((loadShape[k] as number) * b.load.annualMwh) / 1000;
      pv[k] = ((pvShape[k] as number) * b.pvKwp) / 1000;
    }
    tracks.set(b.building.id, new EnergyTrack(load, pv, meterStart(i + 1)));
  });
  return tracks;
}

/** A HeatTrack for every demo building with a boiler heat meter, driven by the Essen TRY outdoor temperature. */
export function buildHeatTracks(buildings: readonly DemoBuilding[] = DEMO_BUILDINGS): Map<string, HeatTrack> {
  const heated = buildings.filter((b) => b.heatMwh !== undefined);
  const tracks = new Map<string, HeatTrack>();
  if (heated.length === 0) return tracks;
  const outdoorC = readProfileColumn('TRY_5_a_2015_15min.csv', 0);
  heated.forEach((b, i) => tracks.set(b.building.id, new HeatTrack(outdoorC, b.heatMwh!, 40_000 + i * 13_377)));
  return tracks;
}
