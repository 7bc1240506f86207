/**
 * A lean Modbus TCP server on node:net for simulated devices.
 *
 * Why not modbus-serial's ServerTCP: it answers each request a timer tick later, which caps one process far
 * below the 500 devices the benchmark needs. Here a request is parsed and answered synchronously in the socket's
 * 'data' handler (own MBAP framing, several requests per chunk, pipelining allowed).
 *
 * Usage:
 *   const sim = await startModbusTcpSimulator({ units: { 1: profileSimDevice(profile, values) } });
 *   // sim.port is the bound port (listen on 0 = a free one); sim.setFault(1, { kind: 'timeout' }); await sim.close();
 *
 * Several unit ids per port (like a gateway: unknown units answer exception 0x0B); call it once per port for many
 * ports per process. Function codes 1, 2, 3, 4; anything else answers "illegal function".
 */
import net from 'node:net';
import { handlePdu } from './pdu-handler.js';
import { SimUnitTable, toUnitMap, type SimDevice, type SimFault } from './sim-device.js';

export interface ModbusTcpSimulatorOptions {
  readonly units: ReadonlyMap<number, SimDevice> | Readonly<Record<number, SimDevice>>;
  readonly host?: string;
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** Clock handed to the devices' value sources; defaults to Date.now. */
  readonly now?: () => number;
}

export interface ModbusTcpSimulator {
  readonly port: number;
  readonly host: string;
  setFault(unit: number, fault: SimFault | undefined): void;
  setDevice(unit: number, device: SimDevice | undefined): void;
  /** Closes every open client connection (as a device reboot would). */
  dropConnections(): void;
  /** Requests answered so far, for tests and benchmarks. */
  requestCount(): number;
  close(): Promise<void>;
}

const MBAP_HEADER = 7;

function frame(transactionId: number, unit: number, pdu: Buffer): Buffer {
  const out = Buffer.allocUnsafe(MBAP_HEADER + pdu.length);
  out.writeUInt16BE(transactionId, 0);
  out.writeUInt16BE(0, 2);
  out.writeUInt16BE(pdu.length + 1, 4);
  out[6] = unit;
  pdu.copy(out, MBAP_HEADER);
  return out;
}

export async function startModbusTcpSimulator(options: ModbusTcpSimulatorOptions): Promise<ModbusTcpSimulator> {
  const table = new SimUnitTable(toUnitMap(options.units));
  const now = options.now ?? Date.now;
  const sockets = new Set<net.Socket>();
  let requests = 0;

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    let pending: Buffer = Buffer.alloc(0);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk: Buffer) => {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      let offset = 0;
      const replies: Buffer[] = [];
      while (pending.length - offset >= MBAP_HEADER) {
        const protocol = pending.readUInt16BE(offset + 2);
        const length = pending.readUInt16BE(offset + 4);
        if (protocol !== 0 || length < 2 || length > 254) {
          // not Modbus TCP: nothing after this can be framed reliably
          socket.destroy();
          return;
        }
        if (pending.length - offset < 6 + length) break;
        const transactionId = pending.readUInt16BE(offset);
        const unit = pending[offset + 6]!;
        const pdu = pending.subarray(offset + MBAP_HEADER, offset + 6 + length);
        offset += 6 + length;
        requests++;
        const outcome = handlePdu(table, unit, pdu, now(), 'gateway-exception');
        if (outcome.kind === 'drop') {
          socket.destroy();
          return;
        }
        if (outcome.kind === 'answer') replies.push(frame(transactionId, unit, outcome.pdu));
        else if (outcome.kind === 'delay') {
          const reply = frame(transactionId, unit, outcome.pdu);
          setTimeout(() => {
            if (!socket.destroyed) socket.write(reply);
          }, outcome.ms);
        }
      }
      pending = offset === pending.length ? Buffer.alloc(0) : pending.subarray(offset);
      if (replies.length === 1) socket.write(replies[0]!);
      else if (replies.length > 1) socket.write(Buffer.concat(replies));
    });
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('simulator: no TCP address after listen');

  return {
    port: address.port,
    host,
    setFault: (unit, fault) => table.setFault(unit, fault),
    setDevice: (unit, device) => table.setDevice(unit, device),
    dropConnections: () => {
      for (const s of sockets) s.destroy();
    },
    requestCount: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
