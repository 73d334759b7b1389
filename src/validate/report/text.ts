/**
 * `--format text` (the default): one line per problem,
 * `path:line:col: error|warning: message [rule-id]`, grouped per file, then
 * `N files, E errors, W warnings`.
 */
import { formatLocation } from '../../diagnostics.js';
import type { ValidationReport } from '../index.js';
import type { Reporter } from './reporter.js';

export const text: Reporter = {
  name: 'text',
  description: 'path:line:col: severity: message [rule-id], grouped per file, and a summary line',
  render(report: ValidationReport): string {
    const groups: string[] = [];
    for (const file of report.files) {
      if (file.diagnostics.length === 0) continue;
      groups.push(file.diagnostics
        .map((d) => `${formatLocation(d)}: ${d.severity}: ${d.message.replace(/\s*\n\s*/g, ' ')} [${d.ruleId}]`)
        .join('\n'));
    }
    const { files, errors, warnings } = report.summary;
    const summary = `${files} ${plural(files, 'file')}, ${errors} ${plural(errors, 'error')}, ${warnings} ${plural(warnings, 'warning')}`;
    return [...groups, summary].join('\n\n') + '\n';
  },
};

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
