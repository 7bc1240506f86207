/** `plustwin tariff`'s usage mistakes and refusals (its tables and results are in ../cost-messages.ts). */
import { defineMessages } from '../../../../models/i18n/define-messages.js';

export const tariffMessages = defineMessages({
  de: {
    'tariff.action': 'geben Sie list, add oder remove an',
    'tariff.actionNot': 'geben Sie list, add oder remove an, nicht „{got}“',
    'tariff.priceRequired': '--price CT muss angegeben werden (der Aufschlag eines dynamischen Tarifs; 0 für keinen)',
    'tariff.invalid': '{problem}',
  },
  en: {
    'tariff.action': 'give list, add or remove',
    'tariff.actionNot': "give list, add or remove, not '{got}'",
    'tariff.priceRequired': '--price CT is required (the surcharge for a dynamic tariff; 0 for none)',
    'tariff.invalid': '{problem}',
  },
});
