/**
 * The keyword in context of each mention (the entity index's "…words before
 * <mark>Name</mark> words after…"), as docs/entities.md describes it: the
 * reading text before the mention since the start of the nearest paragraph,
 * line, heading, item … before it, and the text after it within its block,
 * each at most 60 characters cut at a word; text a reader does not see
 * (notes, the forms a choice sets aside) left out. Each case below is one
 * rule, its expected words read off the document by that rule.
 */
import { strict as assert } from 'node:assert';
import { toHtml } from '../../src/transform/index.js';
import type { StylesheetEntityData } from '../../src/entities/model.js';

/** A character declared for the document (a g pointing to it reads as its standard mapping). */
const CHAR_DECL = '<encodingDesc><charDecl><char xml:id="c1"><charName>LATIN SMALL LETTER CHI</charName>'
  + '<mapping type="standard">ꭓ</mapping></char></charDecl></encodingDesc>';

const HEADER = '<teiHeader><fileDesc><titleStmt><title>Contexts</title></titleStmt><publicationStmt><p>Test.</p></publicationStmt>'
  + '<sourceDesc><p>Made up.</p></sourceDesc></fileDesc>' + CHAR_DECL + '<profileDesc><particDesc><listPerson><person xml:id="anna"><persName>Anna</persName></person>'
  + '</listPerson></particDesc></profileDesc></teiHeader>';

/** The mentions of Anna in a document whose body is `body`, in document order. */
async function contexts(body: string): Promise<{ before: string; after: string }[]> {
  const text = `<TEI xmlns="http://www.tei-c.org/ns/1.0">${HEADER}<text><body>${body}</body></text></TEI>`;
  const data = JSON.parse(await toHtml({ text, file: 'contexts.xml' }, { params: { output: 'entities' } })) as StylesheetEntityData;
  return data.mentions.filter((m) => m.entry === 'contexts:anna').map(({ before, after }) => ({ before, after }));
}

const anna = '<persName ref="#anna">Anna</persName>';

/** The last 60 characters of a context, from its first whole word, as the index shows them. */
function lastWords(text: string): string {
  const tail = text.slice(-60);
  return `…${tail.slice(tail.search(/\s/) + 1)}`;
}

