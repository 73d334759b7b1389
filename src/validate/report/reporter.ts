/** What every report format implements: a validation report in, text out. */
import type { ValidationReport } from '../index.js';

export interface Reporter {
  /** The name chosen with `--format`. */
  readonly name: string;
  readonly description: string;
  render(report: ValidationReport): string;
}
