export * from './twilight.js';
export * from './night-energy.js';
export * from './inventory.js';
