export * from './factor-set.js';
export { GEG_ANLAGE_4 } from './geg-anlage4.js';
export { GEG_ANLAGE_9, DISTRICT_HEAT_ANLAGE_9, DISTRICT_HEAT_ROW } from './geg-anlage9.js';
export * from './geg-anlage9-rows.js';
export { LIFE_CYCLE_GEMIS, BUNDESSTROMMIX_LCA } from './life-cycle.js';
export * from './by-year.js';
export * from './registry.js';
export * from './weigh.js';
export * from './export-credit.js';
