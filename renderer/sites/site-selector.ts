/**
 * The site selector of a view over a fleet's central database (docs/deployment.md): when the database holds several
 * sites, a select in the top bar lists them and switches the one shown ('sites.select'); the page then loads again,
 * so every panel reads the new site. Over a district file, or a database of one site, nothing is shown.
 */
import type { PlusTwinApi, SitesView } from '../../models/contract/index.js';
import { callApi, errorText } from '../devices/devices-api.js';
import type { I18n } from '../i18n/i18n.js';
import { h } from '../panels/dom.js';

/** The options to offer, or null when there is nothing to choose between. */
export function siteChoices(view: SitesView): { readonly current: string; readonly sites: readonly string[] } | null {
  if (view.current === null || view.sites.length < 2) return null;
  return { current: view.current, sites: view.sites };
}

export function mountSiteSelector(api: PlusTwinApi, i18n: I18n, bar: HTMLElement, notice: HTMLElement | null): void {
  void (async () => {
    const choices = siteChoices(await callApi(api, 'sites.list', {}));
    if (choices === null) return;
    const select = h('select', { 'data-testid': 'site-select', 'aria-label': i18n.t('sites.label') }, ...choices.sites.map((s) => h('option', { value: s, text: s })));
    select.value = choices.current;
    select.addEventListener('change', () => {
      select.disabled = true;
      callApi(api, 'sites.select', { site: select.value })
        .then(() => location.reload())
        .catch((e: unknown) => {
          select.value = choices.current;
          select.disabled = false;
          if (notice) notice.textContent = i18n.t('sites.failed', { message: errorText(e, i18n) });
        });
    });
    bar.append(h('label', { class: 'control', 'data-testid': 'site-selector' }, h('span', { class: 'wide-only', text: i18n.t('sites.label') }), select));
  })().catch((e: unknown) => {
    if (notice) notice.textContent = i18n.t('sites.failed', { message: errorText(e, i18n) });
  });
}
