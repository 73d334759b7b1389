/**
 * Validating documents with the engine: each pattern behaves as RELAX NG
 * section 6 says, and errors are reported as jing reports them — what was
 * found, what was expected there, at line:column — with recovery, so every
 * error of a document is reported, each once.
 */
import { strict as assert } from 'node:assert';
import { errorsOf, messagesOf, RNG, schemaOf, XSD } from '../../support/relaxng.js';

const element = (name: string, content: string, attributes = ''): string => `<element name="${name}" ${RNG} ${attributes}>${content}</element>`;

describe('RELAX NG validation', () => {
  describe('patterns', () => {
    it('interleave: either order, but each once', () => {
      const schema = schemaOf(element('doc', '<interleave><element name="a"><empty/></element><element name="b"><empty/></element></interleave>'));
      assert.deepEqual(messagesOf(schema, '<doc><b/><a/></doc>'), []);
      assert.deepEqual(messagesOf(schema, '<doc><a/><b/></doc>'), []);
      assert.deepEqual(messagesOf(schema, '<doc><a/><a/></doc>'), ['element "a" not allowed here; expected element "b"', 'element "doc" incomplete; missing required element "b"']);
    });

    it('interleave with repeated halves: any mixture', () => {
      const schema = schemaOf(element('doc', '<interleave><zeroOrMore><element name="a"><empty/></element></zeroOrMore><oneOrMore><element name="b"><empty/></element></oneOrMore></interleave>'));
      assert.deepEqual(messagesOf(schema, '<doc><a/><b/><a/><b/><a/></doc>'), []);
      assert.deepEqual(messagesOf(schema, '<doc><a/><a/></doc>'), ['element "doc" incomplete; missing required element "b"']);
    });

    it('list: whitespace-separated tokens matched in order', () => {
      const schema = schemaOf(element('doc', `<list ${XSD}><data type="integer"/><oneOrMore><data type="NCName"/></oneOrMore></list>`));
      assert.deepEqual(messagesOf(schema, '<doc>\n 12  abc def\n</doc>'), []);
      const [message] = messagesOf(schema, '<doc>12 3x</doc>');
      assert.match(message, /^character content of element "doc" invalid; token "3x" must be an XML name without colons$/);
      assert.equal(messagesOf(schema, '<doc>12</doc>').length, 1);
    });

    it('data with except, and values compared in their datatype', () => {
      const schema = schemaOf(element('doc', `<attribute name="n"><data type="integer" ${XSD}><except><value type="integer">0</value></except></data></attribute><attribute name="t"><value>  a   b </value></attribute>`));
      assert.deepEqual(messagesOf(schema, '<doc n="+7" t="a b"/>'), []);
      assert.deepEqual(messagesOf(schema, '<doc n="000" t=" a  b"/>'), ['value of attribute "n" is invalid; "000" must not be "0"']);
      assert.deepEqual(messagesOf(schema, '<doc n="1" t="ab"/>'), ['value of attribute "t" is invalid; "ab" must be equal to "  a   b "']);
    });

    it('mixed content: text anywhere between the elements, none where only elements are allowed', () => {
      const schema = schemaOf(element('doc', '<mixed><zeroOrMore><element name="b"><empty/></element></zeroOrMore></mixed><element name="end"><empty/></element>'));
      assert.deepEqual(messagesOf(schema, '<doc>one <b/> two <b/> three<end/></doc>'), []);
      assert.deepEqual(messagesOf(schema, '<doc><end/>after</doc>'), ['text not allowed here; expected the element end-tag']);
    });

    it('an element holding only data: its whole text, whitespace included, is the value', () => {
      const schema = schemaOf(element('doc', `<element name="d"><data type="date" ${XSD}/></element>`));
      assert.deepEqual(messagesOf(schema, '<doc><d> 2024-02-29 </d></doc>'), []);
      assert.deepEqual(messagesOf(schema, '<doc><d>2023-02-29</d></doc>'), ['character content of element "d" invalid; "2023-02-29" must be an ISO date (YYYY-MM-DD)']);
      assert.deepEqual(messagesOf(schema, '<doc><d/></doc>'), ['character content of element "d" invalid; empty content must be an ISO date (YYYY-MM-DD)']);
    });

    it('attribute wildcards with except, repeated', () => {
      const schema = schemaOf(element('doc', '<zeroOrMore><attribute><anyName><except><nsName ns=""/></except></anyName></attribute></zeroOrMore>', 'xmlns:x="urn:x"'));
      assert.deepEqual(messagesOf(schema, '<doc xmlns:x="urn:x" x:a="1" x:b="2"/>'), []);
      assert.deepEqual(messagesOf(schema, '<doc plain="1"/>'), ['attribute "plain" not allowed here; expected an attribute from another namespace']);
    });

    it('QName values are compared by namespace, in the context of each side', () => {
      const schema = schemaOf(element('doc', `<attribute name="type"><value type="QName" ${XSD} xmlns:s="urn:s">s:thing</value></attribute>`));
      assert.deepEqual(messagesOf(schema, '<doc xmlns:d="urn:s" type="d:thing"/>'), []);
      assert.equal(messagesOf(schema, '<doc xmlns:s="urn:other" type="s:thing"/>').length, 1);
    });

    it('names in two namespaces and in none, met in turn, are told apart', () => {
      const schema = schemaOf(`<element name="doc" ns="urn:a" ${RNG}><element name="x" ns="urn:a"><attribute name="t" ns="urn:b"/></element><element name="x" ns="urn:b"><attribute name="t"/></element><element name="x" ns=""><empty/></element></element>`);
      assert.deepEqual(messagesOf(schema, '<doc xmlns="urn:a" xmlns:b="urn:b"><x b:t="1"/><b:x t="2"/><x xmlns=""/></doc>'), []);
      assert.deepEqual(messagesOf(schema, '<doc xmlns="urn:a" xmlns:b="urn:b"><x t="1"/><b:x b:t="2"/><x xmlns=""/></doc>'), [
        'attribute "t" not allowed here; expected attribute "b:t"', 'element "x" missing required attribute "b:t"',
        'attribute "b:t" not allowed here; expected attribute "t"', 'element "b:x" missing required attribute "t"',
      ]);
      assert.deepEqual(messagesOf(schema, '<doc xmlns="urn:a" xmlns:b="urn:b"><x b:t="1"/><b:x t="2"/><x/></doc>'), [
        'element "x" not allowed here; expected element "{}x"', 'element "x" missing required attribute "b:t"', 'element "doc" incomplete; missing required element "{}x"',
      ]);
    });

    it('a choice between an attribute and an element', () => {
      const schema = schemaOf(element('doc', '<choice><attribute name="title"/><element name="title"><text/></element></choice>'));
      assert.deepEqual(messagesOf(schema, '<doc title="x"/>'), []);
      assert.deepEqual(messagesOf(schema, '<doc><title>x</title></doc>'), []);
      assert.equal(messagesOf(schema, '<doc title="x"><title>y</title></doc>').length, 1);
    });
  });

  describe('IDs (DTD compatibility)', () => {
    const schema = schemaOf(element('doc', `<zeroOrMore><element name="p"><optional><attribute name="id"><data type="ID"/></attribute></optional><optional><attribute name="ref"><data type="IDREFS"/></attribute></optional><text/></element></zeroOrMore>`, `${XSD}`));

    it('refuses an ID used twice, pointing at both', () => {
      assert.deepEqual(errorsOf(schema, '<doc>\n<p id="a"/>\n<p id="a"/></doc>'), ['3:2 the ID "a" is already defined (at 2:2); an ID must be unique in the document']);
    });

    it('refuses an IDREF to no ID, and accepts one to an ID defined later', () => {
      assert.deepEqual(messagesOf(schema, '<doc><p ref="b a"/><p id="a"/></doc>'), ['IDREF "b" refers to no ID in the document']);
    });

    it('checks an attribute only on the elements whose schema gives it an ID-type', () => {
      const typedOnOne = schemaOf(element('doc', `<zeroOrMore><choice><element name="p"><attribute name="id"><data type="ID"/></attribute></element><element name="q"><attribute name="id"/><optional><attribute name="late"/></optional></element></choice></zeroOrMore>`, XSD));
      assert.deepEqual(messagesOf(typedOnOne, '<doc><q id="a"/><q id="a" late="x"/><p id="a"/></doc>'), []);
      assert.deepEqual(messagesOf(typedOnOne, '<doc><p id="a"/><q id="a"/><p id="a"/></doc>'), ['the ID "a" is already defined (at 1:7); an ID must be unique in the document']);
    });

    it('refuses a schema that types one attribute of one element two ways', () => {
      assert.throws(() => schemaOf(element('doc', `<element name="p"><attribute name="id"><data type="ID"/></attribute></element><element name="p"><attribute name="id"><data type="string"/></attribute></element>`, XSD)), /different ID-types/);
    });
  });

  describe('messages and recovery', () => {
    const schema = schemaOf(`<grammar ${RNG}>
      <start><element name="doc"><element name="head"><attribute name="lang"/><text/></element><oneOrMore><ref name="section"/></oneOrMore></element></start>
      <define name="section"><element name="section"><element name="title"><text/></element><zeroOrMore><choice><ref name="section"/><element name="p"><text/></element></choice></zeroOrMore></element></define>
    </grammar>`);

    it('accepts a valid document', () => {
      assert.deepEqual(errorsOf(schema, '<doc><head lang="en">x</head><section><title>t</title><p>a</p><section><title>u</title></section></section></doc>'), []);
    });

    // Places are those of the element's name in its start tag (of the text, for text).
    it('reports every error of a document, once each, where each happens', () => {
      const xml = [
        '<doc>',
        '<head>x</head>',
        '<section><p>no title yet</p></section>',
        '<section><title>t</title><para>unknown</para></section>',
        '<section><title>t</title>text here</section>',
        '</doc>',
      ].join('\n');
      assert.deepEqual(errorsOf(schema, xml), [
        '2:2 element "head" missing required attribute "lang"',
        '3:11 element "p" not allowed yet; missing required element "title"',
        '4:27 element "para" not allowed anywhere; expected the element end-tag or element "p" or "section"',
        '5:26 text not allowed here; expected the element end-tag or element "p" or "section"',
      ]);
    });

    it('checks a misplaced element as the element of that name elsewhere in the schema', () => {
      assert.deepEqual(errorsOf(schema, '<doc><head lang="en">x</head><section><title>t</title></section><title><p/></title></doc>'), [
        '1:66 element "title" not allowed here; expected the element end-tag or element "section"',
        '1:73 element "p" not allowed here; expected the element end-tag or text',
      ]);
    });

    it('says what an incomplete element misses', () => {
      assert.deepEqual(messagesOf(schema, '<doc><head lang="en">x</head></doc>'), ['element "doc" incomplete; missing required element "section"']);
    });

    it('names an attribute nothing allows, and lists the ones allowed', () => {
      assert.deepEqual(messagesOf(schema, '<doc><head colour="red" lang="en">x</head><section><title>t</title></section></doc>'), [
        'attribute "colour" not allowed here; expected attribute "lang"',
      ]);
      assert.deepEqual(messagesOf(schema, '<doc colour="red"><head lang="en">x</head><section><title>t</title></section></doc>'), [
        'found attribute "colour", but no attributes are allowed here',
      ]);
    });

    it('cuts long lists of expected names', () => {
      const many = Array.from({ length: 20 }, (_, i) => `<element name="e${String(i).padStart(2, '0')}"><empty/></element>`).join('');
      const wide = schemaOf(element('doc', `<choice>${many}</choice>`));
      assert.deepEqual(messagesOf(wide, '<doc><x/></doc>'), [
        'element "x" not allowed anywhere; expected element "e00", "e01", "e02", "e03", "e04", "e05", "e06", "e07", "e08", "e09", "e10", "e11", … (8 more)',
        'element "doc" incomplete; expected element "e00", "e01", "e02", "e03", "e04", "e05", "e06", "e07", "e08", "e09", "e10", "e11", … (8 more)',
      ]);
    });
  });
});
