/**
 * mqtt, pg and pg-copy-streams load when a fleet piece or the central store starts, not when the CLI does: together
 * they cost every other command (an import, a report) about 40 MB and 0.25 s at start.
 */
import type mqttModule from 'mqtt';
import type pgModule from 'pg';
import type copyStreamsModule from 'pg-copy-streams';

export const loadMqtt = async (): Promise<typeof mqttModule> => (await import('mqtt')).default;
export const loadPg = async (): Promise<typeof pgModule> => (await import('pg')).default;
export const loadCopyStreams = async (): Promise<typeof copyStreamsModule> => (await import('pg-copy-streams')).default;
