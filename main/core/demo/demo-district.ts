/**
 * The built-in demo district: seven buildings of different use around Bottrop's town hall (Ernst-Wilczok-Platz),
 * each with a simulated grid meter and, where it has a roof array, a simulated PV inverter; the town hall, the
 * school and the multi-family house also have a boiler heat meter on a simulated building automation server
 * (OPC UA). Footprints are drawn in local metres (x east, y north) and converted to WGS84 so that the demo goes through the same path as imported
 * buildings. Annual consumptions and PV sizes are typical for the building type; with them the school and two
 * houses end the year energy-plus in electricity and the town hall, the shop and the heat-pump house do not.
 */
import type { Building, BuildingUse, LonLat, Site } from '../../../models/types.js';

export const DEMO_SITE: Site = {
  id: 'demo-bottrop',
  name: 'Bottrop Innenstadt (Demo)',
  origin: { lat: 51.5232, lon: 6.9287 },
  timezone: 'Europe/Berlin',
};

export type LoadProfileFile =
  | 'LP_W_EFH.csv'
  | 'LP_W_EFH_WP050.csv'
  | 'LP_W_MFH_m.csv'
  | 'LP_OE_Schule_m.csv'
  | 'LP_OE_Buero_m.csv'
  | 'LP_G_MH.csv';

export interface DemoBuilding {
  readonly building: Building;
  /** Normalised load profile (W per MWh/a) and the building's annual electricity use. */
  readonly load: { readonly file: LoadProfileFile; readonly annualMwh: number };
  /** Installed PV, kWp; 0 = no inverter. */
  readonly pvKwp: number;
  /** Which column of pv_5_a_2015.csv fits the roof. */
  readonly pvOrientation: 'south' | 'east-west';
  /** Annual heat from the building's boiler, MWh, read by a heat meter over the building automation (OPC UA). */
  readonly heatMwh?: number;
}

type Xy = readonly [x: number, y: number];

const rect = (cx: number, cy: number, w: number, d: number): Xy[] => [
  [cx - w / 2, cy - d / 2],
  [cx + w / 2, cy - d / 2],
  [cx + w / 2, cy + d / 2],
  [cx - w / 2, cy + d / 2],
];

const lShape = (x: number, y: number, long: number, wing: number, depth: number): Xy[] => [
  [x, y],
  [x + long, y],
  [x + long, y + depth],
  [x + depth, y + depth],
  [x + depth, y + wing],
  [x, y + wing],
];

const rotate = (points: readonly Xy[], deg: number): Xy[] => {
  const a = (deg * Math.PI) / 180;
  const [cx, cy] = points.reduce(([sx, sy], [x, y]) => [sx + x / points.length, sy + y / points.length], [0, 0]);
  return points.map(([x, y]) => [
    cx + (x - cx) * Math.cos(a) - (y - cy) * Math.sin(a),
    cy + (x - cx) * Math.sin(a) + (y - cy) * Math.cos(a),
  ]);
};

const METRES_PER_DEG_LAT = 111_320;

/** Local metres around the site origin to WGS84 (an equirectangular approximation: exact enough within 1 km). */
export function localToLonLat([x, y]: Xy, origin = DEMO_SITE.origin): LonLat {
  const lat = origin.lat + y / METRES_PER_DEG_LAT;
  const lon = origin.lon + x / (METRES_PER_DEG_LAT * Math.cos((origin.lat * Math.PI) / 180));
  return [Math.round(lon * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7];
}

function building(
  id: string,
  name: string,
  use: BuildingUse,
  outline: readonly Xy[],
  heightM: number,
  storeys: number,
  roofType: NonNullable<Building['roofType']>,
  address: string,
): Building {
  return { id, name, use, footprint: outline.map((p) => localToLonLat(p)), heightM, storeys, roofType, address };
}

const DEMO_DEFINITIONS: readonly DemoBuilding[] = [
  {
    building: building('rathaus', 'Rathaus', 'town-hall', rotate(rect(0, 0, 62, 38), 12), 19, 5, 'hip', 'Ernst-Wilczok-Platz 1'),
    load: { file: 'LP_OE_Buero_m.csv', annualMwh: 420 },
    pvKwp: 60,
    pvOrientation: 'east-west',
    heatMwh: 610,
  },
  {
    building: building('grundschule', 'Grundschule am Park', 'school', rotate(lShape(60, 40, 72, 48, 16), 12), 10, 2, 'flat', 'Parkstraße 12'),
    load: { file: 'LP_OE_Schule_m.csv', annualMwh: 95 },
    pvKwp: 140,
    pvOrientation: 'south',
    heatMwh: 260,
  },
  {
    building: building('mfh-hochstrasse', 'Mehrfamilienhaus Hochstraße', 'multi-family', rotate(rect(-85, 55, 34, 13), 12), 16, 5, 'gable', 'Hochstraße 40'),
    load: { file: 'LP_W_MFH_m.csv', annualMwh: 38 },
    pvKwp: 22,
    pvOrientation: 'south',
    heatMwh: 120,
  },
  {
    building: building('efh-1', 'Einfamilienhaus Lindenweg 3', 'single-family', rotate(rect(-120, -40, 11, 9), 5), 8.5, 2, 'gable', 'Lindenweg 3'),
    load: { file: 'LP_W_EFH.csv', annualMwh: 4.2 },
    pvKwp: 9.8,
    pvOrientation: 'south',
  },
  {
    building: building('efh-2', 'Einfamilienhaus Lindenweg 5', 'single-family', rotate(rect(-120, -62, 11, 9), 5), 8.5, 2, 'gable', 'Lindenweg 5'),
    load: { file: 'LP_W_EFH_WP050.csv', annualMwh: 7.5 },
    pvKwp: 0,
    pvOrientation: 'south',
  },
  {
    building: building('efh-3', 'Einfamilienhaus Lindenweg 7', 'single-family', rotate(rect(-120, -84, 10, 10), 5), 8, 2, 'hip', 'Lindenweg 7'),
    load: { file: 'LP_W_EFH.csv', annualMwh: 3.6 },
    pvKwp: 7.2,
    pvOrientation: 'east-west',
  },
  {
    building: building('moebelhaus', 'Möbelhaus Kirchplatz', 'shop', rotate(rect(70, -70, 46, 28), -8), 7, 1, 'flat', 'Kirchplatz 2'),
    load: { file: 'LP_G_MH.csv', annualMwh: 160 },
    pvKwp: 75,
    pvOrientation: 'south',
  },
];

/**
 * The demo's boiler heat meters sit behind gas condensing boilers with a seasonal efficiency of 0.9 (a typical
 * value for condensing boilers in the German stock); the district file states it per building, as a user would.
 */
export const DEMO_HEAT_SUPPLY = { carrier: 'gas', efficiency: 0.9 } as const;

export const DEMO_BUILDINGS: readonly DemoBuilding[] = DEMO_DEFINITIONS.map((d) =>
  d.heatMwh === undefined ? d : { ...d, building: { ...d.building, heatSupply: DEMO_HEAT_SUPPLY } },
);
