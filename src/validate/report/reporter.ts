/** What every report format implements: a validation report in, text out. */
import type { Severity } from '../../diagnostics.js';
import type { ValidationReport } from '../index.js';

/**
 * How the human-readable text marks words up. The CLI passes terminal
 * colours when they are on; without it the text is plain. Machine formats
 * (json, github, junit) ignore it: their readers are programs.
 */
export interface Highlight {
  /** The severity word (`error`, `warning`, `info`). */
  severity(severity: Severity, word: string): string;
  /** A file location, `path:line:col`. */
  path(text: string): string;
}

export interface RenderOptions {
  highlight?: Highlight;
  /**
   * `--quiet`: only the errors, and the summary line only when there are
   * some (a clean run prints nothing). Machine formats ignore it.
   */
  errorsOnly?: boolean;
}

export interface Reporter {
  /** The name chosen with `--format`. */
  readonly name: string;
  readonly description: string;
  render(report: ValidationReport, options?: RenderOptions): string;
}
