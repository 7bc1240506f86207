/** The CLI says the core's coded failures in the run's language, with the next step and the device's own words. */
import { describe, expect, it } from 'vitest';
import { DeviceError } from '../../../drivers/device-driver.js';
import { ApiFailure } from '../../../main/core/base/failure.js';
import { errorText, usageError } from '../../../main/shells/cli/cli-error.js';

describe('errorText', () => {
  it('a SunSpec search that found nothing names the registers and asks for --profile', () => {
    const e = new DeviceError('config', 'no SunSpec device: 0: no SunS; 40000: exception 2 (illegal data address)', undefined, { code: 'sunspec.notFound', params: { registers: '0, 40000, 50000' } });
    expect(errorText('de', e)).toBe(
      'kein SunSpec-Gerät an den Registern 0, 40000, 50000 gefunden: geben Sie das Profil des Zählers mit --profile an (Profile: drivers/profiles/devices/, docs/devices.md)\n' +
        '  (no SunSpec device: 0: no SunS; 40000: exception 2 (illegal data address))',
    );
    expect(errorText('en', e)).toMatch(/^no SunSpec device found at registers 0, 40000, 50000: give the meter's profile with --profile/);
  });

  it('a refused connection is recognised from the driver message when the driver gave no code', () => {
    const e = new DeviceError('connection', 'meter-1: connect ECONNREFUSED 127.0.0.1:5020');
    expect(errorText('de', e)).toMatch(/^unter 127\.0\.0\.1:5020 nimmt kein Gerät Verbindungen an: prüfen Sie IP-Adresse und Port/);
  });

  it('an API failure with a code, a missing Chromium, a usage mistake; an uncoded failure keeps its words', () => {
    expect(errorText('de', new ApiFailure('validation', 'x.geojson: no buildings found', 'x.geojson', { code: 'import.noBuildings', params: { file: 'x.geojson' } }))).toBe('x.geojson enthält kein Gebäude');
    const chromium = Object.assign(new Error('no Chromium found (tried /usr/bin/chromium)'), { name: 'NoChromiumError' });
    expect(errorText('de', chromium)).toMatch(/^ein PDF-Bericht braucht Chromium: installieren Sie es/);
    const usage = usageError('usage.required', { flag: '--db FILE' });
    expect(usage.message).toBe('--db FILE is required');
    expect(errorText('de', usage)).toBe('--db FILE muss angegeben werden');
    expect(errorText('de', new Error('tariff overlaps'))).toBe('tariff overlaps');
  });
});
