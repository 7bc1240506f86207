/**
 * The broker options `plustwin collect` and `plustwin ingest` share. The password is never an argument (it would
 * show in `ps`): it comes from --password-file or the environment variable PLUSTWIN_MQTT_PASSWORD.
 */
import { readFileSync } from 'node:fs';
import type { BrokerAccess } from '../../core/fleet/mqtt-options.js';
import { UsageError } from './command.js';

export const BROKER_FLAGS = { mqtt: 'string', user: 'string', 'password-file': 'string', ca: 'string' } as const;

export const BROKER_USAGE = `  --mqtt URL     the broker: mqtt://host:1883 or mqtts://host:8883 (TLS)
  --user NAME    broker user name
  --password-file FILE
                 file holding the broker password (or set PLUSTWIN_MQTT_PASSWORD)
  --ca FILE      PEM file of the CA that signed the broker's certificate (mqtts://)`;

export function brokerAccess(flags: { mqtt?: string; user?: string; 'password-file'?: string; ca?: string }, defaultUser?: string): BrokerAccess {
  const url = flags.mqtt;
  if (url === undefined) throw new UsageError('--mqtt URL is required', { key: 'usage.required', params: { flag: '--mqtt URL' } });
  if (!/^mqtts?:\/\/[^/]+/.test(url)) throw new UsageError(`--mqtt must be an mqtt:// or mqtts:// URL, got '${url}'`, { key: 'broker.url', params: { got: url } });
  let password = process.env.PLUSTWIN_MQTT_PASSWORD;
  const file = flags['password-file'];
  if (file !== undefined) {
    try {
      password = readFileSync(file, 'utf8').trim();
    } catch (e) {
      throw new UsageError(`--password-file ${file}: ${(e as Error).message}`, { key: 'broker.passwordFile', params: { file, reason: (e as Error).message } });
    }
  }
  const username = flags.user ?? defaultUser;
  return {
    url,
    ...(username === undefined ? {} : { username }),
    ...(password === undefined || password === '' ? {} : { password }),
    ...(flags.ca === undefined ? {} : { caFile: flags.ca }),
  };
}
