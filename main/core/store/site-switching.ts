/**
 * A store over a database of several sites (the central store, store/central/pg-store.ts) that shows one of them
 * and can switch to another. A district file holds one site and does not have this.
 */
export interface SiteSwitching {
  readonly site: string;
  sites(): Promise<string[]>;
  /** Throws (naming the sites there are) when the database holds no such site; the site shown stays as it was. */
  selectSite(site: string): Promise<void>;
}

export const isSiteSwitching = (store: object): store is SiteSwitching & object =>
  typeof (store as Partial<SiteSwitching>).selectSite === 'function' && typeof (store as Partial<SiteSwitching>).sites === 'function';
