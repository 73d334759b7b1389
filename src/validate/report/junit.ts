/**
 * `--format junit`: JUnit XML for CI test reporters. One test case per
 * document; a document with errors is a failure whose body lists them.
 */
import { formatLocation } from '../../diagnostics.js';
import type { ValidationReport } from '../index.js';
import type { Reporter } from './reporter.js';

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

/** Escapes for text and attribute values; characters XML cannot carry become U+FFFD. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;').replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

/** Attribute values also keep their line breaks (a literal newline would become a space). */
export function escapeAttribute(text: string): string {
  return escapeXml(text).replace(/\n/g, '&#10;');
}
