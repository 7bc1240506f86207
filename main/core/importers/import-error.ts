/** A problem in an input file, with where it is. Nothing is imported when one is thrown. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  /** 'file:line:column' (as much of it as is known), the `where` of an ApiError. */
  readonly where: string;

  constructor(
    readonly file: string,
    readonly problem: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    const where = `${file}${line === undefined ? '' : `:${line}${column === undefined ? '' : `:${column}`}`}`;
    super(`${where}: ${problem}`);
    this.where = where;
  }
}
