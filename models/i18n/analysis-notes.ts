/**
 * The assumptions an analysis rests on, as notes with a key and parameters, in German and English. The analysis
 * emits notes; every surface (CLI, PDF, XLSX, UI) prints them in its language, and the analysis' English
 * `assumptions` text is made from the same table, so the two can never say different things.
 */
import { defineMessages, type KeyOf, type MessageParam, type TextsOf } from './define-messages.js';
import { createTranslators, type ParamsFor } from './translator.js';
import { DEFAULT_LOCALE } from './locales.js';
import type { Language } from '../values.js';

export const analysisNoteMessages = defineMessages({
  de: {
    'note.boundary':
      'Bilanziert wird die gemessene Energie über die Grenze jedes Gebäudes; gemessene Nutzwärme (Energieträger „Nutzwärme“) wird gezeigt, aber nicht bewertet, ihr Brennstoff schon.',
    'note.sign': 'Saldo = Verbrauch - Erzeugung = Bezug - Einspeisung: positiv = Defizit (von außen bezogen), negativ = Überschuss.',
    'note.heat.boiler': '{building}: die gemessene Wärme liefert {boiler}; {carrier} = Wärme / {efficiency}{origin}',
    'note.heat.districtHeat': '{building}: die gemessene Wärme liefert Fernwärme; Fernwärme = Wärme / {efficiency}{origin}',
    'note.heat.heatPump': '{building}: die gemessene Wärme liefert eine Wärmepumpe (JAZ {efficiency}); Strom = Wärme / {efficiency}{origin}',
    'note.origin.default': ' (Standardannahme; in der Wärmeversorgung des Gebäudes zu ändern: plustwin district heat-supply)',
    'note.origin.building': ' (beim Gebäude gespeichert)',
    'note.origin.setting': ' (mit dieser Auswertung angegeben)',
    'note.origin.planning': ' (Brennstoff aus den Planungsangaben des Gebäudes mit dem Standard-Wirkungsgrad; den echten eintragen: plustwin district heat-supply)',
    'note.heatMeteredSupply': '{building}: die Wärme wird hinter einer Versorgung gemessen, die das Gebäude selbst misst; kein Brennstoff aus der Wärme abgeleitet',
    'note.subMeter': '{building}: {points} ist ein Unterzähler (Aufteilung des Verbrauchs {carrier}); die Summe kommt vom Netzzähler.',
    'note.subMeters': '{building}: {points} sind Unterzähler (Aufteilung des Verbrauchs {carrier}); die Summe kommt vom Netzzähler.',
    'note.completed': '{building}: {carrier} hat keinen Netzzähler; Bezug und Einspeisung je Viertelstunde = positiver und negativer Teil von Verbrauch - Erzeugung.',
    'note.factors': 'Primärenergie: {primaryName} ({primaryId}, {primaryVersion}); CO2: {co2Name} ({co2Id}, {co2Version}).',
    'note.exportCredit': 'Eingespeister Strom in der Primärenergie: {id}, {factor} ({name}; {source}).',
    'note.exportCreditSet': 'Eingespeister Strom in der Primärenergie: wie der Faktorsatz es festlegt.',
    'note.coverage':
      'Fehlende und ausgeschlossene (unplausible) Viertelstunden tragen nichts bei und senken die Abdeckung; ein Urteil auf weniger als {share} % Abdeckung ist vorläufig.',
    'note.localPeriods': 'Tage, Monate und Jahre sind Kalenderzeiträume in der Ortszeit {zone}.',
    'note.costs': 'Kosten: Bezug x der Arbeitspreis, der zu Beginn jeder Viertelstunde gilt (dynamische Tarife: Viertelstundenpreis plus Aufschlag); Einspeisung x Einspeisevergütung; netto = Energie + Grundpreise - Einspeisevergütung.',
    'note.costsHourly': 'Kosten: Bezug x der Arbeitspreis, der zu Beginn jeder Stunde gilt (dynamische Tarife: Mittel der Viertelstundenpreise der Stunde plus Aufschlag); Einspeisung x Einspeisevergütung; netto = Energie + Grundpreise - Einspeisevergütung.',
    'note.fixedCharges': 'Grundpreise: der Monatsbetrag verteilt sich gleich auf die Kalendertage des Monats in Ortszeit (ein Tag der Zeitumstellung zählt als ein Tag).',
    'note.savings': 'Ersparnis: gegenüber dem Kauf allen selbst genutzten Stroms aus eigener Erzeugung (Eigenverbrauch = Erzeugung - Einspeisung je Intervall) zu denselben Preisen ohne Einspeisung.',
    'note.unpriced': 'Bezug ohne gültigen Tarif (oder eine Viertelstunde ohne dynamischen Preis) wird als kWh ohne Tarif ausgewiesen, nicht mit 0 Euro bewertet.',
    'note.pv.weather': 'Wetter: {source} (Testreferenzjahr des DWD, Region 5 Essen), Sonnenstand bei {lat} N, {lon} O.',
    'note.pv.roofs':
      'Schrägdächer zu {usable} % nutzbar; Flachdächer (< {flatMaxTilt} Grad) mit Reihen zu {flatTilt} Grad nach Süden auf {flatUsable} %; {m2PerKwp} m² je kWp; Flächen unter {minIrradiation} kWh/m²a sind ungeeignet.',
    'note.pv.assumedRoofs': 'Für {buildings} sind keine Dachflächen gespeichert: die Dächer sind aus Grundriss und Dachform angenommen.',
    'note.pv.share': '{share} % des geeigneten Potenzials gezählt.',
    'note.co2.set': 'CO2: {name} ({id}, {version}), Grundlage „{basis}“; Kalenderjahre (UTC) aus stündlichen Summen.',
    'note.co2.target': 'Ziel {tonnes} t CO2e im Jahr {year} (Klimaschutzgesetz: Klimaneutralität 2045).',
    'note.co2.years': 'Jahre, deren Stunden zu mindestens {share} % abgedeckt sind, gehen in den Pfad ein: {years}.',
    'note.co2.noData': 'Keine Daten in den gewählten Jahren: kein Pfad.',
    'note.co2.rolling':
      'Kein Kalenderjahr ist zu {share} % abgedeckt: der Pfad beginnt mit den letzten 12 Monaten mit Daten ({fromDay} bis {toDay}), gezählt als {year}; kein Trend aus einem Wert.',
    'carrier.gas': 'Erdgas',
    'carrier.oil': 'Heizöl',
    'carrier.lpg': 'Flüssiggas',
    'carrier.biogas': 'Biogas',
    'carrier.wood': 'Holz',
    'carrier.pellets': 'Holzpellets',
    'carrier.electricity': 'Strom',
    'carrier.heat': 'Nutzwärme',
    'carrier.district-heat': 'Fernwärme',
    'boiler.gas': 'ein Erdgaskessel',
    'boiler.oil': 'ein Ölkessel',
    'boiler.lpg': 'ein Flüssiggaskessel',
    'boiler.biogas': 'ein Biogaskessel',
    'boiler.wood': 'ein Holzkessel',
    'boiler.pellets': 'ein Pelletkessel',
    'note.scenarioPv': 'PV: {source} (Testreferenzjahr des DWD, Region 5 Essen), nach UTC-Monat, -Tag und -Uhrzeit auf die gemessenen Tage gelegt.',
    'note.scenarioHeatPump': 'Wärmepumpen: eine Jahresarbeitszahl für jedes Intervall; die Nutzwärme des ersetzten Brennstoffs ist Brennstoff x Kesselwirkungsgrad.',
    'note.scenarioCosts':
      'Szenariokosten: gemessener und simulierter Stand werden mit denselben Tarifen je Intervall bewertet (dynamische Tarife mit den Viertelstundenpreisen, zu denen sich der Bezug verschiebt); Grundpreise bleiben wie gespeichert, auch für einen Brennstoff, den eine Wärmepumpe ersetzt. Ersparnis = gemessen netto - simuliert netto; jede Maßnahme wird auf dem Stand bewertet, den die vorherigen hinterlassen.',
  },
  en: {
    'note.boundary': 'Balances are measured energy across each building boundary; metered useful heat (carrier "heat") is shown but not weighed, its fuel is.',
    'note.sign': 'Net = consumption - generation = import - export: positive = deficit (drawn from outside), negative = surplus.',
    'note.heat.boiler': '{building}: metered heat is supplied by {boiler}; {carrier} = heat / {efficiency}{origin}',
    'note.heat.districtHeat': '{building}: metered heat is supplied by district heat; district-heat = heat / {efficiency}{origin}',
    'note.heat.heatPump': '{building}: metered heat is supplied by a heat pump (SCOP {efficiency}); electricity = heat / {efficiency}{origin}',
    'note.origin.default': " (default assumption, change it in the building's heat supply: plustwin district heat-supply)",
    'note.origin.building': ' (stored with the building)',
    'note.origin.setting': ' (given with this analysis)',
    'note.origin.planning': " (the building's planning fuel with the default efficiency; enter the real one with plustwin district heat-supply)",
    'note.heatMeteredSupply': '{building}: heat is metered behind a supply the building meters itself; no fuel derived from heat',
    'note.subMeter': '{building}: {points} is a sub-meter (a breakdown of {carrier} consumption); the total comes from the grid meter.',
    'note.subMeters': '{building}: {points} are sub-meters (a breakdown of {carrier} consumption); the total comes from the grid meter.',
    'note.completed': '{building}: {carrier} has no grid meter; import and export per interval = the positive and negative part of consumption - generation.',
    'note.factors': 'Primary energy: {primaryName} ({primaryId}, {primaryVersion}); CO2: {co2Name} ({co2Id}, {co2Version}).',
    'note.exportCredit': 'Exported electricity in primary energy: {id}, {factor} ({name}; {source}).',
    'note.exportCreditSet': 'Exported electricity in primary energy: as the set defines it.',
    'note.coverage':
      'Missing and excluded (implausible) intervals add nothing and lower the coverage; a verdict resting on less than {share} % coverage is provisional.',
    'note.localPeriods': 'Days, months and years are local calendar periods in {zone}.',
    'note.costs': "Costs: import x the price valid at each quarter hour's start (dynamic tariffs: the quarter hour's price plus the surcharge); feed-in: export x the feed-in payment; net = energy + fixed charges - feed-in.",
    'note.costsHourly': "Costs: import x the price valid at each hour's start (dynamic tariffs: the mean of the hour's quarter-hour prices plus the surcharge); feed-in: export x the feed-in payment; net = energy + fixed charges - feed-in.",
    'note.fixedCharges': "Fixed charges: a month's charge is split equally over its local calendar days (a DST day counts as one day).",
    'note.savings': 'Savings: against buying everything used of the own generation (self-consumed = generation - export per interval) at the same prices and selling nothing.',
    'note.unpriced': 'Energy imported outside every tariff (or in a quarter hour without a dynamic price) is counted as unpriced kWh, not as 0 EUR.',
    'note.pv.weather': 'Weather: {source} (DWD test reference year, region 5 Essen), solar position at {lat} N, {lon} E.',
    'note.pv.roofs':
      'Sloped roofs {usable} % usable; flat roofs (< {flatMaxTilt} deg) rows at {flatTilt} deg south on {flatUsable} %; {m2PerKwp} m2 per kWp; surfaces below {minIrradiation} kWh/m2a not suitable.',
    'note.pv.assumedRoofs': 'No roof surfaces stored for {buildings}: roofs assumed from footprint and roof type.',
    'note.pv.share': '{share} % of the suitable potential counted.',
    'note.co2.set': "CO2: {name} ({id}, {version}), basis '{basis}'; UTC calendar years from hourly rollups.",
    'note.co2.target': 'Target {tonnes} t CO2e in {year} (Klimaschutzgesetz: climate neutrality in 2045).',
    'note.co2.years': 'Years with at least {share} % of their hours covered enter the path: {years}.',
    'note.co2.noData': 'No data in the years asked for: no path.',
    'note.co2.rolling':
      'No calendar year is covered to {share} %: the path starts from the last 12 months of data ({fromDay} to {toDay}), counted as {year}; no trend from one value.',
    'carrier.gas': 'gas',
    'carrier.oil': 'oil',
    'carrier.lpg': 'lpg',
    'carrier.biogas': 'biogas',
    'carrier.wood': 'wood',
    'carrier.pellets': 'pellets',
    'carrier.electricity': 'electricity',
    'carrier.heat': 'heat',
    'carrier.district-heat': 'district-heat',
    'boiler.gas': 'a gas boiler',
    'boiler.oil': 'an oil boiler',
    'boiler.lpg': 'an lpg boiler',
    'boiler.biogas': 'a biogas boiler',
    'boiler.wood': 'a wood boiler',
    'boiler.pellets': 'a pellets boiler',
    'note.scenarioPv': 'PV: {source} (DWD test reference year, region 5 Essen) laid onto the measured dates by UTC month, day and time.',
    'note.scenarioHeatPump': "Heat pumps: one seasonal COP for every interval; the replaced fuel's useful heat is fuel x boiler efficiency.",
    'note.scenarioCosts':
      'Scenario costs: the measured and the simulated state are priced under the same tariffs per interval (dynamic tariffs at the quarter-hour prices the import moves to); fixed charges stay as stored, also for a fuel a heat pump replaces. Saving = measured net - simulated net; each measure is priced on what the measures before it left.',
  },
});

