/**
 * The sites of a fleet's central database (docs/deployment.md): a core over a central database shows one site at a
 * time and can switch to another; a core over a district file has one site and nothing to switch.
 */
export interface SitesView {
  /** The site shown; null over a district file. */
  readonly current: string | null;
  /** Every site the central database holds, sorted by id; empty over a district file. */
  readonly sites: readonly string[];
}

export interface SiteMethods {
  'sites.list': { args: Record<string, never>; result: SitesView };
  /** Shows another site of the central database: every later read is about it. Over a district file: an error. */
  'sites.select': { args: { site: string }; result: SitesView };
}
