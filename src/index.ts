/** samizdat's library API. The CLI is a thin layer over these exports. */
export type { Diagnostic, Severity, SourceLocation } from './diagnostics.js';
export { version } from './version.js';
