/**
 * What saxon-js's code cache is made after (registry.ts): samizdat's own
 * stylesheets and edition rules run once over the sample document that
 * `samizdat init` writes, on the very instance the cache is made from. V8
 * then keeps in the cache the functions that a page, a plain text, search
 * records and the rules call, which every process would otherwise compile
 * again (about 7% of the CPU of a cold `validate` or `build` of the flagship).
 * The sample ships with the package, so the cache can be made wherever
 * samizdat is installed.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RECORDS_STYLESHEET } from '../search/index.js';
import { compileStylesheet, transformSource, HTML_STYLESHEET, TEXT_STYLESHEET, type CompiledStylesheet } from '../transform/index.js';
import type { SaxonApi } from '../transform/saxon.js';
import { EDITION_RULES, loadRules } from '../validate/schematron.js';
import { PACKAGE_ROOT } from './index.js';

/** The document the warm-up runs on (with the register beside it, which the rules read). */
export const WARM_UP_DOCUMENT = join(PACKAGE_ROOT, 'templates', 'init', 'tei', 'sample.xml');

/** One run of the warm-up: a stylesheet and the parameters samizdat gives it. */
interface WarmUpRun {
  stylesheet: CompiledStylesheet;
  params: Record<string, unknown>;
}

/**
 * The warm-up, ready to run (the stylesheets compiled into `sefDir`, the
 * sample read): a function of the saxon-js instance to warm up. A run that
 * fails throws: the sample is samizdat's own and must go through.
 */
export async function saxonWarmUp(sefDir: string): Promise<(runtime: unknown) => void> {
  const text = await readFile(WARM_UP_DOCUMENT, 'utf8');
  const rules = await loadRules([{ path: EDITION_RULES }], { cacheDir: sefDir });
  if (rules.problems.length > 0) throw new Error(rules.problems.map((p) => p.message).join('\n'));
  const runs: WarmUpRun[] = [
    { stylesheet: await compileStylesheet(HTML_STYLESHEET, { cacheDir: sefDir }), params: { output: 'page+entities' } },
    { stylesheet: await compileStylesheet(TEXT_STYLESHEET, { cacheDir: sefDir }), params: { mode: 'reading' } },
    { stylesheet: await compileStylesheet(RECORDS_STYLESHEET, { cacheDir: sefDir }), params: {} },
    ...rules.sets.map((set) => ({ stylesheet: set.stylesheet, params: {} })),
  ];
  const source = { file: WARM_UP_DOCUMENT, text, baseUri: pathToFileURL(WARM_UP_DOCUMENT).href };
  return (runtime) => {
    for (const run of runs) transformSource(run.stylesheet, source, { params: run.params, runtime: runtime as SaxonApi });
  };
}
