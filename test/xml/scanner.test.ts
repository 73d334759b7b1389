/**
 * samizdat's XML scanner against saxes, the parser it replaced for reading
 * documents: on real documents from the corpora and on thousands of
 * mutations of them (characters deleted, markup characters inserted,
 * pieces repeated), both must tell well-formed from not, and on a
 * well-formed document report the same elements, attributes and text.
 * Then each well-formedness rule on its own, with its place.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { checkDoctype } from '../../src/xml/doctype.js';
import { WellFormednessCheck, type Position, type XmlEvents, type XmlStartTag } from '../../src/xml/wellformed.js';
import { corporaDir, repoRoot } from '../support/paths.js';

/** What the grammar layer sees of a document: one line per event. */
type Events = string[];

function attributesOf(attributes: readonly { uri: string; local: string; value: string }[]): string {
  return attributes.map((a) => `{${a.uri}}${a.local}=${JSON.stringify(a.value)}`).sort().join(' ');
}

/** Through samizdat's reading layer, in chunks of `chunk` characters. */
function ours(xml: string, chunk = xml.length): { events: Events; error?: Position & { message: string } } {
  const events: Events = [];
  const sink: XmlEvents = {
    startElement: (tag: XmlStartTag) => events.push(`<{${tag.uri}}${tag.local} ${attributesOf(tag.attributes)}`),
    endElement: (uri, local) => events.push(`</{${uri}}${local}`),
    text: (text) => events.push(`text ${JSON.stringify(text)}`),
    end: () => events.push('end'),
  };
  const check = new WellFormednessCheck('doc.xml', sink);
  for (let i = 0; i < xml.length; i += chunk) check.write(xml.slice(i, i + chunk));
  const problem = check.close();
  return { events, error: problem ? { line: problem.line!, column: problem.column!, message: problem.message } : undefined };
}

/** Through saxes, with the same DOCTYPE rules, merging text as the reading layer does. */
function reference(xml: string): { events: Events; error?: string } {
  const events: Events = [];
  const parser = new SaxesParser({ xmlns: true, position: true });
  let text = '';
  let depth = 0;
  let error: string | undefined;
  const flush = (): void => {
    if (text !== '') events.push(`text ${JSON.stringify(text)}`);
    text = '';
  };
  parser.on('error', (err) => { error ??= err.message; throw err; });
  parser.on('doctype', (doctype) => {
    const verdict = checkDoctype(doctype);
    if (!verdict.ok) { error ??= verdict.message; throw new Error(verdict.message); }
    Object.assign(parser.ENTITIES, verdict.entities);
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    flush();
    depth++;
    const attributes = Object.values(tag.attributes).filter((a) => a.name !== 'xmlns' && a.prefix !== 'xmlns');
    events.push(`<{${tag.uri}}${tag.local} ${attributesOf(attributes)}`);
  });
  parser.on('closetag', (tag: SaxesTagNS) => { flush(); depth--; events.push(`</{${tag.uri}}${tag.local}`); });
  const addText = (t: string): void => { if (depth > 0) text += t; };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('end', () => events.push('end'));
  try {
    parser.write(xml).close();
  } catch {
    // the first error stops it, as in the reading layer
  }
  return { events, error };
}

/** A deterministic pseudo-random sequence (a linear congruential generator). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const MARKUP = ['<', '>', '&', '"', "'", '/', '=', ']', '-', '!', '?', ':', ';', '#', '\r', ' ', '\u0001', '&amp;', '<![CDATA[', ']]>', '<!--', '-->', '<?', '?>', 'xmlns:x="u"', 'x:a="1"', '</'];

function mutate(xml: string, next: () => number): string {
  const at = Math.floor(next() * xml.length);
  switch (Math.floor(next() * 4)) {
    case 0: return xml.slice(0, at) + xml.slice(at + 1 + Math.floor(next() * 3));
    case 1: return xml.slice(0, at) + MARKUP[Math.floor(next() * MARKUP.length)] + xml.slice(at);
    case 2: {
      const length = 1 + Math.floor(next() * 40);
      return xml.slice(0, at) + xml.slice(at, at + length) + xml.slice(at);
    }
    default: {
      const other = Math.floor(next() * xml.length);
      return xml.slice(0, at) + xml[other] + xml.slice(at + 1);
    }
  }
}

/** The start of a document, its open elements closed (by saxes' count of them). */
function closed(start: string): string {
  const cut = start.slice(0, start.lastIndexOf('>') + 1);
  const open: string[] = [];
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => { if (!tag.isSelfClosing) open.push(tag.name); });
  parser.on('closetag', (tag) => { if (!tag.isSelfClosing) open.pop(); });
  parser.write(cut);
  return cut + open.reverse().map((name) => `</${name}>`).join('');
}

