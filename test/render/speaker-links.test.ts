/**
 * A speaker (sp/@who) or a cast item that names an entity is a block whose
 * words are a link. The block template renders that link itself when
 * entities.xsl hands it over (textstructure.xsl, $samizdat:link); the general
 * way, still taken when an apparatus entry standing apart may come between,
 * captures the block and copies it into a new element. Both must give the
 * same page: links to an entry, to an authority (with its name), to several
 * targets, none; a speaker in a phrase, holding a block, holding a name or a
 * note; a cast item without a role.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { toHtml } from '../../src/transform/index.js';
import { repoRoot } from '../support/paths.js';

const HEADER = '<teiHeader><fileDesc><titleStmt><title>Speakers</title></titleStmt><publicationStmt><p>Test.</p></publicationStmt>'
  + '<sourceDesc><p>Made up.</p></sourceDesc></fileDesc><profileDesc><particDesc><listPerson>'
  + '<person xml:id="anna"><persName>Anna</persName></person><person xml:id="boris"><persName>Boris</persName></person>'
  + '</listPerson></particDesc></profileDesc></teiHeader>';

const BODY = '<castList><castItem ref="#anna">Anna, a widow</castItem><castItem sameAs="https://viaf.org/viaf/34551336">Boris</castItem>'
  + '<castItem ref="#nobody">Nobody</castItem><castItem ref="#boris"> </castItem></castList>'
  + '<sp who="#anna"><speaker>ANNA</speaker><l>One line.</l></sp>'
  + '<sp who="#boris #anna"><speaker rend="italic">BORIS <hi>and</hi> ANNA</speaker><p>Together.</p></sp>'
  + '<sp who="https://viaf.org/viaf/34551336"><speaker>BORIS</speaker><l>Far away.</l></sp>'
  + '<sp who="#nobody"><speaker>NOBODY</speaker><l>Unknown.</l></sp>'
  + '<sp who="#anna"><speaker><persName ref="#boris">Boris</persName>’s wife<note>A note.</note></speaker><stage>Aside.</stage></sp>'
  + '<sp who="#boris"><speaker><lg><l>BORIS,</l><l>in verse</l></lg></speaker><l>A block in the speaker.</l></sp>'
  + '<p>In a paragraph: <sp who="#anna"><speaker>ANNA</speaker></sp>.</p>'
  + '<sp who="#anna"><speaker> </speaker><l>No name.</l></sp>';

const text = `<TEI xmlns="http://www.tei-c.org/ns/1.0">${HEADER}<text><body>${BODY}</body></text></TEI>`;

describe('speakers and cast items linked to their entities', function () {
  this.timeout(300_000);
  const scratch = mkdtempSync(join(tmpdir(), 'samizdat-speakers-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('renders the link in the block as the general way does', async () => {
    // Claiming an apparatus entry standing apart may exist sends every speaker and cast item the general way.
    const general = join(scratch, 'general.xsl');
    writeFileSync(general, '<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:samizdat="urn:samizdat">'
      + `<xsl:import href="${pathToFileURL(join(repoRoot, 'xslt', 'html', 'html.xsl')).href}"/>`
      + '<xsl:variable name="samizdat:apparatus-apart" as="xs:boolean" select="true()"/></xsl:stylesheet>');
    const input = { text, file: 'speakers.xml' };
    const page = await toHtml(input);
    assert.equal(page, await toHtml(input, { stylesheet: general }));
    const body = page.slice(page.indexOf('<main'));
    assert.ok(body.includes('<p class="tei-speaker"><a class="entity speaker-link" href="../entities/index.html#speakers%3Aanna">ANNA</a></p>'));
    assert.ok(body.includes('<p class="tei-speaker rend-italic typo-italic"><a class="entity speaker-link" href="../entities/index.html#speakers%3Aboris">BORIS <span class="tei-hi no-rend">and</span> ANNA</a>'
      + '<sup class="entity-also"><a class="entity" href="../entities/index.html#speakers%3Aanna" aria-label="2: Anna">2</a></sup></p>'));
    assert.match(body, /<p class="tei-speaker"><a class="entity authority-link speaker-link" href="https:\/\/viaf.org\/viaf\/34551336">BORIS <span class="authority-name">VIAF<\/span><\/a><\/p>/);
    assert.ok(body.includes('<p class="tei-speaker">NOBODY</p>'));
    assert.match(body, /<div class="tei-speaker"><a class="entity speaker-link" href="[^"]+#speakers%3Aboris"><div class="tei-lg">/);
    assert.ok(body.includes('<span class="tei-speaker"><a class="entity speaker-link" href="../entities/index.html#speakers%3Aanna">ANNA</a></span>'));
    assert.match(body, /<p id="cast-1" class="tei-castItem"><a class="entity name-link" href="[^"]+#speakers%3Aanna">Anna, a widow<\/a><\/p>/);
    assert.match(body, /<p id="cast-2" class="tei-castItem"><a class="entity authority-link name-link" href="https:\/\/viaf.org\/viaf\/34551336">Boris <span class="authority-name">VIAF<\/span><\/a><\/p>/);
  });
});
