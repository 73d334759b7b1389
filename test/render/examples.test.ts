/**
 * egXML "contains a single well-formed XML fragment demonstrating the use of
 * some XML", in the namespace http://www.tei-c.org/ns/Examples so that it is
 * not read as TEI; eg "contains any kind of illustrative example" (TEI
 * Guidelines). Both were rendered as the text they illustrate: an egXML's
 * markup lost (its p a span, its persName a name), an eg's lines run
 * together. They are code now: escaped, white space kept, in pre/code. gi
 * ("the name of an element"), att ("the name of an attribute") and tag (a
 * tag "excluding the opening and closing markup delimiter characters") are
 * given their delimiters: <name>, @name, <name …/> by tag's @type.
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { personRegister, teiDoc, type TeiSource } from '../support/tei-doc.js';
import { passageWords } from '../support/records.js';

const doc = (body: string): TeiSource => teiDoc({ file: 'examples.xml', title: 'Examples', body, header: personRegister([['bob', 'Bob']]) });

const EGXML = '<egXML xmlns="http://www.tei-c.org/ns/Examples">\n    <p>Said <persName ref="#bob">Bob</persName> &amp;\n      <hi rend="italic">so</hi>.</p>\n    <!-- a note -->\n  </egXML>';
const EGXML_CODE = '<p>Said <persName ref="#bob">Bob</persName> &amp;\n  <hi rend="italic">so</hi>.</p>\n<!-- a note -->';
const EG = '<eg>if (a &lt; b)\n  return;</eg>';

/** The text of each pre > code of the page, as a reader reads it (the page's escapes undone). */
const codeBlocks = (page: string): string[] => [...page.matchAll(/<pre class="[^"]*"><code>([\s\S]*?)<\/code><\/pre>/g)]
  .map(([, inner]) => inner.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&'));

describe('examples (egXML, eg) and element and attribute names (gi, att, tag) as code', function () {

  it('shows an egXML as its markup, escaped, white space kept, and links nothing in it', async () => {
    const page = await toHtml(doc(`<div><p>Before.</p>${EGXML}${EG}<p>After.</p></div>`));
    assert.deepEqual(codeBlocks(page), [EGXML_CODE, 'if (a < b)\n  return;']);
    assert.match(page, /<pre class="tei-egXML example"><code>&lt;p&gt;Said &lt;persName ref="#bob"&gt;/);
    assert.doesNotMatch(page, /class="entity/, 'the persName of an example is no mention');
    assert.doesNotMatch(page, /tei-persName|tei-hi/);
  });

  it('gives the plain text the example as code, and the search its markup', async () => {
    const body = `<div><p>Before.</p>${EGXML}${EG}<p>After.</p></div>`;
    assert.deepEqual((await toText(doc(body))).trim().split('\n\n'), ['Before.', EGXML_CODE, 'if (a < b)\n  return;', 'After.']);
    assert.deepEqual(await passageWords(doc(body)), ['Before.', EGXML_CODE.replace(/\s+/g, ' '), 'if (a < b) return;', 'After.']);
  });

  it('leaves an example\'s xml:ids to the example: the document\'s element of the same id keeps it', async () => {
    const page = await toHtml(doc('<div><egXML xmlns="http://www.tei-c.org/ns/Examples"><seg xml:id="x">shown</seg></egXML>'
      + '<p>A <seg xml:id="x">real</seg> one, <ptr target="#x"/>.</p></div>'));
    assert.match(page, /<span class="tei-seg" id="x">real<\/span>/);
  });

  it('writes gi as <name>, att as @name, and a tag with the delimiters of its @type', async () => {
    const body = '<p><gi>persName</gi>, <att>ref</att>, <tag>hi rend="x"</tag>, <tag type="end">hi</tag>, <tag type="empty">lb</tag>, <val>#x</val>.</p>';
    const page = await toHtml(doc(body));
    assert.match(page, /<code class="tei-gi">&lt;persName&gt;<\/code>, <code class="tei-att">@ref<\/code>, <code class="tei-tag">&lt;hi rend="x"&gt;<\/code>, <code class="tei-tag[^"]*">&lt;\/hi&gt;<\/code>, <code class="tei-tag[^"]*">&lt;lb\/&gt;<\/code>, <code class="tei-val">#x<\/code>/);
    assert.equal((await toText(doc(body))).trim(), '<persName>, @ref, <hi rend="x">, </hi>, <lb/>, #x.');
  });
});
