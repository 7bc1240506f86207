/**
 * A table as CSV in the two dialects of the reports: 'de' (semicolon, decimal comma, UTF-8 BOM so that Excel reads
 * umlauts) and 'intl' (comma, decimal point). Texts are quoted when they hold the separator, a quote or a newline.
 * A table of a city's buildings is written in chunks of rows (CsvFileWriter), not as one string.
 */
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import type { SqlValue } from '../store/sqlite-db.js';
import type { Table } from './heat-plan-layers.js';

export type CsvDialectName = 'de' | 'intl';

const separator = (dialect: CsvDialectName): string => (dialect === 'de' ? ';' : ',');

function csvLines(rows: readonly (readonly SqlValue[])[], dialect: CsvDialectName): string {
  const sep = separator(dialect);
  const cell = (v: SqlValue): string => {
    if (v === null) return '';
    if (typeof v === 'number') return dialect === 'de' ? String(v).replace('.', ',') : String(v);
    const s = String(v);
    return s.includes(sep) || s.includes('"') || s.includes('\n') ? `"${s.replace(/"/g, '""')}"` : s;
  };
  let out = '';
  for (const r of rows) out += r.map(cell).join(sep) + '\r\n';
  return out;
}

const csvHead = (columns: Table['columns'], dialect: CsvDialectName): string =>
  (dialect === 'de' ? '\uFEFF' : '') + columns.map((c) => c.name).join(separator(dialect)) + '\r\n';

/**
 * A CSV file written row chunk by row chunk: the head at create, then add(rows) as they come. It is written as
 * `<file>.part` and renamed by finish(), so an export that fails halfway leaves no half file; abort() removes it.
 */
export class CsvFileWriter {
  private constructor(
    private readonly file: string,
    private readonly handle: FileHandle,
    private readonly dialect: CsvDialectName,
  ) {}

  static async create(file: string, columns: Table['columns'], dialect: CsvDialectName): Promise<CsvFileWriter> {
    const handle = await open(`${file}.part`, 'w');
    const w = new CsvFileWriter(file, handle, dialect);
    await handle.write(csvHead(columns, dialect));
    return w;
  }

  async add(rows: readonly (readonly SqlValue[])[]): Promise<void> {
    await this.handle.write(csvLines(rows, this.dialect));
  }

  async finish(): Promise<void> {
    await this.handle.close();
    await rename(`${this.file}.part`, this.file);
  }

  async abort(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await rm(`${this.file}.part`, { force: true });
  }
}

/** A whole table as a CSV file, written the same way (a part file renamed at the end). */
export async function writeCsv(file: string, table: Table, dialect: CsvDialectName): Promise<void> {
  const w = await CsvFileWriter.create(file, table.columns, dialect);
  try {
    await w.add(table.rows);
  } catch (e) {
    await w.abort();
    throw e;
  }
  await w.finish();
}
