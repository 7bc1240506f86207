/**
 * A sink for a file read ahead, before the sink that writes it exists: a city's next tile is read and parsed while
 * the tile before it is still being committed, but its buildings belong to a transaction of their own, which can
 * only begin once that commit is done. Until the writer is attached, the buildings are held here and the read waits
 * at its first drain (so what is held is about a piece, plus the pieces out with the workers); attaching hands them
 * on in file order and from then on everything goes straight through.
 */
import type { EncodedBuilding } from '../../store/building-rows.js';
import type { BuildingSink } from './building-sink.js';

/** The read ahead is not wanted any more (the tile before it failed): its reader stops at its next drain. */
export class ReadCancelled extends Error {
  override readonly name = 'ReadCancelled';
}

export class LateSink implements BuildingSink {
  private held = new Map<string, EncodedBuilding>();
  private target: BuildingSink | undefined;
  private cancelled: ReadCancelled | undefined;
  private readonly waiters: { resolve(): void; reject(e: Error): void }[] = [];

  /** From now on the buildings go to target, those held first (the target is new: every id is fresh to it). */
  attach(target: BuildingSink): void {
    if (this.target !== undefined || this.cancelled !== undefined) throw new Error('LateSink attached twice or after cancel');
    for (const [id, b] of this.held) target.keep(id, b);
    this.held = new Map();
    this.target = target;
    for (const w of this.waiters.splice(0)) w.resolve();
  }

  cancel(): void {
    if (this.target !== undefined) return;
    this.cancelled = new ReadCancelled('the read ahead was cancelled');
    this.held = new Map();
    for (const w of this.waiters.splice(0)) w.reject(this.cancelled);
  }

  keep(id: string, building: EncodedBuilding): boolean {
    if (this.target !== undefined) return this.target.keep(id, building);
    const fresh = !this.held.has(id);
    // a later building with an id held replaces it in its place, as every sink does
    this.held.set(id, building);
    return fresh;
  }

  get count(): number {
    return this.target?.count ?? this.held.size;
  }

  async drain(): Promise<void> {
    if (this.target === undefined) {
      if (this.cancelled !== undefined) throw this.cancelled;
      await new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    }
    await (this.target as BuildingSink).drain();
  }

  async reset(): Promise<void> {
    if (this.target !== undefined) return this.target.reset();
    this.held = new Map();
  }

  /** Only writers are attached, and a writer holds nothing to collect. */
  collected(): null {
    return null;
  }
}
