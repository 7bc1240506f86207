/**
 * How a collector or an ingest worker reaches the broker: URL (mqtt:// or mqtts://), user and password (Mosquitto's
 * password file), and for TLS the CA that signed the broker's certificate. Always MQTT 5: the ingest workers need
 * shared subscriptions, and a refused publish gets a reason code instead of a silent drop.
 */
import { readFileSync } from 'node:fs';
import type { IClientOptions } from 'mqtt';

export interface BrokerAccess {
  readonly url: string;
  readonly username?: string;
  readonly password?: string;
  /** PEM file of the CA that signed the broker's certificate (mqtts://). */
  readonly caFile?: string;
}

export function clientOptions(access: BrokerAccess, clientId: string): IClientOptions {
  return {
    protocolVersion: 5,
    clientId,
    clean: true,
    reconnectPeriod: 1000,
    connectTimeout: 5000,
    ...(access.username === undefined ? {} : { username: access.username }),
    ...(access.password === undefined ? {} : { password: access.password }),
    ...(access.caFile === undefined ? {} : { ca: readFileSync(access.caFile), rejectUnauthorized: true }),
  };
}
