/** The OPC UA picker's guess of medium, role and kind from a variable's name and unit, and when it admits a guess. */
import { describe, expect, it } from 'vitest';
import { guessPoint } from '../../../renderer/devices/point-guess.js';

describe('guessPoint', () => {
  it.each([
    // names as the building automation simulator and German servers write them
    [['HeatPower'], 'kW', { medium: 'heat', kind: 'power' }],
    [['HeatEnergy'], 'kWh', { medium: 'heat', kind: 'energy-counter' }],
    [['Wärmemenge Heizung'], undefined, { medium: 'heat', kind: 'energy-counter' }],
    [['Fernwärme Übergabe'], 'MWh', { medium: 'district-heat', kind: 'energy-counter' }],
    [['Heizöl Tank'], undefined, { medium: 'oil' }],
    [['Gaszähler'], 'm³', { medium: 'gas', kind: 'energy-counter' }],
    [['Kaltwasser'], 'm3', { medium: 'water', kind: 'energy-counter' }],
    [['PV', 'ActivePower'], 'kW', { medium: 'electricity', role: 'generation', kind: 'power', sure: true }],
    [['Netz Bezug Wirkarbeit'], 'kWh', { medium: 'electricity', role: 'import', kind: 'energy-counter', sure: true }],
    [['Einspeisung'], 'kWh', { role: 'export' }],
    [['Vorlauftemperatur'], '°C', { kind: 'temperature', role: 'info' }],
  ] as const)('%j in %s', (names, unit, expected) => {
    expect(guessPoint(names, unit)).toMatchObject(expected);
  });

  it('says it guessed when no word names the medium or role', () => {
    expect(guessPoint(['Value1'])).toEqual({ medium: 'electricity', role: 'consumption', kind: 'power', sure: false });
    // m³ alone: gas is likelier on a connection, but it could be water
    expect(guessPoint(['Zähler 3'], 'm³')).toMatchObject({ medium: 'gas', sure: false });
    // heat named but no role: still a guess
    expect(guessPoint(['HeatPower'], 'kW').sure).toBe(false);
    expect(guessPoint(['Wärmeverbrauch Schule'], 'kWh')).toMatchObject({ medium: 'heat', role: 'consumption', sure: true });
  });
});
