/**
 * The listeners devices connect to or publish through, started from the district's own settings: the OCPP central
 * system (table meta, 'ocpp_settings') and the LoRaWAN MQTT subscriber ('lorawan_settings'). Each is restarted when
 * its settings change through the API. A listener that cannot start (a port taken, a broker away) is logged and
 * keeps neither the other nor the app from starting; the subscriber tries a broker that is away again every minute.
 */

const RETRY_MS = 60_000;
import type { SecretCipher } from '../base/secret-cipher.js';
import { startCentralSystem, type CentralSystem } from '../ingest/ocpp/central-system.js';
import { startLoRaWanSubscriber, type LoRaWanSubscriber } from '../ingest/lorawan/lorawan-subscriber.js';
import { parseMapping } from '../../../models/lorawan/index.js';
import { loadLoRaWanSettings, openLoRaWanPassword } from '../store/lorawan-settings.js';
import type { SqliteStore } from '../store/sqlite-store.js';

export interface InboundListeners {
  ocpp(): CentralSystem | undefined;
  lorawan(): LoRaWanSubscriber | undefined;
  restartOcpp(): Promise<void>;
  restartLoRaWan(): Promise<void>;
  close(): Promise<void>;
}

export async function startInboundListeners(o: { store: SqliteStore; secrets: SecretCipher; now: () => number; log: (line: string) => void }): Promise<InboundListeners> {
  const { store, log } = o;
  let ocpp: CentralSystem | undefined;
  let lorawan: LoRaWanSubscriber | undefined;
  let retry: NodeJS.Timeout | undefined;
  let closed = false;
  // one restart at a time, so two quick settings changes cannot start two listeners on one port
  let chain: Promise<void> = Promise.resolve();
  const serial = (fn: () => Promise<void>): Promise<void> => (chain = chain.then(fn, fn));

  const startOcpp = async (): Promise<void> => {
    await ocpp?.close();
    ocpp = undefined;
    const settings = await store.charging.ocppSettings();
    if (!settings.enabled) return;
    try {
      ocpp = await startCentralSystem({ store, charging: store.charging, settings, now: o.now, log });
    } catch (e) {
      // a taken port must not keep the rest of the app from starting; the log says why charge points cannot connect
      log(`ocpp: the central system could not start on ${settings.host}:${settings.port}: ${(e as Error).message}`);
    }
  };

  const startLoRaWan = async (): Promise<void> => {
    clearTimeout(retry);
    await lorawan?.close();
    lorawan = undefined;
    const settings = await loadLoRaWanSettings(store);
    if (!settings.enabled || closed) return;
    const mapping = parseMapping(settings.mapping);
    if (!mapping.ok) {
      log(`lorawan: the stored mapping is not valid: ${mapping.problems.join('; ')}`);
      return;
    }
    try {
      const password = openLoRaWanPassword(settings, o.secrets);
      lorawan = await startLoRaWanSubscriber({
        url: settings.url,
        topics: settings.topics,
        mapping: mapping.mapping,
        store,
        log,
        ...(settings.username === null ? {} : { username: settings.username }),
        ...(password === undefined ? {} : { password }),
      });
    } catch (e) {
      log(`lorawan: the subscriber could not start on ${settings.url}: ${(e as Error).message}; trying again in ${RETRY_MS / 1000} s`);
      if (!closed) {
        retry = setTimeout(() => void serial(startLoRaWan), RETRY_MS);
        retry.unref();
      }
    }
  };

  await startOcpp();
  await startLoRaWan();
  return {
    ocpp: () => ocpp,
    lorawan: () => lorawan,
    restartOcpp: () => serial(startOcpp),
    restartLoRaWan: () => serial(startLoRaWan),
    close: () =>
      serial(async () => {
        closed = true;
        clearTimeout(retry);
        await ocpp?.close();
        await lorawan?.close();
        ocpp = undefined;
        lorawan = undefined;
      }),
  };
}