type Texts = TextsOf<typeof analysisNoteMessages>;
export type AnalysisNoteKey = Extract<KeyOf<typeof analysisNoteMessages>, `note.${string}`>;

/** One assumption: its text's key, and parameters (numbers raw; carriers, boilers and origins by their ids). */
export interface AnalysisNote {
  readonly key: AnalysisNoteKey;
  readonly params?: Readonly<Record<string, MessageParam>>;
}

/** A note with exactly the parameters its text has placeholders for (checked by tsc). */
export const note = <K extends AnalysisNoteKey>(key: K, ...params: ParamsFor<Texts[K]>): AnalysisNote =>
  params[0] === undefined ? { key } : { key, params: params[0] };

const translators = createTranslators(analysisNoteMessages);
const numberFormats: Readonly<Record<Language, Intl.NumberFormat>> = {
  de: new Intl.NumberFormat(DEFAULT_LOCALE.de, { maximumFractionDigits: 3 }),
  en: new Intl.NumberFormat(DEFAULT_LOCALE.en, { maximumFractionDigits: 3, useGrouping: false }),
};

const lookup = (lang: Language, key: string): string | undefined =>
  key in analysisNoteMessages.texts.de ? (translators[lang].t as (k: string) => string)(key) : undefined;

/** Parameters whose value is an id the table names: a carrier, a boiler's fuel, where a heat supply comes from. */
const TRANSLATED: Readonly<Record<string, (v: string) => string>> = {
  carrier: (v) => `carrier.${v}`,
  boiler: (v) => `boiler.${v}`,
  origin: (v) => `note.origin.${v}`,
};

/** A local day given as YYYY-MM-DD (parameters named …Day): 30.03.2025 in German. */
const dayText = (lang: Language, v: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  return m === null || lang === 'en' ? v : `${m[3]}.${m[2]}.${m[1]}`;
};

/**
 * A note in `lang`: numbers with the language's decimal mark (up to three decimals), ids by their names, days
 * (parameters ending in Day) as the language writes them. Give years as text: a number 2045 would print as 2.045.
 */
export function noteText(lang: Language, n: AnalysisNote): string {
  const params: Record<string, string> = {};
  for (const [name, v] of Object.entries(n.params ?? {})) {
    const idKey = TRANSLATED[name];
    params[name] =
      typeof v === 'number' ? numberFormats[lang].format(v) : name.endsWith('Day') ? dayText(lang, v) : ((idKey && lookup(lang, idKey(v))) ?? v);
  }
  // note() gave the text exactly its parameters
  return (translators[lang].t as (key: string, params: Record<string, string>) => string)(n.key, params);
}
