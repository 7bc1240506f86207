/** The energy report's texts (Energiebericht), in German (the municipalities' language) and English. */
import type { NoBenchmarkReason, NoElectricityBenchmarkReason, TrafficLight } from '../../../models/planning/energy-report.js';
import type { WeatherBasis } from '../../../models/planning/weather-correction.js';
import type { BuildingUse } from '../../../models/types.js';
import type { PlanningLang } from './planning-messages.js';

export interface EnergyReportText {
  readonly title: (year: number) => string;
  readonly subtitle: (site: string, years: readonly number[]) => string;
  readonly headers: (years: readonly number[]) => readonly string[];
  readonly use: Readonly<Record<BuildingUse, string>>;
  readonly light: Readonly<Record<TrafficLight, string>>;
  readonly noBenchmark: Readonly<Record<NoBenchmarkReason, string>>;
  readonly noElectricityBenchmark: Readonly<Record<NoElectricityBenchmarkReason, string>>;
  readonly weatherBasis: Readonly<Record<WeatherBasis, string>>;
  readonly overridden: string;
  readonly yes: string;
  readonly no: string;
  readonly notesTitle: string;
  readonly benchmarks: (title: string, table: string) => string;
  readonly heatRule: string;
  readonly sizeFactor: (small: string, large: string, formula: string) => string;
  readonly lightRule: (amber: string) => string;
  readonly rowSource: (source: string) => string;
  readonly klimafaktoren: (list: string) => string;
  readonly degreeDays: (list: string, tryG: string) => string;
  readonly tryDefault: (years: string, tryG: string | null) => string;
  readonly electricity: (title: string, source: string) => string;
  readonly electricityLightRule: string;
  readonly categoryOverride: string;
  readonly floorArea: string;
  readonly coverage: (pct: string) => string;
  readonly heatDefinition: string;
  readonly trend: string;
  readonly assumptions: string;
}

