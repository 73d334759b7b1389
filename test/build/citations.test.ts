/**
 * The build's citations: what `citationsKey` read of a document is used again
 * to draw its citations up (one parse of the text, not two), and only while
 * the document and the options are those it was read from.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { citationProvider, citationsKey, type PublishedDocument } from '../../src/build/citations.js';
import { repoRoot } from '../support/paths.js';

const file = join(repoRoot, 'tei', '1923-opposition-ch01.xml');
const text = readFileSync(file, 'utf8');
const TITLE = 'Trotsky opens the attack';

describe('build: citations keyed, then drawn up', () => {
  it('draws up from the key\'s reading the same citations as from a fresh one', async () => {
    const options = {};
    const keyed: PublishedDocument = { name: 'ch01', file, text };
    assert.ok(citationsKey(options, keyed));
    const again = await citationProvider(options)(keyed);
    const fresh = await citationProvider(options)({ name: 'ch01', file, text });
    assert.deepEqual(again, fresh);
    assert.match(again.block ?? '', /Trotsky opens the attack/);
  });

  it('reads a document again when its text changed after the key was made', async () => {
    const options = {};
    const document: PublishedDocument = { name: 'ch01', file, text };
    citationsKey(options, document);
    assert.ok(text.includes(TITLE));
    document.text = text.replaceAll(TITLE, 'Trotsky changes the title');
    const citations = await citationProvider(options)(document);
    assert.match(citations.block ?? '', /Trotsky changes the title/);
    assert.doesNotMatch(citations.block ?? '', /Trotsky opens the attack/);
  });

  it('reads a document again for other options (another base URL) or another name', async () => {
    const document: PublishedDocument = { name: 'ch01', file, text };
    citationsKey({}, document);
    const placed = await citationProvider({ baseUrl: 'https://example.org/edition' })(document);
    assert.match(placed.head ?? '', /https:\/\/example\.org\/edition\/ch01\//);
    const options = { baseUrl: 'https://example.org/edition' };
    citationsKey(options, document);
    document.name = 'renamed';
    const renamed = await citationProvider(options)(document);
    assert.match(renamed.head ?? '', /https:\/\/example\.org\/edition\/renamed\//);
    assert.doesNotMatch(renamed.head ?? '', /edition\/ch01\//);
  });
});
