/** The energy report's texts (Energiebericht), in German (the municipalities' language) and English. */
import type { NoBenchmarkReason, TrafficLight } from '../../../models/planning/energy-report.js';
import type { BuildingUse } from '../../../models/types.js';
import type { PlanningLang } from './planning-messages.js';

export interface EnergyReportText {
  readonly title: (year: number) => string;
  readonly subtitle: (site: string, years: readonly number[]) => string;
  readonly headers: (years: readonly number[]) => readonly string[];
  readonly use: Readonly<Record<BuildingUse, string>>;
  readonly light: Readonly<Record<TrafficLight, string>>;
  readonly noBenchmark: Readonly<Record<NoBenchmarkReason, string>>;
  readonly yes: string;
  readonly no: string;
  readonly notesTitle: string;
  readonly benchmarks: (title: string, table: string) => string;
  readonly heatRule: string;
  readonly sizeFactor: (small: string, large: string, formula: string) => string;
  readonly lightRule: (amber: string) => string;
  readonly klimafaktoren: (list: string) => string;
  readonly notCorrected: string;
  readonly electricity: string;
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
      'witterungsbereinigt',
      'Vergleichswert Wärme [kWh/m²]',
      'Verhältnis',
      'Ampel',
      'Trend Wärme',
      ...ys.map((y) => `Strom ${y} [kWh/m²]`),
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
    yes: 'ja',
    no: 'nein',
    notesTitle: 'Hinweise',
    benchmarks: (title, table) => `Vergleichswerte: ${title}; ${table}.`,
    heatRule: 'Vergleichswert Wärme = TEK Heizung × Größenfaktor f(Fläche) + TEK Warmwasser.',
    sizeFactor: (small, large, formula) =>
      `Größenfaktor (Nummer 6.3.1): ${small}, ${large}, dazwischen ${formula}; übernommen aus einer öffentlichen Abschrift, nicht aus dem Bundesanzeiger-Text selbst (vor amtlicher Verwendung prüfen).`,
    lightRule: (amber) => `Ampel (Festlegung von PlusTwin, nicht der Bekanntmachung): grün bis zum Vergleichswert, gelb bis zum ${amber}-Fachen, rot darüber.`,
    klimafaktoren: (list) => `Witterungsbereinigung mit dem DWD-Klimafaktor je Jahr (Heizung und Warmwasser zusammen): ${list}.`,
    notCorrected: 'Nicht witterungsbereinigt: kein Klimafaktor angegeben (--klimafaktor JAHR=F mit --klimafaktor-source).',
    electricity:
      'Strom: kein Vergleichswert. Die Bekanntmachung bildet ihn aus mehreren Teilenergiekennwerten (Lüftung, Beleuchtung, Kälte, Befeuchtung, Sonstiges) nach Regeln der Nummer 6.3, die PlusTwin nicht aus dem Bundesanzeiger-Text lesen konnte; lieber kein Wert als ein geschätzter.',
    floorArea: 'Fläche: eingegeben (plustwin heat-plan set --floor-area), sonst geschätzt als 0,32 × beheiztes Bruttovolumen (EnEV 2014 Anlage 1 Nr. 1.3.3, Wohngebäuderegel) und als geschätzt markiert.',
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
      'Weather-corrected',
      'Heat comparison value [kWh/m²]',
      'Ratio',
      'Traffic light',
      'Heat trend',
      ...ys.map((y) => `Electricity ${y} [kWh/m²]`),
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
    yes: 'yes',
    no: 'no',
    notesTitle: 'Notes',
    benchmarks: (title, table) => `Comparison values: ${title}; ${table}.`,
    heatRule: 'Heat comparison value = TEK heating × size factor f(area) + TEK hot water.',
    sizeFactor: (small, large, formula) =>
      `Size factor (Nummer 6.3.1): ${small}, ${large}, in between ${formula}; taken from a public transcription, not from the Bundesanzeiger text itself (check before an official use).`,
    lightRule: (amber) => `Traffic light (PlusTwin's convention, not the Bekanntmachung's): green up to the comparison value, amber up to ${amber} times it, red above.`,
    klimafaktoren: (list) => `Weather correction with the DWD Klimafaktor per year (heating and hot water together): ${list}.`,
    notCorrected: 'Not weather-corrected: no Klimafaktor given (--klimafaktor YEAR=F with --klimafaktor-source).',
    electricity:
      'Electricity: no comparison value. The Bekanntmachung forms it from several partial energy values (ventilation, lighting, cooling, humidification, other) by rules of Nummer 6.3 that PlusTwin could not read from the Bundesanzeiger text; no value rather than a guessed one.',
    floorArea: 'Floor area: entered (plustwin heat-plan set --floor-area), else estimated as 0.32 × heated gross volume (EnEV 2014 Anlage 1 Nr. 1.3.3, the residential rule) and flagged as estimated.',
    coverage: (pct) => `A year counts when its meters cover at least ${pct} of its quarter hours; otherwise its value stays empty.`,
    heatDefinition: "Heat = final energy of fuels and district heat; behind a heat meter the fuel derived from it (heat / the efficiency of the building's heat supply).",
    trend: 'Trend = change from the oldest year with a value to the report year.',
    assumptions: "Assumptions of the report year's analysis",
  },
};
