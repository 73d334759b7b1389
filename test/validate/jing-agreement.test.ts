/**
 * Verdict agreement with jing, the reference RELAX NG validator, for layers
 * 1–2 (`grammarOnly`): the corpus subset in test/corpora, the fixtures, and
 * generated invalid variants of a small valid TEI document. Every file must
 * get the same valid/invalid verdict from both. jing runs once per schema.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { validate } from '../../src/validate/index.js';
import { jingValidate, requireJing } from '../support/jing.js';
import { corporaDir } from '../support/paths.js';

const corpora = corporaDir;
const fixtures = new URL('../fixtures/validate/', import.meta.url).pathname;
const teiAll = new URL('../../schemas/vendor/tei_all.rng', import.meta.url).pathname;

function xmlFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.xml')).sort().map((f) => join(dir, f));
}

/** Invalid variants of a valid document, one kind of mistake each. */
function generateVariants(dir: string): string[] {
  const valid = readFileSync(join(fixtures, 'tei-minimal.xml'), 'utf8');
  const variants: Record<string, [string | RegExp, string]> = {
    'wrong-element': ['<persName ref="#trotsky">L. T.</persName>', '<personName ref="#trotsky">L. T.</personName>'],
    'wrong-place': ['<p>Written for the tests.</p>', '<p>Written for the tests.</p><div><p>a div in the header</p></div>'],
    'missing-required-child': [/<titleStmt>[\s\S]*?<\/titleStmt>/, ''],
    'bad-datatype': ['when="1923-10-08"', 'when="yesterday"'],
    'wrong-namespace': ['xmlns="http://www.tei-c.org/ns/1.0"', 'xmlns="http://www.tei-c.org/ns/2.0"'],
    'unknown-attribute': ['<div type="letter">', '<div type="letter" colour="red">'],
    'duplicate-xml-id': ['<p>Dear friend', '<p xml:id="p1">Dear friend'],
    'text-where-none-allowed': ['<titleStmt>', '<titleStmt>stray text'],
    'attribute-facet': ['<p>Dear friend', '<p cert="1.5">Dear friend'],
    'year-zero': ['when="1923-10-08"', 'when="0000-10-08"'],
    'bad-list-token': ['ref="#trotsky"', 'ref="#trotsky a#b#c"'],
    'missing-attribute': ['<p>Yours, ', '<p>Yours, <graphic/>'],
  };
  const files = [join(dir, 'valid.xml')];
  writeFileSync(files[0], valid);
  for (const [name, [from, to]] of Object.entries(variants)) {
    let text = valid.replace(from, to);
    if (name === 'duplicate-xml-id') text = text.replace('<p>Yours', '<p xml:id="p1">Yours');
    assert.notEqual(text, valid, `variant ${name} changed nothing`);
    const file = join(dir, `${name}.xml`);
    writeFileSync(file, text);
    files.push(file);
  }
  return files;
}

/**
 * jing stops a batch at the first fatal (well-formedness) error and reports
 * nothing for the files after it, so files that may be malformed get a JVM
 * of their own (`alone`).
 */
async function disagreements(schema: string, files: string[], viaXmlModel = false, alone: string[] = []): Promise<string[]> {
  const jing = [...jingValidate(schema, files), ...alone.flatMap((file) => jingValidate(schema, [file]))];
  files = [...files, ...alone];
  const ours = await validate(files, { grammarOnly: true, schema: viaXmlModel ? undefined : schema, jobs: 2 });
  const byFile = new Map(ours.files.map((f) => [resolve(f.file), f]));
  const problems: string[] = [];
  for (const verdict of jing) {
    const report = byFile.get(verdict.file);
    assert.ok(report, `samizdat did not report on ${verdict.file}`);
    if (report.diagnostics.some((d) => d.ruleId === 'rng-no-schema' || d.ruleId === 'rng-schema-unavailable')) {
      problems.push(`${verdict.file}: samizdat found no schema: ${report.diagnostics[0].message}`);
      continue;
    }
    const valid = report.errors === 0;
    if (valid !== verdict.valid) {
      problems.push(`${verdict.file}: jing says ${verdict.valid ? 'valid' : 'invalid'} (${verdict.messages.slice(0, 2).join(' | ')}), samizdat says ${valid ? 'valid' : 'invalid'} (${report.diagnostics.slice(0, 2).map((d) => `${d.line}:${d.column} ${d.message}`).join(' | ')})`);
    }
  }
  return problems;
}

/**
 * A schema using what TEI's schemas do not (interleave, lists, typed element
 * content, values, facets, IDs), a valid document, and one mistake per
 * variant; a last variant has several.
 */
const PROBE_SCHEMA = `<grammar xmlns="http://relaxng.org/ns/structure/1.0" datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
  <start><element name="catalogue"><oneOrMore><ref name="item"/></oneOrMore></element></start>
  <define name="item">
    <element name="item">
      <attribute name="id"><data type="ID"/></attribute>
      <optional><attribute name="see"><data type="IDREFS"/></attribute></optional>
      <attribute name="status"><choice><value>draft</value><value>final</value></choice></attribute>
      <interleave>
        <element name="title"><text/></element>
        <element name="year"><data type="gYear"><param name="minInclusive">1900</param></data></element>
        <optional><element name="tags"><list><oneOrMore><data type="NCName"><param name="maxLength">8</param></data></oneOrMore></list></element></optional>
        <zeroOrMore><element name="note"><mixed><zeroOrMore><element name="em"><text/></element></zeroOrMore></mixed></element></zeroOrMore>
      </interleave>
      <optional><element name="price"><data type="decimal"><param name="fractionDigits">2</param><param name="minExclusive">0</param></data></element></optional>
    </element>
  </define>
</grammar>`;

