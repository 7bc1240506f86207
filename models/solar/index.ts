export * from './sun-position.js';
export * from './sky.js';
export * from './transposition.js';
export * from './pv-system.js';
export * from './pv-potential.js';
export * from './roofs.js';
