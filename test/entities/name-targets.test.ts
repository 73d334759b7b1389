/**
 * A name's targets are asked twice in one run of the HTML stylesheet: by the
 * page, for the name's link, and by the entity data, for its mention. Each
 * name must get its own targets on both sides: entries, authorities, several
 * of them (deduplicated, in the order written), or none; a cast item through
 * its role. Pins the behaviour a memo of the targets (one resolution per name)
 * must keep.
 */
import { strict as assert } from 'node:assert';
import { toHtml } from '../../src/transform/index.js';
import type { StylesheetEntityData } from '../../src/entities/model.js';

const HEADER = '<teiHeader><fileDesc><titleStmt><title>Targets</title></titleStmt><publicationStmt><p>Test.</p></publicationStmt>'
  + '<sourceDesc><p>Made up.</p></sourceDesc></fileDesc><profileDesc><particDesc><listPerson>'
  + '<person xml:id="anna"><persName>Anna</persName></person><person xml:id="boris"><persName>Boris</persName></person>'
  + '</listPerson></particDesc></profileDesc></teiHeader>';

const BODY = '<p><persName ref="#anna">Anna</persName> met <persName ref="#boris https://viaf.org/viaf/34551336">Boris</persName>,'
  + ' <persName ref="#nobody">Nobody</persName>, <persName ref="https://example.org/x">X</persName>'
  + ' and <rs key="anna">her</rs> with <persName ref="#boris #anna #boris">both</persName>.</p>'
  + '<castList><castItem ref="#boris"><role>Boris the role</role></castItem></castList>';

const text = `<TEI xmlns="http://www.tei-c.org/ns/1.0">${HEADER}<text><body>${BODY}</body></text></TEI>`;

describe('names\' targets on the page and in the mentions', function () {

  it('links each name to its own targets on the page', async () => {
    const page = await toHtml({ text, file: 'targets.xml' });
    const body = page.slice(page.indexOf('<main'));
    const links = [...body.matchAll(/<a class="entity[^"]*" href="([^"]+)"[^>]*>(.*?)<\/a>/g)].map(([, href, content]) => [href, content!.replace(/<[^>]+>/g, '')]);
    assert.deepEqual(links, [
      ['../entities/index.html#targets%3Aanna', 'Anna'],
      ['../entities/index.html#targets%3Aboris', 'Boris'],
      ['https://example.org/x', 'X example.org'],
      ['../entities/index.html#targets%3Aanna', 'her'],
      ['../entities/index.html#targets%3Aboris', 'both'],
      ['../entities/index.html#targets%3Aanna', '2'],
      ['../entities/index.html#targets%3Aboris', 'Boris the role'],
    ]);
    assert.match(body, /<a class="authority-name" href="https:\/\/viaf.org\/viaf\/34551336">VIAF<\/a>/);
    assert.match(body, /<span class="entity[^"]*">Nobody<\/span>/);
  });

  it('gives each mention the entries of its own name', async () => {
    const data = JSON.parse(await toHtml({ text, file: 'targets.xml' }, { params: { output: 'entities' } })) as StylesheetEntityData;
    assert.deepEqual(data.mentions.map((m) => [m.entry, m.kind, m.text]), [
      ['targets:anna', 'name', 'Anna'],
      ['targets:boris', 'name', 'Boris'],
      ['targets:anna', 'name', 'her'],
      ['targets:boris', 'name', 'both'],
      ['targets:anna', 'name', 'both'],
      ['targets:boris', 'cast', 'Boris the role'],
    ]);
  });
});
