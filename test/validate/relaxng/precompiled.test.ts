/**
 * The compact precompiled form of a compiled schema: read back, it validates
 * exactly as the schema compiled in this process (same errors, same
 * messages), for a schema using every kind of pattern and for tei_all; the
 * grammar layer writes it to the cache and reads it from there, and a
 * damaged cache file only costs a compilation.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GrammarCheck } from '../../../src/validate/grammar.js';
import { loadGrammar, schemaDigest } from '../../../src/validate/grammar-cache.js';
import { compileSchema } from '../../../src/validate/relaxng/compile.js';
import { readPrecompiled, writePrecompiled, type Grammar } from '../../../src/validate/relaxng/index.js';
import { WellFormednessCheck } from '../../../src/xml/wellformed.js';
import { corporaDir, teiAllSchema } from '../../support/paths.js';
import { RNG, XSD } from '../../support/relaxng.js';

function errors(grammar: Grammar, xml: string): string[] {
  const check = new GrammarCheck(grammar, 'doc.xml');
  const reader = new WellFormednessCheck('doc.xml', check);
  reader.write(xml);
  assert.equal(reader.close(), undefined);
  return check.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`);
}

const roundTrip = (grammar: Grammar): Grammar => readPrecompiled(writePrecompiled(grammar.start, grammar.idTypes));

describe('the precompiled form of a schema', () => {
  const everything = `<grammar ${RNG} ${XSD} xmlns:q="urn:q">
    <start><ref name="doc"/></start>
    <define name="doc"><element name="doc" ns="urn:d">
      <attribute name="id"><data type="ID"/></attribute>
      <optional><attribute name="refs"><data type="IDREFS"/></attribute></optional>
      <zeroOrMore><attribute><nsName ns="urn:x"/></attribute></zeroOrMore>
      <interleave>
        <element name="nums"><list><oneOrMore><data type="integer"><param name="maxInclusive">99</param></data></oneOrMore></list></element>
        <optional><element name="kind"><choice><value type="QName">q:a</value><value>b  c</value></choice></element></optional>
        <mixed><zeroOrMore><ref name="doc"/></zeroOrMore></mixed>
      </interleave>
      <element name="word"><data type="token"><param name="pattern">\\p{Lu}\\w*</param><except><value>No</value></except></data></element>
    </element></define>
  </grammar>`;
  const documents = [
    '<doc xmlns="urn:d" id="a"><nums>1 2 3</nums><word>Yes</word></doc>',
    '<doc xmlns="urn:d" id="a" refs="b" xmlns:x="urn:x" x:any="1">text<kind xmlns:z="urn:q">z:a</kind><doc id="b"><nums>4</nums><word>Ok</word></doc><nums>7 100</nums><word>No</word></doc>',
    '<doc xmlns="urn:d" id="a" refs="zz" other="1"><nums>x</nums><kind>b c</kind><kind>b</kind><word>lower</word><extra/></doc>',
    '<doc xmlns="urn:d" id="a"><doc id="a"><word>A</word></doc></doc>',
  ];

  it('validates as the compiled schema does, for every kind of pattern', () => {
    const dir = mkdtempSync(join(tmpdir(), 'samizdat-precompiled-'));
    writeFileSync(join(dir, 'schema.rng'), everything);
    const compiled = compileSchema(join(dir, 'schema.rng')).grammar;
    const read = roundTrip(compiled);
    const results = documents.map((d) => errors(read, d));
    assert.deepEqual(results, documents.map((d) => errors(compileSchema(join(dir, 'schema.rng')).grammar, d)));
    assert.deepEqual(results[0], []);
    assert.ok(results[1].length >= 2 && results[2].length >= 5 && results[3].length >= 1, JSON.stringify(results));
  });

  it('validates corpus documents and their faults as tei_all compiled does', function () {
    const compiled = compileSchema(teiAllSchema).grammar;
    const read = roundTrip(compiled);
    const folder = join(corporaDir, 'tei-stylesheets-tests');
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.xml')).slice(0, 4)) {
      const text = readFileSync(join(folder, file), 'utf8');
      const broken = text.replace(/<p>/, '<p colour="red"><persName><p/></persName>');
      for (const xml of [text, broken]) assert.deepEqual(errors(read, xml), errors(compiled, xml), file);
    }
  });

  it('is written to the cache by the grammar layer, and read from it by the next process', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'samizdat-grammar-cache-'));
    const dir = mkdtempSync(join(tmpdir(), 'samizdat-schema-'));
    const schema = join(dir, 'schema.rng');
    writeFileSync(schema, everything);
    const first = await loadGrammar(schema, { cacheDir: cache });
    assert.ok('grammar' in first);
    const cached = join(cache, `${await schemaDigest(schema)}.json`);
    assert.deepEqual(readdirSync(cache), [`${first.digest}.json`]);
    // Another cacheDir string for the same folder: a new entry in this process's memory, read from the disk cache.
    const second = await loadGrammar(schema, { cacheDir: `${cache}/` });
    assert.ok('grammar' in second);
    assert.deepEqual(errors(second.grammar, documents[2]), errors(first.grammar, documents[2]));
    writeFileSync(cached, '{"format": "something else"');
    const third = await loadGrammar(schema, { cacheDir: `${cache}//` });
    assert.ok('grammar' in third, 'a damaged cache file is compiled again');
    assert.deepEqual(errors(third.grammar, documents[2]), errors(first.grammar, documents[2]));
  });
});
