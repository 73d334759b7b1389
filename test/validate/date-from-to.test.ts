/**
 * The edition rule date-iso (schemas/samizdat-rules.sch) reads @from and @to as dates only where they are dates. In
 * tei_all (schemas/vendor/tei_all.rng) the dating elements take them from att.datable.w3c ("indicates the starting
 * point of the period in standard form"); seven elements have @from and @to that are no dates: span ("the beginning of
 * the passage being annotated", a pointer), app and arc (pointers), rt (its base text), and att.citing's biblScope and
 * citedRange and locus, whose @from is "the starting point of the range of units" (a page, a folio: "12", "12r").
 * Before, a page range (biblScope unit="page" from="12" to="15") and a span's pointers were told "not a date in ISO
 * 8601 form", an error on a valid edition; now only the dating elements' are, and a real bad date still is.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultCacheDir, EDITION_RULES, loadRules, type CompiledRules } from '../../src/validate/schematron.js';
import { brief, check } from '../support/rules.js';
import { teiText } from '../support/tei-doc.js';

describe('edition rules: @from and @to read as dates only on dating elements (date-iso)', function () {
  this.timeout(300_000);
  let rules: CompiledRules;
  let folder: string;
  before(async () => {
    rules = await loadRules([{ path: EDITION_RULES }], { cacheDir: defaultCacheDir() });
    assert.deepEqual(rules.problems, []);
    folder = mkdtempSync(join(tmpdir(), 'samizdat-date-from-to-'));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  const dateRule = async (name: string, body: string): Promise<string[]> => {
    const path = join(folder, name);
    writeFileSync(path, teiText({ body, title: 'Ranges' }));
    return (await check(rules, path)).filter((d) => d.ruleId === 'sch:date-iso').map((d) => d.message);
  };

  it('takes no pointer, page or folio for a date: span, biblScope, citedRange, locus', async () => {
    const body = '<p xml:id="p1"><seg xml:id="a">One</seg> <seg xml:id="b">two.</seg></p>'
      + '<spanGrp><span from="#a" to="#b">a gloss</span></spanGrp>'
      + '<p><bibl><title>Works</title> <biblScope unit="page" from="12" to="15">12–15</biblScope> '
      + '<citedRange unit="page" from="3" to="4">3–4</citedRange></bibl> '
      + '<locus from="12r" to="14v">fols. 12r–14v</locus></p>';
    assert.deepEqual(await dateRule('pointers.xml', body), []);
  });

  it('still reports a dating element\'s bad @from, and a period told backwards', async () => {
    const body = '<p><date from="yesterday" to="1923">then</date> <date from="1930" to="1920">later</date></p>';
    assert.deepEqual(await dateRule('dates.xml', body), [
      '@from="yesterday" is not a date in ISO 8601 form. Write it as YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss (e.g. 1923-10-08); '
        + 'put the wording of the source in the element\'s text instead.',
      '@from="1930" is later than @to="1920". A period starts at @from and ends at @to: swap them, or correct one.',
    ]);
  });
});
