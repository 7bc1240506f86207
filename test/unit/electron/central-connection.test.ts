/** "Open central database…": the check of the entered connection, the form's reading and the prompt page. */
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../main/core/settings/settings-schema.js';
import { CENTRAL_FORM_ACTION, centralPromptHtml, checkCentralConnection, readCentralForm } from '../../../main/shells/electron/central-connection.js';
import { buildMenuTemplate, type MenuItemData } from '../../../main/shells/electron/menu-template.js';

const flat = (items: readonly MenuItemData[]): MenuItemData[] => items.flatMap((i) => [i, ...flat(i.submenu ?? [])]);

describe('central database connection', () => {
  it('accepts a libpq URI with host and database, and puts a separately typed password into it', () => {
    expect(checkCentralConnection('  postgresql://plustwin_read@central.example:5433/plustwin ', '')).toEqual({ ok: true, url: 'postgresql://plustwin_read@central.example:5433/plustwin' });
    expect(checkCentralConnection('postgres://r:in-url@h/db?sslmode=require', '')).toEqual({ ok: true, url: 'postgres://r:in-url@h/db?sslmode=require' });
    // '@' and '/' in the password are percent-encoded (%40, %2F) so the URI still parses as the same parts
    expect(checkCentralConnection('postgresql://r@h/db', 'p@ss/w')).toEqual({ ok: true, url: 'postgresql://r:p%40ss%2Fw@h/db' });
  });

  it('names what is wrong with the address', () => {
    expect(checkCentralConnection('   ', 'x')).toEqual({ ok: false, problem: 'empty' });
    expect(checkCentralConnection('central.example/plustwin', '')).toEqual({ ok: false, problem: 'notUrl' });
    expect(checkCentralConnection('mysql://r@h/db', '')).toEqual({ ok: false, problem: 'scheme' });
    expect(checkCentralConnection('postgresql:///plustwin', '')).toEqual({ ok: false, problem: 'host' });
    expect(checkCentralConnection('postgresql://r@h', '')).toEqual({ ok: false, problem: 'database' });
    expect(checkCentralConnection('postgresql://r@h/', '')).toEqual({ ok: false, problem: 'database' });
  });

  it('reads the form from the navigation it starts, and nothing else', () => {
    const nav = `${CENTRAL_FORM_ACTION}?address=${encodeURIComponent('postgresql://r@h/db')}&password=s%26cret&action=open`;
    expect(readCentralForm(nav)).toEqual({ cancel: false, address: 'postgresql://r@h/db', password: 's&cret' });
    expect(readCentralForm(`${CENTRAL_FORM_ACTION}?address=&password=&action=cancel`)).toMatchObject({ cancel: true });
    expect(readCentralForm('https://example.org/open-central?address=x')).toBeNull();
    expect(readCentralForm('plustwin://app/index.html')).toBeNull();
  });

  it('asks in the user language, says why an entry was refused and never shows a password again', () => {
    const de = centralPromptHtml('de', { address: 'postgresql://r:geheim@h', problem: 'database' });
    expect(de).toContain('Zentrale Datenbank öffnen');
    expect(de).toContain('In der Verbindung fehlt der Name der Datenbank am Ende (z. B. /plustwin).');
    expect(de).toContain('value="postgresql://r@h"');
    expect(de).not.toContain('geheim');
    expect(centralPromptHtml('de', { address: 'postgresql://r@h', problem: 'database' })).toContain('value="postgresql://r@h"');
    // not a URL, but an '@' may follow a password: only what comes after it is shown
    expect(centralPromptHtml('en', { address: 'r:geheim@h', problem: 'notUrl' })).not.toContain('geheim');
    const en = centralPromptHtml('en');
    expect(en).toContain('<input name="password" type="password">');
    // no script at all, and the form may go only to its own address
    expect(en).not.toMatch(/<script/i);
    expect(en).toContain(`form-action ${CENTRAL_FORM_ACTION}`);
    // quotes in an address cannot leave the attribute
    expect(centralPromptHtml('en', { address: 'x"><b>', problem: 'notUrl' })).toContain('value="x&quot;&gt;&lt;b&gt;"');
  });

  it('is offered in the File menu', () => {
    const items = flat(buildMenuTemplate({ settings: defaultSettings(), recent: [], platform: 'linux' }));
    expect(items.find((i) => i.action?.kind === 'open-central')?.label).toBe('Zentrale Datenbank öffnen …');
  });
});
