/**
 * The edition rule span-ends (schemas/samizdat-rules.sch, docs/rules.md): a
 * span (delSpan, addSpan, damageSpan, …) runs from its element to the one
 * its @spanTo names, which "must follow" it (TEI att.spanning). A @spanTo
 * that leads nowhere, or back, is reported at the span, the end's place
 * named by line and column; through `samizdat validate` too.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultCacheDir, EDITION_RULES, loadRules, type CompiledRules } from '../../src/validate/schematron.js';
import { brief, check } from '../support/rules.js';
import { repoRoot, teiAllSchema } from '../support/paths.js';
import { teiText } from '../support/tei-doc.js';

/** The line and column (1-based) of the first `markup` in `text`. */
function placeOf(text: string, markup: string): string {
  const at = text.indexOf(markup);
  assert.notEqual(at, -1, markup);
  const before = text.slice(0, at).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
}

describe('edition rules for spans (@spanTo)', function () {
  let rules: CompiledRules;
  let folder: string;
  before(async () => {
    rules = await loadRules([{ path: EDITION_RULES }], { cacheDir: defaultCacheDir() });
    assert.deepEqual(rules.problems, []);
    folder = mkdtempSync(join(tmpdir(), 'samizdat-span-rules-'));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  const write = (name: string, body: string): { path: string; text: string } => {
    const text = teiText({ body, title: 'Spans' });
    const path = join(folder, name);
    writeFileSync(path, text);
    return { path, text };
  };

  it('accepts spans that end at an element after them, an anchor or another', async () => {
    const { path } = write('fine.xml', '<p>One <delSpan spanTo="#a1"/>two\n<anchor xml:id="a1"/> <addSpan spanTo="#p2"/>three</p>\n'
      + '<p xml:id="p2">four <damageSpan spanTo="#l5"/>five<lb xml:id="l5"/>six</p>');
    assert.equal(brief(await check(rules, path)), '');
  });

  it('reports a @spanTo that leads to no element, at the span', async () => {
    const { path, text } = write('nowhere.xml', '<p>One\n two <delSpan spanTo="#nowhere"/>three <anchor xml:id="a1"/></p>\n<p>four <addSpan spanTo="a1"/>five</p>');
    const found = await check(rules, path);
    assert.deepEqual(found.map((d) => `${d.ruleId} ${d.severity} ${d.line}:${d.column}`),
      [`sch:span-ends error ${placeOf(text, '<delSpan')}`, `sch:span-ends error ${placeOf(text, '<addSpan')}`], brief(found));
    assert.match(found[0].message, /The @spanTo="#nowhere" of this <delSpan> leads to no element \(nothing in this document has xml:id="nowhere"\)/);
    assert.match(found[1].message, /The @spanTo="a1" of this <addSpan> leads to no element \(it is no #id of this document/);
  });

  it('reports a span whose end comes before it, or is it, naming the end\'s place', async () => {
    const { path, text } = write('backwards.xml', '<p xml:id="p1">One <anchor xml:id="a1"/>two\n three <damageSpan spanTo="#a1"/>four\n'
      + ' <delSpan xml:id="d1" spanTo="#d1"/> <addSpan spanTo="#p1"/>five</p>');
    const found = await check(rules, path);
    assert.deepEqual(found.map((d) => `${d.ruleId} ${d.line}:${d.column}`),
      ['<damageSpan', '<delSpan', '<addSpan'].map((m) => `sch:span-ends ${placeOf(text, m)}`), brief(found));
    const at = (markup: string) => placeOf(text, markup).replace(/^(\d+):(\d+)$/, 'line $1, column $2');
    assert.match(found[0].message, new RegExp(`This <damageSpan> ends before it begins: its @spanTo="#a1" leads to the <anchor> at ${at('<anchor')}, which begins before it`));
    assert.match(found[1].message, new RegExp(`leads to the <delSpan> at ${at('<delSpan')}, which is the span itself`));
    assert.match(found[2].message, new RegExp(`leads to the <p> at ${at('<p xml:id="p1"')}, which begins before it`));
  });

  it('is reported by samizdat validate with file:line:column', () => {
    // As `samizdat init` sets an edition up: the rules beside the documents, named by their xml-model.
    mkdirSync(join(folder, 'schemas'), { recursive: true });
    copyFileSync(EDITION_RULES, join(folder, 'schemas', 'samizdat-rules.sch'));
    const text = '<?xml-model href="schemas/samizdat-rules.sch" type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"?>\n'
      + teiText({ body: '<p>One\n two <delSpan spanTo="#nowhere"/>three</p>', title: 'Spans' });
    const path = join(folder, 'cli.xml');
    writeFileSync(path, text);
    const run = spawnSync('node', [join(repoRoot, 'bin', 'samizdat.js'), 'validate', '--no-cache', '--schema', teiAllSchema, path], { encoding: 'utf8' });
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stdout + run.stderr, new RegExp(`cli\\.xml:${placeOf(text, '<delSpan')}: error: The @spanTo="#nowhere" of this <delSpan> leads to no element.*\\[sch:span-ends\\]`));
  });
});
