/** `plustwin district heat-supply`: show or store each building's heat supply in the district file. */
import type { HeatSupply } from '../../../../models/contract/index.js';
import { HEAT_SUPPLY_CARRIERS, heatSupplyOf } from '../../../core/analysis/heat-supply.js';
import { storeHeatSupply } from '../../../core/analysis/store-heat-supply.js';
import { UsageError, type CliIo } from '../../common/command.js';
import { openExistingDistrict } from '../open-district.js';

export const HEAT_SUPPLY_USAGE = `  plustwin district heat-supply --db FILE [--building ID (--carrier C --efficiency X | --none)] [--json]
                                                          show, or store, how a building's metered heat is supplied:
                                                          C = ${HEAT_SUPPLY_CARRIERS.join(', ')}
                                                          (electricity = a heat pump, X its SCOP; else X the boiler's
                                                          seasonal efficiency, 1 for district heat); --none: default`;

export interface HeatSupplyFlags {
  readonly db?: string | undefined;
  readonly building?: string | undefined;
  readonly carrier?: string | undefined;
  readonly efficiency?: string | undefined;
  readonly none?: boolean | undefined;
  readonly json?: boolean | undefined;
}

const parseSupply = (f: HeatSupplyFlags): HeatSupply | null => {
  if (f.none) {
    if (f.carrier !== undefined || f.efficiency !== undefined) throw new UsageError('--none takes no --carrier or --efficiency');
    return null;
  }
  if (f.carrier === undefined || f.efficiency === undefined) throw new UsageError('give --carrier and --efficiency, or --none');
  const carrier = HEAT_SUPPLY_CARRIERS.find((c) => c === f.carrier);
  if (carrier === undefined) throw new UsageError(`--carrier must be one of ${HEAT_SUPPLY_CARRIERS.join(', ')}, got '${f.carrier}'`);
  const efficiency = Number(f.efficiency);
  if (!Number.isFinite(efficiency)) throw new UsageError(`--efficiency must be a number like 0.9 (or a SCOP like 3.2), got '${f.efficiency}'`);
  return { carrier, efficiency };
};

export async function heatSupplyAction(f: HeatSupplyFlags, io: CliIo): Promise<number> {
  if (f.db === undefined) throw new UsageError('--db FILE is required');
  const change = f.building === undefined ? undefined : parseSupply(f);
  if (f.building === undefined && (f.carrier !== undefined || f.efficiency !== undefined || f.none)) throw new UsageError('--building ID is required to change a heat supply');
  const store = await openExistingDistrict(f.db);
  try {
    if (f.building !== undefined && change !== undefined) {
      const r = await storeHeatSupply(store, f.building, change);
      if (!r.ok) {
        io.err.write(`plustwin district heat-supply: ${r.error.message}${r.error.where === undefined ? '' : ` (${r.error.where})`}; nothing was changed\n`);
        return 1;
      }
    }
    const view = await store.getDistrict();
    const rows = (view?.buildings ?? []).map((b) => ({ buildingId: b.id, ...heatSupplyOf(undefined, b) }));
    if (f.json) io.out.write(JSON.stringify(rows, null, 2) + '\n');
    else for (const r of rows) io.out.write(`${r.buildingId}: ${r.supply.carrier}, ${r.supply.carrier === 'electricity' ? 'SCOP' : 'efficiency'} ${r.supply.efficiency} (${r.origin})\n`);
    return 0;
  } finally {
    await store.close();
  }
}
