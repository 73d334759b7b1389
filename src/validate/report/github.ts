/**
 * `--format github`: GitHub Actions workflow commands, so that problems show
 * as annotations on the offending lines of a pull request:
 * `::error file=…,line=…,col=…,title=…::message`.
 */
import type { ValidationReport } from '../index.js';
import type { Reporter } from './reporter.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

export const github: Reporter = {
  name: 'github',
  description: 'GitHub Actions annotations (workflow commands)',
  render(report: ValidationReport): string {
    const lines: string[] = [];
    for (const file of report.files) {
      for (const d of file.diagnostics) {
        const properties = [`file=${escapeProperty(d.file)}`];
        if (d.line !== undefined) properties.push(`line=${d.line}`);
        if (d.column !== undefined) properties.push(`col=${d.column}`);
        properties.push(`title=${escapeProperty(`samizdat ${d.ruleId}`)}`);
        lines.push(`::${COMMAND[d.severity]} ${properties.join(',')}::${escapeData(d.message)}`);
      }
    }
    const { files, errors, warnings } = report.summary;
    lines.push(`${files} files, ${errors} errors, ${warnings} warnings`);
    return lines.join('\n') + '\n';
  },
};

/** Message text: `%`, CR and LF are encoded (as @actions/core does). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values additionally encode `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
