/**
 * LoRaWAN uplinks as the two common network servers publish them over MQTT, reduced to what PlusTwin needs: which
 * device, when, its frame counter and the decoded fields.
 *
 * - The Things Stack v3 (topic v3/<app>@<tenant>/devices/<device>/up; JSON format documented at
 *   https://www.thethingsindustries.com/docs/integrations/data-formats/): end_device_ids.{device_id, dev_eui},
 *   received_at (ISO 8601, Application Server), uplink_message.{f_cnt, decoded_payload}. Empty fields are omitted,
 *   so f_cnt 0 is absent.
 * - ChirpStack v4 (topic application/<app id>/device/<dev eui>/event/up; the integration.UplinkEvent message of
 *   chirpstack_api, proto3 JSON mapping, https://docs.rs/chirpstack_api/latest/chirpstack_api/integration/struct.UplinkEvent.html):
 *   deviceInfo.{deviceName, devEui}, time, fCnt, object (only when the device profile has a codec).
 */

export type UplinkSource = 'the-things-stack' | 'chirpstack';

export interface Uplink {
  readonly source: UplinkSource;
  /** DevEUI, upper-case hex, the key of the mapping file. */
  readonly devEui: string;
  readonly deviceName: string;
  readonly ts: number;
  /** LoRaWAN FCntUp, null when the message has none. */
  readonly fCnt: number | null;
  /** The payload decoder's output; empty when the server decoded nothing. */
  readonly fields: Readonly<Record<string, unknown>>;
}

export type UplinkParse = { readonly ok: true; readonly uplink: Uplink } | { readonly ok: false; readonly problem: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const fail = (problem: string): UplinkParse => ({ ok: false, problem });

function timeOf(v: unknown, field: string): number | string {
  if (typeof v !== 'string') return `${field} is missing`;
  const ts = Date.parse(v);
  return Number.isFinite(ts) ? ts : `${field} '${v}' is not an ISO 8601 time`;
}

function theThingsStack(m: Record<string, unknown>): UplinkParse {
  const ids = m['end_device_ids'];
  const up = m['uplink_message'];
  if (!isObject(ids)) return fail('end_device_ids is missing');
  if (!isObject(up)) return fail('not an uplink: uplink_message is missing');
  if (typeof ids['dev_eui'] !== 'string') return fail('end_device_ids.dev_eui is missing');
  const ts = timeOf(m['received_at'] ?? up['received_at'], 'received_at');
  if (typeof ts === 'string') return fail(ts);
  const decoded = up['decoded_payload'];
  return {
    ok: true,
    uplink: {
      source: 'the-things-stack',
      devEui: ids['dev_eui'].toUpperCase(),
      deviceName: typeof ids['device_id'] === 'string' ? ids['device_id'] : ids['dev_eui'],
      ts,
      // omitted when 0 (the documented rule for empty fields)
      fCnt: typeof up['f_cnt'] === 'number' ? up['f_cnt'] : 0,
      fields: isObject(decoded) ? decoded : {},
    },
  };
}

function chirpStack(m: Record<string, unknown>): UplinkParse {
  const info = m['deviceInfo'];
  if (!isObject(info) || typeof info['devEui'] !== 'string') return fail('deviceInfo.devEui is missing');
  const ts = timeOf(m['time'], 'time');
  if (typeof ts === 'string') return fail(ts);
  const object = m['object'];
  return {
    ok: true,
    uplink: {
      source: 'chirpstack',
      devEui: info['devEui'].toUpperCase(),
      deviceName: typeof info['deviceName'] === 'string' ? info['deviceName'] : info['devEui'],
      ts,
      // proto3 JSON omits default values too: no fCnt means 0
      fCnt: typeof m['fCnt'] === 'number' ? m['fCnt'] : 0,
      fields: isObject(object) ? object : {},
    },
  };
}

/** Either format, told apart by its identifying field. */
export function parseUplink(message: unknown): UplinkParse {
  if (!isObject(message)) return fail('the message is not a JSON object');
  if ('end_device_ids' in message) return theThingsStack(message);
  if ('deviceInfo' in message) return chirpStack(message);
  return fail('neither a The Things Stack (end_device_ids) nor a ChirpStack v4 (deviceInfo) uplink');
}
