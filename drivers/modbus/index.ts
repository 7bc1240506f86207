/** Public surface of the Modbus driver for main/ (collector, CLI, demo). */
export { createModbusDriver, type ModbusDriver, type ModbusDriverOptions } from './modbus-driver.js';
export { parseModbusUrl, type ModbusAddress, type BusTarget } from './modbus-url.js';
export { DEFAULT_BUS_OPTIONS, type BusOptions } from './modbus-bus.js';
export { loadProfile, listProfiles, parseProfile, readProfileFile, ProfileError, type ProfileSummary } from '../profiles/load-profile.js';
export type { DeviceProfile, ProfilePoint } from '../profiles/device-profile.js';
export { probeModbus, type ProbeOptions } from './probe-modbus.js';
