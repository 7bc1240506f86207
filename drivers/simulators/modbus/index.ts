/**
 * Modbus device simulators for the demo district, the tests and the benchmark.
 *
 *   startModbusTcpSimulator({ units: { 1: dev }, port?: 0 }) -> { port, setFault(unit, fault), close() }
 *   profileSimDevice(profile, values, options?)   a device from a profile, values in the profile's units
 *   sunSpecSimDevice(models, values, options?)     a SunSpec device, values by "103.W" in model units
 *   startModbusRtuSimulator(...)                   the same devices on a serial line (see rtu-server.ts)
 *
 * A value source is `(key: string, now: number) => number | undefined`; faults are switched per unit.
 */
export { startModbusTcpSimulator, type ModbusTcpSimulator, type ModbusTcpSimulatorOptions } from './tcp-server.js';
export { profileSimDevice, type ProfileSimOptions, type ValueSource } from './profile-sim-device.js';
export { sunSpecSimDevice, type SunSpecSimModel, type SunSpecSimOptions } from './sunspec-sim-device.js';
export type { SimDevice, SimFault, ReadFunctionCode } from './sim-device.js';
export { registerSimDevice, type RegisterBlock } from './register-sim-device.js';
export {
  startModbusRtuSimulator,
  startModbusRtuOverTcpSimulator,
  serveRtuStream,
  crc16,
  type ModbusRtuSimulator,
  type ModbusRtuOverTcpSimulator,
} from './rtu-server.js';
export { meterValues, withCounterReset, withCounterOffset, type MeterValuesOptions } from './value-sources.js';
