import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FrameGapTracker, mappedPoints, mapUplink, parseMapping, parseUplink, type LoRaWanMapping } from '../../../models/lorawan/index.js';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/lorawan/${name}`, import.meta.url), 'utf8'));

const mapping = (): LoRaWanMapping => {
  const parsed = parseMapping(fixture('mapping.json'));
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.mapping;
};

describe('LoRaWAN uplinks', () => {
  it('reads a The Things Stack v3 uplink: DevEUI, received_at, f_cnt and decoded_payload', () => {
    const r = parseUplink(fixture('tts-v3-uplink.json'));
    expect(r.ok && r.uplink).toMatchObject({
      source: 'the-things-stack',
      devEui: '70B3D5E75E01A2B3',
      deviceName: 'waermezaehler-schule-7',
      ts: Date.parse('2026-01-15T06:15:02.123Z'),
      fCnt: 44,
    });
  });

  it('reads a ChirpStack v4 uplink: deviceInfo, time, fCnt and object', () => {
    const r = parseUplink(fixture('chirpstack-v4-uplink.json'));
    expect(r.ok && r.uplink).toMatchObject({
      source: 'chirpstack',
      devEui: 'A81758FFFE0312AB',
      deviceName: 'raumsensor-aula',
      ts: Date.parse('2026-01-15T06:30:01.500Z'),
      fCnt: 1207,
      fields: { co2: 812 },
    });
  });

  it('maps fields to points in canonical units and names the mapped fields an uplink lacks', () => {
    const m = mapping();
    const tts = parseUplink(fixture('tts-v3-uplink.json'));
    if (!tts.ok) throw new Error(tts.problem);
    const ts = Date.parse('2026-01-15T06:15:02.123Z');
    // energy 123456 Wh = 123.456 kWh; the nested meter.power_kw stays kW
    expect(mapUplink(m, tts.uplink)).toEqual({
      readings: [
        { pointId: 'lora-schule7-heat:energy', ts, value: 123.456, quality: 'good' },
        { pointId: 'lora-schule7-heat:power', ts, value: 18.4, quality: 'good' },
        { pointId: 'lora-schule7-heat:flow-temp', ts, value: 71.5, quality: 'good' },
      ],
      missing: [],
    });
    const cs = parseUplink(fixture('chirpstack-v4-uplink.json'));
    if (!cs.ok) throw new Error(cs.problem);
    expect(mapUplink(m, cs.uplink)?.missing).toEqual(['pressure']);
    expect(mapUplink(m, { ...cs.uplink, devEui: '0000000000000001' })).toBeNull();
    expect(mappedPoints(m).find((p) => p.id === 'lora-schule7-heat:energy')).toMatchObject({ unit: 'kWh', medium: 'heat', role: 'consumption', deviceId: 'lorawan-70B3D5E75E01A2B3' });
  });

  it('refuses a mapping file naming each problem and where', () => {
    const r = parseMapping({ devices: { XYZ: { buildingId: 'b', fields: { t: { point: 'p', unit: 'F', medium: 'air' } } } } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      'devices.XYZ: a DevEUI is 16 hex digits',
      expect.stringMatching(/^devices\.XYZ\.fields\.t\.unit: 'F' is not one of Wh, kWh/),
      expect.stringMatching(/^devices\.XYZ\.fields\.t\.medium: 'air' is not one of electricity/),
    ]);
  });

  it('tells what is not an uplink', () => {
    expect(parseUplink({ end_device_ids: { dev_eui: '70B3D5E75E01A2B3' }, join_accept: {} })).toEqual({ ok: false, problem: 'not an uplink: uplink_message is missing' });
    expect(parseUplink({ deviceInfo: { devEui: 'a81758fffe0312ab' }, time: 'gestern' })).toEqual({ ok: false, problem: "time 'gestern' is not an ISO 8601 time" });
    expect(parseUplink([1])).toEqual({ ok: false, problem: 'the message is not a JSON object' });
  });

  it('flags lost uplinks from the frame counter, not a repeat and not a rejoin', () => {
    const g = new FrameGapTracker();
    expect(g.see('A', 41, 1)).toBeNull();
    expect(g.see('A', 44, 2)).toEqual({ devEui: 'A', missed: 2, afterFCnt: 41, ts: 2 });
    expect(g.see('A', 44, 3)).toBeNull();
    expect(g.see('A', 0, 4)).toBeNull();
    expect(g.see('A', 1, 5)).toBeNull();
  });
});
