import { describe, expect, it } from 'vitest';
import { siteChoices } from '../../../renderer/sites/site-selector.js';

describe('site selector', () => {
  it('offers the sites of a central database of several, and nothing otherwise', () => {
    expect(siteChoices({ current: 'b', sites: ['a', 'b'] })).toEqual({ current: 'b', sites: ['a', 'b'] });
    // a district file, and a central database of one site: nothing to choose between
    expect(siteChoices({ current: null, sites: [] })).toBeNull();
    expect(siteChoices({ current: 'a', sites: ['a'] })).toBeNull();
  });
});
