/**
 * What the TEI Consortium's Stylesheets show and samizdat's page lost, found by
 * rendering the Stylesheets' own test files (Test/test.xml, test20.xml,
 * testxi.xml) with both and comparing what a reader sees:
 * - a list inside a paragraph ("a sequence of items forming a list", TEI) ran
 *   on as the paragraph's words, its items apart by a space only;
 * - a quotation with @rend="display" (set off from the running text) stayed in
 *   the line, only without its quotation marks;
 * - @rend values color(red), normalweight, strikedoublethrough had no effect;
 * - in the plain text, a ptr to an address outside the document (the page
 *   shows the address) read as nothing: "project sites (eg )", and so did
 *   the search records;
 * - a binaryObject (an inline picture, Base64) printed its Base64 as words of
 *   the paragraph, the plain text and the search (test22.xml).
 */
import { strict as assert } from 'node:assert';
import { readFile } from 'node:fs/promises';
import { toHtml, toText } from '../../src/transform/index.js';
import { attribute, viewParagraphs, withClass } from '../support/page-views.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';
import { passageWords, searchRecords } from '../support/records.js';

const doc = (body: string): TeiSource => teiDoc({ file: 'parity.xml', title: 'Parity', body });
const words = (e: Parameters<typeof attribute>[0]): string => {
  const text = (n: typeof e.childNodes[number]): string => ('value' in n && n.nodeName === '#text' ? String(n.value) : 'childNodes' in n ? n.childNodes.map(text).join('') : '');
  return text(e).replace(/\s+/g, ' ').trim();
};
const css = async (): Promise<string> => readFile(new URL('../../xslt/html/samizdat.css', import.meta.url), 'utf8');

