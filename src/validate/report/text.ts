/**
 * `--format text` (the default): one line per problem,
 * `path:line:col: error|warning: message [rule-id]`, grouped per file, then
 * `N files, E errors, W warnings`.
 */
import { formatLocation, type Diagnostic } from '../../diagnostics.js';
import type { ValidationReport } from '../index.js';
import type { Reporter } from './reporter.js';

export const text: Reporter = {
  name: 'text',
  description: 'path:line:col: severity: message [rule-id], grouped per file, and a summary line',
  render(report: ValidationReport): string {
    const groups: string[] = [];
    for (const file of report.files) {
      if (file.diagnostics.length === 0) continue;
      groups.push(file.diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
    }
    const { files, errors, warnings } = report.summary;
    const summary = `${files} ${plural(files, 'file')}, ${errors} ${plural(errors, 'error')}, ${warnings} ${plural(warnings, 'warning')}`;
    return [...groups, summary].join('\n\n') + '\n';
  },
};

/**
 * One problem on one line, as compilers print them (so terminals and editors
 * make the location clickable): `path:line:col: severity: message [rule-id]`.
 */
export function formatDiagnostic(d: Diagnostic): string {
  return `${formatLocation(d)}: ${d.severity}: ${d.message.replace(/\s*\n\s*/g, ' ')} [${d.ruleId}]`;
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
