/**
 * `--format json`: a stable shape for tools. Version 1:
 *
 * ```
 * {
 *   "format": "samizdat-validate", "version": 1,
 *   "summary": { "files": number, "invalidFiles": number, "errors": number, "warnings": number },
 *   "files": [{
 *     "file": string,            // the path as given or found
 *     "schema": string | null,   // the RELAX NG schema used
 *     "valid": boolean,          // no diagnostics of severity "error"
 *     "errors": number, "warnings": number,
 *     "diagnostics": [{ "line": number | null, "column": number | null,
 *                       "severity": "error" | "warning" | "info",
 *                       "ruleId": string, "message": string }]
 *   }]
 * }
 * ```
 * Fields are only ever added, never renamed or removed, within a version.
 */
import type { ValidationReport } from '../index.js';
import type { Reporter } from './reporter.js';

export const JSON_REPORT_VERSION = 1;

export const json: Reporter = {
  name: 'json',
  description: 'one JSON object (documented shape, version 1)',
  render(report: ValidationReport): string {
    return JSON.stringify({
      format: 'samizdat-validate',
      version: JSON_REPORT_VERSION,
      summary: report.summary,
      files: report.files.map((f) => ({
        file: f.file,
        schema: f.schema ?? null,
        valid: f.errors === 0,
        errors: f.errors,
        warnings: f.warnings,
        diagnostics: f.diagnostics.map((d) => ({
          line: d.line ?? null, column: d.column ?? null, severity: d.severity, ruleId: d.ruleId, message: d.message,
        })),
      })),
    }, null, 2) + '\n';
  },
};
