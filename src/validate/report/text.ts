/**
 * `--format text` (the default): one line per problem,
 * `path:line:col: error|warning: message [rule-id]`, grouped per file, then
 * `N files, E errors, W warnings`. Severities and locations are highlighted
 * only when the caller asks (the CLI does on a colour terminal).
 */
import { formatLocation, type Diagnostic } from '../../diagnostics.js';
import type { ValidationReport } from '../index.js';
import type { Highlight, RenderOptions, Reporter } from './reporter.js';

export const text: Reporter = {
  name: 'text',
  description: 'path:line:col: severity: message [rule-id], grouped per file, and a summary line',
  render(report: ValidationReport, options: RenderOptions = {}): string {
    const groups: string[] = [];
    for (const file of report.files) {
      const shown = options.errorsOnly ? file.diagnostics.filter((d) => d.severity === 'error') : file.diagnostics;
      if (shown.length === 0) continue;
      groups.push(shown.map((d) => formatDiagnostic(d, options.highlight)).join('\n'));
    }
    const { files, errors, warnings } = report.summary;
    if (options.errorsOnly && errors === 0) return '';
    const summary = `${counted(files, 'file')}, ${counted(errors, 'error')}, ${counted(warnings, 'warning')}`;
    return [...groups, summary].join('\n\n') + '\n';
  },
};

/**
 * One problem on one line, as compilers print them (so terminals and editors
 * make the location clickable): `path:line:col: severity: message [rule-id]`.
 */
export function formatDiagnostic(d: Diagnostic, highlight: Highlight = plain): string {
  const message = d.message.replace(/\s*\n\s*/g, ' ');
  return `${highlight.path(formatLocation(d))}: ${highlight.severity(d.severity, d.severity)}: ${message} [${d.ruleId}]`;
}

/** No markup: the text as it is. */
export const plain: Highlight = { severity: (_severity, word) => word, path: (text) => text };

/** `1 error`, `2 errors`. */
export function counted(n: number, word: string): string {
  return `${n} ${n === 1 ? word : `${word}s`}`;
}