describe('what the TEI Stylesheets show, on samizdat\'s page and in its plain text', function () {
  this.timeout(300_000);

  it('sets out a list inside a paragraph as a list: role list, its items listitems, numbered when ordered', async () => {
    const body = '<p>Our presence consists of: <list type="ordered"><item>the main site</item><item>project sites</item></list>'
      + ' and <list><item>one</item><item>two</item></list> then more.</p>';
    const page = await toHtml(doc(body));
    const lists = withClass(page, 'list-in-phrase');
    assert.equal(lists.length, 2, 'both lists set out');
    assert.deepEqual(lists.map((l) => [attribute(l, 'role'), attribute(l, 'class')]), [
      ['list', 'tei-list rend-ordered list-in-phrase list-ordered'],
      ['list', 'tei-list list-in-phrase'],
    ]);
    const items = lists.map((l) => l.childNodes.filter((n) => 'tagName' in n).map((n) => [attribute(n as typeof l, 'role'), words(n as typeof l)]));
    assert.deepEqual(items, [
      [['listitem', 'the main site'], ['listitem', 'project sites']],
      [['listitem', 'one'], ['listitem', 'two']],
    ]);
    // Still one paragraph of the page, its words in order.
    assert.deepEqual(viewParagraphs(page, 'reading'), ['Our presence consists of: the main site project sites and one two then more.']);
    const style = await css();
    assert.match(style, /span\.list-in-phrase \{[^}]*display: block/);
    assert.match(style, /span\.list-in-phrase > \[role="listitem"\] \{[^}]*display: list-item/);
    assert.match(style, /span\.list-in-phrase\.list-ordered > \[role="listitem"\] \{[^}]*list-style-type: decimal/);
    // The plain text had the items as lines of their own already; it keeps them.
    assert.equal(await toText(doc(body)), 'Our presence consists of:\n\nthe main site\n\nproject sites\n\nand\n\none\n\ntwo\n\nthen more.\n');
  });

  it('leaves a list in a note in the line as the note\'s words, and an inline list in its paragraph', async () => {
    const page = await toHtml(doc('<p>A<note place="inline"><list><item>x</item><item>y</item></list></note> and <list rend="inline"><item>p</item><item>q</item></list>.</p>'));
    assert.equal(withClass(page, 'list-in-phrase').length, 0);
  });

  it('sets apart a quotation displayed by its @rend, without quotation marks, on the page; in the plain text its words', async () => {
    const body = '<p>Another quotation: <quote rend="display">This is a block quote set off from the rest</quote> and <quote>an inline one</quote>.</p>';
    const page = await toHtml(doc(body));
    const displayed = withClass(page, 'quote-display');
    assert.deepEqual(displayed.map((q) => [q.tagName, words(q)]), [['span', 'This is a block quote set off from the rest']]);
    assert.deepEqual(viewParagraphs(page, 'reading'), ['Another quotation: This is a block quote set off from the rest and “an inline one”.']);
    assert.match(await css(), /span\.quote-display \{[^}]*display: block/);
    assert.equal((await toText(doc(body))).trim(), 'Another quotation: This is a block quote set off from the rest and “an inline one”.');
  });

  it('reads @rend color(red), normalweight and strikedoublethrough', async () => {
    const page = await toHtml(doc('<p><hi rend="color(red)">red</hi> <hi rend="normalweight">plain</hi> <hi rend="strikedoublethrough">gone</hi></p>'));
    assert.deepEqual(withClass(page, 'tei-hi').map((e) => attribute(e, 'class')), [
      'tei-hi typo-red',
      'tei-hi rend-normalweight typo-normalweight',
      'tei-hi rend-strikedoublethrough typo-doublestrike',
    ]);
    const style = await css();
    assert.match(style, /\.typo-normalweight \{ font-weight: normal; \}/);
    assert.match(style, /\.typo-doublestrike \{ text-decoration: line-through double; \}/);
  });

  it('keeps in the plain text the address a ptr (or an empty ref) points to outside the document, as the page shows it', async () => {
    const body = '<div xml:id="d1"><head>Part one</head><p>Project sites (eg <ptr target="http://damaro.example.org/"/>), see also '
      + '<ref target="https://www.example.com/x"/> and <ref target="https://www.example.com/y">the y page</ref>.</p></div>';
    const page = await toHtml(doc(body));
    assert.deepEqual(viewParagraphs(page, 'reading'), ['Project sites (eg http://damaro.example.org/), see also https://www.example.com/x and the y page.']);
    assert.equal(await toText(doc(body)), 'Part one\n\nProject sites (eg http://damaro.example.org/), see also https://www.example.com/x and the y page.\n');
    assert.deepEqual(await passageWords(doc(body)), ['Part one', 'Project sites (eg http://damaro.example.org/), see also https://www.example.com/x and the y page.']);
  });

  it('shows a binaryObject holding a picture as the picture, and never its Base64 as words', async () => {
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    const body = `<p>A dot: <figure><binaryObject mimeType="image/png">\n${png.slice(0, 40)}\n${png.slice(40)}\n</binaryObject><figDesc>a black dot</figDesc></figure> and`
      + ' a sound: <binaryObject mimeType="audio/mpeg">SUQzBAAAAAAA</binaryObject>; a script: <binaryObject mimeType="image/svg+xml">PHN2Zz48L3N2Zz4=</binaryObject>.</p>';
    const page = await toHtml(doc(body));
    const objects = withClass(page, 'tei-binaryObject');
    assert.deepEqual(objects.map((e) => [e.tagName, attribute(e, 'src'), attribute(e, 'alt'), words(e)]), [
      ['img', `data:image/png;base64,${png}`, 'a black dot', ''],
      ['span', undefined, undefined, '[embedded audio/mpeg]'],
      ['span', undefined, undefined, '[embedded image/svg+xml]'],
    ]);
    assert.doesNotMatch(page, /SUQzBAAAAAAA|PHN2Zz48L3N2Zz4=/);
    assert.equal((await toText(doc(body))).replace(/\s+/g, ' ').trim(), 'A dot: a black dot and a sound: ; a script: .');
    assert.doesNotMatch(JSON.stringify((await searchRecords(doc(body))).passages), /iVBOR|SUQz|PHN2/);
  });
});