export const ENERGY_REPORT_TEXT: Readonly<Record<PlanningLang, EnergyReportText>> = {
  de: {
    title: (y) => `Energiebericht ${y}`,
    subtitle: (site, years) => `${site} · Verbrauchskennwerte der Jahre ${years.join(', ')}`,
    headers: (ys) => [
      'Gebäude-ID',
      'Name',
      'Nutzung',
      'Kategorie (Bekanntmachung 2021)',
      'Fläche [m²]',
      'Fläche geschätzt',
      ...ys.map((y) => `Wärme ${y} [kWh/m²]`),
      'Witterungsbereinigung',
      'Vergleichswert Wärme [kWh/m²]',
      'Verhältnis Wärme',
      'Ampel Wärme',
      'Trend Wärme',
      ...ys.map((y) => `Strom ${y} [kWh/m²]`),
      'Zielwert Strom [kWh/m²]',
      'Grenzwert Strom [kWh/m²]',
      'Verhältnis Strom',
      'Ampel Strom',
      'Trend Strom',
      'Hinweis',
    ],
    use: { 'single-family': 'Einfamilienhaus', 'multi-family': 'Mehrfamilienhaus', school: 'Schule', office: 'Büro', 'town-hall': 'Rathaus', shop: 'Laden', other: 'sonstige' },
    light: { green: 'grün', amber: 'gelb', red: 'rot' },
    noBenchmark: {
      residential: 'kein Vergleichswert: Wohngebäude (die Bekanntmachung gilt für Nichtwohngebäude)',
      'no-category': 'kein Vergleichswert: keine Gebäudekategorie für diese Nutzung',
      'no-heat': 'kein Vergleichswert: keine Wärme gemessen',
      incomplete: 'kein Vergleichswert: Wärme im Berichtsjahr unvollständig gemessen',
    },
    noElectricityBenchmark: {
      residential: 'kein Stromkennwert: Wohngebäude',
      'no-category': 'kein Stromkennwert: keine Gebäudekategorie',
      'no-row': 'kein Stromkennwert: VDI 3807 nennt keinen für diese Kategorie',
      'no-electricity': 'kein Stromkennwert: kein Strom gemessen',
      incomplete: 'kein Stromkennwert: Strom im Berichtsjahr unvollständig gemessen',
    },
    weatherBasis: { klimafaktor: 'DWD-Klimafaktor', 'degree-days': 'Gradtagzahl gegen TRY Essen', 'try-default': 'TRY-Standard (nicht bereinigt)' },
    overridden: 'manuell gewählt',
    yes: 'ja',
    no: 'nein',
    notesTitle: 'Hinweise',
    benchmarks: (title, table) => `Vergleichswerte: ${title}; ${table}.`,
    heatRule: 'Vergleichswert Wärme = TEK Heizung × Größenfaktor f(Fläche) + TEK Warmwasser.',
    sizeFactor: (small, large, formula) =>
      `Größenfaktor (Nummer 6.3.1): ${small}, ${large}, dazwischen ${formula}; übernommen aus einer öffentlichen Abschrift, nicht aus dem Bundesanzeiger-Text selbst (vor amtlicher Verwendung prüfen).`,
    lightRule: (amber) => `Ampel (Festlegung von PlusTwin, nicht der Bekanntmachung): grün bis zum Vergleichswert, gelb bis zum ${amber}-Fachen, rot darüber.`,
    rowSource: (source) => `Quelle: ${source}.`,
    klimafaktoren: (list) => `Witterungsbereinigung mit dem DWD-Klimafaktor je Jahr (Heizung und Warmwasser zusammen): ${list}.`,
    degreeDays: (list, tryG) =>
      `Witterungsbereinigung mit Gradtagzahlen G20/15 (VDI 3807 Blatt 1: Summe von 20 °C minus Tagesmittel über alle Tage unter 15 °C): Faktor = G20/15 des Testreferenzjahrs Essen (DWD TRY Region 5, mittleres Jahr, ${tryG} Kd) / G20/15 des Jahres; eingegeben: ${list}.`,
    tryDefault: (years, tryG) =>
      `TRY-Standardannahme für ${years}: weder DWD-Klimafaktor noch Gradtagzahl eingegeben, das Jahr gilt als mittleres Jahr des Testreferenzjahrs Essen${tryG === null ? '' : ` (G20/15 = ${tryG} Kd)`}, Faktor 1 – die Wärme ist NICHT für die Witterung des Jahres bereinigt (--klimafaktor JAHR=F oder --gradtage JAHR=G mit Quelle).`,
    electricity: (title, source) => `Strom: ${title}. ${source}`,
    electricityLightRule: 'Ampel Strom: grün bis zum Zielwert, gelb bis zum Grenzwert, rot darüber; Verhältnis Strom = Verbrauch / Grenzwert.',
    categoryOverride: 'Kategorie: aus der Nutzung abgeleitet, außer wo „manuell gewählt“ steht (plustwin heat-plan set --report-category N oder im Planungsdialog).',
    floorArea: 'Fläche: eingegeben (plustwin heat-plan set --floor-area), sonst geschätzt und als geschätzt markiert: bei Nichtwohngebäuden mit bekannter Geschosszahl als 0,85 × Bruttogrundfläche (Grundfläche × Geschosse; Faktor der Bekanntmachung von 2009 für Nichtwohngebäude außerhalb ihres Katalogs, nach GEB zitiert), sonst als 0,32 × beheiztes Bruttovolumen (EnEV 2014 Anlage 1 Nr. 1.3.3, Wohngebäuderegel).',
    coverage: (pct) => `Ein Jahr zählt, wenn seine Zähler mindestens ${pct} der Viertelstunden abdecken; sonst bleibt der Wert leer.`,
    heatDefinition: 'Wärme = Endenergie der Brennstoffe und der Fernwärme; hinter einem Wärmemengenzähler der daraus abgeleitete Brennstoff (Wärme / Wirkungsgrad der Wärmeversorgung des Gebäudes).',
    trend: 'Trend = Änderung vom ältesten Jahr mit Wert bis zum Berichtsjahr.',
    assumptions: 'Annahmen der Analyse des Berichtsjahres',
  },
  en: {
    title: (y) => `Energy report ${y}`,
    subtitle: (site, years) => `${site} · consumption per m² in ${years.join(', ')}`,
    headers: (ys) => [
      'Building id',
      'Name',
      'Use',
      'Category (Bekanntmachung 2021)',
      'Floor area [m²]',
      'Area estimated',
      ...ys.map((y) => `Heat ${y} [kWh/m²]`),
      'Weather correction',
      'Heat comparison value [kWh/m²]',
      'Heat ratio',
      'Heat traffic light',
      'Heat trend',
      ...ys.map((y) => `Electricity ${y} [kWh/m²]`),
      'Electricity target value [kWh/m²]',
      'Electricity limit value [kWh/m²]',
      'Electricity ratio',
      'Electricity traffic light',
      'Electricity trend',
      'Note',
    ],
    use: { 'single-family': 'Single-family house', 'multi-family': 'Multi-family house', school: 'School', office: 'Office', 'town-hall': 'Town hall', shop: 'Shop', other: 'other' },
    light: { green: 'green', amber: 'amber', red: 'red' },
    noBenchmark: {
      residential: 'no benchmark: residential building (the Bekanntmachung covers non-residential buildings)',
      'no-category': 'no benchmark: no building category for this use',
      'no-heat': 'no benchmark: no heat measured',
      incomplete: 'no benchmark: heat of the report year measured incompletely',
    },
    noElectricityBenchmark: {
      residential: 'no electricity benchmark: residential building',
      'no-category': 'no electricity benchmark: no building category',
      'no-row': 'no electricity benchmark: VDI 3807 gives none for this category',
      'no-electricity': 'no electricity benchmark: no electricity measured',
      incomplete: 'no electricity benchmark: electricity of the report year measured incompletely',
    },
    weatherBasis: { klimafaktor: 'DWD Klimafaktor', 'degree-days': 'degree days against the Essen TRY', 'try-default': 'TRY default (not corrected)' },
    overridden: 'set by the user',
    yes: 'yes',
    no: 'no',
    notesTitle: 'Notes',
    benchmarks: (title, table) => `Comparison values: ${title}; ${table}.`,
    heatRule: 'Heat comparison value = TEK heating × size factor f(area) + TEK hot water.',
    sizeFactor: (small, large, formula) =>
      `Size factor (Nummer 6.3.1): ${small}, ${large}, in between ${formula}; taken from a public transcription, not from the Bundesanzeiger text itself (check before an official use).`,
    lightRule: (amber) => `Traffic light (PlusTwin's convention, not the Bekanntmachung's): green up to the comparison value, amber up to ${amber} times it, red above.`,
    rowSource: (source) => `Source: ${source}.`,
    klimafaktoren: (list) => `Weather correction with the DWD Klimafaktor per year (heating and hot water together): ${list}.`,
    degreeDays: (list, tryG) =>
      `Weather correction with degree days G20/15 (VDI 3807 part 1: the sum of 20 °C minus the daily mean over all days below 15 °C): factor = G20/15 of the Essen test reference year (DWD TRY region 5, an average year, ${tryG} Kd) / G20/15 of the year; entered: ${list}.`,
    tryDefault: (years, tryG) =>
      `TRY default for ${years}: neither a DWD Klimafaktor nor degree days entered, the year is taken as the average year of the Essen test reference year${tryG === null ? '' : ` (G20/15 = ${tryG} Kd)`}, factor 1 - the heat is NOT corrected for the year's weather (--klimafaktor YEAR=F or --gradtage YEAR=G with a source).`,
    electricity: (title, source) => `Electricity: ${title}. ${source}`,
    electricityLightRule: 'Electricity traffic light: green up to the target value (Zielwert), amber up to the limit value (Grenzwert), red above; electricity ratio = consumption / limit value.',
    categoryOverride: "Category: derived from the use, except where it says 'set by the user' (plustwin heat-plan set --report-category N or the planning dialog).",
    floorArea: 'Floor area: entered (plustwin heat-plan set --floor-area), else estimated and flagged as estimated: for a non-residential building with known storeys as 0.85 × gross floor area (footprint × storeys; the factor of the 2009 Bekanntmachung for non-residential buildings outside its catalogue, as quoted by GEB), else as 0.32 × heated gross volume (EnEV 2014 Anlage 1 Nr. 1.3.3, the residential rule).',
    coverage: (pct) => `A year counts when its meters cover at least ${pct} of its quarter hours; otherwise its value stays empty.`,
    heatDefinition: "Heat = final energy of fuels and district heat; behind a heat meter the fuel derived from it (heat / the efficiency of the building's heat supply).",
    trend: 'Trend = change from the oldest year with a value to the report year.',
    assumptions: "Assumptions of the report year's analysis",
  },
};
