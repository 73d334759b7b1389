/**
 * jing, the reference RELAX NG validator, as a test oracle (never a run-time
 * dependency). In CI it must be present (.ci/run installs Debian's `jing`);
 * on a desk without it, the tests that need it are skipped with a message.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export interface JingVerdict {
  /** Absolute path of the instance. */
  file: string;
  valid: boolean;
  /** jing's own messages for this file (`line:col: error: …`). */
  messages: string[];
}

let available: boolean | undefined;

export function jingAvailable(): boolean {
  if (available === undefined) {
    available = spawnSync('jing', [], { encoding: 'utf8' }).error === undefined;
    if (!available && process.env.CI) {
      throw new Error('jing is required in CI (Debian package `jing`, installed by .ci/run)');
    }
  }
  return available;
}

/** Skips the calling suite when jing is missing outside CI. */
export function requireJing(ctx: Mocha.Context): void {
  if (!jingAvailable()) {
    // eslint-disable-next-line no-console
    console.warn('    (skipped: install Debian package `jing` to run the reference-validator checks)');
    ctx.skip();
  }
}

/**
 * Validates each file against the schema in one JVM start and returns one
 * verdict per file, in the order given. Relies on jing's `path:line:col:`
 * message prefix to attribute errors to files.
 */
export function jingValidate(schema: string, files: readonly string[]): JingVerdict[] {
  const absolute = files.map((f) => resolve(f));
  const run = spawnSync('jing', [resolve(schema), ...absolute], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw run.error;
  const lines = run.stdout.split('\n').filter((l) => l.trim() !== '');
  const schemaProblems = lines.filter((l) => l.startsWith(resolve(schema) + ':'));
  if (schemaProblems.length > 0 && run.status !== 0 && lines.every((l) => !absolute.some((f) => l.startsWith(f + ':')))) {
    throw new Error(`jing rejected the schema ${schema}:\n${schemaProblems.join('\n')}`);
  }
  return absolute.map((file) => {
    const messages = lines.filter((l) => l.startsWith(file + ':')).map((l) => l.slice(file.length + 1));
    const errors = messages.filter((m) => /(^|:\s)(error|fatal)/.test(m));
    return { file, valid: errors.length === 0, messages };
  });
}
