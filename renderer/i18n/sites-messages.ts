/** Texts of the site selector (renderer/sites/), spread into messages.ts's German and English tables. */
export const sitesMessagesDe = {
  'sites.label': 'Standort',
  'sites.failed': 'Standort nicht gewechselt: {message}',
} as const;

export const sitesMessagesEn = {
  'sites.label': 'Site',
  'sites.failed': 'Site not switched: {message}',
} as const;
