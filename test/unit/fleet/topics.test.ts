/** The topic namespace: built and parsed back, ids with MQTT's special characters kept inside their level. */
import { describe, expect, it } from 'vitest';
import { ackTopic, ingestSubscriptions, parsePointTopic, parseSiteReadingsTopic, pointTopic, siteReadingsTopic, statusTopic } from '../../../main/core/fleet/topics.js';

describe('fleet topics', () => {
  it('builds the documented shapes', () => {
    expect(statusTopic('site-a')).toBe('plustwin/v1/site-a/status');
    expect(ackTopic('site-a')).toBe('plustwin/v1/site-a/ack');
    expect(pointTopic('site-a', 'efh-1', 'efh-1-meter:energy_import', 'readings')).toBe('plustwin/v1/site-a/efh-1/efh-1-meter%3Aenergy_import/readings');
    expect(siteReadingsTopic('site-a')).toBe('plustwin/v1/site-a/readings');
    expect(ingestSubscriptions()).toEqual([
      '$share/plustwin-ingest/plustwin/v1/+/readings',
      '$share/plustwin-ingest/plustwin/v1/+/+/+/readings',
      '$share/plustwin-ingest/plustwin/v1/+/+/+/intervals',
    ]);
  });

  it('parses a data topic back, with /, + and # inside ids', () => {
    const topic = pointTopic('s', 'house/1', 'meter+#', 'intervals');
    // one level each: 'house%2F1' and 'meter%2B%23'
    expect(topic).toBe('plustwin/v1/s/house%2F1/meter%2B%23/intervals');
    expect(parsePointTopic(topic)).toEqual({ site: 's', building: 'house/1', point: 'meter+#', kind: 'intervals' });
  });

  it('rejects topics outside the data namespace', () => {
    expect(parsePointTopic('plustwin/v1/s/status')).toBeNull();
    expect(parsePointTopic('plustwin/v2/s/b/p/readings')).toBeNull();
    expect(parsePointTopic('plustwin/v1/s/b/p/other')).toBeNull();
    expect(parsePointTopic('plustwin/v1/s/b/%E0%A4%A/readings')).toBeNull();
    expect(parsePointTopic(siteReadingsTopic('s'))).toBeNull();
    expect(parseSiteReadingsTopic(siteReadingsTopic('s%1'))).toBe('s%1');
    expect(parseSiteReadingsTopic('plustwin/v1/s/ack')).toBeNull();
    expect(parseSiteReadingsTopic(pointTopic('s', 'b', 'p', 'readings'))).toBeNull();
  });
});