describe('mentions in context', function () {

  it('leaves out what a reader does not see: notes, the form a choice sets aside', async () => {
    assert.deepEqual(await contexts(`<p>Before the note<note>hidden words</note> we <choice><sic>mete</sic><corr>meet</corr></choice> ${anna} at home<note>not this</note> today.</p>`), [
      { before: 'Before the note we meet ', after: ' at home today.' },
    ]);
  });

  it('reads an abbreviated word expanded in place as the plain text does: the expansion, not the abbreviation mark', async () => {
    // TEI: am "contains a sequence of letters or signs present in an abbreviation which are omitted or replaced
    // in the expanded form"; beside an ex, the reading text gives the ex in its place.
    const body = `<p>D<am>~</am><ex>omi</ex>n<am>~</am><ex>us</ex> ${anna} <choice><abbr>s<am>~</am></abbr>`
      + '<expan>s<am>~</am><ex>anct</ex>a</expan></choice> mea</p>';
    assert.deepEqual(await contexts(body), [{ before: 'Dominus ', after: ' sancta mea' }]);
  });

  it('begins the words before at the nearest line, paragraph or item started before the mention, even one already closed', async () => {
    assert.deepEqual(await contexts(`<lg><l>The first line</l><l>and the second with ${anna} in it</l></lg>`
      + `<p>Prose first, <quote><l>a quoted line</l></quote> and then ${anna}.</p>`), [
      { before: 'and the second with ', after: ' in it' },
      { before: 'a quoted line and then ', after: '.' },
    ]);
  });

  it('reads a stage direction amid a verse line\'s words with the line, and keeps the entries of an inline list apart', async () => {
    assert.deepEqual(await contexts(`<sp><speaker>Ann</speaker><l>Come hither, <stage>kneels to ${anna}</stage> good sir</l>`
      + `<l>Then <stage>to ${anna}</stage> softly</l></sp>`
      + `<p>Ask ${anna}<list rend="inline"><item>x</item><item>y</item></list></p><p><list rend="inline"><item>x</item><item>y ${anna}</item></list></p>`), [
      { before: 'Come hither, kneels to ', after: ' good sir' },
      { before: 'Then to ', after: ' softly' },
      { before: 'Ask ', after: 'x y' },
      { before: 'y ', after: '' },
    ]);
  });

  it('sets a role description apart from its role, as the page does', async () => {
    assert.deepEqual(await contexts(`<castList><castItem><role>${anna}</role><roleDesc>a widow</roleDesc></castItem>`
      + `<castItem><role>Boris</role><roleDesc>brother to ${anna}</roleDesc></castItem>`
      + `<castItem><role>Cyril</role> <roleDesc>${anna}’s son</roleDesc></castItem></castList>`), [
      { before: '', after: ', a widow' },
      { before: 'Boris, brother to ', after: '' },
      { before: 'Cyril, ', after: '’s son' },
    ]);
  });

  it('reads on past a quotation or a reference amid the words of a sentence, not past one standing apart', async () => {
    assert.deepEqual(await contexts(`<p>He wrote <quote>I met ${anna} there</quote> yesterday.</p><p>See <bibl>Letters of ${anna}, 1923</bibl> for more.</p>`
      + `<p>As <cit><quote>${anna} wrote</quote> <bibl>her diary</bibl></cit> says.</p><p><quote>Only ${anna} here</quote></p>`
      + `<p>Prose, <quote><l>a line with ${anna}</l></quote> and more.</p>`), [
      { before: 'He wrote I met ', after: ' there yesterday.' },
      { before: 'See Letters of ', after: ', 1923 for more.' },
      { before: 'As ', after: ' wrote her diary says.' },
      { before: 'Only ', after: ' here' },
      { before: 'a line with ', after: '' },
    ]);
  });

  it('keeps a mention inside a note to the reading text around the note', async () => {
    assert.deepEqual(await contexts(`<p>Words <note>see ${anna} here</note> and more words.</p>`), [{ before: 'Words ', after: ' and more words.' }]);
  });

  it('cuts a long context at a word, whitespace collapsed, and marks the cut', async () => {
    const words = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen';
    const spaced = words.replace(/ /g, ' \n   ');
    const [mention] = await contexts(`<p>${spaced} ${anna} ${spaced}</p>`);
    assert.equal(mention!.before, lastWords(`${words} `));
    const head = ` ${words}`.slice(0, 60);
    assert.equal(mention!.after, `${head.slice(0, head.lastIndexOf(' '))}…`);
  });

  it('reads at most 24 text nodes after a mention', async () => {
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const [mention] = await contexts(`<p>${anna}${[...letters].map((c) => `<hi>${c}</hi>`).join('')}</p>`);
    assert.equal(mention!.after, letters.slice(0, 24));
  });

  it('begins the words before within the nearest enclosing start, however deep the mention and whatever comes before it in the document', async () => {
    const earlier = `<div><head>Earlier</head><p>${'An earlier paragraph. '.repeat(10)}</p><p>More of it.</p></div>`;
    assert.deepEqual(await contexts(`${earlier}<div><head>Here</head><p>Start <hi>of <emph>the ${anna}</emph></hi> end</p><bibl>A source by ${anna}</bibl></div>`), [
      { before: 'Start of the ', after: ' end' },
      // A bibl is no start: its words before begin at the start of the paragraph before it.
      { before: 'Start of the Anna endA source by ', after: '' },
    ]);
  });

  it('finds the words before a mention late in a long paragraph, past the text of earlier mentions', async () => {
    const filler = Array.from({ length: 40 }, (_, i) => `sentence ${i} goes on with <hi>marked</hi> words,`).join(' ');
    const mentions = await contexts(`<p>${anna} ${filler} ${anna} again</p>`);
    assert.equal(mentions.length, 2);
    assert.equal(mentions[0]!.before, '');
    assert.equal(mentions[1]!.before, lastWords(`${filler.replace(/<\/?hi>/g, '')} `));
    assert.equal(mentions[1]!.after, ' again');
  });

  it('begins the words before after any start closed before the mention: each of the names that starts them', async () => {
    // Each name here starts the words before; one left out of the rule would run them past it, one added would stop them at it.
    // A speaker's label starts them too, but its words are no context of what follows it (a heading of the speech, not said).
    // A stage direction starts them only where it stands apart (see the verse line above): amid a sentence's words, as here, it is read with them.
    const starts = ['p', 'ab', 'l', 'head', 'item', 'label', 'speaker', 'cell', 'castItem', 'lg', 'sp', 'div', 'floatingText', 'text'];
    const body = starts.map((name) => `<p>Prose first, <${name}>inner ${name}</${name}> and then ${anna}.</p>`).join('');
    assert.deepEqual(await contexts(`${body}<p>Prose first, <hi>inner hi</hi> and then ${anna}.</p><p>Prose first, <stage>inner stage</stage> and then ${anna}.</p>`), [
      ...starts.map((name) => ({ before: name === 'speaker' ? 'and then ' : `inner ${name} and then `, after: '.' })),
      { before: 'Prose first, inner hi and then ', after: '.' },
      { before: 'Prose first, inner stage and then ', after: '.' },
    ]);
  });

  it('begins the words before at an empty start too', async () => {
    assert.deepEqual(await contexts(`<p>Not these words <cell/> but these, ${anna}.</p>`), [{ before: 'but these, ', after: '.' }]);
  });

  it('reads around a mention at the very start or end of its block, hidden text next to it, and deep in a note', async () => {
    assert.deepEqual(await contexts(`<p>${anna}<note>unseen</note> opens it.</p><p>It ends with<note>unseen</note> ${anna}</p>`
      + `<p>Outer words <note><p>A note's <hi>own <emph>${anna}</emph> words</hi><sic>not</sic> end.</p></note> go on.</p>`), [
      { before: '', after: ' opens it.' },
      { before: 'It ends with ', after: '' },
      // Deep in a paragraph of a note, the words around are the note's: unread, like all of it.
      { before: '', after: '' },
    ]);
  });

  it('reads a name within a name from the words around each, and each block apart', async () => {
    const inner = `<persName ref="#anna">Anna <surname ref="#anna">Smith</surname></persName>`;
    assert.deepEqual(await contexts(`<p>We met ${inner} there.</p><p>Next day ${anna}</p><p>and ${anna} again.</p>`), [
      { before: 'We met ', after: ' there.' },
      { before: 'We met Anna ', after: ' there.' },
      { before: 'Next day ', after: '' },
      { before: 'and ', after: ' again.' },
    ]);
  });

  it('keeps apart the words of two blocks the encoding sets with no white space between them', async () => {
    assert.deepEqual(await contexts(`<table><row><cell>${anna}</cell><cell>next cell</cell></row></table>`
      + `<div><closer><salute>Yours,</salute><signed>${anna}</signed></closer></div>`
      // A block inside a note is unread: the words around the note stay as the encoding has them.
      + `<p>Before ${anna}<note><p>unseen</p></note>after</p>`), [
      { before: '', after: ' next cell' },
      { before: 'Yours, ', after: '' },
      { before: 'Before ', after: 'after' },
    ]);
  });

  it('leaves out the readings an apparatus sets aside, keeps its lemma', async () => {
    assert.deepEqual(await contexts(`<p>A <app><lem>kept</lem><rdg>dropped</rdg></app> word then ${anna} and <app><lem>this</lem><rdg>not</rdg></app> end</p>`), [
      { before: 'A kept word then ', after: ' and this end' },
    ]);
  });

  it('leaves out the readings the page does not show: a group\'s, all but the first of an app without a lemma, all of an app linked by @from/@to', async () => {
    // An rdgGrp "groups readings which share some feature"; the text shows the lem, else the first reading
    // (common/apparatus.xsl, samizdat:shown-reading): the context read "Then leftwentwente" and "Then leftwentwente".
    assert.deepEqual(await contexts(`<p>Then <app><lem>left</lem><rdgGrp type="orthographic"><rdg wit="#B">went</rdg><rdg wit="#C">wente</rdg></rdgGrp></app> ${anna} home.</p>`
      + `<p>Then <app><rdg wit="#A">left</rdg><rdg wit="#B">went</rdg><rdgGrp><rdg wit="#C">wente</rdg></rdgGrp></app> ${anna} away.</p>`
      + `<p>Then <app><rdgGrp><lem>left</lem><rdg wit="#B">lefte</rdg></rdgGrp><rdg wit="#C">went</rdg></app> ${anna} again.</p>`
      // An app linked by @from/@to shows none of its readings: the words are the base text's ("He wrotewrote to").
      + `<p>He <anchor xml:id="a1"/>wrote<anchor xml:id="a2"/><app from="#a1" to="#a2"><lem>wrote</lem><rdg wit="#B">wrot</rdg></app> to ${anna}.</p>`), [
      { before: 'Then left ', after: ' home.' },
      { before: 'Then left ', after: ' away.' },
      { before: 'Then left ', after: ' again.' },
      { before: 'He wrote to ', after: '.' },
    ]);
  });

  it("reads a speaker's label around a mention in it, on both sides, and on into the speech it heads", async () => {
    // The label's own words on each side, then (after a space: the label is a block of its own) the speech in
    // reading order, stage directions included, as far as the words after go; before, nothing of the speech before.
    assert.deepEqual(await contexts(`<sp><speaker>Before</speaker><p>An earlier speech.</p></sp>`
      + `<sp><speaker>The nurse ${anna} herself</speaker><p>Hello.</p></sp>`
      + `<sp><speaker>${anna}</speaker><stage>aside</stage> <l>A line <note>unseen</note>of verse</l></sp>`), [
      { before: 'The nurse ', after: ' herself Hello.' },
      { before: '', after: ' aside A line of verse' },
    ]);
  });

  it("leaves a speaker's label out of the words before a mention in the speech, however the speech is encoded", async () => {
    // A p is a start of its own, a q is not: without the rule the q's words before would begin at the label.
    assert.deepEqual(await contexts(`<sp><speaker>HAMLET</speaker> <p>To be ${anna} or not</p></sp>`
      + `<sp><speaker>HAMLET</speaker> <q>To be ${anna} or not</q></sp>`), [
      { before: 'To be ', after: ' or not' },
      { before: 'To be ', after: ' or not' },
    ]);
  });

  it("gives a name in a speaker's label the speech its speech mention shows, after the words of the label", async () => {
    const mentions = await contexts(`<sp who="#anna"><speaker>${anna}</speaker> <l>Line one</l> <l>and two</l></sp>`);
    assert.equal(mentions.length, 2);
    const [speech, name] = mentions;
    assert.equal(name!.before, '');
    assert.equal(name!.after, ` ${speech!.after}`);
    assert.equal(speech!.after, 'Line one and two');
  });

  it('reads an empty g as the character its declaration maps it to, as the page does', async () => {
    assert.deepEqual(await contexts(`<p>The sign <g ref="#c1"/> by ${anna} <g ref="#c1"/>es</p>`), [
      { before: 'The sign ꭓ by ', after: ' ꭓes' },
    ]);
  });

  it('reads a pause, a sound, a movement as the plain text does: the description in parentheses, set apart from a word', async () => {
    assert.deepEqual(await contexts(`<div><u>so he said<vocal><desc>coughs</desc></vocal>that ${anna} <pause dur="PT2S"/>came<kinesic><desc>nods</desc></kinesic></u></div>`), [
      { before: 'so he said (coughs) that ', after: ' (pause, 2 s) came (nods)' },
    ]);
  });

  it('leaves out interpretations and span annotations, which are about the text and not of it', async () => {
    assert.deepEqual(await contexts(`<p>Seen <interp>an interpretation</interp>by ${anna}<interpGrp><interp>more</interp></interpGrp>`
      + '<span>a remark on the span</span><spanGrp><span>another</span></spanGrp> today.</p>'), [
      { before: 'Seen by ', after: ' today.' },
    ]);
  });

  it('leaves out what the reading text deletes, in a del or in a deleted span, and keeps a restored deletion', async () => {
    assert.deepEqual(await contexts(`<p>We met<del>struck words</del> ${anna} <subst><del>wrote</del><add>said</add></subst>`
      + '<delSpan spanTo="#e1"/> struck out<lb/>and more<anchor xml:id="e1"/> and <restore><del>kept</del></restore> left.</p>'), [
      { before: 'We met ', after: ' said and kept left.' },
    ]);
  });

  it('counts and cuts characters beyond the Basic Multilingual Plane as one each', async () => {
    const words = Array.from({ length: 20 }, (_, i) => (i % 2 ? '𝔄𝔫𝔫𝔞' : '😀x')).join(' ');
    const points = [...words];
    const [mention] = await contexts(`<p>${words} ${anna} ${words}</p>`);
    const tail = [...`${words} `].slice(-60).join('');
    assert.equal(mention!.before, `…${tail.slice(tail.search(/\s/) + 1)}`);
    const head = [' ', ...points].slice(0, 60).join('');
    assert.equal(mention!.after, `${head.slice(0, head.lastIndexOf(' '))}…`);
  });
});
