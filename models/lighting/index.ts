export * from './twilight.js';
export * from './night-energy.js';
export * from './inventory.js';
export * from './inventory-messages.js';
export * from './lighting-profile.js';
