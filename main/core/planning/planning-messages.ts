/** The texts of the planning exports, in German (Klimaschutz-Planer's language) and English. */
import type { Carrier } from '../../../models/energy/carriers.js';
import type { BiskoRow } from '../../../models/planning/bisko.js';

export type PlanningLang = 'de' | 'en';

export const SECTOR_LABEL: Readonly<Record<PlanningLang, Readonly<Record<BiskoRow, string>>>> = {
  de: { households: 'Private Haushalte', 'trade-services': 'Gewerbe, Handel, Dienstleistungen (GHD)', industry: 'Industrie', municipal: 'Kommunale Einrichtungen', transport: 'Verkehr' },
  en: { households: 'Private households', 'trade-services': 'Trade, commerce, services', industry: 'Industry', municipal: 'Municipal facilities', transport: 'Transport' },
};

export const CARRIER_LABEL: Readonly<Record<PlanningLang, Readonly<Record<Carrier, string>>>> = {
  de: {
    electricity: 'Strom',
    gas: 'Erdgas',
    oil: 'Heizöl',
    lpg: 'Flüssiggas',
    'district-heat': 'Fernwärme',
    heat: 'Nutzwärme',
    biogas: 'Biogas',
    'bio-lpg': 'Bio-Flüssiggas',
    'bio-oil': 'Bio-Heizöl',
    'waste-heat': 'Abwärme',
    wood: 'Holz',
    pellets: 'Holzpellets',
    'hard-coal': 'Steinkohle',
    lignite: 'Braunkohle',
    'ambient-heat': 'Umweltwärme',
  },
  en: {
    electricity: 'Electricity',
    gas: 'Natural gas',
    oil: 'Heating oil',
    lpg: 'LPG',
    'district-heat': 'District heat',
    heat: 'Useful heat',
    biogas: 'Biogas',
    'bio-lpg': 'Bio-LPG',
    'bio-oil': 'Bio heating oil',
    'waste-heat': 'Waste heat',
    wood: 'Wood',
    pellets: 'Wood pellets',
    'hard-coal': 'Hard coal',
    lignite: 'Lignite',
    'ambient-heat': 'Ambient heat',
  },
};

export const BISKO_TEXT = {
  de: {
    headers: ['Sektor', 'Energieträger', 'Endenergie [MWh]', 'THG-Emissionen [t CO2e]', 'Emissionsfaktor [g CO2e/kWh]', 'Datengüte', 'Datengüte (Wert)', 'Gebäude'],
    total: 'Summe',
    transportNote: 'Verkehr wird territorial bilanziert (Fahrleistungen), nicht aus Gebäuden: im Klimaschutz-Planer eintragen',
    title: (year: number) => `BISKO-Bilanz ${year}`,
    factors: (id: string, version: string, source: string) => `Emissionsfaktoren: ${id} (${version}); ${source}`,
    noFactor: (list: string) => `Ohne Emissionsfaktor im Satz (THG nicht in der Summe): ${list}`,
    leftOut: (list: string) => `Ohne Wärme-Energieträger (kein Zähler, keine Schätzung oder kein Brennstoff angegeben): ${list}`,
    grades: 'Datengüte nach BISKO: A = 1 (gemessen), B = 0,5 (hochgerechnet), C = 0,25, D = 0 (geschätzt, Typologie); Zellen energiegewichtet',
  },
  en: {
    headers: ['Sector', 'Energy carrier', 'Final energy [MWh]', 'GHG emissions [t CO2e]', 'Emission factor [g CO2e/kWh]', 'Data quality', 'Data quality (value)', 'Buildings'],
    total: 'Total',
    transportNote: 'Transport is balanced by territory (vehicle kilometres), not from buildings: enter it in Klimaschutz-Planer',
    title: (year: number) => `BISKO balance ${year}`,
    factors: (id: string, version: string, source: string) => `Emission factors: ${id} (${version}); ${source}`,
    noFactor: (list: string) => `No emission factor in the set (GHG not in the total): ${list}`,
    leftOut: (list: string) => `No heat carrier (no meter, no estimate or no fuel entered): ${list}`,
    grades: 'BISKO data quality: A = 1 (measured), B = 0.5 (extrapolated), C = 0.25, D = 0 (estimated, typology); cells weighted by energy',
  },
} as const;