const PROBE_VALID = `<catalogue>
<item id="a" status="draft"><year>1923</year><title>One</title><note>see <em>this</em></note></item>
<item id="b" see="a" status="final"><title>Two</title><tags>red blue</tags><year>1999</year><price>10.50</price></item>
</catalogue>`;

const PROBE_VARIANTS: Record<string, [string, string][]> = {
  'interleave-twice': [['<title>One</title>', '<title>One</title><title>Again</title>']],
  'interleave-missing': [['<year>1923</year>', '']],
  'list-bad-token': [['red blue', 'red 1blue']],
  'list-facet': [['red blue', 'red averyverylongtag']],
  'typed-text': [['<year>1923</year>', '<year>19x3</year>']],
  'typed-facet': [['<year>1923</year>', '<year>1899</year>']],
  'typed-element-inside': [['<year>1923</year>', '<year>1923<em>x</em></year>']],
  'decimal-facets': [['10.50', '10.505']],
  'value-wrong': [['status="final"', 'status="published"']],
  'missing-attribute': [[' status="draft"', '']],
  'unknown-attribute': [['id="a"', 'id="a" colour="red"']],
  'idref-dangling': [['see="a"', 'see="a zz"']],
  'duplicate-id': [['id="b"', 'id="a"']],
  'text-in-element-only': [['<title>Two</title>', 'stray <title>Two</title>']],
  'several': [['<title>One</title>', ''], ['red blue', 'red 1blue'], ['10.50', '0'], ['status="final"', 'status="x"'], ['<note>', '<note><year>1</year>']],
};

describe('validate --grammar-only agrees with jing', function () {
  this.timeout(300_000);
  before(function () { requireJing(this); });

  const eltec = xmlFiles(join(corpora, 'eltec/ELTeC-eng/level1'));
  const plays = xmlFiles(join(corpora, 'shakedracor/tei'));
  const stylesheetTests = xmlFiles(join(corpora, 'tei-stylesheets-tests'));

  it('ELTeC novels against their xml-model schema (eltec-1.rng)', async () => {
    assert.deepEqual(await disagreements(join(corpora, 'eltec/Schemas/eltec-1.rng'), eltec, true), []);
  });

  it('ELTeC novels, DraCor plays, TEI Stylesheets test files and fixtures against tei_all.rng', async () => {
    const wellFormed = ['tei-minimal.xml', 'tei-minimal-utf16le.xml', 'internal-entity.xml'].map((f) => join(fixtures, f));
    const malformed = ['not-wellformed.xml', 'invalid-utf8.xml', 'nul-byte.xml'].map((f) => join(fixtures, f));
    assert.deepEqual(await disagreements(teiAll, [...eltec, ...plays, ...stylesheetTests, ...wellFormed], false, malformed), []);
  });

  it('DraCor plays against the DraCor schema', async () => {
    assert.deepEqual(await disagreements(join(corpora, 'shakedracor/schema/dracor_1.0.0-rc.1.rng'), plays), []);
  });

  it('a schema with interleave, lists, typed content and IDs: same verdicts, and errors on the same lines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samizdat-probe-'));
    const schema = join(dir, 'probe.rng');
    writeFileSync(schema, PROBE_SCHEMA);
    const files = [join(dir, 'valid.xml')];
    writeFileSync(files[0], PROBE_VALID);
    for (const [name, edits] of Object.entries(PROBE_VARIANTS)) {
      const text = edits.reduce((t, [from, to]) => t.replace(from, to), PROBE_VALID);
      assert.notEqual(text, PROBE_VALID, name);
      files.push(join(dir, `${name}.xml`));
      writeFileSync(files[files.length - 1], text);
    }
    assert.deepEqual(await disagreements(schema, files), []);
    // jing notes a duplicate ID twice (the second occurrence, then the first); samizdat once, naming both places.
    const jingLines = jingValidate(schema, files).map((v) => v.messages.filter((m) => / error: /.test(m) && !/first occurrence of ID/.test(m)).map((m) => Number(m.split(':')[0])).sort());
    const ours = await validate(files, { grammarOnly: true, schema, jobs: 1, cacheDir: false });
    const ourLines = ours.files.map((f) => f.diagnostics.map((d) => d.line!).sort());
    assert.deepEqual(Object.fromEntries(files.map((f, i) => [f.slice(dir.length + 1), ourLines[i]])), Object.fromEntries(files.map((f, i) => [f.slice(dir.length + 1), jingLines[i]])));
  });

  it('generated invalid variants of a valid TEI document, against tei_all.rng', async () => {
    const files = generateVariants(mkdtempSync(join(tmpdir(), 'samizdat-variants-')));
    const jing = jingValidate(teiAll, files);
    assert.equal(jing.filter((v) => v.valid).length, 1, 'jing should accept only the unmodified document');
    assert.deepEqual(await disagreements(teiAll, files), []);
  });
});
