/**
 * The "analysis & files" group of the top bar's menu: report export, district export and backup, the building
 * import, scenarios and the CO2 path. Each entry opens its dialog; the dialogs ask the core for the
 * collector's clock and time zone when they open, so they follow the demo's fast clock like the rest of the page.
 */
import type { BuildingImportSummary, PlusTwinApi } from '../../models/contract/index.js';
import { callApi, errorText } from '../devices/devices-api.js';
import type { I18n } from '../i18n/i18n.js';
import type { TopMenu } from '../app/top-menu.js';
import { safeTimeZone } from '../time/zoned-time.js';
import { openCo2Dialog } from './co2-dialog.js';
import { openExportDialog } from './export-dialog.js';
import { ensureFilesStyles } from './files-style.js';
import { openImportDialog } from './import-dialog.js';
import { openScenarioDialog } from './scenario-dialog.js';

export interface FilesMount {
  readonly api: PlusTwinApi;
  readonly i18n: I18n;
  readonly menu: TopMenu;
  /** After an import: redraw the district with its new buildings. */
  readonly onImported: (summary: BuildingImportSummary) => void;
  readonly notice?: HTMLElement;
}

export function mountFiles(m: FilesMount): void {
  ensureFilesStyles(document);
  const context = async () => {
    const [district, status] = await Promise.all([callApi(m.api, 'district.get', {}), callApi(m.api, 'status.get', {})]);
    return { district, timeZone: safeTimeZone(district.site.timezone), now: status.now };
  };
  const open = (work: (ctx: Awaited<ReturnType<typeof context>>) => Promise<void>) => () => {
    void context()
      .then(work)
      .catch((e: unknown) => {
        if (m.notice) m.notice.textContent = m.i18n.t('app.error', { message: errorText(e, m.i18n) });
      });
  };
  const { api, i18n } = m;
  const entry = (id: string, text: string, choose: () => void) => m.menu.entry('files', id, text, choose);
  entry('tools-export', i18n.t('tools.export'), open(({ timeZone, now }) => openExportDialog({ api, i18n, timeZone, now })));
  entry('tools-import', i18n.t('tools.import'), open(() => openImportDialog({ api, i18n, onImported: m.onImported })));
  entry('tools-scenarios', i18n.t('tools.scenarios'), open(({ district, timeZone, now }) => openScenarioDialog({ api, i18n, timeZone, now, buildings: district.buildings })));
  entry('tools-co2', i18n.t('tools.co2'), open(({ timeZone, now }) => openCo2Dialog({ api, i18n, timeZone, now })));
}
