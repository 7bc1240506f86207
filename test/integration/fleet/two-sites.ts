/**
 * A central database holding two sites, as the site-selector tests need it: site-1 with the store fixture's
 * buildings A and B, shipped as their collector would; site-0 (first by id) with one building R of its own, of which
 * only the structure has arrived so far.
 */
import pg from 'pg';
import { CentralWriter } from '../../../main/core/fleet/central-writer.js';
import { districtMessage } from '../../../main/core/fleet/messages.js';
import { openStore } from '../../../main/core/store/open-store.js';
import { shipToCentral, type Central } from '../store/central-backend.js';
import { building, twoBuildings, type tempDir } from '../store/district-fixture.js';

/** Answers the read-only role's connection string of the new database. */
export async function twoSiteDatabase(central: Central, tmp: ReturnType<typeof tempDir>): Promise<string> {
  const d = twoBuildings();
  const edgeFile = tmp.file('site-1.sqlite');
  const edge = await openStore(edgeFile, { outbox: true });
  await edge.saveDistrict(d.site, d.buildings, d.devices, d.points);
  await edge.close();
  const db = await central.newDatabase();
  await shipToCentral(edgeFile, db.adminUrl);
  const pool = new pg.Pool({ connectionString: db.adminUrl, max: 1 });
  await new CentralWriter(pool).saveDistrict('site-0', districtMessage({ site: { ...d.site, id: 'site-0', name: 'Rathaus' }, buildings: [building('R')], devices: [], points: [] }));
  await pool.end();
  return db.readUrl;
}
