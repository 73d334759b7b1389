/**
 * What the TEI Consortium's Stylesheets show and samizdat's page lost, round 2:
 * found by rendering more of the Stylesheets' own test files with both and
 * comparing what a reader sees.
 * - test32.xml (a sourceDoc transcription of sermons, its editor's 226 notes
 *   after the surfaces, each with @target on a line): the page called every
 *   note out and never wrote its body, so the call-outs led nowhere and the
 *   notes' words were lost (the plain text had them).
 * - maria.xml (a physics paper): tables inside paragraphs (symbols and their
 *   meanings) ran on as the paragraph's words, their rows and cells apart by
 *   a space only, where the Stylesheets show tables.
 */
import { strict as assert } from 'node:assert';
import { toHtml, toText } from '../../src/transform/index.js';
import { readFile } from 'node:fs/promises';
import { attribute, viewParagraphs, viewText, withClass } from '../support/page-views.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';

const header = '<teiHeader><fileDesc><titleStmt><title>Parity</title></titleStmt><publicationStmt><p>Test.</p></publicationStmt>'
  + '<sourceDesc><p>Made up.</p></sourceDesc></fileDesc></teiHeader>';
/** A document with no text, only the transcription of its source ($sourceDoc, the sourceDoc's content). */
const sourceDoc = (content: string): TeiSource => ({
  file: 'parity2.xml',
  text: `<TEI xmlns="http://www.tei-c.org/ns/1.0">${header}<sourceDoc>${content}</sourceDoc></TEI>`,
});

describe('what the TEI Stylesheets show, on samizdat\'s page, round 2', function () {
  this.timeout(300_000);

  it('ends a sourceDoc with the bodies of its notes, each where its call-out leads', async () => {
    const doc = sourceDoc('<surface n="1"><zone><line xml:id="l1">First line<note n="a">A note in the line.</note></line>'
      + '<line xml:id="l2">Second line</line></zone></surface>'
      + '<note place="end" target="#l1" n="1" xml:id="n1">On the first line.</note>'
      + '<note place="end" target="#l1" targetEnd="#l2" n="2" xml:id="n2">On both lines.</note>');
    const page = await toHtml(doc);
    const calls = withClass(page, 'note-ref').map((a) => attribute(a, 'href'));
    assert.deepEqual(calls, ['#note-1', '#n1', '#n2']);
    // Every call-out leads to a body on the page, which links back.
    const bodies = withClass(page, 'tei-note').filter((e) => e.tagName === 'li').map((li) => attribute(li, 'id'));
    assert.deepEqual(bodies.map((id) => `#${id}`), calls);
    assert.match(viewText(page, 'reading'), /A note in the line\.Notes1 On the first line\.2 On both lines\.$/);
    // The plain text had them already; it keeps them.
    assert.match(await toText(doc), /\[1\] On the first line\.\n\n\[2\] On both lines\./);
  });

  it('sets out a table inside a paragraph as a table: roles table, row, cell and header, in the paragraph', async () => {
    const body = '<p>where <table rend="inline"><head>Symbols</head><row role="label"><cell>Sign</cell><cell>Meaning</cell></row>'
      + '<row><cell role="label">z</cell><cell>charge of the particle</cell></row><row><cell>Z</cell><cell>atomic number</cell></row></table>'
      + ' and <table><row><cell>a</cell></row></table> more.</p>';
    const doc = teiDoc({ file: 'parity2.xml', title: 'Parity', body });
    const page = await toHtml(doc);
    const tables = withClass(page, 'table-in-phrase');
    assert.deepEqual(tables.map((t) => [t.tagName, attribute(t, 'role'), attribute(t, 'class')]), [
      ['span', 'table', 'tei-table rend-inline table-in-phrase'],
      ['span', 'table', 'tei-table table-in-phrase'],
    ]);
    const kids = (e: typeof tables[number]) => e.childNodes.filter((n): n is typeof e => 'tagName' in n);
    const rows = kids(tables[0]!).filter((r) => attribute(r, 'role') === 'row');
    assert.deepEqual(rows.map((r) => kids(r).map((c) => attribute(c, 'role'))), [
      ['columnheader', 'columnheader'], ['rowheader', 'cell'], ['cell', 'cell'],
    ]);
    // Still one paragraph of the page, its words in order.
    assert.deepEqual(viewParagraphs(page, 'reading'), ['where Symbols Sign Meaning z charge of the particle Z atomic number and a more.']);
    const style = await readFile(new URL('../../xslt/html/samizdat.css', import.meta.url), 'utf8');
    assert.match(style, /span\.table-in-phrase \{[^}]*display: table;/);
    assert.match(style, /span\.table-in-phrase\.rend-inline \{[^}]*display: inline-table/);
    assert.match(style, /span\.table-in-phrase > \[role="row"\] \{[^}]*display: table-row/);
    assert.match(style, /span\.table-in-phrase > \[role="row"\] > \[role\] \{[^}]*display: table-cell/);
    // The plain text had the rows as lines already; it keeps them.
    assert.match(await toText(doc), /^where\n\nSymbols\n\nSign Meaning\n\nz charge of the particle\n\nZ atomic number\n\nand\n\na\n\nmore\.\n$/);
  });
});
