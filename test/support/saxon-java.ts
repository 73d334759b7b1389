/**
 * Saxon-HE (Java), the reference XSLT 3.0 processor, as a test oracle for
 * samizdat's stylesheets (never a run-time dependency: samizdat runs them
 * with saxon-js). In CI it must be present (.ci/run installs Debian's
 * `libsaxonhe-java`); on a desk without it, the tests that need it are
 * skipped with a message.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const JAR = process.env.SAXON_JAR ?? '/usr/share/java/Saxon-HE.jar';

let available: boolean | undefined;

export function saxonJavaAvailable(): boolean {
  if (available === undefined) {
    available = existsSync(JAR) && spawnSync('java', ['-version']).error === undefined;
    if (!available && process.env.CI) {
      throw new Error(`Saxon-HE is required in CI (Debian package libsaxonhe-java, installed by .ci/run; looked for ${JAR})`);
    }
  }
  return available;
}

/** Skips the calling suite when Saxon-HE is missing outside CI. */
export function requireSaxonJava(ctx: Mocha.Context): void {
  if (!saxonJavaAvailable()) {
    // eslint-disable-next-line no-console
    console.warn('    (skipped: install Debian package `libsaxonhe-java` to compare the stylesheets with Saxon-HE)');
    ctx.skip();
  }
}

/** Runs `stylesheet` over `source` with Saxon-HE and returns the serialized result. */
export function saxonJavaTransform(stylesheet: string, source: string, params: Record<string, string> = {}): string {
  const folder = mkdtempSync(join(tmpdir(), 'samizdat-saxon-'));
  try {
    const output = join(folder, 'result');
    const args = ['-jar', JAR, `-s:${resolve(source)}`, `-xsl:${resolve(stylesheet)}`, `-o:${output}`, ...Object.entries(params).map(([k, v]) => `${k}=${v}`)];
    const run = spawnSync('java', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.error) throw run.error;
    if (run.status !== 0) throw new Error(`Saxon-HE failed on ${source} with ${stylesheet}:\n${run.stderr}`);
    return readFileSync(output, 'utf8');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