const samples: Record<string, string> = {
  flagship: readFileSync(join(repoRoot, 'tei', '1923-opposition-ch01.xml'), 'utf8'),
  register: readFileSync(join(repoRoot, 'tei', 'register.xml'), 'utf8'),
  stylesheetTest: readFileSync(join(corporaDir, 'tei-stylesheets-tests', 'test6.xml'), 'utf8'),
  play: closed(readFileSync(join(corporaDir, 'shakedracor', 'tei', 'the-tempest.xml'), 'utf8').slice(0, 30_000)),
  entities: readFileSync(join(repoRoot, 'test', 'fixtures', 'validate', 'internal-entity.xml'), 'utf8'),
};

/**
 * Rules of XML saxes does not enforce and samizdat does (as Xerces, and so
 * jing, do): a DOCTYPE needs whitespace and a name (XML 1.0 [28]) and its
 * internal subset holds only declarations, so a stray quote leaves it open
 * ([28b]); a processing instruction's target is followed by whitespace or
 * "?>" ([16]); the local part of a QName is an NCName (Namespaces in XML [8]).
 */
const SAXES_LENIENT = [
  /<!DOCTYPE must be followed by whitespace and the root element's name/,
  /ends inside the DOCTYPE, which is not closed/,
  /the target of the processing instruction <\?\S* must be followed by whitespace/,
  /the part after the colon must start as a name does/,
];

describe('the XML scanner, against saxes', function () {

  for (const [name, xml] of Object.entries(samples)) {
    it(`reads ${name} as saxes does, whole and in chunks of every size up to 97 characters`, () => {
      const expected = reference(xml);
      const whole = ours(xml);
      assert.equal(expected.error, undefined);
      assert.equal(whole.error, undefined, whole.error?.message);
      assert.deepEqual(whole.events, expected.events);
      for (let chunk = 1; chunk <= 97; chunk += 8) assert.deepEqual(ours(xml, chunk).events, expected.events, `chunks of ${chunk}`);
    });
  }

  it('tells well-formed from not as saxes does on 4,000 mutations of real documents', () => {
    const next = random(20261126);
    const disagreements: string[] = [];
    let malformed = 0;
    for (const [name, xml] of Object.entries(samples)) {
      for (let n = 0; n < 800; n++) {
        let mutant = mutate(xml, next);
        if (next() < 0.3) mutant = mutate(mutant, next);
        const expected = reference(mutant);
        const got = ours(mutant, 1 + Math.floor(next() * 5000));
        if (expected.error) malformed++;
        if (!expected.error && SAXES_LENIENT.some((rule) => rule.test(got.error?.message ?? ''))) continue;
        if (Boolean(expected.error) !== Boolean(got.error)) {
          disagreements.push(`${name} #${n}: saxes ${expected.error ?? 'accepts'}; samizdat ${got.error?.message ?? 'accepts'}`);
        } else if (!expected.error) {
          // saxes trims a namespace name ("urn:x " is "urn:x" to it); Namespaces in XML does not, nor does samizdat.
          const trimmed = (events: Events): Events => events.map((e) => e.replace(/\{([^}]*)\}/g, (_, uri: string) => `{${uri.trim()}}`));
          assert.deepEqual(trimmed(got.events), trimmed(expected.events), `${name} #${n}`);
        }
      }
    }
    assert.deepEqual(disagreements, []);
    assert.ok(malformed > 1500, `only ${malformed} of the mutants are malformed: the test is too gentle`);
  });

  it('reads names as saxes does when thousands of them share the table of names seen (and its slots)', () => {
    // More distinct names than the table has slots, names that begin others, differ in one character, go on past ASCII, carry prefixes.
    const names = Array.from({ length: 3000 }, (_, i) => `n${i.toString(36)}${i % 7 === 0 ? 'é' : ''}${i % 11 === 0 ? '-x.y' : ''}`);
    const body = names.map((n, i) => `<${n} a${i % 5}="${i}" ${i % 3 === 0 ? `p:${n}="v"` : ''}>${i % 2 ? `<${n.slice(0, 2)}/>` : 'text'}</${n}>`).join('\n');
    const xml = `<root xmlns:p="urn:p">${body}${body}</root>`;
    const expected = reference(xml);
    assert.equal(expected.error, undefined);
    assert.deepEqual(ours(xml).events, expected.events);
    assert.deepEqual(ours(xml, 13).events, expected.events);
    assert.match(ours(`<root xmlns:p="urn:p">${body}<n1 a="1" a="2"/></root>`).error?.message ?? '', /the attribute a is given twice on <n1>/);
  });
});

