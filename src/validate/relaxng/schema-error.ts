/** A schema that is not a correct RELAX NG schema, or cannot be read; with the place that says why. */

/** Where something is in a schema file. */
export interface SchemaLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export class IncorrectSchema extends Error {
  override readonly name = 'IncorrectSchema';

  constructor(message: string, readonly at?: SchemaLocation) {
    super(message);
  }
}

/** Whether `err` is an IncorrectSchema (by name: a module loaded twice has two such classes). */
export function isIncorrectSchema(err: unknown): err is IncorrectSchema {
  return err instanceof Error && err.name === 'IncorrectSchema';
}
