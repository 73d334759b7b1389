/**
 * What the documents of one validate run share in a thread (RunSchemas): a
 * rule file that a thousand documents name is looked at once in the run, not
 * once per document. A new run looks again, so `watch` sees a rule file that
 * was replaced between runs.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDocument } from '../../src/validate/document.js';
import { RunSchemas } from '../../src/validate/run-schemas.js';

const RULES = `<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt3">
  <pattern><rule context="*:p"><report test="true()" id="para">a paragraph</report></rule></pattern>
</schema>`;

const documentNaming = (rules: string) => `<?xml version="1.0"?>
<?xml-model href="${rules}" type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>One.</p></body></text></TEI>`;

describe('validate: a rule file named by many documents is looked at once per run', function () {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'samizdat-run-schemas-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps its first look for the rest of the run, and a new run looks again', async () => {
    const rules = join(dir, 'rules.sch');
    writeFileSync(rules, RULES);
    for (const name of ['one.xml', 'two.xml']) writeFileSync(join(dir, name), documentNaming('rules.sch'));
    const options = { cacheDir: join(dir, 'cache'), readable: { root: dir }, schematron: { cacheDir: join(dir, 'cache') } };
    const ids = (result: { diagnostics: { ruleId: string }[] }) => result.diagnostics.map((d) => d.ruleId).filter((id) => id !== 'rng-no-schema').sort();

    const run = new RunSchemas();
    assert.deepEqual(ids(await checkDocument(join(dir, 'one.xml'), options, run)), ['sch:para']);
    // Replaced by a file that is not a schema: the run has looked already, a new run has not.
    writeFileSync(rules, '<not-a-schema/>');
    assert.ok(!ids(await checkDocument(join(dir, 'two.xml'), options, run)).includes('sch-schema-unavailable'), 'the run looked at rules.sch once');
    const again = await checkDocument(join(dir, 'two.xml'), options, new RunSchemas());
    assert.deepEqual(ids(again), ['sch-schema-unavailable']);
    assert.match(again.diagnostics.find((d) => d.ruleId === 'sch-schema-unavailable')!.message, /rules\.sch, named by <\?xml-model\?>, is not a Schematron schema/);
  });

  it('looks once per run whether a RELAX NG schema named by the documents is there', async () => {
    const grammar = join(dir, 'later.rng');
    const naming = `<?xml version="1.0"?>
<?xml-model href="later.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>
<doc/>`;
    for (const name of ['three.xml', 'four.xml']) writeFileSync(join(dir, name), naming);
    const options = { cacheDir: join(dir, 'cache'), readable: { root: dir } };
    const ids = (result: { diagnostics: { ruleId: string }[] }) => result.diagnostics.map((d) => d.ruleId);

    const run = new RunSchemas();
    assert.deepEqual(ids(await checkDocument(join(dir, 'three.xml'), options, run)), ['rng-schema-unavailable']);
    writeFileSync(grammar, '<element name="doc" xmlns="http://relaxng.org/ns/structure/1.0"><empty/></element>');
    assert.deepEqual(ids(await checkDocument(join(dir, 'four.xml'), options, run)), ['rng-schema-unavailable'], 'the run looked once');
    assert.deepEqual(ids(await checkDocument(join(dir, 'four.xml'), options, new RunSchemas())), [], 'a new run looks again');
  });
});
