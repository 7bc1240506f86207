/**
 * 'assets.map': what the 3D map draws of the district's assets at the time slider's time. The charge points'
 * colours come from their connectors' last OCPP status and their last contact; the street lights' level from the
 * night at that time and their dimming schedule (models/lighting/). The renderer only draws what this answers.
 */
import type { AssetMap, ChargePointMarker, ChargePointState, DistrictView } from '../../../models/contract/index.js';
import { levelAt, NightCache } from '../../../models/lighting/index.js';
import type { ChargePointRecord, ConnectorStatus, OcppSettings } from '../store/charging-store.js';
import type { StoredStreetLight } from '../store/street-light-store.js';

/** OCPP 1.6 ChargePointStatus (section 7.7) -> map colour; a status not listed (a future one) counts as available. */
const STATE_OF: Readonly<Record<string, ChargePointState>> = {
  Available: 'available',
  Reserved: 'available',
  Preparing: 'charging',
  Charging: 'charging',
  SuspendedEV: 'charging',
  SuspendedEVSE: 'charging',
  Finishing: 'charging',
  Faulted: 'faulted',
  Unavailable: 'offline',
};
/** Which state wins when the connectors differ: a fault must not hide behind a free connector. */
const RANK: Readonly<Record<ChargePointState, number>> = { offline: 0, available: 1, charging: 2, faulted: 3 };

/**
 * A charge point is offline when it has not been heard from for two heartbeat intervals and a minute (a charge
 * point sends a Heartbeat at least every heartbeatS when it has nothing else to say; one lost one is tolerated).
 */
export const offlineAfterMs = (heartbeatS: number): number => (2 * heartbeatS + 60) * 1000;

export function chargePointState(cp: ChargePointRecord, statuses: readonly ConnectorStatus[], now: number, heartbeatS: number): { state: ChargePointState; ocppStatus: string | null } {
  if (cp.lastSeen === null || now - cp.lastSeen > offlineAfterMs(heartbeatS)) return { state: 'offline', ocppStatus: null };
  // connector 0 speaks for the whole charge point only when it reports a fault or unavailability
  let best: { state: ChargePointState; ocppStatus: string | null } = { state: 'available', ocppStatus: null };
  for (const s of statuses) {
    const state = STATE_OF[s.status] ?? 'available';
    if (s.connector === 0 && state !== 'faulted' && state !== 'offline') continue;
    if (best.ocppStatus === null || RANK[state] > RANK[best.state]) best = { state, ocppStatus: s.status };
  }
  return best;
}

/** Mean of a footprint's vertices: a point inside any convex footprint, near enough for a marker otherwise. */
const centreOf = (footprint: readonly (readonly [number, number])[]): { lon: number; lat: number } | undefined =>
  footprint.length === 0
    ? undefined
    : { lon: footprint.reduce((a, p) => a + p[0], 0) / footprint.length, lat: footprint.reduce((a, p) => a + p[1], 0) / footprint.length };

export function buildAssetMap(
  at: number,
  now: number,
  view: DistrictView | null,
  chargePoints: readonly ChargePointRecord[],
  statuses: readonly ConnectorStatus[],
  ocpp: OcppSettings,
  lights: readonly StoredStreetLight[],
): AssetMap {
  const byCp = new Map<string, ConnectorStatus[]>();
  for (const s of statuses) byCp.set(s.chargePoint, [...(byCp.get(s.chargePoint) ?? []), s]);
  const buildings = new Map((view?.buildings ?? []).map((b) => [b.id, b]));
  const markers: ChargePointMarker[] = [];
  for (const cp of chargePoints) {
    const b = cp.buildingId === null ? undefined : buildings.get(cp.buildingId);
    // a charge point without a position of its own is drawn at its building's reference point; without either it has no place
    const centre = b === undefined ? undefined : centreOf(b.footprint);
    const lon = cp.lon ?? centre?.lon;
    const lat = cp.lat ?? centre?.lat;
    if (lon === undefined || lat === undefined) continue;
    const { state, ocppStatus } = chargePointState(cp, byCp.get(cp.id) ?? [], now, ocpp.heartbeatS);
    markers.push({ id: cp.id, lon, lat, buildingId: cp.lon === null ? cp.buildingId : null, state, ocppStatus });
  }
  const cache = new NightCache();
  return {
    at,
    chargePoints: markers,
    lights: lights.map((l) => ({ id: l.id, lon: l.lon, lat: l.lat, percent: levelAt(at, l, cache) })),
  };
}
