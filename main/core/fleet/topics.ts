/**
 * The MQTT topic namespace between collectors and the central ingest (docs/deployment.md):
 *
 *   plustwin/v1/<site>/status                         retained: {"state":"online"|"offline"} (birth and Last Will)
 *   plustwin/v1/<site>/readings                       QoS 1: raw readings of many points of the site in one message
 *                                                     (what collectors send since the compact payload, messages.ts)
 *   plustwin/v1/<site>/<building>/<point>/readings    QoS 1: raw readings of one point, numbered per point (still
 *                                                     taken from collectors of earlier versions)
 *   plustwin/v1/<site>/<building>/<point>/intervals   QoS 1: finished 15-minute intervals of one point
 *   plustwin/v1/<site>/ack                            retained, from the central side: what it has committed
 *   plustwin/v1/<site>/district                       retained, QoS 1: the site's structure (buildings, points, roles)
 *
 * Each level is percent-encoded (encodeURIComponent), so an id may hold '/', '+' or '#' without changing the topic's
 * shape; MQTT forbids those as characters of a level that carries data (MQTT 5.0, section 4.7).
 */
export const TOPIC_ROOT = 'plustwin/v1';

/** The shared subscription group of the ingest workers: the broker hands each message to one of them. */
export const INGEST_GROUP = 'plustwin-ingest';

const level = (id: string): string => {
  if (id.length === 0) throw new RangeError('an MQTT topic level may not be empty');
  return encodeURIComponent(id);
};

export const statusTopic = (site: string): string => `${TOPIC_ROOT}/${level(site)}/status`;
export const ackTopic = (site: string): string => `${TOPIC_ROOT}/${level(site)}/ack`;
export const districtTopic = (site: string): string => `${TOPIC_ROOT}/${level(site)}/district`;
/** Every site's structure; a plain subscription (not shared), so each worker gets the retained ones at its start. */
export const DISTRICT_SUBSCRIPTION = `${TOPIC_ROOT}/+/district`;

/** The site of a district topic, or null. */
export function parseDistrictTopic(topic: string): string | null {
  const parts = topic.split('/');
  if (parts.length !== 4 || `${parts[0]}/${parts[1]}` !== TOPIC_ROOT || parts[3] !== 'district') return null;
  try {
    return decodeURIComponent(parts[2] as string);
  } catch {
    return null;
  }
}
export const pointTopic = (site: string, building: string, point: string, kind: DataKind): string =>
  `${TOPIC_ROOT}/${level(site)}/${level(building)}/${level(point)}/${kind}`;

export type DataKind = 'readings' | 'intervals';

/** A site's readings of many points in one message (messages.ts, ReadingsBatch). */
export const siteReadingsTopic = (site: string): string => `${TOPIC_ROOT}/${level(site)}/readings`;

/** The site of a site readings topic, or null. */
export function parseSiteReadingsTopic(topic: string): string | null {
  const parts = topic.split('/');
  if (parts.length !== 4 || `${parts[0]}/${parts[1]}` !== TOPIC_ROOT || parts[3] !== 'readings') return null;
  try {
    return decodeURIComponent(parts[2] as string);
  } catch {
    return null;
  }
}

/** What the ingest workers subscribe to, as MQTT 5 shared subscriptions: site batches, and per point of each kind. */
export const ingestSubscriptions = (): string[] => [
  `$share/${INGEST_GROUP}/${TOPIC_ROOT}/+/readings`,
  ...(['readings', 'intervals'] as const).map((kind) => `$share/${INGEST_GROUP}/${TOPIC_ROOT}/+/+/+/${kind}`),
];

export interface PointTopic {
  readonly site: string;
  readonly building: string;
  readonly point: string;
  readonly kind: DataKind;
}

/** null for a topic outside the data part of the namespace. */
export function parsePointTopic(topic: string): PointTopic | null {
  const parts = topic.split('/');
  if (parts.length !== 6 || `${parts[0]}/${parts[1]}` !== TOPIC_ROOT) return null;
  const kind = parts[5];
  if (kind !== 'readings' && kind !== 'intervals') return null;
  try {
    return {
      site: decodeURIComponent(parts[2] as string),
      building: decodeURIComponent(parts[3] as string),
      point: decodeURIComponent(parts[4] as string),
      kind,
    };
  } catch {
    return null;
  }
}
