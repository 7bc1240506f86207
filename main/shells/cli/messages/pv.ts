/** What `plustwin pv-potential` prints. */
import { defineMessages } from '../../../../models/i18n/define-messages.js';

export const pvMessages = defineMessages({
  de: {
    'pv.missingFile': 'eine CityGML- oder GeoJSON-Datei muss angegeben werden',
    'pv.noBuildings': '{file}: keine Gebäude gefunden',
    'pv.title': 'PV-Potenzial von {count} Gebäude(n) in {file}',
    'pv.col.building': 'Gebäude',
    'pv.col.roofsFrom': 'Dächer aus',
    'pv.col.surfaces': 'Flächen',
    'pv.col.suitable': 'geeignet',
    'pv.roofSource.imported': 'Import',
    'pv.roofSource.assumed': 'angenommen',
    'pv.assumptions': 'Annahmen:',
  },
  en: {
    'pv.missingFile': 'a CityGML or GeoJSON file is required',
    'pv.noBuildings': '{file}: no buildings found',
    'pv.title': 'PV potential of {count} building(s) in {file}',
    'pv.col.building': 'building',
    'pv.col.roofsFrom': 'roofs from',
    'pv.col.surfaces': 'surfaces',
    'pv.col.suitable': 'suitable',
    'pv.roofSource.imported': 'imported',
    'pv.roofSource.assumed': 'assumed',
    'pv.assumptions': 'Assumptions:',
  },
});
