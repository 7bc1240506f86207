export * from './measures.js';
export * from './battery.js';
export * from './assess.js';
export * from './run-scenario.js';
export { pvOnGrid } from './pv-on-grid.js';
