/**
 * Imports one file into a district file. A CityGML tile goes into the store while it is being read: the reader's
 * pieces (parsed by worker threads) feed a batch of STREAM_BATCH buildings, and the read waits while a full batch is
 * written (back-pressure), so a tile of any size needs the memory of a batch and its ids, not of the whole tile.
 * Every batch of a tile lands in one transaction: a tile that fails, even at its last building, changes nothing
 * stored. The result equals reading the whole tile and merging it (mergeIntoStore): the same ids in the same
 * places, a duplicate id replacing the earlier building in its place, the same warnings and counts.
 */
import type { ImportWarning } from '../../../models/import-warning-codes.js';
import type { Building, Site } from '../../../models/types.js';
import type { BuildingImportTx } from '../store/building-import.js';
import { type EncodedBuilding, withDoc } from '../store/building-rows.js';
import type { Store } from '../store/store.js';
import type { BuildingSink } from './citygml/building-sink.js';
import { readCityGml } from './citygml/read-citygml.js';
import { IdSet } from './id-set.js';
import { detectFormat, importBuildings } from './import-buildings.js';
import { type Bounds, type ImportOptions, type ImportResult, boundsOf } from './import-result.js';
import { mergeIntoStore, merged, newSite } from './merge-into-store.js';

/**
 * Buildings per batch written while a tile is read. What the main thread holds live is about a batch (its
 * buildings, roofs and JSON rows) plus the pieces out with the workers, and V8 lets the heap grow to a multiple of
 * what is live: 500 rather than mergeIntoStore's 2,000 took the peak of the CLI importing one 350 MB tile from 299 to
 * 262 MB and of a 70 MB tile from 232 to 215 MB, and is still one multi-row statement per batch (bulk-insert.ts).
 */
const STREAM_BATCH = 500;

/** What an import of one file did; the CLI prints it. */
export interface TileImport {
  readonly format: ImportResult['format'];
  readonly crs: string;
  readonly buildings: number;
  readonly added: number;
  readonly updated: number;
  readonly roofSurfaces: number;
  readonly roofAreaM2: number;
  readonly bounds: Bounds | null;
  readonly warnings: readonly string[];
  /** The warnings with their codes, for a text in the user's language. */
  readonly warningDetails: readonly ImportWarning[];
}

/** A stored building's fields the merge keeps (merged()), from before this tile wrote it. */
type Prior = Pick<Building, 'name' | 'use' | 'planning'>;


const union = (a: Bounds | null, b: Bounds | null): Bounds | null =>
  a === null ? b : b === null ? a : { minLon: Math.min(a.minLon, b.minLon), minLat: Math.min(a.minLat, b.minLat), maxLon: Math.max(a.maxLon, b.maxLon), maxLat: Math.max(a.maxLat, b.maxLat) };

const boundsOfExtent = (e: EncodedBuilding['extent']): Bounds | null => (e === null ? null : { minLon: e[0], minLat: e[1], maxLon: e[2], maxLat: e[3] });

/** The sink that writes: buildings wait in a batch (a duplicate within it replaces in place) until it is full. */
export class TileWriter implements BuildingSink {
  private batch = new Map<string, EncodedBuilding>();
  /** Every id written by this tile so far: a later building with one of them is a duplicate. */
  private written = new IdSet();
  /** Buildings stored before this tile that it updated; what the merge keeps of them is noted in the store. */
  private updated = 0;
  private site: Site | undefined;
  private siteIsNew = false;
  private bounds: Bounds | null = null;
  /** A building written in an earlier batch was replaced: the bounds are worked out again at the end. */
  private replacedWritten = false;
  private roofs = 0;
  private roofArea = 0;

  constructor(
    private readonly tx: BuildingImportTx,
    private readonly file: string,
    private readonly batchSize = STREAM_BATCH,
  ) {}

  keep(id: string, encoded: EncodedBuilding): boolean {
    const fresh = !this.batch.has(id) && !this.written.has(id);
    this.batch.set(id, encoded);
    return fresh;
  }

  get count(): number {
    let n = this.written.size;
    for (const id of this.batch.keys()) if (!this.written.has(id)) n++;
    return n;
  }

  async drain(): Promise<void> {
    if (this.batch.size >= this.batchSize) await this.flush();
  }

  async reset(): Promise<void> {
    await this.tx.restart();
    this.batch = new Map();
    this.written = new IdSet();
    this.updated = 0;
    this.site = undefined;
    this.siteIsNew = false;
    this.bounds = null;
    this.replacedWritten = false;
    this.roofs = this.roofArea = 0;
  }

  collected(): null {
    return null;
  }

