/** Entry point of the UI: picks the transport, language and theme, then starts the district app. */
import { resolveApi } from './api/resolve-api.js';
import { publishDebug } from './app/debug-hooks.js';
import { DistrictApp } from './app/district-app.js';
import { setupCollapsibleColumns } from './app/collapsible-columns.js';
import { mountDevices } from './devices/mount-devices.js';
import { mountFiles } from './files/mount-files.js';
import { isThemeChoice, resolveTheme, THEME_CHOICES, type ThemeChoice } from './app/theme.js';
import { createI18n, isStaticKey, LANGUAGES, pickLang } from './i18n/i18n.js';
import type { Language, Theme } from '../models/values.js';
import { byTestId, h } from './panels/dom.js';
import { loadSettings, saveSettings } from './app/saved-settings.js';
import { mountPlanningExport } from './planning/planning-export-dialog.js';
import { createTopMenu } from './app/top-menu.js';

const LANG_KEY = 'plustwin.lang';
const THEME_KEY = 'plustwin.theme';

function storage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // file:// or privacy settings may forbid storage; defaults are fine then
  }
}

function store(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* see storage() */
  }
}

async function boot(): Promise<void> {
  const { api, transport, onConnection } = resolveApi(window);
  const saved = await loadSettings(api);
  const lang = pickLang(location.search, saved?.language ?? storage(LANG_KEY));
  const i18n = createI18n(lang, navigator.languages);
  document.documentElement.lang = lang;
  document.title = i18n.t('app.title');
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = el.dataset['i18n'];
    // a key index.html misspells keeps the page's own text (test/unit/renderer/i18n.test.ts fails on it)
    if (isStaticKey(key)) el.textContent = i18n.t(key);
  }

  setupCollapsibleColumns(document, i18n);

  const langSelect = byTestId<HTMLSelectElement>(document, 'lang-select');
  langSelect.replaceChildren(...LANGUAGES.map((l) => h('option', { value: l, text: l.toUpperCase() })));
  langSelect.value = lang;
  langSelect.addEventListener('change', () => {
    const next = langSelect.value as Language;
    store(LANG_KEY, next);
    saveSettings(api, { language: next });
    const url = new URL(location.href);
    url.searchParams.set('lang', next);
    location.href = url.toString();
  });

  const media = matchMedia('(prefers-color-scheme: dark)');
  const stored = storage(THEME_KEY) ?? saved?.theme ?? null;
  let choice: ThemeChoice = isThemeChoice(stored) ? stored : 'system';
  const applied = (): Theme => resolveTheme(choice, media.matches);
  document.documentElement.dataset['theme'] = applied();
  const themeSelect = byTestId<HTMLSelectElement>(document, 'theme-select');
  themeSelect.replaceChildren(...THEME_CHOICES.map((t) => h('option', { value: t, text: i18n.t(`theme.${t}`) })));
  themeSelect.value = choice;

  const canvas = byTestId<HTMLCanvasElement>(document, 'district-canvas');
  canvas.setAttribute('aria-label', i18n.t('scene.label'));
  const app = new DistrictApp(
    api,
    onConnection,
    {
      canvas,
      list: byTestId(document, 'building-list'),
      panel: byTestId(document, 'building-panel'),
      status: byTestId(document, 'status-line'),
      legend: byTestId(document, 'legend'),
      timeBar: byTestId(document, 'time-control'),
      dashboard: byTestId(document, 'district-dashboard'),
      alarms: byTestId(document, 'alarms'),
      metricSelect: byTestId<HTMLSelectElement>(document, 'metric-select'),
      notice: byTestId(document, 'notice'),
    },
    i18n,
    applied(),
    transport,
  );
  const themeChanged = (): void => {
    document.documentElement.dataset['theme'] = applied();
    app.setTheme(applied());
  };
  // ?shadows turns them on for this page without changing the saved choice
  const shadowsToggle = byTestId<HTMLInputElement>(document, 'shadows-toggle');
  shadowsToggle.checked = new URLSearchParams(location.search).has('shadows') || (saved?.shadows ?? false);
  app.setShadows(shadowsToggle.checked);
  shadowsToggle.addEventListener('change', () => {
    app.setShadows(shadowsToggle.checked);
    saveSettings(api, { shadows: shadowsToggle.checked });
  });
  themeSelect.addEventListener('change', () => {
    choice = isThemeChoice(themeSelect.value) ? themeSelect.value : 'system';
    store(THEME_KEY, choice);
    saveSettings(api, { theme: choice });
    themeChanged();
  });
  media.addEventListener('change', themeChanged);
  publishDebug(window, app.debugInfo());
  const bar = document.querySelector<HTMLElement>('header.topbar') ?? document.body;
  const menu = createTopMenu(document, i18n);
  mountDevices({ api, i18n, bar, menu, showBuilding: (id) => void app.reloadDistrict(id), notice: byTestId(document, 'notice') });
  mountFiles({ api, i18n, menu, onImported: () => void app.reloadBuildings(), notice: byTestId(document, 'notice') });
  mountPlanningExport(api, i18n, menu);
  // after the first-meter button: the primary action a new user needs comes first, the menu closes the bar
  bar.append(menu.element);
  window.addEventListener('pagehide', () => app.dispose());
  await app.start();
}

boot().catch((e: unknown) => {
  const notice = document.querySelector('[data-testid="notice"]');
  if (notice) notice.textContent = String(e instanceof Error ? e.message : e);
  console.error(e);
});
