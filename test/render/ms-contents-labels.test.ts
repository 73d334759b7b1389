/**
 * A manuscript item's parts and a physical description's parts, named as a catalogue names them.
 *
 * The TEI Guidelines (chapter 10, Manuscript Description) give an item an incipit, "the opening words of the text
 * proper", an explicit, "the closing words of the text proper", a rubric, the words that signal "the beginning of a
 * text division", a finalRubric, the words that denote "the end of a text division", and a colophon, "a statement
 * providing information regarding the date, place, agency, or reason for production"; att.msExcerpt's @defective says
 * the quoted passage is "incomplete through loss or damage". All five are phrases of the same kind: run together in
 * the item's line unnamed, as they were, a reader could not tell an incipit from a colophon. The physical description's
 * parts (foliation, collation, condition, layoutDesc, handDesc, musicNotation, decoDesc, additions, bindingDesc,
 * sealDesc, accMat …) were bare paragraphs likewise. Each now says what it is, as the support and the extent already
 * did ("Support: Parchment."): "Incipit (defective): …" in the item's line, "Decoration: …" a line of its own, or,
 * where it holds several blocks, its label a line before them; a part inside a labelled one is not labelled again.
 * The plain text and the search records carry the same labels.
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';
import { passageWords } from '../support/records.js';

const doc = (body: string): TeiSource => teiDoc({ file: 'ms-labels.xml', title: 'Manuscript', body });

/** The words of the page's paragraphs of class $name, tags taken out. */
const lines = (html: string, name: string): string[] => [...html.matchAll(new RegExp(`<p class="${name}"[^>]*>([\\s\\S]*?)</p>`, 'g'))]
  .map(([, inner]) => inner.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim());

/** The page's labelled lines in order: the element's name, its label, its words. */
const labelled = (html: string): string[][] => [...html.matchAll(/<p class="tei-(\w+)"[^>]*><span class="ms-label">([^<]*)<\/span>([\s\S]*?)<\/p>/g)]
  .map(([, name, label, inner]) => [name, label, inner.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim()]);

/** The words of the document's search passages. */
const passages = (body: string): Promise<string[]> => passageWords(doc(body));

const ITEM = '<div><msDesc><msIdentifier><idno>MS 1</idno></msIdentifier><msContents>'
  + '<msItem n="1"><locus>fols. 1r-10v</locus> <title>Seinte Marherete</title> <textLang mainLang="enm">Middle English</textLang>'
  + ' <rubric>Her biginneð þe liflade</rubric>'
  + ' <incipit xml:id="inc1" defective="true"><locus>fol. 1r</locus> wes in Antioche</incipit>'
  + ' <explicit defective="false">to worldes ende</explicit>'
  + ' <finalRubric>Her endeð hire liflade</finalRubric>'
  + ' <colophon>Scripsit Johannes</colophon></msItem></msContents></msDesc></div>';
const ITEM_LINE = 'fols. 1r-10v: Seinte Marherete. Language: Middle English. Rubric: Her biginneð þe liflade.'
  + ' Incipit (defective): fol. 1r wes in Antioche. Explicit: to worldes ende. Final rubric: Her endeð hire liflade.'
  + ' Colophon: Scripsit Johannes';

const PHYS = '<div><msDesc><msIdentifier><idno>MS 2</idno></msIdentifier><physDesc>'
  + '<objectDesc form="codex"><supportDesc material="perg"><support><p>Parchment.</p></support><extent>ii + 143 leaves</extent>'
  + '<foliation><p>Modern foliation in pencil.</p></foliation><collation><p>1-12 (8).</p></collation>'
  + '<condition><p>Some leaves stained.</p></condition></supportDesc>'
  + '<layoutDesc><layout columns="1" writtenLines="24"><p>One column of 24 lines.</p></layout></layoutDesc></objectDesc>'
  + '<handDesc hands="1"><handNote scope="sole"><p>Written in textualis.</p></handNote></handDesc>'
  + '<musicNotation><p>Square notation on four-line staves.</p></musicNotation>'
  + '<decoDesc><p>Red initials.</p></decoDesc>'
  + '<additions><p>Marginalia in a later hand.</p></additions>'
  + '<bindingDesc><binding><p>Calf over boards.</p></binding></bindingDesc>'
  + '<sealDesc><seal><p>A wax seal.</p></seal></sealDesc>'
  + '<accMat><p>A letter to the owner.</p></accMat>'
  + '</physDesc></msDesc></div>';
