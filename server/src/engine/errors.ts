/** A terminology or config file that cannot be used: where, and what is wrong. */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly problem: string,
  ) {
    super(`${file}:${line}: ${problem}`)
  }
}
