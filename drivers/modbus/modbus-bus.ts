/**
 * One Modbus bus (a TCP connection, a serial line, or a TCP-to-RTU gateway) with a request queue: exactly one
 * request in flight per bus, as RS-485 and most gateways require. Built on modbus-serial's client.
 *
 * Failure handling:
 * - each request has a timeout and `retries` extra attempts after a timeout;
 * - a unit that still does not answer (or whose gateway answers exception 10/11) is put into backoff (exponential with jitter, capped at backoffMaxMs):
 *   its requests fail at once without touching the bus, so a dead unit on a shared RTU line costs the others
 *   at most one timeout per backoff period;
 * - a lost or refused connection closes the client; the bus reconnects on the next request after its own
 *   backoff.
 * Buses are shared by every device on the same key (see acquireBus) and closed with the last user.
 */
import type { EventEmitter } from 'node:events';
import modbusSerial from 'modbus-serial';
import { DeviceError, type DeviceErrorCode } from '../device-driver.js';
import type { FunctionCode } from '../profiles/device-profile.js';
import { exceptionName } from './exceptions.js';
import type { BusTarget } from './modbus-url.js';
import { retryBackoff } from '../../models/retry-backoff.js';

export interface BusOptions {
  /** Answer timeout per request attempt, ms (default 1000). */
  readonly timeoutMs: number;
  /** Extra attempts after a timeout (default 1). */
  readonly retries: number;
  /** First backoff after a failure, ms (default 1000); doubles per further failure. */
  readonly backoffBaseMs: number;
  /** Backoff cap, ms (default 300000 = 5 min). */
  readonly backoffMaxMs: number;
  /** Connection setup timeout, ms (default 3000). */
  readonly connectTimeoutMs: number;
}

export const DEFAULT_BUS_OPTIONS: BusOptions = {
  timeoutMs: 1000,
  retries: 1,
  backoffBaseMs: 1000,
  backoffMaxMs: 300_000,
  connectTimeoutMs: 3000,
};

/** A failed request; `exceptionCode` is set when the device answered with a Modbus exception. */
export class ModbusRequestError extends DeviceError {
  constructor(
    code: DeviceErrorCode,
    message: string,
    readonly exceptionCode?: number,
  ) {
    super(code, message);
    this.name = 'ModbusRequestError';
  }
}

interface Backoff {
  failures: number;
  until: number;
}

/** Exponential backoff with jitter in [50 %, 100 %] of the step, capped. */
export function backoffDelay(failures: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  return retryBackoff(Math.max(1, failures), baseMs, maxMs, random);
}

// modbus-serial is CommonJS with module.exports.default = module.exports: `.default` is the class in both worlds
const ModbusRTU = modbusSerial.default;
type Client = InstanceType<typeof ModbusRTU>;

function describe(target: BusTarget): string {
  return target.kind === 'rtu' ? `serial ${target.path}` : `${target.kind === 'tcp' ? 'tcp' : 'rtu-over-tcp'} ${target.host}:${target.port}`;
}

export class ModbusBus {
  private client: Client | undefined;
  private connecting: Promise<Client> | undefined;
  private tail: Promise<unknown> = Promise.resolve();
  private readonly units = new Map<number, Backoff>();
  private readonly link: Backoff = { failures: 0, until: 0 };
  private closed = false;
  /** Requests sent on the wire (attempts), for tests and the benchmark. */
  requestsSent = 0;

  constructor(
    readonly target: BusTarget,
    readonly options: BusOptions = DEFAULT_BUS_OPTIONS,
  ) {}

  get isClosed(): boolean {
    return this.closed;
  }

  get name(): string {
    return describe(this.target);
  }

  /** Queued read: registers (FC 3/4) or bits as 0/1 (FC 1/2). */
  read(unit: number, fc: FunctionCode, address: number, count: number): Promise<number[]> {
    const job = this.tail.then(() => this.readNow(unit, fc, address, count));
    this.tail = job.catch(() => undefined);
    return job;
  }