describe('the XML scanner, rule by rule', () => {
  const refused: Record<string, [string, RegExp, number, number]> = {
    'an unclosed element': ['<a><b></b>', /ends before the element <a> is closed/, 1, 11],
    'a mismatched end tag': ['<a>\n<b></c></a>', /<\/c> does not match the start tag <b>/, 2, 6],
    'two root elements': ['<a/><b/>', /second root element/, 1, 6],
    'text before the root': ['x<a/>', /text before the root element/, 1, 1],
    'an attribute without quotes': ['<a b=c/>', /must be in quotes/, 1, 6],
    'an attribute given twice': ['<a b="1" b="2"/>', /given twice/, 1, 10],
    'attributes not separated': ['<a b="1"c="2"/>', /separated .* by whitespace/, 1, 9],
    'a bare ampersand': ['<a>fish & chips</a>', /"&" must start a reference/, 1, 9],
    'an undeclared entity': ['<a>&nbsp;</a>', /entity "&nbsp;" is not declared/, 1, 4],
    '"<" in an attribute value': ['<a b="x<y"/>', /"<" is not allowed in the value/, 1, 8],
    '"]]>" in text': ['<a>x]]>y</a>', /"]]>" is not allowed in text/, 1, 5],
    '"--" in a comment': ['<a><!-- a -- b --></a>', /"--" is not allowed inside a comment/, 1, 11],
    'a control character': ['<a>x\u0001y</a>', /U\+0001 is not allowed/, 1, 5],
    'a reference to a forbidden character': ['<a>&#0;</a>', /refers to a character XML does not allow/, 1, 4],
    'an undeclared prefix': ['<x:a/>', /prefix "x" of <x:a> is not declared/, 1, 2],
    'two attributes with one expanded name': ['<a xmlns:p="u" xmlns:q="u" p:b="1" q:b="2"/>', /same namespace and name/, 1, 2],
    'an XML declaration after the start': [' <?xml version="1.0"?><a/>', /only be at the very start/, 1, 2],
    'a DOCTYPE after the root': ['<a/><!DOCTYPE a>', /DOCTYPE must come before the root/, 1, 5],
    'CDATA outside the root': ['<![CDATA[x]]><a/>', /CDATA section can only be inside the root/, 1, 1],
    'an unclosed comment': ['<a><!-- x</a>', /ends inside a comment that is not closed/, 1, 4],
    'a second DOCTYPE': ['<!DOCTYPE a><!DOCTYPE a><a/>', /only one DOCTYPE/, 1, 13],
    'a lone surrogate': ['<a>\ud800</a>', /U\+D800 is not allowed/, 1, 4],
    'undeclaring a prefix': ['<a xmlns:p=""/>', /cannot be undeclared/, 1, 4],
    'binding xml to another namespace': ['<a xmlns:xml="urn:x"/>', /prefix xml is bound/, 1, 4],
    // End tags are compared with the open element's name before being read as names: a name it begins, or one that begins it, is another name.
    'an end tag naming the start of the open element': ['<ab></a>', /<\/a> does not match the start tag <ab>/, 1, 7],
    'an end tag naming more than the open element': ['<a></ab>', /<\/ab> does not match the start tag <a>/, 1, 6],
    'an end tag whose name goes on with "."': ['<a></a.b>', /<\/a\.b> does not match the start tag <a>/, 1, 6],
    'an end tag whose name goes on with a letter beyond ASCII': ['<a></a\u00e9>', /<\/a\u00e9> does not match the start tag <a>/, 1, 6],
    'an end tag with more than its name': ['<a></a b>', /<\/a> holds something after its name/, 1, 8],
    'a duplicate attribute after a tag with the same attributes': ['<a b="1" c="2"><d c="3" b="4" c="5"/></a>', /attribute c is given twice on <d>/, 1, 31],
    'an undeclared attribute prefix after a sibling that declared it': ['<r><a xmlns:p="u" p:b="1"/><d p:b="2"/></r>', /prefix "p" of the attribute p:b is not declared/, 1, 31],
    // Prefixes in scope are kept in a Map: a prefix named like a property every object has is not declared by it.
    'an undeclared prefix named like an object\'s property': ['<toString:a/>', /prefix "toString" of <toString:a> is not declared/, 1, 2],
    'an undeclared attribute prefix named like an object\'s property': ['<a constructor:b="1"/>', /prefix "constructor" of the attribute constructor:b is not declared/, 1, 4],
    'an undeclared prefix inside an element that declared others': ['<a xmlns="u" xmlns:p="v"><p:b/><hasOwnProperty:c/></a>', /prefix "hasOwnProperty" of <hasOwnProperty:c> is not declared/, 1, 33],
  };
  for (const [what, [xml, message, line, column]] of Object.entries(refused)) {
    it(`refuses ${what}, at its place`, () => {
      const { error } = ours(xml);
      assert.ok(error, 'accepted');
      assert.match(error.message, message);
      assert.deepEqual([error.line, error.column], [line, column]);
      assert.ok(reference(xml).error, 'saxes accepts it too: the rule is not XML\'s');
    });
  }

  it('refuses an entity holding markup (XML allows it; samizdat expands only text entities)', () => {
    const { error } = ours('<!DOCTYPE a [<!ENTITY e "&#60;b/&#62;">]><a>&e;</a>');
    assert.match(error?.message ?? '', /the entity "&e;" holds markup/);
    assert.deepEqual([error?.line, error?.column], [1, 45]);
  });

  it('gives each start tag its own attributes, and takes an end tag that names the open element with whitespace after it', () => {
    const { events, error } = ours('<r xmlns:p="u" a="1" p:b="2"><p:e c="3"/><e/><p:f\u00e9 d="&amp;"></p:f\u00e9 ></r >');
    assert.equal(error, undefined);
    assert.deepEqual(events, ['<{}r {u}b="2" {}a="1"', '<{u}e {}c="3"', '</{u}e', '<{}e ', '</{}e', '<{u}f\u00e9 {}d="&"', '</{u}f\u00e9', '</{}r', 'end']);
  });

  it('resolves prefixes in the scope of the element that declared them, and no further', () => {
    const { events, error } = ours('<r xmlns="d" xmlns:p="u"><a xmlns="" xmlns:p="v" p:x="1"><b/><p:c/></a><p:e p:y="2"/><f/></r>');
    assert.equal(error, undefined);
    assert.deepEqual(events, ['<{d}r ', '<{}a {v}x="1"', '<{}b ', '</{}b', '<{v}c ', '</{v}c', '</{}a', '<{u}e {u}y="2"', '</{u}e', '<{d}f ', '</{d}f', '</{d}r', 'end']);
  });

  it('reads a name that a chunk ends inside, or right after, whole', () => {
    const xml = '<root xmlns:q="u"><element q:attribute="1">text</element><other/></root>';
    for (let cut = 1; cut < xml.length; cut++) {
      const events: string[] = [];
      const sink: XmlEvents = {
        startElement: (tag: XmlStartTag) => events.push(`<${tag.name} ${attributesOf(tag.attributes)}`),
        endElement: (_uri, local) => events.push(`</${local}`),
        text: (text) => events.push(text),
        end: () => events.push('end'),
      };
      const check = new WellFormednessCheck('doc.xml', sink);
      check.write(xml.slice(0, cut));
      check.write(xml.slice(cut));
      assert.equal(check.close(), undefined, `cut at ${cut}`);
      assert.deepEqual(events, ['<root ', '<element {u}attribute="1"', 'text', '</element', '<other ', '</other', '</root', 'end'], `cut at ${cut}`);
    }
  });

  it('normalises line ends in text and whitespace in attribute values, and resolves references', () => {
    const { events } = ours('<a b="x\r\ny\tz &#9;&amp;">1\r\n2\r3 &lt;&#x20AC;<![CDATA[<\r\n>]]></a>');
    assert.deepEqual(events, ['<{}a {}b="x y z \\t&"', 'text "1\\n2\\n3 <€<\\n>"', '</{}a', 'end']);
  });

  it('places elements at their name, text at its first character, end tags just after them', () => {
    const places: string[] = [];
    const sink: XmlEvents = {
      startElement: (tag, at) => places.push(`<${tag.local} ${at.line}:${at.column}`),
      endElement: (_u, local, at) => places.push(`</${local} ${at.line}:${at.column}`),
      text: (text, at) => places.push(`${JSON.stringify(text)} ${at.line}:${at.column}`),
      end: (at) => places.push(`end ${at.line}:${at.column}`),
    };
    const check = new WellFormednessCheck('doc.xml', sink);
    check.write('<?xml version="1.0"?>\r\n<a>\r\n  <b x="1\n2">t<!-- c -->u</b>\n</a>\n');
    assert.equal(check.close(), undefined);
    assert.deepEqual(places, ['<a 2:2', '"\\n  " 2:4', '<b 3:4', '"tu" 4:4', '</b 4:20', '"\\n" 4:20', '</a 5:5', 'end 6:1']);
  });
});
