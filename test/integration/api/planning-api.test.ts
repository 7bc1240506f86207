/**
 * 'planning.export' through dispatch() with a real SQLite file: the UI's files are the CLI's (the same BISKO row,
 * the heat plan GeoPackage, the energy report workbook); bad arguments are typed errors.
 */
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/core/api/dispatch.js';
import { createHandlers } from '../../../main/core/api/handlers.js';
import type { Collector } from '../../../main/core/ingest/collector/collector.js';
import { openStore } from '../../../main/core/store/open-store.js';
import type { SqliteStore } from '../../../main/core/store/sqlite-store.js';
import type { PlanningExportFile } from '../../../models/contract/index.js';
import type { Building } from '../../../models/types.js';
import { SITE, building, tempDir } from '../store/district-fixture.js';

// a house of 1910 with 150 m² heated by gas: typology 150 x 279.7 (TABULA SFH class B) = 41,955 kWh heat, / 0.9 =
// 46,616.67 kWh gas (grade D) in the BISKO balance
const BUILDINGS: Building[] = [{ ...building('E'), planning: { yearBuilt: 1910, floorAreaM2: 150, fuel: 'gas' } }];

describe('planning API', () => {
  let tmp: ReturnType<typeof tempDir>;
  let store: SqliteStore;
  let handlers: ReturnType<typeof createHandlers>;
  const exportFile = async (args: unknown): Promise<PlanningExportFile> => {
    const r = await dispatch(handlers, 'planning.export', args);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as PlanningExportFile;
  };

  beforeAll(async () => {
    tmp = tempDir();
    store = await openStore(tmp.file('p.sqlite'));
    await store.saveDistrict(SITE, BUILDINGS, [], []);
    const collector = { status: () => ({}) } as unknown as Collector;
    handlers = createHandlers({ store, collector, info: { version: 'test', dataDir: tmp.dir, dbPath: store.path, transport: 'http' } });
  });
  afterAll(async () => {
    await store.close();
    tmp.cleanup();
  });

  it('answers the BISKO CSV the command line writes', async () => {
    const f = await exportFile({ kind: 'bisko-csv', year: 2025, lang: 'en' });
    expect(f).toMatchObject({ fileName: 'bisko-2025.csv', mimeType: 'text/csv' });
    const text = Buffer.from(f.base64, 'base64').toString('utf8');
    expect(f.bytes).toBe(Buffer.byteLength(text));
    // 46,616.67 kWh = 46.617 MWh x 250 g/kWh = 11.654 t; a typology estimate: grade D
    expect(text.split('\r\n')).toContain('Private households,Natural gas,46.617,11.654,250,D,0,1');
  });

  it('answers a GeoPackage and the energy report workbook', async () => {
    const gpkg = await exportFile({ kind: 'heat-plan-gpkg', year: 2025 });
    expect(gpkg.fileName).toBe('waermeplan-2025.gpkg');
    expect(Buffer.from(gpkg.base64, 'base64').subarray(0, 16).toString('latin1')).toBe('SQLite format 3\u0000');
    const xlsx = await exportFile({ kind: 'energy-report-xlsx', year: 2025, lang: 'de' });
    const file = tmp.file(xlsx.fileName);
    writeFileSync(file, Buffer.from(xlsx.base64, 'base64'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.getWorksheet('Energiebericht 2025')?.getRow(5).getCell(1).value).toBe('E');
  });

  it('refuses an unknown kind or year by name', async () => {
    for (const [args, where] of [
      [{ kind: 'gml', year: 2025 }, 'kind'],
      [{ kind: 'bisko-csv', year: 1500 }, 'year'],
      [{ kind: 'bisko-csv', year: 2025, lang: 'fr' }, 'lang'],
    ] as const) {
      const r = await dispatch(handlers, 'planning.export', args);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatchObject({ kind: 'validation', where });
    }
  });
});
