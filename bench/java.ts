/**
 * The Java pipeline samizdat replaces, run on the same corpus for comparison:
 * jing (RELAX NG, what `validate --grammar-only` checks) and Saxon-HE running
 * samizdat's own XSLT (`xslt/html/html.xsl`, then `xslt/text/text.xsl`) in
 * directory mode, one JVM per stylesheet; and, given their folder, the TEI
 * Consortium's own Stylesheets (`html/html.xsl`) on Saxon-HE, the TEI → HTML
 * that editors run instead of samizdat. Debian packages: `jing`,
 * `libsaxonhe-java`. Reference tools for the benchmark only, never used by
 * samizdat itself.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Corpus } from './corpus.js';
import { measure, medianOf, type Run } from './measure.js';

export interface JavaTools {
  jing?: string;
  /** The Saxon-HE jar and its version line. */
  saxon?: { jar: string; version: string };
  /** Why a tool is missing, one line each. */
  missing: string[];
}

const onPath = (program: string): string | undefined => {
  const found = spawnSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
};

/** The Saxon-HE jar: $SAXON_JAR, or Debian's under /usr/share/java. */
function saxonJar(): string | undefined {
  if (process.env.SAXON_JAR) return existsSync(process.env.SAXON_JAR) ? process.env.SAXON_JAR : undefined;
  const folder = '/usr/share/java';
  if (!existsSync(folder)) return undefined;
  const jars = readdirSync(folder).filter((f) => /^saxon-?he.*\.jar$/i.test(f)).sort();
  return jars.length > 0 ? join(folder, jars.includes('Saxon-HE.jar') ? 'Saxon-HE.jar' : jars[0]) : undefined;
}

export function findJavaTools(): JavaTools {
  const tools: JavaTools = { missing: [] };
  tools.jing = onPath('jing');
  if (!tools.jing) tools.missing.push('jing is not installed (Debian package `jing`)');
  const jar = saxonJar();
  if (!onPath('java')) tools.missing.push('java is not installed, so Saxon-HE cannot run (Debian package `default-jre-headless`)');
  else if (!jar) tools.missing.push('no Saxon-HE jar in /usr/share/java and SAXON_JAR is not set (Debian package `libsaxonhe-java`)');
  else {
    const probe = spawnSync('java', ['-cp', jar, 'net.sf.saxon.Version'], { encoding: 'utf8' });
    const version = `${probe.stdout}${probe.stderr}`.split('\n').find((l) => /saxon/i.test(l))?.trim() ?? 'Saxon (version unknown)';
    tools.saxon = { jar, version };
  }
  return tools;
}

/** Runs one after another, as one run: times added, the largest peak, the first failure. */
async function sequence(steps: ((timeoutMs: number | undefined) => Promise<Run>)[], timeoutMs: number | undefined): Promise<Run> {
  const total: Run = { seconds: 0, peakRssBytes: null, exitCode: 0, stopped: false, output: '' };
  for (const step of steps) {
    const run = await step(timeoutMs === undefined ? undefined : timeoutMs - total.seconds * 1000);
    total.seconds += run.seconds;
    if (run.peakRssBytes !== null) total.peakRssBytes = Math.max(total.peakRssBytes ?? 0, run.peakRssBytes);
    total.output += run.output;
    if (run.stopped || run.exitCode !== 0) return { ...total, stopped: run.stopped, exitCode: run.exitCode };
  }
  return total;
}

/** jing over every file of the corpus, one JVM per schema (the files name three). */
export function runJing(jing: string, corpus: Corpus, timeoutMs?: number): Promise<Run> {
  const bySchema = new Map<string, string[]>();
  for (const file of corpus.files) {
    const schema = corpus.schemaOf.get(file)!;
    bySchema.set(schema, [...(bySchema.get(schema) ?? []), file]);
  }
  return sequence([...bySchema].map(([schema, files]) => (limit) => measure(jing, [schema, ...files], { cwd: corpus.root, timeoutMs: limit })), timeoutMs);
}

/** jing on `files` against one schema, one JVM each time: the median of `times` runs. */
export function runJingMedian(jing: string, schema: string, files: readonly string[], cwd: string, times: number, timeoutMs?: number): Promise<Run> {
  return medianOf(times, (limit) => measure(jing, [schema, ...files], { cwd, timeoutMs: limit }), timeoutMs);
}

/** What the Saxon run does, for the report. */
export const SAXON_COMMAND = 'Saxon-HE -s:tei -xsl:html.xsl, then text.xsl';

/** Saxon-HE in directory mode: html.xsl, then text.xsl, over the corpus's tei/ folder. */
export function runSaxon(jar: string, repo: string, corpus: Corpus, timeoutMs?: number): Promise<Run> {
  const folder = join(corpus.root, 'saxon');
  const transform = (stylesheet: string, out: string) => (limit: number | undefined) => {
    // In directory mode Saxon wants the output folder to exist.
    mkdirSync(join(folder, out), { recursive: true });
    return measure('java', ['-jar', jar, `-s:${corpus.tei}`, `-o:${join(folder, out)}`, `-xsl:${stylesheet}`], { cwd: corpus.root, timeoutMs: limit });
  };
  return sequence([transform(join(repo, 'xslt', 'html', 'html.xsl'), 'html'), transform(join(repo, 'xslt', 'text', 'text.xsl'), 'text')], timeoutMs);
}

/** What the TEI Stylesheets run does, for the report. */
export const TEI_STYLESHEETS_COMMAND = 'Saxon-HE -s:tei -xsl:STYLESHEETS/html/html.xsl';

/** The TEI Stylesheets' version, from the VERSION file of their folder. */
export function teiStylesheetsVersion(folder: string): string {
  const file = join(folder, 'VERSION');
  return `TEI Stylesheets ${existsSync(file) ? readFileSync(file, 'utf8').trim() : '(version unknown)'}`;
}

/**
 * The TEI Stylesheets' HTML driver on Saxon-HE in directory mode, over every
 * file of `tei` into a new folder `out` (one JVM, its start counted).
 */
export function runTeiStylesheets(jar: string, stylesheets: string, tei: string, out: string, timeoutMs?: number): Promise<Run> {
  mkdirSync(out, { recursive: true });
  return measure('java', ['-jar', jar, `-s:${tei}`, `-o:${out}`, `-xsl:${join(stylesheets, 'html', 'html.xsl')}`], { cwd: out, timeoutMs });
}
