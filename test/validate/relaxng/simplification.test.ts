/**
 * Reading and simplifying schemas (RELAX NG sections 4 and 7): what makes a
 * schema incorrect is refused with the place and the reason, and what
 * simplification resolves (include, externalRef, combine, parentRef, ns and
 * datatypeLibrary inheritance) gives the grammar the spec says.
 */
import { strict as assert } from 'node:assert';
import { IncorrectSchema } from '../../../src/validate/relaxng/index.js';
import { messagesOf, RNG, schemaOf, XSD } from '../../support/relaxng.js';

function incorrect(schema: string, others: Record<string, string> = {}): IncorrectSchema {
  try {
    schemaOf(schema, others);
  } catch (err) {
    if (err instanceof IncorrectSchema) return err;
    throw err;
  }
  assert.fail('the schema was accepted');
}

const grammar = (body: string, attributes = ''): string => `<grammar ${RNG} ${attributes}>${body}</grammar>`;

describe('RELAX NG simplification', () => {
  describe('include and externalRef', () => {
    const included = grammar(`
      <start><ref name="doc"/></start>
      <define name="doc"><element name="doc"><ref name="item"/></element></define>
      <define name="item"><element name="a"><empty/></element></define>`);

    it('replaces the included definitions an include overrides, and keeps the others', () => {
      const schema = schemaOf(grammar('<include href="base.rng"><define name="item"><element name="b"><empty/></element></define></include>'), { 'base.rng': included });
      assert.deepEqual(messagesOf(schema, '<doc><b/></doc>'), []);
      assert.deepEqual(messagesOf(schema, '<doc><a/></doc>'), ['element "a" not allowed anywhere; expected element "b"', 'element "doc" incomplete; missing required element "b"']);
    });

    it('refuses an include that overrides a definition the included grammar lacks, naming it', () => {
      const err = incorrect(grammar('<include href="base.rng"><define name="nothing"><empty/></define></include>'), { 'base.rng': included });
      assert.match(err.message, /redefines "nothing", but .*base\.rng has no definition/);
      assert.equal(err.at?.line, 1);
    });

    it('refuses an include of a file whose root is not a grammar', () => {
      assert.match(incorrect(grammar('<include href="el.rng"/>'), { 'el.rng': `<element name="x" ${RNG}><empty/></element>` }).message, /root must be <grammar>/);
    });

    it('refuses an include loop', () => {
      const loop = grammar('<include href="schema.rng"/><start><empty/></start>');
      assert.match(incorrect(loop).message, /refers back to itself/);
    });

    it('gives an externalRef the ns in effect where it stands, and resolves href against xml:base', () => {
      const schema = schemaOf(`<element name="root" ns="urn:x" ${RNG}><externalRef xml:base="sub/" href="child.rng"/></element>`, {
        'sub/child.rng': `<element name="c" ${RNG}><empty/></element>`,
      });
      assert.deepEqual(messagesOf(schema, '<root xmlns="urn:x"><c/></root>'), []);
      assert.deepEqual(messagesOf(schema, '<root xmlns="urn:x"><c xmlns=""/></root>'), [
        'element "c" not allowed anywhere; expected element "{urn:x}c"',
        'element "root" incomplete; missing required element "c"',
      ]);
    });
  });

  describe('definitions', () => {
    it('combines definitions by choice and by interleave', () => {
      const schema = schemaOf(grammar(`
        <start><element name="doc"><ref name="content"/></element></start>
        <define name="content" combine="interleave"><element name="a"><empty/></element></define>
        <define name="content" combine="interleave"><element name="b"><empty/></element></define>`));
      assert.deepEqual(messagesOf(schema, '<doc><b/><a/></doc>'), []);
      assert.deepEqual(messagesOf(schema, '<doc><a/></doc>'), ['element "doc" incomplete; missing required element "b"']);
    });

    it('refuses two definitions without combine, and conflicting combine methods', () => {
      assert.match(incorrect(grammar('<start><ref name="a"/></start><define name="a"><element name="a"><empty/></element></define><define name="a"><element name="b"><empty/></element></define>')).message, /more than once without a "combine"/);
      assert.match(incorrect(grammar('<start><ref name="a"/></start><define name="a" combine="choice"><element name="a"><empty/></element></define><define name="a" combine="interleave"><element name="b"><empty/></element></define>')).message, /both by "choice" and by "interleave"/);
    });

    it('refuses a reference loop that passes through no element, but not one through an element', () => {
      assert.match(incorrect(grammar('<start><element name="doc"><ref name="a"/></element></start><define name="a"><choice><empty/><ref name="a"/></choice></define>')).message, /refers to itself without an element/);
      const nested = schemaOf(grammar('<start><ref name="a"/></start><define name="a"><element name="a"><optional><ref name="a"/></optional></element></define>'));
      assert.deepEqual(messagesOf(nested, '<a><a><a/></a></a>'), []);
    });

    it('refuses a reference to no definition, even in a definition nothing uses', () => {
      assert.match(incorrect(grammar('<start><element name="doc"><empty/></element></start><define name="unused"><ref name="missing"/></define>')).message, /refers to no definition/);
    });

    it('resolves parentRef to the enclosing grammar', () => {
      const schema = schemaOf(grammar(`
        <start><element name="doc"><grammar><start><parentRef name="leaf"/></start></grammar></element></start>
        <define name="leaf"><element name="leaf"><empty/></element></define>`));
      assert.deepEqual(messagesOf(schema, '<doc><leaf/></doc>'), []);
    });

    it('refuses a grammar without start', () => {
      assert.match(incorrect(grammar('<define name="a"><element name="a"><empty/></element></define>')).message, /has no <start>/);
    });
  });

  describe('names, namespaces and datatypes', () => {
    it('inherits ns into element names but not into attribute names given by attribute', () => {
      const schema = schemaOf(`<element name="doc" ns="urn:x" ${RNG}><attribute name="a"/><element name="b"><empty/></element></element>`);
      assert.deepEqual(messagesOf(schema, '<doc xmlns="urn:x" a="1"><b/></doc>'), []);
      assert.equal(messagesOf(schema, '<doc xmlns="urn:x" xmlns:x="urn:x" x:a="1"><b/></doc>').length, 2);
    });

    it('resolves a QName in a name with the prefixes in scope, and refuses an undeclared prefix', () => {
      const schema = schemaOf(`<element xmlns:e="urn:e" name="e:doc" ${RNG}><empty/></element>`);
      assert.deepEqual(messagesOf(schema, '<doc xmlns="urn:e"/>'), []);
      assert.match(incorrect(`<element name="u:doc" ${RNG}><empty/></element>`).message, /prefix "u" of "u:doc" is not declared/);
    });

    it('checks datatypes also where simplification would drop them (unreachable, notAllowed)', () => {
      assert.match(incorrect(grammar(`<start><element name="doc"><empty/></element></start><define name="unused"><data type="nonsense" ${XSD}/></define>`)).message, /"nonsense" is not a datatype/);
      assert.match(incorrect(`<element name="doc" ${RNG}><choice><notAllowed/><data type="integer" ${XSD}><param name="colour">red</param></data></choice></element>`).message, /"colour" is not a parameter/);
    });

    it('refuses an unknown datatype library where it is used, not where it is only declared', () => {
      assert.match(incorrect(`<element name="doc" datatypeLibrary="urn:unknown" ${RNG}><data type="x"/></element>`).message, /library "urn:unknown" is not one samizdat knows/);
      assert.ok(schemaOf(`<element name="doc" datatypeLibrary="urn:unknown" ${RNG}><text/></element>`));
    });

    it('refuses a relative datatypeLibrary URI and one with a fragment', () => {
      assert.match(incorrect(`<element name="doc" datatypeLibrary="relative/path" ${RNG}><text/></element>`).message, /must be an absolute URI/);
      assert.match(incorrect(`<element name="doc" datatypeLibrary="http://example.com/#x" ${RNG}><text/></element>`).message, /without a fragment/);
    });

    it('refuses attributes named xmlns or in the xmlns namespace', () => {
      assert.match(incorrect(`<element name="doc" ${RNG}><attribute name="xmlns"/></element>`).message, /cannot be named "xmlns"/);
    });

    it('refuses foreign elements inside name, value and param, and text where RELAX NG has none', () => {
      assert.match(incorrect(`<element ${RNG}><name>doc<x:note xmlns:x="urn:x"/></name><empty/></element>`).message, /only text/);
      assert.match(incorrect(`<element name="doc" ${RNG}><empty/>stray</element>`).message, /cannot contain text/);
    });
  });

  describe('restrictions (section 7)', () => {
    const refused: Record<string, [string, RegExp]> = {
      'an attribute in the start pattern': [`<attribute name="a" ${RNG}/>`, /start pattern cannot contain "attribute"/],
      'an element inside an attribute': [`<element name="doc" ${RNG}><attribute name="a"><element name="b"><empty/></element></attribute></element>`, /attribute cannot contain an element/],
      'a repeated group of attributes': [`<element name="doc" ${RNG}><oneOrMore><attribute name="a"/><attribute name="b"/></oneOrMore></element>`, /oneOrMore\/\/group\/\/attribute/],
      'a list inside a list': [`<element name="doc" ${RNG}><list><list><text/></list></list></element>`, /list cannot contain "list"/],
      'data grouped with an element': [`<element name="doc" ${RNG}><data type="string"/><element name="b"><empty/></element></element>`, /section 7\.2/],
      'repeated data outside a list': [`<element name="doc" ${RNG}><oneOrMore><data type="token"/></oneOrMore></element>`, /cannot be repeated/],
      'a duplicate attribute': [`<element name="doc" ${RNG}><attribute name="a"/><optional><attribute name="a"/></optional></element>`, /same attribute can occur twice/],
      'an unrepeated attribute wildcard': [`<element name="doc" ${RNG}><attribute><anyName/></attribute></element>`, /inside a oneOrMore/],
      'the same element on both sides of an interleave': [`<element name="doc" ${RNG}><interleave><element name="a"><empty/></element><optional><element name="a"><text/></element></optional></interleave></element>`, /both halves of an interleave/],
      'text on both sides of an interleave': [`<element name="doc" ${RNG}><interleave><text/><mixed><element name="a"><empty/></element></mixed></interleave></element>`, /both halves of an interleave contain text/],
    };
    for (const [what, [schema, message]] of Object.entries(refused)) {
      it(`refuses ${what}`, () => assert.match(incorrect(schema).message, message));
    }

    it('applies them after notAllowed is propagated (a dropped branch breaks nothing)', () => {
      assert.ok(schemaOf(`<element name="doc" ${RNG}><choice><group><data type="string"/><element name="b"><notAllowed/></element><notAllowed/></group><text/></choice></element>`));
    });
  });
});
