/**
 * The site selector of a view over a fleet's central database (docs/deployment.md): when the database holds several
 * sites, the top bar's menu has an entry naming the site shown; it opens a small dialog that lists the sites and
 * switches to the one chosen ('sites.select'). The page then loads again, so every panel reads the new site. Over a
 * district file, or a database of one site, there is no entry.
 */
import type { PlusTwinApi, SitesView } from '../../models/contract/index.js';
import type { TopMenu } from '../app/top-menu.js';
import { callApi, errorText } from '../devices/devices-api.js';
import type { I18n } from '../i18n/i18n.js';
import { h } from '../panels/dom.js';

/** The options to offer, or null when there is nothing to choose between. */
export function siteChoices(view: SitesView): { readonly current: string; readonly sites: readonly string[] } | null {
  if (view.current === null || view.sites.length < 2) return null;
  return { current: view.current, sites: view.sites };
}

function openSiteDialog(api: PlusTwinApi, i18n: I18n, doc: Document, choices: { readonly current: string; readonly sites: readonly string[] }): void {
  const select = h('select', { 'data-testid': 'site-select' }, ...choices.sites.map((s) => h('option', { value: s, text: s })));
  select.value = choices.current;
  const message = h('p', { class: 'dev-hint', role: 'status', 'aria-live': 'polite', 'data-testid': 'site-message' });
  const show = h('button', { type: 'button', class: 'primary', 'data-testid': 'site-show', text: i18n.t('sites.show') });
  const close = h('button', { type: 'button', text: i18n.t('devices.close') });
  const dialog = h(
    'dialog',
    { class: 'dev-dialog', 'aria-labelledby': 'site-title', 'data-testid': 'site-dialog' },
    h(
      'div',
      { class: 'dev-body' },
      h('h2', { id: 'site-title', text: i18n.t('sites.title') }),
      h('p', { class: 'dev-hint', text: i18n.t('sites.hint') }),
      h('label', {}, i18n.t('sites.label'), select),
      message,
      h('div', { class: 'dev-actions' }, close, show),
    ),
  );
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  show.addEventListener('click', () => {
    if (select.value === choices.current) return dialog.close();
    show.disabled = true;
    callApi(api, 'sites.select', { site: select.value })
      .then(() => location.reload())
      .catch((e: unknown) => {
        show.disabled = false;
        message.className = 'dev-error';
        message.textContent = i18n.t('sites.failed', { message: errorText(e, i18n) });
      });
  });
  doc.body.append(dialog);
  dialog.showModal();
  select.focus();
}

/** Adds the menu entry once the core has said there are several sites; a failure to ask is shown in the notice. */
export function mountSiteSelector(api: PlusTwinApi, i18n: I18n, menu: TopMenu, notice: HTMLElement): void {
  callApi(api, 'sites.list', {})
    .then((view) => {
      const choices = siteChoices(view);
      if (choices === null) return;
      menu.entry('files', 'site-open', i18n.t('sites.entry', { site: choices.current }), () => openSiteDialog(api, i18n, document, choices));
    })
    .catch((e: unknown) => {
      notice.textContent = i18n.t('sites.failed', { message: errorText(e, i18n) });
    });
}
