/** The sites methods (models/contract/sites.ts): list and switch the site of a central database's view. */
import type { SitesView } from '../../../models/contract/index.js';
import type { Language } from '../../../models/values.js';
import { ApiFailure } from '../base/failure.js';
import { isSiteSwitching } from '../store/site-switching.js';
import type { Store } from '../store/store.js';
import { apiText } from './api-messages.js';
import type { Handlers } from './dispatch.js';

export function siteHandlers(store: Store, language: () => Promise<Language>): Pick<Handlers, 'sites.list' | 'sites.select'> {
  const view = async (): Promise<SitesView> => (isSiteSwitching(store) ? { current: store.site, sites: await store.sites() } : { current: null, sites: [] });
  return {
    'sites.list': view,
    'sites.select': async ({ site }) => {
      const text = apiText(await language());
      if (!isSiteSwitching(store)) throw new ApiFailure('validation', text('sites.fileHasOne'), 'site');
      const sites = await store.sites();
      if (!sites.includes(site)) throw new ApiFailure('not-found', text('sites.unknown', { site, sites: sites.join(', ') }), 'site');
      await store.selectSite(site);
      return view();
    },
  };
}
