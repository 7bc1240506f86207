/**
 * Thrown by the pure compute functions when they are called with input that no validated series can produce
 * (a period not on the series grid, series of different steps). Entry points that take outside data
 * (makeSeries, seriesFromBuckets, parsers, factor sets, runScenario) return a Result instead.
 */
export class ModelInputError extends Error {
  override readonly name = 'ModelInputError';
  constructor(
    message: string,
    /** Where the problem is: an argument path such as 'period.from' or 'series[2].stepMs'. */
    readonly where: string,
  ) {
    super(`${where}: ${message}`);
  }
}