const PHYS_LINES = [
  ['foliation', 'Foliation: ', 'Modern foliation in pencil.'],
  ['collation', 'Collation: ', '1-12 (8).'],
  ['condition', 'Condition: ', 'Some leaves stained.'],
  ['layoutDesc', 'Layout: ', 'One column of 24 lines.'],
  ['handDesc', 'Hands: ', 'Written in textualis.'],
  ['musicNotation', 'Music notation: ', 'Square notation on four-line staves.'],
  ['decoDesc', 'Decoration: ', 'Red initials.'],
  ['additions', 'Additions: ', 'Marginalia in a later hand.'],
  ['bindingDesc', 'Binding: ', 'Calf over boards.'],
  ['sealDesc', 'Seals: ', 'A wax seal.'],
  ['accMat', 'Accompanying material: ', 'A letter to the owner.'],
];

const NESTED = '<div><msDesc><msIdentifier><idno>MS 3</idno></msIdentifier><msContents>'
  + '<msItem n="1"><locus>fols. 1-20</locus> <title>Sermons</title>'
  + '<msItem n="1.1"><locus>fol. 1r</locus> <incipit>In principio erat verbum</incipit> <colophon>Finit sermo</colophon></msItem></msItem>'
  + '</msContents><physDesc>'
  + '<decoDesc><decoNote type="initial"><p>Red initials.</p></decoNote><decoNote type="border">A border on fol. 1r.</decoNote></decoDesc>'
  + '<bindingDesc><binding><p>Calf over boards.</p><condition><p>Worn at the corners.</p></condition></binding></bindingDesc>'
  + '</physDesc></msDesc></div>';
const NESTED_LINES = ['MS 3', 'fols. 1-20: Sermons', 'fol. 1r Incipit: In principio erat verbum. Colophon: Finit sermo',
  'Decoration', 'Red initials.', 'A border on fol. 1r.', 'Binding', 'Calf over boards.', 'Worn at the corners.'];

