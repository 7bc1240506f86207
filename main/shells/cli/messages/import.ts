/** What `plustwin import` prints: progress, the summary per file and in all, and why nothing was imported. */
import { defineMessages } from '../../../../models/i18n/define-messages.js';
import { importProblemMessagesDe, importProblemMessagesEn } from '../../../../models/i18n/import-problem-messages.js';

export const importMessages = defineMessages({
  de: {
    'import.noFile': 'nennen Sie die Datei, die importiert werden soll',
    'import.emptyFolder': 'der Ordner {folder} enthält keine .gml-, .xml-, .geojson- oder .json-Datei',
    'import.progressOne': 'Import {file}',
    'import.progressMany': 'Import von {count} Dateien',
    'import.summary': '{buildings} Gebäude aus {file} in {db} importiert ({added} neu, {updated} aktualisiert)',
    'import.format': 'Format {format}, Koordinatensystem {crs}',
    'import.roofs': '{count} Dachflächen, zusammen {area} m²',
    'import.bounds': 'Ausdehnung Länge {minLon} .. {maxLon}, Breite {minLat} .. {maxLat}',
    'import.noWarnings': 'keine Warnungen',
    'import.warnings': '{count} Warnung(en):',
    'import.total': '{files} Dateien: {buildings} Gebäude in {db} ({added} neu, {updated} aktualisiert)',
    'import.nothing': 'es wurde nichts importiert',
    'import.partly': 'von {file} wurde nichts importiert; die {count} Datei(en) davor sind in {db} importiert: {files}',
    ...importProblemMessagesDe,
  },
  en: {
    'import.noFile': 'name the file to import',
    'import.emptyFolder': 'the folder {folder} holds no .gml, .xml, .geojson or .json file',
    'import.progressOne': 'import {file}',
    'import.progressMany': 'import {count} files',
    'import.summary': 'imported {buildings} buildings ({added} new, {updated} updated) from {file} into {db}',
    'import.format': 'format {format}, CRS {crs}',
    'import.roofs': '{count} roof surfaces, {area} m² in all',
    'import.bounds': 'bounds lon {minLon} .. {maxLon}, lat {minLat} .. {maxLat}',
    'import.noWarnings': 'no warnings',
    'import.warnings': '{count} warning(s):',
    'import.total': '{files} files: {buildings} buildings ({added} new, {updated} updated) into {db}',
    'import.nothing': 'nothing was imported',
    'import.partly': 'nothing of {file} was imported; the {count} file(s) before it are imported into {db}: {files}',
    ...importProblemMessagesEn,
  },
});
