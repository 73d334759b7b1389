/**
 * `--format junit`: JUnit XML for CI test reporters. One test case per
 * document; a document with errors is a failure whose body lists them.
 */
import { formatLocation } from '../../diagnostics.js';
import type { ValidationReport } from '../index.js';
import type { Reporter } from './reporter.js';
import { xmlAttribute as escapeAttribute, xmlText as escapeXml } from '../../escape.js';

export const junit: Reporter = {
  name: 'junit',
  description: 'JUnit XML, one test case per document',
  render(report: ValidationReport): string {
    const { files, invalidFiles } = report.summary;
    const cases = report.files.map((f) => {
      const open = `    <testcase classname="samizdat.validate" name="${escapeAttribute(f.file)}" file="${escapeAttribute(f.file)}"`;
      const errors = f.diagnostics.filter((d) => d.severity === 'error');
      if (errors.length === 0) return `${open}/>`;
      const body = f.diagnostics.map((d) => `${formatLocation(d)}: ${d.severity}: ${d.message} [${d.ruleId}]`).join('\n');
      return `${open}>\n      <failure message="${escapeAttribute(errors[0].message)}" type="${escapeAttribute(errors[0].ruleId)}">${escapeXml(body)}</failure>\n    </testcase>`;
    });
    return [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<testsuites name="samizdat validate" tests="${files}" failures="${invalidFiles}" errors="0">`,
      `  <testsuite name="samizdat validate" tests="${files}" failures="${invalidFiles}" errors="0" skipped="0">`,
      ...cases,
      '  </testsuite>',
      '</testsuites>',
      '',
    ].join('\n');
  },
};
