/** A tariff the core refused ('tariff.exists', 'tariff.overlap', 'tariff.needsPrices') in the user's language. */
import type { ErrorCode } from '../../models/error-codes.js';
import type { I18n } from '../i18n/i18n.js';

type TariffCode = Extract<ErrorCode, 'tariff.exists' | 'tariff.overlap' | 'tariff.needsPrices'>;

/** A local day 2025-03-01 as German writes it (01.03.2025); English keeps ISO, as the tariff list shows it. */
const day = (i18n: I18n, iso: string | number | undefined): string => {
  const s = String(iso ?? '');
  if (s === '') return i18n.t('error.tariff.openEnd');
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m !== null && i18n.lang === 'de' ? `${m[3]}.${m[2]}.${m[1]}` : s;
};

export function tariffErrorText(i18n: I18n, code: TariffCode, params: Readonly<Record<string, string | number>>): string {
  switch (code) {
    case 'tariff.exists':
      return i18n.t('error.tariff.exists', { id: String(params['id'] ?? '') });
    case 'tariff.overlap':
      return i18n.t('error.tariff.overlap', {
        from: day(i18n, params['from']),
        to: day(i18n, params['to']),
        otherId: String(params['otherId'] ?? ''),
        otherFrom: day(i18n, params['otherFrom']),
        otherTo: day(i18n, params['otherTo']),
      });
    case 'tariff.needsPrices':
      return i18n.t('error.tariff.needsPrices');
  }
}
