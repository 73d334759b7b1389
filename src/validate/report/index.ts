/** The report formats, chosen by name (`--format`). Each is its own module. */
import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import type { Reporter } from './reporter.js';
import { text } from './text.js';

export type { Highlight, RenderOptions, Reporter } from './reporter.js';
export { formatDiagnostic } from './text.js';

export const reporters: Readonly<Record<string, Reporter>> = { text, json, github, junit };

export function getReporter(name: string): Reporter | undefined {
  return Object.hasOwn(reporters, name) ? reporters[name] : undefined;
}
