/** The Energiebericht categories of the district's buildings (derived or chosen) and the table's categories to pick. */
import type { ReportCategories } from '../../../models/contract/index.js';
import { reportCategory, type BenchmarkTable } from '../../../models/planning/energy-report.js';
import type { Store } from '../store/store.js';

export async function reportCategories(store: Store, table: BenchmarkTable): Promise<ReportCategories> {
  const view = await store.getDistrict();
  return {
    categories: table.categories.map((c) => ({ no: c.no, name: c.name, electricity: table.electricity.rows.find((r) => r.categories.includes(c.no))?.name ?? null })),
    buildings: (view?.buildings ?? []).map((b) => {
      const { category, overridden } = reportCategory(table, b.use, b.planning?.energyReportCategory);
      const derived = reportCategory(table, b.use).category;
      return { id: b.id, name: b.name, use: b.use, category: category?.no ?? null, derived: derived?.no ?? null, overridden };
    }),
  };
}
