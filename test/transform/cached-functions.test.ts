/**
 * Which functions samizdat keeps the results of (transform/cached-functions.ts):
 * those declared cache="yes", found in a stylesheet's or schema's text and
 * marked in its SEF without changing what the SEF serializes to (saxon-js
 * checks it against its checksum), in the rule layer's generated stylesheets
 * and in every stylesheet compiled by compileStylesheet (samizdat's own, a
 * customisation and the modules it imports). That the marked ones are kept
 * is tested with the saxon-js edit, in saxon-patches.test.ts.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cachedFunctionNames, markCachedFunctions } from '../../src/transform/cached-functions.js';
import { compileStylesheet, runStylesheet } from '../../src/transform/index.js';
import { compileSchematron } from '../../src/validate/schematron/compiler.js';

const RULES = fileURLToPath(new URL('../../schemas/samizdat-rules.sch', import.meta.url));
/** f:made declared cache="yes", f:fresh not, each making a new element per call. */
const CACHED_FUNCTION = fileURLToPath(new URL('../fixtures/transform/cached-function.xsl', import.meta.url));

/** The functions marked in a SEF, as "N name". */
function markedIn(sef: object): string[] {
  const marked: string[] = [];
  const walk = (node: { N?: string; name?: string; C?: unknown[]; samizdatCache?: boolean }): void => {
    if (node.samizdatCache) marked.push(`${node.N} ${node.name}`);
    (node.C as (typeof node)[] | undefined)?.forEach(walk);
  };
  walk(sef as Parameters<typeof walk>[0]);
  return marked;
}

describe('transform: functions declared cache="yes"', () => {
  it('are named by their EQName, whatever the order and quotes of their attributes', () => {
    const text = `<xsl:stylesheet xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:f="urn:f" xmlns:g='urn:g'>
      <xsl:function name="f:kept" as="xs:string" cache="yes"/>
      <xsl:function cache='true' name='g:also'>
      <xsl:function name="f:fresh" cache="no"/>
      <xsl:function name="f:plain"/>
      <xsl:function name="undeclared:kept" cache="yes"/>
      <xsl:function name="local" cache="yes"/>
    </xsl:stylesheet>`;
    assert.deepEqual([...cachedFunctionNames(text)], ['Q{urn:f}kept', 'Q{urn:g}also']);
  });

  it('are left alone when their prefix is bound to two namespaces in the text', () => {
    const text = `<a xmlns:f="urn:one"><xsl:function name="f:kept" cache="yes"/></a><b xmlns:f="urn:two"/>`;
    assert.deepEqual([...cachedFunctionNames(text)], []);
  });

  it('are marked in a SEF without changing its serialization', () => {
    const sef = { N: 'package', C: [{ N: 'co', C: [{ N: 'function', name: 'Q{urn:f}kept' }] }, { N: 'co', C: [{ N: 'function', name: 'Q{urn:f}fresh' }] }] };
    const before = JSON.stringify(sef);
    assert.equal(markCachedFunctions(sef, new Set(['Q{urn:f}kept'])), 1);
    assert.equal(JSON.stringify(sef), before);
    const [kept, fresh] = sef.C.map((co) => co.C[0] as { samizdatCache?: boolean });
    assert.equal(kept!.samizdatCache, true);
    assert.equal(fresh!.samizdatCache, undefined);
  });

  // compileStylesheet marks on every call, and a page stylesheet's SEF is large: walking it for every document
  // cost ~6 ms of the flagship's page once samizdat's own stylesheets declared cache="yes" (stop 40).
  it('are not looked for again in a SEF already marked with the same names, and are with other names', () => {
    let walked = 0;
    const fn = (name: string) => ({ N: 'function', name });
    const children = [{ N: 'co', C: [fn('Q{urn:f}kept')] }, { N: 'co', C: [fn('Q{urn:f}fresh')] }];
    const sef = { N: 'package', get C() { walked++; return children; } };
    assert.equal(markCachedFunctions(sef, new Set(['Q{urn:f}kept'])), 1);
    assert.equal(markCachedFunctions(sef, new Set(['Q{urn:f}kept'])), 1);
    assert.equal(walked, 1, 'walked once for the same names');
    assert.equal(markCachedFunctions(sef, new Set(['Q{urn:f}fresh', 'Q{urn:f}kept'])), 2);
    assert.equal(walked, 2, 'walked again for other names');
    assert.deepEqual(markedIn(sef), ['function Q{urn:f}kept', 'function Q{urn:f}fresh']);
  });

  it('include the edition rules\' pointer look-up, marked in their compiled SEF', async () => {
    const text = readFileSync(RULES, 'utf8');
    assert.deepEqual([...cachedFunctionNames(text)], ['Q{urn:samizdat:rules}pointer-problem-in']);
    const compiled = await compileSchematron({ path: RULES, text }, false);
    // The SEF may already have been run in this process (linked to its parents, no longer JSON): only a diagnostic is shown.
    assert.ok('stylesheet' in compiled, 'message' in compiled ? compiled.message : 'not compiled');
    assert.deepEqual(markedIn(compiled.stylesheet.sef), ['function Q{urn:samizdat:rules}pointer-problem-in']);
  });

  // compileStylesheet used not to mark them: a customisation's (or samizdat's own) cache="yes" was ignored.
  it('are marked in a stylesheet compileStylesheet compiles, in the modules it imports too, and kept when it runs', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'samizdat-cached-'));
    try {
      const importing = join(scratch, 'importing.xsl');
      writeFileSync(importing, '<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
        + `<xsl:import href="${pathToFileURL(CACHED_FUNCTION).href}"/></xsl:stylesheet>`);
      for (const path of [CACHED_FUNCTION, importing]) {
        const compiled = await compileStylesheet(path, { cacheDir: false });
        assert.deepEqual(markedIn(compiled.sef), ['function Q{urn:samizdat:test}made'], path);
        // The first results: the same element for the same arguments from f:made, a new one from f:fresh.
        const result = String(runStylesheet(compiled, { file: 'r.xml', text: '<r/>', baseUri: 'file:///r.xml' }));
        assert.deepEqual(result.split(' ').slice(0, 8), ['true', 'false', 'false', 'false', 'true', 'false', 'true', 'false'], path);
      }
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
