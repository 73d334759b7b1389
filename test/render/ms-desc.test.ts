/**
 * msDesc "contains a description of a single identifiable manuscript" (TEI
 * Guidelines): its msIdentifier (settlement, repository, idno …) and the
 * msItems of its msContents are data with no punctuation of their own, which
 * the page, the plain text and the search ran together ("OxfordBodleian
 * LibraryMS Bodley 34fols. 1r-10vAnon.Seinte Marherete"); in the header's
 * sourceDesc it was cut up as a citation (its titles first, then the rest
 * run together). The identifier is one line, its parts joined by ", "; an
 * item one line, its locus before ": "; the other parts blocks of their own.
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';
import { passageWords } from '../support/records.js';

const MS = '<msDesc>\n <msIdentifier>\n  <settlement>Oxford</settlement>\n  <repository>Bodleian Library</repository>\n  <idno>MS Bodley 34</idno>\n </msIdentifier>'
  + '<msContents><msItem n="1"><locus>fols. 1r-10v</locus> <author>Anon.</author> <title>Seinte Marherete</title></msItem>'
  + '<msItem n="2"><locus>fols. 11r-20v</locus><title>Hali Meiðhad</title></msItem></msContents>'
  + '<physDesc><objectDesc form="codex"><supportDesc material="perg"><support><p>Parchment.</p></support></supportDesc></objectDesc></physDesc>'
  + '<history><origin>Written in the West Midlands, <origDate>c. 1225</origDate>.</origin></history></msDesc>';

const doc = (body: string): TeiSource => teiDoc({ file: 'ms.xml', title: 'Manuscript', body });
const LINES = ['Oxford, Bodleian Library, MS Bodley 34', 'fols. 1r-10v: Anon. Seinte Marherete', 'fols. 11r-20v: Hali Meiðhad',
  'Support: Parchment.', 'Written in the West Midlands, c. 1225.'];

/** The words of the page's paragraphs of class $name, tags taken out. */
const lines = (html: string, name: string): string[] => [...html.matchAll(new RegExp(`<p class="${name}"[^>]*>([\\s\\S]*?)</p>`, 'g'))]
  .map(([, inner]) => inner.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim());

describe('a manuscript description (msDesc) reads as a description', function () {

  it('gives the identifier and each item a line of their own, their parts joined, on the page', async () => {
    const page = await toHtml(doc(`<div><p>Before.</p>${MS}<p>After.</p></div>`));
    assert.deepEqual(lines(page, 'tei-msIdentifier'), [LINES[0]]);
    assert.deepEqual(lines(page, 'tei-msItem'), [LINES[1], LINES[2]]);
    assert.deepEqual(lines(page, 'tei-origin'), [LINES[4]]);
    assert.match(page, /<span class="tei-settlement">Oxford<\/span>, <span class="tei-repository">/, 'the parts keep their own rendering');
  });

  it('gives the same lines to the plain text and the search records', async () => {
    const body = `<div><p>Before.</p>${MS}<p>After.</p></div>`;
    assert.deepEqual((await toText(doc(body))).trim().split('\n\n'), ['Before.', ...LINES, 'After.']);
    // The support labelled as on the page and in the plain text (as the description's other physical parts are).
    assert.deepEqual(await passageWords(doc(body)), ['Before.', ...LINES, 'After.']);
  });

  // views39: the extent was a span after the support's div, its dimensions run together ("ii + 143 leaves172124").
  it('puts the extent with the support, each a line that says what it is, on the page and in the plain text', async () => {
    const body = '<div><msDesc><msIdentifier><idno>MS 1</idno></msIdentifier><physDesc><objectDesc><supportDesc material="perg">'
      + '<support><p>Parchment.</p></support><extent>ii + 143 leaves<dimensions unit="mm"><height>172</height><width>124</width></dimensions></extent>'
      + '<foliation><p>Modern foliation.</p></foliation></supportDesc></objectDesc></physDesc></msDesc></div>';
    const page = await toHtml(doc(body));
    assert.deepEqual(lines(page, 'tei-support'), ['Support: Parchment.']);
    assert.deepEqual(lines(page, 'tei-extent'), ['Extent: ii + 143 leaves, 172 × 124 mm']);
    assert.match(page, /<p class="tei-support">[\s\S]*?<\/p><p class="tei-extent">/, 'the extent next to the support, a line as it is');
    assert.deepEqual((await toText(doc(body))).trim().split('\n\n'), ['MS 1', 'Support: Parchment.', 'Extent: ii + 143 leaves, 172 × 124 mm', 'Foliation: Modern foliation.']);
  });

  it('adds nothing where the encoding words the identifier itself', async () => {
    const body = '<div><msDesc><msIdentifier><settlement>Oxford</settlement>, <repository>Bodleian</repository>: <idno>MS 1</idno></msIdentifier></msDesc></div>';
    assert.equal((await toText(doc(body))).trim(), 'Oxford, Bodleian: MS 1');
  });

  it('shows a description in the header\'s sourceDesc as a description, not as a citation', async () => {
    const { text } = doc('<p>Text.</p>');
    const page = await toHtml({ file: 'ms.xml', text: text.replace('<sourceDesc><p>Made up.</p></sourceDesc>', `<sourceDesc>${MS}</sourceDesc>`) });
    const about = page.slice(page.indexOf('<section id="about"'));
    assert.deepEqual(lines(about, 'tei-msIdentifier'), [LINES[0]]);
    assert.deepEqual(lines(about, 'tei-msItem'), [LINES[1], LINES[2]]);
    assert.doesNotMatch(about, /<cite>Seinte Marherete<\/cite>/, 'no titles drawn out in front');
  });
});
