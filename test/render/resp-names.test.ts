/**
 * Who a pointer names. @resp ("the agency responsible"), u/@who, @hand and a
 * note's @resp point at a respStmt, an editor, a person or a handNote, and
 * the page names it. Each caller worked the name out its own way: a gap's
 * tooltip read the whole of a person ("Annie Ann Example 1800") and left out
 * an editor's role, a speaker and a note's signature took a person's first
 * name even where another is the regularised one the entity index shows.
 * Now one function (xslt/common/resp.xsl) names them all: a person by its
 * regularised name, a respStmt or an editor with what it does.
 */
import { strict as assert } from 'node:assert';
import type { DefaultTreeAdapterMap } from 'parse5';
import { toHtml, toText } from '../../src/transform/index.js';
import { withClass } from '../support/page-views.js';
import type { TeiSource } from '../support/tei-doc.js';

const doc: TeiSource = {
  file: 'resp-names.xml',
  text: '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Resp</title>'
    + '<editor xml:id="ed2">Ed Two</editor></titleStmt>'
    + '<publicationStmt><p>Test.</p></publicationStmt><sourceDesc><p>Made up.</p></sourceDesc></fileDesc>'
    + '<profileDesc><particDesc><listPerson><person xml:id="p1"><persName type="alt">Annie</persName>'
    + '<persName type="preferred">Ann Example</persName><birth>1800</birth></person></listPerson></particDesc></profileDesc></teiHeader>'
    + '<text><body><p>One <gap resp="#p1" reason="illegible"/> two <gap resp="#ed2"/> three<note resp="#p1">Her gloss.</note>.</p>'
    + '<u who="#p1">Hello.</u></body></text></TEI>',
};

type Node = DefaultTreeAdapterMap['node'];

/** The words of an element of the page, tags taken out. */
const text = (n: Node): string => n.nodeName === '#text' ? (n as DefaultTreeAdapterMap['textNode']).value
  : 'childNodes' in n ? n.childNodes.map((c) => text(c as Node)).join('') : '';
const words = (n: Node): string => text(n).replace(/\s+/g, ' ').trim();

describe('who a pointer names, named alike everywhere', function () {

  it('a gap by a person: the person’s regularised name, not all its words; by an editor: with the role', async () => {
    const page = await toHtml(doc);
    assert.deepEqual(withClass(page, 'omission-why').map(words), ['Gap by Ann Example. illegible', 'Gap by Ed Two (editor).']);
  });

  it('a speaker and a note’s signature: the regularised name, on the page and in the plain text', async () => {
    const page = await toHtml(doc);
    assert.deepEqual(withClass(page, 'tei-u').map(words), ['Ann Example: Hello.']);
    assert.deepEqual(withClass(page, 'note-by').map(words), ['— Ann Example']);
    const plain = await toText(doc);
    assert.match(plain, /^Ann Example: Hello\.$/m);
    assert.match(plain, /Her gloss\. — Ann Example$/m);
  });
});
