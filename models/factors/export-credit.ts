import type { ExportCreditVariant, ExportCreditVariantId, FactorSet } from './factor-set.js';

export type { ExportCreditVariant, ExportCreditVariantId };

/**
 * How exported electricity is credited in the primary-energy balance. The GEG credits no feed-in (Anlage 4
 * Nr. 10: on-site PV 0,0); the Effizienzhaus Plus definition does. Which rule a verdict rests on changes it,
 * so the rule is a named parameter that every result carries.
 */
export const EXPORT_CREDIT_VARIANT_IDS = ['effizienzhaus-plus', 'grid-symmetric', 'geg-none'] as const satisfies readonly ExportCreditVariantId[];

export const EXPORT_CREDIT_VARIANTS: Readonly<Record<ExportCreditVariantId, ExportCreditVariant>> = {
  // BMVBS 2011 (Forschungsinitiative Zukunft Bau), quoted by geb-info.de "Das Effizienzhaus Plus – erste
  // Erfahrungen und Ergebnisse": "Der ins Netz eingespeiste Strom ist analog dem Verdrängungsstrommix zu
  // bewerten"; the Verdrängungsstrommix is 2,8 in GEG Anlage 4 Nr. 11 (buzer.de, Fassung 16.10.2023). The 2018
  // brochure "Wege zum Effizienzhaus Plus" (BMI/BBSR) could not be checked: its summary on energieforschung.de
  // (Glossar "Effizienzhaus Plus") does not name the export factor.
  'effizienzhaus-plus': {
    id: 'effizienzhaus-plus',
    name: 'Effizienzhaus Plus: Einspeisung mit dem Verdrängungsstrommix',
    factor: 2.8,
    source:
      'BMVBS 2011, Effizienzhaus-Plus-Definition ("analog dem Verdrängungsstrommix", zitiert nach geb-info.de); Verdrängungsstrommix 2,8 nach GEG Anlage 4 Nr. 11; Broschüre "Wege zum Effizienzhaus Plus" (BMI/BBSR 2018) nicht geprüft',
  },
  'grid-symmetric': {
    id: 'grid-symmetric',
    name: 'Symmetrisch: Einspeisung mit dem Faktor für Netzstrom',
    factor: 1.8,
    source: 'Annahme: eingespeister Strom ersetzt Netzstrom; Faktor netzbezogener Strom 1,8 nach GEG Anlage 4 Nr. 9',
  },
  'geg-none': {
    id: 'geg-none',
    name: 'GEG: keine Gutschrift für Einspeisung',
    factor: 0,
    source: 'GEG Anlage 4 (zu § 22 Abs. 1): gebäudenah erzeugter Strom 0,0, keine Gutschrift für eingespeisten Strom',
  },
};

/** The variant the energy-plus verdict uses unless asked otherwise (the Effizienzhaus Plus rule). */
export const DEFAULT_EXPORT_CREDIT: ExportCreditVariantId = 'effizienzhaus-plus';

export const isExportCreditVariant = (v: string): v is ExportCreditVariantId => (EXPORT_CREDIT_VARIANT_IDS as readonly string[]).includes(v);

/**
 * The primary-energy set with electricity export credited by the variant (replacing any credit the set had),
 * named in the set's ref so that every result states the rule.
 */
export const withExportCredit = (set: FactorSet, id: ExportCreditVariantId = DEFAULT_EXPORT_CREDIT): FactorSet => {
  const v = EXPORT_CREDIT_VARIANTS[id];
  const rest = Object.fromEntries(Object.entries(set.exportCredit).filter(([c]) => c !== 'electricity'));
  return {
    ...set,
    exportCredit: v.factor === 0 ? rest : { ...rest, electricity: { value: v.factor, note: `${v.name} (${v.source})` } },
    exportCreditVariant: v,
  };
};
