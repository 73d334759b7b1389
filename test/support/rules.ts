/**
 * What the tests of the edition rules share: running the compiled rules on a
 * fixture, and a one-line-per-problem summary for assertion messages.
 */
import { readFile } from 'node:fs/promises';
import type { Diagnostic } from '../../src/diagnostics.js';
import { runRules, type CompiledRules } from '../../src/validate/schematron.js';

export async function check(rules: CompiledRules, path: string, disabledRules?: string[]): Promise<Diagnostic[]> {
  return runRules(rules, { path, text: await readFile(path, 'utf8') }, { disabledRules });
}

export function brief(diagnostics: Diagnostic[]): string {
  return diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.message}`).join('\n');
}