  /** Requests waiting or in flight would still be answered; new ones fail. */
  async close(): Promise<void> {
    this.closed = true;
    await this.tail;
    this.dropClient();
  }

  private async readNow(unit: number, fc: FunctionCode, address: number, count: number): Promise<number[]> {
    if (this.closed) throw new ModbusRequestError('connection', `${this.name}: bus closed`);
    const now = Date.now();
    const ub = this.units.get(unit);
    if (ub !== undefined && ub.until > now) {
      throw new ModbusRequestError(
        'timeout',
        `${this.name} unit ${unit}: no answer in the last ${ub.failures} tries; next try in ${Math.ceil((ub.until - now) / 1000)} s`,
      );
    }
    let lastError: ModbusRequestError | undefined;
    for (let attempt = 0; attempt <= this.options.retries; attempt++) {
      const client = await this.connect();
      try {
        client.setID(unit);
        this.requestsSent++;
        const data = await this.requestUnlessClosed(client, unit, fc, address, count);
        this.units.delete(unit);
        return data;
      } catch (e) {
        lastError = this.classify(e, unit, fc, address, count);
        if (lastError.code === 'connection') {
          this.dropClient();
          this.noteLinkFailure();
          throw lastError;
        }
        if (lastError.exceptionCode === 0x0a || lastError.exceptionCode === 0x0b) {
          // the gateway says the unit behind it is unreachable (after its own timeout): back off like a dead unit
          this.noteUnitFailure(unit);
          throw lastError;
        }
        if (lastError.code !== 'timeout') {
          // the unit answered (exception or bad frame): it is alive
          this.units.delete(unit);
          throw lastError;
        }
      }
    }
    this.noteUnitFailure(unit);
    if (this.target.kind !== 'rtu') {
      // over TCP a late answer may still arrive and be taken for the next request's: start a fresh connection
      this.dropClient();
    }
    throw lastError!;
  }

  private async request(client: Client, fc: FunctionCode, address: number, count: number): Promise<number[]> {
    switch (fc) {
      case 1:
        return (await client.readCoils(address, count)).data.slice(0, count).map((b: boolean) => (b ? 1 : 0));
      case 2:
        return (await client.readDiscreteInputs(address, count)).data.slice(0, count).map((b: boolean) => (b ? 1 : 0));
      case 3:
        return checkLength((await client.readHoldingRegisters(address, count)).data, count);
      case 4:
        return checkLength((await client.readInputRegisters(address, count)).data, count);
    }
  }

  /**
   * The request, failing at once when the device closes the connection: modbus-serial leaves the request waiting
   * for its timeout, which would then be reported as 'no answer' although the device plainly hung up.
   */
  private requestUnlessClosed(client: Client, unit: number, fc: FunctionCode, address: number, count: number): Promise<number[]> {
    const closed = () => new ModbusRequestError('connection', `${this.name} unit ${unit} FC${fc} ${address}+${count}: connection closed by the device`);
    if (!client.isOpen) return Promise.reject(closed());
    // ModbusRTU is an EventEmitter (index.js), but its typings declare only on()
    const events = client as unknown as EventEmitter;
    let onClose: () => void = () => undefined;
    const hungUp = new Promise<never>((_, reject) => {
      onClose = () => reject(closed());
      events.once('close', onClose);
    });
    return Promise.race([this.request(client, fc, address, count), hungUp]).finally(() => events.off('close', onClose));
  }

  private classify(e: unknown, unit: number, fc: number, address: number, count: number): ModbusRequestError {
    if (e instanceof ModbusRequestError) return e;
    const err = e as { message?: string; errno?: string; modbusCode?: number; code?: string };
    const what = `${this.name} unit ${unit} FC${fc} ${address}+${count}`;
    if (typeof err.modbusCode === 'number') {
      return new ModbusRequestError('exception', `${what}: exception ${err.modbusCode} (${exceptionName(err.modbusCode)})`, err.modbusCode);
    }
    const msg = err.message ?? String(e);
    if (err.errno === 'ETIMEDOUT' || /timed out/i.test(msg)) return new ModbusRequestError('timeout', `${what}: no answer within ${this.options.timeoutMs} ms`);
    if (/crc|length|data/i.test(msg) && err.errno === undefined) return new ModbusRequestError('decode', `${what}: bad answer (${msg})`);
    return new ModbusRequestError('connection', `${what}: ${msg}`);
  }