  /** Writes what is left and the site (a new district's site is centred on the tile's final bounds). */
  async finish(): Promise<{ added: number; updated: number; roofSurfaces: number; roofAreaM2: number; bounds: Bounds | null }> {
    await this.flush();
    if (this.replacedWritten) {
      const ids = [...this.written.values()];
      this.bounds = null;
      for (let at = 0; at < ids.length; at += this.batchSize) this.bounds = union(this.bounds, boundsOf(await this.tx.buildings(ids.slice(at, at + this.batchSize))));
    }
    // as mergeIntoStore: the site is saved even for a tile without buildings
    const site = this.siteIsNew ? newSite(this.bounds, this.file) : (this.site ?? (await this.tx.site()) ?? newSite(this.bounds, this.file));
    await this.tx.save(site, []);
    return {
      added: this.written.size - this.updated,
      updated: this.updated,
      roofSurfaces: this.roofs,
      roofAreaM2: Number(this.roofArea.toFixed(1)),
      bounds: this.bounds,
    };
  }

  private async flush(): Promise<void> {
    if (this.batch.size === 0) return;
    const batch = this.batch;
    this.batch = new Map();
    if (this.site === undefined) {
      const stored = await this.tx.site();
      this.siteIsNew = stored === null;
      // a new district's site is provisional until finish() centres it on the whole tile
      this.site = stored ?? newSite(null, this.file);
    }
    const site = this.site;
    const ids = [...batch.keys()];
    const before = new Map((await this.tx.buildings(ids.filter((id) => !this.written.has(id)))).map((b) => [b.id, b]));
    const again = ids.filter((id) => this.written.has(id));
    let priors = new Map<string, Prior>();
    if (again.length > 0) {
      // buildings of an earlier batch replaced: their roofs no longer count, the bounds are worked out again, and
      // the merge is with what was stored before the tile, not with the earlier building
      this.replacedWritten = true;
      const gone = await this.tx.roofTotals(again);
      this.roofs -= gone.count;
      this.roofArea -= gone.areaM2;
      priors = new Map([...(await this.tx.notes(again))].map(([id, note]) => [id, JSON.parse(note) as Prior]));
    }
    const buildings: EncodedBuilding[] = [];
    const notes: [string, string][] = [];
    for (const [id, a] of batch) {
      if (this.written.add(id)) {
        const b = before.get(id);
        if (b) {
          const prior: Prior = { name: b.name, use: b.use, ...(b.planning === undefined ? {} : { planning: b.planning }) };
          priors.set(id, prior);
          notes.push([id, JSON.stringify(prior)]);
          this.updated++;
        }
      }
      this.roofs += a.roofCount;
      this.roofArea += a.roofAreaM2;
      const prior = priors.get(id);
      // only a building stored before is decoded: a new one goes to the district file as its worker wrote it
      const row = prior === undefined ? a : withDoc(a, merged(JSON.parse(a.doc) as Building, prior));
      buildings.push(row);
      this.bounds = union(this.bounds, boundsOfExtent(row.extent));
    }
    await this.tx.keepNotes(notes);
    await this.tx.save(site, buildings);
  }
}

/** Reads file into store: CityGML tile by tile in batches where the store can, else the whole file, then merged. */
export async function importIntoStore(store: Store, file: string, options: ImportOptions = {}): Promise<TileImport> {
  const format = await detectFormat(file);
  if (format === 'citygml' && store.buildingImport) {
    return store.buildingImport((tx) => streamTile(tx, file, (sink) => readCityGml(file, options, sink)));
  }
  const result = await importBuildings(file, options);
  const counts = await mergeIntoStore(store, result, file);
  return {
    format: result.format,
    crs: result.crs,
    buildings: result.buildings.length,
    ...counts,
    roofSurfaces: result.roofs.length,
    roofAreaM2: Number(result.roofs.reduce((s, r) => s + r.areaM2, 0).toFixed(1)),
    bounds: result.bounds,
    warnings: result.warnings,
    warningDetails: result.warningDetails ?? [],
  };
}

/** One tile through a TileWriter; read is the reader (tests pass one with small pieces). */
export async function streamTile(tx: BuildingImportTx, file: string, read: (sink: BuildingSink) => Promise<ImportResult>, batchSize = STREAM_BATCH): Promise<TileImport> {
  const writer = new TileWriter(tx, file, batchSize);
  const result = await read(writer);
  const counts = await writer.finish();
  return { format: result.format, crs: result.crs, buildings: counts.added + counts.updated, ...counts, warnings: result.warnings, warningDetails: result.warningDetails ?? [] };
}
