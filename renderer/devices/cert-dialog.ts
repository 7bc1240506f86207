/**
 * The server certificates the app's PKI has seen. Unknown ones wait for the user's decision (trust or reject);
 * nothing is trusted without a click here.
 */
import type { PlusTwinApi, ServerCertificateView } from '../../models/contract/index.js';
import type { I18n } from '../i18n/i18n.js';
import { h } from '../panels/dom.js';
import { callApi, errorText } from './devices-api.js';

export async function openCertificateDialog(api: PlusTwinApi, i18n: I18n, host: HTMLElement): Promise<void> {
  const list = h('div', { class: 'dev-body', 'data-testid': 'cert-list' });
  const message = h('p', { class: 'dev-error', role: 'alert' });
  const close = h('button', { type: 'button', text: i18n.t('devices.close') });
  const dialog = h(
    'dialog',
    { class: 'dev-dialog', 'aria-labelledby': 'dev-cert-title', 'data-testid': 'cert-dialog' },
    h('div', { class: 'dev-body' }, h('h2', { id: 'dev-cert-title', text: i18n.t('devices.certs.title') }), h('p', { class: 'dev-hint', text: i18n.t('devices.certs.hint') }), list, message, h('div', { class: 'dev-actions' }, close)),
  );
  const done = new Promise<void>((resolve) => dialog.addEventListener('close', () => resolve()));
  close.addEventListener('click', () => dialog.close());

  const decide = async (c: ServerCertificateView, how: 'opcua.trust' | 'opcua.reject') => {
    message.textContent = '';
    try {
      await callApi(api, how, { thumbprint: c.thumbprint });
      await render();
    } catch (e) {
      message.textContent = errorText(e);
    }
  };

  const card = (c: ServerCertificateView): HTMLElement => {
    const trust = h('button', { type: 'button', class: 'primary', text: i18n.t('devices.certs.trust'), 'data-testid': 'cert-trust' });
    const reject = h('button', { type: 'button', text: i18n.t('devices.certs.reject'), 'data-testid': 'cert-reject' });
    trust.addEventListener('click', () => void decide(c, 'opcua.trust'));
    reject.addEventListener('click', () => void decide(c, 'opcua.reject'));
    return h(
      'div',
      { class: 'dev-cert', 'data-thumbprint': c.thumbprint },
      h('p', {}, h('strong', { text: i18n.t(`devices.certs.status.${c.status}`) }), ' ', c.applicationUri ?? ''),
      h('p', { text: `${i18n.t('devices.certs.subject')}: ${c.subject}` }),
      h('p', {}, `${i18n.t('devices.certs.thumbprint')}: `, h('code', { text: c.thumbprint })),
      h('p', {
        class: c.currentlyValid ? '' : 'dev-error',
        text: `${i18n.t('devices.certs.valid')}: ${c.validFrom.slice(0, 10)} – ${c.validTo.slice(0, 10)}${c.currentlyValid ? '' : ` (${i18n.t('devices.certs.expired')})`}`,
      }),
      c.status === 'trusted' ? null : h('div', { class: 'dev-actions' }, c.status === 'unknown' ? reject : null, trust),
    );
  };

  async function render(): Promise<void> {
    try {
      const certs = await callApi(api, 'opcua.certificates', {});
      list.replaceChildren(...(certs.length ? certs.map(card) : [h('p', { class: 'dev-hint', text: i18n.t('devices.certs.none') })]));
    } catch (e) {
      message.textContent = errorText(e);
    }
  }

  host.append(dialog);
  await render();
  dialog.showModal();
  await done;
  dialog.remove();
}
