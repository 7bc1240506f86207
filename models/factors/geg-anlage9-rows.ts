import type { Carrier } from '../energy/carriers.js';

/** One row of GEG Anlage 9 Nr. 3, as the law prints it; value null where the law gives a procedure instead. */
export interface Anlage9Row {
  readonly nr: number;
  readonly category: string;
  readonly name: string;
  /** g CO2-Äquivalent per kWh final energy. */
  readonly value: number | null;
  /** The carrier the row weighs by default; rows that are alternatives for a carrier have none. */
  readonly carrier?: Carrier;
}

/**
 * GEG Anlage 9 (zu § 85 Abs. 6) Nr. 3 "Emissionsfaktoren", all 25 rows, BGBl. I 2020, 1788-1789, read from
 * lexcada.com (GEG as of 2020-08-08, Anlage 9) and geg-info.de (Anlage 9, "Umrechnung in
 * Treibhausgasemissionen"). Whether the amendment of 16.10.2023 (BGBl. 2023 I Nr. 280) changed a number could
 * not be checked against gesetze-im-internet.de in the sources available; the table is the 2020 text.
 * Nr. 1 a) of Anlage 9: the "gebäudenah erzeugt" rows of gaseous and liquid biomass apply only under § 22
 * Abs. 1 Nr. 1 or 2, so they are alternatives the user picks (withAnlage9Row), not defaults.
 */
export const ANLAGE_9_ROWS: readonly Anlage9Row[] = [
  { nr: 1, category: 'Fossile Brennstoffe', name: 'Heizöl', value: 310, carrier: 'oil' },
  { nr: 2, category: 'Fossile Brennstoffe', name: 'Erdgas', value: 240, carrier: 'gas' },
  { nr: 3, category: 'Fossile Brennstoffe', name: 'Flüssiggas', value: 270, carrier: 'lpg' },
  { nr: 4, category: 'Fossile Brennstoffe', name: 'Steinkohle', value: 400, carrier: 'hard-coal' },
  { nr: 5, category: 'Fossile Brennstoffe', name: 'Braunkohle', value: 430, carrier: 'lignite' },
  { nr: 6, category: 'Biogene Brennstoffe', name: 'Biogas', value: 140, carrier: 'biogas' },
  { nr: 7, category: 'Biogene Brennstoffe', name: 'Biogas, gebäudenah erzeugt', value: 75 },
  { nr: 8, category: 'Biogene Brennstoffe', name: 'Biogenes Flüssiggas', value: 180, carrier: 'bio-lpg' },
  { nr: 9, category: 'Biogene Brennstoffe', name: 'Bioöl', value: 210, carrier: 'bio-oil' },
  { nr: 10, category: 'Biogene Brennstoffe', name: 'Bioöl, gebäudenah erzeugt', value: 105 },
  { nr: 11, category: 'Biogene Brennstoffe', name: 'Holz', value: 20, carrier: 'wood' },
  { nr: 12, category: 'Strom', name: 'netzbezogen', value: 560, carrier: 'electricity' },
  { nr: 13, category: 'Strom', name: 'gebäudenah erzeugt (aus Photovoltaik oder Windkraft)', value: 0 },
  { nr: 14, category: 'Strom', name: 'Verdrängungsstrommix', value: 860 },
  { nr: 15, category: 'Wärme, Kälte', name: 'Erdwärme, Geothermie, Solarthermie, Umgebungswärme', value: 0, carrier: 'ambient-heat' },
  { nr: 16, category: 'Wärme, Kälte', name: 'Erdkälte, Umgebungskälte', value: 0 },
  { nr: 17, category: 'Wärme, Kälte', name: 'Abwärme aus Prozessen', value: 40, carrier: 'waste-heat' },
  { nr: 18, category: 'Wärme, Kälte', name: 'Wärme aus KWK, gebäudeintegriert oder gebäudenah (nach DIN V 18599-9: 2018-09)', value: null },
  { nr: 19, category: 'Wärme, Kälte', name: 'Wärme aus Verbrennung von Siedlungsabfällen (unter pauschaler Berücksichtigung von Hilfsenergie und Stützfeuerung)', value: 20 },
  { nr: 20, category: 'Nah-/Fernwärme aus KWK (Deckungsanteil KWK mindestens 70 %)', name: 'Brennstoff: Stein-/Braunkohle', value: 300 },
  { nr: 21, category: 'Nah-/Fernwärme aus KWK (Deckungsanteil KWK mindestens 70 %)', name: 'Gasförmige und flüssige Brennstoffe', value: 180 },
  { nr: 22, category: 'Nah-/Fernwärme aus KWK (Deckungsanteil KWK mindestens 70 %)', name: 'Erneuerbarer Brennstoff', value: 40 },
  { nr: 23, category: 'Nah-/Fernwärme aus Heizwerken', name: 'Brennstoff: Stein-/Braunkohle', value: 400 },
  { nr: 24, category: 'Nah-/Fernwärme aus Heizwerken', name: 'Gasförmige und flüssige Brennstoffe', value: 300 },
  { nr: 25, category: 'Nah-/Fernwärme aus Heizwerken', name: 'Erneuerbarer Brennstoff', value: 60 },
];

export const anlage9Row = (nr: number): Anlage9Row | undefined => ANLAGE_9_ROWS.find((r) => r.nr === nr);
