/**
 * Texts of the top bar's menu (renderer/app/top-menu.ts) and of the notice over the scene, kept apart from the
 * main table; messages.ts spreads them into its German and English tables, where tsc checks keys and placeholders.
 */
export const menuMessagesDe = {
  'menu.open': 'Menü',
  'menu.group.devices': 'Geräte',
  'menu.group.assets': 'Anlagen im Quartier',
  'menu.group.files': 'Auswertung & Dateien',
  'menu.group.planning': 'Planung',
  'menu.devices': 'Geräte verwalten …',
  'menu.assets': 'Ladepunkte und Straßenleuchten …',
  'menu.planning': 'Planungsdaten exportieren (Wärmeplan, BISKO, Bericht) …',
  'notice.skipped.tooFewPoints': '{name}: Grundriss hat {count} Punkte, mindestens 3 nötig',
  'notice.skipped.notFinite': '{name}: Punkt {index} des Grundrisses ist keine gültige Länge/Breite',
  'notice.skipped.noArea': '{name}: Grundriss hat keine Fläche (Punkte auf einer Linie oder doppelt)',
} as const;

export const menuMessagesEn = {
  'menu.open': 'Menu',
  'menu.group.devices': 'Devices',
  'menu.group.assets': 'District assets',
  'menu.group.files': 'Analysis & files',
  'menu.group.planning': 'Planning',
  'menu.devices': 'Manage devices …',
  'menu.assets': 'Charge points and street lights …',
  'menu.planning': 'Export planning data (heat plan, BISKO, report) …',
  'notice.skipped.tooFewPoints': '{name}: footprint has {count} points, needs at least 3',
  'notice.skipped.notFinite': '{name}: footprint point {index} is not a valid longitude/latitude',
  'notice.skipped.noArea': '{name}: footprint has no area (points on one line or repeated)',
} as const;
