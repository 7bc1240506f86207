/**
 * Where a CityGML reader puts the buildings it assembled, in file order, encoded as the district file stores them
 * (building-rows.ts). The default collects them into the ImportResult; an import into a district file instead
 * writes them in batches while the file is still being read (import-into-store.ts), so that a tile of any size
 * needs about the memory of one batch.
 */
import { type EncodedBuilding, decodeBuilding, encodeBuilding } from '../../store/building-rows.js';
import type { AssembledBuilding } from './assemble-building.js';

export interface BuildingSink {
  /** Takes a building; a later one with an id taken before replaces it in its place. False when the id was taken. */
  keep(id: string, building: EncodedBuilding): boolean;
  /** Distinct ids taken so far. */
  readonly count: number;
  /** Called between pieces of the file: resolves once the sink has room for more (back-pressure on the read). */
  drain(): Promise<void>;
  /** Forgets every building taken: the file is read again from its start. */
  reset(): Promise<void>;
  /** The buildings in file order when the sink holds them, else null (they are already written). */
  collected(): AssembledBuilding[] | null;
}

/** An assembled building (or none, when it was skipped) as a sink takes it. */
export const encodeAssembled = (a: AssembledBuilding | null): EncodedBuilding | null => (a === null ? null : encodeBuilding(a.building, a.roofs));

export class CollectingSink implements BuildingSink {
  private readonly buildings = new Map<string, EncodedBuilding>();

  keep(id: string, building: EncodedBuilding): boolean {
    const fresh = !this.buildings.has(id);
    this.buildings.set(id, building);
    return fresh;
  }

  get count(): number {
    return this.buildings.size;
  }

  drain(): Promise<void> {
    return Promise.resolve();
  }

  reset(): Promise<void> {
    this.buildings.clear();
    return Promise.resolve();
  }

  collected(): AssembledBuilding[] {
    return [...this.buildings.values()].map(decodeBuilding);
  }
}