describe('a manuscript item\'s and a physical description\'s parts say what they are', function () {
  this.timeout(300_000);

  it('labels an item\'s rubric, incipit, explicit, final rubric and colophon in its line, on the page', async () => {
    const page = await toHtml(doc(ITEM));
    assert.deepEqual(lines(page, 'tei-msItem'), [ITEM_LINE]);
    assert.match(page, /<span class="tei-rubric"><span class="ms-label">Rubric: <\/span>Her biginneð þe liflade<\/span>/);
    assert.match(page, /<span class="tei-incipit" id="inc1"><span class="ms-label">Incipit \(defective\): <\/span><span class="tei-locus"[^>]*>fol\. 1r<\/span> wes in Antioche<\/span>/,
      'the incipit keeps its id and its locus; @defective is said');
    assert.match(page, /<span class="tei-explicit"><span class="ms-label">Explicit: <\/span>to worldes ende<\/span>/, 'defective="false" says nothing');
    assert.match(page, /<span class="tei-finalRubric"><span class="ms-label">Final rubric: <\/span>Her endeð hire liflade<\/span>/);
    assert.match(page, /<span class="tei-colophon"><span class="ms-label">Colophon: <\/span>Scripsit Johannes<\/span>/);
  });

  it('gives the item\'s labels to the plain text and the search records', async () => {
    assert.deepEqual((await toText(doc(ITEM))).trim().split('\n\n'), ['MS 1', ITEM_LINE]);
    assert.deepEqual(await passages(ITEM), ['MS 1', ITEM_LINE]);
  });

  it('labels the physical description\'s parts, each a line, on the page', async () => {
    const page = await toHtml(doc(PHYS));
    assert.deepEqual(labelled(page), [['support', 'Support: ', 'Parchment.'], ['extent', 'Extent: ', 'ii + 143 leaves'], ...PHYS_LINES]);
    assert.match(page, /<p class="tei-decoDesc"><span class="ms-label">Decoration: <\/span><span id="(para-\d+)" class="tei-p para">Red initials\.<\/span><\/p>/,
      'the paragraph keeps its anchor within the labelled line');
  });

  it('gives the physical description\'s labels to the plain text and the search records', async () => {
    const labelledLines = PHYS_LINES.map(([, label, words]) => label + words);
    assert.deepEqual((await toText(doc(PHYS))).trim().split('\n\n'),
      ['MS 2', 'Support: Parchment.', 'Extent: ii + 143 leaves', ...labelledLines]);
    // The support labelled as in the plain text (ms-support-search.test.ts).
    assert.deepEqual(await passages(PHYS), ['MS 2', 'Support: Parchment.', 'Extent: ii + 143 leaves', ...labelledLines]);
  });

  it('labels a part holding several blocks once, before them, and nothing inside a labelled part again', async () => {
    const page = await toHtml(doc(NESTED));
    assert.match(page, /<div class="tei-decoDesc"><p class="ms-heading"><span class="ms-label">Decoration<\/span><\/p><div class="tei-decoNote[^"]*">/);
    assert.match(page, /<div class="tei-bindingDesc"><p class="ms-heading"><span class="ms-label">Binding<\/span><\/p><div class="tei-binding">/);
    assert.match(page, /<div class="tei-condition"><p id="para-\d+" class="tei-p para"><a [^>]*>\d+<\/a> Worn at the corners\.<\/p><\/div>/,
      'the binding\'s condition is the binding\'s, under its label');
    assert.deepEqual(lines(page, 'tei-msItem'), [NESTED_LINES[2]], 'the nested item\'s parts labelled after its locus');
    assert.deepEqual((await toText(doc(NESTED))).trim().split('\n\n'), NESTED_LINES);
    assert.deepEqual(await passages(NESTED), NESTED_LINES);
  });

  // A description in the header: header.xsl's paragraph made an HTML p inside the labelled line's p ("Support: <p>…").
  it('keeps a labelled line one paragraph in the header\'s sourceDesc', async () => {
    const ms = '<msDesc><msIdentifier><idno>MS 5</idno></msIdentifier><physDesc><objectDesc><supportDesc><support><p>Parchment.</p></support>'
      + '</supportDesc></objectDesc><decoDesc><p>Red initials.</p></decoDesc></physDesc></msDesc>';
    const { text } = doc('<p>Text.</p>');
    const page = await toHtml({ file: 'ms-labels.xml', text: text.replace('<sourceDesc><p>Made up.</p></sourceDesc>', `<sourceDesc>${ms}</sourceDesc>`) });
    const about = page.slice(page.indexOf('<section id="about"'));
    assert.match(about, /<p class="tei-support"><span class="ms-label">Support: <\/span><span class="tei-p">Parchment\.<\/span><\/p>/);
    assert.match(about, /<p class="tei-decoDesc"><span class="ms-label">Decoration: <\/span><span class="tei-p">Red initials\.<\/span><\/p>/);
  });

  // A description in a note reads as one line of the note: its lines were run together ("MS 9f. 1", "Hand one.Hand two.").
  it('keeps a description\'s lines apart where it reads as one line, in a note', async () => {
    const body = '<p>Before<note place="foot"><msDesc><msIdentifier><idno>MS 9</idno></msIdentifier><msContents><msItem><locus>f. 1</locus>'
      + ' <title>Sermons</title> <incipit>In principio</incipit></msItem></msContents><physDesc><handDesc><handNote>Hand one.</handNote>'
      + '<handNote>Hand two.</handNote></handDesc><decoDesc><p>Red initials.</p></decoDesc></physDesc></msDesc></note> after.</p>';
    const note = 'MS 9 f. 1: Sermons. Incipit: In principio Hands: Hand one. Hand two. Decoration: Red initials.';
    assert.equal(await toText(doc(body)), `Before[1] after.\n\n[1] ${note}\n`);
    assert.deepEqual(await passages(body), [`Before [${note}] after.`]);
  });

  it('leaves a part that begins with a head of its own to its head, and a description outside msDesc alone', async () => {
    const headed = '<div><msDesc><msIdentifier><idno>MS 4</idno></msIdentifier><physDesc>'
      + '<decoDesc><head>Illumination</head><p>Gold initials.</p></decoDesc></physDesc></msDesc>'
      + '<listBibl><bibl><title>Sermons</title> <textLang>Latin</textLang></bibl></listBibl></div>';
    const text = (await toText(doc(headed))).trim().split('\n\n');
    assert.deepEqual(text.slice(0, 3), ['MS 4', 'Illumination', 'Gold initials.']);
    assert.doesNotMatch(text.join('\n'), /Decoration|Language:/);
  });
});
