/**
 * The edition rules for the critical apparatus (schemas/samizdat-rules.sch,
 * docs/rules.md): each rule on a fixture that breaks it once, reported at the
 * offending element, and, where two places are involved, naming the other
 * one by line and column; the apparatus fixtures of all three methods pass.
 */
import { strict as assert } from 'node:assert';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultCacheDir, EDITION_RULES, loadRules, runRules, type CompiledRules } from '../../src/validate/schematron.js';
import { brief, check } from '../support/rules.js';
import { repoRoot } from '../support/paths.js';

const fixtures = join(repoRoot, 'test', 'fixtures', 'rules', 'apparatus');
const textcrit = join(repoRoot, 'test', 'fixtures', 'textcrit');


describe('edition rules for the critical apparatus', function () {
  let rules: CompiledRules;
  before(async () => {
    rules = await loadRules([{ path: EDITION_RULES }], { cacheDir: defaultCacheDir() });
    assert.deepEqual(rules.problems, []);
  });

  for (const fixture of ['parallel/wbp-parallel.xml', 'parallel/nested.xml', 'location/wbp-location.xml',
    'double-end-point/wbp-inline.xml', 'double-end-point/wbp-base.xml', 'double-end-point/wbp-apparatus.xml']) {
    it(`accepts ${fixture}`, async () => {
      assert.equal(brief(await check(rules, join(textcrit, fixture))), '');
    });
  }

  it('accepts a witness with two readings that are successive states (@varSeq)', async () => {
    assert.equal(brief(await check(rules, join(fixtures, 'witness-states.xml'))), '');
  });

  /** fixture → rule, line:column of the offending element, words its message must contain. */
  const violations: Array<[string, string, string, RegExp]> = [
    ['witness-unresolved.xml', 'sch:witness-resolves', '21:50', /The @wit of this <rdg> must name witnesses, but "#D" leads to nothing/],
    ['witness-not-a-witness.xml', 'sch:witness-resolves', '21:62', /"#p1" leads to a <p>, which is not a witness/],
    ['witness-twice.xml', 'sch:witness-once', '21:47', /Witness B is given two readings in one <app>: this <rdg> and the <lem> at line 21, column 19/],
    ['witness-missing.xml', 'sch:witness-text', '21:14', /The text of witness γ \(declared at line 11, column 11\) cannot be reconstructed/],
    ['witness-ambiguous.xml', 'sch:witness-text', '21:14', /The text of witness γ cannot be reconstructed: this <app> gives it readings at line 21, column 47 and line 21, column 83/],
    ['anchor-missing.xml', 'sch:apparatus-anchors', '21:31', /attaches to nothing: @from="#nowhere" leads to no element/],
    ['anchors-reversed.xml', 'sch:apparatus-anchors', '21:71', /ends before it begins: @to \(the <anchor> at line 21, column 14\) comes before @from \(the <anchor> at line 21, column 41\)/],
    ['method-mismatch.xml', 'sch:variant-encoding', '21:30', /linked by @loc \(the location-referenced method\), but the variantEncoding at line 16, column 7 declares method="parallel-segmentation"/],
    ['method-undeclared.xml', 'sch:variant-encoding', '21:14', /does not say how it is linked to the text\. Declare the method in the teiHeader: <encodingDesc><variantEncoding method="parallel-segmentation" location="internal"\/>/],
    ['location-mismatch.xml', 'sch:variant-encoding', '22:16', /declares location="internal", but this <app> stands apart from the text \(external\)/],
  ];
  for (const [fixture, ruleId, at, message] of violations) {
    it(`${ruleId}: reports ${fixture} at ${at}`, async () => {
      const found = await check(rules, join(fixtures, fixture));
      assert.equal(found.length, 1, brief(found));
      assert.deepEqual([found[0].ruleId, found[0].severity, `${found[0].line}:${found[0].column}`, found[0].file], [ruleId, 'error', at, join(fixtures, fixture)]);
      assert.match(found[0].message, message);
    });
  }

  it('checks an apparatus in another file against the document it points into', async () => {
    const dir = join(textcrit, 'double-end-point');
    const text = (await readFile(join(dir, 'wbp-apparatus.xml'), 'utf8')).replace('wbp-base.xml#WBP-A2', 'wbp-base.xml#WBP-A99');
    const found = await runRules(rules, { path: join(dir, 'wbp-apparatus.xml'), text });
    assert.equal(found.length, 1, brief(found));
    assert.equal(found[0].ruleId, 'sch:apparatus-anchors');
    assert.match(found[0].message, /@to="wbp-base\.xml#WBP-A99" leads to no element/);
  });

  it('switches each rule off by its id', async () => {
    assert.equal((await check(rules, join(fixtures, 'witness-missing.xml'), ['witness-text'])).length, 0);
    assert.equal((await check(rules, join(fixtures, 'witness-twice.xml'), ['sch:witness-once'])).length, 0);
  });
});
