/**
 * The command line's own words in German and English, built with the shared mechanism (models/i18n/): a lookup of
 * a key that is not here fails the typecheck. What `balance` prints (tables, verdicts, factors) follows --lang or
 * LANG; usage texts and error messages are English.
 */
import { defineMessages } from '../../../models/i18n/define-messages.js';
import type { Language } from '../../../models/values.js';
import { createTranslators } from '../../../models/i18n/translator.js';

export const cliMessages = defineMessages({
  de: {
    'yes': 'ja',
    'no': 'nein',
    'balance.title': 'Energiebilanz {from} bis {to} (ohne Ende; Ortszeit {zone}), kWh; Kennzahlen in Auflösung {resolution}',
    'balance.sign': 'Saldo = Verbrauch - Erzeugung = Bezug - Einspeisung: positiv = Defizit, negativ = Überschuss.',
    'balance.district': 'Quartier',
    'balance.col.buildingCarrier': 'Gebäude Energieträger',
    'balance.col.consumption': 'Verbrauch',
    'balance.col.generation': 'Erzeugung',
    'balance.col.import': 'Bezug',
    'balance.col.export': 'Einspeisung',
    'balance.col.net': 'Saldo (+ Defizit)',
    'balance.col.coverage': 'Abdeckung',
    'balance.col.building': 'Gebäude',
    'balance.col.selfConsumption': 'Eigenverbrauch',
    'balance.col.selfSufficiency': 'Autarkie',
    'balance.col.finalNet': 'Endenergie-Saldo kWh (+ Defizit)',
    'balance.col.primaryNet': 'Primärenergie-Saldo kWh',
    'balance.col.plusPeriod': 'Plusenergie (Zeitraum)',
    'balance.col.plus12': 'Plusenergie (12 Monate)',
    'balance.col.co2': 't CO2e',
    'balance.provisional': '* vorläufig: weniger als {share} der Viertelstunden des Zeitfensters haben einen Wert (Abdeckung in Klammern)',
    'balance.sharing': 'Strom im Quartier teilen: {gain} kWh weniger Netzbezug ({reduction}); Autarkie {before} -> {after}',
    'balance.factorsPrimary': 'Faktoren: Primärenergie {id} ({version}, {source})',
    'balance.exportCredit': '         Gutschrift für Einspeisung {credit}',
    'balance.exportCreditSet': 'wie der Faktorsatz sie festlegt',
    'balance.factorsCo2': '         CO2 {id} ({version}, {source})',
    'balance.window12': '12-Monats-Fenster: {from} bis {to}',
    'balance.assumptions': 'Annahmen:',
    'scenario.title': "Szenario '{name}' ({id}), {effects} Wirkung(en) von Maßnahmen, über denselben Zeitraum",
    'scenario.col.finalNet': 'Endenergie-Saldo kWh',
    'scenario.col.scenario': 'Szenario',
    'scenario.col.primaryNet': 'Primärenergie-Saldo kWh',
    'scenario.col.plus': 'Plusenergie',
  },
  en: {
    'yes': 'yes',
    'no': 'no',
    'balance.title': 'Energy balance {from} to {to} (exclusive; local time {zone}), kWh; KPIs at {resolution}',
    'balance.sign': 'Net = consumption - generation = import - export: positive = deficit, negative = surplus.',
    'balance.district': 'district',
    'balance.col.buildingCarrier': 'building carrier',
    'balance.col.consumption': 'consumption',
    'balance.col.generation': 'generation',
    'balance.col.import': 'import',
    'balance.col.export': 'export',
    'balance.col.net': 'net (+ deficit)',
    'balance.col.coverage': 'coverage',
    'balance.col.building': 'building',
    'balance.col.selfConsumption': 'self-consumption',
    'balance.col.selfSufficiency': 'self-sufficiency',
    'balance.col.finalNet': 'final net kWh (+ deficit)',
    'balance.col.primaryNet': 'primary net kWh',
    'balance.col.plusPeriod': 'energy-plus (period)',
    'balance.col.plus12': 'energy-plus (12 months)',
    'balance.col.co2': 't CO2e',
    'balance.provisional': "* provisional: less than {share} of the window's intervals hold a value (coverage in brackets)",
    'balance.sharing': 'Sharing electricity in the district: {gain} kWh less grid import ({reduction}); self-sufficiency {before} -> {after}',
    'balance.factorsPrimary': 'Factors: primary energy {id} ({version}, {source})',
    'balance.exportCredit': '         export credit {credit}',
    'balance.exportCreditSet': 'as the set defines it',
    'balance.factorsCo2': '         CO2 {id} ({version}, {source})',
    'balance.window12': '12-month window: {from} to {to}',
    'balance.assumptions': 'Assumptions:',
    'scenario.title': "Scenario '{name}' ({id}), {effects} measure effect(s), over the same period",
    'scenario.col.finalNet': 'final net kWh',
    'scenario.col.scenario': 'scenario',
    'scenario.col.primaryNet': 'primary net kWh',
    'scenario.col.plus': 'energy-plus',
  },
});

const translators = createTranslators(cliMessages);

export const cliText = (lang: Language) => translators[lang].t;
