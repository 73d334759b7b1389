/**
 * Same input, same page: an omission without an xml:id gets an id made from
 * its place in the document, whatever the thread rendered before it (saxon-js
 * numbers documents in the order a thread first asks for an id in them).
 */
import { strict as assert } from 'node:assert';
import { toHtml } from '../../src/transform/index.js';
import { teiDoc, type TeiSource } from '../support/tei-doc.js';

const doc = (body: string): TeiSource => teiDoc({ file: 'omissions.xml', title: 'Omissions', body });

describe('omission ids', function () {

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