  private noteUnitFailure(unit: number): void {
    const b = this.units.get(unit) ?? { failures: 0, until: 0 };
    b.failures++;
    b.until = Date.now() + backoffDelay(b.failures, this.options.backoffBaseMs, this.options.backoffMaxMs);
    this.units.set(unit, b);
  }

  private noteLinkFailure(): void {
    this.link.failures++;
    this.link.until = Date.now() + backoffDelay(this.link.failures, this.options.backoffBaseMs, this.options.backoffMaxMs);
  }

  private dropClient(): void {
    const c = this.client;
    this.client = undefined;
    if (c !== undefined) this.discard(c);
  }

  /**
   * Over TCP the socket is destroyed: close() only half-closes it (end()), and a device that never answers never
   * closes its side either, so the socket (and the process holding it) would stay for minutes. modbus-serial's
   * buffered serial port has no destroy(); there close() releases the port at once.
   */
  private discard(c: Client): void {
    try {
      if (this.target.kind === 'rtu') c.close(() => undefined);
      else c.destroy(() => undefined);
    } catch {
      // already closed
    }
  }

  private async connect(): Promise<Client> {
    if (this.client?.isOpen) return this.client;
    this.dropClient();
    const now = Date.now();
    if (this.link.until > now) {
      throw new ModbusRequestError('connection', `${this.name}: not connected; next try in ${Math.ceil((this.link.until - now) / 1000)} s`);
    }
    this.connecting ??= this.open().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async open(): Promise<Client> {
    const client = new ModbusRTU();
    const t = this.target;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`connect timed out after ${this.options.connectTimeoutMs} ms`)), this.options.connectTimeoutMs);
    });
    try {
      const opening =
        t.kind === 'tcp'
          ? client.connectTCP(t.host, { port: t.port })
          : t.kind === 'rtu-tcp'
            ? client.connectTelnet(t.host, { port: t.port }) // raw RTU frames over TCP (modbus-serial calls it telnet)
            : client.connectRTUBuffered(t.path, { baudRate: t.baudRate, parity: t.parity, dataBits: t.dataBits, stopBits: t.stopBits });
      await Promise.race([opening, timeout]);
    } catch (e) {
      this.discard(client);
      this.noteLinkFailure();
      throw new ModbusRequestError('connection', `${this.name}: cannot connect (${(e as Error).message})`);
    } finally {
      clearTimeout(timer);
    }
    client.setTimeout(this.options.timeoutMs);
    client.on('error', () => undefined);
    client.on('close', () => {
      if (this.client === client) this.client = undefined;
    });
    this.link.failures = 0;
    this.link.until = 0;
    this.client = client;
    return client;
  }
}

function checkLength(data: number[], count: number): number[] {
  if (data.length !== count) throw new ModbusRequestError('decode', `answer has ${data.length} registers, asked for ${count}`);
  return data;
}

interface SharedBus {
  bus: ModbusBus;
  users: number;
}
const shared = new Map<string, SharedBus>();

/** The bus for `key`, shared by every device on the same port / serial line / gateway. */
export function acquireBus(key: string, target: BusTarget, options: BusOptions): ModbusBus {
  let s = shared.get(key);
  if (s === undefined || s.bus.isClosed) {
    s = { bus: new ModbusBus(target, options), users: 0 };
    shared.set(key, s);
  }
  s.users++;
  return s.bus;
}

export async function releaseBus(key: string, bus: ModbusBus): Promise<void> {
  const s = shared.get(key);
  if (s === undefined || s.bus !== bus) return;
  s.users--;
  if (s.users <= 0) {
    shared.delete(key);
    await bus.close();
  }
}
