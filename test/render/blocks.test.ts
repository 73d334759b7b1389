/**
 * Blocks that lost their meaning on the page (survey 36, items 12–16):
 * - a label outside a list ("any label or heading used to identify part of a
 *   text", TEI) was a bare span: between blocks it is now a block of its own
 *   (label-block), in a sentence a span set off lightly (label-inline); a
 *   list's labels are unchanged;
 * - a title page's imprimatur was an inline span: now a block, as its imprint;
 * - a division's second head (or head type="sub") was a second h2, as large
 *   as the title: now the title and its subtitle make an hgroup, the subtitle
 *   a p.subhead; the table of contents reads the title, not the subtitle;
 * - headLabel and headItem (a list's column headings) fell into the first
 *   entry ("TermMeaning first"): now a header row before the first entry of a
 *   gloss list, a line before the entries of another, and in the plain text a
 *   line of their own ("Term Meaning").
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';

const doc = (front: string, body: string): { text: string; file: string } => ({
  file: 'blocks.xml',
  text: '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Blocks</title></titleStmt>'
    + '<publicationStmt><p>Test.</p></publicationStmt><sourceDesc><p>Made up.</p></sourceDesc></fileDesc></teiHeader>'
    + `<text><front>${front}</front><body>${body}</body></text></TEI>`,
});

describe('labels, title pages, subtitles and column headings as blocks', function () {

  it('a label between blocks is a block; in a sentence, a span set off; in a list, as before', async () => {
    const page = await toHtml(doc('', '<div><p>Before.</p><label>CHORUS.</label><lg><l>one</l><label>REFRAIN</label><l>two</l></lg>'
      + '<p>Words <label>A.</label> more.</p><list><label>x</label><item>y</item></list><list><item><label>1.</label> first</item></list></div>'));
    assert.match(page, /<\/p><p class="tei-label label-block">CHORUS\.<\/p><div class="tei-lg">/);
    assert.match(page, /<p id="line-1" class="tei-l">one<\/p><p class="tei-label label-block">REFRAIN<\/p>/);
    assert.match(page, /Words <span class="tei-label label-inline">A\.<\/span> more\./);
    assert.match(page, /<dt class="tei-label">x<\/dt>/);
    assert.match(page, /<li class="tei-item"><span class="tei-label">1\.<\/span> first<\/li>/);
  });

  it('an imprimatur is a block of its title page', async () => {
    const page = await toHtml(doc('<titlePage><docTitle><titlePart type="main">Main</titlePart></docTitle>'
      + '<docImprint>London, 1850</docImprint><imprimatur>Imprimatur, J. Censor</imprimatur></titlePage>', '<p>x</p>'));
    assert.match(page, /<p class="tei-docImprint">London, 1850<\/p><p class="tei-imprimatur">Imprimatur, J\. Censor<\/p><\/div>/);
  });

  it('a division’s subtitle goes with its title in an hgroup; the contents read the title', async () => {
    const page = await toHtml(doc('', '<div><head>Chapter One</head><head type="sub">In which a subtitle</head><p>a</p></div>'
      + '<div><head>Two</head><head>Second head</head><p>b</p></div>'
      + '<div><head type="sub">Sub first</head><head>Three</head><p>c</p></div>'));
    assert.match(page, /<hgroup><h2 class="tei-head">Chapter One<\/h2><p class="tei-head rend-sub subhead">In which a subtitle<\/p><\/hgroup>/);
    assert.match(page, /<hgroup><h2 class="tei-head">Two<\/h2><p class="tei-head subhead">Second head<\/p><\/hgroup>/);
    assert.match(page, /<p class="tei-head rend-sub subhead">Sub first<\/p><h2 class="tei-head">Three<\/h2>/);
    const contents = [...(page.match(/<nav class="contents"[\s\S]*?<\/nav>/)?.[0] ?? '').matchAll(/<a href="[^"]*">([^<]*)<\/a>/g)].map((m) => m[1]);
    assert.deepEqual(contents, ['Chapter One', 'Two', 'Three']);
  });

  const lists = '<div><list type="gloss"><headLabel>Term</headLabel><headItem>Meaning</headItem><label>a</label><item>first</item><label>b</label><item>second</item></list>'
    + '<list><headLabel>No.</headLabel><headItem>Thing</headItem><item>one</item><item>two</item></list></div>';

  it('column headings head the list, not its first entry', async () => {
    const page = await toHtml(doc('', lists));
    assert.match(page, /<dl class="tei-list rend-gloss"><div class="entry list-headings"><dt class="tei-headLabel">Term<\/dt><dd class="tei-headItem">Meaning<\/dd><\/div><div class="entry"><dt class="tei-label">a<\/dt><dd>first<\/dd><\/div>/);
    assert.match(page, /<p class="list-headings"><span class="tei-headLabel">No\.<\/span> <span class="tei-headItem">Thing<\/span><\/p><ul class="tei-list"><li class="tei-item">one<\/li>/);
  });

  it('in the plain text, column headings are a line of their own, apart', async () => {
    const text = await toText(doc('', lists));
    assert.deepEqual(text.trim().split(/\n\n/), ['Term Meaning', 'a', 'first', 'b', 'second', 'No. Thing', 'one', 'two']);
  });
});
