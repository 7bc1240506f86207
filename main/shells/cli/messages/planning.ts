/** What `plustwin bisko`, `heat-plan` and `energy-report` print. */
import { defineMessages } from '../../../../models/i18n/define-messages.js';

export const planningMessages = defineMessages({
  de: {
    'bisko.written': '{file}: BISKO {year}, {cells} Zelle(n), {mwh} MWh, {tonnes} t CO2e',
    'heatPlan.written':
      '{file}: {buildings} Gebäude ({measured} gemessen {fromYear}–{toYear}, {estimated} geschätzt, {unknown} unbekannt), {cells} veröffentlichte {cellSize}-m-Zelle(n); {suppressedCells} Zelle(n) mit {suppressedBuildings} Gebäude(n) unterdrückt (< 5 Gebäude)',
    'heatPlan.reportCategory': '--report-category muss eine Kategorienummer oder auto sein, nicht „{got}“',
    'heatPlan.klimafaktorSource': '--klimafaktor braucht --klimafaktor-source, das nennt, woher die Faktoren stammen',
    'heatPlan.klimafaktor': '--klimafaktor muss JJJJ=F mit einem positiven Faktor lauten, z. B. 2024=1.12, nicht „{got}“',
    'energyReport.gradtageSource': '--gradtage braucht --gradtage-source, das nennt, woher die Gradtagzahlen stammen',
    'energyReport.gradtage': '--gradtage muss JJJJ=G mit positiven Gradtagen lauten, z. B. 2024=3150, nicht „{got}“',
    'energyReport.written': '{file}: Energiebericht {year}, {buildings} Gebäude: {green} grün, {amber} gelb, {red} rot, {none} ohne Vergleichswert',
  },
  en: {
    'bisko.written': '{file}: BISKO {year}, {cells} cell(s), {mwh} MWh, {tonnes} t CO2e',
    'heatPlan.written':
      '{file}: {buildings} building(s) ({measured} measured {fromYear}-{toYear}, {estimated} estimated, {unknown} unknown), {cells} published {cellSize} m cell(s); {suppressedCells} cell(s) with {suppressedBuildings} building(s) suppressed (< 5 buildings)',
    'heatPlan.reportCategory': "--report-category must be a category number or auto, got '{got}'",
    'heatPlan.klimafaktorSource': '--klimafaktor needs --klimafaktor-source naming where the factors come from',
    'heatPlan.klimafaktor': "--klimafaktor must read YYYY=F with a positive factor, e.g. 2024=1.12, got '{got}'",
    'energyReport.gradtageSource': '--gradtage needs --gradtage-source naming where the degree days come from',
    'energyReport.gradtage': "--gradtage must read YYYY=G with positive degree days, e.g. 2024=3150, got '{got}'",
    'energyReport.written': '{file}: energy report {year}, {buildings} building(s): {green} green, {amber} amber, {red} red, {none} without benchmark',
  },
});
