import { strict as assert } from 'node:assert';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defaultCacheDir, EDITION_RULES, loadRules, schematronRules, type CompiledRules } from '../../src/validate/schematron.js';
import { brief, check } from '../support/rules.js';
import { teiAllSchema } from '../support/paths.js';

const edition = fileURLToPath(new URL('../fixtures/rules/edition/', import.meta.url));
const flagship = fileURLToPath(new URL('../../tei/', import.meta.url));
const teiAll = teiAllSchema;



describe('edition rules (schemas/samizdat-rules.sch)', function () {
  let rules: CompiledRules;
  before(async () => {
    rules = await loadRules([{ path: EDITION_RULES }], { cacheDir: defaultCacheDir() });
    assert.deepEqual(rules.problems, []);
  });

  it('accepts a mini edition whose pointers resolve through #ids, a local file and a prefixDef', async () => {
    assert.equal(brief(await check(rules, join(edition, 'valid.xml'))), '');
    assert.equal(brief(await check(rules, join(edition, 'register.xml'))), '');
  });

  /** fixture → the one rule it breaks and words its message must contain. */
  const violations: Array<[string, string, RegExp]> = [
    ['ref-missing-id.xml', 'sch:ref-resolves', /"#nowhere": nothing in this document has xml:id="nowhere"/],
    ['ref-missing-register-entry.xml', 'sch:ref-resolves', /"reg:bukharin" \(that is, register\.xml#bukharin\): nothing in register\.xml has xml:id="bukharin"/],
    ['ref-undeclared-prefix.xml', 'sch:ref-resolves', /prefix "viaf:", which no prefixDef/],
    ['ref-missing-file.xml', 'sch:ref-resolves', /the file people\.xml cannot be found/],
    ['ref-missing-sameas.xml', 'sch:ref-resolves', /The @sameAs of this <persName> points to something that does not exist: "register\.xml#bukharin": nothing in register\.xml has xml:id="bukharin"/],
    ['ref-missing-speaker.xml', 'sch:ref-resolves', /The @who of this <sp> points to something that does not exist: "#hamlet": nothing in this document has xml:id="hamlet"/],
    ['ref-missing-relation.xml', 'sch:ref-resolves', /The @mutual of this <relation> points to something that does not exist: "reg:bukharin" \(that is, register\.xml#bukharin\)/],
    ['ref-missing-other-document.xml', 'sch:ref-resolves', /"valid\.xml#nobody": nothing in valid\.xml has xml:id="nobody"/],
    ['gap-without-reason.xml', 'sch:omission-explained', /<gap> does not say why/],
    ['gap-without-agent.xml', 'sch:omission-explained', /<gap> does not say who or what/],
    ['ellipsis-without-metamark.xml', 'sch:omission-explained', /<ellipsis> does not record what the source printed/],
    ['ellipsis-without-resp.xml', 'sch:omission-explained', /<ellipsis> does not say who made the omission/],
    ['date-not-iso.xml', 'sch:date-iso', /@when="yesterday" is not a date in ISO 8601 form/],
    ['date-out-of-order.xml', 'sch:date-iso', /@notBefore="1924-01" is later than @notAfter="1923"/],
    ['date-period-out-of-order.xml', 'sch:date-iso', /@from="1923-12-01" is later than @to="1923-10-08"/],
    ['idno-wikidata.xml', 'sch:idno-format', /is not a Wikidata identifier/],
    ['idno-viaf.xml', 'sch:idno-format', /"VIAF 34551336" is not a VIAF identifier/],
    ['idno-geonames.xml', 'sch:idno-format', /"Q649" is not a GeoNames identifier/],
    ['entity-empty.xml', 'sch:entity-not-empty', /This <persName> is empty/],
  ];
  for (const [fixture, ruleId, message] of violations) {
    it(`${ruleId}: reports ${fixture} at the offending element`, async () => {
      const found = await check(rules, join(edition, fixture));
      assert.equal(found.length, 1, brief(found));
      assert.equal(found[0].ruleId, ruleId);
      assert.equal(found[0].severity, 'error');
      assert.match(found[0].message, message);
      assert.equal(found[0].file, join(edition, fixture));
      assert.equal(found[0].line, 17, 'every violation fixture has its offending element on line 17');
    });
  }

  it('sch:id-unique: reports each element that shares an xml:id, at line:column', async () => {
    const found = await check(rules, join(edition, 'id-duplicate.xml'));
    assert.deepEqual(found.map((d) => [d.ruleId, d.line, d.column]), [['sch:id-unique', 17, 7], ['sch:id-unique', 18, 7]]);
    assert.match(found[0].message, /The xml:id "p1" is used 2 times/);
  });

  it('never reads a file outside the document\'s folder, even one that exists', async () => {
    const found = await check(rules, join(edition, 'ref-outside-folder.xml'));
    assert.equal(found.length, 1, brief(found));
    assert.equal(found[0].ruleId, 'sch:ref-resolves');
    assert.match(found[0].message, /the file \.\.\/outside\.xml cannot be found/);
  });

  it('follows absolute file: URIs inside the document\'s folder, as it does relative ones', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'samizdat-rules-absolute-'));
    try {
      copyFileSync(join(edition, 'register.xml'), join(folder, 'register.xml'));
      const register = pathToFileURL(join(folder, 'register.xml')).href;
      const text = (await readFile(join(edition, 'ref-missing-id.xml'), 'utf8'))
        .replace('<ref target="#nowhere">here</ref>', `<persName ref="${register}#trotsky">Trotsky</persName> and <persName ref="${register}#bukharin">Bukharin</persName>`);
      writeFileSync(join(folder, 'absolute.xml'), text);
      const found = await check(rules, join(folder, 'absolute.xml'));
      assert.equal(found.length, 1, brief(found));
      assert.equal(found[0].line, 17);
      assert.match(found[0].message, new RegExp(`"${register}#bukharin": nothing in ${register.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} has xml:id="bukharin"`));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('switches a rule off by its id', async () => {
    assert.equal((await check(rules, join(edition, 'date-not-iso.xml'), ['date-iso'])).length, 0);
    assert.equal((await check(rules, join(edition, 'entity-empty.xml'), ['sch:entity-not-empty'])).length, 0);
    assert.equal((await check(rules, join(edition, 'entity-empty.xml'), ['date-iso'])).length, 1, 'other rules stay on');
  });

  it('runs once through the validate() rules hook, even when the document also names them in an xml-model PI', async () => {
    const path = join(edition, 'with-model-entity-empty.xml');
    const found = await schematronRules({ cacheDir: defaultCacheDir() })({ path, text: await readFile(path, 'utf8') });
    assert.deepEqual(found.map((d) => [d.ruleId, d.line, d.column]), [['sch:entity-not-empty', 18, 21]]);
  });

  describe('the flagship edition (tei/)', () => {
    for (const file of ['1923-opposition-ch01.xml', 'register.xml']) {
      it(`${file} passes every edition rule`, async () => {
        assert.equal(brief(await check(rules, join(flagship, file))), '');
      });
    }

    it('1923-opposition-ch01.xml passes the Schematron embedded in tei_all.rng', async () => {
      const teiRules = await loadRules([{ path: teiAll }], { cacheDir: defaultCacheDir() });
      assert.deepEqual(teiRules.problems, []);
      for (const file of ['1923-opposition-ch01.xml', 'register.xml']) {
        assert.equal(brief(await check(teiRules, join(flagship, file))), '', file);
      }
    });
  });
});
