/**
 * Layer 1: reading, encoding, well-formedness and safety, on real files
 * (fixtures in test/fixtures/validate/ and files generated in the temp dir).
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { checkDocument } from '../../src/validate/document.js';
import { prologComplete, readXmlModels } from '../../src/xml/xml-model.js';
import type { Diagnostic } from '../../src/diagnostics.js';

const fixtures = new URL('../fixtures/validate/', import.meta.url).pathname;
const teiAll = new URL('../../schemas/vendor/tei_all.rng', import.meta.url).pathname;
const TEI_NS = 'http://www.tei-c.org/ns/1.0';
const HEADER = `<teiHeader><fileDesc><titleStmt><title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>`;

function only(diagnostics: Diagnostic[], ruleId: string): Diagnostic {
  const found = diagnostics.find((d) => d.ruleId === ruleId);
  assert.ok(found, `expected a ${ruleId} diagnostic, got ${JSON.stringify(diagnostics)}`);
  return found;
}

describe('validate, layer 1: reading XML', () => {
  it('accepts a small valid TEI document (its xml-model URL mapped to the vendored tei_all)', async () => {
    const result = await checkDocument(join(fixtures, 'tei-minimal.xml'));
    assert.deepEqual(result.diagnostics, []);
    assert.match(result.schema!, /schemas\/vendor\/tei_all\.rng$/);
  });

  it('reads UTF-16 with a byte-order mark', async () => {
    const result = await checkDocument(join(fixtures, 'tei-minimal-utf16le.xml'));
    assert.deepEqual(result.diagnostics, []);
  });

  it('reports a missing path by name', async () => {
    const d = only((await checkDocument(join(fixtures, 'no-such-file.xml'))).diagnostics, 'io');
    assert.match(d.message, /no-such-file\.xml does not exist/);
  });

  it('reports a directory where a file is expected', async () => {
    const d = only((await checkDocument(join(fixtures, 'a-directory.xml'))).diagnostics, 'io');
    assert.match(d.message, /a-directory\.xml is a directory/);
  });

  it('reports an empty file', async () => {
    const d = only((await checkDocument(join(fixtures, 'empty.xml'))).diagnostics, 'xml-empty');
    assert.match(d.message, /empty\.xml is empty/);
  });

  it('reports a NUL byte as a binary file, with its position', async () => {
    const d = only((await checkDocument(join(fixtures, 'nul-byte.xml'))).diagnostics, 'xml-binary');
    assert.match(d.message, /NUL byte/);
    assert.deepEqual([d.line, d.column], [3, 17]);
  });

  it('reports invalid UTF-8 with the line and column of the bad byte', async () => {
    const d = only((await checkDocument(join(fixtures, 'invalid-utf8.xml'))).diagnostics, 'xml-encoding');
    assert.match(d.message, /not valid UTF-8 at 3:30/);
    assert.deepEqual([d.line, d.column], [3, 30]);
  });

  it('reads ISO-8859-1 as it declares', async () => {
    const result = await checkDocument(join(fixtures, 'latin1-declared.xml'), { schema: teiAll });
    assert.deepEqual(result.diagnostics.filter((d) => d.ruleId.startsWith('xml-')), []);
  });

  it('rejects a declared encoding samizdat does not read, naming it and those it reads', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'samizdat-encoding-')), 'sjis.xml');
    writeFileSync(file, `<?xml version="1.0" encoding="Shift_JIS"?>\n<TEI xmlns="${TEI_NS}"/>\n`);
    const d = only((await checkDocument(file, { schema: teiAll })).diagnostics, 'xml-encoding');
    assert.match(d.message, /declares encoding="Shift_JIS", which samizdat does not read \(it reads UTF-8, UTF-16, .*ISO-8859-1…15, windows-1250…1258/);
  });

  it('reports a declaration that contradicts the bytes (UTF-16 declared, UTF-8 found)', async () => {
    const d = only((await checkDocument(join(fixtures, 'utf16-declared-but-utf8.xml'))).diagnostics, 'xml-encoding');
    assert.match(d.message, /declares encoding="UTF-16" but is actually UTF-8/);
  });

  it('gives the line and column of the first well-formedness error', async () => {
    const result = await checkDocument(join(fixtures, 'not-wellformed.xml'), { schema: teiAll });
    const d = only(result.diagnostics, 'xml-wellformed');
    assert.equal(d.line, 4);
    assert.match(d.message, /not well-formed/);
  });

  it('expands small internal entities', async () => {
    const result = await checkDocument(join(fixtures, 'internal-entity.xml'), { keepText: true });
    assert.deepEqual(result.diagnostics, []);
  });

  it('rejects a DOCTYPE that points at an external DTD, without reading it', async () => {
    const d = only((await checkDocument(join(fixtures, 'external-dtd.xml'), { schema: teiAll })).diagnostics, 'xml-external-entity');
    assert.match(d.message, /external DTD.*external entities are rejected/);
  });

  it('parses <?xml-model?> processing instructions with their position', () => {
    const models = readXmlModels(`<?xml version="1.0"?>\n<!-- <?xml-model href="commented.rng"?> -->\n<?xml-model href="a.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>\n<?xml-model href='b.sch' schematypens="http://purl.oclc.org/dsdl/schematron"?>\n<TEI><?xml-model href="late.rng"?></TEI>`);
    assert.deepEqual(models, [
      { href: 'a.rng', type: 'application/xml', schematypens: 'http://relaxng.org/ns/structure/1.0', phase: undefined, line: 3, column: 1 },
      { href: 'b.sch', type: undefined, schematypens: 'http://purl.oclc.org/dsdl/schematron', phase: undefined, line: 4, column: 1 },
    ]);
  });

  it('tells whether the prolog is whole: the root element has started, outside comments and the DOCTYPE', () => {
    const prolog = '<?xml version="1.0"?>\n<!-- <p>not the root</p> -->\n<!DOCTYPE TEI [\n<!ENTITY e "text">\n<!-- <q> -->\n]>\n<?xml-model href="a.rng"?>\n';
    assert.equal(prologComplete(prolog), false);
    assert.equal(prologComplete(`${prolog}<TEI xmlns="http://www.tei-c.org/ns/1.0">`), true);
    assert.equal(prologComplete(`${prolog}<TEI>${'<!-- a comment --><p>text</p>'.repeat(1000)}</TEI>`), true);
    assert.equal(prologComplete('<?xml version="1.0"?>\n<!-- a comment cut by the end of the chunk'), false);
    assert.equal(prologComplete('<?xml version="1.0"?>\n<!DOCTYPE TEI [ <!ENTITY e "x"> '), false);
    assert.equal(prologComplete('<!--c--><élan/>'), true);
  });
});

describe('validate, layer 1: hostile inputs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'samizdat-hostile-'));

  it('XXE: rejects an external entity and never reads the file it names', async () => {
    const secret = join(dir, 'secret.txt');
    const token = `TOP-SECRET-${process.pid}-${Date.now()}`;
    writeFileSync(secret, token);
    const file = join(dir, 'xxe.xml');
    writeFileSync(file, `<?xml version="1.0"?>\n<!DOCTYPE TEI [\n  <!ENTITY xxe SYSTEM "file://${secret}">\n]>\n<TEI xmlns="${TEI_NS}">${HEADER}<text><body><p>&xxe;</p></body></text></TEI>\n`);
    const result = await checkDocument(file, { schema: teiAll, keepText: true });
    const d = only(result.diagnostics, 'xml-external-entity');
    assert.match(d.message, /external entity &xxe;.*external entities are rejected/);
    assert.ok(!JSON.stringify(result).includes(token), 'the secret file content leaked into the result');
  });

  it('billion laughs: rejects the entity expansion without expanding it, saying why', async () => {
    const d = only((await checkDocument(join(fixtures, 'billion-laughs.xml'), { schema: teiAll })).diagnostics, 'xml-entity-expansion');
    assert.match(d.message, /billion laughs/);
  });

  // Speed is the bench's business; the timeouts here only stop a runaway (an expansion or a
  // walk that never ends) from hanging the suite.
  it('a 50 MB document: correct verdict, streamed in bounded memory', async function () {
    this.timeout(300_000);
    const file = join(dir, 'big.xml');
    const out = createWriteStream(file);
    out.write(`<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="${TEI_NS}">${HEADER}<text><body>\n`);
    // Prose as in a novel: long paragraphs, a little inline markup.
    const paragraph = `<p>${'Comrades, the opposition met and nothing was decided. '.repeat(36)}<persName>Trotsky</persName> spoke on <date when="1923-10-08">8 October</date>.</p>\n`;
    let size = 0;
    let lines = 2;
    while (size < 50 * 1024 * 1024) {
      if (!out.write(paragraph.repeat(100))) await once(out, 'drain');
      size += paragraph.length * 100;
      lines += 100;
    }
    out.end(`<wrongElement/>\n</body></text></TEI>\n`);
    await once(out, 'finish');
    const heapBefore = process.memoryUsage().heapUsed;
    let peak = heapBefore;
    const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().heapUsed); }, 20);
    const result = await checkDocument(file, { schema: teiAll });
    clearInterval(sampler);
    assert.equal(result.diagnostics.length, 1, JSON.stringify(result.diagnostics.slice(0, 3)));
    assert.equal(result.diagnostics[0].ruleId, 'rng');
    assert.equal(result.diagnostics[0].line, lines + 1);
    assert.ok(peak - heapBefore < 200 * 1024 * 1024, `heap grew by ${Math.round((peak - heapBefore) / 1048576)} MB`);
  });

  it('100,000 levels of nesting: a clear error, no stack overflow', async () => {
    const file = join(dir, 'deep.xml');
    const depth = 100_000;
    writeFileSync(file, `<?xml version="1.0"?>\n<TEI xmlns="${TEI_NS}">${HEADER}<text><body><p>${'<hi>'.repeat(depth)}deep${'</hi>'.repeat(depth)}</p></body></text></TEI>\n`);
    const d = only((await checkDocument(file, { schema: teiAll })).diagnostics, 'xml-depth');
    assert.match(d.message, /nested more than 500 levels deep.*--max-depth/);
  });

  it('nesting at the limit (500 levels, and 1,500 under a raised limit) gets a correct verdict', async () => {
    const file = join(dir, 'deep-ok.xml');
    // TEI, text, body and p are four levels: the hi elements make up the rest.
    for (const [depth, maxDepth] of [[496, undefined], [1_496, 1_500]] as const) {
      const limits = maxDepth === undefined ? undefined : { maxDepth };
      writeFileSync(file, `<?xml version="1.0"?>\n<TEI xmlns="${TEI_NS}">${HEADER}<text><body><p>${'<hi>'.repeat(depth)}deep${'</hi>'.repeat(depth)}</p></body></text></TEI>\n`);
      assert.deepEqual((await checkDocument(file, { schema: teiAll, limits })).diagnostics, []);
      writeFileSync(file, `<?xml version="1.0"?>\n<TEI xmlns="${TEI_NS}">${HEADER}<text><body><p>${'<hi>'.repeat(depth - 1)}<bogus/>${'</hi>'.repeat(depth - 1)}</p></body></text></TEI>\n`);
      const invalid = await checkDocument(file, { schema: teiAll, limits });
      assert.equal(invalid.diagnostics[0]?.ruleId, 'rng');
    }
  });
});
