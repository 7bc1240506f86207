/** `plustwin district heat-supply`: show or store each building's heat supply in the district file. */
import type { HeatSupply } from '../../../../models/contract/index.js';
import { HEAT_SUPPLY_CARRIERS, heatSupplyOf } from '../../../core/analysis/heat-supply.js';
import { storeHeatSupply } from '../../../core/analysis/store-heat-supply.js';
import type { CliIo } from '../../common/command.js';
import { carrierLabel, efficiencyText } from '../../../../models/i18n/carrier-labels.js';
import { openExistingDistrict } from '../open-district.js';
import { usageError } from '../cli-error.js';
import type { NumberFormatter } from '../number-format.js';

export const HEAT_SUPPLY_USAGE = `  plustwin district heat-supply --db FILE [--building ID (--carrier C --efficiency X | --none)] [--json] [--lang de|en]
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
    if (f.carrier !== undefined || f.efficiency !== undefined) throw usageError('heatSupply.noneWithOthers');
    return null;
  }
  if (f.carrier === undefined || f.efficiency === undefined) throw usageError('heatSupply.both');
  const carrier = HEAT_SUPPLY_CARRIERS.find((c) => c === f.carrier);
  if (carrier === undefined) throw usageError('usage.oneOf', { flag: '--carrier', values: HEAT_SUPPLY_CARRIERS.join(', '), got: f.carrier });
  const efficiency = Number(f.efficiency);
  if (!Number.isFinite(efficiency)) throw usageError('heatSupply.efficiency', { got: f.efficiency });
  return { carrier, efficiency };
};

export async function heatSupplyAction(f: HeatSupplyFlags, io: CliIo, nf: NumberFormatter): Promise<number> {
  const t = nf.t;
  if (f.db === undefined) throw usageError('usage.required', { flag: '--db FILE' });
  const change = f.building === undefined ? undefined : parseSupply(f);
  if (f.building === undefined && (f.carrier !== undefined || f.efficiency !== undefined || f.none)) throw usageError('heatSupply.building');
  const store = await openExistingDistrict(f.db);
  try {
    if (f.building !== undefined && change !== undefined) {
      const r = await storeHeatSupply(store, f.building, change);
      if (!r.ok) {
        const problem = `${r.error.message}${r.error.where === undefined ? '' : ` (${r.error.where})`}`;
        io.err.write(`plustwin district heat-supply: ${t('district.failed', { problem })}\n`);
        return 1;
      }
    }
    const view = await store.getDistrict();
    const rows = (view?.buildings ?? []).map((b) => ({ buildingId: b.id, ...heatSupplyOf(undefined, b) }));
    if (f.json) io.out.write(JSON.stringify(rows, null, 2) + '\n');
    else
      for (const r of rows) {
        const measure = t(r.supply.carrier === 'electricity' ? 'heatSupply.scop' : 'heatSupply.efficiencyWord');
        const line = t('heatSupply.line', { building: r.buildingId, carrier: carrierLabel(nf.lang, r.supply.carrier), measure, efficiency: efficiencyText(nf.lang, r.supply.efficiency), origin: t(`heatSupply.origin.${r.origin}`) });
        io.out.write(line + '\n');
      }
    return 0;
  } finally {
    await store.close();
  }
}
