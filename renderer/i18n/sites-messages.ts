/** Texts of the site selector (renderer/sites/), spread into messages.ts's German and English tables. */
export const sitesMessagesDe = {
  'sites.entry': 'Standort: {site} …',
  'sites.title': 'Standort wählen',
  'sites.hint': 'Die zentrale Datenbank hält mehrere Standorte; die Ansicht zeigt einen davon.',
  'sites.label': 'Standort',
  'sites.show': 'Anzeigen',
  'sites.failed': 'Standort nicht gewechselt: {message}',
} as const;

export const sitesMessagesEn = {
  'sites.entry': 'Site: {site} …',
  'sites.title': 'Choose site',
  'sites.hint': 'The central database holds several sites; the view shows one of them.',
  'sites.label': 'Site',
  'sites.show': 'Show',
  'sites.failed': 'Site not switched: {message}',
} as const;
