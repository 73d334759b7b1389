/**
 * Problems found in a document, as values. Every stage (reading, grammar,
 * rules, transformation) reports through this one shape, so reporters and the
 * CLI never need to know which stage found a problem.
 */

export type Severity = 'error' | 'warning' | 'info';

/** Where in which file a problem is. Lines and columns count from 1. */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
}

export interface Diagnostic extends SourceLocation {
  severity: Severity;
  /** Stable identifier of the check, e.g. `xml-wellformed`, `rng`, `sch:ref-resolves`. */
  ruleId: string;
  message: string;
}

export function diagnostic(
  severity: Severity,
  ruleId: string,
  message: string,
  where: SourceLocation,
): Diagnostic {
  return { file: where.file, line: where.line, column: where.column, severity, ruleId, message };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** `path:line:col` as editors and terminals recognise it (clickable in most). */
export function formatLocation(where: SourceLocation): string {
  if (where.line === undefined) return where.file;
  return `${where.file}:${where.line}:${where.column ?? 1}`;
}
