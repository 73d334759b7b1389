/**
 * Same input, same page: an omission without an xml:id gets an id made from
 * its place in the document, whatever the thread rendered before it (saxon-js
 * numbers documents in the order a thread first asks for an id in them).
 */
import { strict as assert } from 'node:assert';
import { toHtml } from '../../src/transform/index.js';

const doc = (body: string): { text: string; file: string } => ({
  file: 'omissions.xml',
  text: '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Omissions</title></titleStmt>'
    + `<publicationStmt><p>Test.</p></publicationStmt><sourceDesc><p>Made up.</p></sourceDesc></fileDesc></teiHeader><text><body>${body}</body></text></TEI>`,
});

describe('omission ids', function () {
  this.timeout(120_000);

  it('do not depend on the documents rendered before in the same thread', async () => {
    const omissions = doc('<p>One <gap reason="illegible" quantity="3" unit="word"/> two <ellipsis><metamark>. . .</metamark></ellipsis> three.</p>');
    const first = await toHtml(omissions);
    const ids = [...first.matchAll(/id="(omission-[^"]+)"/g)].map((m) => m[1]).filter((id) => !id!.endsWith('-why'));
    assert.equal(new Set(ids).size, 2, 'each omission has an id of its own');
    // Other documents in between, each of which needs ids of its own.
    for (let i = 0; i < 3; i++) await toHtml(doc(`<p>Other <gap/> document ${i}.</p>`));
    assert.equal(await toHtml(omissions), first);
  });
});
