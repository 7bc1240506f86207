export * from './uplink.js';
export * from './mapping.js';
export * from './frame-gaps.js';
