/**
 * Simulated units on a Modbus RTU line: a serial port (e.g. one end of a socat pty pair) or a TCP listener that
 * carries raw RTU frames (a transparent RS-485-to-TCP gateway). Units not in the table stay silent, as a dead or
 * absent unit on a real bus does.
 *
 *   const line = await startModbusRtuSimulator({ path: '/tmp/pty-b', units: { 1: dev1, 3: dev3 } });
 *   const gw = await startModbusRtuOverTcpSimulator({ units: { 1: dev1 } });   // gw.port
 *
 * Framing: read requests (FC 1-4) are 8 bytes with CRC-16/MODBUS; bytes that do not form a valid frame are
 * dropped one at a time until the stream resynchronises, and a silent gap clears the buffer.
 */
import net from 'node:net';
import type { Duplex } from 'node:stream';
import { handlePdu } from './pdu-handler.js';
import { SimUnitTable, toUnitMap, type SimDevice, type SimFault } from './sim-device.js';

export function crc16(buf: Uint8Array, length: number = buf.length): number {
  let crc = 0xffff;
  for (let i = 0; i < length; i++) {
    crc ^= buf[i]!;
    for (let b = 0; b < 8; b++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  }
  return crc;
}

function rtuFrame(unit: number, pdu: Buffer): Buffer {
  const out = Buffer.allocUnsafe(pdu.length + 3);
  out[0] = unit;
  pdu.copy(out, 1);
  out.writeUInt16LE(crc16(out, pdu.length + 1), pdu.length + 1);
  return out;
}

/** Serves RTU requests arriving on `stream`; answers are written back to it. */
export function serveRtuStream(stream: Duplex, table: SimUnitTable, now: () => number = Date.now): () => void {
  let pending: Buffer = Buffer.alloc(0);
  let idle: NodeJS.Timeout | undefined;
  const onData = (chunk: Buffer): void => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    clearTimeout(idle);
    while (pending.length >= 8) {
      if (crc16(pending, 6) !== pending.readUInt16LE(6)) {
        pending = pending.subarray(1);
        continue;
      }
      const unit = pending[0]!;
      const pdu = Buffer.from(pending.subarray(1, 6));
      pending = pending.subarray(8);
      const outcome = handlePdu(table, unit, pdu, now(), 'silent');
      if (outcome.kind === 'answer') stream.write(rtuFrame(unit, outcome.pdu));
      else if (outcome.kind === 'delay') {
        const reply = rtuFrame(unit, outcome.pdu);
        setTimeout(() => {
          if (!stream.destroyed) stream.write(reply);
        }, outcome.ms);
      }
      // 'drop' has no meaning on a serial line: treated as silence
    }
    if (pending.length > 0) {
      idle = setTimeout(() => {
        pending = Buffer.alloc(0);
      }, 50);
    }
  };
  stream.on('data', onData);
  return () => {
    clearTimeout(idle);
    stream.off('data', onData);
  };
}

export interface ModbusRtuSimulator {
  setFault(unit: number, fault: SimFault | undefined): void;
  setDevice(unit: number, device: SimDevice | undefined): void;
  close(): Promise<void>;
}

export interface ModbusRtuSimulatorOptions {
  readonly path: string;
  readonly baudRate?: number;
  readonly units: ReadonlyMap<number, SimDevice> | Readonly<Record<number, SimDevice>>;
  readonly now?: () => number;
}

export async function startModbusRtuSimulator(options: ModbusRtuSimulatorOptions): Promise<ModbusRtuSimulator> {
  // loaded here, not at the top: serialport's native binding is rebuilt per platform and Electron ABI, and a broken
  // one must cost the serial line only, never the core that imports the simulators for the demo (TCP)
  const { SerialPort } = await import('serialport');
  const table = new SimUnitTable(toUnitMap(options.units));
  const port = new SerialPort({ path: options.path, baudRate: options.baudRate ?? 9600, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
  port.on('error', () => undefined);
  const stop = serveRtuStream(port, table, options.now);
  return {
    setFault: (u, f) => table.setFault(u, f),
    setDevice: (u, d) => table.setDevice(u, d),
    close: () =>
      new Promise<void>((resolve) => {
        stop();
        if (!port.isOpen) return resolve();
        port.close(() => resolve());
      }),
  };
}

export interface ModbusRtuOverTcpSimulator extends ModbusRtuSimulator {
  readonly port: number;
}

/** A transparent gateway: RTU frames over TCP, one bus shared by every client connection. */
export async function startModbusRtuOverTcpSimulator(options: {
  readonly units: ReadonlyMap<number, SimDevice> | Readonly<Record<number, SimDevice>>;
  readonly host?: string;
  readonly port?: number;
  readonly now?: () => number;
}): Promise<ModbusRtuOverTcpSimulator> {
  const table = new SimUnitTable(toUnitMap(options.units));
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => socket.destroy());
    socket.on('close', () => sockets.delete(socket));
    serveRtuStream(socket, table, options.now);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const addr = server.address();
  if (addr === null || typeof addr === 'string') throw new Error('RTU-over-TCP simulator: no address');
  return {
    port: addr.port,
    setFault: (u, f) => table.setFault(u, f),
    setDevice: (u, d) => table.setDevice(u, d),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
